#include <gtest/gtest.h>

#include <variant>

#include "onemap/geos/geometry.h"
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

std::string wktOf(const Feature& feature) {
  auto geometry = geos::Geometry::fromWkb(feature.wkb);
  return geometry ? geometry->toWkt(6) : "<no geometry>";
}

std::vector<std::string> fieldNames(const LayerInfo& layer) {
  std::vector<std::string> names;
  for (const auto& field : layer.fields) names.push_back(field.name);
  return names;
}

TEST(CsvLayer, WktColumnBecomesGeometryAndIsNotAField) {
  TempDir dir;
  const auto path = dir / "patches.csv";
  test::writeFile(
      path,
      "JCBH,DLMC,WKT\n"
      "P1,水田,\"POLYGON((500000 3300000,500100 3300000,500100 3300100,500000 3300100,500000 3300000))\"\n"
      "P2,旱地,\"POLYGON((500200 3300000,500300 3300000,500300 3300050,500200 3300050,500200 3300000))\"\n");
  OpenOptions options;
  options.csvCrs = "EPSG:4549";
  auto info = readVectorInfo(path, options);
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->driver, "CSV");
  const LayerInfo& layer = info->layers.at(0);
  EXPECT_EQ(fieldNames(layer), (std::vector<std::string>{"JCBH", "DLMC"}));
  EXPECT_EQ(layer.featureCount, 2);
  EXPECT_EQ(layer.epsg, 4549);
  EXPECT_TRUE(layer.isPolygonal);
  EXPECT_NEAR(layer.polygonAreaSquareMetres, 15000.0, 1e-6);
  EXPECT_NEAR(layer.polygonAreaMu, 22.5, 1e-9);
  EXPECT_EQ(layer.encoding, "UTF-8");
}

TEST(CsvLayer, ChineseLongitudeLatitudeColumnsMakePoints) {
  TempDir dir;
  const auto path = dir / "sites.csv";
  test::writeFile(path, "名称,经度,纬度\n村委会,120.5,30.25\n仓库,120.75,30.5\n");
  OpenOptions options;
  options.csvCrs = "EPSG:4490";
  auto reader = FeatureReader::open(path, {}, options);
  ASSERT_TRUE(reader) << reader.error().text();
  EXPECT_EQ(fieldNames(reader->layer()), (std::vector<std::string>{"名称"}));
  EXPECT_EQ(reader->layer().epsg, 4490);
  auto features = reader->readAll();
  ASSERT_TRUE(features) << features.error().text();
  ASSERT_EQ(features->size(), 2u);
  EXPECT_EQ(std::get<std::string>((*features)[0].attributes.at(0)), "村委会");
  EXPECT_EQ(wktOf((*features)[0]), "POINT (120.5 30.25)");
  EXPECT_EQ(wktOf((*features)[1]), "POINT (120.75 30.5)");
}

TEST(CsvLayer, LowerCaseXyColumnsAreRecognised) {
  TempDir dir;
  const auto path = dir / "xy.csv";
  test::writeFile(path, "id,x,y\n1,500000,3320113.5\n");
  OpenOptions options;
  options.csvCrs = "EPSG:4549";
  auto reader = FeatureReader::open(path, {}, options);
  ASSERT_TRUE(reader) << reader.error().text();
  auto features = reader->readAll();
  ASSERT_TRUE(features);
  ASSERT_EQ(features->size(), 1u);
  EXPECT_EQ(wktOf(features->at(0)), "POINT (500000 3320113.5)");
}

TEST(CsvLayer, ExplicitColumnNamesAreUsed) {
  TempDir dir;
  const auto path = dir / "survey.csv";
  test::writeFile(path, "id,E,N\n1,500010,3300020\n");
  OpenOptions options;
  options.csvXField = "E";
  options.csvYField = "N";
  options.csvCrs = "EPSG:4549";
  auto reader = FeatureReader::open(path, {}, options);
  ASSERT_TRUE(reader) << reader.error().text();
  auto features = reader->readAll();
  ASSERT_TRUE(features);
  EXPECT_EQ(wktOf(features->at(0)), "POINT (500010 3300020)");
}

