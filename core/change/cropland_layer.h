#pragma once
// Internal to onemap_change: the cropland polygons the rules apply to.

#include <filesystem>
#include <string>

#include "onemap/base/error.h"
#include "onemap/base/layer_ref.h"
#include "onemap/raster/polygon_rasterizer.h"

namespace onemap::change::detail {

/// A cropland layer and the filter selecting its cropland polygons, or none (an empty path):
/// then every pixel is cropland.
struct CroplandLayer {
  std::filesystem::path path;
  raster::RasterizeOptions options;  ///< layer name and attribute filter; burn() only

  /// `layer` with `filter` (see croplandFilter()).
  static CroplandLayer of(const LayerRef& layer, const std::string& filter);
  bool present() const { return !path.empty(); }
  /// A rasterizer of the cropland polygons onto `grid` (one per thread).
  Result<raster::PolygonRasterizer> open(const raster::Grid& grid) const;
  /// "FILE:LAYER" for messages.
  std::string name() const;
};

}  // namespace onemap::change::detail
