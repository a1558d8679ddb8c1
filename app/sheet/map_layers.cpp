#include "onemap/sheet/map_layers.h"

#include <QCoreApplication>

#include <map>
#include <mutex>
#include <sstream>
#include <system_error>
#include <tuple>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/proj/transform.h"
#include "onemap/project/project.h"
#include "onemap/raster/crs_compare.h"
#include "onemap/raster/raster_source.h"
#include "onemap/sheet/sheet_context.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::sheet {
namespace {

std::vector<std::string> splitIds(const std::string& text) {
  std::vector<std::string> ids;
  std::string id;
  std::istringstream in(text);
  while (std::getline(in, id, ',')) {
    const auto first = id.find_first_not_of(" \t");
    const auto last = id.find_last_not_of(" \t");
    if (first != std::string::npos) ids.push_back(id.substr(first, last - first + 1));
  }
  return ids;
}

std::optional<Extent> readLayerExtent(const project::LayerSpec& layer, const std::string& crs) {
  if (layer.kind == project::LayerKind::Vector) {
    vector::OpenOptions options;
    options.encoding = layer.encoding;
    auto reader = vector::FeatureReader::open(layer.source, layer.layerName, options);
    if (!reader) return std::nullopt;
    if (crs.empty()) {
      const Extent e = reader->layer().extent;
      return e.isEmpty() ? std::nullopt : std::optional<Extent>(e);
    }
    return reader->extentIn(crs);
  }
  auto source = raster::RasterSource::open(layer.source);
  if (!source) return std::nullopt;
  const Extent e = source->grid().extent();
  if (e.isEmpty()) return std::nullopt;
  if (crs.empty() || source->grid().crsWkt.empty() || raster::isSameCrs(source->grid().crsWkt, crs)) return e;
  auto transform = proj::Transform::create(source->grid().crsWkt, crs);
  if (!transform) return std::nullopt;
  const Extent t = transform->transformExtent(e);
  return t.isEmpty() ? std::nullopt : std::optional<Extent>(t);
}

struct CachedExtent {
  std::filesystem::file_time_type modified;
  std::optional<Extent> extent;
};

}  // namespace

std::vector<const project::LayerSpec*> mapLayers(const project::Project& project, const layout::Item& map,
                                                 QStringList* problems) {
  std::vector<const project::LayerSpec*> layers;
  const std::vector<std::string> ids = splitIds(map.prop(layout::keys::kLayers));
  if (ids.empty()) {
    for (const auto& layer : project.layers)
      if (layer.visible) layers.push_back(&layer);
    return layers;
  }
  for (const auto& layer : project.layers)
    for (const auto& id : ids)
      if (layer.id == id) {
        layers.push_back(&layer);
        break;
      }
  if (problems)
    for (const auto& id : ids) {
      bool found = false;
      for (const auto& layer : project.layers) found = found || layer.id == id;
      if (!found)
        problems->append(QCoreApplication::translate("Sheet", "Map frame \"%1\": the project has no layer \"%2\"")
                             .arg(QString::fromStdString(map.id), QString::fromStdString(id)));
    }
  return layers;
}

std::string sheetCrs(const SheetContext& context) {
  if (!context.mapCrs.empty() || !context.project) return context.mapCrs;
  return context.project->crs;
}

std::optional<Extent> layersExtent(const std::vector<const project::LayerSpec*>& layers, const std::string& crs) {
  static std::mutex mutex;
  static std::map<std::tuple<std::string, std::string, std::string>, CachedExtent> cache;
  std::optional<Extent> all;
  for (const auto* layer : layers) {
    std::error_code ec;
    const auto modified = std::filesystem::last_write_time(layer->source, ec);
    if (ec) continue;
    const auto key = std::make_tuple(layer->source.string(), layer->layerName, crs);
    std::optional<Extent> extent;
    bool known = false;
    {
      std::lock_guard lock(mutex);
      if (auto it = cache.find(key); it != cache.end() && it->second.modified == modified) {
        extent = it->second.extent;
        known = true;
      }
    }
    if (!known) {
      extent = readLayerExtent(*layer, crs);
      std::lock_guard lock(mutex);
      cache[key] = {modified, extent};
    }
    if (!extent) continue;
    if (!all) all = *extent;
    else all->include(*extent);
  }
  return all;
}

}  // namespace onemap::sheet
