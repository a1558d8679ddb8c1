#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QtTest>

#include "gdal_fixtures.h"
#include "main_window.h"
#include "onemap/gui/bookmarks_dock.h"
#include "onemap/gui/coordinate_status.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/navigation_controller.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/zoom_box_tool.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

/// A 1000 × 800 px, 1 m raster in EPSG:4549 (x 500000–501000, y 3499200–3500000).
std::filesystem::path writeRaster(const test::TempDir& dir) {
  test::GeoTiffSpec spec;
  spec.width = 1000;
  spec.height = 800;
  spec.bands = 1;
  spec.dataType = "Byte";
  spec.geoTransform = {500000, 1, 0, 3500000, 0, -1};
  spec.value = [](int, int x, int y) { return (x / 50 + y / 50) % 2 ? 200 : 40; };
  const auto path = dir / "checker.tif";
  test::writeGeoTiff(path, spec);
  return path;
}

void expectExtent(const Extent& actual, const Extent& expected, double tolerance = 1e-6) {
  QVERIFY2(std::abs(actual.minX() - expected.minX()) <= tolerance &&
               std::abs(actual.minY() - expected.minY()) <= tolerance &&
               std::abs(actual.maxX() - expected.maxX()) <= tolerance &&
               std::abs(actual.maxY() - expected.maxY()) <= tolerance,
           qPrintable(QStringLiteral("got %1 %2 %3 %4, expected %5 %6 %7 %8")
                          .arg(actual.minX(), 0, 'f', 4).arg(actual.minY(), 0, 'f', 4)
                          .arg(actual.maxX(), 0, 'f', 4).arg(actual.maxY(), 0, 'f', 4)
                          .arg(expected.minX(), 0, 'f', 4).arg(expected.minY(), 0, 'f', 4)
                          .arg(expected.maxX(), 0, 'f', 4).arg(expected.maxY(), 0, 'f', 4)));
}

}  // namespace

