#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

#include "gdal_fixtures.h"
#include "main_window.h"
#include "onemap/gui/identify_dock.h"
#include "onemap/gui/identify_tool.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/selection_model.h"
#include "onemap/proj/transform.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

/// 3-band UInt16 raster, 2 m pixels from (500000, 3500000) in EPSG:4549; value = b·1000 + 10·x + y.
std::filesystem::path writeRaster(const test::TempDir& dir) {
  test::GeoTiffSpec spec;
  spec.width = 64;
  spec.height = 64;
  spec.bands = 3;
  spec.descriptions = {"Blue", "Green", "Red"};
  spec.value = [](int b, int x, int y) { return b * 1000 + 10 * x + y; };
  const auto path = dir / "bands.tif";
  test::writeGeoTiff(path, spec);
  return path;
}

/// Two 40 m squares with land-use attributes in EPSG:4549.
std::filesystem::path writeParcels(const test::TempDir& dir) {
  const auto path = dir / "parcels.gpkg";
  test::writeVector(path, "GPKG", "DLTB", 4549, {"DLBM", "DLMC", "ZLDWMC"},
                    {{"POLYGON((500010 3499950,500050 3499950,500050 3499990,500010 3499990,500010 3499950))",
                      {"0101", "水田", "东村"}},
                     {"POLYGON((500070 3499900,500110 3499900,500110 3499940,500070 3499940,500070 3499900))",
                      {"0103", "旱地", "西村"}}});
  return path;
}

QString attribute(const gui::IdentifiedFeature& feature, const QString& name) {
  for (const auto& [field, value] : feature.attributes)
    if (field == name) return value;
  return {};
}

/// How much bluer than red a pixel is (the cyan highlight raises it).
int blueness(QRgb pixel) { return qBlue(pixel) - qRed(pixel); }

void waitForRender(gui::MapCanvas* canvas) {
  QTRY_VERIFY_WITH_TIMEOUT(!canvas->isRendering() && !canvas->renderedImage().isNull(), 20000);
}

}  // namespace

/// Identify: band values of rasters and attributes of vector features under a click.
class IdentifyTest : public QObject {
  Q_OBJECT
 private slots:
  void rasterIdentifyReturnsTheExactBandValuesAtThePixel() {
    test::TempDir dir;
    project::LayerSpec layer;
    layer.id = "bands";
    layer.name = "bands";
    layer.kind = project::LayerKind::Raster;
    layer.source = writeRaster(dir);
    // Centre of pixel column 10, row 5.
    const QPointF point(500000 + 2 * 10 + 1, 3500000 - 2 * 5 - 1);
    const auto results = gui::identifyAt({layer}, "EPSG:4549", point, 0.0);
    QCOMPARE(results.size(), std::size_t(1));
    const auto& r = results[0];
    QVERIFY(r.raster);
    QCOMPARE(r.pixelColumn, 10);
    QCOMPARE(r.pixelRow, 5);
    QCOMPARE(r.bands.size(), std::size_t(3));
    for (int b = 1; b <= 3; ++b) {
      QCOMPARE(r.bands[std::size_t(b - 1)].band, b);
      QCOMPARE(r.bands[std::size_t(b - 1)].value, double(b * 1000 + 10 * 10 + 5));
      QVERIFY(!r.bands[std::size_t(b - 1)].noData);
    }
    QCOMPARE(r.bands[0].role, QStringLiteral("blue"));
    QCOMPARE(r.bands[2].role, QStringLiteral("red"));
    // Outside the raster: nothing.
    QVERIFY(gui::identifyAt({layer}, "EPSG:4549", QPointF(499000, 3500000), 0.0).empty());
  }

  void rasterIdentifyReprojectsTheClickWhenTheMapCrsDiffers() {
    test::TempDir dir;
    project::LayerSpec layer;
    layer.id = "bands";
    layer.kind = project::LayerKind::Raster;
    layer.source = writeRaster(dir);
    // The same pixel centre, given in CGCS2000 lon/lat (a map in EPSG:4490).
    double x = 500000 + 2 * 33 + 1;
    double y = 3500000 - 2 * 47 - 1;
    auto toLonLat = proj::Transform::create("EPSG:4549", "EPSG:4490");
    QVERIFY(toLonLat.has_value());
    QVERIFY(toLonLat->apply(x, y));
    const auto results = gui::identifyAt({layer}, "EPSG:4490", QPointF(x, y), 0.0);
    QCOMPARE(results.size(), std::size_t(1));
    QCOMPARE(results[0].pixelColumn, 33);
    QCOMPARE(results[0].pixelRow, 47);
    QCOMPARE(results[0].bands[1].value, double(2000 + 330 + 47));
  }

