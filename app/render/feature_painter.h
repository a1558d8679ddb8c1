#pragma once

#include <QBrush>
#include <QPainterPath>
#include <QPen>
#include <QPolygonF>
#include <QRectF>

#include <cstddef>

#include "onemap/render/feature_geometries.h"
#include "onemap/render/map_settings.h"
#include "onemap/render/vector_style.h"

class QPainter;

namespace onemap::render {

/// Draws features of a FeatureGeometries onto a QPainter with level of detail for the output
/// resolution: vertices closer than half a pixel to the previous one are skipped, features
/// smaller than a pixel become one pixel (in the stroke colour, else the fill), features outside
/// `bounds` and features with neither fill nor stroke are skipped. No allocation per feature.
/// Used by one thread with one painter.
class FeaturePainter {
 public:
  /// What was drawn, for tests and benchmarks.
  struct Counts {
    std::size_t features = 0;  ///< features drawn as geometry
    std::size_t dots = 0;      ///< features drawn as a single pixel
    std::size_t points = 0;    ///< vertices passed to the painter
  };

  /// `bounds`: the part of the output (pixels of the whole map) this painter draws; features
  /// outside it are skipped. Sets the style's pen and antialiasing on `painter`.
  FeaturePainter(QPainter& painter, const MapSettings& settings, const VectorStyle& style, QRectF bounds);

  /// Draws feature `f` with `fill` (Qt::NoBrush for none).
  void draw(const FeatureGeometries& geometries, std::size_t f, const QBrush& fill);
  /// Where feature `f`'s label goes (pixels) and how much it counts when labels collide.
  void labelPlace(const FeatureGeometries& geometries, std::size_t f, QPointF& anchor, double& priority) const;
  const Counts& counts() const { return m_counts; }

  /// Half the largest symbol plus a pixel: how far (pixels) a feature may lie outside the
  /// output and still show.
  static double margin(const VectorStyle& style);

 private:
  QPointF toPixel(double x, double y) const { return {(x - m_originX) * m_scale, (m_originY - y) * m_scale}; }
  /// Appends the simplified pixel polyline of part `p` to m_polygon (cleared first).
  void simplify(const FeatureGeometries& geometries, std::size_t p);

  QPainter& m_painter;
  const VectorStyle& m_style;
  QRectF m_bounds;
  double m_originX;
  double m_originY;
  double m_scale;
  double m_margin;
  bool m_strokeVisible;
  QColor m_dotStroke;
  QPen m_pen;
  QPolygonF m_polygon;
  QPainterPath m_path;
  Counts m_counts;
};

}  // namespace onemap::render
