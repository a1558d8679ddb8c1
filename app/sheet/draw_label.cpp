#include <QCoreApplication>
#include <QPainter>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/sheet/item_drawers.h"
#include "onemap/sheet/text_drawing.h"

namespace onemap::sheet {

QString drawLabel(QPainter& painter, const layout::Item& item, const DrawContext& context) {
  namespace k = layout::keys;
  TextStyle style;
  style.pointSize = item.number(k::kFontSize, 12.0);
  style.bold = item.flag(k::kBold, false);
  style.color = colorProp(item, k::kColor, QColor(0, 0, 0));
  style.letterSpacingPercent = item.number(k::kLetterSpacing, 0.0);
  if (!(style.pointSize > 0)) style.pointSize = 12.0;
  const SheetText text(style);
  const QString content = expandedText(item, k::kText, {}, context);

  const std::string align = item.prop(k::kAlign, "center");
  int flags = Qt::AlignVCenter | Qt::TextWordWrap;
  flags |= align == "left" ? Qt::AlignLeft : align == "right" ? Qt::AlignRight : Qt::AlignHCenter;

  // Letter spacing adds space after the last character too; shift centred/right-aligned text
  // by that amount so that a spaced title stays centred on the box.
  const double trailing = text.trailingSpacing(content);
  QRectF box(0, 0, item.width, item.height);
  if (flags & Qt::AlignHCenter) box.adjust(0, 0, trailing, 0);
  else if (flags & Qt::AlignRight) box.adjust(trailing, 0, trailing, 0);

  painter.save();
  painter.setClipRect(QRectF(0, 0, item.width, item.height), Qt::IntersectClip);
  const double needed = text.drawBlock(painter, box, flags, content);
  painter.restore();
  if (needed > item.height + 0.01)
    return QCoreApplication::translate("SheetItems", "The text of label “%1” does not fit its box: make the box taller or the font smaller.")
        .arg(QString::fromStdString(item.name.empty() ? item.id : item.name));
  return {};
}

}  // namespace onemap::sheet
