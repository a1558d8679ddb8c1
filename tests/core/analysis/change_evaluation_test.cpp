#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gdal_fixtures.h"
#include "onemap/analysis/change_evaluation.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::analysis;
using onemap::test::FixtureFeature;
using onemap::test::TempDir;
using onemap::test::writeVector;

namespace {

// A rectangle [x0, x1] x [y0, y1] in metres from (500000, 3500000), EPSG:4549.
std::string ring(double x0, double y0, double x1, double y1) {
  auto x = [](double v) { return std::to_string(500000 + v); };
  auto y = [](double v) { return std::to_string(3500000 + v); };
  return "(" + x(x0) + " " + y(y0) + "," + x(x1) + " " + y(y0) + "," + x(x1) + " " + y(y1) + "," + x(x0) + " " +
         y(y1) + "," + x(x0) + " " + y(y0) + ")";
}
FixtureFeature box(double x0, double y0, double x1, double y1) { return {"POLYGON(" + ring(x0, y0, x1, y1) + ")", {}}; }

void writeLayer(const std::filesystem::path& path, const std::string& layer, const std::vector<FixtureFeature>& features,
                int epsg = 4549) {
  writeVector(path, "GPKG", layer, epsg, {}, features);
}

// Truth A (1600 m², 400 px at 2 m) and B (100 m², below the minimum area); patch P1 covers half
// of A, P2 lies outside the truth; distractor D1 is under P2, D2 is missed, D3 is too small.
struct Scene {
  TempDir dir;
  ChangeEvaluationOptions options;
  Scene() {
    writeLayer(dir / "truth.gpkg", "truth_changes", {box(0, 0, 40, 40), box(100, 0, 110, 10)});
    writeLayer(dir / "patches.gpkg", "patches", {box(0, 0, 40, 20), box(200, 0, 220, 20)});
    writeLayer(dir / "distractors.gpkg", "distractors",
               {box(200, 0, 240, 40), box(300, 0, 340, 40), box(400, 0, 404, 4)});
    options.truth = {dir / "truth.gpkg", "truth_changes"};
    options.patches = {dir / "patches.gpkg", ""};
  }
};

}  // namespace

TEST(ChangeEvaluation, VectorTruthPixelAndPatchScores) {
  Scene scene;
  scene.options.distractors = LayerRef{scene.dir / "distractors.gpkg", "distractors"};
  auto result = evaluateChange(scene.options);
  ASSERT_TRUE(result) << result.error().text();
  EXPECT_FALSE(result->rasterTruth);
  EXPECT_EQ(result->gridWidth, 202);
  EXPECT_EQ(result->gridHeight, 20);
  const PixelScores& px = result->pixels;
  EXPECT_EQ(px.truePositives, 200);
  EXPECT_EQ(px.falsePositives, 100);
  EXPECT_EQ(px.falseNegatives, 200 + 25);
  EXPECT_EQ(px.trueNegatives, 202 * 20 - 525);
  EXPECT_DOUBLE_EQ(px.precision, 200.0 / 300.0);
  EXPECT_DOUBLE_EQ(px.recall, 200.0 / 425.0);
  EXPECT_DOUBLE_EQ(px.f1, 400.0 / 725.0);
  EXPECT_DOUBLE_EQ(px.iou, 200.0 / 525.0);
  ASSERT_TRUE(result->patches);
  const PatchScores& p = *result->patches;
  EXPECT_EQ(p.truthPatches, 1);
  EXPECT_EQ(p.truthDetected, 1);
  EXPECT_EQ(p.detectedPatches, 2);
  EXPECT_EQ(p.detectedMatching, 1);
  EXPECT_DOUBLE_EQ(p.recall, 1.0);
  EXPECT_DOUBLE_EQ(p.precision, 0.5);
  EXPECT_EQ(p.distractors, 2);
  EXPECT_EQ(p.distractorsFlagged, 1);
  EXPECT_DOUBLE_EQ(p.distractorsFlaggedShare, 0.5);
}

TEST(ChangeEvaluation, AoiRestrictsPixelsAndPatches) {
  Scene scene;
  writeLayer(scene.dir / "aoi.gpkg", "aoi", {box(0, 0, 150, 40)});
  scene.options.aoi = LayerRef{scene.dir / "aoi.gpkg", ""};
  auto result = evaluateChange(scene.options);
  ASSERT_TRUE(result) << result.error().text();
  EXPECT_EQ(result->pixels.truePositives, 200);
  EXPECT_EQ(result->pixels.falsePositives, 0);
  EXPECT_EQ(result->pixels.falseNegatives, 225);
  EXPECT_EQ(result->pixels.trueNegatives, 75 * 20 - 425);
  EXPECT_EQ(result->patches->detectedPatches, 1);
  EXPECT_DOUBLE_EQ(result->patches->precision, 1.0);
}

TEST(ChangeEvaluation, PerfectAndMissingPatches) {
  Scene scene;
  scene.options.patches = scene.options.truth;
  auto perfect = evaluateChange(scene.options);
  ASSERT_TRUE(perfect) << perfect.error().text();
  EXPECT_DOUBLE_EQ(perfect->pixels.f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect->pixels.iou, 1.0);
  EXPECT_DOUBLE_EQ(perfect->patches->recall, 1.0);
  EXPECT_DOUBLE_EQ(perfect->patches->precision, 1.0);

  writeLayer(scene.dir / "none.gpkg", "patches", {});
  scene.options.patches = {scene.dir / "none.gpkg", ""};
  auto none = evaluateChange(scene.options);
  ASSERT_TRUE(none) << none.error().text();
  EXPECT_EQ(none->pixels.truePositives, 0);
  EXPECT_EQ(none->pixels.falseNegatives, 425);
  EXPECT_DOUBLE_EQ(none->pixels.recall, 0.0);
  EXPECT_DOUBLE_EQ(none->pixels.f1, 0.0);
  EXPECT_EQ(none->patches->detectedPatches, 0);
  EXPECT_DOUBLE_EQ(none->patches->recall, 0.0);
}

