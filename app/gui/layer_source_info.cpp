#include "onemap/gui/layer_source_info.h"

#include <filesystem>
#include <map>
#include <mutex>
#include <system_error>
#include <tuple>

#include "onemap/raster/raster_info.h"
#include "onemap/vector/feature_reader.h"

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

Result<LayerSourceInfo> readUncached(const project::LayerSpec& layer) {
  if (layer.kind == project::LayerKind::Raster) {
    raster::RasterInfoOptions options;
    options.computeStatistics = false;
    auto info = raster::readRasterInfo(layer.source, options);
    if (!info) return fail(info.error());
    return LayerSourceInfo{info->crsWkt, info->extent};
  }
  vector::OpenOptions options;
  options.encoding = layer.encoding;
  auto reader = vector::FeatureReader::open(layer.source, layer.layerName, options);
  if (!reader) return fail(reader.error());
  return LayerSourceInfo{reader->layer().crsWkt, reader->layer().extent};
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
  auto info = readUncached(layer);
  if (info && cacheable) {
    std::lock_guard lock(mutex);
    if (cache.size() > 512) cache.clear();
    cache[key] = *info;
  }
  return info;
}

}  // namespace onemap::gui
