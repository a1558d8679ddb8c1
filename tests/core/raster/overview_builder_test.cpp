#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "onemap/raster/overview_builder.h"
#include "onemap/raster/raster_info.h"
#include "onemap/raster/raster_source.h"
#include "raster_fixtures.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::raster;
using onemap::test::TempDir;

namespace {

fixtures::TiffSpec largeSpec() {
  fixtures::TiffSpec spec;
  spec.width = 1200;
  spec.height = 900;
  spec.bands = 3;
  spec.type = GDT_Byte;
  spec.creationOptions = {"TILED=YES", "COMPRESS=DEFLATE"};
  spec.pixel = [](int band, int column, int row) { return double((band * 40 + column / 8 + row / 8) % 256); };
  return spec;
}

}  // namespace

TEST(OverviewBuilder, FactorsGoDownToAbout256Pixels) {
  EXPECT_TRUE(overviewFactors(200, 150).empty());
  EXPECT_EQ(overviewFactors(1000, 600), (std::vector<int>{2, 4}));
  EXPECT_EQ(overviewFactors(20000, 20000), (std::vector<int>{2, 4, 8, 16, 32, 64, 128}));
}

TEST(OverviewBuilder, WritesAnExternalOvrAndLeavesTheImageByteIdentical) {
  TempDir dir;
  const auto image = dir / "影像 before.tif";
  fixtures::writeGeoTiff(image, largeSpec());
  const std::string bytesBefore = test::readFile(image);
  ASSERT_FALSE(bytesBefore.empty());

  Feedback feedback;
  const auto built = buildExternalOverviews(image, Resampling::Average, feedback);
  ASSERT_TRUE(built) << built.error().text();

  EXPECT_EQ(test::readFile(image), bytesBefore);
  EXPECT_EQ(dir.files(), (std::vector<std::string>{"影像 before.tif", "影像 before.tif.ovr"}));
  EXPECT_DOUBLE_EQ(feedback.progress(), 1.0);
  const auto ovr = readRasterInfo(externalOverviewPath(image), {.computeStatistics = false});
  ASSERT_TRUE(ovr) << ovr.error().text();
  EXPECT_EQ(ovr->compression, "DEFLATE");

  const auto info = readRasterInfo(image, {.computeStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  ASSERT_EQ(info->overviewSizes.size(), 3u);
  EXPECT_EQ(info->overviewSizes[0], std::make_pair(600, 450));
  EXPECT_EQ(info->overviewSizes[2], std::make_pair(150, 113));
  // The overview holds averaged pixels of the image (a flat 8×8 block stays the same value).
  auto source = RasterSource::open(image);
  ASSERT_TRUE(source);
  std::vector<float> pixels;
  const std::vector<int> bands{2};
  ASSERT_TRUE(source->readResampled(Window{0, 0, 1200, 900}, 300, 225, bands, pixels, Resampling::Nearest));
  EXPECT_FLOAT_EQ(pixels[0], float((2 * 40) % 256));
}

TEST(OverviewBuilder, CancelLeavesNoOvrBehind) {
  TempDir dir;
  const auto image = dir / "after.tif";
  fixtures::writeGeoTiff(image, largeSpec());
  const std::string bytesBefore = test::readFile(image);

  std::atomic<int> calls = 0;
  Feedback* self = nullptr;
  Feedback feedback(
      [&](double fraction, std::string_view) {
        ++calls;
        if (fraction > 0.0) self->cancel();
      },
      std::chrono::milliseconds(0));
  self = &feedback;
  const auto built = buildExternalOverviews(image, Resampling::Average, feedback);
  ASSERT_FALSE(built);
  EXPECT_EQ(built.error().code, ErrorCode::Canceled);
  EXPECT_GT(calls.load(), 0);
  EXPECT_EQ(dir.files(), (std::vector<std::string>{"after.tif"}));
  EXPECT_EQ(test::readFile(image), bytesBefore);
}

TEST(OverviewBuilder, ErrorsNameTheFile) {
  TempDir dir;
  Feedback feedback;
  const auto missing = buildExternalOverviews(dir / "nothing.tif", Resampling::Average, feedback);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
  EXPECT_NE(missing.error().text().find("nothing.tif"), std::string::npos);
}
