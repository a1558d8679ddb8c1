#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>

#include "onemap/base/error.h"

namespace onemap::raster {

/// An 8-bit RGBA picture in memory: rows top to bottom, 4 bytes per pixel (R, G, B, A).
struct RgbaPixels {
  const unsigned char* data = nullptr;
  int width = 0;
  int height = 0;
  std::ptrdiff_t bytesPerLine = 0;
};

/// How to write a georeferenced picture.
struct GeoTiffOptions {
  std::array<double, 6> geoTransform{0, 1, 0, 0, 0, -1};  ///< GDAL order; rotation terms allowed
  std::string crs;   ///< "EPSG:4549", WKT...; empty = no CRS
  double dpi = 0.0;  ///< stored as the TIFF resolution when > 0
  int threads = 1;   ///< compression threads
};

/// Writes `pixels` as a tiled, DEFLATE-compressed 4-band GeoTIFF (RGB + alpha) with the
/// geotransform and CRS. Errors name the file; a failed write leaves no file behind.
Status writeRgbaGeoTiff(const std::filesystem::path& path, const RgbaPixels& pixels, const GeoTiffOptions& options);

/// The WKT of a CRS definition ("EPSG:4549", WKT, PROJJSON): WKT1 in the ESRI dialect for .prj
/// files when `esri`, else WKT2. Errors name the definition.
Result<std::string> crsWkt(const std::string& crs, bool esri);

}  // namespace onemap::raster
