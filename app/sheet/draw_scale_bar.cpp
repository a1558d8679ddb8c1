#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/sheet/frame_view.h"
#include "onemap/sheet/item_drawers.h"
#include "onemap/sheet/sheet_variables.h"
#include "onemap/sheet/text_drawing.h"

namespace onemap::sheet {
namespace {

/// The largest 1, 2, 2.5 or 5 × 10ⁿ not above `metres`.
double niceLengthBelow(double metres) {
  if (!(metres > 0) || !std::isfinite(metres)) return 1.0;
  const double decade = std::pow(10.0, std::floor(std::log10(metres)));
  double best = decade;
  for (double step : {1.0, 2.0, 2.5, 5.0})
    if (step * decade <= metres * (1.0 + 1e-9)) best = step * decade;
  return best;
}

/// A distance in display units without trailing zeros: 0, 250, 0.25, 1.5.
QString distanceText(double value) {
  QString s = QString::number(value, 'f', 3);
  while (s.contains('.') && (s.endsWith('0') || s.endsWith('.'))) s.chop(1);
  return s;
}

}  // namespace

QString drawScaleBar(QPainter& painter, const layout::Item& item, const DrawContext& context) {
  namespace k = layout::keys;
  const layout::Item* map = itemMapFrame(context.layout, item);
  if (!map) return QCoreApplication::translate("SheetItems", "The scale bar has no map frame to measure: add a map frame to the layout.");
  const FrameView view = frameView(context.layout, *map, context.sheet);
  if (!view.isValid())
    return QCoreApplication::translate("SheetItems", "The map frame “%1” of the scale bar shows no area yet: set its extent.")
        .arg(QString::fromStdString(map->id));

  TextStyle style;
  style.pointSize = item.number(k::kFontSize, 8.0);
  if (!(style.pointSize > 0)) style.pointSize = 8.0;
  const SheetText text(style);
  const int segments = std::clamp(int(std::lround(item.number(k::kSegments, 4.0))), 1, 20);
  const std::string units = item.prop(k::kUnits, "auto");
  const bool numeric = item.flag(k::kNumeric, true);
  const bool lineStyle = item.prop(k::kStyle, "alternating") == "line";
  const double metresPerMm = view.mapUnitsPerMm();

  // Segment length: given, or the longest nice length with which bar, end label and unit name
  // still fit the item's width.
  const QString metreName = QCoreApplication::translate("SheetItems", "m");
  const QString kmName = QCoreApplication::translate("SheetItems", "km");
  const double gap = 1.0;
  auto inKm = [&](double segment) { return units == "km" || (units != "m" && segment * segments >= 1000.0); };
  auto neededWidth = [&](double segment) {
    const bool km = inKm(segment);
    const QString last = distanceText(segment * segments / (km ? 1000.0 : 1.0));
    return text.width("0") / 2.0 + segment * segments / metresPerMm + text.width(last) / 2.0 + gap + text.width(km ? kmName : metreName);
  };
  double segmentMetres = 0.0;
  const double given = item.number(k::kSegmentLength, 0.0);
  if (given > 0) {
    segmentMetres = units == "km" ? given * 1000.0 : given;
  } else {
    segmentMetres = niceLengthBelow(item.width * metresPerMm / segments);
    while (neededWidth(segmentMetres) > item.width && segmentMetres > 1e-3)
      segmentMetres = niceLengthBelow(segmentMetres * (1.0 - 1e-6));
  }
  const double totalMetres = segmentMetres * segments;
  const bool km = inKm(segmentMetres);
  const double unitFactor = km ? 1000.0 : 1.0;
  const QString unitName = km ? kmName : metreName;
  const double segmentMm = segmentMetres / metresPerMm;
  const double barMm = segmentMm * segments;

  // Horizontal placement: bar, then the unit name, centred in the item.
  const QString lastLabel = distanceText(totalMetres / unitFactor);
  const double left = text.width("0") / 2.0;
  const double right = std::max(text.width(lastLabel) / 2.0, 0.0) + gap + text.width(unitName);
  const double x0 = std::max(left, (item.width - (left + barMm + right)) / 2.0 + left);

  // Vertical layout: "1:N", labels, bar.
  const double lh = text.height();
  const double barH = std::clamp(lh * 0.5, 0.8, 2.0);
  const double total = (numeric ? lh + 0.6 : 0.0) + lh + 0.4 + barH;
  double y = std::max(0.0, (item.height - total) / 2.0);

  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  if (numeric) {
    const QString scaleText = QString::fromStdString(layout::formatScale(view.scale));
    text.drawLine(painter, QRectF(x0, y, barMm, lh), Qt::AlignHCenter, scaleText);
    y += lh + 0.6;
  }
  // Labels at every division, every other one when they would touch.
  double widest = 0.0;
  for (int i = 0; i <= segments; ++i) widest = std::max(widest, text.width(distanceText(i * segmentMetres / unitFactor)));
  const int step = widest + 0.8 > segmentMm ? (widest + 0.8 > 2 * segmentMm ? 4 : 2) : 1;
  for (int i = 0; i <= segments; ++i) {
    if (i % step != 0 && i != segments) continue;
    const QString label = distanceText(i * segmentMetres / unitFactor);
    const double cx = x0 + i * segmentMm;
    text.drawLine(painter, QRectF(cx - 50.0, y, 100.0, lh), Qt::AlignHCenter, label);
  }
  const double barTop = y + lh + 0.4;
  text.drawLine(painter, QRectF(x0 + barMm + std::max(text.width(lastLabel) / 2.0, 0.0) + gap, barTop + barH / 2.0 - lh / 2.0, 100.0, lh),
                Qt::AlignLeft, unitName);

  const QColor ink(0, 0, 0);
  if (lineStyle) {
    QPen pen(ink, 0.25);
    pen.setCapStyle(Qt::FlatCap);
    painter.setPen(pen);
    const double base = barTop + barH;
    painter.drawLine(QPointF(x0 - 0.125, base), QPointF(x0 + barMm + 0.125, base));
    for (int i = 0; i <= segments; ++i)
      painter.drawLine(QPointF(x0 + i * segmentMm, base), QPointF(x0 + i * segmentMm, barTop));
  } else {
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < segments; ++i) {
      painter.setBrush(i % 2 == 0 ? ink : QColor(255, 255, 255));
      painter.drawRect(QRectF(x0 + i * segmentMm, barTop, segmentMm, barH));
    }
    QPen pen(ink, 0.15);
    pen.setJoinStyle(Qt::MiterJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(x0, barTop, barMm, barH));
    for (int i = 1; i < segments; ++i)
      painter.drawLine(QPointF(x0 + i * segmentMm, barTop), QPointF(x0 + i * segmentMm, barTop + barH));
  }
  painter.restore();
  if (x0 + barMm + right > item.width + 0.01)
    return QCoreApplication::translate("SheetItems", "The scale bar is wider than its box: widen the box or shorten the segments.");
  return {};
}

}  // namespace onemap::sheet
