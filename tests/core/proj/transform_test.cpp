#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <thread>
#include <vector>

#include "onemap/proj/transform.h"

namespace op = onemap::proj;
using onemap::ErrorCode;
using onemap::Extent;

namespace {
// Meridian arc of the CGCS2000 ellipsoid at 32°N (numerical integration), the GK northing on the
// central meridian.
constexpr double kNorthingAt32 = 3541852.434;
}  // namespace

TEST(Transform, PointOnCentralMeridianProjectsToFalseEasting) {
  auto t = op::Transform::create("EPSG:4490", "EPSG:4548");
  ASSERT_TRUE(t.has_value()) << t.error().text();
  double x = 117.0;  // longitude first: traditional GIS order
  double y = 32.0;
  ASSERT_TRUE(t->apply(x, y));
  EXPECT_NEAR(x, 500000.0, 1e-6);
  EXPECT_NEAR(y, kNorthingAt32, 0.01);
}

TEST(Transform, ZonePrefixAddsFortyMillionForZone40) {
  auto plain = op::Transform::create("EPSG:4490", "EPSG:4549");
  auto prefixed = op::Transform::create("4490", "EPSG:4528");  // zone 40, CM 120°E
  ASSERT_TRUE(plain.has_value());
  ASSERT_TRUE(prefixed.has_value());
  double x1 = 119.3, y1 = 31.5, x2 = 119.3, y2 = 31.5;
  ASSERT_TRUE(plain->apply(x1, y1));
  ASSERT_TRUE(prefixed->apply(x2, y2));
  EXPECT_NEAR(x2 - x1, 40000000.0, 1e-6);
  EXPECT_NEAR(y2, y1, 1e-6);
  EXPECT_LT(x1, 500000.0);  // west of the central meridian
}

TEST(Transform, XIsEastingAndYIsNorthingWhateverTheEpsgAxisOrder) {
  auto t = op::Transform::create("EPSG:4549", "EPSG:4490");
  ASSERT_TRUE(t.has_value());
  double x = 500000.0;
  double y = kNorthingAt32;
  ASSERT_TRUE(t->apply(x, y));
  EXPECT_NEAR(x, 120.0, 1e-9);  // longitude
  EXPECT_NEAR(y, 32.0, 1e-8);   // latitude (kNorthingAt32 is rounded to the millimetre)
}

TEST(Transform, WebMercatorOfAKnownPoint) {
  auto t = op::Transform::create("EPSG:4326", "EPSG:3857");
  ASSERT_TRUE(t.has_value());
  double x = 120.0;
  double y = 0.0;
  ASSERT_TRUE(t->apply(x, y));
  EXPECT_NEAR(x, 13358338.895, 0.001);
  EXPECT_NEAR(y, 0.0, 1e-6);
}

TEST(Transform, RoundTripBetweenZonesIsExact) {
  auto there = op::Transform::create("EPSG:4548", "EPSG:4549");
  auto back = op::Transform::create("EPSG:4549", "EPSG:4548");
  ASSERT_TRUE(there.has_value());
  ASSERT_TRUE(back.has_value());
  double x = 512345.678;
  double y = 3456789.012;
  ASSERT_TRUE(there->apply(x, y));
  EXPECT_GT(std::abs(x - 512345.678), 100000.0);
  ASSERT_TRUE(back->apply(x, y));
  EXPECT_NEAR(x, 512345.678, 1e-4);
  EXPECT_NEAR(y, 3456789.012, 1e-4);
}

TEST(Transform, ManyPointsAtOnceCountFailures) {
  auto t = op::Transform::create("EPSG:4490", "EPSG:4548");
  ASSERT_TRUE(t.has_value());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> xs{117.0, nan, 117.0};
  std::vector<double> ys{32.0, 30.0, 33.0};
  EXPECT_EQ(t->apply(xs, ys), 1U);
  EXPECT_NEAR(xs[0], 500000.0, 1e-6);
  EXPECT_NEAR(ys[0], kNorthingAt32, 0.01);
  EXPECT_TRUE(std::isinf(xs[1]));
  EXPECT_TRUE(std::isinf(ys[1]));
  EXPECT_NEAR(xs[2], 500000.0, 1e-6);
  EXPECT_GT(ys[2], ys[0] + 110000.0);
}

