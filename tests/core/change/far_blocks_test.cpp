// The block pass does not read image blocks that lie farther from every cropland pixel than its
// rules reach: the patches must be exactly those of a run that reads every block, and the blocks
// far from cropland must really go unread.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "change_scenes.h"
#include "onemap/change/block_pass_observer.h"
#include "onemap/change/change_detector.h"
#include "onemap/geos/geometry.h"
#include "onemap/vector/feature_reader.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

constexpr int kSize = 1024;  // 4 × 4 blocks of 256 px (the fixtures' tiles)

/// A pixel rectangle [x0, x1) × [y0, y1).
struct Box {
  int x0, x1, y0, y1;
  bool contains(int x, int y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
};

// Two islands of cropland in the corners: in block (0, 0), and in block column 3 (x ≥ 768), rows
// 580–765 (block row 2), more than kHalo (50 px) from blocks of other columns or row 1.
constexpr Box kIslandA{40, 200, 40, 200};
constexpr Box kIslandB{820, 1000, 580, 766};
// New concrete inside each island, and outside cropland in a block far from both.
constexpr Box kBlockA{80, 110, 80, 110};
constexpr Box kBlockB{860, 890, 620, 650};
constexpr Box kBlockFar{600, 640, 100, 140};
// On the after date an opaque cloud in the block below island B (no cropland in it, but within
// the cloud zone's reach) and its thin edge over the island's last rows: the edge is masked only
// when the cloud's block is read.
constexpr Box kCloud{840, 980, 768, 860};
constexpr Box kHaze{840, 980, 752, 766};
// White roofs on both dates, far from cropland: the scene's bright land that clouds must exceed.
constexpr Box kVillage{350, 430, 500, 580};

test::GeoTiffSpec scene(bool after) {
  using namespace test::spectra;
  return test::fourBandScene(kSize, [after](int b, int x, int y) {
    const double cloudTop[] = {1400, 1390, 1380, 1360};
    const double* v = kCrop;
    if (kVillage.contains(x, y)) v = kRoofs;
    if (after && (kBlockA.contains(x, y) || kBlockB.contains(x, y) || kBlockFar.contains(x, y))) v = kConcrete;
    if (after && kCloud.contains(x, y)) v = cloudTop;
    const double noise = double((x * 7 + y * 3) % 5);
    if (after && kHaze.contains(x, y)) return 0.5 * (kCrop[b - 1] + cloudTop[b - 1]) + noise;
    return v[b - 1] + noise;
  });
}

/// The WKT of a pixel rectangle on the fixtures' grid (origin 500000, 3500000; 2 m pixels).
std::string wkt(const Box& box) {
  const auto x = [](int px) { return std::to_string(500000 + 2 * px); };
  const auto y = [](int py) { return std::to_string(3500000 - 2 * py); };
  return "POLYGON((" + x(box.x0) + " " + y(box.y0) + "," + x(box.x1) + " " + y(box.y0) + "," + x(box.x1) + " " +
         y(box.y1) + "," + x(box.x0) + " " + y(box.y1) + "," + x(box.x0) + " " + y(box.y0) + "))";
}

struct Detection {
  std::vector<vector::Feature> patches;  ///< every attribute, with the geometry
  std::int64_t pixelsRead = 0;
};

Detection detect(const test::TempDir& dir, const std::string& name, bool skip, bool withCropland = true,
                 const std::map<std::string, std::string>& values = {}) {
  change::ChangeInputs in;
  in.before = dir / "before.tif";
  in.after = dir / "after.tif";
  if (withCropland) in.cropland = {dir / "land.gpkg", "DLTB"};
  in.output = dir / (name + ".gpkg");
  change::BlockPassObserver observer;
  observer.skipFarBlocks = skip;
  auto parameters = change::ChangeParameters::fromValues(values);
  EXPECT_TRUE(parameters);
  Feedback feedback;
  auto summary = change::detectChanges(in, *parameters, feedback, &observer);
  EXPECT_TRUE(summary) << (summary ? "" : summary.error().text());
  Detection run;
  run.pixelsRead = observer.pixelsRead;
  if (!summary) return run;
  auto reader = vector::FeatureReader::open(in.output, "change_patches");
  EXPECT_TRUE(reader);
  auto all = reader->readAll();
  EXPECT_TRUE(all);
  if (all) run.patches = *all;
  return run;
}

class FarBlocks : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = std::make_unique<test::TempDir>();
    test::writeGeoTiff(*s_dir / "before.tif", scene(false));
    test::writeGeoTiff(*s_dir / "after.tif", scene(true));
    // Cropland (DLBM 01xx) only on the islands; the village is land use too, but not cropland.
    test::writeVector(*s_dir / "land.gpkg", "GPKG", "DLTB", 4549, {"DLBM"},
                      {{wkt(kIslandA), {"0103"}}, {wkt(kIslandB), {"0101"}}, {wkt(kVillage), {"0702"}}});
  }
  static void TearDownTestSuite() { s_dir.reset(); }
  static inline std::unique_ptr<test::TempDir> s_dir;
};

}  // namespace

