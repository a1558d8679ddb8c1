#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "onemap/change/change_detector.h"
#include "onemap/gdal/block_cache_limit.h"
#include "onemap/geos/geometry.h"
#include "onemap/sample/sample_writer.h"
#include "onemap/vector/feature_reader.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

/// A small sample county with another seed than the ones the rules were tuned on (1 and 4).
template <int Seed>
class SampleCounty : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = std::make_unique<test::TempDir>();
    sample::SampleRequest request;
    request.scene.size = sample::SampleSize::Small;
    request.scene.seed = Seed;
    request.folder = s_dir->path() / "county";
    Feedback feedback;
    ASSERT_TRUE(sample::writeSample(request, feedback));
  }
  static void TearDownTestSuite() { s_dir.reset(); }

  static std::filesystem::path county() { return s_dir->path() / "county"; }
  change::ChangeInputs inputs(const std::string& out) const {
    change::ChangeInputs in;
    in.before = county() / "gf1_before.tif";
    in.after = county() / "gf1_after.tif";
    in.cropland = {county() / "sample_county.gpkg", "DLTB"};
    in.pbf = change::LayerRef{county() / "sample_county.gpkg", "YJJBNTTB"};
    in.villages = change::LayerRef{county() / "sample_county.gpkg", "CJDCQ"};
    in.redLine = change::LayerRef{county() / "sample_county.gpkg", "STBHHX"};
    in.output = s_dir->path() / out;
    return in;
  }
  static std::vector<vector::Feature> read(const std::filesystem::path& file, const std::string& layer,
                                           std::vector<std::string> fields = {}) {
    auto reader = vector::FeatureReader::open(file, layer);
    EXPECT_TRUE(reader) << (reader ? "" : reader.error().text());
    vector::ReadOptions options;
    if (!fields.empty()) options.fields = fields;
    auto all = reader->readAll(options);
    EXPECT_TRUE(all);
    return *all;
  }

  /// Patch-level scores of a run with the default parameters against the sample's truth.
  struct Scores {
    int truthBig = 0, found = 0, patches = 0, correct = 0, distractors = 0, flagged = 0;
    double recall() const { return double(found) / truthBig; }
    double precision() const { return double(correct) / patches; }
  };
  Scores detectAndScore(const std::string& out, change::ChangeSummary* summaryOut = nullptr) const;

  static inline std::unique_ptr<test::TempDir> s_dir;
};

using ChangeDetectorTest = SampleCounty<2>;
using ChangeDetectorSeed3Test = SampleCounty<3>;

bool intersectsAny(const geos::Geometry& g, const std::vector<geos::Geometry>& others) {
  for (const auto& o : others)
    if (g.intersects(o)) return true;
  return false;
}

}  // namespace

template <int Seed>
typename SampleCounty<Seed>::Scores SampleCounty<Seed>::detectAndScore(const std::string& out,
                                                                       change::ChangeSummary* summaryOut) const {
  Scores scores;
  auto params = change::ChangeParameters::fromValues({});
  EXPECT_TRUE(params);
  Feedback feedback;
  auto summary = change::detectChanges(inputs(out), *params, feedback);
  EXPECT_TRUE(summary) << summary.error().text();
  if (!summary) return scores;
  if (summaryOut) *summaryOut = *summary;
  std::vector<geos::Geometry> patches;
  for (const auto& f : read(inputs(out).output, "change_patches")) patches.push_back(*geos::Geometry::fromWkb(f.wkb));
  std::vector<geos::Geometry> truth;
  for (const auto& f : read(county() / "truth.gpkg", "truth_changes")) {
    auto g = *geos::Geometry::fromWkb(f.wkb);
    if (g.area() >= 400.0) {
      ++scores.truthBig;
      if (intersectsAny(g, patches)) ++scores.found;
    }
    truth.push_back(std::move(g));
  }
  scores.patches = int(patches.size());
  for (const auto& p : patches)
    if (intersectsAny(p, truth)) ++scores.correct;
  for (const auto& f : read(county() / "truth.gpkg", "distractors")) {
    auto g = *geos::Geometry::fromWkb(f.wkb);
    if (g.area() < 400.0) continue;
    ++scores.distractors;
    if (intersectsAny(g, patches)) ++scores.flagged;
  }
  return scores;
}

