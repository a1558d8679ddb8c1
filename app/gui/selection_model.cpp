#include "onemap/gui/selection_model.h"

#include <QMainWindow>
#include <QLineF>
#include <QPainter>
#include <QtConcurrent/QtConcurrent>

#include <algorithm>
#include <cmath>

#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/window_context.h"
#include "onemap/render/wkb_painter_path.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::gui {
namespace {

const std::vector<std::int64_t> kNoIds;
const std::vector<FeatureShape> kNoShapes;

/// Reads the geometries of `ids` (sorted) from a vector layer, reprojected to `mapCrs`.
std::vector<FeatureShape> loadShapes(const project::LayerSpec& layer, const std::string& mapCrs,
                                     const std::vector<std::int64_t>& ids, const Extent& filter,
                                     Feedback feedback) {
  std::vector<FeatureShape> shapes;
  vector::OpenOptions open;
  open.encoding = layer.encoding;
  auto reader = vector::FeatureReader::open(layer.source, layer.layerName, open);
  if (!reader) return shapes;
  vector::ReadOptions options;
  options.targetCrs = mapCrs;
  if (!filter.isEmpty()) options.filter = filter;
  options.repairInvalid = false;
  const std::size_t wanted = std::min(ids.size(), SelectionModel::kMaxShapesPerLayer);
  (void)reader->forEach(options, &feedback, [&](const vector::Feature& feature) {
    if (std::binary_search(ids.begin(), ids.end(), feature.fid) && !feature.wkb.empty())
      shapes.push_back(FeatureShape::fromWkb(feature.fid, feature.wkb));
    return shapes.size() < wanted && !feedback.isCanceled();
  });
  return shapes;
}

Extent extentOf(const std::vector<FeatureShape>& shapes) {
  Extent out;
  for (const auto& s : shapes) out.include(s.extent);
  return out;
}

double segmentDistance(QPointF p, QPointF a, QPointF b) {
  const QPointF ab = b - a;
  const double len2 = QPointF::dotProduct(ab, ab);
  const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
  const QPointF d = p - (a + t * ab);
  return std::hypot(d.x(), d.y());
}

}  // namespace

bool FeatureShape::isHitBy(QPointF point, double tolerance) const {
  if (polygonal) return path.contains(point);
  for (const QPointF& q : points)
    if (std::hypot(q.x() - point.x(), q.y() - point.y()) <= tolerance) return true;
  QPointF previous;
  for (int i = 0; i < path.elementCount(); ++i) {
    const QPainterPath::Element e = path.elementAt(i);
    const QPointF current(e.x, e.y);
    if (!e.isMoveTo() && segmentDistance(point, previous, current) <= tolerance) return true;
    previous = current;
  }
  return false;
}

bool FeatureShape::intersects(const QRectF& rect) const {
  if (!extent.isEmpty() && !Extent(rect.left(), rect.top(), rect.right(), rect.bottom()).intersects(extent))
    return false;
  for (const QPointF& q : points)
    if (rect.contains(q)) return true;
  if (polygonal) return path.intersects(rect);
  // Lines: a vertex inside, or a segment crossing an edge of the rectangle.
  const QLineF edges[4] = {{rect.topLeft(), rect.topRight()}, {rect.topRight(), rect.bottomRight()},
                           {rect.bottomRight(), rect.bottomLeft()}, {rect.bottomLeft(), rect.topLeft()}};
  QPointF previous;
  for (int i = 0; i < path.elementCount(); ++i) {
    const QPainterPath::Element e = path.elementAt(i);
    const QPointF current(e.x, e.y);
    if (rect.contains(current)) return true;
    if (!e.isMoveTo())
      for (const QLineF& edge : edges)
        if (QLineF(previous, current).intersects(edge, nullptr) == QLineF::BoundedIntersection) return true;
    previous = current;
  }
  return false;
}

Extent extentForZoom(const Extent& features, double unitsPerPixel) {
  if (features.isEmpty()) return features;
  const double margin = std::max(std::max(features.width(), features.height()) * 0.2, 40.0 * unitsPerPixel);
  return features.buffered(margin);
}

FeatureShape FeatureShape::fromWkb(std::int64_t fid, std::span<const unsigned char> wkb) {
  FeatureShape shape;
  shape.fid = fid;
  render::DecodedGeometry g = render::decodeWkb(wkb, [](double x, double y) { return QPointF(x, y); });
  if (!g.ok) return shape;
  shape.path = std::move(g.path);
  shape.path.setFillRule(Qt::OddEvenFill);
  shape.points = std::move(g.points);
  shape.polygonal = g.polygonal;
  if (!shape.path.isEmpty()) {
    const QRectF r = shape.path.boundingRect();
    shape.extent = Extent(r.left(), r.top(), r.right(), r.bottom());
  }
  for (const QPointF& p : shape.points) shape.extent.include(p.x(), p.y());
  return shape;
}

