#include "onemap/gui/project_controller.h"

#include <QCoreApplication>

#include "onemap/base/text.h"
#include "onemap/gui/layer_source_info.h"
#include "onemap/proj/transform.h"
#include "onemap/raster/raster_info.h"
#include "onemap/vector/vector_info.h"

namespace onemap::gui {
namespace {

}  // namespace

ProjectController::ProjectController(QObject* parent) : QObject(parent) {}
ProjectController::~ProjectController() = default;

QString ProjectController::openProject(const std::filesystem::path& file) {
  auto loaded = project::loadProject(file);
  if (!loaded) return QString::fromStdString(loaded.error().text());
  m_project = std::move(*loaded);
  m_fileName = file;
  m_renderers = render::RendererFactory();
  recomputeCrsAndExtent();
  emit layersChanged();
  return {};
}

QString ProjectController::saveProject(const std::filesystem::path& file) {
  if (auto st = project::saveProject(m_project, file); !st) return QString::fromStdString(st.error().text());
  m_fileName = file;
  return {};
}

QString ProjectController::addLayerFile(const std::filesystem::path& file) {
  raster::RasterInfoOptions rasterOptions;
  rasterOptions.computeStatistics = false;
  auto rasterInfo = raster::readRasterInfo(file, rasterOptions);
  if (rasterInfo) {
    project::LayerSpec layer;
    layer.kind = project::LayerKind::Raster;
    layer.source = std::filesystem::absolute(file);
    layer.name = file.stem().string();
    layer.id = m_project.uniqueLayerId(layer.name);
    m_project.layers.push_back(layer);
  } else if (rasterInfo.error().code != ErrorCode::Unsupported) {
    return QString::fromStdString(rasterInfo.error().text());
  } else {
    // Opening a vector file lists its layers without scanning features.
    auto reader = vector::readVectorInfo(file, {}, {}, nullptr);
    if (!reader) return QString::fromStdString(reader.error().text());
    for (const auto& l : reader->layers) {
      project::LayerSpec layer;
      layer.kind = project::LayerKind::Vector;
      layer.source = std::filesystem::absolute(file);
      layer.layerName = reader->layers.size() > 1 ? l.name : std::string();
      layer.name = reader->layers.size() > 1 ? l.name : file.stem().string();
      layer.id = m_project.uniqueLayerId(l.name);
      // New vector layers go on top of rasters.
      m_project.layers.push_back(layer);
    }
  }
  recomputeCrsAndExtent();
  emit layersChanged();
  return {};
}

QStringList ProjectController::missingFiles() const {
  QStringList out;
  for (const auto* layer : project::missingSources(m_project))
    out << QCoreApplication::translate("ProjectController", "%1 — %2").arg(QString::fromStdString(layer->name),
                              QString::fromStdString(text::displayPath(layer->source)));
  return out;
}

void ProjectController::setLayerVisible(int index, bool visible) {
  if (index < 0 || index >= int(m_project.layers.size())) return;
  m_project.layers[std::size_t(index)].visible = visible;
  emit appearanceChanged();
}

void ProjectController::recomputeCrsAndExtent() {
  m_mapCrs = m_project.crs;
  m_fullExtent = Extent();
  std::vector<LayerSourceInfo> infos;
  for (const auto& layer : m_project.layers) {
    auto info = readLayerSourceInfo(layer);
    if (!info) continue;
    if (m_mapCrs.empty() && !info->crsWkt.empty()) m_mapCrs = info->crsWkt;
    infos.push_back(*info);
  }
  for (const auto& info : infos) {
    if (info.crsWkt.empty() || info.crsWkt == m_mapCrs) {
      m_fullExtent.include(info.extent);
      continue;
    }
    auto transform = proj::Transform::create(info.crsWkt, m_mapCrs);
    if (transform) m_fullExtent.include(transform->transformExtent(info.extent));
  }
}

}  // namespace onemap::gui
