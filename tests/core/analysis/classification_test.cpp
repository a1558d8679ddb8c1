#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <random>

#include "onemap/analysis/classification.h"

using namespace onemap;
using namespace onemap::analysis;

namespace {

std::vector<double> breaksOf(const Result<std::vector<double>>& result) {
  EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().text());
  return result ? *result : std::vector<double>{};
}

/// Sum of squared deviations from the class means for `breaks` (the quantity Jenks minimises).
double withinClassVariance(std::vector<double> values, const std::vector<double>& breaks) {
  std::vector<std::vector<double>> classes(breaks.size() - 1);
  for (double v : values) classes[std::size_t(classIndex(v, breaks))].push_back(v);
  double total = 0.0;
  for (const auto& c : classes) {
    if (c.empty()) continue;
    double mean = 0.0;
    for (double v : c) mean += v;
    mean /= double(c.size());
    for (double v : c) total += (v - mean) * (v - mean);
  }
  return total;
}

}  // namespace

TEST(EqualInterval, SplitsTheRangeIntoEqualWidths) {
  const std::vector<double> values{3, 7, 10, 23, 0, 15};
  EXPECT_EQ(breaksOf(equalIntervalBreaks(values, 4)), (std::vector<double>{0, 5.75, 11.5, 17.25, 23}));
  EXPECT_EQ(breaksOf(equalIntervalBreaks(values, 1)), (std::vector<double>{0, 23}));
}

TEST(EqualInterval, IgnoresNaNAndInfinity) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> values{nan, 10, inf, 20, -inf};
  EXPECT_EQ(breaksOf(equalIntervalBreaks(values, 2)), (std::vector<double>{10, 15, 20}));
}

TEST(EqualInterval, AConstantGivesOneClass) {
  const std::vector<double> values{5, 5, 5};
  EXPECT_EQ(breaksOf(equalIntervalBreaks(values, 3)), (std::vector<double>{5, 5}));
  EXPECT_EQ(classIndex(5, std::vector<double>{5, 5}), 0);
}

