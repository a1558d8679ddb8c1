#include <QPainter>
#include <QtTest>

#include <cstdlib>

#include "onemap/geos/geometry.h"
#include "onemap/sheet/sheet_variables.h"
#include "onemap/vector/gpkg_writer.h"
#include "sheet_items_test.h"

using namespace onemap;

namespace {

std::string rect(double x0, double y0, double x1, double y1) {
  return QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))")
      .arg(x0, 0, 'f', 3).arg(y0, 0, 'f', 3).arg(x1, 0, 'f', 3).arg(y1, 0, 'f', 3).toStdString();
}

std::vector<unsigned char> wkb(const std::string& wkt) {
  auto g = geos::Geometry::fromWkt(wkt);
  if (!g) qFatal("bad fixture WKT %s", wkt.c_str());
  return g->toWkb();
}

void check(const Status& status) {
  if (!status) qFatal("fixture: %s", status.error().text().c_str());
}

}  // namespace

layout::Item SheetItemsTest::item(layout::ItemType type, double w, double h, std::map<std::string, std::string> props) {
  layout::Item i;
  i.id = layout::itemTypeId(type);
  i.type = type;
  i.width = w;
  i.height = h;
  i.props = std::move(props);
  return i;
}

void SheetItemsTest::keep(const QImage& image, const QString& name) {
  const QByteArray dir = qgetenv("ONEMAP_TEST_OUTPUT");
  if (!dir.isEmpty()) image.save(QString::fromLocal8Bit(dir) + '/' + name + ".png");
}

