#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "change_detection_plugin.h"
#include "detection_dialog.h"
#include "main_window.h"
#include "onemap/change/change_parameters.h"
#include "onemap/gui/project_controller.h"
#include "onemap/i18n/translations.h"
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
