#include <gtest/gtest.h>

#include "onemap/proj/crs_description.h"

namespace op = onemap::proj;
using onemap::ErrorCode;

TEST(CrsDescription, EpsgCodeIsDescribedWithChineseAndEnglishNames) {
  const auto d = op::describeCrs("EPSG:4549");
  ASSERT_TRUE(d.has_value()) << d.error().text();
  EXPECT_EQ(d->epsg, 4549);
  EXPECT_EQ(d->nameEn, "CGCS2000 / 3-degree Gauss-Kruger CM 120E");
  EXPECT_EQ(d->nameZh, "CGCS2000 / 3度带高斯-克吕格投影 中央经线120°E");
  EXPECT_FALSE(d->isGeographic);
  EXPECT_TRUE(d->isCgcs2000);
  EXPECT_EQ(d->linearUnit, "metre");
  ASSERT_TRUE(d->gaussKruger.has_value());
  EXPECT_EQ(d->gaussKruger->centralMeridian, 120);
}

TEST(CrsDescription, BareNumberIsReadAsEpsgCode) {
  const auto d = op::describeCrs("  4527 ");
  ASSERT_TRUE(d.has_value()) << d.error().text();
  EXPECT_EQ(d->epsg, 4527);
  EXPECT_EQ(d->nameZh, "CGCS2000 / 3度带高斯-克吕格投影 第39带 (带号前缀)");
  ASSERT_TRUE(d->gaussKruger.has_value());
  EXPECT_TRUE(d->gaussKruger->eastingHasZonePrefix);
  EXPECT_EQ(d->gaussKruger->zone, 39);
}

TEST(CrsDescription, Cgcs2000GaussKrugerAxesAreNorthingFirstInEpsg) {
  const auto d = op::describeCrs("EPSG:4549");
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->authorityAxes.size(), 2U);
  EXPECT_EQ(d->authorityAxes[0].direction, "north");
  EXPECT_EQ(d->authorityAxes[1].direction, "east");
  EXPECT_EQ(d->authorityAxes[0].unit, "metre");
  EXPECT_TRUE(d->authorityOrderIsNorthingFirst);
  EXPECT_EQ(d->axisOrderText(),
            "EPSG axis order: northing, easting; OneMap uses easting, northing (traditional GIS "
            "order)");
  EXPECT_NE(d->axisOrderTextZh().find("北坐标, 东坐标"), std::string::npos);
}

TEST(CrsDescription, GeographicCrsesAreLatitudeFirstInEpsg) {
  for (const char* code : {"EPSG:4490", "EPSG:4326"}) {
    const auto d = op::describeCrs(code);
    ASSERT_TRUE(d.has_value()) << code;
    EXPECT_TRUE(d->isGeographic) << code;
    EXPECT_EQ(d->linearUnit, "degree") << code;
    EXPECT_TRUE(d->authorityOrderIsNorthingFirst) << code;
    ASSERT_EQ(d->authorityAxes.size(), 2U);
    EXPECT_EQ(d->authorityAxes[0].name, "Geodetic latitude") << code;
    EXPECT_NE(d->axisOrderText().find("latitude, longitude"), std::string::npos);
  }
  EXPECT_EQ(op::describeCrs("EPSG:4490")->nameZh, "CGCS2000 地理坐标系");
  EXPECT_EQ(op::describeCrs("EPSG:4490")->nameEn, "China Geodetic Coordinate System 2000");
  EXPECT_EQ(op::describeCrs("EPSG:4326")->nameZh, "WGS 84 地理坐标系");
  EXPECT_FALSE(op::describeCrs("EPSG:4326")->isCgcs2000);
}

TEST(CrsDescription, WorldCrsesGetChineseNames) {
  const auto utm = op::describeCrs("EPSG:32650");
  ASSERT_TRUE(utm.has_value());
  EXPECT_EQ(utm->nameEn, "WGS 84 / UTM zone 50N");
  EXPECT_EQ(utm->nameZh, "WGS 84 / UTM 第50带 北半球");
  EXPECT_FALSE(utm->authorityOrderIsNorthingFirst);
  EXPECT_EQ(op::describeCrs("EPSG:32705")->nameZh, "WGS 84 / UTM 第05带 南半球");
  const auto web = op::describeCrs("EPSG:3857");
  ASSERT_TRUE(web.has_value());
  EXPECT_EQ(web->nameZh, "Web 墨卡托 (WGS 84 / Pseudo-Mercator)");
  EXPECT_FALSE(web->authorityOrderIsNorthingFirst);
  EXPECT_EQ(web->axisOrderText(),
            "EPSG axis order: easting, northing, the same as OneMap (traditional GIS order)");
}