TEST(Quantile, InterpolatesLikeRAndNumPy) {
  std::vector<double> values;
  for (int i = 10; i >= 1; --i) values.push_back(i);  // order must not matter
  EXPECT_EQ(breaksOf(quantileBreaks(values, 4)), (std::vector<double>{1, 3.25, 5.5, 7.75, 10}));
  const std::vector<double> pi{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
  EXPECT_EQ(breaksOf(quantileBreaks(pi, 3)), (std::vector<double>{1, 3, 5, 9}));
}

TEST(Quantile, TiesMergeClasses) {
  const std::vector<double> values{1, 1, 1, 1, 1, 2};
  EXPECT_EQ(breaksOf(quantileBreaks(values, 2)), (std::vector<double>{1, 2}));
  // A top class made of the maximum alone is kept.
  const std::vector<double> top{1, 2, 2, 2, 2, 2};
  EXPECT_EQ(breaksOf(quantileBreaks(top, 2)), (std::vector<double>{1, 2, 2}));
  EXPECT_EQ(classIndex(1, std::vector<double>{1, 2, 2}), 0);
  EXPECT_EQ(classIndex(2, std::vector<double>{1, 2, 2}), 1);
}

TEST(NaturalBreaks, MatchesBruteForceOnKnownSets) {
  // Expected breaks found by trying every split (a Python brute force) - each inner break is the
  // smallest value of the class above it.
  EXPECT_EQ(breaksOf(naturalBreaks(std::vector<double>{1, 2, 4, 5, 7, 9, 10, 20}, 3)),
            (std::vector<double>{1, 7, 20, 20}));
  EXPECT_EQ(breaksOf(naturalBreaks(std::vector<double>{1, 1, 2, 2, 3, 10, 11, 12, 30, 31}, 3)),
            (std::vector<double>{1, 10, 30, 31}));
  EXPECT_EQ(breaksOf(naturalBreaks(std::vector<double>{7, 2, 15, 4, 4, 28, 3, 16, 25, 9, 1, 30}, 4)),
            (std::vector<double>{1, 7, 15, 25, 30}));
  EXPECT_EQ(breaksOf(naturalBreaks(std::vector<double>{0.5, 1.5, 1.6, 2.0, 8, 8.5, 9, 15, 16, 40}, 2)),
            (std::vector<double>{0.5, 40, 40}));
}

TEST(NaturalBreaks, AnOutlierGetsItsOwnTopClass) {
  const std::vector<double> breaks{1, 7, 20, 20};
  EXPECT_EQ(classIndex(10, breaks), 1);
  EXPECT_EQ(classIndex(20, breaks), 2);
  EXPECT_EQ(classIndex(0.5, breaks), -1);
  EXPECT_EQ(classIndex(21, breaks), -1);
}

TEST(NaturalBreaks, FewerDistinctValuesThanClassesGiveOneClassEach) {
  EXPECT_EQ(breaksOf(naturalBreaks(std::vector<double>{3, 1, 3, 1, 2}, 5)), (std::vector<double>{1, 2, 3, 3}));
}

TEST(NaturalBreaks, IsNoWorseThanEqualIntervalOrQuantile) {
  std::mt19937 random(7);
  std::lognormal_distribution<double> area(6.0, 1.0);
  std::vector<double> values(2000);
  for (double& v : values) v = std::round(area(random));
  const auto jenks = breaksOf(naturalBreaks(values, 5));
  ASSERT_EQ(jenks.size(), 6u);
  const double best = withinClassVariance(values, jenks);
  EXPECT_LE(best, withinClassVariance(values, breaksOf(equalIntervalBreaks(values, 5))));
  EXPECT_LE(best, withinClassVariance(values, breaksOf(quantileBreaks(values, 5))));
}

TEST(NaturalBreaks, SamplingManyDistinctValuesStillFindsTheGap) {
  std::vector<double> values;
  for (int i = 0; i < 1000; ++i) values.push_back(i);
  for (int i = 0; i < 1000; ++i) values.push_back(5000 + i);
  const auto sampled = breaksOf(naturalBreaks(values, 2, 101));
  ASSERT_EQ(sampled.size(), 3u);
  EXPECT_EQ(sampled.front(), 0);
  EXPECT_EQ(sampled.back(), 5999);
  // The picks straddle the gap (every ~20th value); refinement finds the exact break.
  EXPECT_EQ(sampled[1], 5000);
}

TEST(Classification, RejectsNoValuesAndZeroClasses) {
  const std::vector<double> none;
  EXPECT_EQ(quantileBreaks(none, 3).error().code, ErrorCode::InvalidInput);
  const std::vector<double> some{1, 2};
  EXPECT_EQ(naturalBreaks(some, 0).error().code, ErrorCode::InvalidInput);
  EXPECT_EQ(computeBreaks(ClassificationMethod::EqualInterval, some, 2).value(), (std::vector<double>{1, 1.5, 2}));
}

TEST(UniqueValues, CountsAndSortsNumbersNumericallyBeforeText) {
  const std::vector<std::string> values{"10", "2", "水田", "0101", "2", "", "旱地", "10", "2"};
  const auto unique = uniqueValues(values);
  ASSERT_EQ(unique.size(), 6u);
  EXPECT_EQ(unique[0].value, "2");
  EXPECT_EQ(unique[0].count, 3);
  EXPECT_EQ(unique[1].value, "10");
  EXPECT_EQ(unique[1].count, 2);
  EXPECT_EQ(unique[2].value, "0101");
  EXPECT_EQ(unique[3].value, "");
  EXPECT_EQ(unique[4].value, "旱地");
  EXPECT_EQ(unique[5].value, "水田");
}

TEST(NaturalBreaks, ACountySizedFieldClassifiesQuickly) {
  // 274 000 parcel areas (about the sample county's DLTB): sampled, so well under a second.
  std::mt19937 random(11);
  std::lognormal_distribution<double> area(7.0, 1.2);
  std::vector<double> values(274000);
  for (double& v : values) v = area(random);
  const auto start = std::chrono::steady_clock::now();
  const auto breaks = breaksOf(naturalBreaks(values, 7));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(breaks.size(), 8u);
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 3000);
}
