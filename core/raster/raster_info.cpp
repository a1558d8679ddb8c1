#include "onemap/raster/raster_info.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>

#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/raster/gdal_support.h"

namespace onemap::raster {
namespace {

constexpr int kLargeImagePixels = 4096;

// A plain "no CRS" warning, with what the coordinates look like (the proj module explains more).
std::string noCrsWarning(const RasterInfo& info) {
  std::string warning = "no coordinate system (CRS) in the file";
  const Extent& e = info.extent;
  if (info.hasGeoTransform && !e.isEmpty()) {
    if (e.minX() >= -180.0 && e.maxX() <= 360.0 && e.minY() >= -90.0 && e.maxY() <= 90.0) {
      warning += "; the coordinates look like longitude/latitude in degrees "
                 "(CGCS2000 EPSG:4490 or WGS 84 EPSG:4326)";
    } else if (e.minX() >= 1e7 && e.maxX() < 1e8) {
      const int zone = static_cast<int>(e.centerX() / 1e6);
      warning += "; the eastings have 8 digits, which suggests a Gauss-Kr\xC3\xBCger CRS with the "
                 "zone number " + std::to_string(zone) + " in front";
      if (zone >= 25 && zone <= 45)
        warning += " (CGCS2000 3-degree zone " + std::to_string(zone) + ", EPSG:" +
                   std::to_string(4513 + zone - 25) + ")";
      else if (zone >= 13 && zone <= 23)
        warning += " (CGCS2000 6-degree zone " + std::to_string(zone) + ", EPSG:" +
                   std::to_string(4491 + zone - 13) + ")";
    } else if (e.minX() >= 1e5 && e.maxX() < 1e6 && e.minY() >= 1e6 && e.maxY() < 1e7) {
      warning += "; the coordinates look like projected metres (for example CGCS2000 3-degree "
                 "Gauss-Kr\xC3\xBCger without zone prefix, EPSG:4534-4554, or UTM)";
    }
  }
  warning += "; assign the CRS before comparing it with other layers";
  return warning;
}

struct StatisticsOutcome {
  std::optional<BandStatistics> statistics;
  std::optional<std::string> warning;
};

Result<StatisticsOutcome> bandStatistics(GDALRasterBand& band, int index,
                                         const RasterInfoOptions& options,
                                         const std::filesystem::path& path) {
  const int approxOk = options.approximateStatistics ? TRUE : FALSE;
  BandStatistics stats;
  gdal::CplErrorCapture capture;
  // Statistics already stored with the file (or its .aux.xml) are used as they are.
  CPLErr err = band.GetStatistics(approxOk, FALSE, &stats.min, &stats.max, &stats.mean,
                                  &stats.stdDev);
  if (err == CE_None) {
    const char* approximate = band.GetMetadataItem("STATISTICS_APPROXIMATE");
    stats.approximate = approximate != nullptr && CPLTestBool(approximate);
    return StatisticsOutcome{stats, std::nullopt};
  }
  // Computed in memory only: the dataset never writes a .aux.xml (see disableSidecarWrites).
  err = GDALComputeRasterStatistics(GDALRasterBand::ToHandle(&band), approxOk, &stats.min,
                                    &stats.max, &stats.mean, &stats.stdDev, nullptr, nullptr);
  if (err == CE_None) {
    stats.approximate = options.approximateStatistics;
    return StatisticsOutcome{stats, std::nullopt};
  }
  const std::string message = capture.lastMessage();
  if (message.find("no valid pixels") != std::string::npos)
    return StatisticsOutcome{std::nullopt,
                             "band " + std::to_string(index) + " has no valid pixels (all nodata)"};
  return fail(detail::gdalError(capture, ErrorCode::OpenFailed,
                                "cannot read band " + std::to_string(index) +
                                    "; the file may be truncated or damaged",
                                path, "Copy the file again from its source."));
}

void readCrs(GDALDataset& dataset, RasterInfo& info) {
  const OGRSpatialReference* srs = dataset.GetSpatialRef();
  if (srs == nullptr || srs->IsEmpty()) return;
  info.crsWkt = detail::exportWkt(*srs);
  info.epsg = detail::identifyEpsg(*srs);
  if (!info.hasGeoTransform) return;
  OGRSpatialReference lonLat;
  lonLat.importFromEPSG(4326);
  lonLat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  info.lonLatExtent = detail::transformExtent(info.extent, *srs, lonLat);
  if (!info.lonLatExtent)
    info.warnings.push_back("the extent cannot be converted to longitude/latitude; check the CRS");
}

}  // namespace

BandRoleMap RasterInfo::bandRoles() const {
  std::vector<BandRoleGuess> guesses;
  guesses.reserve(bands.size());
  for (const auto& band : bands) guesses.push_back(band.role);
  return BandRoleMap(std::move(guesses));
}

Result<RasterInfo> readRasterInfo(const std::filesystem::path& path,
                                  const RasterInfoOptions& options) {
  auto opened = detail::openRasterDataset(path);
  if (!opened) return fail(std::move(opened.error()));
  GDALDataset& dataset = **opened;

  RasterInfo info;
  info.path = path;
  if (GDALDriver* driver = dataset.GetDriver()) {
    info.driver = driver->GetDescription();
    if (const char* longName = driver->GetMetadataItem(GDAL_DMD_LONGNAME))
      info.driverLongName = longName;
  }
  info.width = dataset.GetRasterXSize();
  info.height = dataset.GetRasterYSize();
  if (char** items = dataset.GetMetadata(); items != nullptr)
    for (int i = 0; items[i] != nullptr; ++i) {
      const std::string item = items[i];
      const auto eq = item.find('=');
      if (eq != std::string::npos) info.metadata.emplace_back(item.substr(0, eq), item.substr(eq + 1));
    }
  {
    gdal::CplErrorCapture quiet;
    info.hasGeoTransform = dataset.GetGeoTransform(info.geoTransform.data()) == CE_None;
  }
  if (!info.hasGeoTransform) info.geoTransform = {0, 1, 0, 0, 0, 1};
  const auto& gt = info.geoTransform;
  info.pixelSizeX = std::hypot(gt[1], gt[4]);
  info.pixelSizeY = std::hypot(gt[2], gt[5]);
  info.extent = detail::gridExtent(info.width, info.height, gt);
  readCrs(dataset, info);

  if (const char* compression = dataset.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE"))
    info.compression = compression;
  GDALRasterBand* first = dataset.GetRasterBand(1);
  first->GetBlockSize(&info.blockSize.first, &info.blockSize.second);
  for (int i = 0; i < first->GetOverviewCount(); ++i) {
    if (GDALRasterBand* overview = first->GetOverview(i))
      info.overviewSizes.emplace_back(overview->GetXSize(), overview->GetYSize());
  }
  std::sort(info.overviewSizes.begin(), info.overviewSizes.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });

  const BandRoleMap roles = guessBandRoles(detail::collectEvidence(dataset, path));
  for (int i = 1; i <= dataset.GetRasterCount(); ++i) {
    GDALRasterBand* band = dataset.GetRasterBand(i);
    BandInfo b;
    b.index = i;
    b.dataType = GDALGetDataTypeName(band->GetRasterDataType());
    b.description = text::escapeInvalidUtf8(band->GetDescription());
    b.colorInterpretation = GDALGetColorInterpretationName(band->GetColorInterpretation());
    int hasValue = FALSE;
    const double noData = band->GetNoDataValue(&hasValue);
    if (hasValue) b.noData = noData;
    b.scale = band->GetScale(&hasValue);
    if (!hasValue) b.scale = 1.0;
    b.offset = band->GetOffset(&hasValue);
    if (!hasValue) b.offset = 0.0;
    b.role = roles.guess(i);
    b.overviewCount = band->GetOverviewCount();
    if (options.computeStatistics) {
      auto stats = bandStatistics(*band, i, options, path);
      if (!stats) return fail(std::move(stats.error()));
      b.statistics = stats->statistics;
      if (stats->warning) info.warnings.push_back(*stats->warning);
    }
    info.bands.push_back(std::move(b));
  }

  if (!info.hasGeoTransform)
    info.warnings.push_back(
        "no georeferencing (geotransform): the image has pixel coordinates only");
  if (info.crsWkt.empty()) info.warnings.push_back(noCrsWarning(info));
  if (std::max(info.width, info.height) > kLargeImagePixels && info.overviewSizes.empty())
    info.warnings.push_back("no overviews (pyramids) on a " + std::to_string(info.width) + " x " +
                            std::to_string(info.height) +
                            " image: display at small scales will be slow; build overviews first");
  return info;
}

}  // namespace onemap::raster
