// The classical change baselines on small synthetic images with one known changed square, the
// Otsu threshold and morphology on hand-made values, and the chi-square functions against tables.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "onemap/analysis/change_baselines.h"

using namespace onemap::analysis;

namespace {

constexpr int kSize = 64;
constexpr int kSquare0 = 12, kSquare1 = 28;  // the changed square covers [12, 28)², all crops

bool inSquare(int x, int y) { return x >= kSquare0 && x < kSquare1 && y >= kSquare0 && y < kSquare1; }

// Deterministic noise in [-1, 1) from a pixel, band and date.
double noise(int x, int y, int band, int date) {
  std::uint64_t h = std::uint64_t(x) * 73856093u ^ std::uint64_t(y) * 19349663u ^ std::uint64_t(band) * 83492791u ^
                    std::uint64_t(date) * 2654435761u;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return double(h >> 11) / double(1ull << 52) - 1.0;
}

// A scene of crops (left 40 columns) and soil with a brightness gradient and ±40 DN of noise per date; in
// the after date the square has become built-up ground. `bands` is 4 or 6.
struct Scene {
  int bands = 4;
  std::vector<float> before, after;
  explicit Scene(int bandCount = 4) : bands(bandCount) {
    static const double crop[6] = {400, 700, 500, 3000, 1800, 900};
    static const double soil[6] = {900, 1100, 1300, 2000, 2600, 2000};
    static const double built[6] = {1500, 1600, 1800, 2000, 2300, 2100};
    const std::size_t n = std::size_t(kSize) * kSize;
    before.resize(n * bands);
    after.resize(n * bands);
    for (int b = 0; b < bands; ++b)
      for (int y = 0; y < kSize; ++y)
        for (int x = 0; x < kSize; ++x) {
          const double shade = (0.8 + 0.4 * x / (kSize - 1)) * (1.0 + (b % 2 ? 0.1 : -0.1) * y / (kSize - 1));
          const double ground = (x < 40 ? crop[b] : soil[b]) * shade;
          const double later = (inSquare(x, y) ? built[b] * shade : ground);
          const std::size_t i = std::size_t(b) * n + std::size_t(y) * kSize + x;
          before[i] = float(ground + 40.0 * noise(x, y, b, 0));
          after[i] = float(later + 40.0 * noise(x, y, b, 1));
        }
  }
  ImagePair pair() const { return {before, after, kSize, kSize, bands}; }
};

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 0.0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 0.0; }
};

Counts score(const std::vector<std::uint8_t>& mask) {
  Counts c;
  for (int y = 0; y < kSize; ++y)
    for (int x = 0; x < kSize; ++x) {
      const bool flagged = mask[std::size_t(y) * kSize + x] != 0;
      if (inSquare(x, y)) (flagged ? c.tp : c.fn)++;
      else if (flagged) c.fp++;
    }
  return c;
}

}  // namespace

TEST(ChangeBaselines, EachBaselineFindsTheChangedSquare) {
  for (const int bands : {4, 6}) {
    const Scene scene(bands);
    for (const ChangeBaseline baseline : allChangeBaselines()) {
      auto result = detectBaselineChange(baseline, scene.pair());
      ASSERT_TRUE(result) << result.error().text();
      ASSERT_EQ(result->mask.size(), std::size_t(kSize) * kSize);
      const Counts c = score(result->mask);
      EXPECT_GE(c.recall(), 0.95) << changeBaselineName(baseline) << " bands " << bands;
      // IR-MAD's converged weights shrink its no-change variance (see IrMadReweighting... below), so
      // its 0.99 cut also takes many unchanged pixels; it is still far better than chance (0.06).
      const double minPrecision = baseline == ChangeBaseline::IrMad ? 0.1 : 0.8;
      EXPECT_GE(c.precision(), minPrecision) << changeBaselineName(baseline) << " bands " << bands << " fp " << c.fp;
    }
  }
}

TEST(ChangeBaselines, MorphologyRemovesSpecklesAndFillsHoles) {
  std::vector<std::uint8_t> mask(std::size_t(kSize) * kSize, 0);
  for (int y = 10; y < 20; ++y)
    for (int x = 10; x < 20; ++x) mask[std::size_t(y) * kSize + x] = 1;
  mask[std::size_t(15) * kSize + 15] = 0;  // a hole
  mask[std::size_t(40) * kSize + 40] = 1;  // a speckle
  mask[0] = 1;                             // a speckle in the corner
  std::vector<std::uint8_t> opened = mask;
  openMask3x3(opened, kSize, kSize);
  EXPECT_EQ(opened[std::size_t(40) * kSize + 40], 0);
  EXPECT_EQ(opened[0], 0);
  EXPECT_EQ(opened[std::size_t(10) * kSize + 10], 1);  // the square's corner survives opening
  closeMask3x3(opened, kSize, kSize);
  EXPECT_EQ(opened[std::size_t(15) * kSize + 15], 1);
  int count = 0;
  for (const auto v : opened) count += v;
  EXPECT_EQ(count, 100);  // exactly the square, hole filled
}

