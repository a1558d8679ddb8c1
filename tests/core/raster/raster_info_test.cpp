#include <gtest/gtest.h>

#include "onemap/raster/raster_info.h"
#include "raster_fixtures.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::raster;
using onemap::test::TempDir;

namespace {

bool hasWarningContaining(const RasterInfo& info, std::string_view text) {
  for (const auto& warning : info.warnings)
    if (warning.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(RasterInfo, DescribesSizeGeoreferencingAndCrs) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.creationOptions = {"COMPRESS=DEFLATE"};
  fixtures::writeGeoTiff(dir / "img.tif", spec);

  const auto info = readRasterInfo(dir / "img.tif", {.computeStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->path, dir / "img.tif");
  EXPECT_EQ(info->driver, "GTiff");
  EXPECT_EQ(info->driverLongName, "GeoTIFF");
  EXPECT_EQ(info->width, 100);
  EXPECT_EQ(info->height, 80);
  EXPECT_TRUE(info->hasGeoTransform);
  EXPECT_EQ(info->geoTransform, (std::array<double, 6>{500000, 10, 0, 3500000, 0, -10}));
  EXPECT_DOUBLE_EQ(info->pixelSizeX, 10.0);
  EXPECT_DOUBLE_EQ(info->pixelSizeY, 10.0);
  EXPECT_EQ(info->epsg, 4549);
  EXPECT_NE(info->crsWkt.find("CGCS2000"), std::string::npos);
  EXPECT_EQ(info->extent, Extent(500000, 3499200, 501000, 3500000));
  EXPECT_EQ(info->compression, "DEFLATE");
  EXPECT_TRUE(info->warnings.empty()) << info->warnings.front();
  ASSERT_EQ(info->bands.size(), 4u);
  EXPECT_EQ(info->bands[0].index, 1);
  EXPECT_EQ(info->bands[3].index, 4);
  EXPECT_EQ(info->bands[0].dataType, "UInt16");
  EXPECT_FALSE(info->bands[0].noData.has_value());
  EXPECT_DOUBLE_EQ(info->bands[0].scale, 1.0);
  EXPECT_DOUBLE_EQ(info->bands[0].offset, 0.0);
  EXPECT_FALSE(info->bands[0].statistics.has_value());
}

TEST(RasterInfo, LonLatExtentComesFromTheCrs) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "img.tif", {});
  const auto info = readRasterInfo(dir / "img.tif", {.computeStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  ASSERT_TRUE(info->lonLatExtent.has_value());
  // EPSG:4549 has its central meridian at 120°E: easting 500000 is exactly 120°E.
  EXPECT_NEAR(info->lonLatExtent->minX(), 120.0, 1e-7);
  EXPECT_NEAR(info->lonLatExtent->maxX(), 120.010539, 1e-5);
  EXPECT_NEAR(info->lonLatExtent->minY(), 31.61534, 1e-4);
  EXPECT_NEAR(info->lonLatExtent->maxY(), 31.622555, 1e-5);
}

TEST(RasterInfo, ExactStatisticsMatchThePixelValues) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "img.tif", {});
  const auto info = readRasterInfo(dir / "img.tif",
                                   {.computeStatistics = true, .approximateStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  for (int b = 1; b <= 4; ++b) {
    const auto& stats = info->bands[static_cast<std::size_t>(b - 1)].statistics;
    ASSERT_TRUE(stats.has_value()) << "band " << b;
    EXPECT_DOUBLE_EQ(stats->min, b * 10000.0);
    EXPECT_DOUBLE_EQ(stats->max, b * 10000.0 + 79 * 100 + 99);
    EXPECT_NEAR(stats->mean, b * 10000.0 + 39.5 * 100 + 49.5, 1e-6);
    // Independent row and column: variance = 100² var(row) + var(col).
    const double variance = 10000.0 * (80.0 * 80.0 - 1) / 12.0 + (100.0 * 100.0 - 1) / 12.0;
    EXPECT_NEAR(stats->stdDev, std::sqrt(variance), 1e-3);
    EXPECT_FALSE(stats->approximate);
  }
}

TEST(RasterInfo, ApproximateStatisticsAreMarkedAndPlausible) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "img.tif", {});
  const auto info = readRasterInfo(dir / "img.tif");
  ASSERT_TRUE(info) << info.error().text();
  const auto& stats = info->bands[1].statistics;
  ASSERT_TRUE(stats.has_value());
  EXPECT_TRUE(stats->approximate);
  EXPECT_GE(stats->min, 20000.0);
  EXPECT_LE(stats->max, 27999.0);
  EXPECT_NEAR(stats->mean, 23999.5, 500.0);
}

TEST(RasterInfo, StatisticsSkipNoData) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.bands = 1;
  spec.noData = 0.0;
  spec.pixel = [](int, int x, int y) { return y < 10 ? 0.0 : 1000.0 + x; };
  fixtures::writeGeoTiff(dir / "img.tif", spec);
  const auto info = readRasterInfo(dir / "img.tif", {.approximateStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  ASSERT_EQ(info->bands[0].noData, 0.0);
  ASSERT_TRUE(info->bands[0].statistics.has_value());
  EXPECT_DOUBLE_EQ(info->bands[0].statistics->min, 1000.0);
  EXPECT_DOUBLE_EQ(info->bands[0].statistics->max, 1099.0);
  EXPECT_NEAR(info->bands[0].statistics->mean, 1049.5, 1e-9);
}

TEST(RasterInfo, AllNoDataBandHasNoStatisticsAndAWarning) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.bands = 1;
  spec.noData = 0.0;
  spec.pixel = [](int, int, int) { return 0.0; };
  fixtures::writeGeoTiff(dir / "img.tif", spec);
  const auto info = readRasterInfo(dir / "img.tif");
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_FALSE(info->bands[0].statistics.has_value());
  EXPECT_TRUE(hasWarningContaining(*info, "band 1 has no valid pixels"));
}

TEST(RasterInfo, ComputingStatisticsWritesNothingNextToTheFile) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "img.tif", {});
  ASSERT_TRUE(readRasterInfo(dir / "img.tif", {.approximateStatistics = false}));
  ASSERT_TRUE(readRasterInfo(dir / "img.tif"));
  EXPECT_EQ(dir.files(), std::vector<std::string>{"img.tif"});
}

