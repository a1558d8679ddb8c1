#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "onemap/raster/raster_info.h"
#include "onemap/raster/raster_source.h"
#include "onemap/sample/imagery_writer.h"
#include "onemap/sample/scene.h"
#include "onemap/sample/scene_index.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::sample;
using onemap::test::TempDir;

namespace {

constexpr double kX0 = 500000.0, kY0 = 3400000.0;  // lower-left corner of the test scene

Rect local(double minX, double minY, double maxX, double maxY) {
  return {kX0 + minX, kY0 + minY, kX0 + maxX, kY0 + maxY};
}

// A 200 × 200 m county at 2 m (100 × 100 px) drawn by hand (coordinates from the lower-left):
//   y 100–200: P0 dry crop (x 0–100) with building, hardened, road and orchard patches;
//              P1 paddy (x 100–200) with a pond patch, a cloud (top right) and its shadow.
//   y  40–100: P2 irrigated crop (x 0–80) with a nursery patch; P3 dry crop (x 80–130),
//              harvested on the second date; P4 forest (x 130–160); P5 river (x 160–200, y 0–100).
//   y   0– 40: P6 built-up compound (x 0–80); P7 homestead (x 80–160).
enum Parcels { kDry, kPaddy, kIrrigated, kHarvested, kForest, kRiver, kBuilt, kHomestead };

Rect buildingPatch() { return local(10, 170, 30, 190); }
Rect hardenedPatch() { return local(50, 170, 80, 190); }
Rect roadPatch() { return local(0, 140, 100, 148); }
Rect orchardPatch() { return local(10, 104, 50, 134); }
Rect pondPatch() { return local(110, 160, 150, 196); }
Rect nurseryPatch() { return local(10, 50, 50, 90); }
Rect cloudDisc() { return local(162, 160, 198, 196); }
Rect shadowDisc() { return local(112, 106, 148, 142); }

Scene testScene(std::uint64_t seed = 7) {
  Scene scene;
  scene.seed = seed;
  scene.extent = local(0, 0, 200, 200);
  scene.width = scene.height = 100;
  scene.countyCode = "320999";
  const auto parcel = [&](Rect rect, const char* dlbm, Cover cover, bool rowsAlongX) {
    Parcel p;
    p.id = int(scene.parcels.size()) + 1;
    p.rect = rect;
    p.dlbm = dlbm;
    p.cover = cover;
    p.rowsAlongX = rowsAlongX;
    scene.parcels.push_back(p);
  };
  parcel(local(0, 100, 100, 200), "0103", Cover::DryCrop, true);
  parcel(local(100, 100, 200, 200), "0101", Cover::PaddyRice, false);
  parcel(local(0, 40, 80, 100), "0102", Cover::IrrigatedCrop, true);
  parcel(local(80, 40, 130, 100), "0103", Cover::DryCrop, false);
  parcel(local(130, 40, 160, 100), "0301", Cover::Forest, true);
  parcel(local(160, 0, 200, 100), "1101", Cover::River, true);
  parcel(local(0, 0, 80, 40), "0601", Cover::Building, true);
  parcel(local(80, 0, 160, 40), "0702", Cover::Homestead, true);

  const auto change = [&](Rect rect, ChangeType type, int onParcel, const char* after) {
    ChangeTruth c;
    c.id = int(scene.changes.size()) + 1;
    c.rect = rect;
    c.type = type;
    c.parcel = onParcel;
    c.beforeDlbm = scene.parcels[std::size_t(onParcel)].dlbm;
    c.afterDlbm = after;
    scene.changes.push_back(c);
  };
  change(buildingPatch(), ChangeType::Building, kDry, "0702");
  change(hardenedPatch(), ChangeType::Hardened, kDry, "1202");
  change(roadPatch(), ChangeType::Road, kDry, "1006");
  change(orchardPatch(), ChangeType::Orchard, kDry, "0201");
  change(pondPatch(), ChangeType::Pond, kPaddy, "1104");
  change(nurseryPatch(), ChangeType::Nursery, kIrrigated, "0301");

  scene.distractors.push_back(
      {1, DistractorType::Harvest, scene.parcels[kHarvested].rect, kHarvested});
  scene.distractors.push_back({2, DistractorType::Cloud, cloudDisc(), -1});
  scene.distractors.push_back({3, DistractorType::CloudShadow, shadowDisc(), -1});

  scene.before = {"2024-03-10", 1.0, 0.0, 0.0, 0.0};
  scene.after = {"2024-09-18", 1.08, 12.0, 0.0, 0.0};
  return scene;
}

/// The four bands of a written image, as floats.
struct Image {
  int width = 0, height = 0;
  std::vector<float> values;  // band-sequential
  float at(int band, int col, int row) const {
    return values[std::size_t(band) * std::size_t(width * height) + std::size_t(row * width + col)];
  }
};

Image load(const std::filesystem::path& path) {
  Image image;
  auto source = raster::RasterSource::open(path);
  if (!source) {
    ADD_FAILURE() << source.error().text();
    return image;
  }
  image.width = source->grid().width;
  image.height = source->grid().height;
  const int bands[] = {1, 2, 3, 4};
  const auto read = source->read({0, 0, image.width, image.height}, bands, image.values);
  if (!read) ADD_FAILURE() << read.error().text();
  return image;
}

Image write(const Scene& scene, int date, const std::filesystem::path& path, int threads = 0) {
  Feedback feedback;
  const auto status = writeSceneImage(scene, date, path, ImageryOptions{threads, true}, feedback);
  if (!status) {
    ADD_FAILURE() << status.error().text();
    return {};
  }
  return load(path);
}

/// Pixels (col, row) whose centre lies inside `rect` shrunk by `margin` metres.
std::vector<std::pair<int, int>> pixelsIn(const Scene& scene, const Rect& rect,
                                          double margin = 0.0) {
  std::vector<std::pair<int, int>> pixels;
  for (int row = 0; row < scene.height; ++row) {
    for (int col = 0; col < scene.width; ++col) {
      const double x = scene.extent.minX + (col + 0.5) * scene.pixelSize;
      const double y = scene.extent.maxY - (row + 0.5) * scene.pixelSize;
      if (x >= rect.minX + margin && x < rect.maxX - margin && y >= rect.minY + margin &&
          y < rect.maxY - margin)
        pixels.emplace_back(col, row);
    }
  }
  return pixels;
}

struct Stats {
  double mean = 0, stdDev = 0;
};

template <class F>
Stats statsOf(const std::vector<std::pair<int, int>>& pixels, F value) {
  double sum = 0, sum2 = 0;
  for (const auto& [col, row] : pixels) {
    const double v = value(col, row);
    sum += v;
    sum2 += v * v;
  }
  const double n = double(pixels.size());
  const double mean = sum / n;
  return {mean, std::sqrt(std::max(0.0, sum2 / n - mean * mean))};
}

Stats bandStats(const Image& image, int band, const std::vector<std::pair<int, int>>& pixels) {
  return statsOf(pixels, [&](int col, int row) { return image.at(band, col, row); });
}

double meanNdvi(const Image& image, const std::vector<std::pair<int, int>>& pixels) {
  return statsOf(pixels,
                 [&](int col, int row) {
                   const double red = image.at(2, col, row), nir = image.at(3, col, row);
                   return (nir - red) / (nir + red);
                 })
      .mean;
}

std::uint64_t checksum(const Image& image) {
  std::uint64_t h = 1469598103934665603ull;
  for (const float v : image.values) h = (h ^ std::uint64_t(v)) * 1099511628211ull;
  return h;
}

/// Rows of the test scene drawn several times further down so that the image has three tile rows.
Scene tallScene(std::uint64_t seed) {
  Scene scene = testScene(seed);
  scene.extent = local(0, -2200, 1100, 200);
  scene.width = 550;
  scene.height = 1200;
  return scene;
}

/// First column (scanning right) / row (scanning down) where NIR falls below `threshold`.
int firstDarkColumn(const Image& image, int row, int fromCol, float threshold) {
  for (int col = fromCol; col < image.width; ++col)
    if (image.at(3, col, row) < threshold) return col;
  return -1;
}
int firstDarkRow(const Image& image, int col, int fromRow, float threshold) {
  for (int row = fromRow; row < image.height; ++row)
    if (image.at(3, col, row) < threshold) return row;
  return -1;
}

/// One band of a file at full resolution (overview -1) or of overview `overview`.
struct Plane {
  int width = 0, height = 0;
  std::vector<std::uint16_t> values;
};

Plane readPlane(GDALDatasetH dataset, int band, int overview) {
  GDALRasterBandH b = GDALGetRasterBand(dataset, band);
  if (overview >= 0) b = GDALGetOverview(b, overview);
  Plane plane{GDALGetRasterBandXSize(b), GDALGetRasterBandYSize(b), {}};
  plane.values.resize(std::size_t(plane.width) * std::size_t(plane.height));
  if (GDALRasterIO(b, GF_Read, 0, 0, plane.width, plane.height, plane.values.data(), plane.width,
                   plane.height, GDT_UInt16, 0, 0) != CE_None)
    ADD_FAILURE() << "cannot read band " << band << " overview " << overview;
  return plane;
}

/// The rounded mean of the (up to) 2 × 2 pixels under each pixel of the next level.
Plane halve(const Plane& in) {
  Plane out{(in.width + 1) / 2, (in.height + 1) / 2, {}};
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      unsigned sum = 0, n = 0;
      for (int yy = 2 * y; yy < std::min(2 * y + 2, in.height); ++yy)
        for (int xx = 2 * x; xx < std::min(2 * x + 2, in.width); ++xx, ++n)
          sum += in.values[std::size_t(yy) * std::size_t(in.width) + std::size_t(xx)];
      out.values.push_back(std::uint16_t((sum + n / 2) / n));
    }
  }
  return out;
}

}  // namespace

