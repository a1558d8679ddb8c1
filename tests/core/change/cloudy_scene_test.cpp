// A large cloud on the after date must not raise the automatic threshold: Otsu's split is taken
// on cloud-free cropland, so a low-contrast new road is still found beside the cloud.
#include <gtest/gtest.h>

#include <algorithm>
#include <variant>

#include "change_scenes.h"
#include "onemap/change/change_detector.h"
#include "onemap/vector/feature_reader.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

constexpr int kSize = 256;

/// Crop with a village of white roofs (columns and rows 200–229) on both dates; in the after
/// image a 20 × 20 px concrete block (columns and rows 20–39), a 3 px wide asphalt road (rows
/// 100–102, columns 20–89) and, when `cloud`, an opaque cloud over columns 130 and beyond.
test::GeoTiffSpec scene(bool after, bool cloud) {
  using namespace test::spectra;
  return test::fourBandScene(kSize, [after, cloud](int b, int x, int y) {
    const double asphalt[] = {325, 330, 335, 355};
    const double cloudTop[] = {1400, 1390, 1380, 1360};
    const double* v = kCrop;
    if (x >= 200 && x < 230 && y >= 200 && y < 230) v = kRoofs;
    if (after && x >= 20 && x < 40 && y >= 20 && y < 40) v = kConcrete;
    if (after && x >= 20 && x < 90 && y >= 100 && y < 103) v = asphalt;
    if (after && cloud && x >= 130) v = cloudTop;
    // Ground texture (the same on both dates) and sensor noise that differs between the dates:
    // the threshold is in units of that noise.
    return v[b - 1] + 8.0 * double((x * 7 + y * 3) % 5) + double((x * 3 + y * 5 + b + (after ? 1 : 0)) % 3);
  });
}

struct DetectionRun {
  change::ChangeSummary summary;
  std::vector<std::string> subtypes;
};

DetectionRun detect(const test::TempDir& dir, bool cloud) {
  const std::string tag = cloud ? "cloudy" : "clear";
  test::writeGeoTiff(dir / ("before_" + tag + ".tif"), scene(false, cloud));
  test::writeGeoTiff(dir / ("after_" + tag + ".tif"), scene(true, cloud));
  change::ChangeInputs in;
  in.before = dir / ("before_" + tag + ".tif");
  in.after = dir / ("after_" + tag + ".tif");
  in.output = dir / ("patches_" + tag + ".gpkg");
  Feedback feedback;
  auto summary = change::detectChanges(in, change::ChangeParameters{}, feedback);
  EXPECT_TRUE(summary) << (summary ? "" : summary.error().text());
  DetectionRun run;
  if (!summary) return run;
  run.summary = *summary;
  auto reader = vector::FeatureReader::open(in.output, "change_patches");
  EXPECT_TRUE(reader);
  vector::ReadOptions options;
  options.fields = {"BHZL"};
  auto all = reader->readAll(options);
  EXPECT_TRUE(all);
  for (const auto& f : *all) run.subtypes.push_back(std::get<std::string>(f.attributes.at(0)));
  std::sort(run.subtypes.begin(), run.subtypes.end());
  return run;
}

}  // namespace

TEST(CloudyScene, ACloudDoesNotRaiseTheThresholdAndTheRoadIsStillFound) {
  test::TempDir dir;
  const DetectionRun clear = detect(dir, false);
  const DetectionRun cloudy = detect(dir, true);
  EXPECT_EQ(clear.subtypes, (std::vector<std::string>{"building", "road"}));
  EXPECT_EQ(cloudy.subtypes, (std::vector<std::string>{"building", "road"}));
  // Half the scene under cloud: the threshold is not raised above that of the clear pair (the
  // cloud is left out of the noise, the threshold and the radiometric fit).
  EXPECT_LE(cloudy.summary.threshold, 1.15f * clear.summary.threshold);
  EXPECT_GT(cloudy.summary.threshold, 0.0f);
}