/// Navigation: zoom box, extent history, scale box, status bar texts, bookmarks.
class NavigationTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("OneMapTests"));
    QCoreApplication::setApplicationName(QStringLiteral("navigation_test"));
    QSettings().clear();
  }

  void zoomBoxZoomsToTheDraggedRectangle() {
    test::TempDir dir;
    shell::MainWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openPath(writeRaster(dir), true));
    auto* canvas = window.canvas();
    auto* nav = window.findChild<gui::NavigationController*>();
    QVERIFY(nav != nullptr);
    canvas->setMapTool(nav->zoomBoxTool());
    const QPointF a = canvas->toMap(QPointF(100, 100));
    const QPointF b = canvas->toMap(QPointF(300, 200));
    QTest::mousePress(canvas, Qt::LeftButton, {}, QPoint(100, 100));
    QTest::mouseMove(canvas, QPoint(200, 150));
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, QPoint(300, 200));
    expectExtent(canvas->extent(), Extent(a.x(), b.y(), b.x(), a.y()));
    // The dragged rectangle is what shows (the view only widens to the window's aspect ratio).
    const Extent visible = canvas->currentSettings().visibleExtent();
    QVERIFY(visible.contains(Extent(a.x(), b.y(), b.x(), a.y()).buffered(-1e-6)));
    QVERIFY(visible.width() < 1.01 * (b.x() - a.x()) || visible.height() < 1.01 * (a.y() - b.y()));

    // Right-drag zooms out: the old view fits into the box, so the scale grows by the box factor.
    const double before = canvas->currentSettings().mapUnitsPerPixel();
    QTest::mousePress(canvas, Qt::RightButton, {}, QPoint(200, 200));
    QTest::mouseRelease(canvas, Qt::RightButton, {}, QPoint(400, 400));
    const double after = canvas->currentSettings().mapUnitsPerPixel();
    const double expectedFactor = std::max(canvas->width() / 200.0, canvas->height() / 200.0);
    QVERIFY2(std::abs(after / before - expectedFactor) < 1e-6 * expectedFactor,
             qPrintable(QString::number(after / before)));
  }

  void previousAndNextRestoreTheExtents() {
    test::TempDir dir;
    shell::MainWindow window;
    window.resize(900, 600);
    window.show();
    QVERIFY(window.openPath(writeRaster(dir), true));
    auto* canvas = window.canvas();
    auto* nav = window.findChild<gui::NavigationController*>();
    nav->setHistoryMergeInterval(0);
    const Extent a(500100, 3499300, 500300, 3499500);
    const Extent b(500400, 3499400, 500500, 3499500);
    const Extent c(500000, 3499200, 501000, 3500000);
    canvas->setExtent(a);
    canvas->setExtent(b);
    canvas->setExtent(c);
    QVERIFY(nav->canGoBack());
    QVERIFY(!nav->canGoForward());
    nav->previousExtent();
    QCOMPARE(canvas->extent(), b);
    nav->previousExtent();
    QCOMPARE(canvas->extent(), a);
    QVERIFY(nav->canGoForward());
    nav->nextExtent();
    QCOMPARE(canvas->extent(), b);
    QVERIFY(nav->nextAction()->isEnabled());
    // Going somewhere new drops the "next" extents.
    canvas->zoomBy(0.5, QPointF(100, 100));
    QVERIFY(!nav->canGoForward());
    QVERIFY(!nav->nextAction()->isEnabled());
    nav->previousExtent();
    QCOMPARE(canvas->extent(), b);

    // A quick burst of wheel zooms counts as one step.
    nav->setHistoryMergeInterval(10000);
    const int size = nav->historySize();
    canvas->setExtent(a);
    canvas->zoomBy(0.8, QPointF(10, 10));
    canvas->zoomBy(0.8, QPointF(10, 10));
    QCOMPARE(nav->historySize(), size);  // replaced the entries after b, then merged
    nav->previousExtent();
    QCOMPARE(canvas->extent(), b);
  }

  void typingOneTo10000InTheScaleBoxGivesThatScale() {
    test::TempDir dir;
    shell::MainWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(window.openPath(writeRaster(dir), true));
    auto* nav = window.findChild<gui::NavigationController*>();
    QComboBox* box = nav->scaleBox();
    QVERIFY(box->findText(QStringLiteral("1:10000")) >= 0);
    QCOMPARE(box->count(), 8);
    const Extent before = window.canvas()->currentSettings().visibleExtent();
    const QPointF centre(before.centerX(), before.centerY());
    box->lineEdit()->selectAll();
    QTest::keyClicks(box->lineEdit(), QStringLiteral("1:10000"));
    QTest::keyClick(box->lineEdit(), Qt::Key_Return);
    const double scale = window.canvas()->currentSettings().scaleDenominator();
    QVERIFY2(std::abs(scale - 10000) < 100, qPrintable(QString::number(scale)));
    QVERIFY2(std::abs(nav->scale() - 10000) < 100, qPrintable(QString::number(nav->scale())));
    // Zoomed about the centre.
    const Extent v = window.canvas()->currentSettings().visibleExtent();
    QVERIFY(std::abs(v.centerX() - centre.x()) < 1e-6 && std::abs(v.centerY() - centre.y()) < 1e-6);
    QCOMPARE(box->currentText(), QStringLiteral("1:10000"));

    // Picking a fixed scale from the list.
    const int index = box->findText(QStringLiteral("1:2000"));
    emit box->activated(index);
    QVERIFY(std::abs(window.canvas()->currentSettings().scaleDenominator() - 2000) < 20);

    QCOMPARE(gui::NavigationController::parseScale(QStringLiteral("1：25,000")).value_or(0), 25000.0);
    QCOMPARE(gui::NavigationController::parseScale(QStringLiteral("5000")).value_or(0), 5000.0);
    QVERIFY(!gui::NavigationController::parseScale(QStringLiteral("abc")));
    QVERIFY(!gui::NavigationController::parseScale(QStringLiteral("1:0")));
  }

  void dmsFormattingCarriesAndNamesTheHemisphere() {
    using gui::CoordinateStatus;
    QCOMPARE(CoordinateStatus::formatDms(120.5, true), QStringLiteral("120°30'00.00\"E"));
    QCOMPARE(CoordinateStatus::formatDms(32.0 + 15.0 / 60 + 4.5 / 3600, false), QStringLiteral("32°15'04.50\"N"));
    QCOMPARE(CoordinateStatus::formatDms(-33.25125, false), QStringLiteral("33°15'04.50\"S"));
    QCOMPARE(CoordinateStatus::formatDms(30.9999999, false), QStringLiteral("31°00'00.00\"N"));
    QCOMPARE(CoordinateStatus::formatDms(-0.5, true), QStringLiteral("0°30'00.00\"W"));
    QCOMPARE(CoordinateStatus::formatDecimalDegrees(118.25, true, 4), QStringLiteral("118.2500°E"));
    QCOMPARE(CoordinateStatus::decimalsFor(2.6, 0, 3), 1);
    QCOMPARE(CoordinateStatus::decimalsFor(0.05, 0, 3), 3);
    QCOMPARE(CoordinateStatus::decimalsFor(30.0, 0, 3), 0);
  }

  void statusBarShowsCoordinatesLonLatScaleAndCrs() {
    test::TempDir dir;
    shell::MainWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(window.openPath(writeRaster(dir), true));
    QCOMPARE(gui::CoordinateStatus::crsLabel("EPSG:4549"),
             QStringLiteral("EPSG:4549 CGCS2000 / 3-degree Gauss-Kruger CM 120E"));
    QCOMPARE(gui::CoordinateStatus::crsLabel(""), QStringLiteral("No CRS"));
    auto* status = window.findChild<gui::CoordinateStatus*>();
    QVERIFY(status != nullptr);
    QCOMPARE(status->crsText(), QStringLiteral("EPSG:4549 CGCS2000 / 3-degree Gauss-Kruger CM 120E"));
    QVERIFY(status->scaleText().startsWith(QStringLiteral("Scale 1:")));

    status->setShowsDms(false);
    // Easting 500000 is the central meridian, 120°E.
    status->showCursor(500000.0, 3500000.0);
    QVERIFY2(status->coordinateText().startsWith(QStringLiteral("X 500000")), qPrintable(status->coordinateText()));
    QVERIFY2(status->lonLatText().startsWith(QStringLiteral("120.0000")), qPrintable(status->lonLatText()));
    QVERIFY(status->lonLatText().contains(QStringLiteral("°N")));
    // Clicking the lon/lat switches to DMS and remembers it.
    auto* label = window.findChild<QLabel*>(QStringLiteral("lonLatLabel"));
    QVERIFY(label != nullptr);
    QTest::mouseClick(label, Qt::LeftButton);
    QVERIFY(status->showsDms());
    QVERIFY2(status->lonLatText().startsWith(QStringLiteral("120°00'00.00\"E")), qPrintable(status->lonLatText()));
    QCOMPARE(QSettings().value(gui::CoordinateStatus::kLonLatFormatKey).toString(), QStringLiteral("dms"));
    QTest::mouseClick(label, Qt::LeftButton);
    QVERIFY(!status->showsDms());
  }

  void bookmarksSavedInTheProjectReopen() {
    test::TempDir dir;
    const auto raster = writeRaster(dir);
    Extent saved;
    {
      shell::MainWindow window;
      window.resize(900, 600);
      QVERIFY(window.openPath(raster, true));
      auto* dock = window.findChild<gui::BookmarksDock*>();
      QVERIFY(dock != nullptr);
      window.canvas()->setExtent(Extent(500200, 3499300, 500400, 3499500));
      window.controller()->setModified(false);
      dock->addCurrentView(QStringLiteral("村口水渠"));
      QVERIFY(window.controller()->isModified());
      dock->addCurrentView(QStringLiteral("to delete"));
      QCOMPARE(dock->list()->count(), 2);
      dock->removeBookmark(1);
      QCOMPARE(dock->list()->count(), 1);
      QCOMPARE(dock->list()->item(0)->text(), QStringLiteral("村口水渠"));
      saved = window.canvas()->currentSettings().visibleExtent();
      QVERIFY(window.controller()->saveProject(dir / "with-bookmarks.onemap").isEmpty());
    }
    shell::MainWindow reopened;
    reopened.resize(900, 600);
    QVERIFY(reopened.openPath(dir / "with-bookmarks.onemap", true));
    auto* dock = reopened.findChild<gui::BookmarksDock*>();
    QCOMPARE(dock->list()->count(), 1);
    QCOMPARE(dock->list()->item(0)->text(), QStringLiteral("村口水渠"));
    dock->goTo(0);
    expectExtent(reopened.canvas()->extent(), saved, 1e-3);
    // Renaming in the list goes to the project.
    dock->list()->item(0)->setText(QStringLiteral("新名字"));
    QCOMPARE(reopened.controller()->project().bookmarks.at(0).name, std::string("新名字"));
  }
};

QTEST_MAIN(NavigationTest)
#include "navigation_test.moc"
