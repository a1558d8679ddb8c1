#include <gtest/gtest.h>

#include <variant>

#include "onemap/vector/detail/encoding_detection.h"
#include "onemap/vector/feature_reader.h"
#include "onemap/vector/vector_info.h"
#include "temp_dir.h"
#include "vector_fixtures.h"

namespace onemap::vector {
namespace {

using onemap::test::TempDir;

// A 三调-style Shapefile whose DBF text is written in `encoding` (GDAL also writes a .cpg).
std::filesystem::path writeDltb(const TempDir& dir, const std::string& encoding) {
  test::FixtureLayer layer;
  layer.name = "dltb";
  layer.crs = "EPSG:4549";
  layer.fields = {{"DLBM", OFTString, 4}, {"地类名称", OFTString, 20}};
  layer.rows = {{"0101", "水田"}, {"0103", "旱地"}, {"1104", "坑塘水面"}};
  layer.wkts = {test::squareWkt(500000, 3300000, 100), test::squareWkt(500100, 3300000, 100),
                test::squareWkt(500200, 3300000, 100)};
  layer.creationOptions = {"ENCODING=" + encoding};
  const auto path = dir / "dltb.shp";
  EXPECT_TRUE(test::writeDataset(path, "ESRI Shapefile", {layer}));
  return path;
}

void setLanguageId(const std::filesystem::path& dbf, unsigned char ldid) {
  std::string bytes = test::readFile(dbf);
  ASSERT_GT(bytes.size(), 32u);
  bytes[29] = static_cast<char>(ldid);
  test::writeFile(dbf, bytes);
}

std::string textOf(const AttributeValue& value) {
  const auto* text = std::get_if<std::string>(&value);
  return text != nullptr ? *text : "<not text>";
}

std::vector<std::string> landClassNames(const std::filesystem::path& path, const OpenOptions& options = {}) {
  auto reader = FeatureReader::open(path, {}, options);
  EXPECT_TRUE(reader) << reader.error().text();
  if (!reader) return {};
  auto features = reader->readAll();
  EXPECT_TRUE(features) << features.error().text();
  std::vector<std::string> names;
  for (const auto& feature : *features) names.push_back(textOf(feature.attributes.at(1)));
  return names;
}

TEST(ShapefileEncoding, GbkDbfWithoutCpgIsDetectedFromContent) {
  TempDir dir;
  const auto path = writeDltb(dir, "CP936");
  ASSERT_TRUE(std::filesystem::remove(dir / "dltb.cpg"));
  ASSERT_EQ(test::readFile(dir / "dltb.dbf")[29], '\0');  // no language id either
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  const LayerInfo& layer = info->layers.at(0);
  EXPECT_EQ(layer.encoding, "GB18030");
  EXPECT_EQ(layer.encodingSource, "detected from content");
  ASSERT_EQ(layer.fields.size(), 2u);
  EXPECT_EQ(layer.fields[1].name, "地类名称");
  EXPECT_EQ(layer.epsg, 4549);
  EXPECT_NEAR(layer.polygonAreaSquareMetres, 30000.0, 1e-6);
  EXPECT_EQ(landClassNames(path), (std::vector<std::string>{"水田", "旱地", "坑塘水面"}));
}

TEST(ShapefileEncoding, CpgFileIsUsedWhenPresent) {
  TempDir dir;
  const auto path = writeDltb(dir, "CP936");
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->layers.at(0).encoding, "CP936");
  EXPECT_EQ(info->layers.at(0).encodingSource, ".cpg file");
  EXPECT_EQ(landClassNames(path).at(0), "水田");
}

TEST(ShapefileEncoding, DbfLanguageIdIsUsedWithoutCpg) {
  TempDir dir;
  const auto path = writeDltb(dir, "CP936");
  ASSERT_TRUE(std::filesystem::remove(dir / "dltb.cpg"));
  setLanguageId(dir / "dltb.dbf", 0x4D);
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->layers.at(0).encoding, "CP936");
  EXPECT_EQ(info->layers.at(0).encodingSource, "DBF language id");
  EXPECT_EQ(landClassNames(path).at(0), "水田");
}

