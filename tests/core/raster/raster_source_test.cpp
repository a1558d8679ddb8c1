#include <gtest/gtest.h>

#include <cmath>

#include "onemap/raster/raster_source.h"
#include "raster_fixtures.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::raster;
using onemap::test::TempDir;

TEST(RasterSource, OpenGivesGridBandsAndRoles) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "img.tif", {});
  auto source = RasterSource::open(dir / "img.tif");
  ASSERT_TRUE(source) << source.error().text();
  EXPECT_EQ(source->path(), dir / "img.tif");
  EXPECT_EQ(source->bandCount(), 4);
  const Grid& grid = source->grid();
  EXPECT_EQ(grid.width, 100);
  EXPECT_EQ(grid.height, 80);
  EXPECT_EQ(grid.geoTransform, (std::array<double, 6>{500000, 10, 0, 3500000, 0, -10}));
  EXPECT_NE(grid.crsWkt.find("CGCS2000"), std::string::npos);
  EXPECT_EQ(grid.extent(), Extent(500000, 3499200, 501000, 3500000));
  EXPECT_DOUBLE_EQ(grid.pixelSizeX(), 10.0);
  EXPECT_DOUBLE_EQ(grid.pixelSizeY(), 10.0);
  EXPECT_EQ(source->bandRoles().summary(), "1:blue 2:green 3:red 4:nir");
  EXPECT_FALSE(source->noData(1).has_value());
  EXPECT_FALSE(source->noData(9).has_value());
}

TEST(RasterSource, ReadReturnsExactPixelValuesBandSequential) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "img.tif", {});
  auto source = RasterSource::open(dir / "img.tif");
  ASSERT_TRUE(source) << source.error().text();
  std::vector<float> out;
  const int bands[] = {1, 3};
  const Window window{10, 20, 5, 3};
  ASSERT_TRUE(source->read(window, bands, out));
  ASSERT_EQ(out.size(), 2u * 15u);
  for (int b = 0; b < 2; ++b)
    for (int row = 0; row < 3; ++row)
      for (int col = 0; col < 5; ++col)
        EXPECT_EQ(out[static_cast<std::size_t>(b * 15 + row * 5 + col)],
                  fixtures::defaultPixel(bands[b], 10 + col, 20 + row));
}

TEST(RasterSource, ReadFollowsTheRequestedBandOrder) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "img.tif", {});
  auto source = RasterSource::open(dir / "img.tif");
  ASSERT_TRUE(source);
  std::vector<float> out;
  const int bands[] = {4, 1, 4};
  ASSERT_TRUE(source->read({99, 79, 1, 1}, bands, out));
  EXPECT_EQ(out, (std::vector<float>{47999.0f, 17999.0f, 47999.0f}));
}

TEST(RasterSource, NoDataPixelsReadAsNaN) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.bands = 2;
  spec.noData = 0.0;
  spec.pixel = [](int band, int x, int y) { return (x + y) % 7 == 0 ? 0.0 : band * 100.0 + x; };
  fixtures::writeGeoTiff(dir / "img.tif", spec);
  auto source = RasterSource::open(dir / "img.tif");
  ASSERT_TRUE(source);
  EXPECT_EQ(source->noData(2), 0.0);
  std::vector<float> out;
  const int bands[] = {1, 2};
  ASSERT_TRUE(source->read({0, 0, 100, 80}, bands, out));
  for (int b = 0; b < 2; ++b) {
    for (int y = 0; y < 80; ++y) {
      for (int x = 0; x < 100; ++x) {
        const float value = out[static_cast<std::size_t>(b * 8000 + y * 100 + x)];
        if ((x + y) % 7 == 0) EXPECT_TRUE(std::isnan(value)) << x << "," << y;
        else EXPECT_EQ(value, (b + 1) * 100.0f + x);
      }
    }
  }
}

TEST(RasterSource, FloatNoDataAndNaNPixelsReadAsNaN) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.bands = 1;
  spec.type = GDT_Float32;
  spec.noData = -9999.0;
  spec.pixel = [](int, int x, int) {
    return x == 0 ? -9999.0 : x == 1 ? std::nan("") : 0.25 * x;
  };
  fixtures::writeGeoTiff(dir / "img.tif", spec);
  auto source = RasterSource::open(dir / "img.tif");
  ASSERT_TRUE(source);
  std::vector<float> out;
  const int bands[] = {1};
  ASSERT_TRUE(source->read({0, 5, 3, 1}, bands, out));
  EXPECT_TRUE(std::isnan(out[0]));
  EXPECT_TRUE(std::isnan(out[1]));
  EXPECT_EQ(out[2], 0.5f);
}