SelectionModel::SelectionModel(ProjectController* project, MapCanvas* canvas, QObject* parent)
    : QObject(parent), m_project(project), m_canvas(canvas) {
  setObjectName(QStringLiteral("selectionModel"));
  if (m_canvas) m_canvas->addOverlay(this);
  // Geometries are in the map CRS: a new CRS or project makes them stale.
  connect(project, &ProjectController::crsChanged, this, [this] {
    clearAll();
    clearHighlight();
  });
  connect(project, &ProjectController::layersChanged, this, [this] { dropStaleLayers(); });
}

SelectionModel::~SelectionModel() {
  for (auto& [id, selection] : m_layers) cancelLoad(selection);
  if (m_canvas) m_canvas->removeOverlay(this);
}

SelectionModel* SelectionModel::forWindow(const WindowContext& context) {
  if (auto* existing = context.window->findChild<SelectionModel*>(QStringLiteral("selectionModel"),
                                                                  Qt::FindDirectChildrenOnly))
    return existing;
  return new SelectionModel(context.project, context.canvas, context.window);
}

const std::vector<std::int64_t>& SelectionModel::selectedIds(const std::string& layerId) const {
  auto it = m_layers.find(layerId);
  return it == m_layers.end() ? kNoIds : it->second.ids;
}

int SelectionModel::selectedCount(const std::string& layerId) const { return int(selectedIds(layerId).size()); }

bool SelectionModel::isSelected(const std::string& layerId, std::int64_t fid) const {
  const auto& ids = selectedIds(layerId);
  return std::binary_search(ids.begin(), ids.end(), fid);
}

std::vector<std::string> SelectionModel::selectedLayers() const {
  std::vector<std::string> out;
  for (const auto& [id, selection] : m_layers)
    if (!selection.ids.empty()) out.push_back(id);
  return out;
}

void SelectionModel::setSelection(const std::string& layerId, std::vector<std::int64_t> fids,
                                  const Extent& searchExtent) {
  std::sort(fids.begin(), fids.end());
  fids.erase(std::unique(fids.begin(), fids.end()), fids.end());
  auto it = m_layers.find(layerId);
  if (it != m_layers.end() && it->second.ids == fids) return;
  // Keep the shapes already known for ids that stay selected; read only the new ones.
  std::vector<FeatureShape> known;
  if (it != m_layers.end())
    for (const auto& shape : it->second.shapes)
      if (std::binary_search(fids.begin(), fids.end(), shape.fid)) known.push_back(shape);
  applySelection(layerId, std::move(fids), std::move(known), searchExtent);
}

void SelectionModel::setSelectedShapes(const std::string& layerId, std::vector<FeatureShape> shapes) {
  std::vector<std::int64_t> ids;
  for (const auto& s : shapes) ids.push_back(s.fid);
  applySelection(layerId, std::move(ids), std::move(shapes), {});
}

void SelectionModel::mergeSelection(const std::string& layerId, std::vector<FeatureShape> added,
                                    const std::vector<std::int64_t>& removed) {
  std::vector<std::int64_t> gone = removed;
  std::sort(gone.begin(), gone.end());
  const auto isGone = [&gone](std::int64_t fid) { return std::binary_search(gone.begin(), gone.end(), fid); };
  std::vector<std::int64_t> ids;
  std::vector<FeatureShape> shapes;
  if (auto it = m_layers.find(layerId); it != m_layers.end()) {
    for (std::int64_t fid : it->second.ids)
      if (!isGone(fid)) ids.push_back(fid);
    for (const auto& shape : it->second.shapes)
      if (!isGone(shape.fid)) shapes.push_back(shape);
  }
  std::sort(ids.begin(), ids.end());
  for (auto& shape : added) {
    if (isGone(shape.fid) || std::binary_search(ids.begin(), ids.end(), shape.fid)) continue;
    ids.push_back(shape.fid);
    shapes.push_back(std::move(shape));
  }
  applySelection(layerId, std::move(ids), std::move(shapes), {});
}

