#include <QCoreApplication>
#include <QLinearGradient>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/project/project.h"
#include "onemap/render/color_ramp.h"
#include "onemap/render/vector_style.h"
#include "onemap/sheet/frame_view.h"
#include "onemap/sheet/item_drawers.h"
#include "onemap/sheet/legend_content.h"
#include "onemap/sheet/map_layers.h"
#include "onemap/sheet/sheet_context.h"
#include "onemap/sheet/sheet_variables.h"
#include "onemap/sheet/text_drawing.h"

namespace onemap::sheet {
namespace {

/// The entry's symbol as vectors (so that PDF legends stay sharp), drawn like legendSymbol().
void drawSwatch(QPainter& painter, const LegendLine& line, const QRectF& box) {
  using Symbol = render::LegendEntry::Symbol;
  const render::LegendEntry& e = line.entry;
  const bool faint = !e.stroke.isValid() || e.stroke.alpha() < 128 || e.stroke.lightness() > 235;
  QPen outline(faint ? QColor(150, 150, 150) : e.stroke, std::clamp(line.strokeWidthMm, 0.12, 0.5));
  outline.setJoinStyle(Qt::MiterJoin);
  painter.save();
  switch (e.symbol) {
    case Symbol::Fill:
      painter.setPen(outline);
      painter.setBrush(e.fill.isValid() ? QBrush(e.fill) : QBrush(Qt::NoBrush));
      painter.drawRect(box);
      break;
    case Symbol::Raster:
      painter.setPen(QPen(QColor(90, 90, 90), 0.12));
      painter.setBrush(e.fill);
      painter.drawRect(box);
      break;
    case Symbol::Line: {
      QPen pen(e.stroke.isValid() && e.stroke.alpha() > 0 ? e.stroke : e.fill, std::clamp(line.strokeWidthMm, 0.2, 1.2));
      pen.setCapStyle(Qt::FlatCap);
      painter.setPen(pen);
      painter.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
      break;
    }
    case Symbol::Point: {
      painter.setPen(outline);
      painter.setBrush(e.fill);
      const double r = box.height() / 2.6;
      painter.drawEllipse(box.center(), r, r);
      break;
    }
    case Symbol::Ramp: {
      const render::ColorRamp ramp = render::ColorRamp::byName(e.ramp);
      QLinearGradient gradient(box.topLeft(), box.topRight());
      const std::vector<QColor> colours = ramp.colors(9);
      for (std::size_t i = 0; i < colours.size(); ++i) gradient.setColorAt(double(i) / double(colours.size() - 1), colours[i]);
      painter.setPen(QPen(QColor(90, 90, 90), 0.12));
      painter.setBrush(gradient);
      painter.drawRect(box);
      break;
    }
    case Symbol::None:
      break;
  }
  painter.restore();
}

std::vector<std::string> splitIds(const std::string& text) {
  std::vector<std::string> out;
  for (const QString& part : QString::fromStdString(text).split(',', Qt::SkipEmptyParts))
    if (const QString t = part.trimmed(); !t.isEmpty()) out.push_back(t.toStdString());
  return out;
}

}  // namespace

QString drawLegend(QPainter& painter, const layout::Item& item, const DrawContext& context) {
  namespace k = layout::keys;
  QStringList problems;
  const layout::Item* map = itemMapFrame(context.layout, item);
  if (!map) return QCoreApplication::translate("SheetItems", "The legend has no map frame to describe: add a map frame to the layout.");
  const project::Project* project = context.sheet.project;
  if (!project) return QCoreApplication::translate("SheetItems", "The legend has no project to read layers from.");
  const FrameView view = frameView(context.layout, *map, context.sheet);

  // Layers of the frame, restricted to the legend's own list, top-most first; layers the frame's
  // scale hides are not in the legend either.
  std::vector<const project::LayerSpec*> layers = mapLayers(*project, *map, &problems);
  if (const auto only = splitIds(item.prop(k::kLayers)); !only.empty())
    std::erase_if(layers, [&](const project::LayerSpec* l) { return std::find(only.begin(), only.end(), l->id) == only.end(); });
  if (view.isValid())
    std::erase_if(layers, [&](const project::LayerSpec* l) {
      return l->kind == project::LayerKind::Vector && !render::VectorStyle::fromProperties(l->style).visibleAtScale(view.scale);
    });
  std::reverse(layers.begin(), layers.end());

  LegendArea area;
  const bool restrict = item.flag(k::kOnlyVisible, true) && view.isValid();
  if (restrict) {
    // A hair inside the frame, so that a feature that only touches its edge is not listed.
    const double w = view.sizeMm.width(), h = view.sizeMm.height(), in = 0.01;
    for (QPointF corner : {QPointF(in, in), QPointF(w - in, in), QPointF(w - in, h - in), QPointF(in, h - in)})
      area.corners.push_back(view.toMap(corner));
    area.bbox = view.visibleExtent();
    area.crs = sheetCrs(context.sheet);
  }
  const std::vector<LegendLine> lines = legendLines(layers, restrict ? &area : nullptr, &context.feedback, &problems);

  TextStyle style;
  style.pointSize = item.number(k::kFontSize, 8.0);
  if (!(style.pointSize > 0)) style.pointSize = 8.0;
  TextStyle titleStyle = style;
  titleStyle.pointSize = style.pointSize * 1.4;
  titleStyle.bold = true;
  const QString title = item.props.contains(k::kTitle) ? expandedText(item, k::kTitle, {}, context)
                                                       : QCoreApplication::translate("SheetItems", "Legend");
  // A short Chinese title is spaced out as on printed sheets: "图  例".
  const bool cjk = !title.isEmpty() && title.size() <= 4 &&
                   std::all_of(title.begin(), title.end(), [](QChar c) { return c.unicode() >= 0x2E80; });
  titleStyle.letterSpacingPercent = cjk ? 60.0 : 0.0;
  const SheetText text(style), titleText(titleStyle);

  const double pad = std::min(1.5, std::min(item.width, item.height) * 0.05);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  double y = pad;
  if (!title.isEmpty()) {
    titleText.drawLine(painter, QRectF(0, y, item.width, titleText.height()), Qt::AlignHCenter, title);
    y += titleText.height() + 1.0;
  }

  const int columns = std::clamp(int(std::lround(item.number(k::kColumns, 1.0))), 1, 8);
  const double gap = 2.0;
  const double rowH = text.height() + 1.4;
  const double swatchW = std::clamp(rowH * 1.7, 4.0, 10.0), swatchH = rowH * 0.62;
  const double columnW = (item.width - 2 * pad - gap * (columns - 1)) / columns;
  const int capacity = std::max(0, int(std::floor((item.height - pad - y) / rowH + 1e-6)));
  const int n = int(lines.size());
  int perColumn = (n + columns - 1) / columns;
  int shown = n;
  bool cut = false;
  if (perColumn > capacity) {
    perColumn = capacity;
    shown = std::max(0, capacity * columns - 1);
    cut = true;
  }
  for (int i = 0; i < shown; ++i) {
    const int column = i / perColumn, row = i % perColumn;
    const double x = pad + column * (columnW + gap);
    const double top = y + row * rowH;
    const LegendLine& line = lines[std::size_t(i)];
    const bool textOnly = line.entry.symbol == render::LegendEntry::Symbol::None;
    if (!textOnly) drawSwatch(painter, line, QRectF(x, top + (rowH - swatchH) / 2.0, swatchW, swatchH));
    const double textX = textOnly ? x : x + swatchW + 1.5;
    const double textW = columnW - (textX - x);
    text.drawLine(painter, QRectF(textX, top, textW, rowH), Qt::AlignLeft, text.elided(line.entry.label, textW));
  }
  if (cut && capacity > 0) {
    const int i = shown;
    const double x = pad + (i / perColumn) * (columnW + gap);
    text.drawLine(painter, QRectF(x, y + (i % perColumn) * rowH, columnW, rowH), Qt::AlignLeft, QStringLiteral("…"));
  }
  painter.restore();
  if (cut)
    problems << QCoreApplication::translate("SheetItems", "The legend shows %1 of %2 entries: make it larger, add columns or use a smaller font.")
                    .arg(std::max(0, shown))
                    .arg(n);
  return problems.join('\n');
}

}  // namespace onemap::sheet