TEST(ChangeEvaluation, MinimumAreaUsesPolygonAreaWithoutHoles) {
  TempDir dir;
  // 24 m square with a 16 m hole: 576 - 256 = 320 m².
  writeLayer(dir / "truth.gpkg", "t", {{"POLYGON(" + ring(0, 0, 24, 24) + "," + ring(4, 4, 20, 20) + ")", {}}});
  writeLayer(dir / "patches.gpkg", "p", {box(0, 0, 24, 24)});
  ChangeEvaluationOptions options;
  options.truth = {dir / "truth.gpkg", ""};
  options.patches = {dir / "patches.gpkg", ""};
  auto result = evaluateChange(options);
  ASSERT_TRUE(result) << result.error().text();
  EXPECT_EQ(result->pixels.truePositives, 80);
  EXPECT_EQ(result->pixels.falsePositives, 64);
  EXPECT_EQ(result->patches->truthPatches, 0);
  options.minAreaM2 = 300;
  result = evaluateChange(options);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->patches->truthPatches, 1);
  EXPECT_EQ(result->patches->truthDetected, 1);
}

TEST(ChangeEvaluation, ReferenceRasterIgnoresUnlabelledPixels) {
  TempDir dir;
  onemap::test::GeoTiffSpec spec;
  spec.width = 10;
  spec.height = 10;
  spec.bands = 1;
  spec.dataType = "Byte";
  spec.geoTransform = {500000, 2, 0, 3500020, 0, -2};
  spec.value = [](int, int x, int y) { return y == 0 ? 0.0 : x < 5 ? 2.0 : 1.0; };
  onemap::test::writeGeoTiff(dir / "reference.tif", spec);
  writeLayer(dir / "patches.gpkg", "p", {box(0, 0, 8, 20)});
  ChangeEvaluationOptions options;
  options.truth = {dir / "reference.tif", ""};
  options.patches = {dir / "patches.gpkg", ""};
  auto result = evaluateChange(options);
  ASSERT_TRUE(result) << result.error().text();
  EXPECT_TRUE(result->rasterTruth);
  EXPECT_FALSE(result->patches);
  EXPECT_EQ(result->pixels.truePositives, 36);
  EXPECT_EQ(result->pixels.falseNegatives, 9);
  EXPECT_EQ(result->pixels.falsePositives, 0);
  EXPECT_EQ(result->pixels.trueNegatives, 45);
  EXPECT_DOUBLE_EQ(result->pixels.recall, 0.8);
}

// A reference raster in degrees (EPSG:4326, like the OSCD references): the patches are burnt on its
// grid, so no metric evaluation grid is needed and geographic truth is accepted.
TEST(ChangeEvaluation, ReferenceRasterInDegreesIsScoredOnItsOwnGrid) {
  TempDir dir;
  onemap::test::GeoTiffSpec spec;
  spec.width = 10;
  spec.height = 10;
  spec.bands = 1;
  spec.dataType = "Byte";
  spec.epsg = 4326;
  spec.geoTransform = {2.35, 0.0001, 0, 48.87, 0, -0.0001};
  spec.value = [](int, int x, int y) { return y == 0 ? 0.0 : x < 5 ? 2.0 : 1.0; };
  onemap::test::writeGeoTiff(dir / "reference.tif", spec);
  const std::string patch = "POLYGON((2.35 48.869,2.3504 48.869,2.3504 48.87,2.35 48.87,2.35 48.869))";
  writeLayer(dir / "patches.gpkg", "p", {{patch, {}}}, 4326);
  ChangeEvaluationOptions options;
  options.truth = {dir / "reference.tif", ""};
  options.patches = {dir / "patches.gpkg", ""};
  auto result = evaluateChange(options);
  ASSERT_TRUE(result) << result.error().text();
  EXPECT_TRUE(result->rasterTruth);
  EXPECT_EQ(result->pixels.truePositives, 36);
  EXPECT_EQ(result->pixels.falseNegatives, 9);
  EXPECT_EQ(result->pixels.falsePositives, 0);
  EXPECT_EQ(result->pixels.trueNegatives, 45);
}

TEST(ChangeEvaluation, ErrorsNameTheFile) {
  Scene scene;
  scene.options.patches = {scene.dir / "missing.gpkg", ""};
  auto missing = evaluateChange(scene.options);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
  EXPECT_NE(missing.error().text().find("missing.gpkg"), std::string::npos);

  writeLayer(scene.dir / "lonlat.gpkg", "t", {{"POLYGON((120 31,120.1 31,120.1 31.1,120 31))", {}}}, 4490);
  scene.options.truth = {scene.dir / "lonlat.gpkg", ""};
  scene.options.patches = scene.options.truth;
  auto geographic = evaluateChange(scene.options);
  ASSERT_FALSE(geographic);
  EXPECT_EQ(geographic.error().code, ErrorCode::InvalidInput);
  EXPECT_NE(geographic.error().text().find("lonlat.gpkg"), std::string::npos);
}
