#pragma once
// Internal to onemap_raster: a class raster held as the runs of its non-zero pixels, row by row,
// so that the polygonizer reads the file once and renders any rows again without decoding.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"

namespace onemap::raster::detail {

/// Columns [x0, x1) of one row sharing the non-zero value `value`.
struct ClassRun {
  int x0 = 0;
  int x1 = 0;
  std::uint8_t value = 0;
};

/// The non-zero runs of a single-band byte raster (zero is background) and its georeferencing.
struct ClassRuns {
  int width = 0;
  int height = 0;
  std::array<double, 6> geoTransform{0, 1, 0, 0, 0, 1};
  std::string crsWkt;
  std::vector<ClassRun> runs;         ///< row by row, left to right in each row
  std::vector<std::size_t> rowStart;  ///< the runs of row y are [rowStart[y], rowStart[y + 1])

  std::span<const ClassRun> row(int y) const;
  /// True when a pixel of row y is 8-connected to a pixel of equal value in row y - 1, i.e. a
  /// connected region of one value crosses the line between the two rows.
  bool joinsRowAbove(int y) const;
};

/// Reads band 1 of the byte raster `path` as runs, strips of rows decoded on up to `threads`
/// threads (one dataset handle each). Canceled when `feedback` is; reports its progress.
Result<ClassRuns> readClassRuns(const std::filesystem::path& path, int threads, Feedback& feedback);

}  // namespace onemap::raster::detail
