#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableView>
#include <QThread>
#include <QtTest>

#include <atomic>

#include "change_detection_plugin.h"
#include "detection_dialog.h"
#include "gdal_fixtures.h"
#include "image_inspection.h"
#include "main_window.h"
#include "onemap/change/change_parameters.h"
#include "onemap/gui/project_controller.h"
#include "onemap/i18n/translations.h"
#include "onemap/proj/geodesic.h"
#include "onemap/sample/sample_writer.h"
#include "onemap/vector/feature_reader.h"
#include "parameter_form.h"
#include "results_dock.h"
#include "temp_dir.h"

using namespace onemap;

/// The change-detection plugin end to end in the main window: Analysis ▸ Detect Cropland
/// Change… on the small sample county, the patch layer and results panel, chips, judgement.
class ChangeDetectionGuiTest : public QObject {
  Q_OBJECT
 private:
  test::TempDir m_dir;

  std::filesystem::path county() const { return m_dir.path() / "county"; }

  /// With ONEMAP_SCREENSHOT_DIR set, saves `dialog` as the user sees it to that folder as `name`.png.
  static void screenshot(QDialog* dialog, const char* name) {
    const QString folder = qEnvironmentVariable("ONEMAP_SCREENSHOT_DIR");
    if (folder.isEmpty()) return;
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::qWait(50);
    QVERIFY(dialog->grab().save(folder + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png")));
  }

  /// Index of the item of `box` whose layer's file is `file`.
  static int indexOf(const QComboBox* box, shell::MainWindow& window, const std::string& file) {
    const auto& layers = window.controller()->project().layers;
    for (int i = 0; i < box->count(); ++i) {
      const int layer = window.controller()->layerIndex(box->itemData(i).toString().toStdString());
      if (layer >= 0 && layers[std::size_t(layer)].source.filename() == file) return i;
    }
    return -1;
  }

  /// A project of four small images added in an order that contradicts their dates (the top
  /// layer last): 2023 (bottom), 2021, 2021 again, and an undated one in lon/lat on top.
  void addDatedImages(shell::MainWindow& window, const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder);
    test::GeoTiffSpec spec;
    spec.bands = 4;
    for (const char* name : {"a_2023-05-02.tif", "b_2021-04-01.tif", "c_2021-04-01.tif"}) {
      test::writeGeoTiff(folder / name, spec);
      QCOMPARE(window.controller()->addLayerFile(folder / name), QString());
    }
    test::GeoTiffSpec geographic = spec;
    geographic.epsg = 4326;
    geographic.geoTransform = {118.0, 0.0001, 0, 32.0, 0, -0.0001};
    test::writeGeoTiff(folder / "basemap_lonlat.tif", geographic);
    QCOMPARE(window.controller()->addLayerFile(folder / "basemap_lonlat.tif"), QString());
  }

 private slots:
  void initTestCase() {
    sample::SampleRequest request;
    request.scene.seed = 1;
    request.folder = county();
    Feedback feedback;
    QVERIFY(sample::writeSample(request, feedback));
  }

  void withoutACroplandLayerEveryPixelIsACandidate() {
    // The Nanjing project has the two Landsat dates and the reference polygons, no land use:
    // the dialog must not take the reference for cropland.
    const auto project = test::sharedDataDir() / "landsat_nanjing" / "nanjing-landsat.onemap";
    if (test::sharedDataDir().empty() || !std::filesystem::exists(project)) QSKIP("data-samples/landsat_nanjing missing");
    shell::MainWindow window;
    QVERIFY(window.openPath(project, true));
    window.findChild<QAction*>(QStringLiteral("detectChangeAction"))->trigger();
    auto* dialog = window.findChild<plugins::DetectionDialog*>();
    QVERIFY(dialog);
    auto in = dialog->inputs();
    QVERIFY2(in, in ? "" : in.error().text().c_str());
    QVERIFY(in->cropland.path.empty());
    QCOMPARE(QString::fromStdString(in->after.filename().string()),
             QStringLiteral("nanjing_L5TM_2002-07-12_6band_utm50n.tif"));
    // The dates in the file names agree with the layer order: the same pair once they are read.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isInspecting(), 20000);
    QCOMPARE(QString::fromStdString(dialog->inputs()->after.filename().string()),
             QStringLiteral("nanjing_L5TM_2002-07-12_6band_utm50n.tif"));
    QVERIFY(dialog->beforeFacts() && dialog->beforeFacts()->dateSource == plugins::DateSource::FileName);
    QCOMPARE(dialog->beforeFacts()->date, QDate(2000, 5, 3));
    screenshot(dialog, "detection_dialog_nanjing");
    dialog->close();
  }

  void detectsFromTheMenuAndReviewsThePatches() {
    shell::MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(window.openPath(county() / "sample-project.onemap", true));
    auto* action = window.findChild<QAction*>(QStringLiteral("detectChangeAction"));
    QVERIFY2(action, "the plugin added Analysis ▸ Detect Cropland Change…");
    action->trigger();
    auto* dialog = window.findChild<plugins::DetectionDialog*>();
    QVERIFY(dialog);

    // Defaults: the top raster is the later date, the DLTB layer the cropland.
    auto in = dialog->inputs();
    QVERIFY2(in, in ? "" : in.error().text().c_str());
    QCOMPARE(QString::fromStdString(in->after.filename().string()), QStringLiteral("gf1_after.tif"));
    QCOMPARE(QString::fromStdString(in->before.filename().string()), QStringLiteral("gf1_before.tif"));
    QCOMPARE(QString::fromStdString(in->cropland.layer), QStringLiteral("DLTB"));
    QVERIFY(in->villages && in->villages->layer == "CJDCQ");
    QVERIFY(in->pbf && in->pbf->layer == "YJJBNTTB");
    // One editor per declared parameter, with the declared defaults.
    const auto values = dialog->parameterForm()->values();
    QCOMPARE(values.size(), change::parameterSpecs().size());
    QCOMPARE(QString::fromStdString(values.at("min-area")), QStringLiteral("400"));
    // The images are read in the background; the before image's grid is shown before the run.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isInspecting(), 20000);
    QCOMPARE(QString::fromStdString(dialog->inputs()->before.filename().string()), QStringLiteral("gf1_before.tif"));
    QVERIFY2(dialog->gridLabel()->text().contains(QStringLiteral("EPSG:4549")), qPrintable(dialog->gridLabel()->text()));
    QVERIFY2(dialog->gridLabel()->text().contains(QStringLiteral("pixel 2.00 × 2.00 m")), qPrintable(dialog->gridLabel()->text()));
    QVERIFY(dialog->dateWarningLabel()->isHidden());
    // The county's images carry ACQUISITION_DATE metadata.
    QVERIFY(dialog->beforeFacts() && dialog->afterFacts());
    QCOMPARE(dialog->beforeFacts()->dateSource, plugins::DateSource::Metadata);
    QVERIFY(dialog->beforeFacts()->date < dialog->afterFacts()->date);

    const auto output = m_dir.path() / "gui_patches.gpkg";
    dialog->outputEdit()->setText(QString::fromStdString(output.string()));
    QSignalSpy detected(dialog, &plugins::DetectionDialog::detected);
    QVERIFY(dialog->run());
    QVERIFY(detected.wait(60000));
    QVERIFY(std::filesystem::exists(output));

    // The patch layer is in the project and the panel lists the patches, largest first.
    const auto& layers = window.controller()->project().layers;
    QVERIFY(std::any_of(layers.begin(), layers.end(), [&](const project::LayerSpec& l) {
      return l.layerName == "change_patches" && l.source == std::filesystem::absolute(output);
    }));
    auto* dock = window.findChild<plugins::ResultsDock*>();
    QVERIFY(dock);
    QVERIFY(dock->isVisible());
    // The run says which grid it worked on: the before image's, as the dialog showed it.
    const QString runSummary = dock->runSummaryText();
    QVERIFY2(runSummary.contains(QStringLiteral("Grid: EPSG:4549")), qPrintable(runSummary));
    QVERIFY2(runSummary.contains(QStringLiteral("pixel 2.00 × 2.00 m")), qPrintable(runSummary));
    QVERIFY2(runSummary.contains(QStringLiteral("Threshold")), qPrintable(runSummary));
    const int rows = dock->table()->model()->rowCount();
    QVERIFY2(rows > 10, qPrintable(QString::number(rows)));
    const double first = dock->table()->model()->index(0, 4).data(Qt::UserRole).toDouble();
    const double last = dock->table()->model()->index(rows - 1, 4).data(Qt::UserRole).toDouble();
    QVERIFY(first >= last);

    // Selecting a patch draws the two dates around it; they differ where the change is.
    QSignalSpy chips(dock, &plugins::ResultsDock::chipsReady);
    dock->selectRow(0);
    QVERIFY(chips.wait(20000));
    const QImage before = dock->beforeChip();
    const QImage after = dock->afterChip();
    QVERIFY(!before.isNull() && !after.isNull());
    QCOMPARE(before.size(), after.size());
    int differing = 0;
    for (int y = 0; y < before.height(); y += 2)
      for (int x = 0; x < before.width(); x += 2)
        if (std::abs(qGray(before.pixel(x, y)) - qGray(after.pixel(x, y))) > 30) ++differing;
    QVERIFY2(differing > 100, qPrintable(QString::number(differing)));

    // The office judgement goes into the GeoPackage.
    const QString jcbh = dock->table()->model()->index(0, 0).data().toString();
    QCOMPARE(dock->judgeSelected(QStringLiteral("伪变化")), QString());
    auto reader = vector::FeatureReader::open(output, "change_patches");
    QVERIFY(reader);
    vector::ReadOptions options;
    options.fields = std::vector<std::string>{"JCBH", "NYJG"};
    QStringList judgements;
    (void)reader->forEach(options, nullptr, [&](const vector::Feature& f) {
      if (QString::fromStdString(std::get<std::string>(f.attributes[0])) == jcbh)
        judgements << QString::fromStdString(std::get<std::string>(f.attributes[1]));
      return true;
    });
    QCOMPARE(judgements, QStringList{QStringLiteral("伪变化")});
  }

  void readsDatesFromMetadataAndFileNames() {
    QCOMPARE(plugins::dateFromFileName(QStringLiteral("nanjing_L5TM_2002-07-12_6band_utm50n.tif")), QDate(2002, 7, 12));
    QCOMPARE(plugins::dateFromFileName(QStringLiteral("GF1_2024-02-30_and_2024-03-01.tif")), QDate(2024, 3, 1));
    QVERIFY(!plugins::dateFromFileName(QStringLiteral("tile_12024-05-180.tif")).isValid());  // part of longer numbers
    QVERIFY(!plugins::dateFromFileName(QStringLiteral("gf1_before.tif")).isValid());
    QCOMPARE(plugins::dateFromMetadata({{"SENSOR", "PMS1"}, {"SENSING_TIME", "2024-05-18T02:41:07Z"}}), QDate(2024, 5, 18));
    QCOMPARE(plugins::dateFromMetadata({{"DATE_ACQUIRED", "unknown"}, {"ACQUISITION_DATE", "2020-01-31"}}), QDate(2020, 1, 31));
    QVERIFY(!plugins::dateFromMetadata({{"TIFFTAG_DATETIME", "2024:05:18 10:00:00"}}).isValid());

    // Top layer first: the latest date is the later image, the latest date before it the earlier
    // one (the upper layer on a tie); fewer than two different dates: no proposal.
    const QDate d2021(2021, 4, 1), d2022(2022, 6, 3), d2023(2023, 5, 2);
    auto pair = plugins::proposeByDate({QDate(), d2021, d2023, d2022, d2022});
    QVERIFY(pair);
    QCOMPARE(pair->after, 2);
    QCOMPARE(pair->before, 3);
    QVERIFY(!plugins::proposeByDate({d2021, QDate(), d2021}));
    QVERIFY(!plugins::proposeByDate({d2021}));
    QVERIFY(!plugins::proposeByDate({}));
  }

  void proposesTheImagesByAcquisitionDateAndWarnsAboutTheirOrder() {
    shell::MainWindow window;
    const auto folder = m_dir.path() / "dated";
    addDatedImages(window, folder);
    window.findChild<QAction*>(QStringLiteral("detectChangeAction"))->trigger();
    auto* dialog = window.findChild<plugins::DetectionDialog*>();
    QVERIFY(dialog);
    // Layer order alone would take the undated top image as the later date.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isInspecting(), 20000);
    auto in = dialog->inputs();
    QVERIFY2(in, in ? "" : in.error().text().c_str());
    QCOMPARE(QString::fromStdString(in->after.filename().string()), QStringLiteral("a_2023-05-02.tif"));
    QCOMPARE(QString::fromStdString(in->before.filename().string()), QStringLiteral("c_2021-04-01.tif"));  // the upper 2021 one
    // The output goes beside the proposed later image.
    QCOMPARE(std::filesystem::path(dialog->outputEdit()->text().toStdString()).parent_path(), folder);
    QVERIFY(dialog->afterInfoLabel()->text().contains(QStringLiteral("2023-05-02")));
    QVERIFY(dialog->dateWarningLabel()->isHidden());
    // The earlier image's grid: EPSG:4549 at 2 m.
    QVERIFY2(dialog->gridLabel()->text().contains(QStringLiteral("EPSG:4549")), qPrintable(dialog->gridLabel()->text()));
    QVERIFY2(dialog->gridLabel()->text().contains(QStringLiteral("pixel 2.00 × 2.00 m")), qPrintable(dialog->gridLabel()->text()));

    // Chosen the other way round: a visible warning naming both dates.
    auto* before = dialog->findChild<QComboBox*>(QStringLiteral("beforeImage"));
    auto* after = dialog->findChild<QComboBox*>(QStringLiteral("afterImage"));
    QVERIFY(before && after);
    QSignalSpy inspected(dialog, &plugins::DetectionDialog::imagesInspected);
    before->setCurrentIndex(indexOf(before, window, "a_2023-05-02.tif"));
    after->setCurrentIndex(indexOf(after, window, "b_2021-04-01.tif"));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isInspecting(), 20000);
    QVERIFY(dialog->dateWarningLabel()->isVisibleTo(dialog));
    QVERIFY(dialog->dateWarningLabel()->text().contains(QStringLiteral("2023-05-02")));
    QVERIFY(dialog->dateWarningLabel()->text().contains(QStringLiteral("2021-04-01")));
    // The user's choice stands: no proposal after it.
    QCOMPARE(QString::fromStdString(dialog->inputs()->before.filename().string()), QStringLiteral("a_2023-05-02.tif"));

    // Two images of the same day: a warning too.
    before->setCurrentIndex(indexOf(before, window, "c_2021-04-01.tif"));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isInspecting(), 20000);
    QVERIFY(dialog->dateWarningLabel()->isVisibleTo(dialog));
    QVERIFY(dialog->dateWarningLabel()->text().contains(QStringLiteral("2021-04-01")));

