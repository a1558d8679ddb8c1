#include "onemap/gui/project_controller.h"

#include <QCoreApplication>

#include <algorithm>

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
  setModified(false);
  emit crsChanged();
  emit layersChanged();
  return {};
}

QString ProjectController::saveProject(const std::filesystem::path& file) {
  if (auto st = project::saveProject(m_project, file); !st) return QString::fromStdString(st.error().text());
  m_fileName = file;
  setModified(false);
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
    auto reader = vector::listVectorLayers(file);
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
  layersAdded();
  return {};
}

std::string ProjectController::addLayer(project::LayerSpec layer, QString* error) {
  if (auto info = readLayerSourceInfo(layer); !info) {
    if (error) *error = QString::fromStdString(info.error().text());
    return {};
  }
  layer.id = m_project.uniqueLayerId(layer.id.empty() ? layer.name : layer.id);
  const std::string id = layer.id;
  m_project.layers.push_back(std::move(layer));
  layersAdded();
  return id;
}

void ProjectController::layersAdded() {
  const std::string previousCrs = m_mapCrs;
  recomputeCrsAndExtent();
  setModified(true);
  if (m_mapCrs != previousCrs) emit crsChanged();
  emit layersChanged();
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
  if (m_project.layers[std::size_t(index)].visible == visible) return;
  m_project.layers[std::size_t(index)].visible = visible;
  setModified(true);
  emit layerChanged(index);
  emit appearanceChanged();
}

void ProjectController::removeLayer(int index) {
  if (index < 0 || index >= int(m_project.layers.size())) return;
  m_renderers.invalidate(m_project.layers[std::size_t(index)].id);
  m_project.layers.erase(m_project.layers.begin() + index);
  recomputeCrsAndExtent();
  setModified(true);
  emit layersChanged();
}

void ProjectController::moveLayer(int from, int to) {
  const int n = int(m_project.layers.size());
  if (from < 0 || from >= n || to < 0 || to >= n || from == to) return;
  auto layer = std::move(m_project.layers[std::size_t(from)]);
  m_project.layers.erase(m_project.layers.begin() + from);
  m_project.layers.insert(m_project.layers.begin() + to, std::move(layer));
  setModified(true);
  emit layersChanged();
}

void ProjectController::renameLayer(int index, const std::string& name) {
  if (index < 0 || index >= int(m_project.layers.size()) || name.empty()) return;
  m_project.layers[std::size_t(index)].name = name;
  setModified(true);
  emit layerChanged(index);
}

void ProjectController::setLayerOpacity(int index, double opacity) {
  if (index < 0 || index >= int(m_project.layers.size())) return;
  m_project.layers[std::size_t(index)].opacity = std::clamp(opacity, 0.0, 1.0);
  setModified(true);
  emit layerChanged(index);
  emit appearanceChanged();
}

void ProjectController::setLayerStyle(int index, std::map<std::string, std::string> style) {
  if (index < 0 || index >= int(m_project.layers.size())) return;
  auto& layer = m_project.layers[std::size_t(index)];
  layer.style = std::move(style);
  m_renderers.invalidate(layer.id);
  setModified(true);
  emit layerChanged(index);
  emit appearanceChanged();
}

void ProjectController::setLayerGroup(int index, const std::string& group) {
  if (index < 0 || index >= int(m_project.layers.size())) return;
  m_project.layers[std::size_t(index)].group = group;
  setModified(true);
  emit layersChanged();
}

QString ProjectController::setLayerSource(int index, const std::filesystem::path& source) {
  if (index < 0 || index >= int(m_project.layers.size())) return {};
  auto candidate = m_project.layers[std::size_t(index)];
  candidate.source = std::filesystem::absolute(source);
  auto info = readLayerSourceInfo(candidate);
  if (!info) return QString::fromStdString(info.error().text());
  m_renderers.invalidate(candidate.id);
  m_project.layers[std::size_t(index)] = std::move(candidate);
  recomputeCrsAndExtent();
  setModified(true);
  emit layersChanged();
  return {};
}

void ProjectController::setProjectCrs(const std::string& crs) {
  m_project.crs = crs;
  recomputeCrsAndExtent();
  setModified(true);
  emit crsChanged();
  emit layersChanged();
}

int ProjectController::layerIndex(const std::string& id) const {
  for (std::size_t i = 0; i < m_project.layers.size(); ++i)
    if (m_project.layers[i].id == id) return int(i);
  return -1;
}

Extent ProjectController::layerExtent(int index) const {
  if (index < 0 || index >= int(m_project.layers.size())) return {};
  auto info = readLayerSourceInfo(m_project.layers[std::size_t(index)]);
  if (!info) return {};
  if (info->crsWkt.empty() || m_mapCrs.empty() || info->crsWkt == m_mapCrs) return info->extent;
  auto transform = proj::Transform::create(info->crsWkt, m_mapCrs);
  return transform ? transform->transformExtent(info->extent) : Extent();
}

void ProjectController::addBookmark(const std::string& name, const Extent& extent) {
  if (extent.isEmpty()) return;
  m_project.bookmarks.push_back(project::Bookmark{name, extent});
  setModified(true);
  emit bookmarksChanged();
}

void ProjectController::removeBookmark(int index) {
  if (index < 0 || index >= int(m_project.bookmarks.size())) return;
  m_project.bookmarks.erase(m_project.bookmarks.begin() + index);
  setModified(true);
  emit bookmarksChanged();
}

void ProjectController::renameBookmark(int index, const std::string& name) {
  if (index < 0 || index >= int(m_project.bookmarks.size()) || name.empty()) return;
  if (m_project.bookmarks[std::size_t(index)].name == name) return;
  m_project.bookmarks[std::size_t(index)].name = name;
  setModified(true);
  emit bookmarksChanged();
}

void ProjectController::resetProject(project::Project project, const std::filesystem::path& fileName,
                                     bool modified) {
  m_project = std::move(project);
  m_fileName = fileName;
  m_renderers = render::RendererFactory();
  recomputeCrsAndExtent();
  setModified(modified);
  emit crsChanged();
  emit layersChanged();
}

void ProjectController::setModified(bool modified) {
  if (m_modified == modified) return;
  m_modified = modified;
  emit modifiedChanged(modified);
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
