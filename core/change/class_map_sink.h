#pragma once
// Internal to onemap_change: where the block pass puts the change classes it finds.

#include <cstdint>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/raster/raster_source.h"

namespace onemap::change::detail {

/// Evidence map values per unit of change strength (magnitude / threshold): 12.5 = at the
/// threshold, 255 = 20.4 times it or more (change in noise units spans that range).
constexpr double kEvidenceUnit = 12.5;

/// Receives the class map window by window: the per-pixel ChangeClass and the evidence of each
/// change pixel (strength × kEvidenceUnit, 0 outside change). Windows without change are not
/// handed over: the map is 0 (no change) wherever nothing was written. The block pass calls
/// write() from one thread at a time.
class ClassMapSink {
 public:
  virtual ~ClassMapSink() = default;
  /// `classes` and `evidence`: window.pixelCount() bytes each, row-major.
  virtual Status write(const raster::Window& window, const std::vector<std::uint8_t>& classes,
                       const std::vector<std::uint8_t>& evidence) = 0;
};

}  // namespace onemap::change::detail
