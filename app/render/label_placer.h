#pragma once

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

namespace onemap::render {

/// Collects label candidates while a layer draws and then paints those that do not collide,
/// in priority order (higher first, then first come), centred on their anchors with a halo.
/// CJK text works with any installed CJK font; the text is drawn as text (searchable in a PDF),
/// the halo as a stroked outline. Used by one render job on one thread.
class LabelPlacer {
 public:
  /// `haloWidth`: pen width of the halo in output pixels.
  LabelPlacer(QFont font, QColor color, QColor halo, double haloWidth = 3.0);

  /// Proposes `text` centred on `anchor` (pixels); larger `priority` wins collisions.
  void add(const QString& text, QPointF anchor, double priority = 0.0);
  /// Paints the labels that fit; returns how many were placed.
  int paint(QPainter& painter, const QRectF& bounds);

 private:
  struct Candidate {
    QString text;
    QPointF anchor;
    double priority;
    std::size_t order;
  };
  QFont m_font;
  QColor m_color;
  QColor m_halo;
  double m_haloWidth;
  std::vector<Candidate> m_candidates;
};

}  // namespace onemap::render
