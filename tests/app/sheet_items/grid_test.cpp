#include <QtTest>

#include "image_probe.h"
#include "onemap/proj/transform.h"
#include "onemap/sheet/frame_view.h"
#include "onemap/sheet/grid_lines.h"
#include "sheet_items_test.h"

using namespace onemap;
using layout::ItemType;
using sheet::FrameEdge;
using sheet::GridTick;

namespace {

/// Labelled ticks of `kind` on `edge`, ordered along the edge.
std::vector<GridTick> ticksOn(const sheet::GridGeometry& grid, GridTick::Kind kind, FrameEdge edge) {
  std::vector<GridTick> out;
  for (const GridTick& t : grid.ticks)
    if (t.kind == kind && t.edge == edge && t.labelled) out.push_back(t);
  std::sort(out.begin(), out.end(), [](const GridTick& a, const GridTick& b) {
    return a.position.x() + a.position.y() < b.position.x() + b.position.y();
  });
  return out;
}

sheet::FrameView view(double cx, double cy, double scale, double w, double h, double rotation = 0) {
  sheet::FrameView v;
  v.centerX = cx;
  v.centerY = cy;
  v.scale = scale;
  v.rotation = rotation;
  v.sizeMm = QSizeF(w, h);
  return v;
}

}  // namespace

void SheetItemsTest::kilometreGridTicksAndLabels() {
  QCOMPARE(sheet::automaticGridInterval(1000), 200.0);
  QCOMPARE(sheet::automaticGridInterval(8000), 1000.0);
  QCOMPARE(sheet::automaticGridInterval(12000), 2000.0);
  // 1:10 000, 100 × 80 mm around (500 030, 3 500 070): x 499 530–500 530, y 3 499 670–3 500 470.
  const sheet::GridGeometry grid = sheet::kilometreGrid(view(500030, 3500070, 10000, 100, 80), 0);
  QCOMPARE(grid.interval, 200.0);
  const auto top = ticksOn(grid, GridTick::Kind::Easting, FrameEdge::Top);
  QCOMPARE(top.size(), std::size_t(5));
  const double xs[] = {7, 27, 47, 67, 87};
  const char* topLabels[] = {"499.6", "99.8", "00.0", "00.2", "500.4"};
  for (std::size_t i = 0; i < 5; ++i) {
    QVERIFY2(std::abs(top[i].position.x() - xs[i]) < 1e-6 && std::abs(top[i].position.y()) < 1e-6,
             qPrintable(QStringLiteral("%1,%2").arg(top[i].position.x()).arg(top[i].position.y())));
    QCOMPARE(top[i].label, QString(topLabels[i]));
    QVERIFY(std::abs(top[i].direction.y() - 1.0) < 1e-9);  // into the frame
  }
  QCOMPARE(ticksOn(grid, GridTick::Kind::Easting, FrameEdge::Bottom).size(), std::size_t(5));
  QVERIFY(ticksOn(grid, GridTick::Kind::Easting, FrameEdge::Left).empty());
  const auto left = ticksOn(grid, GridTick::Kind::Northing, FrameEdge::Left);
  QCOMPARE(left.size(), std::size_t(4));
  const double ys[] = {7, 27, 47, 67};
  const char* leftLabels[] = {"3500.4", "00.2", "00.0", "3499.8"};
  for (std::size_t i = 0; i < 4; ++i) {
    QVERIFY(std::abs(left[i].position.y() - ys[i]) < 1e-6 && std::abs(left[i].position.x()) < 1e-6);
    QCOMPARE(left[i].label, QString(leftLabels[i]));
  }
  QCOMPARE(grid.crosses.size(), std::size_t(20));
  // Lines on the neatline itself (x 500 000 and 500 200 here) get no ticks or labels.
  const auto edgeGrid = sheet::kilometreGrid(view(500100, 3500100, 1000, 200, 200), 50);
  const auto edgeTop = ticksOn(edgeGrid, GridTick::Kind::Easting, FrameEdge::Top);
  QCOMPARE(edgeTop.size(), std::size_t(3));
  QCOMPARE(edgeTop.front().value, 500050.0);
  QCOMPARE(edgeTop.front().label, QStringLiteral("500.05"));
  QCOMPARE(edgeTop[1].label, QStringLiteral("00.10"));
  // Whole-kilometre spacing prints kilometres without decimals.
  const auto km = sheet::kilometreGrid(view(512345, 3456789, 50000, 100, 100), 1000);
  const auto kmTop = ticksOn(km, GridTick::Kind::Easting, FrameEdge::Top);
  QVERIFY(kmTop.size() >= 4);
  QCOMPARE(kmTop.front().label, QStringLiteral("510"));
  QCOMPARE(kmTop[1].label, QStringLiteral("11"));
  QCOMPARE(kmTop.back().label, QString::number(int(kmTop.back().value / 1000)));
}

