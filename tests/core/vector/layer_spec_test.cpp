#include <gtest/gtest.h>

#include "onemap/vector/vector_info.h"
#include "temp_dir.h"
#include "vector_fixtures.h"

namespace onemap::vector {
namespace {

using onemap::test::TempDir;
using Spec = std::pair<std::filesystem::path, std::string>;

TEST(LayerSpec, ColonSeparatesFileAndLayer) {
  EXPECT_EQ(splitLayerSpec("a.gpkg:fields"), Spec("a.gpkg", "fields"));
}

TEST(LayerSpec, PlainPathHasNoLayer) { EXPECT_EQ(splitLayerSpec("a.gpkg"), Spec("a.gpkg", "")); }

TEST(LayerSpec, TrailingColonGivesEmptyLayer) { EXPECT_EQ(splitLayerSpec("a.gpkg:"), Spec("a.gpkg", "")); }

TEST(LayerSpec, WindowsDriveColonIsPartOfThePath) {
  EXPECT_EQ(splitLayerSpec("C:\\data\\a.gpkg"), Spec("C:\\data\\a.gpkg", ""));
  EXPECT_EQ(splitLayerSpec("C:\\data\\a.gpkg:DLTB"), Spec("C:\\data\\a.gpkg", "DLTB"));
  EXPECT_EQ(splitLayerSpec("D:/gis/b.gpkg:roads"), Spec("D:/gis/b.gpkg", "roads"));
}

TEST(LayerSpec, ExistingFileWithColonInItsNameStaysWhole) {
  TempDir dir;
  const auto path = dir / "odd:name.gpkg";
  test::writeFile(path, "x");
  EXPECT_EQ(splitLayerSpec(path.string()), Spec(path, ""));
  EXPECT_EQ(splitLayerSpec(path.string() + ":fields"), Spec(path, "fields"));
}

TEST(LayerSpec, LayerNameMayContainColonsAfterAnExistingFile) {
  TempDir dir;
  const auto path = dir / "county.gpkg";
  test::writeFile(path, "x");
  EXPECT_EQ(splitLayerSpec(path.string() + ":roads:2024"), Spec(path, "roads:2024"));
}

}  // namespace
}  // namespace onemap::vector