TEST_F(ChangeDetectorTest, FindsMostConversionsWithFewFalseAlarms) {
  change::ChangeSummary summary;
  const Scores s = detectAndScore("patches.gpkg", &summary);
  EXPECT_GT(summary.patches, 10);
  EXPECT_NEAR(summary.gains[3], 1.0, 0.2);  // the after date is brighter: gains below 1
  // Measured: recall 0.97 (28 of 29), precision 1.0 (31 of 31), no distractor flagged on this
  // seed (issue 5 targets 0.9 / 0.8); the pins leave one patch of margin each.
  EXPECT_GE(s.recall(), 0.93) << s.found << " of " << s.truthBig;
  EXPECT_GE(s.precision(), 0.93) << s.correct << " of " << s.patches;
  EXPECT_LE(s.flagged, 2) << s.flagged << " of " << s.distractors;
}

TEST_F(ChangeDetectorSeed3Test, FindsWholeFieldOrchardsAndSmallPondsToo) {
  const Scores s = detectAndScore("patches.gpkg");
  // Measured: recall 1.0 (26 of 26), precision 1.0 (27 of 27), no distractor flagged. Before the
  // isotropic texture and the growth into unclassified change, seed 3 was the worst (0.65).
  EXPECT_GE(s.recall(), 0.92) << s.found << " of " << s.truthBig;
  EXPECT_GE(s.precision(), 0.92) << s.correct << " of " << s.patches;
  EXPECT_LE(s.flagged, 2) << s.flagged << " of " << s.distractors;
}

TEST_F(ChangeDetectorTest, PatchesCarryTheirAttributesAndTheSummaryAddsUp) {
  auto params = change::ChangeParameters::fromValues({});
  Feedback feedback;
  auto summary = change::detectChanges(inputs("attributes.gpkg"), *params, feedback);
  ASSERT_TRUE(summary) << summary.error().text();
  const auto features = read(inputs("attributes.gpkg").output, "change_patches",
                             {"JCBH", "XZQDM", "ZLDWDM", "ZLDWMC", "QDLBM", "BHLX", "MJ", "MJ_MU", "QSX", "HSX"});
  ASSERT_EQ(int(features.size()), summary->patches);
  std::set<std::string> ids;
  double total = 0.0;
  for (const auto& f : features) {
    const auto& a = f.attributes;
    ids.insert(std::get<std::string>(a[0]));
    EXPECT_EQ(std::get<std::string>(a[1]), "320999");
    EXPECT_EQ(std::get<std::string>(a[2]).size(), 12u);
    EXPECT_FALSE(std::get<std::string>(a[3]).empty());
    EXPECT_EQ(std::get<std::string>(a[4]).substr(0, 2), "01");  // converted from cropland
    const std::string type = std::get<std::string>(a[5]);
    EXPECT_TRUE(type == "非农化" || type == "非粮化") << type;
    const double m2 = std::get<double>(a[6]);
    EXPECT_GE(m2, 400.0);
    EXPECT_NEAR(std::get<double>(a[7]), m2 / (10000.0 / 15.0), 1e-6);
    EXPECT_EQ(std::get<std::string>(a[8]), "2024-04-20");
    EXPECT_EQ(std::get<std::string>(a[9]), "2024-05-18");
    total += m2;
  }
  EXPECT_EQ(ids.size(), features.size()) << "JCBH must be unique";
  EXPECT_NEAR(total, summary->areaM2, 1e-6);
  double summaryArea = 0.0;
  for (const auto& f : read(inputs("attributes.gpkg").output, "village_summary", {"MJ"})) summaryArea += std::get<double>(f.attributes[0]);
  EXPECT_NEAR(summaryArea, total, 1e-3);
}

TEST_F(ChangeDetectorTest, PatchesDoNotDependOnTheMemoryLimitOrThreads) {
  // The block pass cuts the image into bands and runs of rows by the memory limit and the
  // threads, and streams each with a halo: the smallest limit (many narrow bands, short steps)
  // and one thread must give the very same patches as the default.
  const auto run = [&](const std::string& out, const std::map<std::string, std::string>& values) {
    auto params = change::ChangeParameters::fromValues(values);
    EXPECT_TRUE(params);
    Feedback feedback;
    auto summary = change::detectChanges(inputs(out), *params, feedback);
    EXPECT_TRUE(summary) << summary.error().text();
    std::multiset<std::string> patches;
    for (const auto& f : read(inputs(out).output, "change_patches", {"MJ", "BHZL"})) {
      std::string key(f.wkb.begin(), f.wkb.end());
      patches.insert(key);
    }
    return patches;
  };
  const auto reference = run("memory_default.gpkg", {});
  EXPECT_GT(reference.size(), 10u);
  EXPECT_EQ(run("memory_64.gpkg", {{"memory-mb", "64"}}), reference);
  EXPECT_EQ(run("memory_64_one_thread.gpkg", {{"memory-mb", "64"}, {"threads", "1"}}), reference);
  EXPECT_EQ(run("three_threads.gpkg", {{"threads", "3"}}), reference);
}

