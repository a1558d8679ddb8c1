#pragma once
// Internal to onemap_change: how the block pass cuts the grid into units of work that fit the
// memory limit.

#include <cstdint>
#include <utility>
#include <vector>

#include "onemap/raster/raster_source.h"

namespace onemap::change::detail {

/// Memory of the process that is not the block pass's pixel buffers nor GDAL's block cache:
/// code, GDAL/PROJ/SQLite state, the cropland rasterizer of each thread, the sample.
constexpr double kFixedOverheadMb = 160.0;

/// Inner (written) columns [x0, x1) and rows [y0, y1) of one unit of work of the block pass.
struct Unit {
  int x0 = 0, x1 = 0, y0 = 0, y1 = 0;
};

/// The units of the block pass and the size of its steps.
struct BlockPlan {
  int rowStep = 0;           ///< rows read per step (whole block rows)
  int maxColumns = 0;        ///< most columns a unit reads (its band and the halo)
  std::vector<Unit> units;
};

/// Bytes of one thread's buffers per column read (every buffer of StepRows, ClassRows and
/// InteriorWriter is counted here).
std::int64_t bytesPerColumn(int rowStep, int bands);

/// Cuts `grid` into units whose per-thread buffers fit the memory parameter (less GDAL's block
/// cache, the fixed overhead and `scratchBytes` per thread), at least four per thread when there
/// is more than one thread.
BlockPlan planBlockPass(const raster::Grid& grid, std::pair<int, int> blockSize, int threads, int bandCount,
                        double memoryMb, std::int64_t cacheBytes, std::int64_t scratchBytes);

}  // namespace onemap::change::detail
