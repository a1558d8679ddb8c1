#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/extent.h"
#include "onemap/raster/band_role.h"

namespace onemap::raster {

/// Summary statistics of one band (nodata excluded).
struct BandStatistics {
  double min = 0.0;
  double max = 0.0;
  double mean = 0.0;
  double stdDev = 0.0;
  bool approximate = true;  ///< computed from an overview / sample
};

/// What `onemap-cli info` and the layer properties show about one band.
struct BandInfo {
  int index = 0;                     ///< 1-based
  std::string dataType;              ///< GDAL name: "UInt16", "Byte", "Float32"...
  std::string description;
  std::string colorInterpretation;
  std::optional<double> noData;
  double scale = 1.0;
  double offset = 0.0;
  BandRoleGuess role;
  int overviewCount = 0;
  std::optional<BandStatistics> statistics;
};

/// Description of a raster dataset; a value type.
struct RasterInfo {
  std::filesystem::path path;
  std::string driver;                ///< GDAL short name, e.g. "GTiff"
  std::string driverLongName;
  int width = 0;
  int height = 0;
  std::array<double, 6> geoTransform{0, 1, 0, 0, 0, 1};
  bool hasGeoTransform = false;
  double pixelSizeX = 0.0;           ///< positive, CRS units
  double pixelSizeY = 0.0;           ///< positive, CRS units
  std::string crsWkt;                ///< empty when the file has no CRS
  int epsg = 0;                      ///< 0 when not identified
  Extent extent;                     ///< in the file's CRS
  std::optional<Extent> lonLatExtent;  ///< WGS 84 / CGCS2000 lon/lat, when a CRS is known
  std::vector<BandInfo> bands;
  std::vector<std::pair<int, int>> overviewSizes;  ///< of band 1, largest first
  std::string compression;           ///< IMAGE_STRUCTURE COMPRESSION, if any
  std::pair<int, int> blockSize{0, 0};  ///< of band 1
  std::vector<std::string> warnings;  ///< e.g. "no CRS; looks like CGCS2000 3° GK …"
  /// Dataset metadata of the default domain (e.g. ACQUISITION_DATE, SENSOR), key → value.
  std::vector<std::pair<std::string, std::string>> metadata;

  BandRoleMap bandRoles() const;
};

/// Options for readRasterInfo.
struct RasterInfoOptions {
  bool computeStatistics = true;
  bool approximateStatistics = true;  ///< from overviews when present (fast)
};

/// Opens any GDAL raster read-only and describes it. Errors name the file and say what to do:
/// NotFound (no such file), OpenFailed (corrupt/truncated), Unsupported (not a raster GDAL reads).
Result<RasterInfo> readRasterInfo(const std::filesystem::path& path,
                                  const RasterInfoOptions& options = {});

}  // namespace onemap::raster
