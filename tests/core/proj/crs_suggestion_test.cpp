#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "onemap/proj/crs_description.h"

namespace op = onemap::proj;

TEST(SuggestCrs, LonLatInsideChinaSuggestsCgcs2000Geographic) {
  const auto s = op::suggestCrsFromCoordinates(116.9, 31.8, 117.3, 32.2);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->epsg, 4490);
  ASSERT_FALSE(s->candidates.empty());
  EXPECT_EQ(s->candidates.front(), 4326);
  EXPECT_NE(s->reasonEn.find("EPSG:4490"), std::string::npos);
  EXPECT_NE(s->reasonZh.find("经纬度"), std::string::npos);
}

TEST(SuggestCrs, EightDigitEastingSuggestsTheThreeDegreeZoneItsPrefixNames) {
  const auto s = op::suggestCrsFromCoordinates(39480000.0, 3530000.0, 39520000.0, 3560000.0);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->epsg, 4527);
  ASSERT_EQ(s->candidates.size(), 1U);
  EXPECT_EQ(s->candidates.front(), 4548);  // the same zone without the prefix
  EXPECT_NE(s->reasonEn.find("zone 39"), std::string::npos);
  EXPECT_NE(s->reasonEn.find("117°E"), std::string::npos);
  EXPECT_NE(s->reasonZh.find("第39带"), std::string::npos);
}

TEST(SuggestCrs, EightDigitEastingWithSixDegreeZoneSuggestsSixDegreeCode) {
  const auto s = op::suggestCrsFromCoordinates(20400000.0, 3500000.0, 20600000.0, 3600000.0);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->epsg, 4498);  // 6° zone 20, CM 117°E
  EXPECT_EQ(s->candidates.front(), 4509);
}

TEST(SuggestCrs, EightDigitEastingWithImpossiblePrefixSuggestsNothing) {
  EXPECT_FALSE(op::suggestCrsFromCoordinates(24500000.0, 3500000.0, 24510000.0, 3510000.0));
  EXPECT_FALSE(op::suggestCrsFromCoordinates(50500000.0, 3500000.0, 50510000.0, 3510000.0));
  // Spanning two zones, or far from the false easting inside the zone.
  EXPECT_FALSE(op::suggestCrsFromCoordinates(39900000.0, 3500000.0, 40100000.0, 3510000.0));
  EXPECT_FALSE(op::suggestCrsFromCoordinates(39010000.0, 3500000.0, 39020000.0, 3510000.0));
}

TEST(SuggestCrs, SixDigitEastingWithLongitudeHintSuggestsThatZone) {
  const auto s = op::suggestCrsFromCoordinates(480000.0, 3530000.0, 520000.0, 3560000.0, 118.7);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->epsg, 4549);
  EXPECT_EQ(s->candidates, (std::vector<int>{4548, 4550}));
  EXPECT_NE(s->reasonEn.find("120°E"), std::string::npos);
  const auto at117 = op::suggestCrsFromCoordinates(480000.0, 3530000.0, 520000.0, 3560000.0, 117.2);
  ASSERT_TRUE(at117.has_value());
  EXPECT_EQ(at117->epsg, 4548);
  EXPECT_EQ(at117->candidates, (std::vector<int>{4547, 4549, 4509}));
}

TEST(SuggestCrs, SixDigitEastingWithoutHintListsAllThreeDegreeZones) {
  const auto s = op::suggestCrsFromCoordinates(480000.0, 3530000.0, 520000.0, 3560000.0);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->epsg, 0);
  ASSERT_EQ(s->candidates.size(), 21U);
  EXPECT_EQ(s->candidates.front(), 4534);
  EXPECT_EQ(s->candidates.back(), 4554);
  EXPECT_NE(s->reasonEn.find("central meridian"), std::string::npos);
  EXPECT_NE(s->reasonZh.find("中央经线"), std::string::npos);
}

TEST(SuggestCrs, GarbageCoordinatesSuggestNothing) {
  EXPECT_FALSE(op::suggestCrsFromCoordinates(0.0, 0.0, 1.0, 1.0));  // pixel space
  EXPECT_FALSE(op::suggestCrsFromCoordinates(-120.0, 30.0, -119.0, 31.0));  // America
  EXPECT_FALSE(op::suggestCrsFromCoordinates(480000.0, 10.0, 520000.0, 20.0));  // bad northing
  EXPECT_FALSE(op::suggestCrsFromCoordinates(1.2e7, 3.0e6, 1.3e7, 3.1e6));  // Web Mercator
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(op::suggestCrsFromCoordinates(nan, 30.0, 117.0, 31.0));
}

TEST(SuggestCrs, SwappedCornersAreNormalised) {
  const auto s = op::suggestCrsFromCoordinates(117.3, 32.2, 116.9, 31.8);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->epsg, 4490);
}
