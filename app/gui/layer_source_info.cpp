#include "onemap/gui/layer_source_info.h"

#include <filesystem>
#include <map>
#include <mutex>
#include <system_error>
#include <tuple>

#include "onemap/raster/raster_info.h"
#include "onemap/vector/feature_reader.h"
#include "onemap/vector/vector_info.h"

namespace onemap::gui {
namespace {

/// What identifies a source's state: a changed file (time or size) is read again.
struct SourceKey {
  std::string path;
  std::string layerName;
  std::string encoding;
  bool raster = false;
  std::filesystem::file_time_type modified;
  std::uintmax_t size = 0;
  bool operator<(const SourceKey& o) const {
    return std::tie(path, layerName, encoding, raster, modified, size) <
           std::tie(o.path, o.layerName, o.encoding, o.raster, o.modified, o.size);
  }
};

/// A vector file's layers listed once: a GeoPackage with ten layers is opened once, not ten times.
Result<LayerSourceInfo> vectorLayerInfo(const project::LayerSpec& layer, const SourceKey& fileKey) {
  vector::OpenOptions options;
  options.encoding = layer.encoding;
  static std::mutex mutex;
  static std::map<SourceKey, std::vector<std::pair<std::string, LayerSourceInfo>>> listings;
  std::vector<std::pair<std::string, LayerSourceInfo>> layers;
  {
    std::lock_guard lock(mutex);
    if (auto it = listings.find(fileKey); it != listings.end()) layers = it->second;
  }
  if (layers.empty()) {
    auto listing = vector::listVectorLayers(layer.source, options);
    if (!listing) return fail(listing.error());
    for (const auto& l : listing->layers) layers.emplace_back(l.name, LayerSourceInfo{l.crsWkt, l.extent});
    std::lock_guard lock(mutex);
    if (listings.size() > 128) listings.clear();
    listings[fileKey] = layers;
  }
  for (const auto& [name, info] : layers)
    if (layer.layerName.empty() || name == layer.layerName) return info;
  // Not found by its stored name (e.g. a name shown in another encoding): let the reader decide.
  auto reader = vector::FeatureReader::open(layer.source, layer.layerName, options);
  if (!reader) return fail(reader.error());
  return LayerSourceInfo{reader->layer().crsWkt, reader->layer().extent};
}

Result<LayerSourceInfo> readUncached(const project::LayerSpec& layer, const SourceKey& fileKey) {
  if (layer.kind == project::LayerKind::Raster) {
    raster::RasterInfoOptions options;
    options.computeStatistics = false;
    auto info = raster::readRasterInfo(layer.source, options);
    if (!info) return fail(info.error());
    return LayerSourceInfo{info->crsWkt, info->extent};
  }
  return vectorLayerInfo(layer, fileKey);
}

}  // namespace

Result<LayerSourceInfo> readLayerSourceInfo(const project::LayerSpec& layer) {
  // Project changes recompute the map extent from every layer; opening each file again (a
  // GeoPackage with ten layers ten times) would block the GUI thread for no new information.
  static std::mutex mutex;
  static std::map<SourceKey, LayerSourceInfo> cache;
  std::error_code ec;
  SourceKey key{layer.source.string(), layer.layerName, layer.encoding, layer.kind == project::LayerKind::Raster,
                std::filesystem::last_write_time(layer.source, ec), 0};
  const bool cacheable = !ec;
  if (cacheable) key.size = std::filesystem::is_regular_file(layer.source, ec) ? std::filesystem::file_size(layer.source, ec) : 0;
  if (cacheable) {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  SourceKey fileKey = key;
  fileKey.layerName.clear();
  auto info = readUncached(layer, fileKey);
  if (info && cacheable) {
    std::lock_guard lock(mutex);
    if (cache.size() > 512) cache.clear();
    cache[key] = *info;
  }
  return info;
}

}  // namespace onemap::gui
