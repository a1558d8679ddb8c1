// ZXD is evidence-based: of two new buildings of the same size and shape, the one whose change
// stands further above the threshold gets the higher confidence.
#include <gtest/gtest.h>

#include <algorithm>
#include <variant>

#include "change_scenes.h"
#include "onemap/change/change_detector.h"
#include "onemap/geos/geometry.h"
#include "onemap/vector/feature_reader.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

/// Crop with an uneven canopy (±30 DN in NIR, ±20 differing between the dates), a village of
/// roofs (columns and rows 200–229), a river and a fallow field on both dates; in the after image two 20 × 20 px blocks:
/// white concrete at columns 20–39 and dark asphalt at columns 120–139 (rows 20–39 both).
test::GeoTiffSpec scene(bool after) {
  using namespace test::spectra;
  return test::fourBandScene(256, [after](int b, int x, int y) {
    const double asphalt[] = {300, 305, 310, 330};
    const double* v = kCrop;
    const double river[] = {240, 250, 160, 100};
    const double fallow[] = {300, 345, 385, 470};
    // The canopy's texture (the same field on both dates) and how each date differs from it
    // (growth, wind, sensor noise): change of a few percent everywhere.
    double canopy = double((x * 37 + y * 91 + (x * y) % 13) % 61) - 30.0 +
                    (after ? double((x * 53 + y * 29 + (x * y) % 17) % 41) : double((x * 29 + y * 71 + (x * y) % 11) % 41)) -
                    20.0;
    if (x >= 200 && x < 230 && y >= 200 && y < 230) v = kRoofs, canopy = 0;
    if (y >= 240) v = river, canopy /= 4;   // a river and a fallow field on both dates
    if (x < 10 && y >= 60 && y < 200) v = fallow, canopy /= 2;
    if (after && y >= 20 && y < 40 && x >= 20 && x < 40) v = kConcrete, canopy = 0;
    if (after && y >= 20 && y < 40 && x >= 120 && x < 140) v = asphalt, canopy = 0;
    return v[b - 1] + (b == 4 ? canopy : canopy / 4);
  });
}

}  // namespace

TEST(PatchConfidence, TheStrongerChangeGetsTheHigherZxd) {
  test::TempDir dir;
  test::writeGeoTiff(dir / "before.tif", scene(false));
  test::writeGeoTiff(dir / "after.tif", scene(true));
  change::ChangeInputs in;
  in.before = dir / "before.tif";
  in.after = dir / "after.tif";
  in.output = dir / "patches.gpkg";
  Feedback feedback;
  // A threshold high enough that neither block's change is twenty times above it (where the
  // spectral part of ZXD saturates; this scene's noise is far below a real image's): then
  // their ZXD shows which change is the stronger.
  change::ChangeParameters parameters;
  parameters.sensitivity = 0.3;
  auto summary = change::detectChanges(in, parameters, feedback);
  ASSERT_TRUE(summary) << summary.error().text();
  auto reader = vector::FeatureReader::open(in.output, "change_patches");
  ASSERT_TRUE(reader);
  vector::ReadOptions options;
  options.fields = {"MJ", "ZXD"};
  auto all = reader->readAll(options);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  // The concrete block is the western one.
  const auto west = [](const vector::Feature& f) { return geos::Geometry::fromWkb(f.wkb)->extent().minX(); };
  const bool firstIsConcrete = west((*all)[0]) < west((*all)[1]);
  const double concrete = std::get<double>((*all)[firstIsConcrete ? 0 : 1].attributes.at(1));
  const double asphalt = std::get<double>((*all)[firstIsConcrete ? 1 : 0].attributes.at(1));
  EXPECT_NEAR(std::get<double>((*all)[0].attributes.at(0)), std::get<double>((*all)[1].attributes.at(0)), 1e-6);
  EXPECT_GT(concrete, asphalt + 0.02) << "threshold " << summary->threshold;
  for (double z : {concrete, asphalt}) {
    EXPECT_GT(z, 0.2);
    EXPECT_LE(z, 1.0);
  }
}
