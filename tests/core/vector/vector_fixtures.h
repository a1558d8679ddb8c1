#pragma once

// Test fixtures for onemap_vector: small datasets written with GDAL into a TempDir.

#include <filesystem>
#include <string>
#include <vector>

#include <ogr_core.h>

namespace onemap::vector::test {

/// One attribute field of a fixture layer.
struct FixtureField {
  std::string name;
  OGRFieldType type = OFTString;
  int width = 0;
};

/// One layer to write: features are rows of text values (empty = null) and WKT ("" = none).
struct FixtureLayer {
  std::string name;
  std::string crs;  ///< "EPSG:4549"; empty = no CRS
  OGRwkbGeometryType geometryType = wkbPolygon;
  std::vector<FixtureField> fields;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> wkts;
  std::vector<std::string> creationOptions;  ///< layer creation options, "KEY=VALUE"
};

/// Writes `layers` to `path` with GDAL driver `driver`; fails the test (and returns false) on error.
bool writeDataset(const std::filesystem::path& path, const std::string& driver,
                  const std::vector<FixtureLayer>& layers);

/// Writes raw bytes to a file.
void writeFile(const std::filesystem::path& path, const std::string& bytes);

/// Reads a file's bytes.
std::string readFile(const std::filesystem::path& path);

/// A square polygon WKT with lower-left corner (x, y) and side `size`.
std::string squareWkt(double x, double y, double size);

/// "POLYGON((...))" of a lon/lat rectangle with `steps` points along each side (so its geodesic
/// edges follow the meridians and parallels closely).
std::string densifiedCellWkt(double lon0, double lat0, double lon1, double lat1, int steps);

/// Exact ellipsoidal area of a longitude/latitude cell (authalic-latitude formula).
double ellipsoidalCellArea(double lon0, double lat0, double lon1, double lat1, double semiMajor,
                           double inverseFlattening);

}  // namespace onemap::vector::test
