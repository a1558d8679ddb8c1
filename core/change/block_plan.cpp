#include "block_plan.h"

#include <algorithm>

#include "rule_reach.h"

namespace onemap::change::detail {

std::int64_t bytesPerColumn(int rowStep, int bands) {
  const std::int64_t held = rowStep + 2 * kHalo;                 // rows a step holds
  const std::int64_t written = rowStep + kHalo;                  // at most, rows written per step
  const std::int64_t classRows = written + 2 * kClassMargin;     // rows classified
  const std::int64_t textureRows = classRows + 2 * kShift;       // rows with textures
  return held * (2 * bands * 4  // vb, va: both dates, all bands as float
                 + 2 + 4)       // cloud candidates, cloud flags and their summed-area table (int)
         + 4 + 4                // columnSums, zeroRow
         + (classRows + 2) * 4  // magnitudes of the class rows and one row beside them
         + classRows * 4        // their 3 × 3 means
         + textureRows * 2 * 4  // texB, texA
         + classRows * 7        // mask, classes, changed, evidence, scratchClasses, cleaned, candidates
         + written * 2          // interior, interiorEvidence
         + 2 * 4 + 3               // texture: counts of the window per column; column flags (3)
         + 0;  // the texture ring (a strip of columns) and its strip flags are in kFixedOverheadMb
}

BlockPlan planBlockPass(const raster::Grid& grid, std::pair<int, int> blockSize, int threads, int bandCount,
                        double memoryMb, std::int64_t cacheBytes, std::int64_t scratchBytes) {
  BlockPlan plan;
  const int bw = std::clamp(blockSize.first, 1, grid.width), bh = std::clamp(blockSize.second, 1, grid.height);
  plan.rowStep = bh >= 256 ? std::min(bh, 1024) : (512 / bh) * bh;
  const double available = memoryMb * 1024.0 * 1024.0 - double(cacheBytes) - kFixedOverheadMb * 1024.0 * 1024.0;
  const std::int64_t perThread = std::max<std::int64_t>(std::int64_t(available / threads) - scratchBytes, 8 << 20);
  std::int64_t columns = 0;
  for (;;) {
    columns = perThread / bytesPerColumn(plan.rowStep, bandCount) - 2 * kHalo;
    if (columns >= 512 || plan.rowStep <= 64) break;
    plan.rowStep = std::max(64, plan.rowStep / 2);
  }
  columns = std::max<std::int64_t>(columns, 64);
  // Equal bands and runs of rows, their borders inside blocks rather than on them: the blocks
  // holding a border are decoded by both neighbours (for their halo), those beside it by one.
  (void)bw;
  const int bands = int((grid.width + columns - 1) / columns);
  const int bandWidth = (grid.width + bands - 1) / bands;
  const int steps = (grid.height + plan.rowStep - 1) / plan.rowStep;
  // Four runs of rows per thread: a thread goes on down its band while nobody took the next run
  // (no halo read twice, see runBlockPass()), and the runs left at the end are short.
  const int segments = threads > 1 ? std::clamp((4 * threads + bands - 1) / bands, 1, steps) : 1;
  const int segmentRows = (grid.height + segments - 1) / segments;
  for (int y = 0; y < grid.height; y += segmentRows)
    for (int x = 0; x < grid.width; x += bandWidth)
      plan.units.push_back({x, std::min(grid.width, x + bandWidth), y, std::min(grid.height, y + segmentRows)});
  for (const Unit& u : plan.units)
    plan.maxColumns = std::max(plan.maxColumns, std::min(grid.width, u.x1 + kHalo) - std::max(0, u.x0 - kHalo));
  return plan;
}

}  // namespace onemap::change::detail
