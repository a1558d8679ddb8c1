#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "onemap/change/radiometry.h"

using namespace onemap::change;

TEST(Radiometry, RecoversGainAndOffsetDespiteRealChange) {
  // After = (before - offset) / gain on 80 % of the pixels; 20 % changed to something else.
  const std::size_t n = 20000;
  std::mt19937 random(7);
  std::uniform_real_distribution<float> value(150.f, 800.f);
  std::vector<float> before(4 * n), after(4 * n);
  const double gains[4] = {0.9, 0.95, 1.1, 0.85};
  const double offsets[4] = {-10, 5, 12, -20};
  for (std::size_t i = 0; i < n; ++i) {
    const bool changed = i % 5 == 0;
    for (std::size_t b = 0; b < 4; ++b) {
      before[b * n + i] = value(random);
      after[b * n + i] = changed ? value(random) : float((before[b * n + i] - offsets[b]) / gains[b]);
    }
  }
  const Normalization fit = fitNormalization(before, after, n);
  for (std::size_t b = 0; b < 4; ++b) {
    EXPECT_NEAR(fit.bands[b].gain, gains[b], 0.01) << b;
    EXPECT_NEAR(fit.bands[b].offset, offsets[b], 3.0) << b;
  }
  EXPECT_GT(fit.invariantPixels, n / 4);
}

TEST(Radiometry, TooFewValidPixelsLeavesTheIdentity) {
  std::vector<float> before(4 * 4, NAN), after(4 * 4, 1.0f);
  const Normalization fit = fitNormalization(before, after, 4);
  EXPECT_DOUBLE_EQ(fit.bands[0].gain, 1.0);
  EXPECT_EQ(fit.invariantPixels, 0u);
}

TEST(Radiometry, OtsuSplitsTwoModes) {
  std::vector<float> values;
  for (int i = 0; i < 900; ++i) values.push_back(0.05f + 0.0001f * float(i % 100));
  for (int i = 0; i < 100; ++i) values.push_back(0.6f + 0.001f * float(i));
  const float t = otsuThreshold(values, 2.0f);
  EXPECT_GT(t, 0.06f);
  EXPECT_LT(t, 0.6f);
}
