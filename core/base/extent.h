#pragma once

#include <limits>

namespace onemap {

/// An axis-aligned rectangle in some CRS's x/y units (easting/longitude first); a value type.
/// A default-constructed extent is empty; adding points or extents grows it.
class Extent {
 public:
  Extent() = default;
  Extent(double minX, double minY, double maxX, double maxY);

  double minX() const { return m_minX; }
  double minY() const { return m_minY; }
  double maxX() const { return m_maxX; }
  double maxY() const { return m_maxY; }
  double width() const { return isEmpty() ? 0.0 : m_maxX - m_minX; }
  double height() const { return isEmpty() ? 0.0 : m_maxY - m_minY; }
  double area() const { return width() * height(); }
  double centerX() const { return (m_minX + m_maxX) / 2.0; }
  double centerY() const { return (m_minY + m_maxY) / 2.0; }

  /// True when nothing has been added (min > max on an axis).
  bool isEmpty() const { return m_minX > m_maxX || m_minY > m_maxY; }
  bool contains(double x, double y) const;
  bool contains(const Extent& other) const;
  bool intersects(const Extent& other) const;

  Extent intersected(const Extent& other) const;
  Extent united(const Extent& other) const;
  /// Grows by `margin` on every side (negative shrinks).
  Extent buffered(double margin) const;
  /// Scales about the centre by `factor` (2 doubles width and height).
  Extent scaled(double factor) const;

  void include(double x, double y);
  void include(const Extent& other);

  bool operator==(const Extent&) const = default;

 private:
  static constexpr double kInf = std::numeric_limits<double>::infinity();
  double m_minX = kInf;
  double m_minY = kInf;
  double m_maxX = -kInf;
  double m_maxY = -kInf;
};

}  // namespace onemap
