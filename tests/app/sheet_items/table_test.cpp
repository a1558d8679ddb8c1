#include <QtTest>

#include "image_probe.h"
#include "onemap/sheet/table_data.h"
#include "sheet_items_test.h"

using namespace onemap;
using layout::ItemType;

namespace {

const sheet::ChangeSummaryRow* find(const sheet::ChangeSummary& s, const std::string& type, const std::string& subtype) {
  for (const auto& r : s.rows)
    if (r.type == type && r.subtype == subtype) return &r;
  return nullptr;
}

}  // namespace

void SheetItemsTest::summaryByVillageCode() {
  sheet::TableFilter filter;
  filter.code = m_villageA.code;
  filter.outlineWkb = m_villageA.wkb;
  filter.outlineExtent = m_villageA.extent;
  filter.crs = "EPSG:4549";
  auto summary = sheet::readChangeSummary(m_project.layers[1], filter);
  QVERIFY2(summary, summary ? "" : summary.error().text().c_str());
  QCOMPARE(summary->rows.size(), std::size_t(3));
  // Sorted 非农化 before 非粮化, building before road.
  QCOMPARE(summary->rows[0].type, std::string("非农化"));
  QCOMPARE(summary->rows[0].subtype, std::string("building"));
  QCOMPARE(summary->rows[1].subtype, std::string("road"));
  QCOMPARE(summary->rows[2].type, std::string("非粮化"));
  const auto* building = find(*summary, "非农化", "building");
  QCOMPARE(building->count, std::int64_t(2));
  QCOMPARE(building->areaMu, 4.5);
  QVERIFY(std::abs(building->pbfMu - 1.0) < 1e-9);  // YNMJ is m²: 666.67 m² = 1 亩
  QVERIFY(std::abs(find(*summary, "非农化", "road")->pbfMu - 0.75) < 1e-9);
  QCOMPARE(summary->total.count, std::int64_t(4));
  QVERIFY(std::abs(summary->total.areaMu - 9.75) < 1e-9);
  QVERIFY(std::abs(summary->total.pbfMu - 6.25) < 1e-9);
  QVERIFY(std::abs(summary->total.areaSquareMetres - 6500) < 1e-9);

  // As a table: 3 rows + 合计, the 非农化 cell merged over its two sub-types.
  const sheet::SheetTable table = sheet::summarySheetTable(*summary);
  QCOMPARE(table.rows.size(), std::size_t(4));
  QCOMPARE(table.rows[0].leadRows, 2);
  QCOMPARE(table.rows[1].leadRows, 0);
  QCOMPARE(table.rows[0].cells.at(3), QStringLiteral("4.50"));
  QCOMPARE(table.rows[0].cells.at(4), QStringLiteral("1.00"));
  QCOMPARE(table.rows[3].cells, QStringList({"Total", "", "4", "9.75", "6.25"}));
}

void SheetItemsTest::summaryByOutlineWithoutCode() {
  // No ZLDWDM: a patch belongs to the village holding at least half of it (P6 60 %, P7 20 %).
  sheet::TableFilter filter;
  filter.code = m_villageA.code;
  filter.outlineWkb = m_villageA.wkb;
  filter.outlineExtent = m_villageA.extent;
  filter.crs = "EPSG:4549";
  auto summary = sheet::readChangeSummary(m_project.layers[2], filter);
  QVERIFY2(summary, summary ? "" : summary.error().text().c_str());
  QCOMPARE(summary->total.count, std::int64_t(5));
  const auto* bare = find(*summary, "非农化", "bare");
  QVERIFY(bare);
  QCOMPARE(bare->count, std::int64_t(1));
  QVERIFY(!find(*summary, "非粮化", "orchard_forest"));  // P5 lies in village B
}

void SheetItemsTest::summaryWholeLayerWithoutAtlas() {
  auto summary = sheet::readChangeSummary(m_project.layers[1], {});
  QVERIFY(summary);
  QCOMPARE(summary->total.count, std::int64_t(5));
  QVERIFY(std::abs(summary->total.areaMu - 15.75) < 1e-9);
  QVERIFY(std::abs(summary->total.pbfMu - 9.25) < 1e-9);
  QCOMPARE(sheet::findChangePatchLayer(m_project), &m_project.layers[1]);
  // The DLTB layer is not a change-patch layer.
  QVERIFY(!sheet::readChangeSummary(m_project.layers[0], {}));
}

void SheetItemsTest::attributeTableLimitsRows() {
  auto table = sheet::readAttributeTable(m_project.layers[1], {"JCBH", "bhzl", "MJ_MU"}, 2, {});
  QVERIFY2(table, table ? "" : table.error().text().c_str());
  QCOMPARE(table->headers, QStringList({"Patch no.", "Sub-type", "Area (mu)"}));
  QCOMPARE(table->numeric, std::vector<bool>({false, false, true}));
  QCOMPARE(table->rows.size(), std::size_t(3));
  QCOMPARE(table->rows[0].cells, QStringList({"P1", "building / hardened ground", "1.50"}));
  QCOMPARE(table->rows[2].cells.at(0), QStringLiteral("… 5 in all"));
  QCOMPARE(table->rows[2].leadSpan, 3);
  auto missing = sheet::readAttributeTable(m_project.layers[1], {"JCBH", "NOPE"}, 2, {});
  QVERIFY(!missing);
  QVERIFY(QString::fromStdString(missing.error().text()).contains("NOPE"));
}

void SheetItemsTest::tableDrawsRuledCells() {
  const layout::Item table = item(ItemType::Table, 100, 40, {{"layer", "patches"}, {"font_size", "8"}});
  QString error;
  QImage image = drawItem(&sheet::drawTable, table, &error, 0.0, &m_villageA);
  keep(image, "table_summary_village_a");
  QVERIFY2(error.isEmpty(), qPrintable(error));
  // Horizontal rules across the right-most column: outer top, under the header, three between
  // the four rows, outer bottom = 6 (the merged type cell only interrupts the left column).
  const int x = image.width() - 40;
  int rules = 0;
  bool inRule = false;
  for (int y = 0; y < image.height(); ++y) {
    // A rule is a dark run spanning 60 px horizontally (text strokes are shorter).
    bool line = true;
    for (int dx = -30; dx <= 30 && line; dx += 5) line = probe::dark(image.pixel(x + dx, y));
    if (line && !inRule) ++rules;
    inRule = line;
  }
  QCOMPARE(rules, 6);
  // Too small a box: rows are cut, "…" and the total stay, and the drawer says so.
  layout::Item small = table;
  small.height = 26;
  image = drawItem(&sheet::drawTable, small, &error, 0.0, &m_villageA);
  keep(image, "table_cut");
  QVERIFY2(error.contains("more rows"), qPrintable(error));
  // Header, "…" and 合计: four rules down the right-most column, and the total's numbers.
  rules = 0;
  inRule = false;
  for (int y = 0; y < image.height(); ++y) {
    bool line = true;
    for (int dx = -30; dx <= 30 && line; dx += 5) line = probe::dark(image.pixel(x + dx, y));
    if (line && !inRule) ++rules;
    inRule = line;
  }
  QCOMPARE(rules, 4);
}
