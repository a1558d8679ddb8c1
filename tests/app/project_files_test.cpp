#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeWidgetItem>
#include <QUrl>
#include <QtTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "gdal_fixtures.h"
#include "main_window.h"
#include "onemap/gui/autosave.h"
#include "onemap/gui/crs_dialog.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/missing_files_dialog.h"
#include "onemap/gui/overview_builder.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/project_file_controller.h"
#include "onemap/proj/crs_description.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

constexpr QRgb kRed = 0xffff0000;

/// A 64×64 red three-band Byte GeoTIFF (EPSG:4549, 2 m pixels from 500000, 3500000).
void writeRedRaster(const std::filesystem::path& path) {
  test::GeoTiffSpec spec;
  spec.dataType = "Byte";
  spec.value = [](int band, int, int) { return band == 1 ? 255.0 : 0.0; };
  test::writeGeoTiff(path, spec);
}

/// A GeoPackage with three polygon layers (DLTB, CJDCQ, YJJBNTTB) in EPSG:4549.
void writeThreeLayerGeoPackage(const std::filesystem::path& path) {
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  QVERIFY(driver != nullptr);
  GDALDataset* ds = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  QVERIFY(ds != nullptr);
  OGRSpatialReference srs;
  srs.importFromEPSG(4549);
  int n = 0;
  for (const char* name : {"DLTB", "CJDCQ", "YJJBNTTB"}) {
    OGRLayer* layer = ds->CreateLayer(name, &srs, wkbPolygon, nullptr);
    QVERIFY(layer != nullptr);
    OGRFieldDefn field("MC", OFTString);
    layer->CreateField(&field);
    OGRFeature* feature = OGRFeature::CreateFeature(layer->GetLayerDefn());
    feature->SetField("MC", name);
    OGRGeometry* geometry = nullptr;
    const double x = 500010 + 20 * n++;
    const std::string wkt = "POLYGON((" + std::to_string(x) + " 3499900," + std::to_string(x + 15) + " 3499900," +
                            std::to_string(x + 15) + " 3499950," + std::to_string(x) + " 3499950," +
                            std::to_string(x) + " 3499900))";
    OGRGeometryFactory::createFromWkt(wkt.c_str(), &srs, &geometry);
    feature->SetGeometryDirectly(geometry);
    QVERIFY(layer->CreateFeature(feature) == OGRERR_NONE);
    OGRFeature::DestroyFeature(feature);
  }
  GDALClose(ds);
}

struct Window {
  shell::MainWindow window;
  Window() {
    window.fileController()->setQuiet(true);
    window.resize(1000, 700);
    window.show();
  }
  gui::ProjectController* project() { return window.controller(); }
  gui::MapCanvas* canvas() { return window.canvas(); }
};

/// A fixed 0–255 stretch so the red fixture draws exactly red.
void fixStretch(gui::ProjectController* project, int index) {
  project->setLayerStyle(index, {{"bands", "1,2,3"}, {"stretch_values", "0,255;0,255;0,255"}});
}

bool idle(const gui::MapCanvas* canvas) { return !canvas->isRendering() && !canvas->renderedImage().isNull(); }

}  // namespace

