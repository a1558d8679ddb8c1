#include <gtest/gtest.h>

#include <fstream>

#include "onemap/project/project.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::project;

namespace {
void writeText(const std::filesystem::path& p, const std::string& s) {
  std::ofstream(p, std::ios::binary) << s;
}
}  // namespace

TEST(ProjectFile, SaveThenLoadGivesTheSameProject) {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "data");
  writeText(dir / "data" / "a.tif", "x");
  Project p;
  p.title = "示例县";
  p.crs = "EPSG:4549";
  p.extent = Extent(1, 2, 3, 4);
  LayerSpec l;
  l.id = "img";
  l.name = "2024 影像";
  l.kind = LayerKind::Raster;
  l.source = dir / "data" / "a.tif";
  l.opacity = 0.5;
  l.style["rgb"] = "nir,red,green";
  p.layers.push_back(l);
  LayerSpec v;
  v.id = "dltb";
  v.name = "地类图斑";
  v.kind = LayerKind::Vector;
  v.source = dir / "data" / "b.gpkg";
  v.layerName = "DLTB";
  v.visible = false;
  v.group = "三调";
  p.layers.push_back(v);
  p.bookmarks.push_back({"村委会", Extent(5, 6, 7, 8)});

  ASSERT_TRUE(saveProject(p, dir / "p.onemap"));
  const auto loaded = loadProject(dir / "p.onemap");
  ASSERT_TRUE(loaded) << loaded.error().text();
  EXPECT_EQ(loaded->title, "示例县");
  EXPECT_EQ(loaded->crs, "EPSG:4549");
  EXPECT_EQ(*loaded->extent, Extent(1, 2, 3, 4));
  ASSERT_EQ(loaded->layers.size(), 2u);
  EXPECT_EQ(loaded->layers[0].source, dir / "data" / "a.tif");
  EXPECT_EQ(loaded->layers[0].style.at("rgb"), "nir,red,green");
  EXPECT_DOUBLE_EQ(loaded->layers[0].opacity, 0.5);
  EXPECT_EQ(loaded->layers[1].layerName, "DLTB");
  EXPECT_FALSE(loaded->layers[1].visible);
  EXPECT_EQ(loaded->layers[1].group, "三调");
  ASSERT_EQ(loaded->bookmarks.size(), 1u);
  EXPECT_EQ(loaded->bookmarks[0].name, "村委会");
}

TEST(ProjectFile, StoresPathsRelativeSoTheFolderCanMove) {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "county" / "data");
  writeText(dir / "county" / "data" / "a.tif", "x");
  Project p;
  LayerSpec l;
  l.id = "a";
  l.source = dir / "county" / "data" / "a.tif";
  p.layers.push_back(l);
  ASSERT_TRUE(saveProject(p, dir / "county" / "p.onemap"));
  std::filesystem::rename(dir / "county", dir / "moved");
  const auto loaded = loadProject(dir / "moved" / "p.onemap");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->layers[0].source, dir / "moved" / "data" / "a.tif");
  EXPECT_TRUE(missingSources(*loaded).empty());
}

TEST(ProjectFile, MissingSourcesAreListed) {
  Project p;
  LayerSpec l;
  l.id = "gone";
  l.source = "/no/such/file.tif";
  p.layers.push_back(l);
  const auto missing = missingSources(p);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0]->id, "gone");
}

TEST(ProjectFile, RejectsFilesThatAreNotProjectsNamingTheFile) {
  test::TempDir dir;
  writeText(dir / "bad.onemap", "{ not json");
  auto r = loadProject(dir / "bad.onemap");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::InvalidInput);
  EXPECT_NE(r.error().text().find("bad.onemap"), std::string::npos);

  writeText(dir / "other.onemap", R"({"format":"something-else"})");
  EXPECT_FALSE(loadProject(dir / "other.onemap"));

  writeText(dir / "newer.onemap", R"({"format":"onemap-project","version":99})");
  r = loadProject(dir / "newer.onemap");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::Unsupported);

  r = loadProject(dir / "absent.onemap");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::NotFound);
}

