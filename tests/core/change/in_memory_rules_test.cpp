// The class-map stage (rules set up on the pair, then the block pass) run on scenes held in
// memory, without image files: the images are read through MemoryRaster and the classes land in
// a MemoryClassMap, so each test checks pixels where it put them.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "change_scenes.h"
#include "onemap/change/block_pass_observer.h"
#include "onemap/change/class_map.h"
#include "onemap/change/memory_class_map.h"
#include "onemap/change/memory_raster.h"

using namespace onemap;
using change::ChangeClass;
using change::detail::MemoryClassMap;
using change::detail::MemoryRaster;

namespace {

constexpr int kSize = 256;           // pixels a side
constexpr double kPixelM = 2.0;      // ground size of a pixel (GF-1 PMS-like)
constexpr float kNoData = std::numeric_limits<float>::quiet_NaN();

/// A pixel rectangle [x0, x1) × [y0, y1).
struct Box {
  int x0, x1, y0, y1;
  bool contains(int x, int y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
  Box grown(int by) const { return {x0 - by, x1 + by, y0 - by, y1 + by}; }
  int pixels() const { return (x1 - x0) * (y1 - y0); }
};

// White roofs on both dates: the scene's bright land that clouds must exceed.
constexpr Box kVillage{0, kSize, 200, 230};
// New concrete on the after date (24 × 24 px, 48 m: smaller than a cloud core).
constexpr Box kConcrete{100, 124, 60, 84};

/// ±`amplitude` DN of noise, different for each date, band and pixel (a fixed hash).
double noise(int date, int b, int x, int y, double amplitude) {
  std::uint32_t h = std::uint32_t(x) * 73856093u ^ std::uint32_t(y) * 19349663u ^ std::uint32_t(b) * 83492791u ^
                    std::uint32_t(date) * 2654435761u;
  h ^= h >> 13;
  h *= 0x5bd1e995u;
  h ^= h >> 15;
  return (double(h % 2001u) / 1000.0 - 1.0) * amplitude;
}

/// Crop everywhere and the village, on date 1 (before) or 2 (after), with `changed` giving
/// the spectrum of a pixel that differs on the after date (null where it does not).
using Cover = std::function<const double*(int x, int y)>;
double cropScene(int date, int b, int x, int y, const Cover& changed) {
  using namespace test::spectra;
  const double* v = kVillage.contains(x, y) ? kRoofs : kCrop;
  if (date == 2 && changed)
    if (const double* c = changed(x, y)) v = c;
  return v[b - 1] + noise(date, b, x, y, 12.0);
}

/// A four-band image (blue, green, red, NIR) of kSize² pixels of 2 m held in memory.
MemoryRaster memoryImage(const std::function<float(int band, int x, int y)>& value, const std::string& name) {
  raster::Grid grid;
  grid.width = kSize;
  grid.height = kSize;
  grid.geoTransform = {500000.0, kPixelM, 0.0, 3500000.0, 0.0, -kPixelM};
  std::vector<float> values(4 * std::size_t(kSize) * kSize);
  for (int b = 1; b <= 4; ++b)
    for (int y = 0; y < kSize; ++y)
      for (int x = 0; x < kSize; ++x)
        values[(std::size_t(b - 1) * kSize + std::size_t(y)) * kSize + std::size_t(x)] = value(b, x, y);
  return MemoryRaster(grid, 4, std::move(values), {256, 64}, name);
}

/// The bands of both memory images: blue, green, red, NIR as bands 1–4.
change::detail::BandSelection fourBands() {
  change::detail::BandSelection bands;
  bands.before = bands.after = {1, 2, 3, 4};
  bands.roles = {raster::BandRole::Blue, raster::BandRole::Green, raster::BandRole::Red, raster::BandRole::Nir};
  return bands;
}

struct ClassMapRun {
  MemoryClassMap map;
  change::ChangeSummary summary;
  std::int64_t pixelsRead = 0;
};

/// The class map of the pair without a cropland layer (every pixel is cropland).
ClassMapRun classMapOf(const MemoryRaster& before, const MemoryRaster& after,
                       const std::map<std::string, std::string>& values = {}) {
  ClassMapRun run{MemoryClassMap(before.grid()), {}, 0};
  auto parameters = change::ChangeParameters::fromValues(values);
  EXPECT_TRUE(parameters);
  change::BlockPassObserver observer;
  Feedback feedback;
  const change::detail::ImagePair images{before, after, fourBands()};
  auto st = change::detail::computeClassMap(images, change::detail::CroplandLayer{}, kPixelM, *parameters, run.map,
                                            run.summary, feedback, &observer);
  EXPECT_TRUE(st) << (st ? "" : st.error().text());
  run.pixelsRead = observer.pixelsRead;
  return run;
}

/// Pixels of `map` in `box` that carry any class.
std::int64_t changedIn(const MemoryClassMap& map, const Box& box) {
  std::int64_t n = 0;
  for (ChangeClass c : {ChangeClass::Built, ChangeClass::Water, ChangeClass::Trees, ChangeClass::Bare,
                        ChangeClass::Other, ChangeClass::Invalid})
    n += map.count(c, box.x0, box.x1, box.y0, box.y1);
  return n;
}

/// Pixels of `map` outside `box` that carry any class.
std::int64_t changedOutside(const MemoryClassMap& map, const Box& box) {
  return changedIn(map, {0, kSize, 0, kSize}) - changedIn(map, box);
}

const double* concreteIn(const Box& box, int x, int y) {
  return box.contains(x, y) ? test::spectra::kConcrete : nullptr;
}

}  // namespace

TEST(InMemoryRules, ConcreteOnCropIsBuiltThereAndNothingElsewhere) {
  const Cover changed = [](int x, int y) { return concreteIn(kConcrete, x, y); };
  const MemoryRaster before = memoryImage([&](int b, int x, int y) { return float(cropScene(1, b, x, y, changed)); },
                                          "before");
  const MemoryRaster after = memoryImage([&](int b, int x, int y) { return float(cropScene(2, b, x, y, changed)); },
                                         "after");
  const ClassMapRun run = classMapOf(before, after);
  EXPECT_TRUE(std::isfinite(run.summary.threshold));
  EXPECT_TRUE(run.summary.warnings.empty());
  // Built over (nearly) the whole block; its edge may lose a pixel to the 3 × 3 clean-up.
  EXPECT_GE(run.map.count(ChangeClass::Built, kConcrete.x0, kConcrete.x1, kConcrete.y0, kConcrete.y1),
            std::int64_t(kConcrete.pixels() * 9 / 10));
  EXPECT_EQ(changedIn(run.map, kConcrete), run.map.count(ChangeClass::Built, kConcrete.x0, kConcrete.x1,
                                                         kConcrete.y0, kConcrete.y1));
  // None elsewhere: the crop and the village kept their cover under the noise.
  EXPECT_EQ(changedOutside(run.map, kConcrete.grown(2)), 0);
  // Evidence on the change pixels only, at least the threshold's on the block's inside.
  const int cx = (kConcrete.x0 + kConcrete.x1) / 2, cy = (kConcrete.y0 + kConcrete.y1) / 2;
  EXPECT_GE(run.map.evidenceAt(cx, cy), std::uint8_t(change::detail::kEvidenceUnit));
  EXPECT_EQ(run.map.evidenceAt(10, 10), 0);
  // Without a cropland layer every block is read once.
  EXPECT_GE(run.pixelsRead, std::int64_t(kSize) * kSize);
}

TEST(InMemoryRules, TheClassMapIsTheSameOnAnyThreadsAndMemory) {
  const Cover changed = [](int x, int y) { return concreteIn(kConcrete, x, y); };
  const MemoryRaster before = memoryImage([&](int b, int x, int y) { return float(cropScene(1, b, x, y, changed)); },
                                          "before");
  const MemoryRaster after = memoryImage([&](int b, int x, int y) { return float(cropScene(2, b, x, y, changed)); },
                                         "after");
  const ClassMapRun one = classMapOf(before, after, {{"threads", "1"}});
  // The smallest memory limit: short steps, units cut into runs of rows taken by three threads.
  const ClassMapRun many = classMapOf(before, after, {{"threads", "3"}, {"memory-mb", "64"}});
  EXPECT_GT(many.map.writes(), one.map.writes());
  EXPECT_GT(one.map.count(ChangeClass::Built), 0);
  for (int y = 0; y < kSize; ++y)
    for (int x = 0; x < kSize; ++x) {
      ASSERT_EQ(one.map.classAt(x, y), many.map.classAt(x, y)) << x << ", " << y;
      ASSERT_EQ(one.map.evidenceAt(x, y), many.map.evidenceAt(x, y)) << x << ", " << y;
    }
}

TEST(InMemoryRules, AnEqualPairHasNoChange) {
  const MemoryRaster image = memoryImage([](int b, int x, int y) { return float(cropScene(1, b, x, y, {})); }, "image");
  const ClassMapRun run = classMapOf(image, image, {{"all-change", "true"}});
  ASSERT_EQ(run.summary.warnings.size(), 1u);
  EXPECT_EQ(run.summary.warnings[0].kind, change::RunWarning::Kind::NoDifference);
  EXPECT_TRUE(std::isinf(run.summary.threshold));
  EXPECT_EQ(run.map.count(ChangeClass::None), std::int64_t(kSize) * kSize);
  EXPECT_EQ(run.map.writes(), 0);  // nothing to write: the map is sparse
}

TEST(InMemoryRules, NoDataOnEitherDateIsNoChange) {
  // Concrete in three places: seen on both dates, under no data on the after date, and where
  // the before date has no data.
  const Box hiddenAfter{60, 200, 140, 190}, hiddenBefore{170, 250, 10, 50};
  const Box underAfter{100, 124, 150, 174}, underBefore{200, 224, 20, 44};
  const Cover changed = [&](int x, int y) {
    for (const Box& box : {kConcrete, underAfter, underBefore})
      if (box.contains(x, y)) return test::spectra::kConcrete;
    return static_cast<const double*>(nullptr);
  };
  const MemoryRaster before = memoryImage(
      [&](int b, int x, int y) { return hiddenBefore.contains(x, y) ? kNoData : float(cropScene(1, b, x, y, changed)); },
      "before");
  const MemoryRaster after = memoryImage(
      [&](int b, int x, int y) { return hiddenAfter.contains(x, y) ? kNoData : float(cropScene(2, b, x, y, changed)); },
      "after");
  const ClassMapRun run = classMapOf(before, after, {{"all-change", "true"}});
  EXPECT_TRUE(std::isfinite(run.summary.threshold));
  EXPECT_GE(run.map.count(ChangeClass::Built, kConcrete.x0, kConcrete.x1, kConcrete.y0, kConcrete.y1),
            std::int64_t(kConcrete.pixels() * 9 / 10));
  // No class where either date has no data, nor around its edges.
  EXPECT_EQ(changedIn(run.map, hiddenAfter.grown(2)), 0);
  EXPECT_EQ(changedIn(run.map, hiddenBefore.grown(2)), 0);
  EXPECT_EQ(changedOutside(run.map, kConcrete.grown(2)), 0);
}

TEST(InMemoryRules, MemoryRasterReadsWindowsAndAverages) {
  const MemoryRaster image = memoryImage([](int b, int x, int y) { return float(1000 * b + 10 * (y % 4) + x % 4); },
                                         "image");
  // A window of bands 4 and 2 with a band stride larger than the window.
  const int bands[] = {4, 2};
  std::vector<float> out(2 * 16, -1.0f);
  ASSERT_TRUE(image.readInto({1, 2, 3, 2}, bands, out.data(), 16));
  EXPECT_EQ(out[0], 4000 + 20 + 1);
  EXPECT_EQ(out[5], 4000 + 30 + 3);
  EXPECT_EQ(out[16], 2000 + 20 + 1);
  EXPECT_EQ(out[6], -1.0f);  // between the bands: untouched
  // 4 × 4 cells averaged to one value each (NaN left out).
  std::vector<float> sample;
  ASSERT_TRUE(image.readAveraged({0, 0, 8, 8}, 2, 2, bands, sample));
  ASSERT_EQ(sample.size(), 8u);
  EXPECT_FLOAT_EQ(sample[0], 4000 + 15 + 1.5f);
  EXPECT_FLOAT_EQ(sample[4], 2000 + 15 + 1.5f);
  // Outside the grid, or a band it lacks: InvalidInput.
  EXPECT_FALSE(image.readInto({kSize - 1, 0, 2, 1}, bands, out.data(), 16));
  const int missing[] = {5};
  EXPECT_FALSE(image.readInto({0, 0, 1, 1}, missing, out.data(), 1));
}