void SheetItemsTest::kilometreGridOnRotatedFrame() {
  // Turned 90° clockwise, eastings cross the left and right edges; x = 500 000 lies 3 mm above
  // the centre line (y_frame = 40 + (x − cx) / 10).
  const sheet::GridGeometry grid = sheet::kilometreGrid(view(500030, 3500070, 10000, 80, 80, 90), 200);
  QVERIFY(ticksOn(grid, GridTick::Kind::Easting, FrameEdge::Top).empty());
  const auto left = ticksOn(grid, GridTick::Kind::Easting, FrameEdge::Left);
  const auto right = ticksOn(grid, GridTick::Kind::Easting, FrameEdge::Right);
  QCOMPARE(left.size(), right.size());
  bool found = false;
  for (const GridTick& t : left)
    if (t.value == 500000) {
      found = true;
      QVERIFY2(std::abs(t.position.y() - 37.0) < 1e-6, qPrintable(QString::number(t.position.y())));
    }
  QVERIFY(found);
  // At 30° both families meet every edge; only steep crossings are labelled.
  const sheet::GridGeometry turned = sheet::kilometreGrid(view(500030, 3500070, 10000, 80, 80, 30), 200);
  std::map<std::pair<int, double>, int> labelsPerLine;
  for (const GridTick& t : turned.ticks) {
    const bool horizontalEdge = t.edge == FrameEdge::Top || t.edge == FrameEdge::Bottom;
    const double across = horizontalEdge ? std::abs(t.direction.y()) : std::abs(t.direction.x());
    if (across > 0.5 + 1e-6) QVERIFY(t.labelled);
    labelsPerLine[{int(t.kind), t.value}] += t.labelled ? 1 : 0;
  }
  // Every line has a label somewhere.
  for (const auto& [line, n] : labelsPerLine) QVERIFY2(n >= 1, qPrintable(QString::number(line.second)));
}

void SheetItemsTest::graticuleLabelsAtKnownCoordinates() {
  QCOMPARE(sheet::degreeLabel(120.25, true, 1.0 / 60), QStringLiteral("120°15′E"));
  QCOMPARE(sheet::degreeLabel(31.5, false, 30.0 / 60), QStringLiteral("31°30′N"));
  QCOMPARE(sheet::degreeLabel(120 + 15.0 / 60 + 30.0 / 3600, true, 30.0 / 3600), QStringLiteral("120°15′30″E"));
  QCOMPARE(sheet::degreeLabel(118, true, 1), QStringLiteral("118°E"));
  // A frame centred on 120°E (the central meridian of EPSG:4549, a straight line x = 500 000)
  // at 31.6°N.
  auto toMap = proj::Transform::create("EPSG:4490", "EPSG:4549");
  QVERIFY(toMap);
  double x = 120.0, y = 31.6;
  QVERIFY(toMap->apply(x, y));
  QVERIFY(std::abs(x - 500000) < 1e-3);
  auto grid = sheet::graticule(view(x, y, 10000, 100, 80), "EPSG:4549", 0);
  QVERIFY2(grid, grid ? "" : grid.error().text().c_str());
  QCOMPARE(grid->interval, 10.0 / 3600);  // 38″ across: 10″ lines
  bool meridian = false, parallel = false;
  for (const GridTick& t : ticksOn(*grid, GridTick::Kind::Longitude, FrameEdge::Top))
    if (t.label == QStringLiteral("120°00′00″E")) {
      meridian = true;
      QVERIFY2(std::abs(t.position.x() - 50.0) < 0.01, qPrintable(QString::number(t.position.x())));
    }
  for (const GridTick& t : ticksOn(*grid, GridTick::Kind::Latitude, FrameEdge::Left))
    if (t.label == QStringLiteral("31°36′00″N")) {
      parallel = true;
      QVERIFY2(std::abs(t.position.y() - 40.0) < 0.01, qPrintable(QString::number(t.position.y())));
    }
  QVERIFY(meridian && parallel);
  // Neighbouring meridians 10″ apart: 10″ of longitude at 31.6°N is about 263.7 m = 26.4 mm.
  const auto top = ticksOn(*grid, GridTick::Kind::Longitude, FrameEdge::Top);
  QVERIFY(top.size() >= 3);
  QVERIFY2(std::abs((top[1].position.x() - top[0].position.x()) - 26.4) < 0.3, qPrintable(QString::number(top[1].position.x() - top[0].position.x())));
}

