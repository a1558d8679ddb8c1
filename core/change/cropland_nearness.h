#pragma once
// Internal to onemap_change: which image blocks the block pass must read at all.

#include <cstdint>
#include <utility>
#include <vector>

#include "onemap/raster/raster_source.h"

namespace onemap::change::detail {

/// Where cropland may lie, from a burn of the cropland onto the sample grid with every touched
/// cell marked: whether any cropland pixel lies within kHalo of a window of the image grid. No
/// rule looks farther from a cropland pixel than kHalo (the texture window at the shifted
/// neighbours, the cloud zone; growth, bridging and clean-up only reach from change, which is on
/// cropland), so the values of pixels farther away change no class. One more cell all round
/// covers the rounding of polygon edges at the two resolutions.
class CroplandNearness {
 public:
  CroplandNearness(const std::vector<std::uint8_t>& touched, int cellsX, int cellsY, const raster::Grid& grid);
  /// Whether cropland may lie within kHalo of the pixels [x0, x1) × [y0, y1).
  bool near(int x0, int x1, int y0, int y1) const;
  /// The runs of block columns (`blockWidth` wide) of the pixels [x0, x1) × [y0, y1) that
  /// cropland lies near, into `runs` as columns [a, b) from x0, adjacent blocks merged.
  void runsNear(int x0, int x1, int y0, int y1, int blockWidth, std::vector<std::pair<int, int>>& runs) const;

 private:
  /// Cells [c0, c1) of `cells` across `pixels` that meet the pixels [p0, p1) widened by kHalo,
  /// one cell more on each side.
  static std::pair<int, int> cells(int p0, int p1, int pixels, int cells);
  std::vector<int> m_sum;
  int m_cellsX, m_cellsY, m_width, m_height;
};

}  // namespace onemap::change::detail
