#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <memory>
#include <optional>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/project/project.h"
#include "onemap/render/layer_renderer.h"
#include "onemap/render/map_settings.h"
#include "onemap/render/renderer_factory.h"
#include "onemap/sheet/frame_view.h"
#include "onemap/sheet/layout_renderer.h"
#include "onemap/sheet/map_layers.h"
#include "onemap/sheet/sheet_context.h"

namespace onemap::sheet {
namespace {

constexpr double kPi = 3.14159265358979323846;


/// The map settings of a frame in device pixels: the frame's bounding box when the map is turned
/// (the painter turns it back), centred on the view's centre.
render::MapSettings deviceSettings(const FrameView& view, double dotsPerMm, const std::string& crs) {
  const double r = view.rotation * kPi / 180.0;
  const double c = std::abs(std::cos(r)), s = std::abs(std::sin(r));
  const double wMm = view.sizeMm.width() * c + view.sizeMm.height() * s;
  const double hMm = view.sizeMm.width() * s + view.sizeMm.height() * c;
  const QSize pixels(std::max(1, int(std::ceil(wMm * dotsPerMm - 1e-6))),
                     std::max(1, int(std::ceil(hMm * dotsPerMm - 1e-6))));
  const double upp = view.mapUnitsPerMm() / dotsPerMm;
  const double halfW = pixels.width() * upp / 2.0, halfH = pixels.height() * upp / 2.0;
  render::MapSettings settings(
      Extent(view.centerX - halfW, view.centerY - halfH, view.centerX + halfW, view.centerY + halfH), pixels, crs,
      dotsPerMm * 25.4);
  settings.setBackground(Qt::transparent);
  return settings;
}

/// Draws the layers; painter in frame millimetres. Returns one line per failing layer.
QStringList drawLayers(QPainter& painter, const std::vector<const project::LayerSpec*>& layers,
                       const FrameView& view, const SheetContext& context, double dotsPerMm, Feedback& feedback) {
  QStringList problems;
  if (layers.empty()) return problems;
  std::optional<render::RendererFactory> local;
  render::RendererFactory* factory = context.renderers;
  if (!factory) factory = &local.emplace();
  std::vector<std::unique_ptr<render::LayerRenderer>> renderers;
  {
    std::unique_lock<std::mutex> lock;
    if (context.renderersMutex) lock = std::unique_lock(*context.renderersMutex);
    for (const auto* layer : layers) renderers.push_back(factory->create(*layer));
  }
  const render::MapSettings settings = deviceSettings(view, dotsPerMm, sheetCrs(context));
  painter.save();
  painter.translate(view.sizeMm.width() / 2.0, view.sizeMm.height() / 2.0);
  painter.rotate(view.rotation);
  painter.scale(1.0 / dotsPerMm, 1.0 / dotsPerMm);
  painter.translate(-settings.outputSize().width() / 2.0, -settings.outputSize().height() / 2.0);
  for (std::size_t i = 0; i < renderers.size(); ++i) {
    if (feedback.isCanceled()) break;
    painter.save();
    painter.setOpacity(renderers[i]->opacity());
    Feedback layerFeedback = feedback.subRange(double(i) / double(renderers.size()),
                                               double(i + 1) / double(renderers.size()));
    const QString error = renderers[i]->render(painter, settings, layerFeedback);
    painter.restore();
    if (!error.isEmpty()) problems << QStringLiteral("%1: %2").arg(QString::fromStdString(layers[i]->name), error);
  }
  painter.restore();
  return problems;
}

/// Dims the frame outside the atlas feature and draws its outline prominently.
void drawAtlasMask(QPainter& painter, const FrameView& view, const AtlasFeature& feature) {
  const QPainterPath outline = view.mapToFrame().map(feature.outline);
  QPainterPath outside;
  outside.setFillRule(Qt::OddEvenFill);
  outside.addRect(QRectF(QPointF(0, 0), view.sizeMm).adjusted(-1, -1, 1, 1));
  outside.addPath(outline);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.setPen(Qt::NoPen);
  painter.setBrush(QColor(255, 255, 255, 150));
  painter.drawPath(outside);
  painter.setBrush(Qt::NoBrush);
  QPen halo(QColor(255, 255, 255, 220), 1.3);
  halo.setJoinStyle(Qt::RoundJoin);
  painter.setPen(halo);
  painter.drawPath(outline);
  QPen line(QColor(0xe4, 0x00, 0x7f), 0.6);
  line.setJoinStyle(Qt::RoundJoin);
  line.setCapStyle(Qt::FlatCap);
  line.setDashPattern({8.0, 2.0, 1.5, 2.0});  // dash-dot, the 村界 convention
  painter.setPen(line);
  painter.drawPath(outline);
  painter.restore();
}

/// An overview frame's rectangle of the area the other frame shows.
QString drawOverviewBox(QPainter& painter, const layout::Layout& layout, const layout::Item& map,
                        const FrameView& view, const SheetContext& context) {
  const std::string targetId = map.prop(layout::keys::kOverviewOf);
  const layout::Item* target = layout.item(targetId);
  if (!target || target->type != layout::ItemType::Map || target == &map)
    return QCoreApplication::translate("Sheet", "the overview's map frame \"%1\" does not exist").arg(QString::fromStdString(targetId));
  const FrameView shown = frameView(layout, *target, context);
  if (!shown.isValid()) return {};
  QPolygonF box;
  for (QPointF corner : {QPointF(0, 0), QPointF(shown.sizeMm.width(), 0),
                         QPointF(shown.sizeMm.width(), shown.sizeMm.height()), QPointF(0, shown.sizeMm.height())}) {
    const QPointF m = shown.toMap(corner);
    box << view.toFrame(m.x(), m.y());
  }
  QColor color(QString::fromStdString(map.prop(layout::keys::kOverviewColor, "#e60000")));
  if (!color.isValid()) color = QColor(0xe6, 0, 0);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QColor fill = color;
  fill.setAlpha(40);
  painter.setBrush(fill);
  painter.setPen(QPen(color, 0.5, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
  // A box smaller than a couple of millimetres would vanish: show it at least that big.
  const QRectF bounds = box.boundingRect();
  if (bounds.width() < 2.0 && bounds.height() < 2.0)
    painter.drawRect(QRectF(bounds.center() - QPointF(1.0, 1.0), QSizeF(2.0, 2.0)));
  else
    painter.drawPolygon(box);
  painter.restore();
  return {};
}

}  // namespace

QString drawMapContent(QPainter& painter, const layout::Layout& layout, const layout::Item& map,
                       const SheetContext& context, double dotsPerMm, Feedback& feedback) {
  if (!context.project) return QCoreApplication::translate("Sheet", "no project to draw");
  const FrameView view = frameView(layout, map, context);
  if (!view.isValid())
    return QCoreApplication::translate("Sheet", "the map frame has no extent: set one, or add layers to the project");
  QStringList problems;
  const auto layers = mapLayers(*context.project, map, &problems);
  painter.save();
  painter.setClipRect(QRectF(QPointF(0, 0), view.sizeMm), Qt::IntersectClip);
  problems << drawLayers(painter, layers, view, context, dotsPerMm, feedback);
  const bool isAtlasMap = context.atlas && layout.atlas.enabled && layout.atlasMap() == &map;
  if (isAtlasMap && layout.atlas.maskOutside && !context.atlas->outline.isEmpty() && !feedback.isCanceled())
    drawAtlasMask(painter, view, *context.atlas);
  if (!map.prop(layout::keys::kOverviewOf).empty())
    if (QString error = drawOverviewBox(painter, layout, map, view, context); !error.isEmpty()) problems << error;
  painter.restore();
  return problems.join(QStringLiteral("; "));
}

}  // namespace onemap::sheet
