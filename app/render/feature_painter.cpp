#include "onemap/render/feature_painter.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace onemap::render {
namespace {

/// Vertices closer than this (pixels, on both axes) to the last kept one are skipped.
constexpr double kVertexTolerance = 0.5;

}  // namespace

FeaturePainter::FeaturePainter(QPainter& painter, const MapSettings& settings, const VectorStyle& style,
                               QRectF bounds)
    : m_painter(painter),
      m_style(style),
      m_bounds(bounds),
      m_originX(settings.visibleExtent().minX()),
      m_originY(settings.visibleExtent().maxY()),
      m_scale(1.0 / settings.mapUnitsPerPixel()),
      m_margin(margin(style)),
      m_strokeVisible(style.stroke.alpha() > 0 && style.strokeWidth > 0) {
  m_pen = QPen(style.stroke, style.strokeWidth);
  m_pen.setCosmetic(true);
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.setPen(m_strokeVisible ? m_pen : QPen(Qt::NoPen));
  m_path.setFillRule(Qt::OddEvenFill);
}

double FeaturePainter::margin(const VectorStyle& style) {
  return std::max(style.strokeWidth, style.pointSize + style.strokeWidth) / 2.0 + 1.0;
}

void FeaturePainter::simplify(const FeatureGeometries& geometries, std::size_t p) {
  m_polygon.clear();
  const double* xy = geometries.xy();
  const std::uint32_t begin = geometries.pointBegin(p);
  const std::uint32_t end = geometries.pointEnd(p);
  double lastX = 0.0;
  double lastY = 0.0;
  for (std::uint32_t i = begin; i < end; ++i) {
    const double x = (xy[2 * i] - m_originX) * m_scale;
    const double y = (m_originY - xy[2 * i + 1]) * m_scale;
    if (i != begin && i + 1 != end && std::abs(x - lastX) < kVertexTolerance && std::abs(y - lastY) < kVertexTolerance)
      continue;
    m_polygon.append(QPointF(x, y));
    lastX = x;
    lastY = y;
  }
  m_counts.points += std::size_t(m_polygon.size());
}

void FeaturePainter::draw(const FeatureGeometries& geometries, std::size_t f, const QBrush& fill) {
  const auto& box = geometries.box(f);
  const double left = (box[0] - m_originX) * m_scale;
  const double right = (box[2] - m_originX) * m_scale;
  const double top = (m_originY - box[3]) * m_scale;
  const double bottom = (m_originY - box[1]) * m_scale;
  if (right < m_bounds.left() - m_margin || left > m_bounds.right() + m_margin ||
      bottom < m_bounds.top() - m_margin || top > m_bounds.bottom() + m_margin)
    return;
  const std::uint32_t partBegin = geometries.partBegin(f);
  const std::uint32_t partEnd = geometries.partEnd(f);
  if (partBegin == partEnd) return;
  const auto firstKind = geometries.partKind(partBegin);
  const bool filled = fill.style() != Qt::NoBrush;
  if (firstKind != FeatureGeometries::PartKind::Point && right - left < 1.0 && bottom - top < 1.0) {
    // Smaller than a pixel: one pixel, as the outline would cover it.
    const QColor color = m_strokeVisible ? m_style.stroke
                         : filled && firstKind == FeatureGeometries::PartKind::Ring ? fill.color()
                                                                                    : QColor(0, 0, 0, 0);
    if (color.alpha() == 0) return;
    m_painter.fillRect(QRect(int(std::floor((left + right) / 2)), int(std::floor((top + bottom) / 2)), 1, 1), color);
    ++m_counts.dots;
    return;
  }
  if (!filled && !m_strokeVisible) return;  // nothing would show
  m_painter.setBrush(fill);
  std::size_t rings = 0;
  for (std::uint32_t p = partBegin; p < partEnd; ++p)
    if (geometries.partKind(p) == FeatureGeometries::PartKind::Ring) ++rings;
  if (rings == 1) {
    for (std::uint32_t p = partBegin; p < partEnd; ++p)
      if (geometries.partKind(p) == FeatureGeometries::PartKind::Ring) {
        simplify(geometries, p);
        m_painter.drawPolygon(m_polygon, Qt::OddEvenFill);
      }
  } else if (rings > 1) {
    m_path.clear();
    m_path.setFillRule(Qt::OddEvenFill);
    for (std::uint32_t p = partBegin; p < partEnd; ++p)
      if (geometries.partKind(p) == FeatureGeometries::PartKind::Ring) {
        simplify(geometries, p);
        m_path.addPolygon(m_polygon);
        m_path.closeSubpath();
      }
    m_painter.drawPath(m_path);
  }
  if (rings != std::size_t(partEnd - partBegin)) {
    const double radius = m_style.pointSize / 2.0;
    for (std::uint32_t p = partBegin; p < partEnd; ++p) {
      const auto kind = geometries.partKind(p);
      if (kind == FeatureGeometries::PartKind::Line) {
        if (!m_strokeVisible) continue;
        simplify(geometries, p);
        m_painter.drawPolyline(m_polygon);
      } else if (kind == FeatureGeometries::PartKind::Point) {
        const std::uint32_t i = geometries.pointBegin(p);
        m_painter.drawEllipse(toPixel(geometries.xy()[2 * i], geometries.xy()[2 * i + 1]), radius, radius);
        ++m_counts.points;
      }
    }
  }
  ++m_counts.features;
}

void FeaturePainter::labelPlace(const FeatureGeometries& geometries, std::size_t f, QPointF& anchor,
                                double& priority) const {
  const std::uint32_t partBegin = geometries.partBegin(f);
  if (partBegin < geometries.partEnd(f) && geometries.partKind(partBegin) == FeatureGeometries::PartKind::Point) {
    const std::uint32_t i = geometries.pointBegin(partBegin);
    anchor = toPixel(geometries.xy()[2 * i], geometries.xy()[2 * i + 1]) + QPointF(0, -m_style.pointSize - 4);
    priority = 0.0;
    return;
  }
  const auto& box = geometries.box(f);
  const QPointF topLeft = toPixel(box[0], box[3]);
  const QPointF bottomRight = toPixel(box[2], box[1]);
  anchor = (topLeft + bottomRight) / 2.0;
  priority = (bottomRight.x() - topLeft.x()) * (bottomRight.y() - topLeft.y());
}

}  // namespace onemap::render
