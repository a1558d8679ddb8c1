#include <gtest/gtest.h>

#include <fstream>

#include "onemap/layout/layout_json.h"
#include "onemap/project/project.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::layout;

namespace {
Layout sampleLayout() {
  Layout l;
  l.name = "一村一图";
  l.pageWidthMm = 420;
  l.pageHeightMm = 297;
  l.exportDpi = 200;
  Item map;
  map.id = "map";
  map.type = ItemType::Map;
  map.x = 20;
  map.y = 30;
  map.width = 300;
  map.height = 240;
  map.props = {{"grid", "km"}, {"scale", "5000"}};
  Item title;
  title.id = "title";
  title.type = ItemType::Label;
  title.x = 20;
  title.y = 5;
  title.width = 380;
  title.height = 15;
  title.rotation = 2.5;
  title.locked = true;
  title.props = {{"text", "{village_name}耕地保护图"}, {"font_size", "22"}};
  l.items = {map, title};
  l.atlas.enabled = true;
  l.atlas.coverageLayerId = "CJDCQ";
  l.atlas.filter = "XZQDM = '320115101'";
  l.atlas.marginPercent = 5;
  return l;
}
}  // namespace

TEST(LayoutJson, ALayoutSurvivesTheRoundTrip) {
  const Layout l = sampleLayout();
  auto back = layoutFromJson(layoutToJson(l), "test");
  ASSERT_TRUE(back) << back.error().text();
  EXPECT_EQ(*back, l);
  EXPECT_EQ(back->mainMap()->id, "map");
  EXPECT_EQ(back->atlasMap()->id, "map");
  EXPECT_EQ(back->item("title")->number("font_size", 0), 22);
}

TEST(LayoutJson, BadItemsAreNamedInTheError) {
  auto bad = layoutFromJson(R"({"items":[{"type":"map","rect":[0,0,10,10]},{"type":"wheel","rect":[0,0,1,1]}]})",
                            "sheet.onemap-layout");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().text().find("item 2"), std::string::npos) << bad.error().text();
  EXPECT_NE(bad.error().text().find("wheel"), std::string::npos);
  auto negative = layoutFromJson(R"({"items":[{"type":"map","rect":[0,0,-10,10]}]})", "x");
  ASSERT_FALSE(negative);
  auto page = layoutFromJson(R"({"page":[1,1]})", "x");
  ASSERT_FALSE(page);
}

TEST(LayoutJson, DuplicateOrMissingItemIdsAreMadeUnique) {
  auto l = layoutFromJson(
      R"({"items":[{"id":"a","type":"label","rect":[0,0,1,1]},{"id":"a","type":"label","rect":[0,0,1,1]},{"type":"map","rect":[0,0,1,1]}]})",
      "x");
  ASSERT_TRUE(l);
  ASSERT_EQ(l->items.size(), 3u);
  EXPECT_EQ(l->items[0].id, "a");
  EXPECT_NE(l->items[1].id, "a");
  EXPECT_FALSE(l->items[2].id.empty());
  EXPECT_NE(l->items[1].id, l->items[2].id);
}

TEST(LayoutJson, TemplatesAreWrittenOnceUnlessOverwriteIsAsked) {
  test::TempDir dir;
  const auto file = dir / "village.onemap-layout";
  ASSERT_TRUE(saveTemplate(sampleLayout(), file, false));
  auto again = saveTemplate(sampleLayout(), file, false);
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().text().find("exists"), std::string::npos);
  Layout changed = sampleLayout();
  changed.name = "changed";
  ASSERT_TRUE(saveTemplate(changed, file, true));
  auto loaded = loadTemplate(file);
  ASSERT_TRUE(loaded) << loaded.error().text();
  EXPECT_EQ(loaded->name, "changed");
  std::ofstream(dir / "not.onemap-layout") << R"({"format":"onemap-project"})";
  EXPECT_FALSE(loadTemplate(dir / "not.onemap-layout"));
}

TEST(LayoutJson, ProjectsKeepTheirLayouts) {
  test::TempDir dir;
  project::Project p;
  p.title = "示例县";
  p.layouts = {sampleLayout(), sampleLayout()};
  p.layouts[1].name = p.uniqueLayoutName("一村一图");
  EXPECT_EQ(p.layouts[1].name, "一村一图 2");
  ASSERT_TRUE(project::saveProject(p, dir / "p.onemap"));
  auto loaded = project::loadProject(dir / "p.onemap");
  ASSERT_TRUE(loaded) << loaded.error().text();
  ASSERT_EQ(loaded->layouts.size(), 2u);
  EXPECT_EQ(loaded->layouts[0], p.layouts[0]);
  EXPECT_NE(loaded->findLayout("一村一图 2"), nullptr);
}

TEST(LayoutJson, WronglyTypedOrDeepLayoutsAreErrorsNotCrashes) {
  auto typed = layoutFromJson(R"({"name":"A","export_dpi":"300"})", "sheet.onemap-layout");
  ASSERT_FALSE(typed);
  EXPECT_EQ(typed.error().code, ErrorCode::InvalidInput);
  EXPECT_EQ(typed.error().context, "sheet.onemap-layout");
  auto items = layoutFromJson(R"({"name":"A","items":[{"type":"label","visible":"yes"}]})", "sheet");
  ASSERT_FALSE(items);
  const std::string deep = R"({"name":"A","items":)" + std::string(5000, '[') + std::string(5000, ']') + "}";
  auto nested = layoutFromJson(deep, "sheet");
  ASSERT_FALSE(nested);
  EXPECT_NE(nested.error().message.find("levels deep"), std::string::npos);
  test::TempDir dir;
  std::ofstream(dir / "t.onemap-layout", std::ios::binary) << R"({"format":")" << kTemplateFormat
                                                            << R"(","version":"1","layout":{}})";
  auto loaded = loadTemplate(dir / "t.onemap-layout");
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().text().find("t.onemap-layout"), std::string::npos);
}