QImage SheetItemsTest::drawItem(Drawer drawer, const layout::Item& item, QString* error, double marginMm,
                                const sheet::AtlasFeature* atlas) {
  QImage image(int(std::ceil((item.width + 2 * marginMm) * kPxPerMm)), int(std::ceil((item.height + 2 * marginMm) * kPxPerMm)),
               QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  sheet::SheetContext context;
  context.project = &m_project;
  context.projectFile = m_dir->path() / "project.onemap";
  context.mapCrs = "EPSG:4549";
  context.atlas = atlas;
  context.variables["date"] = "2026-03-05";
  const layout::Variables variables = sheet::sheetVariables(m_layout, item, context);
  Feedback feedback;
  const sheet::DrawContext dc{m_layout, context, kPxPerMm, variables, feedback};
  QPainter painter(&image);
  painter.scale(kPxPerMm, kPxPerMm);
  painter.translate(marginMm, marginMm);
  const QString message = drawer(painter, item, dc);
  painter.end();
  if (error) *error = message;
  return image;
}

void SheetItemsTest::writeFixtures() {
  const auto file = m_dir->path() / "fixture.gpkg";
  auto writer = vector::GpkgWriter::create(file, 4549);
  if (!writer) qFatal("fixture: %s", writer.error().text().c_str());
  using T = vector::FieldSpec::Type;

  // Land use: four 100 m columns of 0101, 0102, 0201, 0301 from kX0, and an L-shaped pond whose
  // bounding box covers the legend's frame while the pond itself stays outside it.
  check(writer->beginLayer("dltb", "Polygon", {{"DLBM", T::String, 4}, {"DLMC", T::String, 20}}));
  const char* codes[] = {"0101", "0102", "0201", "0301"};
  const char* names[] = {"水田", "水浇地", "果园", "乔木林地"};
  for (int col = 0; col < 4; ++col)
    for (int row = 0; row < 4; ++row)
      check(writer->add(wkb(rect(kX0 + col * 100, kY0 + row * 100, kX0 + col * 100 + 100, kY0 + row * 100 + 100)),
                        {std::string(codes[col]), std::string(names[col])}));
  const double x = kX0, y = kY0;
  const std::string l = QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%5 %4,%5 %6,%1 %6,%1 %2))")
                            .arg(x - 200, 0, 'f', 0).arg(y - 100, 0, 'f', 0).arg(x - 100, 0, 'f', 0)
                            .arg(y + 450, 0, 'f', 0).arg(x + 500, 0, 'f', 0).arg(y + 500, 0, 'f', 0)
                            .toStdString();
  check(writer->add(wkb(l), {std::string("1104"), std::string("坑塘水面")}));
  check(writer->endLayer());

  // Change patches: village A (x 0–200 m) has four, village B (200–400 m) one.
  const std::vector<vector::FieldSpec> patchFields{{"JCBH", T::String, 10}, {"ZLDWDM", T::String, 19}, {"BHLX", T::String, 10},
                                                   {"BHZL", T::String, 20}, {"MJ", T::Real},          {"MJ_MU", T::Real},
                                                   {"YNMJ", T::Real}};
  struct Patch {
    const char* id;
    const char* village;
    const char* type;
    const char* subtype;
    double mj, mu, ynmj;
    std::string wkt;
  };
  const std::vector<Patch> patches{
      {"P1", "320999100201", "非农化", "building", 1000, 1.5, 10000.0 / 15.0, rect(x + 10, y + 10, x + 40, y + 40)},
      {"P2", "320999100201", "非农化", "building", 2000, 3.0, 0.0, rect(x + 50, y + 10, x + 90, y + 60)},
      {"P3", "320999100201", "非农化", "road", 500, 0.75, 500.0, rect(x + 10, y + 100, x + 20, y + 150)},
      {"P4", "320999100201", "非粮化", "pond", 3000, 4.5, 3000.0, rect(x + 100, y + 200, x + 160, y + 250)},
      {"P5", "320999100202", "非粮化", "orchard_forest", 4000, 6.0, 2000.0, rect(x + 250, y + 100, x + 330, y + 150)},
  };
  check(writer->beginLayer("patches", "Polygon", patchFields));
  for (const Patch& p : patches)
    check(writer->add(wkb(p.wkt), {std::string(p.id), std::string(p.village), std::string(p.type), std::string(p.subtype), p.mj,
                                   p.mu, p.ynmj}));
  check(writer->endLayer());

  // The same without ZLDWDM, plus two patches across A's east edge (x = 200 m): P6 60 % inside A,
  // P7 20 % inside.
  check(writer->beginLayer("patches_nocode", "Polygon",
                           {{"JCBH", T::String, 10}, {"BHLX", T::String, 10}, {"BHZL", T::String, 20}, {"MJ", T::Real},
                            {"MJ_MU", T::Real}, {"YNMJ", T::Real}}));
  for (const Patch& p : patches)
    check(writer->add(wkb(p.wkt), {std::string(p.id), std::string(p.type), std::string(p.subtype), p.mj, p.mu, p.ynmj}));
  check(writer->add(wkb(rect(x + 140, y + 300, x + 240, y + 320)), {std::string("P6"), std::string("非农化"), std::string("bare"), 2000.0, 3.0, 0.0}));
  check(writer->add(wkb(rect(x + 180, y + 330, x + 280, y + 350)), {std::string("P7"), std::string("非农化"), std::string("bare"), 2000.0, 3.0, 0.0}));
  check(writer->endLayer());
  check(writer->finish());

  auto layer = [&](const char* id, const char* name, const char* layerName) {
    project::LayerSpec spec;
    spec.id = id;
    spec.name = name;
    spec.kind = project::LayerKind::Vector;
    spec.source = file;
    spec.layerName = layerName;
    return spec;
  };
  project::LayerSpec dltb = layer("dltb", "地类图斑", "dltb");
  dltb.style = {{"mode", "categorized"}, {"category_field", "DLBM"}, {"fill_opacity", "1"}, {"stroke", "#000000"},
                {"categories", "0101=#ff0000;0102=#00ff00;0201=#0000ff;0301=#ffff00;1104=#00ffff"}};
  project::LayerSpec patchLayer = layer("patches", "变化图斑", "patches");
  patchLayer.style = {{"fill", "none"}, {"stroke", "#ff00ff"}};
  m_project.title = "青禾县";
  m_project.crs = "EPSG:4549";
  m_project.layers = {dltb, patchLayer, layer("patches_nocode", "图斑（无代码）", "patches_nocode")};
  m_project.layers.back().visible = false;

  m_villageA.code = "320999100201";
  m_villageA.name = "青禾村";
  m_villageA.wkb = wkb(rect(x, y, x + 200, y + 400));
  m_villageA.extent = Extent(x, y, x + 200, y + 400);
}

void SheetItemsTest::initTestCase() {
  m_dir = std::make_unique<test::TempDir>();
  writeFixtures();
  // The main map: x 0–150 m, y 50–350 m of the fixture in a 75 × 150 mm frame (1:2000).
  m_layout.name = "test";
  layout::Item map = item(layout::ItemType::Map, 75, 150, {{"extent", "500000,3500050,500150,3500350"}, {"layers", "dltb,patches"}});
  map.id = "map";
  m_layout.items.push_back(map);
}

QTEST_MAIN(SheetItemsTest)