  void clickingAPolygonShowsItsAttributesAndHighlightsIt() {
    test::TempDir dir;
    shell::MainWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openPath(writeRaster(dir), true));
    QVERIFY(window.openPath(writeParcels(dir), true));
    auto* canvas = window.canvas();
    canvas->setExtent(Extent(500000, 3499872, 500128, 3500000));
    waitForRender(canvas);
    auto* dock = window.findChild<gui::IdentifyDock*>();
    QVERIFY(dock != nullptr);
    dock->identifyAction()->trigger();
    QCOMPARE(canvas->mapTool(), static_cast<gui::MapTool*>(dock->tool()));
    QVERIFY(dock->isVisible());

    // Click in the first square, at the centre of raster pixel (15, 15): map 500031, 3499969.
    const QPoint click = canvas->mapToPixelTransform().map(QPointF(500031, 3499969)).toPoint();
    const QPoint outside = canvas->mapToPixelTransform().map(QPointF(500030, 3499920)).toPoint();
    const QImage before = canvas->grab().toImage();
    QSignalSpy finished(dock->tool(), &gui::IdentifyTool::finished);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, click);
    QVERIFY(finished.wait(10000));
    const auto& results = dock->tool()->results();
    // Top-most first: the parcels, then the raster under them.
    QCOMPARE(results.size(), std::size_t(2));
    QCOMPARE(results[0].layerName, QStringLiteral("parcels"));
    QCOMPARE(results[0].features.size(), std::size_t(1));
    QCOMPARE(attribute(results[0].features[0], QStringLiteral("DLBM")), QStringLiteral("0101"));
    QCOMPARE(attribute(results[0].features[0], QStringLiteral("DLMC")), QStringLiteral("水田"));
    QCOMPARE(attribute(results[0].features[0], QStringLiteral("ZLDWMC")), QStringLiteral("东村"));
    QVERIFY(results[1].raster);
    QCOMPARE(results[1].pixelColumn, 15);
    QCOMPARE(results[1].pixelRow, 15);

    // The dock tree: layer → feature → field/value.
    QTreeWidget* tree = dock->tree();
    QCOMPARE(tree->topLevelItemCount(), 2);
    QTreeWidgetItem* feature = tree->topLevelItem(0)->child(0);
    QCOMPARE(feature->childCount(), 3);
    QCOMPARE(feature->child(1)->text(0), QStringLiteral("DLMC"));
    QCOMPARE(feature->child(1)->text(1), QStringLiteral("水田"));
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("parcels (1)"));
    QCOMPARE(tree->topLevelItem(1)->child(0)->text(1), QStringLiteral("column 15, row 15"));
    QCOMPARE(tree->topLevelItem(1)->child(1)->text(0), QStringLiteral("Band 1 (blue)"));
    QCOMPARE(tree->topLevelItem(1)->child(1)->text(1), QStringLiteral("1165"));

    // Highlighted: in the selection model and in cyan on the map, only inside the square.
    auto* selection = window.findChild<gui::SelectionModel*>();
    QCOMPARE(selection->highlight().size(), std::size_t(1));
    QCOMPARE(selection->highlight()[0].fid, results[0].features[0].fid);
    const QImage shown = canvas->grab().toImage();
    QVERIFY2(blueness(shown.pixel(click)) > blueness(before.pixel(click)) + 30,
             qPrintable(QStringLiteral("%1 → %2").arg(blueness(before.pixel(click))).arg(blueness(shown.pixel(click)))));
    QCOMPARE(shown.pixel(outside), before.pixel(outside));

    // A click between the squares finds only the raster.
    QTest::mouseClick(canvas, Qt::LeftButton, {}, outside);
    QVERIFY(finished.wait(10000));
    QCOMPARE(dock->tool()->results().size(), std::size_t(1));
    QVERIFY(dock->tool()->results()[0].raster);
    QVERIFY(selection->highlight().empty());
  }
};

QTEST_MAIN(IdentifyTest)
#include "identify_test.moc"