void SelectionModel::applySelection(const std::string& layerId, std::vector<std::int64_t> ids,
                                    std::vector<FeatureShape> shapes, const Extent& searchExtent) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  LayerSelection& selection = m_layers[layerId];
  cancelLoad(selection);
  selection.ids = std::move(ids);
  if (shapes.size() > kMaxShapesPerLayer) shapes.resize(kMaxShapesPerLayer);
  selection.shapes = std::move(shapes);
  std::vector<std::int64_t> known;
  for (const auto& s : selection.shapes) known.push_back(s.fid);
  std::sort(known.begin(), known.end());
  std::vector<std::int64_t> missing;
  std::set_difference(selection.ids.begin(), selection.ids.end(), known.begin(), known.end(),
                      std::back_inserter(missing));
  const int index = m_project->layerIndex(layerId);
  if (!missing.empty() && index >= 0 && selection.shapes.size() < kMaxShapesPerLayer) {
    const project::LayerSpec layer = m_project->project().layers[std::size_t(index)];
    const std::string mapCrs = m_project->mapCrs();
    Feedback feedback;
    selection.feedback = feedback;
    auto* watcher = new QFutureWatcher<std::vector<FeatureShape>>();
    selection.loader.reset(watcher);
    const QString qid = QString::fromStdString(layerId);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, layerId, qid] {
      auto it = m_layers.find(layerId);
      if (it == m_layers.end() || it->second.loader.get() != watcher) return;
      std::vector<FeatureShape> loaded = watcher->result();
      LayerSelection& s = it->second;
      for (auto& shape : loaded)
        if (s.shapes.size() < kMaxShapesPerLayer) s.shapes.push_back(std::move(shape));
      s.loader.release()->deleteLater();
      repaint();
      emit geometriesLoaded(qid);
    });
    watcher->setFuture(QtConcurrent::run([layer, mapCrs, missing = std::move(missing), searchExtent, feedback] {
      return loadShapes(layer, mapCrs, missing, searchExtent, feedback);
    }));
  }
  repaint();
  emit selectionChanged(QString::fromStdString(layerId));
}

void SelectionModel::clearSelection(const std::string& layerId) {
  auto it = m_layers.find(layerId);
  if (it == m_layers.end()) return;
  cancelLoad(it->second);
  const bool hadSelection = !it->second.ids.empty();
  m_layers.erase(it);
  repaint();
  if (hadSelection) emit selectionChanged(QString::fromStdString(layerId));
}

void SelectionModel::clearAll() {
  for (const std::string& id : selectedLayers()) clearSelection(id);
  m_layers.clear();
}

const std::vector<FeatureShape>& SelectionModel::selectedShapes(const std::string& layerId) const {
  auto it = m_layers.find(layerId);
  return it == m_layers.end() ? kNoShapes : it->second.shapes;
}

Extent SelectionModel::selectionExtent(const std::string& layerId) const {
  return extentOf(selectedShapes(layerId));
}

bool SelectionModel::isLoading() const {
  return std::any_of(m_layers.begin(), m_layers.end(), [](const auto& entry) { return bool(entry.second.loader); });
}

void SelectionModel::setHighlight(std::vector<FeatureShape> shapes) {
  m_highlight = std::move(shapes);
  repaint();
  emit highlightChanged();
}

void SelectionModel::clearHighlight() {
  if (m_highlight.empty()) return;
  m_highlight.clear();
  repaint();
  emit highlightChanged();
}

void SelectionModel::cancelLoad(LayerSelection& selection) {
  if (!selection.loader) return;
  selection.feedback.cancel();
  // The worker stops at its next feature; its result is dropped.
  auto* watcher = selection.loader.release();
  disconnect(watcher, nullptr, this, nullptr);
  connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
  if (watcher->isFinished()) watcher->deleteLater();
}

void SelectionModel::dropStaleLayers() {
  std::vector<std::string> stale;
  for (const auto& [id, selection] : m_layers)
    if (m_project->layerIndex(id) < 0) stale.push_back(id);
  for (const auto& id : stale) clearSelection(id);
}

void SelectionModel::repaint() {
  if (m_canvas) m_canvas->update();
}

void SelectionModel::paint(QPainter& painter, const QTransform& mapToPixel) {
  if (m_canvas == nullptr) return;
  const Extent visible = m_canvas->currentSettings().visibleExtent();
  const auto drawShapes = [&](const std::vector<FeatureShape>& shapes, QColor outline, QColor fill) {
    QPen pen(outline, 2.0);
    pen.setCosmetic(true);
    painter.setPen(pen);
    for (const FeatureShape& shape : shapes) {
      if (!shape.extent.isEmpty() && !shape.extent.intersects(visible)) continue;
      if (!shape.path.isEmpty()) {
        painter.setTransform(mapToPixel);
        // A polygon larger than the view (a county, a village) is outlined only, so that the map
        // under it keeps its colours.
        const bool fillIt = shape.polygonal && shape.extent.intersected(visible).area() < 0.5 * visible.area();
        painter.setBrush(fillIt ? QBrush(fill) : QBrush(Qt::NoBrush));
        if (shape.polygonal) painter.drawPath(shape.path);
        else painter.strokePath(shape.path, pen);
      }
      if (!shape.points.empty()) {
        painter.resetTransform();
        painter.setBrush(fill);
        for (const QPointF& p : shape.points) painter.drawEllipse(mapToPixel.map(p), 6.0, 6.0);
      }
    }
    painter.resetTransform();
  };
  painter.setRenderHint(QPainter::Antialiasing, true);
  for (const auto& [id, selection] : m_layers) {
    const int index = m_project->layerIndex(id);
    if (index < 0 || !m_project->project().layers[std::size_t(index)].visible) continue;
    drawShapes(selection.shapes, QColor(255, 215, 0), QColor(255, 235, 0, 90));
  }
  drawShapes(m_highlight, QColor(0, 200, 255), QColor(0, 220, 255, 70));
}

}  // namespace onemap::gui