TEST(CsvLayer, GbkEncodedCsvWithChineseCoordinateColumnsIsReadAsUtf8) {
  TempDir dir;
  const auto path = dir / "gbk.csv";
  // "名称,经度,纬度\n村委会,120.5,30.25\n" in GBK.
  test::writeFile(
      path, "\xC3\xFB\xB3\xC6,\xBE\xAD\xB6\xC8,\xCE\xB3\xB6\xC8\n\xB4\xE5\xCE\xAF\xBB\xE1,120.5,30.25\n");
  OpenOptions options;
  options.csvCrs = "EPSG:4490";
  auto reader = FeatureReader::open(path, {}, options);
  ASSERT_TRUE(reader) << reader.error().text();
  EXPECT_EQ(reader->layer().encoding, "GB18030");
  EXPECT_EQ(reader->layer().encodingSource, "detected from content");
  EXPECT_EQ(fieldNames(reader->layer()), (std::vector<std::string>{"名称"}));
  auto features = reader->readAll();
  ASSERT_TRUE(features);
  ASSERT_EQ(features->size(), 1u);
  EXPECT_EQ(std::get<std::string>(features->at(0).attributes.at(0)), "村委会");
  EXPECT_EQ(wktOf(features->at(0)), "POINT (120.5 30.25)");
}

TEST(CsvLayer, CsvWithoutGeometryColumnsIsInvalidInputNamingExpectedColumns) {
  TempDir dir;
  const auto path = dir / "table.csv";
  test::writeFile(path, "DLBM,DLMC\n0101,水田\n");
  auto info = readVectorInfo(path);
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::InvalidInput);
  EXPECT_TRUE(contains(info.error().message, "WKT")) << info.error().text();
  EXPECT_TRUE(contains(info.error().message, "经度"));
  EXPECT_TRUE(contains(info.error().message, "latitude"));
  EXPECT_TRUE(contains(info.error().hint, "DLBM, DLMC")) << info.error().hint;
  EXPECT_EQ(info.error().context, path.string());
}

TEST(CsvLayer, OnlyOneExplicitCoordinateColumnIsInvalidInput) {
  TempDir dir;
  const auto path = dir / "xy.csv";
  test::writeFile(path, "id,E,N\n1,5,6\n");
  OpenOptions options;
  options.csvXField = "E";
  auto info = readVectorInfo(path, options);
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::InvalidInput);
  EXPECT_TRUE(contains(info.error().message, "csvYField"));
}

TEST(CsvLayer, MissingCsvCrsIsAWarningAndBlocksReprojection) {
  TempDir dir;
  const auto path = dir / "sites.csv";
  test::writeFile(path, "lon,lat\n120,30\n");
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  const LayerInfo& layer = info->layers.at(0);
  EXPECT_EQ(layer.epsg, 0);
  EXPECT_TRUE(layer.crsWkt.empty());
  ASSERT_FALSE(layer.warnings.empty());
  EXPECT_TRUE(contains(layer.warnings.front(), "csvCrs"));
  auto reader = FeatureReader::open(path);
  ASSERT_TRUE(reader);
  ReadOptions options;
  options.targetCrs = "EPSG:4549";
  auto features = reader->readAll(options);
  ASSERT_FALSE(features);
  EXPECT_EQ(features.error().code, ErrorCode::InvalidInput);
  EXPECT_TRUE(contains(features.error().hint, "csvCrs"));
}

TEST(CsvLayer, SwappedSurveyAxesAreFlagged) {
  TempDir dir;
  const auto path = dir / "survey.csv";
  // Chinese survey convention: X is the northing.
  test::writeFile(path, "id,X,Y\n1,3300000,500000\n2,3300100,500100\n");
  OpenOptions options;
  options.csvCrs = "EPSG:4549";
  auto info = readVectorInfo(path, options);
  ASSERT_TRUE(info) << info.error().text();
  bool flagged = false;
  for (const auto& warning : info->layers.at(0).warnings) flagged = flagged || contains(warning, "swapped");
  EXPECT_TRUE(flagged);
}

TEST(CsvLayer, UnknownCsvCrsIsInvalidInput) {
  TempDir dir;
  const auto path = dir / "sites.csv";
  test::writeFile(path, "lon,lat\n120,30\n");
  OpenOptions options;
  options.csvCrs = "EPSG:999999";
  auto info = readVectorInfo(path, options);
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::InvalidInput);
  EXPECT_TRUE(contains(info.error().message, "EPSG:999999"));
}

}  // namespace
}  // namespace onemap::vector
