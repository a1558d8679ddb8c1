#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "onemap/base/extent.h"

namespace onemap::render {

/// A uniform grid over feature bounding boxes for "which features touch this rectangle"
/// queries. Built once from the boxes; immutable afterwards and safe to query from any thread.
class FeatureGrid {
 public:
  FeatureGrid() = default;
  /// Indexes `boxes` (minX, minY, maxX, maxY), aiming at a few features per cell.
  explicit FeatureGrid(const std::vector<std::array<double, 4>>& boxes);

  /// Indices of the features whose box intersects `area`, ascending (= insertion order),
  /// each once. `out` is overwritten.
  void query(const std::vector<std::array<double, 4>>& boxes, const Extent& area,
             std::vector<std::uint32_t>& out) const;

  /// Bytes held by the index.
  std::size_t bytes() const;
  const Extent& extent() const { return m_extent; }

 private:
  Extent m_extent;
  int m_columns = 0;
  int m_rows = 0;
  double m_cellWidth = 1.0;
  double m_cellHeight = 1.0;
  std::vector<std::uint32_t> m_cellStart;  ///< m_columns * m_rows + 1 offsets into m_items
  std::vector<std::uint32_t> m_items;
  std::vector<std::uint32_t> m_large;      ///< features spanning too many cells, always tested
};

}  // namespace onemap::render
