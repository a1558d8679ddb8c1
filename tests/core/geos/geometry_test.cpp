#include <gtest/gtest.h>

#include <string>

#include "onemap/geos/geometry.h"

namespace onemap::geos {
namespace {

constexpr const char* kBowTie = "POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))";

TEST(Geometry, DefaultIsNullAndEmpty) {
  Geometry geometry;
  EXPECT_TRUE(geometry.isNull());
  EXPECT_TRUE(geometry.isEmpty());
  EXPECT_FALSE(geometry.isValid());
  EXPECT_TRUE(geometry.toWkb().empty());
}

TEST(Geometry, SquareFromWktHasAreaExtentAndType) {
  auto square = Geometry::fromWkt("POLYGON((0 0, 20 0, 20 10, 0 10, 0 0))");
  ASSERT_TRUE(square) << square.error().text();
  EXPECT_DOUBLE_EQ(square->area(), 200.0);
  EXPECT_EQ(square->extent(), Extent(0, 0, 20, 10));
  EXPECT_EQ(square->typeName(), "Polygon");
  EXPECT_TRUE(square->isPolygonal());
  EXPECT_TRUE(square->isValid());
  EXPECT_EQ(square->invalidReason(), "");
  EXPECT_FALSE(square->isEmpty());
}

TEST(Geometry, WktIsWrittenTrimmedWithRequestedPrecision) {
  auto point = Geometry::fromWkt("POINT (120.123456789 30.5)");
  ASSERT_TRUE(point);
  EXPECT_EQ(point->toWkt(3), "POINT (120.123 30.5)");
  auto square = Geometry::fromWkt("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))");
  ASSERT_TRUE(square);
  EXPECT_EQ(square->toWkt(), "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
}

TEST(Geometry, MalformedWktIsInvalidInput) {
  auto bad = Geometry::fromWkt("POLYGON((0 0, 1 1");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::InvalidInput);
}

TEST(Geometry, WkbRoundTripKeepsCoordinatesAndType) {
  auto original =
      Geometry::fromWkt("MULTIPOLYGON(((0 0, 4 0, 4 4, 0 4, 0 0)),((10 10, 12 10, 12 13, 10 10)))");
  ASSERT_TRUE(original);
  const auto wkb = original->toWkb();
  ASSERT_FALSE(wkb.empty());
  EXPECT_EQ(wkb[0], 1);  // little-endian
  EXPECT_EQ(wkb[1], 6);  // ISO type code 6 = MultiPolygon
  auto copy = Geometry::fromWkb(wkb);
  ASSERT_TRUE(copy) << copy.error().text();
  EXPECT_EQ(copy->typeName(), "MultiPolygon");
  EXPECT_EQ(copy->toWkt(), original->toWkt());
  EXPECT_DOUBLE_EQ(copy->area(), 16.0 + 3.0);
}

TEST(Geometry, WkbOfThreeDimensionalPointUsesIsoZCode) {
  auto point = Geometry::fromWkt("POINT Z (1 2 3)");
  ASSERT_TRUE(point);
  const auto wkb = point->toWkb();
  ASSERT_EQ(wkb.size(), 1u + 4u + 3u * 8u);
  EXPECT_EQ(wkb[1] | (wkb[2] << 8), 1001);  // ISO PointZ
  auto copy = Geometry::fromWkb(wkb);
  ASSERT_TRUE(copy);
  EXPECT_EQ(copy->toWkt(), "POINT Z (1 2 3)");
}

TEST(Geometry, TruncatedWkbIsInvalidInput) {
  auto point = Geometry::fromWkt("POINT (1 2)");
  ASSERT_TRUE(point);
  auto wkb = point->toWkb();
  wkb.resize(wkb.size() - 4);
  auto bad = Geometry::fromWkb(wkb);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::InvalidInput);
  auto empty = Geometry::fromWkb({});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::InvalidInput);
}