TEST(RasterInfo, StatisticsStoredInTheFileAreReused) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.bands = 1;
  fixtures::writeGeoTiff(dir / "img.tif", spec);
  {
    // Another program stored (deliberately wrong) statistics in the file's metadata.
    GDALDatasetH ds = GDALOpen((dir / "img.tif").c_str(), GA_Update);
    ASSERT_NE(ds, nullptr);
    GDALSetRasterStatistics(GDALGetRasterBand(ds, 1), 1.0, 2.0, 1.5, 0.5);
    GDALClose(ds);
  }
  const auto info = readRasterInfo(dir / "img.tif", {.approximateStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  ASSERT_TRUE(info->bands[0].statistics.has_value());
  EXPECT_DOUBLE_EQ(info->bands[0].statistics->min, 1.0);
  EXPECT_DOUBLE_EQ(info->bands[0].statistics->mean, 1.5);
  EXPECT_FALSE(info->bands[0].statistics->approximate);
}

TEST(RasterInfo, ReportsOverviewsAndTiles) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.creationOptions = {"TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=16"};
  spec.overviewFactors = {2, 4};
  fixtures::writeGeoTiff(dir / "img.tif", spec);
  const auto info = readRasterInfo(dir / "img.tif", {.computeStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->blockSize, (std::pair<int, int>{32, 16}));
  EXPECT_EQ(info->overviewSizes, (std::vector<std::pair<int, int>>{{50, 40}, {25, 20}}));
  EXPECT_EQ(info->bands[2].overviewCount, 2);
}

TEST(RasterInfo, StripedFileReportsFullWidthBlocks) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.creationOptions = {"BLOCKYSIZE=8"};
  fixtures::writeGeoTiff(dir / "img.tif", spec);
  const auto info = readRasterInfo(dir / "img.tif", {.computeStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->blockSize, (std::pair<int, int>{100, 8}));
  EXPECT_TRUE(info->overviewSizes.empty());
}

TEST(RasterInfo, WarnsWhenALargeImageHasNoOverviews) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.width = 5000;
  spec.height = 4;
  spec.bands = 1;
  spec.type = GDT_Byte;
  spec.pixel = [](int, int x, int) { return x % 200; };
  fixtures::writeGeoTiff(dir / "wide.tif", spec);
  const auto info = readRasterInfo(dir / "wide.tif", {.computeStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_TRUE(hasWarningContaining(*info, "no overviews"));

  fixtures::writeGeoTiff(dir / "small.tif", {});
  const auto small = readRasterInfo(dir / "small.tif", {.computeStatistics = false});
  ASSERT_TRUE(small);
  EXPECT_FALSE(hasWarningContaining(*small, "no overviews"));
}

TEST(RasterInfo, ReportsNoDataScaleOffsetAndDescriptions) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.bands = 2;
  spec.noData = 65535;
  spec.descriptions = {"Red", "NIR"};
  fixtures::writeGeoTiff(dir / "img.tif", spec);
  {
    GDALDatasetH ds = GDALOpen((dir / "img.tif").c_str(), GA_Update);
    ASSERT_NE(ds, nullptr);
    GDALSetRasterScale(GDALGetRasterBand(ds, 1), 0.0001);
    GDALSetRasterOffset(GDALGetRasterBand(ds, 1), -0.1);
    GDALClose(ds);
  }
  const auto info = readRasterInfo(dir / "img.tif", {.computeStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->bands[0].noData, 65535.0);
  EXPECT_DOUBLE_EQ(info->bands[0].scale, 0.0001);
  EXPECT_DOUBLE_EQ(info->bands[0].offset, -0.1);
  EXPECT_EQ(info->bands[0].description, "Red");
  EXPECT_EQ(info->bands[0].colorInterpretation, "Gray");
  EXPECT_EQ(info->bands[1].colorInterpretation, "Undefined");
}

TEST(RasterInfo, BandRolesComeWithTheirEvidence) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.descriptions = {"", "", "", ""};
  fixtures::writeGeoTiff(dir / "gf.tif", spec);
  spec.descriptions = {"Blue", "Green", "Red", "NIR"};
  spec.type = GDT_Float32;
  fixtures::writeGeoTiff(dir / "named.tif", spec);

  const auto gf = readRasterInfo(dir / "gf.tif", {.computeStatistics = false});
  ASSERT_TRUE(gf) << gf.error().text();
  EXPECT_EQ(gf->bandRoles().summary(), "1:blue 2:green 3:red 4:nir");
  EXPECT_EQ(gf->bands[3].role.source, "band count (GF-1/GF-2 PMS order)");

  const auto named = readRasterInfo(dir / "named.tif", {.computeStatistics = false});
  ASSERT_TRUE(named) << named.error().text();
  EXPECT_EQ(named->bandRoles().summary(), "1:blue 2:green 3:red 4:nir");
  EXPECT_EQ(named->bands[3].role.source, "band description");
}

TEST(RasterInfo, SentinelStyleFileNameGivesTheBandRole) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.bands = 1;
  spec.epsg = 4326;
  spec.geoTransform = {106.27, 0.0001, 0, 29.45, 0, -0.0001};
  fixtures::writeGeoTiff(dir / "T48RXT_20170414T032541_B11.tif", spec);
  const auto info =
      readRasterInfo(dir / "T48RXT_20170414T032541_B11.tif", {.computeStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->epsg, 4326);
  EXPECT_EQ(info->bands[0].role.role, BandRole::Swir1);
  EXPECT_EQ(info->bands[0].role.source, "file name");
  ASSERT_TRUE(info->lonLatExtent.has_value());
  EXPECT_NEAR(info->lonLatExtent->minX(), 106.27, 1e-9);
  EXPECT_NEAR(info->lonLatExtent->maxY(), 29.45, 1e-9);
}
