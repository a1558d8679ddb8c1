#include "onemap/gui/layer_source_info.h"

#include "onemap/raster/raster_info.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::gui {

Result<LayerSourceInfo> readLayerSourceInfo(const project::LayerSpec& layer) {
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

}  // namespace onemap::gui
