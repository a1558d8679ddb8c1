#include "onemap/base/extent.h"

#include <algorithm>

namespace onemap {

Extent::Extent(double minX, double minY, double maxX, double maxY)
    : m_minX(std::min(minX, maxX)),
      m_minY(std::min(minY, maxY)),
      m_maxX(std::max(minX, maxX)),
      m_maxY(std::max(minY, maxY)) {}

bool Extent::contains(double x, double y) const {
  return !isEmpty() && x >= m_minX && x <= m_maxX && y >= m_minY && y <= m_maxY;
}

bool Extent::contains(const Extent& other) const {
  return !isEmpty() && !other.isEmpty() && other.m_minX >= m_minX && other.m_maxX <= m_maxX &&
         other.m_minY >= m_minY && other.m_maxY <= m_maxY;
}

bool Extent::intersects(const Extent& other) const {
  return !isEmpty() && !other.isEmpty() && other.m_minX <= m_maxX && other.m_maxX >= m_minX &&
         other.m_minY <= m_maxY && other.m_maxY >= m_minY;
}

Extent Extent::intersected(const Extent& other) const {
  if (!intersects(other)) return {};
  return {std::max(m_minX, other.m_minX), std::max(m_minY, other.m_minY),
          std::min(m_maxX, other.m_maxX), std::min(m_maxY, other.m_maxY)};
}

Extent Extent::united(const Extent& other) const {
  Extent out = *this;
  out.include(other);
  return out;
}

Extent Extent::buffered(double margin) const {
  if (isEmpty()) return {};
  Extent out;
  out.m_minX = m_minX - margin;
  out.m_minY = m_minY - margin;
  out.m_maxX = m_maxX + margin;
  out.m_maxY = m_maxY + margin;
  return out;
}

Extent Extent::scaled(double factor) const {
  if (isEmpty()) return {};
  const double halfW = width() * factor / 2.0;
  const double halfH = height() * factor / 2.0;
  return {centerX() - halfW, centerY() - halfH, centerX() + halfW, centerY() + halfH};
}

void Extent::include(double x, double y) {
  m_minX = std::min(m_minX, x);
  m_minY = std::min(m_minY, y);
  m_maxX = std::max(m_maxX, x);
  m_maxY = std::max(m_maxY, y);
}

void Extent::include(const Extent& other) {
  if (other.isEmpty()) return;
  include(other.m_minX, other.m_minY);
  include(other.m_maxX, other.m_maxY);
}

}  // namespace onemap
