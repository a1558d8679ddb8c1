#pragma once
// Internal to onemap_change: the end of one step of the block pass, from classes to the map.

#include <cstdint>
#include <mutex>
#include <vector>

#include "block_pass_rules.h"
#include "class_map_sink.h"
#include "class_rows.h"

namespace onemap::change::detail {

/// Cleans up a step's classes (growth into change, gap bridging, the 3 × 3 majority) and hands
/// the rows the step writes to the sink, when they hold any change. Buffers are kept from step
/// to step.
class InteriorWriter {
 public:
  /// Allocates the buffers once, at their largest: steps of `rowStep` rows of `maxColumns`.
  void reserve(int rowStep, int maxColumns);
  /// Cleans `rows` up (in place) and writes its pixels in `inner` (a window of the grid inside
  /// the band of `rows`, whose first column is `bandX0`) to `sink` under `lock`.
  Status write(ClassRows& rows, int bandX0, const raster::Window& inner, const BlockPassRules& rules,
               ClassMapSink& sink, std::mutex& lock);

 private:
  std::vector<std::uint8_t> m_scratchClasses, m_cleaned, m_rowFlags, m_columnOr, m_columnNear, m_interior,
      m_interiorEvidence;
};

}  // namespace onemap::change::detail