TEST_F(FarBlocks, SkippingThemChangesNoPatch) {
  const Detection all = detect(*s_dir, "all_blocks", false);
  const Detection skipped = detect(*s_dir, "near_blocks", true);
  // The new concrete on both islands and nothing else: not the far block (not cropland) nor the
  // cloud's edge over island B, which is masked because the cloud's block below it was read.
  ASSERT_EQ(all.patches.size(), 2u);
  for (const auto& patch : all.patches) {
    const auto extent = geos::Geometry::fromWkb(patch.wkb)->extent();
    const bool onA = extent.maxX() <= 500000 + 2 * kIslandA.x1;
    const Box block = onA ? kBlockA : kBlockB;
    EXPECT_NEAR(extent.minX(), 500000 + 2 * block.x0, 2.0);
    EXPECT_NEAR(extent.maxY(), 3500000 - 2 * block.y0, 2.0);
  }
  // The same patches, geometry and every attribute alike, in the same order; also with narrow
  // units (the smallest memory limit: runs of blocks cut at the units' edges) on three threads.
  const Detection narrow = detect(*s_dir, "near_blocks_narrow", true, true, {{"memory-mb", "64"}, {"threads", "3"}});
  for (const Detection* run : {&skipped, &narrow}) {
    ASSERT_EQ(run->patches.size(), all.patches.size());
    for (std::size_t i = 0; i < all.patches.size(); ++i) {
      EXPECT_EQ(run->patches[i].wkb, all.patches[i].wkb) << "patch " << i;
      EXPECT_EQ(run->patches[i].attributes, all.patches[i].attributes) << "patch " << i;
    }
  }
  // Read: every block (and the halo rows of the units) against the blocks within reach of the
  // islands, under a third of the image. How many rows of those blocks a run reads depends on
  // where its units and steps start (threads take units as they come), but at least the rows
  // within 50 px (kHalo) of cropland, across the islands' block columns, are always read.
  const std::int64_t pixels = std::int64_t(kSize) * kSize;
  constexpr int kReach = 50;
  const std::int64_t needed =
      256 * std::int64_t((kIslandA.y1 + kReach) + (kIslandB.y1 + kReach - (kIslandB.y0 - kReach)));
  EXPECT_GE(all.pixelsRead, pixels);
  EXPECT_GE(skipped.pixelsRead, needed);
  EXPECT_LT(skipped.pixelsRead, pixels / 3) << skipped.pixelsRead << " of " << pixels;
}

TEST_F(FarBlocks, WithoutCroplandEveryBlockIsRead) {
  const Detection run = detect(*s_dir, "no_cropland", true, false);
  EXPECT_GE(run.pixelsRead, std::int64_t(kSize) * kSize);
  EXPECT_GE(run.patches.size(), 3u);  // the far block too: everything is cropland
}
