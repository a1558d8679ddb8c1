#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "onemap/proj/geodesic.h"
#include "onemap/proj/transform.h"

namespace op = onemap::proj;

namespace {
constexpr double kPi = 3.14159265358979323846;
}  // namespace

TEST(Geodesic, OneDegreeAlongTheEquatorIsTheEquatorialArc) {
  // Along the equator the geodesic is the equator itself: a · π / 180.
  EXPECT_NEAR(op::geodesicDistance({120.0, 0.0}, {121.0, 0.0}), 6378137.0 * kPi / 180.0, 1e-6);
}

TEST(Geodesic, OneDegreeOfLatitudeFromTheEquatorIsTheGrs80MeridianArc) {
  // GRS80 meridian arc from 0° to 1°N (tabulated): 110 574.389 m.
  EXPECT_NEAR(op::geodesicDistance({117.0, 0.0}, {117.0, 1.0}), 110574.389, 0.001);
}

TEST(Geodesic, PolylineLengthIsTheSumOfItsSegments) {
  const std::vector<op::LonLat> line{{118.0, 32.0}, {118.1, 32.0}, {118.1, 32.1}};
  const double expected = op::geodesicDistance(line[0], line[1]) + op::geodesicDistance(line[1], line[2]);
  EXPECT_NEAR(op::geodesicLength(line), expected, 1e-9);
  EXPECT_EQ(op::geodesicLength(std::vector<op::LonLat>{{118.0, 32.0}}), 0.0);
}

TEST(Geodesic, SquareKilometreOnTheGaussKrugerCentralMeridianHasItsPlanarArea) {
  // On the central meridian the GK scale factor is 1, so a 1 km square keeps its area (to ~1e-5).
  auto toLonLat = op::Transform::create("EPSG:4549", "EPSG:4490");
  ASSERT_TRUE(toLonLat.has_value()) << toLonLat.error().text();
  std::vector<op::LonLat> ring;
  for (auto [x, y] : {std::pair{499500.0, 3500000.0}, {500500.0, 3500000.0}, {500500.0, 3501000.0},
                      {499500.0, 3501000.0}}) {
    ASSERT_TRUE(toLonLat->apply(x, y));
    ring.push_back({x, y});
  }
  EXPECT_NEAR(op::geodesicArea(ring), 1.0e6, 10.0);
  EXPECT_NEAR(op::geodesicPerimeter(ring), 4000.0, 0.05);
  // Winding and an explicitly closed ring do not change the result.
  std::vector<op::LonLat> reversed(ring.rbegin(), ring.rend());
  reversed.push_back(reversed.front());
  EXPECT_NEAR(op::geodesicArea(reversed), op::geodesicArea(ring), 1e-6);
}

TEST(Geodesic, DegenerateRingsHaveNoArea) {
  EXPECT_EQ(op::geodesicArea(std::vector<op::LonLat>{{118.0, 32.0}, {118.1, 32.0}}), 0.0);
  EXPECT_EQ(op::geodesicArea(std::vector<op::LonLat>{{118.0, 32.0}, {118.1, 32.0}, {118.0, 32.0}}), 0.0);
}
