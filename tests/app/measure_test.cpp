#include <QtTest>

#include "gdal_fixtures.h"
#include "main_window.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/measure_tool.h"
#include "onemap/gui/project_controller.h"
#include "onemap/proj/geodesic.h"
#include "onemap/proj/transform.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

std::filesystem::path writeRaster(const test::TempDir& dir) {
  test::GeoTiffSpec spec;
  spec.width = 500;
  spec.height = 500;
  spec.bands = 1;
  spec.dataType = "Byte";
  spec.geoTransform = {500000, 2, 0, 3501000, 0, -2};
  spec.value = [](int, int x, int) { return x % 256; };
  const auto path = dir / "base.tif";
  test::writeGeoTiff(path, spec);
  return path;
}

}  // namespace

/// Measuring distances and areas: planar in the map CRS and on the CGCS2000 ellipsoid.
class MeasureTest : public QObject {
  Q_OBJECT
 private slots:
  void distanceIsExactOnThePlaneAndMatchesTheGeodesic() {
    test::TempDir dir;
    shell::MainWindow window;
    window.resize(900, 700);
    window.show();
    QVERIFY(window.openPath(writeRaster(dir), true));
    auto* tool = window.canvas()->findChild<gui::MeasureTool*>();
    QVERIFY(tool != nullptr);
    tool->setMode(gui::MeasureTool::Mode::Distance);
    const std::vector<QPointF> points{{500000, 3500000}, {500300, 3500000}, {500300, 3500400}};
    for (const QPointF& p : points) tool->addPoint(p);
    const gui::Measurement m = tool->measurement();
    QVERIFY(m.planarValid);
    QCOMPARE(m.lengthPlanar, 700.0);
    QCOMPARE(m.lastSegmentPlanar, 400.0);
    // Reference: PROJ's geodesic on the same vertices in CGCS2000 lon/lat.
    auto toLonLat = proj::Transform::create("EPSG:4549", "EPSG:4490");
    QVERIFY(toLonLat.has_value());
    std::vector<proj::LonLat> lonLat;
    for (const QPointF& p : points) {
      double x = p.x();
      double y = p.y();
      QVERIFY(toLonLat->apply(x, y));
      lonLat.push_back({x, y});
    }
    const double geod = proj::geodesicLength(lonLat);
    QVERIFY(m.ellipsoidalValid);
    QVERIFY2(std::abs(m.lengthEllipsoidal - geod) <= 0.001 * geod, qPrintable(QString::number(m.lengthEllipsoidal)));
    // On the central meridian the two agree to well under 0.1 %.
    QVERIFY(std::abs(m.lengthEllipsoidal - 700.0) < 0.7);
    const QStringList lines = tool->resultLines();
    QVERIFY2(lines.join('\n').contains(QStringLiteral("Total (planar, EPSG:4549 plane): 700.00 m")),
             qPrintable(lines.join('\n')));
    QVERIFY(lines.join('\n').contains(QStringLiteral("ellipsoidal, CGCS2000 ellipsoid")));
  }

  void areaIsExactOnThePlaneInSquareMetresMuAndHectares() {
    test::TempDir dir;
    shell::MainWindow window;
    window.resize(900, 700);
    QVERIFY(window.openPath(writeRaster(dir), true));
    auto* tool = window.canvas()->findChild<gui::MeasureTool*>();
    tool->setMode(gui::MeasureTool::Mode::Area);
    for (const QPointF& p : {QPointF(500000, 3500000), QPointF(500300, 3500000), QPointF(500300, 3500400),
                             QPointF(500000, 3500400)})
      tool->addPoint(p);
    const gui::Measurement m = tool->measurement();
    QCOMPARE(m.areaPlanar, 120000.0);
    QCOMPARE(m.lengthPlanar, 1400.0);
    QVERIFY(std::abs(m.areaEllipsoidal - 120000.0) < 120.0);  // 0.1 %
    // 120 000 m² = 180 亩 (1 亩 = 666.67 m²) = 12 ha.
    QCOMPARE(gui::MeasureTool::formatArea(120000.0), QStringLiteral("120,000.00 m² = 180.00 亩 = 12.0000 ha"));
    QCOMPARE(gui::MeasureTool::formatArea(666.6666667), QStringLiteral("666.67 m² = 1.00 亩 = 0.0667 ha"));
    QCOMPARE(gui::MeasureTool::formatLength(532.1), QStringLiteral("532.10 m"));
    QCOMPARE(gui::MeasureTool::formatLength(12345.0), QStringLiteral("12.345 km"));
    QVERIFY(tool->resultLines().join('\n').contains(QStringLiteral("180.00 亩")));
  }

  void clicksAddVerticesDoubleClickFinishesAndEscapeClears() {
    test::TempDir dir;
    shell::MainWindow window;
    window.resize(900, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openPath(writeRaster(dir), true));
    auto* canvas = window.canvas();
    auto* tool = canvas->findChild<gui::MeasureTool*>();
    tool->setMode(gui::MeasureTool::Mode::Distance);
    canvas->setMapTool(tool);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, QPoint(100, 100));
    QTest::mouseClick(canvas, Qt::LeftButton, {}, QPoint(300, 100));
    // A double-click: the first click adds the vertex, the double-click finishes (no duplicate).
    QTest::mouseClick(canvas, Qt::LeftButton, {}, QPoint(300, 250));
    QTest::mouseDClick(canvas, Qt::LeftButton, {}, QPoint(300, 250));
    QVERIFY(tool->isFinished());
    QCOMPARE(tool->points().size(), std::size_t(3));
    const double upp = canvas->currentSettings().mapUnitsPerPixel();
    QVERIFY(std::abs(tool->measurement().lengthPlanar - 350 * upp) < 1e-6 * 350 * upp);
    // The next click starts a new measurement.
    QTest::mouseClick(canvas, Qt::LeftButton, {}, QPoint(50, 50));
    QVERIFY(!tool->isFinished());
    QCOMPARE(tool->points().size(), std::size_t(1));
    QTest::keyClick(canvas, Qt::Key_Escape);
    QVERIFY(tool->points().empty());
    QCOMPARE(canvas->mapTool(), static_cast<gui::MapTool*>(tool));  // first Esc only clears
    QTest::keyClick(canvas, Qt::Key_Escape);
    QCOMPARE(canvas->mapTool(), static_cast<gui::MapTool*>(nullptr));
  }

  void ellipsoidalLengthOnAGeographicMapIsTheGeodesic() {
    test::TempDir dir;
    shell::MainWindow window;
    window.resize(900, 700);
    QVERIFY(window.openPath(writeRaster(dir), true));
    window.controller()->setProjectCrs("EPSG:4490");
    auto* tool = window.canvas()->findChild<gui::MeasureTool*>();
    tool->setMode(gui::MeasureTool::Mode::Distance);
    tool->addPoint(QPointF(120.0, 0.0));
    tool->addPoint(QPointF(121.0, 0.0));
    const gui::Measurement m = tool->measurement();
    QVERIFY(!m.planarValid);  // degrees are no metres
    QVERIFY(m.ellipsoidalValid);
    // One degree along the equator: a·π/180 on the CGCS2000 ellipsoid.
    const double expected = 6378137.0 * 3.14159265358979323846 / 180.0;
    QVERIFY2(std::abs(m.lengthEllipsoidal - expected) < 0.001 * expected, qPrintable(QString::number(m.lengthEllipsoidal)));
    QVERIFY(!tool->resultLines().join('\n').contains(QStringLiteral("planar")));
  }
};

QTEST_MAIN(MeasureTest)
#include "measure_test.moc"
