#include "onemap/render/label_placer.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace onemap::render {

LabelPlacer::LabelPlacer(QFont font, QColor color, QColor halo, double haloWidth)
    : m_font(std::move(font)), m_color(color), m_halo(halo), m_haloWidth(haloWidth) {}

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
    const QPointF baseline(rect.left(), rect.top() + metrics.ascent());
    if (m_halo.alpha() > 0) {
      QPainterPath path;
      path.addText(baseline, m_font, c.text);
      painter.strokePath(path, QPen(m_halo, m_haloWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    }
    painter.setFont(m_font);
    painter.setPen(m_color);
    painter.drawText(baseline, c.text);
    ++count;
  }
  painter.restore();
  m_candidates.clear();
  return count;
}

}  // namespace onemap::render
