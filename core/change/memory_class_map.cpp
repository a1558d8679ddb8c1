#include "memory_class_map.h"

#include <algorithm>

namespace onemap::change::detail {

MemoryClassMap::MemoryClassMap(const raster::Grid& grid)
    : m_width(grid.width),
      m_height(grid.height),
      m_classes(std::size_t(grid.width) * std::size_t(grid.height), 0),
      m_evidence(m_classes.size(), 0) {}

Status MemoryClassMap::write(const raster::Window& window, const std::vector<std::uint8_t>& classes,
                             const std::vector<std::uint8_t>& evidence) {
  if (window.xOff < 0 || window.yOff < 0 || window.xOff + window.width > m_width ||
      window.yOff + window.height > m_height || classes.size() != std::size_t(window.pixelCount()) ||
      evidence.size() != classes.size())
    return fail(ErrorCode::InvalidInput, "the window does not fit the class map");
  for (int y = 0; y < window.height; ++y) {
    const std::size_t from = std::size_t(y) * std::size_t(window.width);
    const std::size_t to = std::size_t(window.yOff + y) * std::size_t(m_width) + std::size_t(window.xOff);
    std::copy_n(classes.data() + from, window.width, m_classes.data() + to);
    std::copy_n(evidence.data() + from, window.width, m_evidence.data() + to);
  }
  ++m_writes;
  return {};
}

ChangeClass MemoryClassMap::classAt(int x, int y) const {
  return ChangeClass(m_classes[std::size_t(y) * std::size_t(m_width) + std::size_t(x)]);
}

std::uint8_t MemoryClassMap::evidenceAt(int x, int y) const {
  return m_evidence[std::size_t(y) * std::size_t(m_width) + std::size_t(x)];
}

std::int64_t MemoryClassMap::count(ChangeClass c, int x0, int x1, int y0, int y1) const {
  std::int64_t n = 0;
  for (int y = std::max(0, y0); y < std::min(m_height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(m_width, x1); ++x) n += classAt(x, y) == c;
  return n;
}

}  // namespace onemap::change::detail
