// Pairs a user should be warned about or stopped on: the same date twice, dates swapped, pixel
// sizes ten times apart, an image across the 180° meridian. Nothing half-written either way.
#include <gtest/gtest.h>

#include <algorithm>

#include "change_scenes.h"
#include "onemap/change/change_detector.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

/// Crop with a texture, a fallow field, a river and roofs on both dates and, in the after
/// image, a concrete block (columns and rows 10–29 of a 160 px grid; the scene scales with
/// `size`, so a grid of another size shows the same ground).
test::GeoTiffSpec scene(bool after, int size = 160) {
  using namespace test::spectra;
  const double scale = size / 160.0;
  return test::fourBandScene(size, [after, scale](int b, int x, int y) {
    const double fallow[] = {300, 345, 385, 470};
    const double river[] = {240, 250, 160, 100};
    const double* v = kCrop;
    if (x < 15 * scale) v = fallow;
    if (y >= 135 * scale) v = river;
    if (x >= 120 * scale && y < 30 * scale) v = kRoofs;
    if (after && x >= 10 * scale && x < 30 * scale && y >= 10 * scale && y < 30 * scale) v = kConcrete;
    const double texture = double((x * 37 + y * 91) % 21) - 10.0;
    const double noise = double((x * 13 + y * 7 + b * 5 + (after ? 3 : 0)) % 5) - 2.0;
    return v[b - 1] + (b == 4 ? 2.0 * texture : texture / 2.0) + noise;
  });
}

Result<change::ChangeSummary> run(const test::TempDir& dir, const std::string& before, const std::string& after) {
  change::ChangeInputs in;
  in.before = dir / before;
  in.after = dir / after;
  in.output = dir / ("patches_" + before + ".gpkg");
  Feedback feedback;
  return change::detectChanges(in, change::ChangeParameters{}, feedback);
}

bool warns(const change::ChangeSummary& s, change::RunWarning::Kind kind) {
  return std::any_of(s.warnings.begin(), s.warnings.end(), [&](const auto& w) { return w.kind == kind; });
}

}  // namespace

TEST(BadPairs, TheSameDateTwiceIsSaid) {
  test::TempDir dir;
  test::writeGeoTiff(dir / "gf1_2023-05-01_a.tif", scene(false));
  test::writeGeoTiff(dir / "gf1_2023-05-01_b.tif", scene(true));
  auto summary = run(dir, "gf1_2023-05-01_a.tif", "gf1_2023-05-01_b.tif");
  ASSERT_TRUE(summary) << summary.error().text();
  ASSERT_TRUE(warns(*summary, change::RunWarning::Kind::SameDate));
  EXPECT_EQ(summary->patches, 1);  // still a run: the user decides
}

TEST(BadPairs, DatesTheWrongWayRoundAreSaid) {
  test::TempDir dir;
  test::writeGeoTiff(dir / "gf1_2024-06-01.tif", scene(false));
  test::writeGeoTiff(dir / "gf1_2022-06-01.tif", scene(true));
  auto summary = run(dir, "gf1_2024-06-01.tif", "gf1_2022-06-01.tif");
  ASSERT_TRUE(summary) << summary.error().text();
  const auto w = std::find_if(summary->warnings.begin(), summary->warnings.end(),
                              [](const auto& each) { return each.kind == change::RunWarning::Kind::DatesReversed; });
  ASSERT_NE(w, summary->warnings.end());
  EXPECT_EQ(w->args, (std::vector<std::string>{"2024-06-01", "2022-06-01"}));
  EXPECT_FALSE(warns(*summary, change::RunWarning::Kind::SameDate));
}

TEST(BadPairs, PixelsTenTimesApartAreSaidAndTheRunStillWorks) {
  test::TempDir dir;
  test::writeGeoTiff(dir / "fine.tif", scene(false, 320));  // 2 m
  test::GeoTiffSpec coarse = scene(true, 32);
  coarse.geoTransform = {500000, 20, 0, 3500000, 0, -20};  // the same ground at 20 m
  test::writeGeoTiff(dir / "coarse.tif", coarse);
  auto summary = run(dir, "fine.tif", "coarse.tif");
  ASSERT_TRUE(summary) << summary.error().text();
  const auto w = std::find_if(summary->warnings.begin(), summary->warnings.end(),
                              [](const auto& each) { return each.kind == change::RunWarning::Kind::PixelSizes; });
  ASSERT_NE(w, summary->warnings.end());
  EXPECT_EQ(w->args, (std::vector<std::string>{"10.0", "2.0", "20.0"}));
  EXPECT_DOUBLE_EQ(summary->pixelWidthM, 2.0);  // the before grid
}

TEST(BadPairs, AnImageAcrossTheAntimeridianIsRefusedAndNothingIsWritten) {
  test::TempDir dir;
  for (bool after : {false, true}) {
    test::GeoTiffSpec spec = scene(after, 64);
    spec.epsg = 4326;
    spec.geoTransform = {179.999, 0.0001, 0, -16.5, 0, -0.0001};  // Fiji: 179.999° … 180.0054°
    test::writeGeoTiff(dir / (after ? "after.tif" : "before.tif"), spec);
  }
  auto summary = run(dir, "before.tif", "after.tif");
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().message.find("180°"), std::string::npos) << summary.error().text();
  EXPECT_NE(summary.error().hint.find("EPSG:"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "patches_before.tif.gpkg"));
}

TEST(BadPairs, AnOutputThatIsAnInputIsRefusedEvenWithOverwrite) {
  test::TempDir dir;
  test::writeGeoTiff(dir / "before.tif", scene(false));
  test::writeGeoTiff(dir / "after.tif", scene(true));
  std::filesystem::create_hard_link(dir / "before.tif", dir / "linked.gpkg");
  const auto size = std::filesystem::file_size(dir / "before.tif");
  for (const char* output : {"before.tif", "linked.gpkg"}) {
    change::ChangeInputs in;
    in.before = dir / "before.tif";
    in.after = dir / "after.tif";
    in.output = dir / output;
    in.overwrite = true;
    Feedback feedback;
    auto summary = change::detectChanges(in, change::ChangeParameters{}, feedback);
    ASSERT_FALSE(summary) << output;
    EXPECT_NE(summary.error().message.find("one of the inputs"), std::string::npos) << summary.error().text();
  }
  EXPECT_EQ(std::filesystem::file_size(dir / "before.tif"), size);  // untouched
}
