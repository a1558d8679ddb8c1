#include "onemap/sheet/frame_view.h"

#include <cmath>
#include <sstream>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/project/project.h"
#include "onemap/sheet/map_layers.h"
#include "onemap/sheet/sheet_context.h"

namespace onemap::sheet {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::optional<Extent> parseExtent(const std::string& text) {
  std::istringstream in(text);
  double v[4];
  char comma = 0;
  for (int i = 0; i < 4; ++i) {
    if (!(in >> v[i])) return std::nullopt;
    if (i < 3 && !(in >> comma && comma == ',')) return std::nullopt;
  }
  Extent e(v[0], v[1], v[2], v[3]);
  if (e.isEmpty() || e.width() <= 0 || e.height() <= 0) return std::nullopt;
  return e;
}

/// The denominator at which `extent` just fits a frame of `size` mm turned by `rotation`.
double fittingScale(const Extent& extent, QSizeF size, double rotation) {
  const double r = rotation * kPi / 180.0;
  const double c = std::abs(std::cos(r)), s = std::abs(std::sin(r));
  // The extent's rectangle turned on paper must fit the frame.
  const double w = extent.width() * c + extent.height() * s;
  const double h = extent.width() * s + extent.height() * c;
  return std::max(w / size.width(), h / size.height()) * 1000.0;
}

}  // namespace

QPointF FrameView::toFrame(double x, double y) const {
  const double mu = mapUnitsPerMm();
  const double dx = (x - centerX) / mu, dy = -(y - centerY) / mu;
  const double r = rotation * kPi / 180.0;
  const double c = std::cos(r), s = std::sin(r);
  return {sizeMm.width() / 2.0 + dx * c - dy * s, sizeMm.height() / 2.0 + dx * s + dy * c};
}

QPointF FrameView::toMap(QPointF frameMm) const {
  const double px = frameMm.x() - sizeMm.width() / 2.0, py = frameMm.y() - sizeMm.height() / 2.0;
  const double r = rotation * kPi / 180.0;
  const double c = std::cos(r), s = std::sin(r);
  const double dx = px * c + py * s, dy = -px * s + py * c;
  const double mu = mapUnitsPerMm();
  return {centerX + dx * mu, centerY - dy * mu};
}

QTransform FrameView::mapToFrame() const {
  const double mu = mapUnitsPerMm();
  const double r = rotation * kPi / 180.0;
  const double c = std::cos(r) / mu, s = std::sin(r) / mu;
  // fx = w/2 + c(x - cx) + s(y - cy); fy = h/2 + s(x - cx) - c(y - cy)
  return QTransform(c, s, s, -c, sizeMm.width() / 2.0 - c * centerX - s * centerY,
                    sizeMm.height() / 2.0 - s * centerX + c * centerY);
}

Extent FrameView::visibleExtent() const {
  Extent e;
  for (QPointF corner : {QPointF(0, 0), QPointF(sizeMm.width(), 0), QPointF(0, sizeMm.height()),
                         QPointF(sizeMm.width(), sizeMm.height())}) {
    const QPointF m = toMap(corner);
    e.include(m.x(), m.y());
  }
  return e;
}

double niceScale(double denominator) {
  if (!(denominator > 0) || !std::isfinite(denominator)) return 1.0;
  const double decade = std::pow(10.0, std::floor(std::log10(denominator)));
  for (double step : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.5, 10.0})
    if (step * decade >= denominator * (1.0 - 1e-9)) return step * decade;
  return 10.0 * decade;
}

FrameView frameView(const layout::Layout& layout, const layout::Item& map, const SheetContext& context) {
  namespace k = layout::keys;
  FrameView view;
  view.sizeMm = QSizeF(map.width, map.height);
  view.rotation = map.number(k::kMapRotation, 0.0);
  std::optional<Extent> extent;
  bool fromAtlas = false;
  if (context.atlas && layout.atlas.enabled && layout.atlasMap() == &map &&
      !context.atlas->extent.isEmpty()) {
    const Extent& f = context.atlas->extent;
    const double margin = std::max(f.width(), f.height()) * layout.atlas.marginPercent / 100.0;
    extent = f.buffered(margin);
    fromAtlas = true;
  }
  const bool overview = !map.prop(k::kOverviewOf).empty();
  if (!extent && overview && context.project)
    if (auto full = layersExtent(mapLayers(*context.project, map), sheetCrs(context)); full && !full->isEmpty())
      extent = full->buffered(std::max(full->width(), full->height()) * 0.02);
  if (!extent) extent = parseExtent(map.prop(k::kExtent));
  if (!extent && context.project && context.project->extent && !context.project->extent->isEmpty())
    extent = *context.project->extent;
  if (!extent && !overview && context.project)
    if (auto full = layersExtent(mapLayers(*context.project, map), sheetCrs(context)); full && !full->isEmpty())
      extent = *full;
  if (!extent) {
    view.scale = 0.0;
    return view;
  }
  view.centerX = extent->centerX();
  view.centerY = extent->centerY();
  const double fixed = map.number(k::kScale, 0.0);
  if (fixed > 0 && !fromAtlas && !overview) {
    view.scale = fixed;
  } else {
    view.scale = fittingScale(*extent, view.sizeMm, view.rotation);
    if (fromAtlas && map.prop(k::kAtlasScale, "nice") != "fit") view.scale = niceScale(view.scale);
  }
  return view;
}

}  // namespace onemap::sheet
