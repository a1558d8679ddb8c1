#include "cropland_nearness.h"

#include <algorithm>

#include "rule_reach.h"
#include "summed_area.h"

namespace onemap::change::detail {

CroplandNearness::CroplandNearness(const std::vector<std::uint8_t>& touched, int cellsX, int cellsY,
                                   const raster::Grid& grid)
    : m_cellsX(cellsX), m_cellsY(cellsY), m_width(grid.width), m_height(grid.height) {
  summedArea(cellsX, cellsY, m_sum, [&](int x, int y) {
    return int(touched[std::size_t(y) * std::size_t(cellsX) + std::size_t(x)] != 0);
  });
}

bool CroplandNearness::near(int x0, int x1, int y0, int y1) const {
  const auto [cx0, cx1] = cells(x0, x1, m_width, m_cellsX);
  const auto [cy0, cy1] = cells(y0, y1, m_height, m_cellsY);
  const std::size_t stride = std::size_t(m_cellsX) + 1;
  const auto at = [&](int x, int y) { return m_sum[std::size_t(y) * stride + std::size_t(x)]; };
  return at(cx1, cy1) - at(cx0, cy1) - at(cx1, cy0) + at(cx0, cy0) > 0;
}

void CroplandNearness::runsNear(int x0, int x1, int y0, int y1, int blockWidth,
                                std::vector<std::pair<int, int>>& runs) const {
  runs.clear();
  for (int x = x0; x < x1;) {
    const int end = std::min(x1, (x / blockWidth + 1) * blockWidth);
    if (near(x, end, y0, y1)) {
      if (!runs.empty() && runs.back().second == x - x0) runs.back().second = end - x0;
      else runs.emplace_back(x - x0, end - x0);
    }
    x = end;
  }
}

std::pair<int, int> CroplandNearness::cells(int p0, int p1, int pixels, int cells) {
  const std::int64_t a = std::max(0, p0 - kHalo), b = std::min(pixels, p1 + kHalo);
  const std::int64_t c0 = a * cells / pixels - 1, c1 = (b * cells + pixels - 1) / pixels + 1;
  return {int(std::clamp<std::int64_t>(c0, 0, cells)), int(std::clamp<std::int64_t>(c1, 0, cells))};
}

}  // namespace onemap::change::detail
