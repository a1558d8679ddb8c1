#include "onemap/render/map_settings.h"

#include <algorithm>

namespace onemap::render {

MapSettings::MapSettings(const Extent& extent, QSize outputSize, std::string crs, double dpi)
    : m_size(outputSize), m_crs(std::move(crs)), m_dpi(dpi) {
  if (extent.isEmpty() || outputSize.isEmpty()) return;
  const double upp = std::max(extent.width() / outputSize.width(), extent.height() / outputSize.height());
  m_unitsPerPixel = upp > 0 ? upp : 1.0;
  const double halfW = m_unitsPerPixel * outputSize.width() / 2.0;
  const double halfH = m_unitsPerPixel * outputSize.height() / 2.0;
  m_visible = Extent(extent.centerX() - halfW, extent.centerY() - halfH, extent.centerX() + halfW,
                     extent.centerY() + halfH);
}

double MapSettings::scaleDenominator() const { return m_unitsPerPixel * m_dpi / 0.0254; }

QPointF MapSettings::toPixel(double x, double y) const {
  return {(x - m_visible.minX()) / m_unitsPerPixel, (m_visible.maxY() - y) / m_unitsPerPixel};
}

QPointF MapSettings::toMap(QPointF pixel) const {
  return {m_visible.minX() + pixel.x() * m_unitsPerPixel, m_visible.maxY() - pixel.y() * m_unitsPerPixel};
}

QRectF MapSettings::toPixel(const Extent& extent) const {
  return QRectF(toPixel(extent.minX(), extent.maxY()), toPixel(extent.maxX(), extent.minY()));
}

}  // namespace onemap::render