    // A lon/lat image: its pixel in metres at the image centre, on the ellipsoid.
    before->setCurrentIndex(indexOf(before, window, "basemap_lonlat.tif"));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isInspecting(), 20000);
    QVERIFY(dialog->beforeFacts() && dialog->beforeFacts()->grid);
    const auto& grid = *dialog->beforeFacts()->grid;
    QVERIFY(grid.geographic);
    const double lon = 118.0032, lat = 31.9968;
    QCOMPARE(qRound(grid.pixelWidthM * 1000), qRound(proj::geodesicDistance({lon - 0.00005, lat}, {lon + 0.00005, lat}) * 1000));
    QCOMPARE(qRound(grid.pixelHeightM * 1000), qRound(proj::geodesicDistance({lon, lat - 0.00005}, {lon, lat + 0.00005}) * 1000));
    QVERIFY(grid.pixelWidthM > 9.4 && grid.pixelWidthM < 9.5);    // 0.0001° of longitude at 32°N
    QVERIFY(grid.pixelHeightM > 11.0 && grid.pixelHeightM < 11.1);  // 0.0001° of latitude
    const QString text = dialog->gridLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("EPSG:4326")) && text.contains(QStringLiteral("(geographic)")) &&
                 text.contains(QStringLiteral("pixel %1 × %2 m").arg(grid.pixelWidthM, 0, 'f', 2).arg(grid.pixelHeightM, 0, 'f', 2)),
             qPrintable(text));
    QVERIFY(dialog->beforeInfoLabel()->text().contains(QStringLiteral("Acquisition date unknown")));
    QVERIFY(dialog->dateWarningLabel()->isHidden());
    QCOMPARE(inspected.count(), 3);  // one per choice (the first of two quick changes was abandoned)

    if (!qEnvironmentVariableIsEmpty("ONEMAP_SCREENSHOT_DIR")) {
      before->setCurrentIndex(indexOf(before, window, "a_2023-05-02.tif"));
      QTRY_VERIFY_WITH_TIMEOUT(!dialog->isInspecting(), 20000);
      screenshot(dialog, "detection_dialog_date_warning");
    }
    dialog->close();
  }

  void inspectsTheImagesOffTheGuiThreadAndDropsAStaleResult() {
    shell::MainWindow window;
    addDatedImages(window, m_dir.path() / "stale");
    window.findChild<QAction*>(QStringLiteral("detectChangeAction"))->trigger();
    auto* dialog = window.findChild<plugins::DetectionDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isInspecting(), 20000);
    auto* before = dialog->findChild<QComboBox*>(QStringLiteral("beforeImage"));
    QVERIFY(before);

    // Reading b_… waits until the test lets it go; every read notes its thread. (Shared state:
    // an abandoned read may outlive this function when a check fails.)
    struct Reads {
      QThread* guiThread = QThread::currentThread();
      QSemaphore letSlowReadGo;
      std::atomic<int> onGuiThread{0};
      std::atomic<int> count{0};
      std::atomic<bool> slowReadDone{false};
    };
    const auto reads = std::make_shared<Reads>();
    dialog->setImageInspector([reads](const std::filesystem::path& image) {
      if (QThread::currentThread() == reads->guiThread) ++reads->onGuiThread;
      ++reads->count;
      const bool slow = image.filename() == "b_2021-04-01.tif";
      if (slow) reads->letSlowReadGo.tryAcquire(1, 30000);
      plugins::ImageFacts facts = plugins::inspectImage(image);
      if (slow) reads->slowReadDone = true;
      return facts;
    });
    QSignalSpy inspected(dialog, &plugins::DetectionDialog::imagesInspected);

    // Choosing the slow image returns at once: the GUI thread does not wait for the read.
    QElapsedTimer timer;
    timer.start();
    before->setCurrentIndex(indexOf(before, window, "b_2021-04-01.tif"));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(dialog->isInspecting());
    QCOMPARE(dialog->beforeInfoLabel()->text(), QStringLiteral("Reading…"));
    QVERIFY(dialog->gridLabel()->text().endsWith(QStringLiteral(": Reading…")));
    QVERIFY(!dialog->beforeFacts());
    QTest::qWait(200);  // the event loop runs meanwhile
    QCOMPARE(dialog->beforeInfoLabel()->text(), QStringLiteral("Reading…"));

    // A newer choice (the undated lon/lat image) abandons the slow read: its own result shows.
    before->setCurrentIndex(indexOf(before, window, "basemap_lonlat.tif"));
    QVERIFY(inspected.wait(20000));
    QCOMPARE(inspected.count(), 1);
    const auto newest = [dialog] {
      return dialog->beforeFacts() && !dialog->beforeFacts()->date.isValid() && dialog->beforeFacts()->grid &&
             dialog->beforeFacts()->grid->geographic &&
             dialog->beforeInfoLabel()->text().contains(QStringLiteral("Acquisition date unknown")) &&
             dialog->gridLabel()->text().contains(QStringLiteral("EPSG:4326"));
    };
    QVERIFY(newest());

    // The slow read (b_…, dated 2021-04-01, in EPSG:4549) ends later: its result is dropped.
    reads->letSlowReadGo.release();
    QTRY_VERIFY_WITH_TIMEOUT(reads->slowReadDone.load(), 20000);
    QTest::qWait(300);  // let its watcher's finished signal be delivered (to no one)
    QCOMPARE(inspected.count(), 1);
    QVERIFY(newest());
    QVERIFY(!dialog->beforeInfoLabel()->text().contains(QStringLiteral("2021-04-01")));
    QVERIFY(!dialog->isInspecting());
    QVERIFY(reads->count.load() >= 3);
    QCOMPARE(reads->onGuiThread.load(), 0);
    dialog->close();
  }

  void theResultsPanelSaysWhichGridTheRunUsed() {
    shell::MainWindow window;
    QVERIFY(window.openPath(county() / "sample-project.onemap", true));
    auto* dock = window.findChild<plugins::ResultsDock*>();
    QVERIFY(dock);
    change::ChangeSummary summary;
    summary.threshold = 0.162f;
    summary.bands = {"blue", "green", "red", "nir"};
    summary.crs = "EPSG:4326 WGS 84";
    summary.geographicGrid = true;
    summary.pixelWidthM = 8.5;
    summary.pixelHeightM = 12.6;
    dock->showRunSummary(summary);
    const QString text = dock->runSummaryText();
    QVERIFY2(text.contains(QStringLiteral("Grid: EPSG:4326 WGS 84 (geographic), pixel 8.50 × 12.60 m")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Threshold 0.162")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("blue, green, red, nir")), qPrintable(text));
    summary.crs = "EPSG:4549 CGCS2000 / 3-degree Gauss-Kruger CM 120E";
    summary.geographicGrid = false;
    summary.pixelWidthM = summary.pixelHeightM = 2.0;
    dock->showRunSummary(summary);
    QVERIFY2(dock->runSummaryText().contains(QStringLiteral("Grid: EPSG:4549 CGCS2000 / 3-degree Gauss-Kruger CM 120E, pixel 2.00 × 2.00 m")),
             qPrintable(dock->runSummaryText()));
  }

  void everyDeclaredParameterIsTranslated() {
    // The declaration is in core (English); the form translates its texts at run time, so a
    // label changed in core without a new translation must show up here.
    QVERIFY(i18n::installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
    for (const auto& spec : change::parameterSpecs())
      for (const std::string& text : {spec.label, spec.help}) {
        const QString zh = QCoreApplication::translate("ParameterSpec", text.c_str());
        QVERIFY2(zh != QString::fromStdString(text) && !zh.isEmpty(), text.c_str());
      }
    QVERIFY(i18n::installTranslations(*QCoreApplication::instance(), QStringLiteral("en")));
  }

  void anExistingOutputIsNotReplacedSilently() {
    shell::MainWindow window;
    QVERIFY(window.openPath(county() / "sample-project.onemap", true));
    window.findChild<QAction*>(QStringLiteral("detectChangeAction"))->trigger();
    auto* dialog = window.findChild<plugins::DetectionDialog*>();
    QVERIFY(dialog);
    auto in = dialog->inputs();
    QVERIFY(in);
    QVERIFY(!in->overwrite);  // typed paths are never overwritten without asking
  }
};

QTEST_MAIN(ChangeDetectionGuiTest)
#include "change_detection_gui_test.moc"
