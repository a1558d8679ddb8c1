#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/sheet/frame_view.h"
#include "onemap/sheet/item_drawers.h"
#include "onemap/sheet/picture_file.h"
#include "onemap/sheet/sheet_context.h"
#include "onemap/sheet/sheet_variables.h"
#include "onemap/sheet/text_drawing.h"

namespace onemap::sheet {
namespace {

constexpr double kPi = 3.14159265358979323846;

/// The conventional arrow: "北" over a spear head split along its axis, left half black, right
/// half white with a black outline, drawn in `box`.
void drawBuiltInArrow(QPainter& painter, const QRectF& box, double pointSize) {
  TextStyle style;
  style.pointSize = pointSize;
  style.bold = true;
  const SheetText text(style);
  const QString north = QCoreApplication::translate("SheetItems", "N");
  const double lh = text.height();
  text.drawLine(painter, QRectF(box.left(), box.top(), box.width(), lh), Qt::AlignHCenter, north);

  const double top = box.top() + lh + 0.3;
  const double bottom = box.bottom();
  const double length = bottom - top;
  if (length <= 0.5) return;
  const double half = std::min(box.width(), length * 0.42) / 2.0;
  const double cx = box.center().x();
  const QPointF tip(cx, top), notch(cx, bottom - length * 0.28);
  const QPointF leftBase(cx - half, bottom), rightBase(cx + half, bottom);
  QPen pen(QColor(0, 0, 0), std::clamp(half * 0.06, 0.12, 0.3));
  pen.setJoinStyle(Qt::MiterJoin);
  painter.setPen(pen);
  QPainterPath left;
  left.moveTo(tip);
  left.lineTo(leftBase);
  left.lineTo(notch);
  left.closeSubpath();
  QPainterPath right;
  right.moveTo(tip);
  right.lineTo(rightBase);
  right.lineTo(notch);
  right.closeSubpath();
  painter.setBrush(QColor(0, 0, 0));
  painter.drawPath(left);
  painter.setBrush(QColor(255, 255, 255));
  painter.drawPath(right);
}

}  // namespace

QString drawNorthArrow(QPainter& painter, const layout::Item& item, const DrawContext& context) {
  namespace k = layout::keys;
  double rotation = 0.0;
  if (const layout::Item* map = itemMapFrame(context.layout, item)) rotation = frameView(context.layout, *map, context.sheet).rotation;

  // Grid north on the sheet turns clockwise with the map; shrink the drawing so that the turned
  // drawing still fits the item.
  const double w = item.width, h = item.height;
  const double r = rotation * kPi / 180.0;
  const double c = std::abs(std::cos(r)), s = std::abs(std::sin(r));
  const double fit = std::min({1.0, w / (w * c + h * s), h / (w * s + h * c)});
  const QRectF box(-w * fit / 2.0, -h * fit / 2.0, w * fit, h * fit);

  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.translate(w / 2.0, h / 2.0);
  painter.rotate(rotation);
  QString error;
  const std::string path = item.prop(k::kPath);
  if (!path.empty()) {
    error = drawPictureFile(painter, resolveItemPath(context.sheet, path), box, item.flag(k::kKeepAspect, true));
  } else {
    const double pt = item.number(k::kFontSize, std::clamp(box.height() * 0.2 / kMmPerPoint, 5.0, 28.0));
    drawBuiltInArrow(painter, box, pt);
  }
  painter.restore();
  return error;
}

}  // namespace onemap::sheet
