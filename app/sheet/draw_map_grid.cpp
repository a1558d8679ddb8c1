#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <array>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/proj/crs_description.h"
#include "onemap/sheet/frame_view.h"
#include "onemap/sheet/grid_lines.h"
#include "onemap/sheet/item_drawers.h"
#include "onemap/sheet/map_layers.h"
#include "onemap/sheet/text_drawing.h"

namespace onemap::sheet {
namespace {

constexpr double kKmTick = 2.0;         ///< mm, km-grid ticks into the frame and cross arms
constexpr double kGraticuleTick = 1.5;  ///< mm, graticule ticks out of the frame
constexpr double kLabelGap = 0.8;       ///< mm between a tick's end / the frame and its label

QPointF outwardNormal(FrameEdge edge) {
  switch (edge) {
    case FrameEdge::Top: return {0, -1};
    case FrameEdge::Right: return {1, 0};
    case FrameEdge::Bottom: return {0, 1};
    case FrameEdge::Left: return {-1, 0};
  }
  return {0, -1};
}

/// Where the label of `t` goes when it sits `offset` mm beyond the frame's edge.
QRectF labelRect(const GridTick& t, double w, double h, const QSizeF& size, double offset) {
  switch (t.edge) {
    case FrameEdge::Top: return QRectF(t.position.x() - w / 2, -offset - h, w, h);
    case FrameEdge::Bottom: return QRectF(t.position.x() - w / 2, size.height() + offset, w, h);
    case FrameEdge::Left: return QRectF(-offset - w, t.position.y() - h / 2, w, h);
    case FrameEdge::Right: return QRectF(size.width() + offset, t.position.y() - h / 2, w, h);
  }
  return {};
}

/// Draws the labels of `ticks` outside the frame, `near` mm beyond its edge or, where that
/// overlaps a label already in `placed`, `far` mm beyond it; a label that overlaps either way is
/// left out (the full first/last labels are placed first). Returns how far out the labels reach
/// on each edge.
std::array<double, 4> drawLabels(QPainter& painter, const std::vector<GridTick>& ticks, const SheetText& text,
                                 const QSizeF& size, const std::array<double, 4>& near, const std::array<double, 4>& far,
                                 std::vector<QRectF>& placed) {
  std::array<double, 4> reach{0, 0, 0, 0};
  std::vector<const GridTick*> order;
  for (const GridTick& t : ticks)
    if (t.labelled && !t.label.isEmpty()) order.push_back(&t);
  std::stable_sort(order.begin(), order.end(), [](const GridTick* a, const GridTick* b) {
    return a->label.size() > b->label.size();  // full labels are the longer ones
  });
  const double h = text.height();
  for (const GridTick* t : order) {
    const double w = text.width(t->label);
    const std::size_t e = std::size_t(t->edge);
    for (double offset : {near[e], far[e]}) {
      const QRectF r = labelRect(*t, w, h, size, offset);
      const QRectF spaced = r.adjusted(-0.4, -0.1, 0.4, 0.1);
      if (std::any_of(placed.begin(), placed.end(), [&](const QRectF& p) { return p.intersects(spaced); })) continue;
      placed.push_back(spaced);
      text.drawLine(painter, r, Qt::AlignLeft, t->label);
      const bool vertical = t->edge == FrameEdge::Left || t->edge == FrameEdge::Right;
      reach[e] = std::max(reach[e], offset + (vertical ? w : h));
      break;
    }
  }
  return reach;
}

void drawLines(QPainter& painter, const GridGeometry& grid, const QSizeF& size, const QPen& pen) {
  painter.save();
  painter.setClipRect(QRectF(QPointF(0, 0), size), Qt::IntersectClip);
  painter.setPen(pen);
  for (const QPolygonF& line : grid.lines) painter.drawPolyline(line);
  painter.restore();
}

void drawCrosses(QPainter& painter, const GridGeometry& grid, double arm) {
  for (const GridCross& c : grid.crosses) {
    painter.drawLine(c.position - c.first * arm, c.position + c.first * arm);
    painter.drawLine(c.position - c.second * arm, c.position + c.second * arm);
  }
}

}  // namespace

QString drawMapGrid(QPainter& painter, const layout::Item& item, const DrawContext& context) {
  namespace k = layout::keys;
  const std::string mode = item.prop(k::kGrid, "none");
  const bool km = mode == "km" || mode == "both";
  const bool degrees = mode == "graticule" || mode == "both";
  if (!km && !degrees) return {};
  const FrameView view = frameView(context.layout, item, context.sheet);
  if (!view.isValid()) return {};
  const std::string crs = sheetCrs(context.sheet);
  const bool labels = item.flag(k::kGridLabels, true);
  const bool fullLines = item.flag(k::kGridLines, false);
  TextStyle style;
  style.pointSize = item.number(k::kGridFontSize, 7.0);
  if (!(style.pointSize > 0)) style.pointSize = 7.0;
  const SheetText text(style);
  QStringList problems;

  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QPen pen(QColor(0, 0, 0), 0.15);
  pen.setCapStyle(Qt::FlatCap);
  std::array<double, 4> used{0, 0, 0, 0};
  std::vector<QRectF> placed;
  if (km) {
    const auto description = crs.empty() ? Result<proj::CrsDescription>(fail(ErrorCode::InvalidInput, "no CRS"))
                                         : proj::describeCrs(crs);
    if (description && description->isGeographic) {
      problems << QCoreApplication::translate("SheetItems", "The kilometre grid needs a projected map coordinate system (Gauss–Krüger); the map is in %1.")
                      .arg(QString::fromStdString(crs));
    } else {
      const GridGeometry grid = kilometreGrid(view, item.number(k::kGridInterval, 0.0));
      if (fullLines) {
        QPen line = pen;
        line.setWidthF(0.1);
        drawLines(painter, grid, view.sizeMm, line);
      } else {
        painter.setPen(pen);
        for (const GridTick& t : grid.ticks) painter.drawLine(t.position, t.position + t.direction * kKmTick);
        drawCrosses(painter, grid, kKmTick);
      }
      const std::array<double, 4> gap{kLabelGap, kLabelGap, kLabelGap, kLabelGap};
      if (labels) used = drawLabels(painter, grid.ticks, text, view.sizeMm, gap, gap, placed);
    }
  }
  if (degrees) {
    auto grid = graticule(view, crs, item.number(k::kGraticuleInterval, 0.0));
    if (!grid) {
      problems << QString::fromStdString(grid.error().text());
    } else {
      if (fullLines) {
        QPen line = pen;
        line.setWidthF(0.1);
        line.setDashPattern({8.0, 4.0});
        drawLines(painter, *grid, view.sizeMm, line);
      } else if (!km) {
        painter.setPen(pen);
        drawCrosses(painter, *grid, kKmTick);
      }
      painter.setPen(pen);
      for (const GridTick& t : grid->ticks)
        if (t.labelled) painter.drawLine(t.position, t.position + outwardNormal(t.edge) * kGraticuleTick);
      if (labels) {
        // Beside its tick when that is free, else beyond the kilometre labels.
        std::array<double, 4> near{}, far{};
        for (std::size_t e = 0; e < 4; ++e) {
          near[e] = kGraticuleTick + kLabelGap;
          far[e] = std::max(kGraticuleTick, used[e]) + kLabelGap;
        }
        drawLabels(painter, grid->ticks, text, view.sizeMm, near, far, placed);
      }
    }
  }
  painter.restore();
  return problems.join('\n');
}

}  // namespace onemap::sheet
