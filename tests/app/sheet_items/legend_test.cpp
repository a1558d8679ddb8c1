#include <QElapsedTimer>
#include <QtTest>

#include "image_probe.h"
#include "onemap/geos/geometry.h"
#include "onemap/sheet/frame_view.h"
#include "onemap/sheet/legend_content.h"
#include "onemap/vector/feature_reader.h"
#include "sheet_items_test.h"

using namespace onemap;
using layout::ItemType;

namespace {

QStringList labels(const std::vector<sheet::LegendLine>& lines) {
  QStringList out;
  for (const auto& l : lines) out << l.entry.label;
  return out;
}

}  // namespace

void SheetItemsTest::legendListsOnlyCategoriesInTheFrame() {
  // The frame shows x 0–150 m: land-use columns 0101 and 0102 only. The L-shaped pond's
  // bounding box covers the frame but the pond does not reach into it.
  const sheet::SheetContext context{&m_project, {}, "EPSG:4549"};
  const sheet::FrameView view = sheet::frameView(m_layout, m_layout.items[0], context);
  sheet::LegendArea area;
  for (QPointF c : {QPointF(0, 0), QPointF(75, 0), QPointF(75, 150), QPointF(0, 150)}) area.corners.push_back(view.toMap(c));
  area.bbox = view.visibleExtent();
  area.crs = "EPSG:4549";
  const std::vector<const project::LayerSpec*> layers{&m_project.layers[0]};
  QStringList problems;
  const auto visible = sheet::legendLines(layers, &area, nullptr, &problems);
  QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
  QCOMPARE(labels(visible), QStringList({"0101 水田", "0102 水浇地"}));
  const auto all = sheet::legendLines(layers, nullptr, nullptr, &problems);
  QCOMPARE(labels(all), QStringList({"0101 水田", "0102 水浇地", "0201 果园", "0301 乔木林地", "1104 坑塘水面"}));

  // A frame with nothing of the layer in it leaves the layer out.
  sheet::LegendArea empty;
  const double x = kX0 + 2000;
  empty.corners = {QPointF(x, kY0), QPointF(x + 100, kY0), QPointF(x + 100, kY0 + 100), QPointF(x, kY0 + 100)};
  empty.bbox = Extent(x, kY0, x + 100, kY0 + 100);
  empty.crs = "EPSG:4549";
  QVERIFY(sheet::legendLines(layers, &empty, nullptr, &problems).empty());
}

void SheetItemsTest::legendSwatchesHaveTheStyleColours() {
  const layout::Item legend = item(ItemType::Legend, 50, 40, {{"font_size", "9"}});
  QString error;
  QImage image = drawItem(&sheet::drawLegend, legend, &error);
  keep(image, "legend_visible");
  QVERIFY2(error.isEmpty(), qPrintable(error));
  // Walk down the swatch column: rows in order — patches (top-most layer: outline only), 0101
  // red, 0102 green; no blue 0201, yellow 0301 or cyan pond.
  const int x = int(1.5 * kPxPerMm + 25);  // inside the swatches
  QStringList colours;
  QString last;
  for (int y = 0; y < image.height(); ++y) {
    const QRgb c = image.pixel(x, y);
    QString name;
    if (probe::near(c, Qt::red, 30)) name = "red";
    else if (probe::near(c, Qt::green, 30)) name = "green";
    else if (probe::near(c, Qt::blue, 30)) name = "blue";
    else if (probe::near(c, Qt::yellow, 30)) name = "yellow";
    else if (probe::near(c, Qt::cyan, 30)) name = "cyan";
    if (!name.isEmpty() && name != last) colours << name;
    if (!name.isEmpty()) last = name;
  }
  QCOMPARE(colours, QStringList({"red", "green"}));
  // The patch layer's swatch (magenta outline) comes first, above the red one.
  const QRect magenta = probe::bounds(image, [](QRgb c) { return probe::near(c, QColor(255, 0, 255), 60); });
  const QRect red = probe::bounds(image, [](QRgb c) { return probe::near(c, Qt::red, 30); });
  QVERIFY(!magenta.isNull());
  QVERIFY(magenta.bottom() < red.top());

  // Without only_visible every category is listed, in two columns.
  layout::Item everything = legend;
  everything.props["only_visible"] = "false";
  everything.props["columns"] = "2";
  everything.width = 80;
  image = drawItem(&sheet::drawLegend, everything, &error);
  keep(image, "legend_all_two_columns");
  QVERIFY2(error.isEmpty(), qPrintable(error));
  const QRect blue = probe::bounds(image, [](QRgb c) { return probe::near(c, Qt::blue, 30); });
  const QRect yellow = probe::bounds(image, [](QRgb c) { return probe::near(c, Qt::yellow, 30); });
  const QRect cyan = probe::bounds(image, [](QRgb c) { return probe::near(c, Qt::cyan, 30); });
  const QRect red2 = probe::bounds(image, [](QRgb c) { return probe::near(c, Qt::red, 30); });
  QVERIFY(!blue.isNull() && !yellow.isNull() && !cyan.isNull());
  // Six entries in two columns of three, column by column: 0201 (4th) heads the second column,
  // 0301 sits beside 0101.
  QVERIFY2(blue.left() > image.width() / 2, qPrintable(QString::number(blue.left())));
  QVERIFY(red2.right() < image.width() / 2);
  QCOMPARE(yellow.top(), red2.top());
  QVERIFY(blue.top() < yellow.top() && yellow.top() < cyan.top());
}

