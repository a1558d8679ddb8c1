#include <gtest/gtest.h>

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <random>
#include <vector>

#include "onemap/gdal/gdal_init.h"
#include "onemap/gdal/handles.h"
#include "onemap/raster/class_raster.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::raster;
using onemap::test::TempDir;

namespace {

/// A class map of `width` x `height` pixels drawn by `draw` into a row-major byte array.
struct ClassMap {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> values;
  void set(int x, int y, std::uint8_t v) {
    if (x >= 0 && y >= 0 && x < width && y < height) values[std::size_t(y) * std::size_t(width) + std::size_t(x)] = v;
  }
};

/// `count` blocks, rings with islands, diagonal chains (joined at corners only), tall strips and
/// single pixels of values 1..4, placed at random.
ClassMap randomClassMap(int width, int height, int count, unsigned seed) {
  ClassMap map{width, height, std::vector<std::uint8_t>(std::size_t(width) * std::size_t(height), 0)};
  std::mt19937 random(seed);
  const auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  for (int i = 0; i < count; ++i) {
    const int x = uniform(0, width - 1), y = uniform(0, height - 1);
    const auto v = std::uint8_t(uniform(1, 4));
    switch (uniform(0, 4)) {
      case 0:  // block
        for (int dy = 0, h = uniform(1, 9), w = uniform(1, 12); dy < h; ++dy)
          for (int dx = 0; dx < w; ++dx) map.set(x + dx, y + dy, v);
        break;
      case 1:  // ring around an island of another value
        for (int dy = 0; dy < 7; ++dy)
          for (int dx = 0; dx < 7; ++dx) map.set(x + dx, y + dy, dy == 0 || dy == 6 || dx == 0 || dx == 6 ? v : 0);
        map.set(x + 3, y + 3, std::uint8_t(v % 4 + 1));
        break;
      case 2:  // diagonal chain
        for (int k = 0, n = uniform(2, 20); k < n; ++k) map.set(x + k, y + k, v);
        break;
      case 3:  // tall strip
        for (int dy = 0, h = uniform(10, 60); dy < h; ++dy) map.set(x + (dy / 5) % 2, y + dy, v);
        break;
      default:  // single pixel
        map.set(x, y, v);
        break;
    }
  }
  return map;
}

void writeClassMap(const std::filesystem::path& path, const ClassMap& map, const std::array<double, 6>& transform) {
  Grid grid;
  grid.width = map.width;
  grid.height = map.height;
  grid.geoTransform = transform;
  auto writer = ByteRasterWriter::create(path, grid);
  ASSERT_TRUE(writer) << writer.error().text();
  // In windows of uneven size, as the block pass writes.
  for (int y = 0; y < map.height; y += 37) {
    const int rows = std::min(37, map.height - y);
    std::vector<std::uint8_t> part(map.values.begin() + std::ptrdiff_t(std::size_t(y) * std::size_t(map.width)),
                                   map.values.begin() + std::ptrdiff_t(std::size_t(y + rows) * std::size_t(map.width)));
    ASSERT_TRUE(writer->write({0, y, map.width, rows}, part));
  }
  ASSERT_TRUE(writer->close());
}

/// What one GDALPolygonize call on the whole file makes, in its order.
std::vector<ValuePolygon> gdalPolygons(const std::filesystem::path& path) {
  gdal::ensureInitialized();
  gdal::DatasetPtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  gdal::DatasetPtr memory(GetGDALDriverManager()->GetDriverByName("Memory")->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  OGRLayer* layer = memory->CreateLayer("classes", nullptr, wkbPolygon, nullptr);
  OGRFieldDefn field("value", OFTInteger);
  EXPECT_EQ(layer->CreateField(&field), OGRERR_NONE);
  CPLStringList options;
  options.SetNameValue("8CONNECTED", "8");
  GDALRasterBand* band = dataset->GetRasterBand(1);
  EXPECT_EQ(GDALPolygonize(band, band, layer, 0, options.List(), nullptr, nullptr), CE_None);
  std::vector<ValuePolygon> out;
  layer->ResetReading();
  for (gdal::FeaturePtr feature(layer->GetNextFeature()); feature; feature.reset(layer->GetNextFeature())) {
    ValuePolygon polygon;
    polygon.value = feature->GetFieldAsInteger(0);
    polygon.wkb.resize(std::size_t(feature->GetGeometryRef()->WkbSize()));
    feature->GetGeometryRef()->exportToWkb(wkbNDR, polygon.wkb.data(), wkbVariantIso);
    out.push_back(std::move(polygon));
  }
  return out;
}

std::vector<ValuePolygon> ourPolygons(const std::filesystem::path& path, int threads) {
  Feedback feedback;
  std::vector<ValuePolygon> out;
  const auto status = polygonizeClasses(path, threads, feedback, [&](ValuePolygon&& polygon) -> Status {
    out.push_back(std::move(polygon));
    return {};
  });
  EXPECT_TRUE(status) << status.error().text();
  return out;
}

void expectSamePolygons(const std::vector<ValuePolygon>& expected, const std::vector<ValuePolygon>& actual) {
  ASSERT_EQ(expected.size(), actual.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    ASSERT_EQ(expected[i].value, actual[i].value) << "polygon " << i;
    ASSERT_EQ(expected[i].wkb, actual[i].wkb) << "polygon " << i;
  }
}

}  // namespace

TEST(PolygonizeClasses, MatchesOneGdalPolygonizeCallOnAnyThreadCount) {
  TempDir dir;
  const ClassMap map = randomClassMap(301, 677, 120, 7);
  // Awkward origin and pixel size: the corners must be georeferenced to the same bits.
  writeClassMap(dir / "classes.tif", map, {456789.123, 0.3, 0.0, 3512345.678, 0.0, -0.7});
  const auto expected = gdalPolygons(dir / "classes.tif");
  ASSERT_GT(expected.size(), 100u);
  for (int threads : {1, 2, 3, 8}) {
    SCOPED_TRACE(threads);
    expectSamePolygons(expected, ourPolygons(dir / "classes.tif", threads));
  }
}

TEST(PolygonizeClasses, MatchesGdalOnARotatedGrid) {
  TempDir dir;
  writeClassMap(dir / "classes.tif", randomClassMap(200, 260, 40, 11), {456789.123, 0.3, 0.07, 3512345.678, -0.05, -0.7});
  expectSamePolygons(gdalPolygons(dir / "classes.tif"), ourPolygons(dir / "classes.tif", 4));
}

TEST(PolygonizeClasses, RegionSpanningEveryRowLeavesNoCut) {
  TempDir dir;
  ClassMap map = randomClassMap(150, 400, 60, 3);
  for (int y = 0; y < map.height; ++y) map.set(75 + (y / 3) % 2, y, 2);  // one region from top to bottom
  writeClassMap(dir / "classes.tif", map, {500000, 2, 0, 3500000, 0, -2});
  expectSamePolygons(gdalPolygons(dir / "classes.tif"), ourPolygons(dir / "classes.tif", 3));
}

TEST(PolygonizeClasses, EmptyMapHasNoPolygons) {
  TempDir dir;
  writeClassMap(dir / "classes.tif", ClassMap{64, 64, std::vector<std::uint8_t>(64 * 64, 0)}, {0, 1, 0, 0, 0, -1});
  EXPECT_TRUE(ourPolygons(dir / "classes.tif", 2).empty());
}

TEST(PolygonizeClasses, CanceledFeedbackStops) {
  TempDir dir;
  writeClassMap(dir / "classes.tif", randomClassMap(100, 100, 20, 5), {0, 1, 0, 0, 0, -1});
  Feedback feedback;
  feedback.cancel();
  const auto status = polygonizeClasses(dir / "classes.tif", 2, feedback, [](ValuePolygon&&) -> Status { return {}; });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::Canceled);
}

TEST(PolygonizeClasses, MissingFileFails) {
  TempDir dir;
  Feedback feedback;
  const auto status = polygonizeClasses(dir / "none.tif", 2, feedback, [](ValuePolygon&&) -> Status { return {}; });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::NotFound);
}
