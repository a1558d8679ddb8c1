#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

#include "onemap/sheet/sheet_variables.h"
#include "sheet_items_test.h"

using namespace onemap;
using layout::ItemType;

void SheetItemsTest::pdfTextIsSearchableChinese() {
  const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
  if (pdftotext.isEmpty()) QSKIP("pdftotext is not installed");

  // Every item type on one A4 page, drawn as the renderer would: origin at the item, unit mm.
  layout::Layout page = m_layout;
  page.pageWidthMm = 210;
  page.pageHeightMm = 297;
  page.items[0].x = 10;
  page.items[0].y = 20;
  page.items[0].width = 100;
  page.items[0].height = 120;
  page.items[0].props["grid"] = "both";
  auto place = [&](layout::Item i, double x, double y) {
    i.id = page.uniqueItemId(i.id);
    i.x = x;
    i.y = y;
    page.items.push_back(i);
  };
  place(item(ItemType::Label, 190, 12, {{"text", "{village_name}土地利用现状图"}, {"font_size", "20"}, {"bold", "true"}}), 10, 4);
  place(item(ItemType::Legend, 60, 60, {{"title", "图例"}}), 135, 20);
  place(item(ItemType::ScaleBar, 80, 14), 10, 160);
  place(item(ItemType::NorthArrow, 10, 20), 115, 20);
  place(item(ItemType::Table, 120, 40, {{"layer", "patches"}, {"title", "{village_name}变化图斑统计表"}}), 10, 180);
  place(item(ItemType::Producer, 80, 26, {{"unit", "青禾县自然资源局"}, {"data_source", "第三次全国国土调查"}}), 120, 240);
  place(item(ItemType::Shape, 190, 0.5, {{"stroke_width", "0.5"}}), 10, 175);

  const QString file = QString::fromStdString((m_dir->path() / "items.pdf").string());
  {
    QPdfWriter writer(file);
    writer.setPageSize(QPageSize(QSizeF(210, 297), QPageSize::Millimeter));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(600);
    QPainter painter(&writer);
    const double dotsPerMm = writer.resolution() / 25.4;
    painter.scale(dotsPerMm, dotsPerMm);
    sheet::SheetContext context;
    context.project = &m_project;
    context.mapCrs = "EPSG:4549";
    context.atlas = &m_villageA;
    context.variables["date"] = "2026-03-05";
    Feedback feedback;
    for (const layout::Item& i : page.items) {
      const layout::Variables variables = sheet::sheetVariables(page, i, context);
      const sheet::DrawContext dc{page, context, dotsPerMm, variables, feedback};
      painter.save();
      painter.translate(i.x, i.y);
      QString error;
      switch (i.type) {
        case ItemType::Map: error = sheet::drawMapGrid(painter, i, dc); break;
        case ItemType::Label: error = sheet::drawLabel(painter, i, dc); break;
        case ItemType::Legend: error = sheet::drawLegend(painter, i, dc); break;
        case ItemType::ScaleBar: error = sheet::drawScaleBar(painter, i, dc); break;
        case ItemType::NorthArrow: error = sheet::drawNorthArrow(painter, i, dc); break;
        case ItemType::Table: error = sheet::drawTable(painter, i, dc); break;
        case ItemType::Picture: error = sheet::drawPicture(painter, i, dc); break;
        case ItemType::Producer: error = sheet::drawProducer(painter, i, dc); break;
        case ItemType::Shape: error = sheet::drawShape(painter, i, dc); break;
      }
      painter.restore();
      QVERIFY2(error.isEmpty(), qPrintable(QString::fromStdString(i.id) + ": " + error));
    }
  }
  if (const QByteArray out = qgetenv("ONEMAP_TEST_OUTPUT"); !out.isEmpty())
    QFile::copy(file, QString::fromLocal8Bit(out) + "/items.pdf");
  QProcess process;
  process.start(pdftotext, {"-enc", "UTF-8", file, "-"});
  QVERIFY(process.waitForFinished(30000));
  const QString text = QString::fromUtf8(process.readAllStandardOutput());
  for (const char* expected : {"青禾村土地利用现状图", "0101 水田", "0102 水浇地", "变化图斑", "青禾村变化图斑统计表", "非农化",
                               "非粮化", "9.75", "6.25", "青禾县自然资源局", "第三次全国国土调查", "1:2500", "2026年3月5日"})
    QVERIFY2(text.contains(QString::fromUtf8(expected)), qPrintable(QStringLiteral("“%1” not in:\n%2").arg(QString::fromUtf8(expected), text)));
  QVERIFY2(text.contains("120°"), qPrintable(text));
  // The legend title is spaced out ("图  例"); pdftotext may keep the gap as a space.
  QVERIFY2(text.contains(QRegularExpression(QString::fromUtf8("图\\s*例"))), qPrintable(text));
}
