#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <array>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/sheet/crs_text.h"
#include "onemap/sheet/item_drawers.h"
#include "onemap/sheet/map_layers.h"
#include "onemap/sheet/text_drawing.h"

namespace onemap::sheet {

QString drawProducer(QPainter& painter, const layout::Item& item, const DrawContext& context) {
  namespace k = layout::keys;
  TextStyle style;
  style.pointSize = item.number(k::kFontSize, 8.0);
  if (!(style.pointSize > 0)) style.pointSize = 8.0;
  const SheetText text(style);

  QString crs = expandedText(item, k::kCrsText, {}, context);
  if (crs.isEmpty()) crs = crsSheetText(sheetCrs(context.sheet));
  const std::array<QString, 4> rows{
      QCoreApplication::translate("SheetItems", "Mapped by: %1").arg(expandedText(item, k::kUnit, {}, context)),
      QCoreApplication::translate("SheetItems", "Map date: %1").arg(expandedText(item, k::kDate, "{date_cn}", context)),
      QCoreApplication::translate("SheetItems", "Coordinate system: %1").arg(crs),
      QCoreApplication::translate("SheetItems", "Data source: %1").arg(expandedText(item, k::kDataSource, {}, context)),
  };

  // Rows as tall as their text needs (a long CRS name wraps), the spare height shared out.
  const double pad = std::min(1.2, item.width * 0.03);
  const int flags = Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap;
  std::array<double, 4> heights{};
  double needed = 0.0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    heights[i] = text.blockHeight(rows[i], item.width - 2 * pad, flags) + 1.2;
    needed += heights[i];
  }
  const bool clipped = needed > item.height + 0.01;
  for (double& h : heights) h = clipped ? h * item.height / needed : h + (item.height - needed) / double(rows.size());
  std::array<double, 5> tops{0.0};
  for (std::size_t i = 0; i < rows.size(); ++i) tops[i + 1] = tops[i] + heights[i];

  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const QRectF cell(0, tops[i], item.width, heights[i]);
    painter.save();
    painter.setClipRect(cell, Qt::IntersectClip);
    text.drawBlock(painter, cell.adjusted(pad, 0, -pad, 0), flags, rows[i]);
    painter.restore();
  }
  QPen thin(QColor(0, 0, 0), 0.15);
  painter.setPen(thin);
  for (std::size_t i = 1; i < rows.size(); ++i) painter.drawLine(QPointF(0, tops[i]), QPointF(item.width, tops[i]));
  QPen outer(QColor(0, 0, 0), 0.3);
  outer.setJoinStyle(Qt::MiterJoin);
  painter.setPen(outer);
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(QRectF(0.15, 0.15, item.width - 0.3, item.height - 0.3));
  painter.restore();
  if (clipped)
    return QCoreApplication::translate("SheetItems", "The producer block is too small for its text: make it larger or the font smaller.");
  return {};
}

}  // namespace onemap::sheet
