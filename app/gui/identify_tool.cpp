#include "onemap/gui/identify_tool.h"

#include <QMouseEvent>
#include <QtConcurrent/QtConcurrent>

#include <algorithm>
#include <cmath>

#include "onemap/gui/abandon_watcher.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/selection_model.h"
#include "onemap/i18n/translations.h"
#include "onemap/proj/transform.h"
#include "onemap/raster/raster_source.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::gui {
namespace {

constexpr std::size_t kMaxFeaturesPerLayer = 100;

QString valueText(const vector::AttributeValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return QStringLiteral("NULL");
  if (const auto* i = std::get_if<std::int64_t>(&value)) return QString::number(*i);
  if (const auto* d = std::get_if<double>(&value)) return QString::number(*d, 'g', 15);
  return QString::fromStdString(std::get<std::string>(value));
}

std::optional<IdentifyLayerResult> identifyRaster(const project::LayerSpec& layer, const std::string& mapCrs,
                                                  QPointF point) {
  IdentifyLayerResult result;
  result.layerId = layer.id;
  result.layerName = QString::fromStdString(layer.name);
  result.raster = true;
  auto source = raster::RasterSource::open(layer.source);
  if (!source) {
    result.error = QString::fromStdString(source.error().text());
    return result;
  }
  const raster::Grid& grid = source->grid();
  double x = point.x();
  double y = point.y();
  if (!mapCrs.empty() && !grid.crsWkt.empty() && grid.crsWkt != mapCrs) {
    auto toRaster = proj::Transform::create(mapCrs, grid.crsWkt);
    if (!toRaster || !toRaster->apply(x, y) || !std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
  }
  const auto& gt = grid.geoTransform;
  const double det = gt[1] * gt[5] - gt[2] * gt[4];
  if (det == 0.0) return std::nullopt;
  const double dx = x - gt[0];
  const double dy = y - gt[3];
  const double column = (gt[5] * dx - gt[2] * dy) / det;
  const double row = (-gt[4] * dx + gt[1] * dy) / det;
  if (!(column >= 0 && row >= 0 && column < grid.width && row < grid.height)) return std::nullopt;
  result.pixelColumn = int(std::floor(column));
  result.pixelRow = int(std::floor(row));
  std::vector<int> bands(std::size_t(source->bandCount()));
  for (int b = 0; b < source->bandCount(); ++b) bands[std::size_t(b)] = b + 1;
  std::vector<float> values;
  if (auto st = source->read(raster::Window{result.pixelColumn, result.pixelRow, 1, 1}, bands, values); !st) {
    result.error = QString::fromStdString(st.error().text());
    return result;
  }
  const bool chinese = i18n::isChinese();
  for (int b = 1; b <= source->bandCount(); ++b) {
    IdentifiedBand band;
    band.band = b;
    const raster::BandRole role = source->bandRoles().role(b);
    if (role != raster::BandRole::Unknown)
      band.role = QString::fromUtf8(chinese ? raster::bandRoleNameZh(role) : raster::bandRoleName(role));
    band.value = values[std::size_t(b - 1)];
    band.noData = std::isnan(band.value);
    band.noDataValue = source->noData(b);
    result.bands.push_back(band);
  }
  return result;
}

std::optional<IdentifyLayerResult> identifyVector(const project::LayerSpec& layer, const std::string& mapCrs,
                                                  QPointF point, double tolerance, Feedback& feedback) {
  IdentifyLayerResult result;
  result.layerId = layer.id;
  result.layerName = QString::fromStdString(layer.name);
  vector::OpenOptions open;
  open.encoding = layer.encoding;
  auto reader = vector::FeatureReader::open(layer.source, layer.layerName, open);
  if (!reader) {
    result.error = QString::fromStdString(reader.error().text());
    return result;
  }
  vector::ReadOptions options;
  options.targetCrs = mapCrs;
  options.filter = Extent(point.x() - tolerance, point.y() - tolerance, point.x() + tolerance, point.y() + tolerance);
  options.repairInvalid = false;
  const auto& fields = reader->layer().fields;
  auto read = reader->forEach(options, &feedback, [&](const vector::Feature& feature) {
    if (feature.wkb.empty()) return true;
    const FeatureShape shape = FeatureShape::fromWkb(feature.fid, feature.wkb);
    if (shape.isEmpty() || !shape.isHitBy(point, tolerance)) return true;
    IdentifiedFeature found;
    found.fid = feature.fid;
    found.wkb = feature.wkb;
    for (std::size_t i = 0; i < fields.size() && i < feature.attributes.size(); ++i)
      found.attributes.emplace_back(QString::fromStdString(fields[i].name), valueText(feature.attributes[i]));
    result.features.push_back(std::move(found));
    return result.features.size() < kMaxFeaturesPerLayer;
  });
  if (!read && read.error().code != ErrorCode::Canceled) result.error = QString::fromStdString(read.error().text());
  if (result.features.empty() && result.error.isEmpty()) return std::nullopt;
  return result;
}

}  // namespace

std::vector<IdentifyLayerResult> identifyAt(const std::vector<project::LayerSpec>& layers, const std::string& mapCrs,
                                            QPointF mapPoint, double tolerance, Feedback feedback) {
  std::vector<IdentifyLayerResult> results;
  for (const auto& layer : layers) {
    if (feedback.isCanceled()) break;
    auto found = layer.kind == project::LayerKind::Raster ? identifyRaster(layer, mapCrs, mapPoint)
                                                          : identifyVector(layer, mapCrs, mapPoint, tolerance, feedback);
    if (found) results.push_back(std::move(*found));
  }
  return results;
}

IdentifyTool::IdentifyTool(MapCanvas* canvas, ProjectController* project) : MapTool(canvas), m_project(project) {
  setObjectName(QStringLiteral("identifyTool"));
}

IdentifyTool::~IdentifyTool() {
  m_feedback.cancel();
  if (m_watcher) m_watcher->waitForFinished();
}

void IdentifyTool::identifyAtPixel(QPointF pixel) {
  const double tolerance = kTolerancePixels * canvas()->currentSettings().mapUnitsPerPixel();
  identify(canvas()->toMap(pixel), tolerance);
}

void IdentifyTool::identify(QPointF mapPoint, double tolerance) {
  // A new click replaces the one still being answered.
  m_feedback.cancel();
  abandonWatcher(m_watcher, this);
  m_feedback = Feedback();
  m_point = mapPoint;
  std::vector<project::LayerSpec> layers;
  const auto& all = m_project->project().layers;
  for (auto it = all.rbegin(); it != all.rend(); ++it)
    if (it->visible) layers.push_back(*it);
  auto* watcher = new QFutureWatcher<std::vector<IdentifyLayerResult>>();
  m_watcher.reset(watcher);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
    if (m_watcher.get() != watcher) return;
    m_results = watcher->result();
    m_watcher.release()->deleteLater();
    emit finished();
  });
  emit started(mapPoint);
  watcher->setFuture(QtConcurrent::run(
      [layers = std::move(layers), crs = m_project->mapCrs(), mapPoint, tolerance, feedback = m_feedback] {
        return identifyAt(layers, crs, mapPoint, tolerance, feedback);
      }));
}

void IdentifyTool::mousePress(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton) m_pressPixel = event->position().toPoint();
}

void IdentifyTool::mouseRelease(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  if ((event->position().toPoint() - m_pressPixel).manhattanLength() > 3) return;  // that was a pan
  identifyAtPixel(event->position());
}

}  // namespace onemap::gui
