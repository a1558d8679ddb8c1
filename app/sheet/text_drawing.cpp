#include "onemap/sheet/text_drawing.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QTextLayout>

#include <cmath>

#include "onemap/layout/layout.h"
#include "onemap/layout/layout_variables.h"
#include "onemap/render/map_font.h"
#include "onemap/sheet/item_drawers.h"

namespace onemap::sheet {
namespace {

/// Text is laid out in units of 1/kScale mm.
constexpr double kScale = 100.0;

}  // namespace

SheetText::SheetText(const TextStyle& style) : m_style(style), m_font(render::mapFont(12.0)) {
  m_font.setPixelSize(std::max(1, int(std::lround(style.pointSize * kMmPerPoint * kScale))));
  m_font.setBold(style.bold);
  if (style.letterSpacingPercent != 0.0)
    m_font.setLetterSpacing(QFont::PercentageSpacing, 100.0 + style.letterSpacingPercent);
  // Metrics at this size must not depend on the device (a 96 dpi image or a 1200 dpi PDF).
  m_font.setHintingPreference(QFont::PreferNoHinting);
  m_unspaced = m_font;
  m_unspaced.setLetterSpacing(QFont::PercentageSpacing, 100.0);
  if (style.bold) {
    m_fakeBold = true;
    const QString family = m_font.family();
    for (const QString& face : QFontDatabase::styles(family))
      if (QFontDatabase::weight(family, face) >= QFont::DemiBold) m_fakeBold = false;
  }
}

void SheetText::paint(QPainter& painter, const std::function<void()>& draw) const {
  const QPaintEngine* engine = painter.paintEngine();
  if (!m_fakeBold || !engine || engine->type() != QPaintEngine::Raster) {
    draw();
    return;
  }
  const double d = m_font.pixelSize() * 0.045;  // in text units (1/100 mm)
  for (QPointF offset : {QPointF(0, 0), QPointF(d / 2, 0), QPointF(d, 0), QPointF(d / 2, d / 3)}) {
    painter.save();
    painter.translate(offset - QPointF(d / 2, d / 6));
    draw();
    painter.restore();
  }
}

double SheetText::trailingSpacing(const QString& text) const {
  if (m_style.letterSpacingPercent == 0.0 || text.isEmpty()) return 0.0;
  return QFontMetricsF(m_unspaced).horizontalAdvance(text.right(1)) * m_style.letterSpacingPercent / 100.0 / kScale;
}

double SheetText::width(const QString& text) const {
  return QFontMetricsF(m_font).horizontalAdvance(text) / kScale - trailingSpacing(text);
}

double SheetText::height() const { return QFontMetricsF(m_font).height() / kScale; }
double SheetText::ascent() const { return QFontMetricsF(m_font).ascent() / kScale; }
double SheetText::lineSpacing() const { return QFontMetricsF(m_font).lineSpacing() / kScale; }

QString SheetText::elided(const QString& text, double widthMm) const {
  return QFontMetricsF(m_font).elidedText(text, Qt::ElideRight, std::max(0.0, widthMm) * kScale);
}

void SheetText::drawAt(QPainter& painter, QPointF baseline, const QString& text) const {
  if (text.isEmpty()) return;
  painter.save();
  painter.scale(1.0 / kScale, 1.0 / kScale);
  painter.setFont(m_font);
  painter.setPen(m_style.color);
  paint(painter, [&] { painter.drawText(baseline * kScale, text); });
  painter.restore();
}

void SheetText::drawLine(QPainter& painter, const QRectF& box, Qt::Alignment align, const QString& text) const {
  const double w = width(text);
  double x = box.left();
  if (align & Qt::AlignHCenter) x = box.center().x() - w / 2.0;
  else if (align & Qt::AlignRight) x = box.right() - w;
  const double y = box.center().y() - height() / 2.0 + ascent();
  drawAt(painter, QPointF(x, y), text);
}

double SheetText::drawBlock(QPainter& painter, const QRectF& box, int flags, const QString& text) const {
  const QRectF scaled(box.topLeft() * kScale, box.size() * kScale);
  painter.save();
  painter.scale(1.0 / kScale, 1.0 / kScale);
  painter.setFont(m_font);
  painter.setPen(m_style.color);
  QRectF used;
  paint(painter, [&] { painter.drawText(scaled, flags, text, &used); });
  painter.restore();
  return used.height() / kScale;
}

double SheetText::blockHeight(const QString& text, double widthMm, int flags) const {
  const QRectF r = QFontMetricsF(m_font).boundingRect(QRectF(0, 0, widthMm * kScale, 1e9), flags, text);
  return r.height() / kScale;
}

QColor colorProp(const layout::Item& item, const char* key, QColor fallback) {
  const std::string value = item.prop(key);
  if (value.empty()) return fallback;
  if (value == "none") return QColor(0, 0, 0, 0);
  QColor c = QColor::fromString(QString::fromStdString(value));
  return c.isValid() ? c : fallback;
}

QString expandedText(const layout::Item& item, const char* key, const std::string& fallback,
                     const DrawContext& context) {
  QString text = QString::fromStdString(layout::expandVariables(item.prop(key, fallback), context.variables));
  text.replace(QStringLiteral("\\n"), QStringLiteral("\n"));
  return text;
}

}  // namespace onemap::sheet