TEST(SampleImagery, RowSamplingOfTheSceneIndexMatchesPointSampling) {
  const Scene scene = testScene();
  const SceneIndex index(scene);
  std::vector<GroundSample> row(std::size_t(scene.width));
  for (int date = 0; date < 2; ++date) {
    for (int r = 0; r < scene.height; ++r) {
      const double y = scene.extent.maxY - (r + 0.5) * scene.pixelSize;
      const double x0 = scene.extent.minX + 0.5 * scene.pixelSize;
      index.sampleRow(date, x0, scene.pixelSize, y, row);
      for (int c = 0; c < scene.width; ++c) {
        const GroundSample point = index.sample(date, x0 + c * scene.pixelSize, y);
        const GroundSample& fromRow = row[std::size_t(c)];
        ASSERT_EQ(fromRow.parcel, point.parcel) << c << "," << r;
        ASSERT_EQ(fromRow.change, point.change) << c << "," << r;
        ASSERT_EQ(fromRow.cover, point.cover) << c << "," << r;
        ASSERT_EQ(fromRow.cloud, point.cloud) << c << "," << r;
        ASSERT_EQ(fromRow.shadow, point.shadow) << c << "," << r;
      }
    }
  }
}

TEST(SampleImagery, SameSceneGivesIdenticalPixelsForAnyThreadCountAndRun) {
  TempDir dir;
  const Scene scene = tallScene(7);
  const Image one = write(scene, 1, dir / "one.tif", 1);
  const Image two = write(scene, 1, dir / "two.tif", 2);
  const Image again = write(scene, 1, dir / "again.tif", 2);
  ASSERT_EQ(one.values.size(), std::size_t(550 * 1200 * 4));
  EXPECT_EQ(checksum(one), checksum(two));
  EXPECT_EQ(checksum(two), checksum(again));
  EXPECT_TRUE(one.values == two.values);
}

