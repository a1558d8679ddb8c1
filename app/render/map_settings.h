#pragma once

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QSize>

#include <string>

#include "onemap/base/extent.h"

namespace onemap::render {

/// What to draw and how big: map extent in the map CRS, output size in pixels and resolution.
/// A value type, copied into render jobs; the extent is widened to the output's aspect ratio.
class MapSettings {
 public:
  MapSettings() = default;
  MapSettings(const Extent& extent, QSize outputSize, std::string crs, double dpi = 96.0);

  /// The extent actually shown: the requested one widened to the output's aspect ratio.
  const Extent& visibleExtent() const { return m_visible; }
  QSize outputSize() const { return m_size; }
  const std::string& crs() const { return m_crs; }
  double dpi() const { return m_dpi; }
  /// Map units per output pixel.
  double mapUnitsPerPixel() const { return m_unitsPerPixel; }
  /// Scale denominator (1:N) assuming metre map units.
  double scaleDenominator() const;
  QColor background() const { return m_background; }
  void setBackground(QColor color) { m_background = color; }

  QPointF toPixel(double x, double y) const;
  QPointF toMap(QPointF pixel) const;
  QRectF toPixel(const Extent& extent) const;

  bool isValid() const { return !m_visible.isEmpty() && m_size.width() > 0 && m_size.height() > 0; }

 private:
  Extent m_visible;
  QSize m_size;
  std::string m_crs;
  double m_dpi = 96.0;
  double m_unitsPerPixel = 1.0;
  QColor m_background = Qt::white;
};

}  // namespace onemap::render
