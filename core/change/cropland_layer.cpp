#include "cropland_layer.h"

#include "onemap/base/text.h"

namespace onemap::change::detail {

CroplandLayer CroplandLayer::of(const LayerRef& layer, const std::string& filter) {
  CroplandLayer cropland;
  cropland.path = layer.path;
  cropland.options.layerName = layer.layer;
  cropland.options.attributeFilter = filter;
  cropland.options.numberFeatures = false;  // burn() only
  return cropland;
}

Result<raster::PolygonRasterizer> CroplandLayer::open(const raster::Grid& grid) const {
  return raster::PolygonRasterizer::open(path, grid, options);
}

std::string CroplandLayer::name() const {
  return text::displayPath(path) + (options.layerName.empty() ? "" : ":" + options.layerName);
}

}  // namespace onemap::change::detail