TEST(ShapefileEncoding, AnsiLanguageIdFallsBackToContent) {
  TempDir dir;
  const auto path = writeDltb(dir, "CP936");
  ASSERT_TRUE(std::filesystem::remove(dir / "dltb.cpg"));
  setLanguageId(dir / "dltb.dbf", 0x57);  // "current ANSI code page": GBK on Chinese Windows
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->layers.at(0).encoding, "GB18030");
  EXPECT_EQ(landClassNames(path).at(2), "坑塘水面");
}

TEST(ShapefileEncoding, Utf8DbfWithoutCpgIsDetectedAsUtf8) {
  TempDir dir;
  const auto path = writeDltb(dir, "UTF-8");
  ASSERT_TRUE(std::filesystem::remove(dir / "dltb.cpg"));
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->layers.at(0).encoding, "UTF-8");
  EXPECT_EQ(info->layers.at(0).encodingSource, "detected from content");
  EXPECT_EQ(landClassNames(path), (std::vector<std::string>{"水田", "旱地", "坑塘水面"}));
}

TEST(ShapefileEncoding, UserOverrideWinsOverCpg) {
  TempDir dir;
  const auto path = writeDltb(dir, "CP936");
  OpenOptions options;
  options.encoding = "gbk";
  auto reader = FeatureReader::open(path, {}, options);
  ASSERT_TRUE(reader) << reader.error().text();
  EXPECT_EQ(reader->layer().encoding, "GBK");
  EXPECT_EQ(reader->layer().encodingSource, "user override");
  EXPECT_EQ(landClassNames(path, options).at(0), "水田");
  // A wrong override really is applied: Latin-1 garbles the Chinese text (but stays UTF-8).
  options.encoding = "ISO-8859-1";
  const auto garbled = landClassNames(path, options).at(0);
  EXPECT_NE(garbled, "水田");
  EXPECT_EQ(garbled.size(), std::string("\xC3\x8B\xC2\xAE\xC3\x8C\xC3\xAF").size());
}

TEST(VectorEncoding, ContentSniffingPrefersValidUtf8ThenGb18030) {
  using detail::chooseFromContent;
  EXPECT_EQ(chooseFromContent({"abc", "0101"}, {}).encoding, "UTF-8");
  EXPECT_EQ(chooseFromContent({"水田"}, {}).encoding, "UTF-8");
  EXPECT_EQ(chooseFromContent({"\xCB\xAE\xCC\xEF"}, {}).encoding, "GB18030");  // 水田 in GBK
  // A GBK value cut in the middle of its last character by the field width still counts as GBK.
  // "水浇地" in GBK cut after the first byte of 地.
  const std::string cutGbk = "\xCB\xAE\xBD\xBD\xB5";
  EXPECT_EQ(chooseFromContent({cutGbk}, {true}).encoding, "GB18030");
  EXPECT_TRUE(chooseFromContent({cutGbk}, {true}).warnings.empty());
  // Not cut by the field width: an incomplete character is an error, reported as a warning.
  EXPECT_FALSE(chooseFromContent({cutGbk}, {false}).warnings.empty());
  // "水田" in UTF-8 cut inside 田 is still UTF-8.
  EXPECT_EQ(chooseFromContent({"\xE6\xB0\xB4\xE7\x94"}, {true}).encoding, "UTF-8");
}

TEST(VectorEncoding, EncodingNamesAreNormalised) {
  using detail::normalizeEncodingName;
  EXPECT_EQ(normalizeEncodingName("936"), "CP936");
  EXPECT_EQ(normalizeEncodingName(" utf8\r\n"), "UTF-8");
  EXPECT_EQ(normalizeEncodingName("gb18030"), "GB18030");
  EXPECT_EQ(normalizeEncodingName("ANSI 1252"), "CP1252");
  EXPECT_EQ(normalizeEncodingName("88591"), "ISO-8859-1");
  EXPECT_EQ(normalizeEncodingName("no such thing"), "");
}

}  // namespace
}  // namespace onemap::vector