TEST(SampleImagery, DifferentSeedGivesDifferentPixels) {
  TempDir dir;
  const Image a = write(testScene(7), 0, dir / "a.tif");
  const Image b = write(testScene(8), 0, dir / "b.tif");
  ASSERT_EQ(a.values.size(), b.values.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i < a.values.size(); ++i) differing += a.values[i] != b.values[i];
  EXPECT_GT(differing, a.values.size() / 2);
}

TEST(SampleImagery, BuildingHardenedAndRoadPatchesLoseTheirVegetationOnTheSecondDate) {
  TempDir dir;
  const Scene scene = testScene();
  const Image before = write(scene, 0, dir / "before.tif");
  const Image after = write(scene, 1, dir / "after.tif");
  for (const Rect& patch : {buildingPatch(), hardenedPatch(), roadPatch()}) {
    const auto pixels = pixelsIn(scene, patch, 1.0);
    ASSERT_GE(pixels.size(), 40u);
    EXPECT_GT(meanNdvi(before, pixels), 0.45);
    EXPECT_LT(meanNdvi(after, pixels), 0.12);
    EXPECT_GT(meanNdvi(before, pixels) - meanNdvi(after, pixels), 0.35);
  }
  // Roofs and concrete also reflect much more red light than the crop did.
  for (const Rect& patch : {buildingPatch(), hardenedPatch()}) {
    const auto pixels = pixelsIn(scene, patch, 1.0);
    EXPECT_GT(bandStats(after, 2, pixels).mean - bandStats(before, 2, pixels).mean, 100.0);
  }
}

