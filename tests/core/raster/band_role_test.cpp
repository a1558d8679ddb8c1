#include <gtest/gtest.h>

#include "onemap/raster/band_role.h"

using namespace onemap;
using namespace onemap::raster;

namespace {

BandRoleMap bgrn() {
  return BandRoleMap({{BandRole::Blue, "test"},
                      {BandRole::Green, "test"},
                      {BandRole::Red, "test"},
                      {BandRole::Nir, "test"}});
}

}  // namespace

TEST(RasterBandRoles, EveryRoleNameParsesBackToItsRole) {
  for (const BandRole role : allBandRoles()) {
    EXPECT_EQ(parseBandRole(bandRoleName(role)), role) << bandRoleName(role);
    EXPECT_EQ(parseBandRole(bandRoleNameZh(role)), role) << bandRoleNameZh(role);
  }
  EXPECT_EQ(allBandRoles().size(), 16u);
  EXPECT_EQ(bandRoleName(BandRole::Swir1), "swir1");
  EXPECT_EQ(bandRoleNameZh(BandRole::Nir), "近红外");
}

TEST(RasterBandRoles, ParseAcceptsAliasesCaseAndSeparators) {
  EXPECT_EQ(parseBandRole("NIR"), BandRole::Nir);
  EXPECT_EQ(parseBandRole("nir1"), BandRole::Nir);
  EXPECT_EQ(parseBandRole(" b "), BandRole::Blue);
  EXPECT_EQ(parseBandRole("G"), BandRole::Green);
  EXPECT_EQ(parseBandRole("r"), BandRole::Red);
  EXPECT_EQ(parseBandRole("swir-1"), BandRole::Swir1);
  EXPECT_EQ(parseBandRole("SWIR_2"), BandRole::Swir2);
  EXPECT_EQ(parseBandRole("red edge 2"), BandRole::RedEdge2);
  EXPECT_EQ(parseBandRole("water vapor"), BandRole::WaterVapour);
  EXPECT_EQ(parseBandRole("panchromatic"), BandRole::Pan);
  EXPECT_EQ(parseBandRole("短波红外1"), BandRole::Swir1);
  EXPECT_FALSE(parseBandRole("nri").has_value());
  EXPECT_FALSE(parseBandRole("").has_value());
  EXPECT_FALSE(parseBandRole("swir").has_value());  // ambiguous: swir1 or swir2
}

TEST(RasterBandRoles, MapGivesEachRoleToOneBandOnly) {
  const BandRoleMap map({{BandRole::Red, "a"}, {BandRole::Red, "b"}, {BandRole::Nir, "c"}});
  EXPECT_EQ(map.role(1), BandRole::Red);
  EXPECT_EQ(map.role(2), BandRole::Unknown);
  EXPECT_EQ(map.bandFor(BandRole::Red), 1);
  EXPECT_EQ(map.bandFor(BandRole::Nir), 3);
  EXPECT_FALSE(map.bandFor(BandRole::Blue).has_value());
}

TEST(RasterBandRoles, OutOfRangeBandReadsAsUnknown) {
  const BandRoleMap map = bgrn();
  EXPECT_EQ(map.role(0), BandRole::Unknown);
  EXPECT_EQ(map.role(5), BandRole::Unknown);
  EXPECT_EQ(map.bandCount(), 4);
}

TEST(RasterBandRoles, FirstMissingNamesTheFirstAbsentRequiredRole) {
  const BandRoleMap map = bgrn();
  EXPECT_FALSE(map.firstMissing({BandRole::Red, BandRole::Nir}).has_value());
  EXPECT_EQ(map.firstMissing({BandRole::Red, BandRole::Swir1, BandRole::Swir2}), BandRole::Swir1);
}

TEST(RasterBandRoles, SummaryListsEveryBand) {
  EXPECT_EQ(bgrn().summary(), "1:blue 2:green 3:red 4:nir");
  EXPECT_EQ(BandRoleMap({{}, {BandRole::Nir, "x"}}).summary(), "1:unknown 2:nir");
}

TEST(RasterBandRoles, OverrideMovesRolesToTheNamedBands) {
  BandRoleMap map = bgrn();
  ASSERT_TRUE(map.applyOverride("red=4, nir=3"));
  EXPECT_EQ(map.summary(), "1:blue 2:green 3:nir 4:red");
  EXPECT_EQ(map.guess(3).source, "user");
  EXPECT_EQ(map.guess(1).source, "test");
}

TEST(RasterBandRoles, OverrideTakesTheRoleAwayFromItsPreviousBand) {
  BandRoleMap map = bgrn();
  ASSERT_TRUE(map.applyOverride("nir=1"));
  EXPECT_EQ(map.summary(), "1:nir 2:green 3:red 4:unknown");
  EXPECT_EQ(map.bandFor(BandRole::Nir), 1);
}

TEST(RasterBandRoles, OverrideAcceptsFullFourBandSpecification) {
  BandRoleMap map(std::vector<BandRoleGuess>(4));
  ASSERT_TRUE(map.applyOverride("red=3,green=2,blue=1,nir=4"));
  EXPECT_EQ(map.summary(), "1:blue 2:green 3:red 4:nir");
  ASSERT_TRUE(map.applyOverride(""));
  EXPECT_EQ(map.summary(), "1:blue 2:green 3:red 4:nir");
}

TEST(RasterBandRoles, OverrideNamingAMissingBandFailsAndChangesNothing) {
  BandRoleMap map = bgrn();
  const auto status = map.applyOverride("red=2,nir=7");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::InvalidInput);
  EXPECT_EQ(status.error().message, "band 7 does not exist; the file has 4 bands");
  EXPECT_EQ(map.summary(), "1:blue 2:green 3:red 4:nir");
}

TEST(RasterBandRoles, OverrideWithUnknownRoleListsTheKnownRoles) {
  BandRoleMap map = bgrn();
  const auto status = map.applyOverride("nri=4");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::InvalidInput);
  const std::string expected = "unknown role 'nri'; known roles: coastal, blue, green, red";
  EXPECT_EQ(status.error().message.rfind(expected, 0), 0u) << status.error().message;
  EXPECT_NE(status.error().message.find("swir2"), std::string::npos);
}

TEST(RasterBandRoles, OverrideRejectsMalformedItems) {
  BandRoleMap map = bgrn();
  const auto noEquals = map.applyOverride("red3");
  ASSERT_FALSE(noEquals);
  EXPECT_NE(noEquals.error().message.find("'red3'"), std::string::npos);
  EXPECT_FALSE(map.applyOverride("red=x"));
  EXPECT_FALSE(map.applyOverride("red=0"));
  EXPECT_FALSE(map.applyOverride("red=3.5"));

  const auto twice = map.applyOverride("red=1,red=2");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().message, "role 'red' is given twice");
  const auto twoRoles = map.applyOverride("red=1,nir=1");
  ASSERT_FALSE(twoRoles);
  EXPECT_EQ(twoRoles.error().message, "band 1 is given two roles (red, nir)");
  EXPECT_EQ(map.summary(), "1:blue 2:green 3:red 4:nir");
}

TEST(RasterBandRoles, OverrideWithNoneClearsABand) {
  BandRoleMap map = bgrn();
  ASSERT_TRUE(map.applyOverride("none=4"));
  EXPECT_EQ(map.summary(), "1:blue 2:green 3:red 4:unknown");
}

TEST(RasterBandRoles, OverrideErrorOnSingleBandSaysBand) {
  BandRoleMap map({{BandRole::Nir, "file name"}});
  const auto status = map.applyOverride("red=2");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "band 2 does not exist; the file has 1 band");
}
