#include "onemap/sheet/layout_renderer.h"

#include <QPainter>

#include <exception>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/sheet/item_drawers.h"
#include "onemap/sheet/sheet_context.h"
#include "onemap/sheet/sheet_variables.h"

namespace onemap::sheet {
namespace {

QColor colorProperty(const layout::Item& item, const char* key, const QColor& fallback) {
  const std::string text = item.prop(key);
  if (text.empty() || text == "none") return fallback;
  const QColor color(QString::fromStdString(text));
  return color.isValid() ? color : fallback;
}

QString itemLabel(const layout::Item& item) {
  return QString::fromStdString(item.name.empty() ? item.id : item.name);
}

QString drawContent(QPainter& painter, const layout::Layout& layout, const layout::Item& item,
                    const SheetContext& context, double dotsPerMm, Feedback& feedback) {
  const layout::Variables variables = sheetVariables(layout, item, context);
  const DrawContext draw{layout, context, dotsPerMm, variables, feedback};
  switch (item.type) {
    case layout::ItemType::Map: {
      QStringList problems;
      if (QString e = drawMapContent(painter, layout, item, context, dotsPerMm, feedback); !e.isEmpty()) problems << e;
      if (QString e = drawMapGrid(painter, item, draw); !e.isEmpty()) problems << e;
      return problems.join(QStringLiteral("; "));
    }
    case layout::ItemType::Label: return drawLabel(painter, item, draw);
    case layout::ItemType::Legend: return drawLegend(painter, item, draw);
    case layout::ItemType::ScaleBar: return drawScaleBar(painter, item, draw);
    case layout::ItemType::NorthArrow: return drawNorthArrow(painter, item, draw);
    case layout::ItemType::Table: return drawTable(painter, item, draw);
    case layout::ItemType::Picture: return drawPicture(painter, item, draw);
    case layout::ItemType::Producer: return drawProducer(painter, item, draw);
    case layout::ItemType::Shape: return drawShape(painter, item, draw);
  }
  return {};
}

}  // namespace

QString renderItem(QPainter& painter, const layout::Layout& layout, const layout::Item& item,
                   const SheetContext& context, double dotsPerMm, Feedback& feedback) {
  if (!item.visible) return {};
  namespace k = layout::keys;
  painter.save();
  painter.translate(item.x, item.y);
  if (item.rotation != 0.0) {
    painter.translate(item.width / 2.0, item.height / 2.0);
    painter.rotate(item.rotation);
    painter.translate(-item.width / 2.0, -item.height / 2.0);
  }
  const QRectF rect(0, 0, item.width, item.height);
  if (const QColor background = colorProperty(item, k::kBackground, Qt::transparent); background.alpha() > 0)
    painter.fillRect(rect, background);
  QString error;
  try {
    error = drawContent(painter, layout, item, context, dotsPerMm, feedback);
  } catch (const std::exception& e) {
    error = QString::fromUtf8(e.what());
  }
  if (const double frame = item.number(k::kFrame, 0.0); frame > 0.0) {
    painter.setPen(QPen(colorProperty(item, k::kFrameColor, Qt::black), frame, Qt::SolidLine, Qt::SquareCap,
                        Qt::MiterJoin));
    painter.setBrush(Qt::NoBrush);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.drawRect(rect);
  }
  painter.restore();
  return error;
}

QStringList renderLayout(QPainter& painter, const layout::Layout& layout, const SheetContext& context,
                         double dotsPerMm, Feedback& feedback) {
  QStringList problems;
  painter.save();
  painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
  painter.scale(dotsPerMm, dotsPerMm);
  const double count = double(std::max<std::size_t>(1, layout.items.size()));
  for (std::size_t i = 0; i < layout.items.size(); ++i) {
    if (feedback.isCanceled()) break;
    const layout::Item& item = layout.items[i];
    Feedback itemFeedback = feedback.subRange(double(i) / count, double(i + 1) / count);
    itemFeedback.setProgress(0.0);
    const QString error = renderItem(painter, layout, item, context, dotsPerMm, itemFeedback);
    if (!error.isEmpty())
      problems << QStringLiteral("%1: %2").arg(itemLabel(item), error);
  }
  painter.restore();
  return problems;
}

}  // namespace onemap::sheet