TEST(SampleImagery, PondPatchIsOpenWaterAfterAndGrowingPaddyBefore) {
  TempDir dir;
  const Scene scene = testScene();
  const Image before = write(scene, 0, dir / "before.tif");
  const Image after = write(scene, 1, dir / "after.tif");
  const auto interior = pixelsIn(scene, pondPatch(), 4.0);
  ASSERT_GE(interior.size(), 150u);
  EXPECT_GT(meanNdvi(before, interior), 0.3);
  EXPECT_LT(meanNdvi(after, interior), 0.0);
  EXPECT_LT(bandStats(after, 3, interior).mean, 250.0);
  // The banks (the outer 2 m ring of the patch) are brighter in NIR than the water inside.
  std::vector<std::pair<int, int>> ring;
  for (const auto& p : pixelsIn(scene, pondPatch())) {
    bool inner = false;
    for (const auto& q : pixelsIn(scene, pondPatch(), 2.0)) inner = inner || q == p;
    if (!inner) ring.push_back(p);
  }
  ASSERT_FALSE(ring.empty());
  EXPECT_GT(bandStats(after, 3, ring).mean, bandStats(after, 3, interior).mean + 200.0);
}

TEST(SampleImagery, OrchardAndNurseryHaveLessNirAndMoreTextureThanTheCropBefore) {
  TempDir dir;
  const Scene scene = testScene();
  const Image before = write(scene, 0, dir / "before.tif");
  const Image after = write(scene, 1, dir / "after.tif");
  const double gain = scene.after.gain, offset = scene.after.offset;
  for (const Rect& patch : {orchardPatch(), nurseryPatch()}) {
    const auto pixels = pixelsIn(scene, patch, 2.0);
    ASSERT_GE(pixels.size(), 200u);
    const Stats nirBefore = bandStats(before, 3, pixels);
    const Stats nirAfter = bandStats(after, 3, pixels);
    EXPECT_LT((nirAfter.mean - offset) / gain, nirBefore.mean - 40.0);
    EXPECT_GT(nirAfter.stdDev / gain, 1.8 * nirBefore.stdDev);
    EXPECT_GT(meanNdvi(after, pixels), 0.2);  // still vegetation, not built up
  }
}

TEST(SampleImagery, HarvestedParcelTurnsToStubbleWithoutChangeTruth) {
  TempDir dir;
  const Scene scene = testScene();
  const Image before = write(scene, 0, dir / "before.tif");
  const Image after = write(scene, 1, dir / "after.tif");
  const auto pixels = pixelsIn(scene, scene.parcels[kHarvested].rect, 2.0);
  EXPECT_GT(meanNdvi(before, pixels), 0.45);
  EXPECT_LT(meanNdvi(after, pixels), 0.2);
}

TEST(SampleImagery, UnchangedGroundDiffersOnlyByGainOffsetAndNoise) {
  TempDir dir;
  const Scene scene = testScene();
  const Image before = write(scene, 0, dir / "before.tif");
  const Image after = write(scene, 1, dir / "after.tif");
  const double gain = scene.after.gain, offset = scene.after.offset;
  const Rect unchanged[] = {local(56, 104, 96, 134), local(54, 42, 78, 98),
                            local(132, 42, 158, 98), local(162, 2, 198, 98),
                            local(2, 2, 78, 38),     local(102, 146, 108, 198)};
  for (const Rect& rect : unchanged) {
    const auto pixels = pixelsIn(scene, rect, 0.0);
    ASSERT_GE(pixels.size(), 20u);
    for (int band = 0; band < 4; ++band) {
      const double a = (bandStats(after, band, pixels).mean - offset) / gain;
      const double b = bandStats(before, band, pixels).mean;
      EXPECT_LT(std::abs(a - b) / b, 0.02) << "band " << band << " at x " << rect.minX - kX0;
    }
    // Pixel by pixel the dates differ by sensor noise only (σ ≈ 4 DN on each date).
    const Stats difference = statsOf(pixels, [&](int col, int row) {
      return (after.at(3, col, row) - offset) / gain - before.at(3, col, row);
    });
    EXPECT_LT(std::abs(difference.mean), 2.0);
    EXPECT_GT(difference.stdDev, 4.0);
    EXPECT_LT(difference.stdDev, 7.5);
  }
}