TEST(RasterSource, ReadRejectsWindowsOutsideTheGridAndMissingBands) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "img.tif", {});
  auto source = RasterSource::open(dir / "img.tif");
  ASSERT_TRUE(source);
  std::vector<float> out;
  const int one[] = {1};
  for (const Window& bad : {Window{95, 0, 6, 1}, Window{0, 80, 1, 1}, Window{-1, 0, 2, 2},
                            Window{0, 0, 0, 5}}) {
    const auto status = source->read(bad, one, out);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(status.error().message.find("outside the 100 x 80 image"), std::string::npos)
        << status.error().message;
  }
  const int missing[] = {1, 5};
  const auto status = source->read({0, 0, 2, 2}, missing, out);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "band 5 does not exist; the file has 4 bands");
  EXPECT_NE(status.error().context.find("img.tif"), std::string::npos);
}

TEST(RasterSource, CloneReadsTheSameDataAndKeepsRoleOverrides) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "img.tif", {});
  auto source = RasterSource::open(dir / "img.tif");
  ASSERT_TRUE(source);
  ASSERT_TRUE(source->bandRoles().applyOverride("nir=1,blue=4"));
  auto copy = source->clone();
  ASSERT_TRUE(copy) << copy.error().text();
  EXPECT_EQ(copy->bandRoles().summary(), "1:nir 2:green 3:red 4:blue");
  EXPECT_EQ(copy->grid().geoTransform, source->grid().geoTransform);
  std::vector<float> a;
  std::vector<float> b;
  const int bands[] = {1, 2, 3, 4};
  ASSERT_TRUE(source->read({7, 9, 11, 13}, bands, a));
  ASSERT_TRUE(copy->read({7, 9, 11, 13}, bands, b));
  EXPECT_EQ(a, b);
}

TEST(RasterSource, MovedSourceKeepsWorking) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "img.tif", {});
  auto opened = RasterSource::open(dir / "img.tif");
  ASSERT_TRUE(opened);
  RasterSource moved = std::move(*opened);
  std::vector<float> out;
  const int bands[] = {3};
  ASSERT_TRUE(moved.read({1, 2, 1, 1}, bands, out));
  EXPECT_EQ(out[0], 30201.0f);
}

TEST(RasterSource, ReadingWritesNothingNextToTheFile) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "img.tif", {});
  {
    auto source = RasterSource::open(dir / "img.tif");
    ASSERT_TRUE(source);
    std::vector<float> out;
    const int bands[] = {1, 2, 3, 4};
    ASSERT_TRUE(source->read({0, 0, 100, 80}, bands, out));
  }
  EXPECT_EQ(dir.files(), std::vector<std::string>{"img.tif"});
}

TEST(RasterSource, ResamplingNamesRoundTrip) {
  for (const Resampling r : {Resampling::Nearest, Resampling::Bilinear, Resampling::Cubic,
                             Resampling::Average, Resampling::Mode})
    EXPECT_EQ(parseResampling(resamplingName(r)), r);
  EXPECT_EQ(parseResampling("Near"), Resampling::Nearest);
  EXPECT_EQ(parseResampling("BILINEAR"), Resampling::Bilinear);
  EXPECT_FALSE(parseResampling("lanczos").has_value());
}

TEST(RasterSource, ReadResampledAveragesDownToTheBufferSize) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "img.tif", {});
  auto source = RasterSource::open(dir / "img.tif");
  ASSERT_TRUE(source);
  std::vector<float> out;
  const int bands[] = {2};
  ASSERT_TRUE(source->readResampled({0, 0, 100, 80}, 50, 40, bands, out, Resampling::Average));
  ASSERT_EQ(out.size(), 2000u);
  for (int j = 0; j < 40; j += 3)
    for (int i = 0; i < 50; i += 7)
      EXPECT_NEAR(out[static_cast<std::size_t>(j * 50 + i)],
                  20000.0 + 100.0 * (2 * j + 0.5) + (2 * i + 0.5), 0.5)
          << i << "," << j;
  const auto empty = source->readResampled({0, 0, 10, 10}, 0, 5, bands, out);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::InvalidInput);
}

TEST(RasterSource, ReadResampledNearestPicksSourcePixels) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "img.tif", {});
  auto source = RasterSource::open(dir / "img.tif");
  ASSERT_TRUE(source);
  std::vector<float> out;
  const int bands[] = {1};
  ASSERT_TRUE(source->readResampled({20, 10, 40, 40}, 4, 4, bands, out));
  // Buffer pixel (i, j) samples source pixel (20 + 10 i + 5, 10 + 10 j + 5).
  for (int j = 0; j < 4; ++j)
    for (int i = 0; i < 4; ++i)
      EXPECT_EQ(out[static_cast<std::size_t>(j * 4 + i)],
                fixtures::defaultPixel(1, 25 + 10 * i, 15 + 10 * j));
}
