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
constexpr int kSquare0 = 12, kSquare1 = 28;  // the changed square covers [12, 28)², all crops (6.25 % of pixels)
constexpr int kSmallSquare1 = 20;            // a smaller one, [12, 20)² (1.6 %)

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
// the after date the square [kSquare0, `squareEnd`)² has become built-up ground. `bands` is 4 or 6.
struct Scene {
  int bands = 4;
  int squareEnd = kSquare1;
  std::vector<float> before, after;
  bool inSquare(int x, int y) const { return x >= kSquare0 && x < squareEnd && y >= kSquare0 && y < squareEnd; }
  explicit Scene(int bandCount = 4, int squareEndColumn = kSquare1) : bands(bandCount), squareEnd(squareEndColumn) {
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

Counts score(const std::vector<std::uint8_t>& mask, const Scene& scene) {
  Counts c;
  for (int y = 0; y < kSize; ++y)
    for (int x = 0; x < kSize; ++x) {
      const bool flagged = mask[std::size_t(y) * kSize + x] != 0;
      if (scene.inSquare(x, y)) (flagged ? c.tp : c.fn)++;
      else if (flagged) c.fp++;
    }
  return c;
}

}  // namespace

// MAD's single unweighted fit counts the change in its MAD variances: the large square (6.25 % of
// the pixels, far from the rest) inflates them so much that MAD misses most of it (pinned in
// MadIsOneUnweightedFit), which is what IR-MAD's re-weighting is for. MAD gets the small square.
TEST(ChangeBaselines, EachBaselineFindsTheChangedSquare) {
  for (const int bands : {4, 6})
    for (const ChangeBaseline baseline : allChangeBaselines()) {
      const Scene scene(bands, baseline == ChangeBaseline::Mad ? kSmallSquare1 : kSquare1);
      auto result = detectBaselineChange(baseline, scene.pair());
      ASSERT_TRUE(result) << result.error().text();
      ASSERT_EQ(result->mask.size(), std::size_t(kSize) * kSize);
      const Counts c = score(result->mask, scene);
      EXPECT_GE(c.recall(), 0.95) << changeBaselineName(baseline) << " bands " << bands;
      EXPECT_GE(c.precision(), 0.8) << changeBaselineName(baseline) << " bands " << bands << " fp " << c.fp;
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

namespace {

// IR-MAD (30 fits at most) and MAD (one fit) on a scene and on the same scene with a per-band gain
// and offset applied to the after date: the same correlations and nearly the same mask.
void expectInvariantToARecalibrationOfTheAfterDate(int maxIterations, int squareEnd) {
  const Scene scene(4, squareEnd);
  Scene recalibrated(4, squareEnd);
  const double gain[4] = {1.3, 0.7, 1.1, 0.9}, offset[4] = {50, -20, 100, 0};
  const std::size_t n = std::size_t(kSize) * kSize;
  for (int b = 0; b < 4; ++b)
    for (std::size_t i = 0; i < n; ++i) {
      float& v = recalibrated.after[std::size_t(b) * n + i];
      v = float(gain[b] * v + offset[b]);
    }
  IrMadOptions options;
  options.maxIterations = maxIterations;
  auto plain = irMadChange(scene.pair(), options);
  auto mapped = irMadChange(recalibrated.pair(), options);
  ASSERT_TRUE(plain && mapped);
  if (maxIterations == 1) {
    EXPECT_EQ(plain->iterations, 1);
  } else {
    EXPECT_GT(plain->iterations, 1);
    EXPECT_LE(plain->iterations, maxIterations);
  }
  ASSERT_EQ(plain->canonicalCorrelations.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i)
    EXPECT_NEAR(plain->canonicalCorrelations[i], mapped->canonicalCorrelations[i], 1e-5);
  int differing = 0;
  for (std::size_t i = 0; i < n; ++i) differing += plain->mask[i] != mapped->mask[i];
  EXPECT_LE(differing, 2);
  EXPECT_GE(score(mapped->mask, recalibrated).recall(), 0.95);
}

}  // namespace

TEST(ChangeBaselines, IrMadIgnoresALinearRecalibrationOfTheAfterDate) {
  expectInvariantToARecalibrationOfTheAfterDate(30, kSquare1);
}

TEST(ChangeBaselines, MadIgnoresALinearRecalibrationOfTheAfterDate) {
  expectInvariantToARecalibrationOfTheAfterDate(1, kSmallSquare1);
}

TEST(ChangeBaselines, MadIsOneUnweightedFit) {
  for (const int squareEnd : {kSmallSquare1, kSquare1}) {
    const Scene scene(4, squareEnd);
    IrMadOptions one;
    one.maxIterations = 1;
    auto mad = detectBaselineChange(ChangeBaseline::Mad, scene.pair());
    auto direct = irMadChange(scene.pair(), one);
    auto irMad = detectBaselineChange(ChangeBaseline::IrMad, scene.pair());
    ASSERT_TRUE(mad && direct && irMad);
    EXPECT_EQ(mad->iterations, 1);
    EXPECT_EQ(mad->mask, direct->mask);
    EXPECT_NEAR(mad->threshold, chiSquareQuantile(0.99, 4), 1e-9);
    const Counts c = score(mad->mask, scene);
    EXPECT_GE(c.precision(), 0.8) << "square end " << squareEnd << " fp " << c.fp;
    EXPECT_GE(score(irMad->mask, scene).recall(), 0.95) << "square end " << squareEnd;
    if (squareEnd == kSmallSquare1) EXPECT_GE(c.recall(), 0.95);
    else EXPECT_LT(c.recall(), 0.6);  // the large change inflates the unweighted MAD variances
  }
}

namespace {

// Gaussian data without change: two latent signals seen by 4 bands, independent noise per date.
struct GaussianNoChange {
  static constexpr int kSide = 160;
  static constexpr std::size_t n = std::size_t(kSide) * kSide;
  std::vector<float> before = std::vector<float>(n * 4), after = std::vector<float>(n * 4);
  GaussianNoChange() {
    const auto gauss = [](int i, int k, int date) {
      const double u1 = 0.5 * (noise(i % 997, i / 997, k, date + 7) + 1.0) + 1e-12;
      const double u2 = 0.5 * (noise(i % 991, i / 991, k + 11, date + 9) + 1.0);
      return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    };
    for (std::size_t i = 0; i < n; ++i) {
      const double s1 = 10.0 * gauss(int(i), 20, 0), s2 = 5.0 * gauss(int(i), 21, 0);
      for (int k = 0; k < 4; ++k) {
        const double signal = 100.0 + (k + 1) * s1 + (k % 2 ? s2 : -s2);
        before[std::size_t(k) * n + i] = float(signal + gauss(int(i), k, 1));
        after[std::size_t(k) * n + i] = float(signal + gauss(int(i), k, 2));
      }
    }
  }
  ImagePair pair() const { return {before, after, kSide, kSide, 4}; }
};

double flaggedShare(const ChangeMask& mask) {
  std::size_t flagged = 0;
  for (const auto v : mask.mask) flagged += v;
  return double(flagged) / double(mask.mask.size());
}

}  // namespace

// MAD: the standardised MAD variates of unchanged Gaussian pixels are chi-square with 4 degrees of
// freedom, so the 0.99 cut takes about 1 % of them.
TEST(ChangeBaselines, MadFlagsAboutOnePercentOfUnchangedGaussianPixels) {
  const GaussianNoChange data;
  auto mad = detectBaselineChange(ChangeBaseline::Mad, data.pair());
  ASSERT_TRUE(mad) << mad.error().text();
  EXPECT_GE(flaggedShare(*mad), 0.005);
  EXPECT_LE(flaggedShare(*mad), 0.02);
}

// Nielsen's re-weighting estimates the MAD variances with weights P(no change), which favour the
// pixels whose MAD is small. As published the estimate shrinks to about 0.30 of the true variance
// for 4 bands at the fixed point and the 0.99 cut then takes 30-45 % of unchanged pixels; divided
// by the consistency factor (5/8 for 4 bands) it stays at the true variance and the cut at 1 %.
TEST(ChangeBaselines, IrMadConsistencyCorrectionKeepsTheNoChangeVariance) {
  const GaussianNoChange data;
  const auto run = [&](bool corrected) {
    IrMadOptions options;
    options.consistencyCorrection = corrected;
    auto result = irMadChange(data.pair(), options);
    EXPECT_TRUE(result);
    return result ? *result : ChangeMask{};
  };
  const ChangeMask corrected = run(true);
  EXPECT_LT(corrected.iterations, 30);  // it settled
  EXPECT_NEAR(flaggedShare(corrected), 0.01, 0.004);
  auto viaBaseline = detectBaselineChange(ChangeBaseline::IrMad, data.pair());
  ASSERT_TRUE(viaBaseline);
  EXPECT_EQ(viaBaseline->mask, corrected.mask);
  const double published = flaggedShare(run(false));
  EXPECT_GT(published, 0.3);
  EXPECT_LT(published, 0.45);
}

TEST(ChangeBaselines, IrMadConsistencyFactorMatchesClosedForms) {
  // 2 P(Binomial(p, 1/2) > p/2) for even p.
  EXPECT_NEAR(irMadConsistencyFactor(2), 0.5, 1e-6);
  EXPECT_NEAR(irMadConsistencyFactor(4), 0.625, 1e-6);
  EXPECT_NEAR(irMadConsistencyFactor(6), 0.6875, 1e-6);
  EXPECT_NEAR(irMadConsistencyFactor(8), 2.0 * (56 + 28 + 8 + 1) / 256.0, 1e-6);
  // p = 1: E[z erfc(sqrt(z / 2))] with z chi-square 1 is 1/2 - 1/π, so k = 1 - 2/π.
  EXPECT_NEAR(irMadConsistencyFactor(1), 1.0 - 2.0 / 3.141592653589793, 1e-5);
  EXPECT_TRUE(std::isnan(irMadConsistencyFactor(0)));
}

TEST(ChangeBaselines, PixelsWithoutDataAreNeverChanged) {
  for (const ChangeBaseline baseline :
       {ChangeBaseline::NdviOtsu, ChangeBaseline::CvaOtsu, ChangeBaseline::IrMad, ChangeBaseline::Mad}) {
    const bool small = baseline == ChangeBaseline::Mad;  // see EachBaselineFindsTheChangedSquare
    Scene scene(4, small ? kSmallSquare1 : kSquare1);
    const std::size_t n = std::size_t(kSize) * kSize, inside = std::size_t(small ? 14 : 20) * kSize + (small ? 14 : 20);
    scene.before[inside] = std::numeric_limits<float>::quiet_NaN();
    scene.after[3 * n + inside + 1] = std::numeric_limits<float>::quiet_NaN();
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
  EXPECT_FALSE(detectBaselineChange(ChangeBaseline::Mad, ImagePair{empty, empty, kSize, kSize, 4}));
  // A constant band has no variance: (IR-)MAD cannot whiten it.
  std::vector<float> flat = scene.before;
  std::fill(flat.begin(), flat.begin() + kSize * kSize, 7.0f);
  EXPECT_FALSE(detectBaselineChange(ChangeBaseline::IrMad, ImagePair{flat, scene.after, kSize, kSize, 4}));
  EXPECT_FALSE(detectBaselineChange(ChangeBaseline::Mad, ImagePair{flat, scene.after, kSize, kSize, 4}));
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
