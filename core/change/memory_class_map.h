#pragma once
// Internal to onemap_change: the class map kept in memory (tests read it pixel by pixel).

#include "class_map_sink.h"
#include "onemap/change/pixel_rules.h"

namespace onemap::change::detail {

/// A ClassMapSink holding the whole class map and evidence map of a grid in memory.
class MemoryClassMap final : public ClassMapSink {
 public:
  explicit MemoryClassMap(const raster::Grid& grid);
  Status write(const raster::Window& window, const std::vector<std::uint8_t>& classes,
               const std::vector<std::uint8_t>& evidence) override;

  int width() const { return m_width; }
  int height() const { return m_height; }
  ChangeClass classAt(int x, int y) const;
  std::uint8_t evidenceAt(int x, int y) const;
  /// Pixels of class `c` in [x0, x1) × [y0, y1) (clipped to the grid).
  std::int64_t count(ChangeClass c, int x0, int x1, int y0, int y1) const;
  /// Pixels of class `c` on the whole grid.
  std::int64_t count(ChangeClass c) const { return count(c, 0, m_width, 0, m_height); }
  /// Windows written so far.
  int writes() const { return m_writes; }

 private:
  int m_width = 0, m_height = 0, m_writes = 0;
  std::vector<std::uint8_t> m_classes, m_evidence;
};

}  // namespace onemap::change::detail