/// Project files: open layers (multi-layer GeoPackage, drag-and-drop), save/reopen, autosave and
/// recovery, missing files, overviews, project CRS.
class ProjectFilesTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("OneMapAgriTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_project_files"));
    std::error_code ec;
    std::filesystem::remove_all(gui::Autosave::recoveryFolder(), ec);
  }

  void openingAMultiLayerGeoPackageAddsEveryLayer() {
    test::TempDir dir;
    writeThreeLayerGeoPackage(dir / "county.gpkg");
    Window w;
    QVERIFY(w.window.openPath(dir / "county.gpkg", true));
    const auto& layers = w.project()->project().layers;
    QCOMPARE(layers.size(), std::size_t(3));
    QCOMPARE(layers[0].layerName, std::string("DLTB"));
    QCOMPARE(layers[1].layerName, std::string("CJDCQ"));
    QCOMPARE(layers[2].layerName, std::string("YJJBNTTB"));
    for (const auto& layer : layers) QCOMPARE(layer.kind, project::LayerKind::Vector);
    QVERIFY(w.project()->mapCrs().find("CGCS2000") != std::string::npos);
    QVERIFY(gui::ProjectFileController::recentFiles().contains(QString::fromStdString((dir / "county.gpkg").string())));
  }

  void droppingAFileOnTheCanvasAddsItAsALayer() {
    test::TempDir dir;
    writeRedRaster(dir / "dropped.tif");
    Window w;
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(QString::fromStdString((dir / "dropped.tif").string()))});
    const QPoint at = w.canvas()->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(w.canvas(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(w.canvas(), &drop);
    QVERIFY(drop.isAccepted());
    QTRY_COMPARE(w.project()->project().layers.size(), std::size_t(1));
    QCOMPARE(w.project()->project().layers[0].source, dir / "dropped.tif");
    fixStretch(w.project(), 0);
    QTRY_VERIFY(idle(w.canvas()));
    QCOMPARE(w.canvas()->renderedImage().pixel(w.canvas()->rect().center()), kRed);

    // Text without file URLs is not taken.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QDragEnterEvent refused(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QCoreApplication::sendEvent(w.canvas(), &refused);
    QVERIFY(!refused.isAccepted());
  }

  void savedProjectReopensWithLayersStylesExtentBookmarksAndCrs() {
    test::TempDir dir;
    writeRedRaster(dir / "image.tif");
    writeThreeLayerGeoPackage(dir / "county.gpkg");
    const auto file = dir / "saved.onemap";
    Extent extent;
    {
      Window w;
      QVERIFY(w.window.openPath(dir / "image.tif", true));
      QVERIFY(w.window.openPath(dir / "county.gpkg", true));
      w.project()->setLayerStyle(1, {{"fill", "#ff8800"}, {"label_field", "MC"}});
      w.project()->setLayerOpacity(0, 0.5);
      w.project()->setLayerVisible(3, false);
      w.project()->setProjectCrs("EPSG:4490");
      w.project()->project().bookmarks.push_back({"村口", Extent(120.0, 31.6, 120.001, 31.601)});
      QTRY_VERIFY(idle(w.canvas()));
      w.canvas()->zoomBy(0.5, QPointF(300, 200));
      extent = w.canvas()->extent();
      QVERIFY(w.window.fileController()->saveTo(file).isEmpty());
      QVERIFY(!w.project()->isModified());
      QCOMPARE(w.project()->fileName(), file);

      Window reopened;
      QVERIFY(reopened.window.openPath(file, true));
      const auto& a = w.project()->project();
      const auto& b = reopened.project()->project();
      QCOMPARE(b.crs, std::string("EPSG:4490"));
      QCOMPARE(reopened.project()->mapCrs(), w.project()->mapCrs());
      QCOMPARE(b.layers.size(), std::size_t(4));
      for (std::size_t i = 0; i < a.layers.size(); ++i) {
        QCOMPARE(b.layers[i].id, a.layers[i].id);
        QCOMPARE(b.layers[i].name, a.layers[i].name);
        QCOMPARE(b.layers[i].kind, a.layers[i].kind);
        QCOMPARE(b.layers[i].source, a.layers[i].source);
        QCOMPARE(b.layers[i].layerName, a.layers[i].layerName);
        QCOMPARE(b.layers[i].visible, a.layers[i].visible);
        QCOMPARE(b.layers[i].opacity, a.layers[i].opacity);
        QCOMPARE(b.layers[i].style, a.layers[i].style);
      }
      QCOMPARE(b.layers[1].style.at("fill"), std::string("#ff8800"));
      QCOMPARE(b.layers[0].opacity, 0.5);
      QVERIFY(!b.layers[3].visible);
      QCOMPARE(b.bookmarks.size(), std::size_t(1));
      QCOMPARE(b.bookmarks[0].name, std::string("村口"));
      QCOMPARE(b.bookmarks[0].extent, Extent(120.0, 31.6, 120.001, 31.601));
      QCOMPARE(reopened.canvas()->extent(), extent);
      QVERIFY(gui::ProjectFileController::recentProjects().contains(QString::fromStdString(file.string())));
    }
    // Paths are stored relative to the project file.
    const std::string text = test::readFile(file);
    QVERIFY(text.find("\"source\": \"image.tif\"") != std::string::npos);
  }

  void autosaveWritesARecoveryCopyAndRestoreLoadsIt() {
    test::TempDir dir;
    writeRedRaster(dir / "image.tif");
    const auto file = dir / "county.onemap";
    const auto recovery = dir / "county.onemap.autosave";
    {
      Window w;
      QVERIFY(w.window.openPath(dir / "image.tif", true));
      fixStretch(w.project(), 0);
      QVERIFY(w.window.fileController()->saveTo(file).isEmpty());
      gui::Autosave* autosave = w.window.fileController()->autosave();
      QCOMPARE(autosave->currentRecoveryPath(), recovery);
      autosave->setQuietPeriod(std::chrono::milliseconds(50));
      QTest::qWait(20);  // the recovery copy must be newer than the project file
      w.project()->renameLayer(0, "改过的名字");
      QVERIFY(w.project()->isModified());
      QTRY_VERIFY(std::filesystem::exists(recovery));
      QVERIFY(!std::filesystem::exists(dir / "county.onemap.autosave.tmp"));
      // The project file itself is untouched until the user saves.
      QVERIFY(test::readFile(file).find("改过的名字") == std::string::npos);
      QVERIFY(test::readFile(recovery).find("改过的名字") != std::string::npos);
      // The window "crashes": no save, no close.
    }
    QCOMPARE(gui::Autosave::pendingRecoveryFor(file), std::optional<std::filesystem::path>(recovery));

    Window w;
    QVERIFY(w.window.openPath(file, true));
    QCOMPARE(w.project()->project().layers[0].name, std::string("image"));
    QVERIFY(w.window.fileController()->restoreRecovery(recovery).isEmpty());
    QCOMPARE(w.project()->project().layers[0].name, std::string("改过的名字"));
    QCOMPARE(w.project()->fileName(), file);
    QVERIFY(w.project()->isModified());
    QTRY_VERIFY(idle(w.canvas()));
    QCOMPARE(w.canvas()->renderedImage().pixel(w.canvas()->rect().center()), kRed);
    // A clean save removes the recovery copy.
    QVERIFY(w.window.fileController()->saveTo(file).isEmpty());
    QVERIFY(!std::filesystem::exists(recovery));
    QVERIFY(!gui::Autosave::pendingRecoveryFor(file));
  }

  void unsavedProjectsAutosaveIntoTheRecoveryFolder() {
    test::TempDir dir;
    writeRedRaster(dir / "image.tif");
    std::filesystem::path written;
    {
      Window w;
      gui::Autosave* autosave = w.window.fileController()->autosave();
      autosave->setQuietPeriod(std::chrono::milliseconds(50));
      QVERIFY(w.window.openPath(dir / "image.tif", true));
      written = autosave->currentRecoveryPath();
      QCOMPARE(written.parent_path(), gui::Autosave::recoveryFolder());
      QTRY_VERIFY(std::filesystem::exists(written));
    }
    Window w;
    const auto pending = w.window.fileController()->autosave()->pendingUnsavedRecoveries();
    QCOMPARE(pending.size(), std::size_t(1));
    QCOMPARE(pending[0], written);
    QVERIFY(w.window.fileController()->restoreRecovery(pending[0]).isEmpty());
    QCOMPARE(w.project()->project().layers.size(), std::size_t(1));
    QCOMPARE(w.project()->project().layers[0].source, dir / "image.tif");
    QVERIFY(w.project()->fileName().empty());
    QVERIFY(!std::filesystem::exists(written));
    // Discarding (e.g. "Don't save" on quit) removes this session's copy.
    const auto own = w.window.fileController()->autosave()->currentRecoveryPath();
    QVERIFY(std::filesystem::exists(own));
    w.window.fileController()->autosave()->discard();
    QVERIFY(!std::filesystem::exists(own));
  }

  void relocatingAMissingFileUpdatesTheLayerAndItDraws() {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "data");
    writeRedRaster(dir / "data" / "gf1_after.tif");
    const auto file = dir / "project.onemap";
    {
      Window w;
      QVERIFY(w.window.openPath(dir / "data" / "gf1_after.tif", true));
      fixStretch(w.project(), 0);
      QVERIFY(w.window.fileController()->saveTo(file).isEmpty());
    }
    // The data folder is moved away.
    std::filesystem::create_directories(dir / "archive" / "2024");
    std::filesystem::rename(dir / "data", dir / "archive" / "2024" / "data");

    Window w;
    QVERIFY(w.window.openPath(file, true));
    QCOMPARE(w.project()->project().layers.size(), std::size_t(1));  // kept, not drawn
    QCOMPARE(w.project()->missingFiles().size(), 1);
    gui::MissingFilesDialog dialog(w.project());
    QCOMPARE(dialog.missingLayerIds(), std::vector<std::string>{"gf1_after"});
    QCOMPARE(dialog.searchFolder(dir / "archive"), 1);
    QVERIFY(dialog.missingLayerIds().empty());
    QCOMPARE(w.project()->project().layers[0].source, dir / "archive" / "2024" / "data" / "gf1_after.tif");
    QVERIFY(w.project()->missingFiles().isEmpty());
    QVERIFY(w.project()->isModified());
    QTRY_VERIFY(idle(w.canvas()));
    w.canvas()->zoomToFullExtent();
    QTRY_VERIFY(idle(w.canvas()));
    QCOMPARE(w.canvas()->renderedImage().pixel(w.canvas()->rect().center()), kRed);

    // Locating one file by hand works the same way; a wrong file is refused with its name.
    const QString error = dialog.relocate("gf1_after", dir / "nothing.tif");
    QVERIFY(error.contains(QStringLiteral("nothing.tif")));
    QCOMPARE(w.project()->project().layers[0].source, dir / "archive" / "2024" / "data" / "gf1_after.tif");
  }

  void overviewsAreBuiltInTheBackgroundBesideTheImage() {
    test::TempDir dir;
    test::GeoTiffSpec spec;
    spec.width = 4200;
    spec.height = 300;
    spec.bands = 1;
    spec.dataType = "Byte";
    spec.value = [](int, int x, int) { return double(x % 200); };
    writeGeoTiffChecked(dir / "wide.tif", spec);
    const std::string before = test::readFile(dir / "wide.tif");
    QVERIFY(gui::OverviewBuilder::needsOverviews(dir / "wide.tif"));

    Window w;
    QVERIFY(w.window.openPath(dir / "wide.tif", true));
    gui::OverviewBuilder* builder = w.window.fileController()->overviews();
    QSignalSpy finished(builder, &gui::OverviewBuilder::finished);
    builder->build(dir / "wide.tif");
    QVERIFY(builder->isBuilding());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.last().at(1).toBool(), true);
    QVERIFY(std::filesystem::exists(dir / "wide.tif.ovr"));
    QVERIFY(!gui::OverviewBuilder::needsOverviews(dir / "wide.tif"));
    QCOMPARE(test::readFile(dir / "wide.tif"), before);
    QCOMPARE(dir.files(), (std::vector<std::string>{"wide.tif", "wide.tif.ovr"}));

    // Canceled builds leave nothing behind.
    std::filesystem::remove(dir / "wide.tif.ovr");
    builder->build(dir / "wide.tif");
    builder->cancel();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.last().at(2).toBool(), true);
    QCOMPARE(dir.files(), (std::vector<std::string>{"wide.tif"}));
  }

  void crsDialogListsCgcs2000ZonesAndSettingTheCrsReprojectsTheMap() {
    test::TempDir dir;
    writeRedRaster(dir / "image.tif");
    Window w;
    QVERIFY(w.window.openPath(dir / "image.tif", true));
    fixStretch(w.project(), 0);
    QTRY_VERIFY(idle(w.canvas()));
    const Extent metres = w.project()->fullExtent();
    QCOMPARE(metres, Extent(500000, 3499872, 500128, 3500000));

    gui::CrsDialog dialog(w.project());
    QTreeWidgetItem* zone = dialog.itemForEpsg(4549);
    QVERIFY(zone != nullptr);
    QCOMPARE(zone->text(0), QStringLiteral("EPSG:4549"));
    QCOMPARE(zone->text(2), QStringLiteral("CGCS2000 / 3度带高斯-克吕格投影 中央经线120°E"));
    QCOMPARE(dialog.selectedCrs(), QStringLiteral("EPSG:4549"));  // the current one is preselected
    QVERIFY(dialog.itemForEpsg(4490) && dialog.itemForEpsg(4326) && dialog.itemForEpsg(32650));
    QVERIFY(dialog.itemForEpsg(4528));  // 3° zone 40 with the zone number in the easting
    dialog.setFilter(QStringLiteral("中央经线120"));
    QVERIFY(!zone->isHidden());
    QVERIFY(dialog.itemForEpsg(4550)->isHidden());

    QVERIFY(dialog.selectCrs(QStringLiteral("EPSG:4490")));
    QCOMPARE(dialog.selectedCrs(), QStringLiteral("EPSG:4490"));
    w.project()->setProjectCrs(dialog.selectedCrs().toStdString());
    const auto described = proj::describeCrs(w.project()->mapCrs());
    QVERIFY(described);
    QCOMPARE(described->epsg, 4490);
    // The full extent is now in degrees around 120°E, 31.6°N, and the view follows.
    const Extent degrees = w.project()->fullExtent();
    QVERIFY2(std::abs(degrees.minX() - 120.0) < 1e-3 && degrees.width() < 0.01 && degrees.width() > 0.001,
             qPrintable(QStringLiteral("%1 %2").arg(degrees.minX()).arg(degrees.width())));
    QVERIFY(degrees.minY() > 31.5 && degrees.maxY() < 31.7);
    QVERIFY(w.canvas()->extent().intersects(degrees));
    QTRY_VERIFY(idle(w.canvas()));
    QCOMPARE(w.canvas()->renderedImage().pixel(w.canvas()->rect().center()), kRed);
  }

 private:
  static void writeGeoTiffChecked(const std::filesystem::path& path, const test::GeoTiffSpec& spec) {
    test::writeGeoTiff(path, spec);
    QVERIFY(std::filesystem::exists(path));
  }
};

QTEST_MAIN(ProjectFilesTest)
#include "project_files_test.moc"