TEST(SampleImagery, CloudsAreBrightInAllBandsAndShadowsDarkenTheGround) {
  TempDir dir;
  const Scene scene = testScene();
  const Image before = write(scene, 0, dir / "before.tif");
  const Image after = write(scene, 1, dir / "after.tif");
  const auto cloud = pixelsIn(scene, cloudDisc(), 5.0);
  ASSERT_GE(cloud.size(), 50u);
  for (int band = 0; band < 4; ++band) {
    EXPECT_GT(bandStats(after, band, cloud).mean, 900.0);
    EXPECT_LT(bandStats(after, band, cloud).mean, 1010.0);
    EXPECT_LT(bandStats(before, band, cloud).mean, 650.0);
  }
  const auto shadow = pixelsIn(scene, shadowDisc(), 5.0);
  ASSERT_GE(shadow.size(), 50u);
  for (int band = 0; band < 4; ++band) {
    const double expected =
        bandStats(before, band, shadow).mean * scene.after.gain + scene.after.offset;
    const double ratio = bandStats(after, band, shadow).mean / expected;
    EXPECT_GT(ratio, 0.38) << "band " << band;
    EXPECT_LT(ratio, 0.62) << "band " << band;
  }
}

TEST(SampleImagery, MisregistrationShiftsFeaturesByTheRequestedMetres) {
  TempDir dir;
  Scene scene = testScene();
  scene.after.shiftX = 4.0;   // 2 px
  scene.after.shiftY = -6.0;  // 3 px
  const Image before = write(scene, 0, dir / "before.tif");
  const Image after = write(scene, 1, dir / "after.tif");
  // The river's west bank (x = 160 m) in a forest row, and its north bank (y = 100 m).
  const int row = 65, col = 90;
  const int westBefore = firstDarkColumn(before, row, 60, 350.0f);
  const int westAfter = firstDarkColumn(after, row, 60, 350.0f);
  EXPECT_EQ(westBefore, 80);
  EXPECT_EQ(westAfter - westBefore, -2);  // the image shows ground 4 m further east
  const int northBefore = firstDarkRow(before, col, 30, 300.0f);
  const int northAfter = firstDarkRow(after, col, 30, 300.0f);
  EXPECT_EQ(northBefore, 50);
  EXPECT_EQ(northAfter - northBefore, -3);  // …and 6 m further south
}

