#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace onemap::test {

/// A GeoTIFF to write for a test: size, bands, CRS, geotransform and a pixel function.
struct GeoTiffSpec {
  int width = 64;
  int height = 64;
  int bands = 3;
  std::string dataType = "UInt16";             ///< GDAL type name
  int epsg = 4549;                             ///< 0 = no CRS
  std::vector<double> geoTransform{500000, 2, 0, 3500000, 0, -2};
  std::vector<std::string> descriptions;       ///< per band, optional
  std::function<double(int band, int x, int y)> value = [](int b, int x, int y) { return b * 100 + x + y; };
};

/// The WKT of EPSG:`epsg` (traditional GIS axis order does not matter for WKT).
std::string wktOfEpsg(int epsg);

/// Writes a tiled GeoTIFF; aborts the test program on failure (fixtures must work).
void writeGeoTiff(const std::filesystem::path& path, const GeoTiffSpec& spec);

/// Warps `source` into EPSG:`epsg` with bilinear resampling (gdalwarp's own choice of pixel
/// size and extent), written as a GeoTIFF; aborts the test program on failure.
void warpGeoTiff(const std::filesystem::path& source, const std::filesystem::path& target, int epsg);

/// A polygon feature to write: WKT geometry and string attributes in field order.
struct FixtureFeature {
  std::string wkt;
  std::vector<std::string> values;
};

/// Writes a vector layer with string fields `fields` through GDAL driver `driver`
/// ("GPKG", "ESRI Shapefile", "GeoJSON"...). `layerOptions` are GDAL layer creation options.
void writeVector(const std::filesystem::path& path, const std::string& driver, const std::string& layer,
                 int epsg, const std::vector<std::string>& fields, const std::vector<FixtureFeature>& features,
                 const std::vector<std::string>& layerOptions = {});

}  // namespace onemap::test
