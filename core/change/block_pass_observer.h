#pragma once
// What a test or a benchmark may set and read of a run's block pass.

#include <cstdint>

namespace onemap::change {

/// Options and counters of the block pass of one run (detectChanges()'s last argument).
struct BlockPassObserver {
  /// false: read every block of both images, also those no rule reaching from cropland looks at.
  bool skipFarBlocks = true;
  /// Pixels of the before image (the after image's are the same) the block pass read, set when
  /// it ends.
  std::int64_t pixelsRead = 0;
};

}  // namespace onemap::change
