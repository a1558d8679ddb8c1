#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "gdal_fixtures.h"
#include "temp_dir.h"

using namespace onemap::test;
using nlohmann::json;

namespace {

// A rectangle [x0, x1] x [y0, y1] in metres from (500000, 3500000), EPSG:4549.
FixtureFeature box(double x0, double y0, double x1, double y1) {
  auto x = [](double v) { return std::to_string(500000 + v); };
  auto y = [](double v) { return std::to_string(3500000 + v); };
  return {"POLYGON((" + x(x0) + " " + y(y0) + "," + x(x1) + " " + y(y0) + "," + x(x1) + " " + y(y1) + "," + x(x0) +
              " " + y(y1) + "," + x(x0) + " " + y(y0) + "))",
          {}};
}

struct Files {
  TempDir dir;
  std::string truth, patches, none, distractors;
  Files() {
    writeVector(dir / "truth.gpkg", "GPKG", "truth_changes", 4549, {}, {box(0, 0, 40, 40), box(100, 0, 140, 40)});
    writeVector(dir / "patches.gpkg", "GPKG", "patches", 4549, {}, {box(0, 0, 40, 40), box(100, 0, 140, 40)});
    writeVector(dir / "none.gpkg", "GPKG", "patches", 4549, {}, {});
    writeVector(dir / "distractors.gpkg", "GPKG", "distractors", 4549, {}, {box(200, 0, 240, 40)});
    truth = (dir / "truth.gpkg").string();
    patches = (dir / "patches.gpkg").string();
    none = (dir / "none.gpkg").string();
    distractors = (dir / "distractors.gpkg").string();
  }
};

}  // namespace

TEST(CliEvaluation, PerfectPatchesScoreOne) {
  Files f;
  const auto run = runCli({"evaluate", "--truth", f.truth + ":truth_changes", f.patches + ":patches", "--distractors",
                           f.distractors + ":distractors", "--json"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json j = json::parse(run.out);
  EXPECT_EQ(j["truth_type"], "vector");
  EXPECT_EQ(j["truth_layer"], "truth_changes");
  EXPECT_DOUBLE_EQ(j["pixels"]["f1"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(j["pixels"]["iou"].get<double>(), 1.0);
  EXPECT_EQ(j["pixels"]["true_positives"], 800);
  EXPECT_DOUBLE_EQ(j["patch_level"]["recall"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(j["patch_level"]["precision"].get<double>(), 1.0);
  EXPECT_EQ(j["distractors"]["count"], 1);
  EXPECT_EQ(j["distractors"]["flagged"], 0);
}

TEST(CliEvaluation, NoPatchesGiveRecallZero) {
  Files f;
  const auto run = runCli({"evaluate", "--truth", f.truth, f.none, "--min-area", "100", "--resolution", "4"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("recall 0.000"), std::string::npos) << run.out;
  const auto jsonRun = runCli({"evaluate", "--truth", f.truth, f.none, "--json"});
  ASSERT_EQ(jsonRun.exitCode, 0) << jsonRun.err;
  const auto j = json::parse(jsonRun.out);
  EXPECT_DOUBLE_EQ(j["pixels"]["recall"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(j["patch_level"]["recall"].get<double>(), 0.0);
  EXPECT_EQ(j["patch_level"]["truth_patches"], 2);
}

TEST(CliEvaluation, BadPathNamesTheFile) {
  Files f;
  const auto run = runCli({"evaluate", "--truth", f.truth, (f.dir / "no_such_patches.gpkg").string()});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.err.find("no_such_patches.gpkg"), std::string::npos) << run.err;
  const auto layer = runCli({"evaluate", "--truth", f.truth + ":wrong_layer", f.patches});
  EXPECT_EQ(layer.exitCode, 1);
  EXPECT_NE(layer.err.find("truth_changes"), std::string::npos) << layer.err;  // lists the layers
}

TEST(CliEvaluation, UsageErrors) {
  Files f;
  EXPECT_EQ(runCli({"evaluate", f.patches}).exitCode, 2);  // no --truth
  EXPECT_EQ(runCli({"evaluate", "--truth", f.truth}).exitCode, 2);  // no patches
  EXPECT_EQ(runCli({"evaluate", "--truth", f.truth, f.patches, "--resolution", "0"}).exitCode, 2);
  EXPECT_EQ(runCli({"evaluate", "--truth", f.truth, f.patches, "--bogus"}).exitCode, 2);
}