TEST(ChangeBaselines, IrMadIgnoresALinearRecalibrationOfTheAfterDate) {
  const Scene scene(4);
  Scene recalibrated(4);
  const double gain[4] = {1.3, 0.7, 1.1, 0.9}, offset[4] = {50, -20, 100, 0};
  const std::size_t n = std::size_t(kSize) * kSize;
  for (int b = 0; b < 4; ++b)
    for (std::size_t i = 0; i < n; ++i) {
      float& v = recalibrated.after[std::size_t(b) * n + i];
      v = float(gain[b] * v + offset[b]);
    }
  auto plain = irMadChange(scene.pair());
  auto mapped = irMadChange(recalibrated.pair());
  ASSERT_TRUE(plain && mapped);
  EXPECT_GT(plain->iterations, 1);
  EXPECT_LE(plain->iterations, 30);
  ASSERT_EQ(plain->canonicalCorrelations.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i)
    EXPECT_NEAR(plain->canonicalCorrelations[i], mapped->canonicalCorrelations[i], 1e-5);
  int differing = 0;
  for (std::size_t i = 0; i < n; ++i) differing += plain->mask[i] != mapped->mask[i];
  EXPECT_LE(differing, 2);
  EXPECT_GE(score(mapped->mask).recall(), 0.95);
}

// Plain MAD (one fit, no re-weighting) on Gaussian data without change: the standardised MAD
// variates are chi-square with 4 degrees of freedom, so the 0.99 cut takes about 1 % of the pixels.
// Nielsen's re-weighting estimates the MAD variances with weights P(no change), which favour the
// pixels whose MAD is small; the estimate shrinks (to about 0.3 of the true variance for 4 bands at
// the fixed point) and the same cut then takes 30-45 % of unchanged pixels. This pins both.
TEST(ChangeBaselines, IrMadReweightingShrinksTheNoChangeVariance) {
  constexpr int kSide = 160;
  const std::size_t n = std::size_t(kSide) * kSide;
  const auto gauss = [](int i, int k, int date) {
    const double u1 = 0.5 * (noise(i % 997, i / 997, k, date + 7) + 1.0) + 1e-12;
    const double u2 = 0.5 * (noise(i % 991, i / 991, k + 11, date + 9) + 1.0);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  };
  std::vector<float> before(n * 4), after(n * 4);
  for (std::size_t i = 0; i < n; ++i) {
    const double s1 = 10.0 * gauss(int(i), 20, 0), s2 = 5.0 * gauss(int(i), 21, 0);
    for (int k = 0; k < 4; ++k) {
      const double signal = 100.0 + (k + 1) * s1 + (k % 2 ? s2 : -s2);
      before[std::size_t(k) * n + i] = float(signal + gauss(int(i), k, 1));
      after[std::size_t(k) * n + i] = float(signal + gauss(int(i), k, 2));
    }
  }
  const ImagePair pair{before, after, kSide, kSide, 4};
  const auto flaggedShare = [&](int iterations) {
    IrMadOptions options;
    options.maxIterations = iterations;
    auto result = irMadChange(pair, options);
    EXPECT_TRUE(result);
    std::size_t flagged = 0;
    for (const auto v : result->mask) flagged += v;
    return double(flagged) / double(n);
  };
  EXPECT_NEAR(flaggedShare(1), 0.01, 0.003);
  const double converged = flaggedShare(30);
  EXPECT_GT(converged, 0.3);
  EXPECT_LT(converged, 0.45);
}

TEST(ChangeBaselines, PixelsWithoutDataAreNeverChanged) {
  Scene scene(4);
  const std::size_t n = std::size_t(kSize) * kSize, inside = std::size_t(20) * kSize + 20;
  scene.before[inside] = std::numeric_limits<float>::quiet_NaN();
  scene.after[3 * n + inside + 1] = std::numeric_limits<float>::quiet_NaN();
  for (const ChangeBaseline baseline : {ChangeBaseline::NdviOtsu, ChangeBaseline::CvaOtsu, ChangeBaseline::IrMad}) {
    auto result = detectBaselineChange(baseline, scene.pair());
    ASSERT_TRUE(result) << result.error().text();
    EXPECT_EQ(result->mask[inside], 0) << changeBaselineName(baseline);
    EXPECT_EQ(result->mask[inside + 1], 0) << changeBaselineName(baseline);
    EXPECT_EQ(result->mask[inside + 2], 1) << changeBaselineName(baseline);
  }
}