TEST(ProjectFile, ALayerWithoutSourceIsReportedWithItsNumber) {
  test::TempDir dir;
  writeText(dir / "p.onemap",
            R"({"format":"onemap-project","version":1,"layers":[{"source":"a.tif"},{"name":"x"}]})");
  const auto r = loadProject(dir / "p.onemap");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().context.find("layer 2"), std::string::npos);
}

TEST(ProjectFile, UniqueLayerIdsAvoidCollisions) {
  Project p;
  p.layers.push_back({.id = "dltb"});
  p.layers.push_back({.id = "dltb_1"});
  EXPECT_EQ(p.uniqueLayerId("dltb"), "dltb_2");
  EXPECT_EQ(p.uniqueLayerId("img"), "img");
}

TEST(ProjectFile, TheShippedRealPairProjectsOpenWithEveryFilePresent) {
  for (const auto& relative : {"landsat_nanjing/nanjing-landsat.onemap", "sentinel2_chongqing/chongqing-sentinel2.onemap"}) {
    const auto r = loadProject(test::sourceDir() / "data-samples" / relative);
    ASSERT_TRUE(r) << r.error().text();
    EXPECT_GE(r->layers.size(), 3u) << relative;
    EXPECT_TRUE(missingSources(*r).empty()) << relative;
  }
}

TEST(ProjectFile, WronglyTypedValuesAreErrorsNamingTheFileNotCrashes) {
  test::TempDir dir;
  const std::string layer = R"({"id":"a","kind":"raster","source":"a.tif")";
  const std::pair<const char*, std::string> cases[] = {
      {"visible.onemap", R"({"format":"onemap-project","version":1,"layers":[)" + layer + R"(,"visible":"yes"}]})"},
      {"version.onemap", R"({"format":"onemap-project","version":"1"})"},
      {"opacity.onemap", R"({"format":"onemap-project","version":1,"layers":[)" + layer + R"(,"opacity":"half"}]})"},
      {"layers.onemap", R"({"format":"onemap-project","version":1,"layers":{}})"},
      {"bookmarks.onemap", R"({"format":"onemap-project","version":1,"bookmarks":[{"name":3,"extent":[0,0,1,1]}]})"},
      {"layout.onemap", R"({"format":"onemap-project","version":1,"layouts":[{"name":"A","export_dpi":"300"}]})"},
      {"title.onemap", R"({"format":"onemap-project","version":1,"title":["a"]})"},
  };
  for (const auto& [name, text] : cases) {
    writeText(dir / name, text);
    auto loaded = project::loadProject(dir / name);
    ASSERT_FALSE(loaded) << name;
    EXPECT_EQ(loaded.error().code, ErrorCode::InvalidInput) << name;
    EXPECT_NE(loaded.error().text().find(name), std::string::npos) << loaded.error().text();
  }
}

TEST(ProjectFile, DeepNestingIsRefusedBeforeParsing) {
  test::TempDir dir;
  for (int depth : {1000, 100000}) {
    std::string text = R"({"format":"onemap-project","version":1,"bookmarks":)";
    text += std::string(std::size_t(depth), '[') + std::string(std::size_t(depth), ']') + "}";
    writeText(dir / "deep.onemap", text);
    auto loaded = project::loadProject(dir / "deep.onemap");
    ASSERT_FALSE(loaded) << depth;
    EXPECT_NE(loaded.error().message.find("levels deep"), std::string::npos) << loaded.error().text();
  }
  // Brackets inside strings are no nesting.
  writeText(dir / "strings.onemap", R"({"format":"onemap-project","version":1,"title":")" + std::string(500, '[') + "\"}");
  EXPECT_TRUE(project::loadProject(dir / "strings.onemap"));
}

TEST(ProjectFile, AFolderIsNoProject) {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "county.onemap");
  auto loaded = project::loadProject(dir / "county.onemap");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::InvalidInput);
  EXPECT_NE(loaded.error().message.find("folder"), std::string::npos);
}
