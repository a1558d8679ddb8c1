#include <gtest/gtest.h>

#include "onemap/vector/feature_reader.h"
#include "onemap/vector/vector_info.h"
#include "temp_dir.h"
#include "vector_fixtures.h"

namespace onemap::vector {
namespace {

using onemap::test::TempDir;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(VectorErrors, MissingFileIsNotFoundNamingThePath) {
  TempDir dir;
  const auto path = dir / "nowhere.gpkg";
  auto info = readVectorInfo(path);
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::NotFound);
  EXPECT_TRUE(contains(info.error().text(), path.string())) << info.error().text();
  auto reader = FeatureReader::open(path);
  ASSERT_FALSE(reader);
  EXPECT_EQ(reader.error().code, ErrorCode::NotFound);
}

TEST(VectorErrors, TextFileOfProseIsUnsupportedAndListsFormats) {
  TempDir dir;
  const auto path = dir / "notes.txt";
  test::writeFile(path, "今年的耕地核查工作已经完成。\nThe field survey is complete.\n");
  auto info = readVectorInfo(path);
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::Unsupported);
  EXPECT_EQ(info.error().context, path.string());
  EXPECT_TRUE(contains(info.error().hint, "GeoPackage (.gpkg)")) << info.error().hint;
  EXPECT_TRUE(contains(info.error().hint, "Shapefile (.shp)"));
  EXPECT_TRUE(contains(info.error().hint, "CSV"));
}

TEST(VectorErrors, WordDocumentIsUnsupported) {
  TempDir dir;
  const auto path = dir / "report.docx";
  test::writeFile(path, std::string("PK\x03\x04\x14\x00\x06\x00", 8) + std::string(200, '\x01'));
  auto info = readVectorInfo(path);
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::Unsupported);
  EXPECT_TRUE(contains(info.error().text(), "report.docx"));
}

TEST(VectorErrors, CorruptGeoPackageIsOpenFailed) {
  TempDir dir;
  const auto path = dir / "broken.gpkg";
  test::writeFile(path, std::string(4096, '\x5A'));
  auto info = readVectorInfo(path);
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::OpenFailed);
  EXPECT_TRUE(contains(info.error().message, "GeoPackage")) << info.error().text();
  EXPECT_FALSE(info.error().hint.empty());
}

TEST(VectorErrors, TruncatedGeoJsonIsOpenFailed) {
  TempDir dir;
  const auto path = dir / "cut.geojson";
  test::writeFile(path,
                  R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Po)");
  auto info = readVectorInfo(path);
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::OpenFailed);
  EXPECT_TRUE(contains(info.error().text(), "cut.geojson"));
}

TEST(VectorErrors, UnknownLayerIsInvalidInputListingAvailableLayers) {
  TempDir dir;
  const auto path = dir / "county.gpkg";
  test::FixtureLayer fields{"fields", "EPSG:4549", wkbPolygon, {}, {}, {test::squareWkt(0, 0, 1)}, {}};
  test::FixtureLayer roads{"roads", "EPSG:4549", wkbLineString, {}, {}, {"LINESTRING(0 0,1 1)"}, {}};
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {fields, roads}));
  auto info = readVectorInfo(path, {}, "rivers");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::InvalidInput);
  EXPECT_TRUE(contains(info.error().message, "rivers"));
  EXPECT_EQ(info.error().hint, "available layers: fields, roads");
  auto reader = FeatureReader::open(path, "rivers");
  ASSERT_FALSE(reader);
  EXPECT_EQ(reader.error().code, ErrorCode::InvalidInput);
  EXPECT_TRUE(contains(reader.error().hint, "fields, roads"));
}

TEST(VectorErrors, UnknownEncodingOverrideIsInvalidInput) {
  TempDir dir;
  const auto path = dir / "a.csv";
  test::writeFile(path, "WKT\n\"POINT(1 2)\"\n");
  OpenOptions options;
  options.encoding = "NOT-AN-ENCODING";
  auto info = readVectorInfo(path, options);
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::InvalidInput);
  EXPECT_TRUE(contains(info.error().message, "NOT-AN-ENCODING"));
}

}  // namespace
}  // namespace onemap::vector
