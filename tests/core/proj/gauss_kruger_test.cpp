#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "onemap/proj/crs_description.h"
#include "onemap/proj/transform.h"

namespace op = onemap::proj;

TEST(GaussKruger, ThreeDegreeCodesWithoutPrefixFollowTheCentralMeridian) {
  const auto zone = op::gaussKrugerZoneFromEpsg(4549);
  ASSERT_TRUE(zone.has_value());
  EXPECT_EQ(zone->zoneWidthDegrees, 3);
  EXPECT_EQ(zone->centralMeridian, 120);
  EXPECT_EQ(zone->zone, 40);
  EXPECT_FALSE(zone->eastingHasZonePrefix);
  EXPECT_EQ(zone->epsg, 4549);
  EXPECT_EQ(op::gaussKrugerZoneFromEpsg(4534)->centralMeridian, 75);
  EXPECT_EQ(op::gaussKrugerZoneFromEpsg(4554)->centralMeridian, 135);
  EXPECT_EQ(op::epsgForGaussKruger(3, 117, false), 4548);
}

TEST(GaussKruger, ThreeDegreeCodesWithPrefixFollowTheZoneNumber) {
  const auto zone = op::gaussKrugerZoneFromEpsg(4527);
  ASSERT_TRUE(zone.has_value());
  EXPECT_EQ(zone->zoneWidthDegrees, 3);
  EXPECT_EQ(zone->zone, 39);
  EXPECT_EQ(zone->centralMeridian, 117);
  EXPECT_TRUE(zone->eastingHasZonePrefix);
  EXPECT_EQ(op::gaussKrugerZoneFromEpsg(4513)->zone, 25);
  EXPECT_EQ(op::gaussKrugerZoneFromEpsg(4533)->zone, 45);
  EXPECT_EQ(op::epsgForGaussKruger(3, 117, true), 4527);
}

TEST(GaussKruger, SixDegreeCodesCoverZones13To23) {
  const auto prefixed = op::gaussKrugerZoneFromEpsg(4491);
  ASSERT_TRUE(prefixed.has_value());
  EXPECT_EQ(prefixed->zoneWidthDegrees, 6);
  EXPECT_EQ(prefixed->zone, 13);
  EXPECT_EQ(prefixed->centralMeridian, 75);
  EXPECT_TRUE(prefixed->eastingHasZonePrefix);
  const auto plain = op::gaussKrugerZoneFromEpsg(4509);
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->zone, 20);
  EXPECT_EQ(plain->centralMeridian, 117);
  EXPECT_FALSE(plain->eastingHasZonePrefix);
  EXPECT_EQ(op::epsgForGaussKruger(6, 135, true), 4501);
  EXPECT_EQ(op::epsgForGaussKruger(6, 135, false), 4512);
}

TEST(GaussKruger, CodesOutsideTheCgcs2000RangeHaveNoZone) {
  EXPECT_FALSE(op::gaussKrugerZoneFromEpsg(4490).has_value());
  EXPECT_FALSE(op::gaussKrugerZoneFromEpsg(4555).has_value());
  EXPECT_FALSE(op::gaussKrugerZoneFromEpsg(32650).has_value());
  EXPECT_EQ(op::epsgForGaussKruger(3, 118, false), 0);
  EXPECT_EQ(op::epsgForGaussKruger(3, 72, false), 0);
  EXPECT_EQ(op::epsgForGaussKruger(3, 138, true), 0);
  EXPECT_EQ(op::epsgForGaussKruger(6, 120, false), 0);
  EXPECT_EQ(op::epsgForGaussKruger(4, 120, false), 0);
}

TEST(GaussKruger, ZoneLookupRoundTripsForEveryCode) {
  for (int epsg = 4491; epsg <= 4554; ++epsg) {
    const auto zone = op::gaussKrugerZoneFromEpsg(epsg);
    ASSERT_TRUE(zone.has_value()) << epsg;
    EXPECT_EQ(op::epsgForGaussKruger(zone->zoneWidthDegrees, zone->centralMeridian,
                                     zone->eastingHasZonePrefix),
              epsg);
  }
}

TEST(GaussKruger, ThreeDegreeCentralMeridianIsTheNearestMultipleOfThree) {
  EXPECT_EQ(op::threeDegreeCentralMeridian(118.7), 120);
  EXPECT_EQ(op::threeDegreeCentralMeridian(117.0), 117);
  EXPECT_EQ(op::threeDegreeCentralMeridian(116.2), 117);
  EXPECT_EQ(op::threeDegreeCentralMeridian(115.4), 114);
}

TEST(GaussKruger, Cgcs2000NamesUseAConsistentChineseStyle) {
  EXPECT_EQ(op::cgcs2000Names(4490)->first, "CGCS2000 地理坐标系");
  EXPECT_EQ(op::cgcs2000Names(4549)->first, "CGCS2000 / 3度带高斯-克吕格投影 中央经线120°E");
  EXPECT_EQ(op::cgcs2000Names(4527)->first, "CGCS2000 / 3度带高斯-克吕格投影 第39带 (带号前缀)");
  EXPECT_EQ(op::cgcs2000Names(4491)->first, "CGCS2000 / 6度带高斯-克吕格投影 第13带 (带号前缀)");
  EXPECT_EQ(op::cgcs2000Names(4509)->first, "CGCS2000 / 6度带高斯-克吕格投影 中央经线117°E");
  EXPECT_EQ(op::cgcs2000Names(4549)->second, "CGCS2000 / 3-degree Gauss-Kruger CM 120E");
  EXPECT_FALSE(op::cgcs2000Names(4326).has_value());
}

// The EPSG ranges above are checked against PROJ's database: each code's name must match, and
// the zone's central meridian must project to the false easting its flavour implies.
TEST(GaussKruger, RangesMatchTheProjDatabase) {
  for (int epsg = 4490; epsg <= 4554; ++epsg) {
    const std::string code = "EPSG:" + std::to_string(epsg);
    const auto description = op::describeCrs(code);
    ASSERT_TRUE(description.has_value()) << code << ": " << description.error().text();
    const auto names = op::cgcs2000Names(epsg);
    ASSERT_TRUE(names.has_value()) << code;
    EXPECT_EQ(description->nameEn, names->second) << code;
    EXPECT_TRUE(description->isCgcs2000) << code;
    if (epsg == 4490) {
      EXPECT_TRUE(description->isGeographic);
      continue;
    }
    const auto zone = op::gaussKrugerZoneFromEpsg(epsg);
    ASSERT_TRUE(zone.has_value()) << code;
    auto transform = op::Transform::create("EPSG:4490", code);
    ASSERT_TRUE(transform.has_value()) << code << ": " << transform.error().text();
    double x = zone->centralMeridian;
    double y = 35.0;
    ASSERT_TRUE(transform->apply(x, y)) << code;
    const double falseEasting = zone->eastingHasZonePrefix ? zone->zone * 1e6 + 500000.0 : 500000.0;
    EXPECT_NEAR(x, falseEasting, 1e-6) << code;
    // One degree east of the central meridian at 35°N is about 91 km.
    double east = zone->centralMeridian + 1.0;
    double north = 35.0;
    ASSERT_TRUE(transform->apply(east, north)) << code;
    EXPECT_NEAR(east - falseEasting, 91300.0, 500.0) << code;
  }
}
