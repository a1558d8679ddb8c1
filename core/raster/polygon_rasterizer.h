#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/raster/raster_source.h"

namespace onemap::raster {

/// Options for burning polygons of a vector layer onto a grid.
struct RasterizeOptions {
  std::string layerName;        ///< empty = the dataset's only/first layer
  std::string attributeFilter;  ///< OGR SQL WHERE clause, empty = all features
  bool allTouched = false;      ///< false: pixels whose centre is inside
  /// false: open() skips numbering the features (a pass over the layer, which also checks the
  /// filter); burnIds() then fails and featureCount() is 0. For callers that only burn().
  bool numberFeatures = true;
};

/// Burns polygons of one vector layer (any CRS: reprojected to the grid's CRS) into windows of a Grid.
/// Opens the data once; burn() uses a spatial filter so a window costs only its own polygons. One thread at a time; open one per thread.
class PolygonRasterizer {
 public:
  /// Errors name the file and layer. A layer without a CRS is taken to be in the grid's CRS; features
  /// that are not polygons are skipped.
  static Result<PolygonRasterizer> open(const std::filesystem::path& path, const Grid& grid,
                                        const RasterizeOptions& options = {});
  PolygonRasterizer(PolygonRasterizer&&) noexcept;
  PolygonRasterizer& operator=(PolygonRasterizer&&) noexcept;
  ~PolygonRasterizer();

  /// Fills `out` (resized to window.pixelCount(), row-major) with 1 inside a polygon, 0 outside.
  Status burn(const Window& window, std::vector<std::uint8_t>& out) const;
  /// As burn(), and fills `touched` (the same size) with 1 wherever a polygon touches a pixel at all
  /// (GDAL's ALL_TOUCHED, whatever the options say): a conservative presence map. One read of the
  /// polygons serves both.
  Status burnWithTouched(const Window& window, std::vector<std::uint8_t>& out,
                         std::vector<std::uint8_t>& touched) const;
  /// As burn(), but writes the 1-based index (in the layer's reading order, stable across calls:
  /// the OGR FID order) of the feature covering each pixel, 0 = none; last drawn wins.
  Status burnIds(const Window& window, std::vector<std::int32_t>& out) const;
  /// Features of the layer that pass the attribute filter (the largest index burnIds writes).
  std::int64_t featureCount() const;
  /// The OGR FID of the feature burnIds numbers `index` (1..featureCount()), -1 when out of range.
  std::int64_t fidOf(std::int32_t index) const;

 private:
  struct Impl;
  explicit PolygonRasterizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

/// Fills `out` (resized to window.pixelCount(), row-major) with 1 where a pixel's centre lies in
/// the polygon `wkb` (ISO WKB, in the grid's CRS), 0 elsewhere: the pixels of one patch.
Status burnPolygon(const Grid& grid, const Window& window, std::span<const unsigned char> wkb,
                   std::vector<std::uint8_t>& out);

}  // namespace onemap::raster
