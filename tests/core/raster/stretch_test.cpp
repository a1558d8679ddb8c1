#include <gtest/gtest.h>

#include <cmath>

#include "onemap/raster/raster_source.h"
#include "onemap/raster/stretch.h"
#include "raster_fixtures.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::raster;

namespace {

// One band whose values are the column index 0..99 on every row, and a band of constant 7.
std::filesystem::path writeRamp(const test::TempDir& dir, std::optional<double> noData = {}) {
  fixtures::TiffSpec spec;
  spec.width = 100;
  spec.height = 50;
  spec.bands = 2;
  spec.type = GDT_Float32;
  spec.noData = noData;
  spec.pixel = [](int band, int column, int) { return band == 1 ? double(column) : 7.0; };
  const auto path = dir / "ramp.tif";
  fixtures::writeGeoTiff(path, spec);
  return path;
}

}  // namespace

TEST(Stretch, PercentileRangeCutsTheTails) {
  test::TempDir dir;
  auto source = RasterSource::open(writeRamp(dir));
  ASSERT_TRUE(source);
  const int bands[] = {1};
  const auto ranges = computeStretch(*source, bands, StretchMethod::Percentile);
  ASSERT_TRUE(ranges) << ranges.error().text();
  EXPECT_NEAR((*ranges)[0].min, 2.0, 1.0);
  EXPECT_NEAR((*ranges)[0].max, 97.0, 1.0);
}

TEST(Stretch, MinMaxAndStdDevRanges) {
  test::TempDir dir;
  auto source = RasterSource::open(writeRamp(dir));
  ASSERT_TRUE(source);
  const int bands[] = {1};
  const auto minmax = computeStretch(*source, bands, StretchMethod::MinMax);
  ASSERT_TRUE(minmax);
  EXPECT_DOUBLE_EQ((*minmax)[0].min, 0.0);
  EXPECT_DOUBLE_EQ((*minmax)[0].max, 99.0);
  const auto sd = computeStretch(*source, bands, StretchMethod::StdDev);
  ASSERT_TRUE(sd);
  // Uniform 0..99: mean 49.5, sd ≈ 28.87, so mean ± 2σ is clipped to the data range.
  EXPECT_DOUBLE_EQ((*sd)[0].min, 0.0);
  EXPECT_DOUBLE_EQ((*sd)[0].max, 99.0);
}

TEST(Stretch, ConstantBandGetsANonEmptyRange) {
  test::TempDir dir;
  auto source = RasterSource::open(writeRamp(dir));
  ASSERT_TRUE(source);
  const int bands[] = {2};
  const auto ranges = computeStretch(*source, bands, StretchMethod::Percentile);
  ASSERT_TRUE(ranges);
  EXPECT_DOUBLE_EQ((*ranges)[0].min, 7.0);
  EXPECT_GT((*ranges)[0].max, (*ranges)[0].min);
}

TEST(Stretch, NodataIsIgnored) {
  test::TempDir dir;
  auto source = RasterSource::open(writeRamp(dir, 0.0));  // column 0 is nodata
  ASSERT_TRUE(source);
  const int bands[] = {1};
  const auto ranges = computeStretch(*source, bands, StretchMethod::MinMax);
  ASSERT_TRUE(ranges);
  EXPECT_DOUBLE_EQ((*ranges)[0].min, 1.0);
}

TEST(Stretch, PercentileOfValuesIgnoresNaN) {
  std::vector<float> v{NAN, 1, 2, 3, 4, 5, NAN};
  EXPECT_DOUBLE_EQ(percentile(v, 0), 1.0);
  std::vector<float> w{NAN, 1, 2, 3, 4, 5};
  EXPECT_DOUBLE_EQ(percentile(w, 100), 5.0);
  std::vector<float> none{NAN};
  EXPECT_TRUE(std::isnan(percentile(none, 50)));
}