TEST_F(ChangeDetectorTest, AnApplicationKeepsItsBlockCacheDuringARun) {
  // The CLI lowers GDAL's process-wide cache while it streams; the GUI (shareBlockCache) keeps
  // it for the map, and gets the same patches.
  const std::int64_t before = gdal::blockCacheBytes();
  ASSERT_GT(before, std::int64_t(64) << 20);
  for (const bool share : {false, true}) {
    std::int64_t smallest = before;
    Feedback feedback([&](double, std::string_view) { smallest = std::min(smallest, gdal::blockCacheBytes()); },
                      std::chrono::milliseconds(0));
    change::ChangeParameters params;
    params.shareBlockCache = share;
    auto summary = change::detectChanges(inputs(share ? "shared_cache.gpkg" : "own_cache.gpkg"), params, feedback);
    ASSERT_TRUE(summary) << summary.error().text();
    EXPECT_GT(summary->patches, 10);
    if (share)
      EXPECT_EQ(smallest, before);
    else
      EXPECT_LE(smallest, std::int64_t(64) << 20);
    EXPECT_EQ(gdal::blockCacheBytes(), before);  // restored after the run
  }
}

TEST_F(ChangeDetectorTest, WithoutACroplandLayerEveryPixelIsACandidate) {
  auto in = inputs("nocropland.gpkg");
  in.cropland = {};
  auto params = change::ChangeParameters::fromValues({});
  Feedback feedback;
  auto summary = change::detectChanges(in, *params, feedback);
  ASSERT_TRUE(summary) << summary.error().text();
  EXPECT_GT(summary->patches, 10);
  const auto features = read(in.output, "change_patches", {"QDLBM", "ZLDWDM"});
  ASSERT_EQ(int(features.size()), summary->patches);
  for (const auto& f : features) {
    EXPECT_EQ(std::get<std::string>(f.attributes[0]), "");  // no before class without a DLTB layer
    EXPECT_EQ(std::get<std::string>(f.attributes[1]).size(), 12u);
  }
}

TEST_F(ChangeDetectorTest, AnExistingOutputIsKeptUnlessOverwriting) {
  const auto in = inputs("existing.gpkg");
  { std::ofstream(in.output) << "user data"; }
  auto params = change::ChangeParameters::fromValues({});
  Feedback feedback;
  auto refused = change::detectChanges(in, *params, feedback);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().text().find("existing.gpkg"), std::string::npos);
  EXPECT_EQ(test::readFile(in.output), "user data");
  auto again = in;
  again.overwrite = true;
  EXPECT_TRUE(change::detectChanges(again, *params, feedback));
  EXPECT_NE(test::readFile(in.output), "user data");
}

TEST_F(ChangeDetectorTest, AMissingNirBandIsNamedAndNothingIsWritten) {
  auto in = inputs("nonir.gpkg");
  in.afterBands = "nir=0";
  auto params = change::ChangeParameters::fromValues({});
  Feedback feedback;
  auto result = change::detectChanges(in, *params, feedback);
  ASSERT_FALSE(result);
  EXPECT_FALSE(std::filesystem::exists(in.output));
}

TEST_F(ChangeDetectorTest, CancelLeavesNothingBehind) {
  const auto in = inputs("canceled.gpkg");
  auto params = change::ChangeParameters::fromValues({});
  Feedback feedback;
  feedback.cancel();
  auto result = change::detectChanges(in, *params, feedback);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::Canceled);
  EXPECT_FALSE(std::filesystem::exists(in.output));
  for (const auto& entry : std::filesystem::directory_iterator(s_dir->path()))
    EXPECT_EQ(entry.path().filename().string().find("canceled.gpkg"), std::string::npos) << entry.path();
}