TEST(Transform, UnpairedValuesCountAsFailures) {
  auto t = op::Transform::create("EPSG:4490", "EPSG:4548");
  ASSERT_TRUE(t.has_value());
  std::vector<double> xs{117.0, 118.0};
  std::vector<double> ys{32.0};
  EXPECT_EQ(t->apply(xs, ys), 1U);
  EXPECT_NEAR(xs[0], 500000.0, 1e-6);
  EXPECT_TRUE(std::isinf(xs[1]));
}

TEST(Transform, SinglePointThatCannotBeTransformedIsReported) {
  auto t = op::Transform::create("EPSG:4490", "EPSG:4548");
  ASSERT_TRUE(t.has_value());
  double x = std::numeric_limits<double>::infinity();
  double y = 32.0;
  EXPECT_FALSE(t->apply(x, y));
  double lon = 117.0;
  double lat = 95.0;  // beyond the pole
  EXPECT_FALSE(t->apply(lon, lat));
}

TEST(Transform, ExtentIsTransformedWithDensifiedEdges) {
  auto t = op::Transform::create("EPSG:4490", "EPSG:4548");
  ASSERT_TRUE(t.has_value());
  const Extent e = t->transformExtent(Extent(116.0, 31.0, 118.0, 33.0));
  ASSERT_FALSE(e.isEmpty());
  // Symmetric about the central meridian; the south-west corner is the westernmost point.
  EXPECT_NEAR(e.centerX(), 500000.0, 1e-3);
  double cornerX = 116.0;
  double cornerY = 33.0;
  ASSERT_TRUE(t->apply(cornerX, cornerY));
  double southWestX = 116.0;
  double southWestY = 31.0;
  ASSERT_TRUE(t->apply(southWestX, southWestY));
  EXPECT_NEAR(e.minX(), southWestX, 1e-3);
  // Parallels bow towards the pole away from the central meridian: the north corners are the
  // highest points, and the middle of the south edge (found only by densifying) the lowest.
  EXPECT_NEAR(e.maxY(), cornerY, 1e-3);
  double midX = 117.0;
  double midY = 31.0;
  ASSERT_TRUE(t->apply(midX, midY));
  EXPECT_LT(midY, southWestY - 100.0);
  EXPECT_NEAR(e.minY(), midY, 1e-3);
  EXPECT_TRUE(t->transformExtent(Extent()).isEmpty());
}

TEST(Transform, InvalidDefinitionIsInvalidInputNamingTheSide) {
  auto badTarget = op::Transform::create("EPSG:4490", "garbage");
  ASSERT_FALSE(badTarget.has_value());
  EXPECT_EQ(badTarget.error().code, ErrorCode::InvalidInput);
  EXPECT_EQ(badTarget.error().context.rfind("target CRS", 0), 0U);
  EXPECT_NE(badTarget.error().context.find("garbage"), std::string::npos);
  auto badSource = op::Transform::create("EPSG:0", "EPSG:4490");
  ASSERT_FALSE(badSource.has_value());
  EXPECT_EQ(badSource.error().code, ErrorCode::InvalidInput);
  EXPECT_EQ(badSource.error().context.rfind("source CRS", 0), 0U);
}

TEST(Transform, MovedTransformKeepsWorking) {
  auto created = op::Transform::create("EPSG:4490", "EPSG:4548");
  ASSERT_TRUE(created.has_value());
  op::Transform moved = std::move(*created);
  double x = 117.0;
  double y = 32.0;
  ASSERT_TRUE(moved.apply(x, y));
  EXPECT_NEAR(x, 500000.0, 1e-6);
}

TEST(ProjThreads, TwoThreadsCreateAndUseTheirOwnTransforms) {
  auto work = [](const char* target, double centralMeridian, double prefix, int* failures) {
    for (int round = 0; round < 20; ++round) {
      auto t = op::Transform::create("EPSG:4490", target);
      if (!t) {
        ++*failures;
        continue;
      }
      for (int i = 0; i < 200; ++i) {
        double x = centralMeridian;
        double y = 30.0 + i * 0.01;
        if (!t->apply(x, y) || std::abs(x - (prefix + 500000.0)) > 1e-6 || y < 3.3e6) ++*failures;
      }
    }
  };
  int failuresA = 0;
  int failuresB = 0;
  std::thread a(work, "EPSG:4548", 117.0, 0.0, &failuresA);
  std::thread b(work, "EPSG:4528", 120.0, 40000000.0, &failuresB);
  a.join();
  b.join();
  EXPECT_EQ(failuresA, 0);
  EXPECT_EQ(failuresB, 0);
}
