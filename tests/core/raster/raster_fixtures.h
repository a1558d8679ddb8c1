#pragma once
// Small GeoTIFF fixtures written with GDAL for the onemap_raster tests.

#include <gdal.h>

#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace onemap::raster::fixtures {

/// Pixel value of the default fixture: band * 10000 + row * 100 + column (exact in UInt16).
double defaultPixel(int band, int column, int row);

/// What writeGeoTiff writes.
struct TiffSpec {
  int width = 100;
  int height = 80;
  int bands = 4;
  GDALDataType type = GDT_UInt16;
  int epsg = 4549;  ///< 0: no CRS
  std::array<double, 6> geoTransform{500000.0, 10.0, 0.0, 3500000.0, 0.0, -10.0};
  bool writeGeoTransform = true;
  std::optional<double> noData;
  std::vector<std::string> descriptions;                 ///< per band, may be shorter
  std::map<std::string, std::string> metadata;           ///< dataset metadata
  std::vector<std::string> creationOptions;              ///< e.g. "TILED=YES"
  std::vector<int> overviewFactors;                      ///< internal overviews to build
  std::function<double(int band, int column, int row)> pixel = defaultPixel;
};

/// Writes `spec` as a GeoTIFF at `path` (aborts the test program on failure).
void writeGeoTiff(const std::filesystem::path& path, const TiffSpec& spec);

/// Cuts `path` to `fraction` of its size (a transfer that stopped half way).
void truncateFile(const std::filesystem::path& path, double fraction);

/// Writes `text` to `path`.
void writeText(const std::filesystem::path& path, const std::string& text);

}  // namespace onemap::raster::fixtures