TEST(Geometry, BowTieIsInvalidWithSelfIntersectionReason) {
  auto bowTie = Geometry::fromWkt(kBowTie);
  ASSERT_TRUE(bowTie);
  EXPECT_FALSE(bowTie->isValid());
  const std::string reason = bowTie->invalidReason();
  EXPECT_NE(reason.find("Self-intersection"), std::string::npos) << reason;
  EXPECT_NE(reason.find("5 5"), std::string::npos) << reason;
}

TEST(Geometry, MakeValidBowTieKeepsBothTrianglesAsMultiPolygon) {
  auto bowTie = Geometry::fromWkt(kBowTie);
  ASSERT_TRUE(bowTie);
  auto fixed = bowTie->makeValid();
  ASSERT_TRUE(fixed) << fixed.error().text();
  EXPECT_TRUE(fixed->isValid());
  EXPECT_EQ(fixed->typeName(), "MultiPolygon");
  // Two triangles with base 10 and height 5: 25 + 25.
  EXPECT_NEAR(fixed->area(), 50.0, 1e-9);
  EXPECT_EQ(fixed->extent(), Extent(0, 0, 10, 10));
}

TEST(Geometry, MakeValidOfValidGeometryReturnsAnEqualCopy) {
  auto square = Geometry::fromWkt("POLYGON((0 0, 3 0, 3 3, 0 3, 0 0))");
  ASSERT_TRUE(square);
  auto same = square->makeValid();
  ASSERT_TRUE(same);
  EXPECT_NE(same->handle(), square->handle());
  EXPECT_EQ(same->toWkt(), square->toWkt());
}

TEST(Geometry, MakeValidOfPolygonWithSpikeStaysPolygonal) {
  // A square with a zero-width spike: the collapsed spike is dropped, the polygon kept.
  auto spiky = Geometry::fromWkt("POLYGON((0 0, 10 0, 10 10, 5 10, 5 20, 5 10, 0 10, 0 0))");
  ASSERT_TRUE(spiky);
  EXPECT_FALSE(spiky->isValid());
  auto fixed = spiky->makeValid();
  ASSERT_TRUE(fixed) << fixed.error().text();
  EXPECT_TRUE(fixed->isValid());
  EXPECT_TRUE(fixed->isPolygonal());
  EXPECT_NEAR(fixed->area(), 100.0, 1e-9);
}

TEST(Geometry, MakeValidOfPolygonWithOverlappingHoleIsValidAndPolygonal) {
  auto polygon = Geometry::fromWkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0),(5 5, 15 5, 15 15, 5 15, 5 5))");
  ASSERT_TRUE(polygon);
  EXPECT_FALSE(polygon->isValid());
  auto fixed = polygon->makeValid();
  ASSERT_TRUE(fixed);
  EXPECT_TRUE(fixed->isValid());
  EXPECT_TRUE(fixed->isPolygonal());
  EXPECT_NEAR(fixed->area(), 75.0, 1e-9);
}

TEST(Geometry, MoveTransfersOwnership) {
  auto square = Geometry::fromWkt("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))");
  ASSERT_TRUE(square);
  Geometry moved = std::move(*square);
  EXPECT_TRUE(square->isNull());
  EXPECT_DOUBLE_EQ(moved.area(), 1.0);
  Geometry target;
  target = std::move(moved);
  EXPECT_TRUE(moved.isNull());
  EXPECT_DOUBLE_EQ(target.area(), 1.0);
  EXPECT_TRUE(target.clone().isValid());
}

TEST(Geometry, EmptyGeometryHasEmptyExtentAndZeroArea) {
  auto empty = Geometry::fromWkt("POLYGON EMPTY");
  ASSERT_TRUE(empty);
  EXPECT_FALSE(empty->isNull());
  EXPECT_TRUE(empty->isEmpty());
  EXPECT_TRUE(empty->extent().isEmpty());
  EXPECT_EQ(empty->area(), 0.0);
}

}  // namespace
}  // namespace onemap::geos