TEST(SampleImagery, FileIsTiledCompressedWithOverviewsAndGf1BandRoles) {
  TempDir dir;
  const Scene scene = tallScene(7);
  Feedback feedback;
  ASSERT_TRUE(writeSceneImage(scene, 0, dir / "before.tif", {}, feedback));
  EXPECT_DOUBLE_EQ(feedback.progress(), 1.0);
  EXPECT_EQ(dir.files(), std::vector<std::string>{"before.tif"});

  auto info = raster::readRasterInfo(dir / "before.tif");
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->driver, "GTiff");
  EXPECT_EQ(info->width, 550);
  EXPECT_EQ(info->height, 1200);
  EXPECT_EQ(info->epsg, 4549);
  EXPECT_DOUBLE_EQ(info->pixelSizeX, 2.0);
  EXPECT_DOUBLE_EQ(info->geoTransform[0], kX0);
  EXPECT_DOUBLE_EQ(info->geoTransform[3], kY0 + 200.0);
  EXPECT_EQ(info->compression, "DEFLATE");
  EXPECT_EQ(info->blockSize, (std::pair<int, int>{512, 512}));
  ASSERT_EQ(info->bands.size(), 4u);
  const char* names[] = {"Blue", "Green", "Red", "NIR"};
  for (int b = 0; b < 4; ++b) {
    EXPECT_EQ(info->bands[std::size_t(b)].dataType, "UInt16");
    EXPECT_EQ(info->bands[std::size_t(b)].description, names[b]);
    EXPECT_FALSE(info->bands[std::size_t(b)].noData.has_value());
  }
  EXPECT_EQ(info->bandRoles().summary(), "1:blue 2:green 3:red 4:nir");
  // 1200 px: overviews of 600 and 300 px (the last one below 512).
  EXPECT_EQ(info->overviewSizes, (std::vector<std::pair<int, int>>{{275, 600}, {138, 300}}));

  GDALDatasetH dataset = GDALOpen((dir / "before.tif").c_str(), GA_ReadOnly);
  ASSERT_NE(dataset, nullptr);
  EXPECT_STREQ(GDALGetMetadataItem(dataset, "SATELLITE", nullptr), "GF1");
  EXPECT_STREQ(GDALGetMetadataItem(dataset, "SENSOR", nullptr), "PMS");
  EXPECT_STREQ(GDALGetMetadataItem(dataset, "ACQUISITION_DATE", nullptr), "2024-03-10");
  EXPECT_STREQ(GDALGetMetadataItem(dataset, "PREDICTOR", "IMAGE_STRUCTURE"), "2");
  EXPECT_STREQ(GDALGetMetadataItem(dataset, "INTERLEAVE", "IMAGE_STRUCTURE"), "PIXEL");
  GDALClose(dataset);

  // DN stay in the 10-bit range of GF-1 PMS products.
  const Image image = load(dir / "before.tif");
  for (const float v : image.values) ASSERT_LE(v, 1023.0f);
}

TEST(SampleImagery, OverviewsAreTwoByTwoAveragesOfTheLevelAbove) {
  TempDir dir;
  write(tallScene(7), 1, dir / "after.tif");  // 550 × 1200 px: 275 × 600, then 138 × 300
  GDALDatasetH dataset = GDALOpen((dir / "after.tif").c_str(), GA_ReadOnly);
  ASSERT_NE(dataset, nullptr);
  ASSERT_EQ(GDALGetOverviewCount(GDALGetRasterBand(dataset, 1)), 2);
  for (int band = 1; band <= 4; ++band) {
    const Plane full = readPlane(dataset, band, -1);
    const Plane half = readPlane(dataset, band, 0);
    const Plane quarter = readPlane(dataset, band, 1);
    EXPECT_EQ(half.width, 275);
    EXPECT_EQ(quarter.width, 138);
    EXPECT_TRUE(halve(full).values == half.values) << "band " << band;
    EXPECT_TRUE(halve(half).values == quarter.values) << "band " << band;
  }
  GDALClose(dataset);
}

TEST(SampleImagery, CancelBeforeWritingReturnsCanceledAndWritesNothing) {
  TempDir dir;
  Feedback feedback;
  feedback.cancel();
  const auto status = writeSceneImage(testScene(), 0, dir / "before.tif", {}, feedback);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::Canceled);
  EXPECT_TRUE(dir.files().empty());
}

TEST(SampleImagery, CancelWhileSynthesisingOrFinishingLeavesNothingBehind) {
  for (const double cancelAt : {0.1, 0.9}) {
    SCOPED_TRACE(cancelAt);
    TempDir dir;
    Feedback feedback(
        [&feedback, cancelAt](double fraction, std::string_view) {
          if (fraction >= cancelAt) feedback.cancel();
        },
        std::chrono::milliseconds(0));
    const auto status = writeSceneImage(tallScene(7), 1, dir / "after.tif", {2, true}, feedback);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::Canceled);
    EXPECT_TRUE(dir.files().empty());
  }
}

TEST(SampleImagery, OutputInMissingFolderFailsNamingTheFile) {
  TempDir dir;
  Feedback feedback;
  const auto target = dir / "no-such-folder" / "after.tif";
  const auto status = writeSceneImage(testScene(), 1, target, {}, feedback);
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().code, ErrorCode::Canceled);
  EXPECT_NE(status.error().text().find("no-such-folder/after.tif"), std::string::npos)
      << status.error().text();
  EXPECT_TRUE(dir.files().empty());
}

TEST(SampleImagery, InvalidDateIsRejected) {
  TempDir dir;
  Feedback feedback;
  const auto status = writeSceneImage(testScene(), 2, dir / "x.tif", {}, feedback);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::InvalidInput);
  EXPECT_TRUE(dir.files().empty());
}
