// The real image pairs in shared/data (skipped when the folder is absent).
#include <gtest/gtest.h>

#include <cmath>

#include "onemap/raster/raster_info.h"
#include "onemap/raster/raster_source.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::raster;

namespace {

std::filesystem::path sharedFile(const std::string& relative) {
  const auto dir = onemap::test::sharedDataDir();
  if (dir.empty()) return {};
  auto path = dir / relative;
  return std::filesystem::exists(path) ? path : std::filesystem::path();
}

}  // namespace

TEST(RasterSharedData, LandsatNanjingBandsAreTmReflectiveOrder) {
  const auto path = sharedFile("landsat_nanjing/nanjing_L5TM_2000-05-03_6band_utm50n.tif");
  if (path.empty()) GTEST_SKIP() << "shared/data/landsat_nanjing not present";
  const auto info = readRasterInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->width, 800);
  EXPECT_EQ(info->height, 800);
  EXPECT_EQ(info->epsg, 32650);
  EXPECT_DOUBLE_EQ(info->pixelSizeX, 30.0);
  EXPECT_EQ(info->bandRoles().summary(), "1:blue 2:green 3:red 4:nir 5:swir1 6:swir2");
  EXPECT_EQ(info->bands[5].role.source, "band description (wavelength)");
  ASSERT_TRUE(info->bands[0].statistics.has_value());
  EXPECT_DOUBLE_EQ(info->bands[0].statistics->min, 74.0);
  EXPECT_DOUBLE_EQ(info->bands[0].statistics->max, 211.0);
  ASSERT_TRUE(info->lonLatExtent.has_value());
  EXPECT_NEAR(info->lonLatExtent->centerX(), 118.83, 0.02);
  EXPECT_NEAR(info->lonLatExtent->centerY(), 31.98, 0.02);

  const auto source = RasterSource::open(path);
  ASSERT_TRUE(source) << source.error().text();
  EXPECT_EQ(source->bandRoles().summary(), "1:blue 2:green 3:red 4:nir 5:swir1 6:swir2");
}

TEST(RasterSharedData, LandsatDatesAlignOntoEachOther) {
  const auto first = sharedFile("landsat_nanjing/nanjing_L5TM_2000-05-03_6band_utm50n.tif");
  const auto second = sharedFile("landsat_nanjing/nanjing_L5TM_2002-07-12_6band_utm50n.tif");
  if (first.empty() || second.empty()) GTEST_SKIP() << "shared/data/landsat_nanjing not present";
  auto a = RasterSource::open(first);
  auto b = RasterSource::open(second);
  ASSERT_TRUE(a && b);
  auto aligned = b->alignedTo(*a, Resampling::Nearest);
  ASSERT_TRUE(aligned) << aligned.error().text();
  std::vector<float> direct;
  std::vector<float> viaView;
  const int bands[] = {4};
  ASSERT_TRUE(b->read({100, 100, 50, 50}, bands, direct));
  ASSERT_TRUE(aligned->read({100, 100, 50, 50}, bands, viaView));
  EXPECT_EQ(direct, viaView);  // same grid: the view is the file
}

TEST(RasterSharedData, Sentinel2SingleBandFilesGetTheirBandFromTheFileName) {
  const auto nir = sharedFile("sentinel2_chongqing/imgs_1/T48RXT_20170414T032541_B08.tif");
  if (nir.empty()) GTEST_SKIP() << "shared/data/sentinel2_chongqing not present";
  const auto info = readRasterInfo(nir, {.computeStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->epsg, 4326);
  ASSERT_EQ(info->bands.size(), 1u);
  EXPECT_EQ(info->bands[0].role.role, BandRole::Nir);
  EXPECT_EQ(info->bands[0].role.source, "file name");

  const std::pair<const char*, BandRole> others[] = {
      {"B02", BandRole::Blue}, {"B04", BandRole::Red}, {"B8A", BandRole::NarrowNir},
      {"B11", BandRole::Swir1}, {"B12", BandRole::Swir2}};
  for (const auto& [code, role] : others) {
    const auto path = sharedFile(
        std::string("sentinel2_chongqing/imgs_1/T48RXT_20170414T032541_") + code + ".tif");
    ASSERT_FALSE(path.empty()) << code;
    const auto band = RasterSource::open(path);
    ASSERT_TRUE(band) << band.error().text();
    EXPECT_EQ(band->bandRoles().role(1), role) << code;
  }
}

TEST(RasterSharedData, Sentinel2SwirAlignsOntoTheTenMetreGrid) {
  const auto nir = sharedFile("sentinel2_chongqing/imgs_1/T48RXT_20170414T032541_B08.tif");
  const auto swir = sharedFile("sentinel2_chongqing/imgs_2/T48RXT_20180402T033531_B11.tif");
  if (nir.empty() || swir.empty()) GTEST_SKIP() << "shared/data/sentinel2_chongqing not present";
  auto reference = RasterSource::open(nir);
  auto source = RasterSource::open(swir);
  ASSERT_TRUE(reference && source);
  auto aligned = source->alignedTo(*reference, Resampling::Bilinear);
  ASSERT_TRUE(aligned) << aligned.error().text();
  EXPECT_EQ(aligned->grid().width, reference->grid().width);
  EXPECT_EQ(aligned->grid().height, reference->grid().height);
  EXPECT_EQ(aligned->bandRoles().role(1), BandRole::Swir1);
  Feedback feedback;
  std::int64_t valid = 0;
  double sum = 0.0;
  ASSERT_TRUE(forEachBlock(*aligned, {}, 1 << 18, feedback,
                           [&](const Window&, const std::vector<float>& data) {
                             for (const float v : data)
                               if (!std::isnan(v)) {
                                 ++valid;
                                 sum += v;
                               }
                             return Status{};
                           }));
  const std::int64_t total = std::int64_t(reference->grid().width) * reference->grid().height;
  EXPECT_GT(valid, total * 9 / 10);
  // Top-of-atmosphere SWIR reflectance x 10000 over a city and farmland.
  EXPECT_GT(sum / double(valid), 500.0);
  EXPECT_LT(sum / double(valid), 5000.0);
}