TEST(CrsDescription, OtherCrsesReuseTheEnglishName) {
  const auto d = op::describeCrs("EPSG:2154");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->nameEn, "RGF93 v1 / Lambert-93");
  EXPECT_EQ(d->nameZh, d->nameEn);
  EXPECT_FALSE(d->isCgcs2000);
  EXPECT_FALSE(d->gaussKruger.has_value());
}

TEST(CrsDescription, EsriPrjWktIsIdentifiedAsItsEpsgCode) {
  const char* wkt =
      R"(PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",)"
      R"(DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],)"
      R"(PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],)"
      R"(PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],)"
      R"(PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],)"
      R"(PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]])";
  const auto d = op::describeCrs(wkt);
  ASSERT_TRUE(d.has_value()) << d.error().text();
  EXPECT_EQ(d->epsg, 4549);
  EXPECT_EQ(d->nameEn, "CGCS2000 / 3-degree Gauss-Kruger CM 120E");
  EXPECT_TRUE(d->isCgcs2000);
  EXPECT_TRUE(d->authorityOrderIsNorthingFirst);
}

TEST(CrsDescription, CustomWktWithoutEpsgMatchKeepsItsOwnName) {
  // A CGCS2000 transverse Mercator with a local central meridian has no EPSG code.
  const char* wkt =
      R"(PROJCS["County local TM 118.5E",GEOGCS["China 2000",DATUM["China_2000",)"
      R"(SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],)"
      R"(UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],)"
      R"(PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",118.5],)"
      R"(PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],)"
      R"(PARAMETER["false_northing",0],UNIT["metre",1]])";
  const auto d = op::describeCrs(wkt);
  ASSERT_TRUE(d.has_value()) << d.error().text();
  EXPECT_EQ(d->epsg, 0);
  EXPECT_EQ(d->nameEn, "County local TM 118.5E");
  EXPECT_EQ(d->nameZh, "County local TM 118.5E");
  EXPECT_TRUE(d->isCgcs2000);
  EXPECT_FALSE(d->gaussKruger.has_value());
  EXPECT_FALSE(d->authorityOrderIsNorthingFirst);
  EXPECT_EQ(d->axisOrderText().rfind("Definition axis order: easting, northing", 0), 0U);
}

TEST(CrsDescription, ProjJsonIsAccepted) {
  const char* json = R"({"type":"GeographicCRS","name":"China Geodetic Coordinate System 2000",
    "datum":{"type":"GeodeticReferenceFrame","name":"China 2000",
      "ellipsoid":{"name":"CGCS2000","semi_major_axis":6378137,"inverse_flattening":298.257222101}},
    "coordinate_system":{"subtype":"ellipsoidal","axis":[
      {"name":"Geodetic latitude","abbreviation":"Lat","direction":"north","unit":"degree"},
      {"name":"Geodetic longitude","abbreviation":"Lon","direction":"east","unit":"degree"}]},
    "id":{"authority":"EPSG","code":4490}})";
  const auto d = op::describeCrs(json);
  ASSERT_TRUE(d.has_value()) << d.error().text();
  EXPECT_EQ(d->epsg, 4490);
  EXPECT_TRUE(d->isGeographic);
  EXPECT_EQ(d->nameZh, "CGCS2000 地理坐标系");
}

TEST(CrsDescription, GarbageDefinitionIsInvalidInputNamingTheText) {
  const auto d = op::describeCrs("not a crs at all");
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().code, ErrorCode::InvalidInput);
  EXPECT_NE(d.error().context.find("not a crs at all"), std::string::npos);
  EXPECT_NE(d.error().hint.find("EPSG:4549"), std::string::npos);
}

TEST(CrsDescription, UnknownEpsgCodeIsInvalidInput) {
  const auto d = op::describeCrs("EPSG:999999");
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().code, ErrorCode::InvalidInput);
  EXPECT_NE(d.error().text().find("EPSG:999999"), std::string::npos);
}

TEST(CrsDescription, EmptyDefinitionIsInvalidInput) {
  const auto d = op::describeCrs("   ");
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().code, ErrorCode::InvalidInput);
  EXPECT_NE(d.error().message.find("empty"), std::string::npos);
}

TEST(CrsDescription, CoordinateOperationIsNotACrs) {
  const auto d = op::describeCrs("+proj=utm +zone=50 +ellps=GRS80");
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().code, ErrorCode::InvalidInput);
  EXPECT_NE(d.error().message.find("not a coordinate reference system"), std::string::npos);
}

TEST(CrsDescription, LongDefinitionsAreShortenedInErrors) {
  const std::string junk = "GEOGCS[" + std::string(500, 'x');
  const auto d = op::describeCrs(junk);
  ASSERT_FALSE(d.has_value());
  EXPECT_LT(d.error().context.size(), 100U);
  EXPECT_NE(d.error().context.find("..."), std::string::npos);
}
