// The engine on a real image pair with a reference: the Landsat-5 TM Nanjing pair (2000-05 /
// 2002-07, 30 m, six bands) and its sparse change labels (Wu, Du & Zhang 2014), against a plain
// CVA + Otsu baseline computed in the same test on the same labelled pixels.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "onemap/analysis/change_evaluation.h"
#include "onemap/change/change_detector.h"
#include "onemap/change/radiometry.h"
#include "onemap/raster/raster_source.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

struct NanjingPair {
  std::filesystem::path before, after, reference;
};

std::optional<NanjingPair> nanjing() {
  const auto dir = test::sharedDataDir() / "landsat_nanjing";
  NanjingPair p{dir / "nanjing_L5TM_2000-05-03_6band_utm50n.tif", dir / "nanjing_L5TM_2002-07-12_6band_utm50n.tif",
                dir / "nanjing_reference_0unlabeled_1unchanged_2changed.tif"};
  if (test::sharedDataDir().empty() || !std::filesystem::exists(p.before) || !std::filesystem::exists(p.after) ||
      !std::filesystem::exists(p.reference))
    return std::nullopt;
  return p;
}

std::vector<float> readAll(const std::filesystem::path& file, int& width, int& height, int& bands) {
  auto source = raster::RasterSource::open(file);
  EXPECT_TRUE(source) << (source ? "" : source.error().text());
  if (!source) return {};
  width = source->grid().width;
  height = source->grid().height;
  bands = source->bandCount();
  std::vector<int> all(static_cast<std::size_t>(bands));
  std::iota(all.begin(), all.end(), 1);
  std::vector<float> values;
  EXPECT_TRUE(source->read({0, 0, width, height}, all, values));
  return values;
}

/// The textbook baseline: change vector magnitude over all bands of the raw images, changed
/// where it is above Otsu's threshold of the whole scene; scored on the reference's labelled pixels.
analysis::PixelScores plainCvaOtsu(const NanjingPair& pair) {
  int w = 0, h = 0, n = 0, rw = 0, rh = 0, rn = 0;
  const std::vector<float> before = readAll(pair.before, w, h, n);
  int aw = 0, ah = 0, an = 0;
  const std::vector<float> after = readAll(pair.after, aw, ah, an);
  const std::vector<float> reference = readAll(pair.reference, rw, rh, rn);
  EXPECT_EQ(aw, w);
  EXPECT_EQ(an, n);
  EXPECT_EQ(rw, w);
  const std::size_t pixels = std::size_t(w) * std::size_t(h);
  std::vector<float> magnitude(pixels);
  for (std::size_t i = 0; i < pixels; ++i) {
    double sum = 0;
    for (int b = 0; b < n; ++b) {
      const double d = double(after[std::size_t(b) * pixels + i]) - before[std::size_t(b) * pixels + i];
      sum += d * d;
    }
    magnitude[i] = float(std::sqrt(sum));
  }
  const float upper = *std::max_element(magnitude.begin(), magnitude.end());
  const float threshold = change::otsuThreshold(magnitude, upper);
  analysis::PixelScores s;
  for (std::size_t i = 0; i < pixels; ++i) {
    const bool changed = magnitude[i] > threshold;
    if (reference[i] == 2) (changed ? s.truePositives : s.falseNegatives) += 1;
    else if (reference[i] == 1) (changed ? s.falsePositives : s.trueNegatives) += 1;
  }
  analysis::computeScores(s);
  return s;
}

analysis::PixelScores engine(const NanjingPair& pair, const std::filesystem::path& out, bool allChange,
                             change::ChangeSummary* summaryOut = nullptr) {
  change::ChangeInputs in;
  in.before = pair.before;
  in.after = pair.after;
  in.output = out;
  auto parameters = change::ChangeParameters::fromValues({{"all-change", allChange ? "true" : "false"}});
  EXPECT_TRUE(parameters);
  Feedback feedback;
  auto summary = change::detectChanges(in, *parameters, feedback);
  EXPECT_TRUE(summary) << (summary ? "" : summary.error().text());
  if (!summary) return {};
  if (summaryOut != nullptr) *summaryOut = *summary;
  analysis::ChangeEvaluationOptions options;
  options.truth = {pair.reference, ""};
  options.patches = {out, "change_patches"};
  auto evaluation = analysis::evaluateChange(options);
  EXPECT_TRUE(evaluation) << (evaluation ? "" : evaluation.error().text());
  return evaluation ? evaluation->pixels : analysis::PixelScores{};
}

}  // namespace

TEST(LandsatNanjing, TheEngineBeatsPlainCvaOtsuOnTheLabelledPixels) {
  const auto pair = nanjing();
  if (!pair) GTEST_SKIP() << "data-samples/landsat_nanjing not present";
  test::TempDir dir;
  const analysis::PixelScores baseline = plainCvaOtsu(*pair);
  change::ChangeSummary summary;
  const analysis::PixelScores all = engine(*pair, dir.path() / "all.gpkg", true, &summary);
  const analysis::PixelScores conversions = engine(*pair, dir.path() / "conversions.gpkg", false);
  RecordProperty("baseline_f1", std::to_string(baseline.f1));
  RecordProperty("engine_all_change_f1", std::to_string(all.f1));
  RecordProperty("engine_conversions_f1", std::to_string(conversions.f1));
  std::printf("Nanjing labelled pixels: plain CVA + Otsu P %.3f R %.3f F1 %.3f; engine (all change) P %.3f R %.3f F1 "
              "%.3f; engine (conversions only) P %.3f R %.3f F1 %.3f\n",
              baseline.precision, baseline.recall, baseline.f1, all.precision, all.recall, all.f1,
              conversions.precision, conversions.recall, conversions.f1);
  // Every labelled pixel is scored by both: the same 2 363 changed and 12 393 unchanged pixels.
  EXPECT_EQ(baseline.truePositives + baseline.falseNegatives, 2363);
  EXPECT_EQ(all.truePositives + all.falseNegatives, 2363);
  EXPECT_EQ(baseline.falsePositives + baseline.trueNegatives, 12393);
  EXPECT_EQ(all.falsePositives + all.trueNegatives, 12393);
  // The six TM bands are all compared (SWIR carries most of the separation here).
  EXPECT_EQ(summary.bands, (std::vector<std::string>{"blue", "green", "red", "nir", "swir1", "swir2"}));
  EXPECT_NEAR(baseline.f1, 0.746, 0.01);  // the textbook figure on this pair, for reference
  // The engine must win, clearly: normalisation, SWIR, clean-up and the phenology rule.
  EXPECT_GT(all.f1, baseline.f1 + 0.04);
  EXPECT_GT(all.precision, baseline.precision);
  EXPECT_GT(all.recall, 0.75);
  // Conversions of cropland only are a part of the labelled change: precise, but far from complete.
  EXPECT_GT(conversions.precision, 0.8);
  EXPECT_LT(conversions.recall, all.recall);
}
