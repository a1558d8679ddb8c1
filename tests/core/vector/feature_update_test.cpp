#include <gtest/gtest.h>

#include "onemap/vector/feature_reader.h"
#include "onemap/vector/feature_update.h"
#include "temp_dir.h"
#include "vector_fixtures.h"

namespace onemap::vector {
namespace {

using onemap::test::TempDir;

std::filesystem::path writePatches(const TempDir& dir) {
  test::FixtureLayer layer;
  layer.name = "patches";
  layer.crs = "EPSG:4549";
  layer.fields = {{"JCBH", OFTString}, {"NYJG", OFTString}};
  for (int i = 0; i < 3; ++i) {
    layer.rows.push_back({"P" + std::to_string(i), "待核查"});
    layer.wkts.push_back(test::squareWkt(500000 + i * 20, 3300000, 10));
  }
  const auto path = dir / "patches.gpkg";
  EXPECT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  return path;
}

std::string fieldOf(const std::filesystem::path& path, std::int64_t fid, const std::string& field) {
  auto reader = FeatureReader::open(path, "patches");
  ReadOptions options;
  options.fields = std::vector<std::string>{field};
  std::string value;
  (void)reader->forEach(options, nullptr, [&](const Feature& f) {
    if (f.fid == fid) value = std::get<std::string>(f.attributes.at(0));
    return true;
  });
  return value;
}

TEST(FeatureUpdate, WritesTheFieldsOfOneFeatureOnly) {
  TempDir dir;
  const auto path = writePatches(dir);
  ASSERT_TRUE(updateFeatureFields(path, "patches", 2, {{"NYJG", "伪变化"}}));
  EXPECT_EQ(fieldOf(path, 2, "NYJG"), "伪变化");
  EXPECT_EQ(fieldOf(path, 1, "NYJG"), "待核查");
  EXPECT_EQ(fieldOf(path, 3, "NYJG"), "待核查");
  EXPECT_EQ(fieldOf(path, 2, "JCBH"), "P1");
}

TEST(FeatureUpdate, AnUnknownFieldOrFeatureChangesNothing) {
  TempDir dir;
  const auto path = writePatches(dir);
  auto field = updateFeatureFields(path, "patches", 1, {{"NYJG", "确认"}, {"NOPE", "x"}});
  ASSERT_FALSE(field);
  EXPECT_NE(field.error().text().find("NOPE"), std::string::npos);
  EXPECT_EQ(fieldOf(path, 1, "NYJG"), "待核查");
  auto feature = updateFeatureFields(path, "patches", 99, {{"NYJG", "确认"}});
  ASSERT_FALSE(feature);
  EXPECT_EQ(feature.error().code, ErrorCode::NotFound);
  EXPECT_FALSE(updateFeatureFields(dir / "missing.gpkg", "patches", 1, {{"NYJG", "确认"}}));
}

}  // namespace
}  // namespace onemap::vector
