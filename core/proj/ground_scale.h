#pragma once

#include <array>
#include <string>
#include <string_view>

#include "onemap/base/error.h"

namespace onemap::proj {

/// How big a raster grid's pixels are on the ground, and in which CRS.
struct GroundScale {
  std::string crsName;         ///< "EPSG:4326 WGS 84", or the CRS's own name without an EPSG code
  bool geographic = false;     ///< pixel sizes are in degrees; distances and areas go on the ellipsoid
  bool metric = true;          ///< false when the grid has no CRS (units taken as metres)
  double metresPerUnit = 1.0;  ///< projected CRS: the linear unit in metres (1 for metre, 0.3048 for foot)
  double pixelWidthM = 0.0;    ///< ground size of a pixel at the grid's centre, along a row
  double pixelHeightM = 0.0;   ///< … and along a column
  double westLon = 0.0, eastLon = 0.0;  ///< geographic grids: longitudes of the grid's extent

  /// The geometric mean of the two sizes: the one length the rules scale by.
  double pixelSizeM() const;
  /// "EPSG:4326 WGS 84 (geographic), pixel 8.5 × 12.6 m".
  std::string describe() const;
};

/// The ground scale of a grid given by its CRS (WKT, PROJJSON or "EPSG:n"; empty = none) and
/// GDAL geotransform, `width` × `height` pixels. A geographic grid is in traditional GIS order
/// (x = longitude): its pixel sizes are geodesic lengths on the ellipsoid at the grid's centre.
/// Errors: InvalidInput when PROJ cannot read the CRS, or the geotransform is degenerate.
Result<GroundScale> groundScale(std::string_view crs, const std::array<double, 6>& geoTransform, int width, int height);

}  // namespace onemap::proj
