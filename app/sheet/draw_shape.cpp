#include <QPainter>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/sheet/item_drawers.h"
#include "onemap/sheet/text_drawing.h"

namespace onemap::sheet {

QString drawShape(QPainter& painter, const layout::Item& item, const DrawContext& context) {
  (void)context;
  namespace k = layout::keys;
  const double width = std::max(0.0, item.number(k::kStrokeWidth, 0.3));
  const QColor stroke = colorProp(item, k::kStrokeColor, QColor(0, 0, 0));
  const QColor fill = colorProp(item, k::kFill, QColor(0, 0, 0, 0));
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QPen pen(stroke, width);
  pen.setJoinStyle(Qt::MiterJoin);
  pen.setCapStyle(Qt::FlatCap);
  painter.setPen(width > 0 && stroke.alpha() > 0 ? pen : QPen(Qt::NoPen));
  const std::string shape = item.prop(k::kShape, "rectangle");
  if (shape == "line") {
    painter.drawLine(QPointF(0, 0), QPointF(item.width, item.height));
  } else {
    painter.setBrush(fill.alpha() > 0 ? QBrush(fill) : QBrush(Qt::NoBrush));
    // The stroke lies inside the item's rectangle so that neatlines meet the page margins.
    const double inset = width / 2.0;
    painter.drawRect(QRectF(inset, inset, std::max(0.0, item.width - width), std::max(0.0, item.height - width)));
  }
  painter.restore();
  return {};
}

}  // namespace onemap::sheet
