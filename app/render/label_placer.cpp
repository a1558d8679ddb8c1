#include "onemap/render/label_placer.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace onemap::render {

LabelPlacer::LabelPlacer(QFont font, QColor color, QColor halo)
    : m_font(std::move(font)), m_color(color), m_halo(halo) {}

void LabelPlacer::add(const QString& text, QPointF anchor, double priority) {
  if (text.trimmed().isEmpty()) return;
  m_candidates.push_back({text, anchor, priority, m_candidates.size()});
}

int LabelPlacer::paint(QPainter& painter, const QRectF& bounds) {
  std::stable_sort(m_candidates.begin(), m_candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.priority > b.priority; });
  const QFontMetricsF metrics(m_font, painter.device());
  std::vector<QRectF> placed;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  int count = 0;
  for (const auto& c : m_candidates) {
    const QRectF box = metrics.boundingRect(c.text);
    const QRectF rect(c.anchor.x() - box.width() / 2, c.anchor.y() - box.height() / 2, box.width(), box.height());
    if (!bounds.contains(rect)) continue;
    const QRectF padded = rect.adjusted(-2, -1, 2, 1);
    if (std::any_of(placed.begin(), placed.end(), [&](const QRectF& r) { return r.intersects(padded); })) continue;
    placed.push_back(padded);
    QPainterPath path;
    path.addText(QPointF(rect.left(), rect.top() + metrics.ascent()), m_font, c.text);
    if (m_halo.alpha() > 0) {
      QPen halo(m_halo, 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
      painter.strokePath(path, halo);
    }
    painter.fillPath(path, m_color);
    ++count;
  }
  painter.restore();
  m_candidates.clear();
  return count;
}

}  // namespace onemap::render
