#include "onemap/render/feature_grid.h"

#include <algorithm>
#include <cmath>

namespace onemap::render {
namespace {

constexpr int kMaxCellsPerFeature = 64;

bool intersects(const std::array<double, 4>& box, const Extent& area) {
  return box[0] <= area.maxX() && box[2] >= area.minX() && box[1] <= area.maxY() && box[3] >= area.minY();
}

}  // namespace

FeatureGrid::FeatureGrid(const std::vector<std::array<double, 4>>& boxes) {
  for (const auto& b : boxes) m_extent.include(Extent(b[0], b[1], b[2], b[3]));
  if (boxes.empty() || m_extent.isEmpty()) return;
  // About four features per cell, cells as square as the extent allows, at most 1024 x 1024.
  const double cells = std::clamp(double(boxes.size()) / 4.0, 1.0, 1024.0 * 1024.0);
  const double w = std::max(m_extent.width(), 1e-12);
  const double h = std::max(m_extent.height(), 1e-12);
  const double side = std::sqrt(w * h / cells);
  m_columns = std::clamp(int(std::ceil(w / side)), 1, 1024);
  m_rows = std::clamp(int(std::ceil(h / side)), 1, 1024);
  m_cellWidth = w / m_columns;
  m_cellHeight = h / m_rows;

  const auto cellRange = [&](const std::array<double, 4>& b, int& c0, int& r0, int& c1, int& r1) {
    c0 = std::clamp(int((b[0] - m_extent.minX()) / m_cellWidth), 0, m_columns - 1);
    c1 = std::clamp(int((b[2] - m_extent.minX()) / m_cellWidth), 0, m_columns - 1);
    r0 = std::clamp(int((b[1] - m_extent.minY()) / m_cellHeight), 0, m_rows - 1);
    r1 = std::clamp(int((b[3] - m_extent.minY()) / m_cellHeight), 0, m_rows - 1);
  };
  // Counting pass, then filling pass (compressed rows: no per-cell vectors).
  std::vector<std::uint32_t> counts(std::size_t(m_columns) * std::size_t(m_rows) + 1, 0);
  for (std::size_t f = 0; f < boxes.size(); ++f) {
    int c0, r0, c1, r1;
    cellRange(boxes[f], c0, r0, c1, r1);
    if ((c1 - c0 + 1) * (r1 - r0 + 1) > kMaxCellsPerFeature) {
      m_large.push_back(std::uint32_t(f));
      continue;
    }
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c) ++counts[std::size_t(r) * std::size_t(m_columns) + std::size_t(c) + 1];
  }
  for (std::size_t i = 1; i < counts.size(); ++i) counts[i] += counts[i - 1];
  m_cellStart = counts;
  m_items.resize(counts.back());
  for (std::size_t f = 0; f < boxes.size(); ++f) {
    int c0, r0, c1, r1;
    cellRange(boxes[f], c0, r0, c1, r1);
    if ((c1 - c0 + 1) * (r1 - r0 + 1) > kMaxCellsPerFeature) continue;
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c) m_items[counts[std::size_t(r) * std::size_t(m_columns) + std::size_t(c)]++] = std::uint32_t(f);
  }
}

void FeatureGrid::query(const std::vector<std::array<double, 4>>& boxes, const Extent& area,
                        std::vector<std::uint32_t>& out) const {
  out.clear();
  if (m_columns == 0 || area.isEmpty() || !area.intersects(m_extent)) return;
  const int c0 = std::clamp(int((area.minX() - m_extent.minX()) / m_cellWidth), 0, m_columns - 1);
  const int c1 = std::clamp(int((area.maxX() - m_extent.minX()) / m_cellWidth), 0, m_columns - 1);
  const int r0 = std::clamp(int((area.minY() - m_extent.minY()) / m_cellHeight), 0, m_rows - 1);
  const int r1 = std::clamp(int((area.maxY() - m_extent.minY()) / m_cellHeight), 0, m_rows - 1);
  const std::size_t cells = std::size_t(c1 - c0 + 1) * std::size_t(r1 - r0 + 1);
  if (cells * 4 >= std::size_t(m_columns) * std::size_t(m_rows)) {
    // A quarter of the grid or more: a straight scan is cheaper than gathering and sorting.
    for (std::size_t f = 0; f < boxes.size(); ++f)
      if (intersects(boxes[f], area)) out.push_back(std::uint32_t(f));
    return;
  }
  for (int r = r0; r <= r1; ++r) {
    const std::size_t row = std::size_t(r) * std::size_t(m_columns);
    for (std::size_t i = m_cellStart[row + std::size_t(c0)]; i < m_cellStart[row + std::size_t(c1) + 1]; ++i)
      if (intersects(boxes[m_items[i]], area)) out.push_back(m_items[i]);
  }
  for (const std::uint32_t f : m_large)
    if (intersects(boxes[f], area)) out.push_back(f);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::size_t FeatureGrid::bytes() const {
  return (m_cellStart.capacity() + m_items.capacity() + m_large.capacity()) * sizeof(std::uint32_t);
}

}  // namespace onemap::render