TEST(ChangeBaselines, BadInputsAreRefused) {
  const Scene scene(4);
  ImagePair threeBands{std::span<const float>(scene.before).first(3 * kSize * kSize),
                       std::span<const float>(scene.after).first(3 * kSize * kSize), kSize, kSize, 3};
  EXPECT_FALSE(detectBaselineChange(ChangeBaseline::CvaOtsu, threeBands));
  ImagePair wrongSize = scene.pair();
  wrongSize.height = kSize - 1;
  EXPECT_FALSE(detectBaselineChange(ChangeBaseline::IrMad, wrongSize));
  const std::vector<float> empty(std::size_t(kSize) * kSize * 4, std::numeric_limits<float>::quiet_NaN());
  EXPECT_FALSE(detectBaselineChange(ChangeBaseline::NdviOtsu, ImagePair{empty, empty, kSize, kSize, 4}));
  EXPECT_FALSE(detectBaselineChange(ChangeBaseline::IrMad, ImagePair{empty, empty, kSize, kSize, 4}));
  // A constant band has no variance: IR-MAD cannot whiten it.
  std::vector<float> flat = scene.before;
  std::fill(flat.begin(), flat.begin() + kSize * kSize, 7.0f);
  EXPECT_FALSE(detectBaselineChange(ChangeBaseline::IrMad, ImagePair{flat, scene.after, kSize, kSize, 4}));
}

TEST(OtsuThreshold, SplitsTwoGroupsAndIgnoresNaN) {
  std::vector<float> values;
  for (int i = 0; i < 1000; ++i) values.push_back(1.0f + 0.001f * float(i % 50));
  for (int i = 0; i < 200; ++i) values.push_back(5.0f + 0.001f * float(i % 50));
  values.push_back(std::numeric_limits<float>::quiet_NaN());
  values.push_back(std::numeric_limits<float>::infinity());
  const double t = otsuThreshold(values);
  EXPECT_GT(t, 1.05);
  EXPECT_LT(t, 5.0);
  EXPECT_DOUBLE_EQ(otsuThreshold(std::vector<float>(10, 3.0f)), 3.0);
  EXPECT_TRUE(std::isnan(otsuThreshold(std::vector<float>{})));
}

TEST(OtsuThreshold, OutliersAboveThe999thPercentileGoToTheLastBin) {
  std::vector<float> values;
  for (int i = 0; i < 5000; ++i) values.push_back(float(i % 2 == 0 ? 1.0 : 3.0) + 0.0001f * float(i % 7));
  values.push_back(1e9f);  // one wild value would squeeze everything into the first bin of [min, max]
  const double t = otsuThreshold(values);
  EXPECT_GT(t, 1.001);
  EXPECT_LT(t, 3.0);
}

TEST(ChiSquare, MatchesTables) {
  EXPECT_NEAR(chiSquareQuantile(0.99, 4), 13.2767, 1e-4);
  EXPECT_NEAR(chiSquareQuantile(0.99, 6), 16.8119, 1e-4);
  EXPECT_NEAR(chiSquareQuantile(0.95, 1), 3.84146, 1e-5);
  EXPECT_NEAR(chiSquareQuantile(0.95, 2), -2.0 * std::log(0.05), 1e-9);
  EXPECT_NEAR(chiSquareQuantile(0.5, 100), 99.3341, 1e-4);
  EXPECT_NEAR(chiSquareCdf(13.2767, 4), 0.99, 1e-6);
  EXPECT_NEAR(chiSquareCdf(3.0, 3), 0.608375, 1e-6);
  EXPECT_TRUE(std::isnan(chiSquareQuantile(1.0, 4)));
}

TEST(ChiSquare, RegularizedGammaMatchesClosedForms) {
  for (const double x : {0.01, 0.5, 1.0, 2.0, 7.5, 30.0}) {
    EXPECT_NEAR(regularizedGammaP(1.0, x), 1.0 - std::exp(-x), 1e-13) << x;
    EXPECT_NEAR(regularizedGammaP(0.5, x), std::erf(std::sqrt(x)), 1e-13) << x;
    EXPECT_NEAR(regularizedGammaP(2.0, x), 1.0 - std::exp(-x) * (1.0 + x), 1e-13) << x;
  }
  EXPECT_EQ(regularizedGammaP(3.0, 0.0), 0.0);
  EXPECT_EQ(regularizedGammaP(3.0, std::numeric_limits<double>::infinity()), 1.0);
}