void SheetItemsTest::legendOverflowEndsWithEllipsis() {
  const layout::Item legend = item(ItemType::Legend, 40, 22, {{"only_visible", "false"}, {"font_size", "9"}});
  QString error;
  const QImage image = drawItem(&sheet::drawLegend, legend, &error);
  keep(image, "legend_overflow");
  QVERIFY2(error.contains("of 6"), qPrintable(error));
  // Nothing is drawn below the box and the last row is text only ("…"), no swatch.
  const QRect ink = probe::bounds(image, [](QRgb c) { return qGray(c) < 200; });
  QVERIFY(ink.bottom() < image.height());
  QVERIFY(probe::count(image, [](QRgb c) { return probe::near(c, Qt::blue, 30) || probe::near(c, Qt::yellow, 30); }) == 0);
}

void SheetItemsTest::legendOnCountySampleIsFast() {
  // Opt-in benchmark on the county sample (274 000 DLTB polygons): ONEMAP_COUNTY_DIR=/tmp/county.
  const QByteArray dir = qgetenv("ONEMAP_COUNTY_DIR");
  if (dir.isEmpty()) QSKIP("set ONEMAP_COUNTY_DIR to the county sample to measure the legend on it");
  auto county = project::loadProject(std::filesystem::path(dir.toStdString()) / "sample-project.onemap");
  QVERIFY2(county, county ? "" : county.error().text().c_str());
  const project::LayerSpec* dltb = nullptr;
  const project::LayerSpec* villages = nullptr;
  for (const auto& l : county->layers) {
    if (l.id == "DLTB") dltb = &l;
    if (l.id == "CJDCQ") villages = &l;
  }
  QVERIFY(dltb && villages);
  auto reader = vector::FeatureReader::open(villages->source, villages->layerName);
  QVERIFY(reader);
  vector::ReadOptions options;
  options.fields = std::vector<std::string>{};
  auto features = reader->readAll(options);
  QVERIFY(features && features->size() >= 5);
  for (std::size_t i = 0; i < 5; ++i) {
    auto g = geos::Geometry::fromWkb((*features)[i * features->size() / 5].wkb);
    QVERIFY(g);
    const Extent e = g->extent().buffered(100);
    sheet::LegendArea area;
    area.corners = {QPointF(e.minX(), e.minY()), QPointF(e.maxX(), e.minY()), QPointF(e.maxX(), e.maxY()), QPointF(e.minX(), e.maxY())};
    area.bbox = e;
    area.crs = county->crs;
    QElapsedTimer timer;
    timer.start();
    QStringList problems;
    const auto lines = sheet::legendLines({dltb}, &area, nullptr, &problems);
    const qint64 cold = timer.elapsed();
    timer.restart();
    const auto again = sheet::legendLines({dltb}, &area, nullptr, &problems);
    const qint64 cached = timer.elapsed();
    qInfo("village %zu: %zu land-use classes, %lld ms, again %lld ms", i, lines.size(), cold, cached);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    QVERIFY(!lines.empty() && lines.size() == again.size());
    QVERIFY2(cold < 1500, qPrintable(QString::number(cold)));
    QVERIFY(cached < 20);
  }
}