void SheetItemsTest::gridLabelsDrawnOutsideTheFrame() {
  // The main map (75 × 150 mm, 1:2000, x 500 000–500 150) with a 50 m km grid: ticks at
  // x = 500 050 and 500 100 → 25 and 50 mm from the frame's left edge.
  layout::Item& map = m_layout.items[0];
  map.props["grid"] = "both";
  QString error;
  const double margin = 20;
  const QImage image = drawItem(&sheet::drawMapGrid, map, &error, margin);
  map.props["grid"] = "km";
  map.props["grid_lines"] = "true";
  const QImage lined = drawItem(&sheet::drawMapGrid, map, nullptr, margin);
  map.props.erase("grid");
  map.props.erase("grid_lines");
  keep(image, "grid_both");
  keep(lined, "grid_km_lines");
  QVERIFY2(error.isEmpty(), qPrintable(error));
  const int frameTop = int(margin * kPxPerMm);
  // The label of x = 500 050 ("500.05": the first on the top edge, so in full) centred over
  // 25 mm, above the frame; the line x = 500 000 on the neatline itself gets none.
  const int cx = int((margin + 25) * kPxPerMm);
  const QRect above(cx - 40, frameTop - 50, 80, 45);
  QVERIFY(probe::count(image, probe::dark, above) > 40);
  // Nothing but ticks and crosses inside: a little ink, far less than lines across the frame.
  const QRect inside(frameTop + 30, frameTop + 30, 750 - 60, 1500 - 60);
  const auto ink = [](QRgb c) { return qGray(c) < 200; };  // 0.1 mm lines are 1 px, anti-aliased
  const int crossesInk = probe::count(image, ink, inside);
  const int linesInk = probe::count(lined, ink, inside);
  QVERIFY2(crossesInk > 0 && crossesInk * 3 < linesInk, qPrintable(QStringLiteral("%1 / %2").arg(crossesInk).arg(linesInk)));
  // Turned 30°: ticks where the lines cross the frame's edges, labels still outside it.
  map.props["grid"] = "km";
  map.props["map_rotation"] = "30";
  const QImage turned = drawItem(&sheet::drawMapGrid, map, &error, margin);
  map.props.erase("grid");
  map.props.erase("map_rotation");
  keep(turned, "grid_km_rotated");
  QVERIFY2(error.isEmpty(), qPrintable(error));
  const int outside = probe::count(turned, probe::dark) - probe::count(turned, probe::dark, QRect(frameTop, frameTop, 750, 1500));
  QVERIFY2(outside > 500, qPrintable(QString::number(outside)));
  // A full line at x = 500 050 runs the frame's height.
  int column = 0;
  for (int y = frameTop; y < frameTop + 1500; ++y) column += ink(lined.pixel(cx - 1, y)) || ink(lined.pixel(cx, y)) ? 1 : 0;
  QVERIFY2(column > 1400, qPrintable(QString::number(column)));
}
