#include <QPainter>
#include <QSignalSpy>
#include <QtTest>

#include "gdal_fixtures.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/raster_style_dialog.h"
#include "onemap/gui/vector_style_dialog.h"
#include "onemap/project/project.h"
#include "onemap/render/map_render_job.h"
#include "onemap/render/renderer_factory.h"
#include "temp_dir.h"

using namespace onemap;
using gui::RasterStyleDialog;
using gui::VectorStyleDialog;
using Style = std::map<std::string, std::string>;

namespace {

std::string square(double x, double y, double side) {
  const double h = side / 2;
  auto p = [](double a, double b) { return std::to_string(a) + " " + std::to_string(b); };
  return "POLYGON((" + p(x - h, y - h) + "," + p(x + h, y - h) + "," + p(x + h, y + h) + "," + p(x - h, y + h) +
         "," + p(x - h, y - h) + "))";
}

std::string value(const Style& style, const std::string& key) {
  auto it = style.find(key);
  return it == style.end() ? std::string("<absent>") : it->second;
}

QImage renderProject(const project::Project& project) {
  render::RendererFactory factory;
  std::vector<std::unique_ptr<render::LayerRenderer>> renderers;
  for (const auto& layer : project.layers) renderers.push_back(factory.create(layer));
  QImage image(160, 160, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter painter(&image);
  Feedback feedback;
  render::MapRenderJob::renderSynchronously(
      painter, render::MapSettings(Extent(500000, 3499680, 500320, 3500000), image.size(), "EPSG:4549"), renderers,
      feedback);
  return image;
}

}  // namespace

/// The style dialogs, driven as a user would, write the expected style maps.
class StyleDialogTest : public QObject {
  Q_OBJECT
 private:
  test::TempDir m_dir;
  std::filesystem::path m_image;
  std::filesystem::path m_parcels;

 private slots:
  void initTestCase() {
    // 4 bands B, G, R, NIR: band b has the constant value 100·b, except NIR which is 1000 on the
    // left half and 3000 on the right.
    test::GeoTiffSpec spec;
    spec.width = 160;
    spec.height = 160;
    spec.bands = 4;
    spec.descriptions = {"Blue", "Green", "Red", "NIR"};
    spec.value = [](int band, int x, int) { return band == 4 ? (x < 80 ? 1000.0 : 3000.0) : 100.0 * band; };
    m_image = m_dir / "gf1.tif";
    test::writeGeoTiff(m_image, spec);

    // Six parcels with areas 10, 20, 30, 100, 200, 900 and land-use codes.
    std::vector<test::FixtureFeature> parcels;
    const char* codes[] = {"0101", "0101", "0103", "0201", "1101", "0103"};
    const char* names[] = {"水田", "水田", "旱地", "果园", "河流水面", "旱地"};
    const char* areas[] = {"10", "20", "30", "100", "200", "900"};
    for (int i = 0; i < 6; ++i)
      parcels.push_back({square(500030 + 50 * i, 3499840, 40), {codes[i], names[i], areas[i]}});
    m_parcels = m_dir / "dltb.gpkg";
    test::writeVector(m_parcels, "GPKG", "DLTB", 4549, {"DLBM", "DLMC", "TBMJ"}, parcels);
  }

  void rasterPresetWritesBandsAndComputedStretch() {
    gui::ProjectController project;
    QVERIFY(project.addLayerFile(m_image).isEmpty());
    RasterStyleDialog dialog(&project, project.project().layers[0].id);
    QVERIFY(dialog.presetAvailable(RasterStyleDialog::Preset::NirFalseColour));
    QVERIFY(!dialog.presetAvailable(RasterStyleDialog::Preset::SwirFalseColour));
    QVERIFY(!dialog.applyPreset(RasterStyleDialog::Preset::SwirFalseColour));
    QVERIFY(dialog.applyPreset(RasterStyleDialog::Preset::NirFalseColour));
    dialog.setStretch(render::RasterStyle::Stretch::MinMax);
    QSignalSpy computed(&dialog, &RasterStyleDialog::rangesComputed);
    QTRY_VERIFY_WITH_TIMEOUT(!computed.isEmpty() && !dialog.isComputing(), 10000);
    dialog.apply();
    const Style& style = project.project().layers[0].style;
    QCOMPARE(value(style, "mode"), std::string("rgb"));
    QCOMPARE(value(style, "bands"), std::string("nir,red,green"));
    QCOMPARE(value(style, "stretch"), std::string("minmax"));
    // NIR spans 1000..3000; red and green are constant (a flat band gets max = min + 1).
    QCOMPARE(value(style, "stretch_values"), std::string("1000,3000;300,301;200,201"));
    QVERIFY(project.isModified());
  }

  void rasterPseudoColourWritesBandRampAndRange() {
    gui::ProjectController project;
    QVERIFY(project.addLayerFile(m_image).isEmpty());
    project.setLayerStyle(0, {{"title_note", "kept"}});
    RasterStyleDialog dialog(&project, project.project().layers[0].id);
    QVERIFY(dialog.applyPreset(RasterStyleDialog::Preset::PseudoColour));
    dialog.setBands({4});
    dialog.setRamp("viridis");
    dialog.setStretch(render::RasterStyle::Stretch::Percentile, 5, 95);
    dialog.setRange(0, 1500, 2500);
    dialog.apply();
    const Style& style = project.project().layers[0].style;
    QCOMPARE(value(style, "mode"), std::string("pseudocolor"));
    QCOMPARE(value(style, "band"), std::string("nir"));
    QCOMPARE(value(style, "ramp"), std::string("viridis"));
    QCOMPARE(value(style, "min"), std::string("1500"));
    QCOMPARE(value(style, "max"), std::string("2500"));
    QCOMPARE(value(style, "stretch_percent"), std::string("5,95"));
    QCOMPARE(value(style, "bands"), std::string("<absent>"));
    QCOMPARE(value(style, "title_note"), std::string("kept"));

    // Reopening the dialog shows what was saved.
    RasterStyleDialog again(&project, project.project().layers[0].id);
    QCOMPARE(again.styleProperties(), style);
  }

  void vectorGraduatedWritesQuantileClasses() {
    gui::ProjectController project;
    QVERIFY(project.addLayerFile(m_parcels).isEmpty());
    VectorStyleDialog dialog(&project, project.project().layers[0].id);
    dialog.setGraduated(QStringLiteral("TBMJ"), VectorStyleDialog::Method::Quantile, 3, QStringLiteral("greens"));
    QSignalSpy classified(&dialog, &VectorStyleDialog::classified);
    dialog.classifyGraduated();
    QTRY_VERIFY_WITH_TIMEOUT(!classified.isEmpty(), 10000);
    dialog.apply();
    const Style& style = project.project().layers[0].style;
    QCOMPARE(value(style, "mode"), std::string("graduated"));
    QCOMPARE(value(style, "class_field"), std::string("TBMJ"));
    // Quantiles of 10,20,30,100,200,900 at 1/3 and 2/3: 26.67 and 100+2/3·... (type 7).
    const std::string classes = value(style, "classes");
    QVERIFY2(classes.rfind("10,26.66666667,#f7fcf5,", 0) == 0, classes.c_str());
    QVERIFY2(classes.find(";26.66666667,133.3333333,") != std::string::npos, classes.c_str());
    QVERIFY2(classes.find(";133.3333333,900,#00441b,") != std::string::npos, classes.c_str());
    QCOMPARE(dialog.previewEntries().size(), std::size_t(3));

    // Natural breaks put the outlier 900 alone in the top class.
    dialog.setGraduated(QStringLiteral("TBMJ"), VectorStyleDialog::Method::NaturalBreaks, 2, QStringLiteral("greens"));
    classified.clear();
    dialog.classifyGraduated();
    QTRY_VERIFY_WITH_TIMEOUT(!classified.isEmpty(), 10000);
    dialog.apply();
    QVERIFY2(value(project.project().layers[0].style, "classes").rfind("10,900,", 0) == 0,
             value(project.project().layers[0].style, "classes").c_str());
  }

  void vectorLandUsePaletteLabelsAndScaleRange() {
    gui::ProjectController project;
    QVERIFY(project.addLayerFile(m_parcels).isEmpty());
    VectorStyleDialog dialog(&project, project.project().layers[0].id);
    QSignalSpy classified(&dialog, &VectorStyleDialog::classified);
    dialog.useLandUsePalette();
    QTRY_VERIFY_WITH_TIMEOUT(!classified.isEmpty(), 10000);
    dialog.setCategoryColor(QStringLiteral("0201"), QColor("#123456"));
    dialog.setLabels(QStringLiteral("DLMC"), 11, QColor("#202020"), true);
    dialog.setScaleRange(50000, 500);
    dialog.setFillOpacity(0.5);
    dialog.setStrokeColor(QColor("#ff0000"));
    dialog.apply();
    const Style& style = project.project().layers[0].style;
    QCOMPARE(value(style, "mode"), std::string("categorized"));
    QCOMPARE(value(style, "category_field"), std::string("DLBM"));
    QCOMPARE(value(style, "palette"), std::string("dlbm"));
    QCOMPARE(value(style, "categories"), std::string("0201=#123456"));
    QCOMPARE(value(style, "label_field"), std::string("DLMC"));
    QCOMPARE(value(style, "label_size"), std::string("11"));
    QCOMPARE(value(style, "label_color"), std::string("#202020"));
    QCOMPARE(value(style, "label_halo"), std::string("#ffffff"));
    QCOMPARE(value(style, "min_scale"), std::string("50000"));
    QCOMPARE(value(style, "max_scale"), std::string("500"));
    QCOMPARE(value(style, "fill_opacity"), std::string("0.5"));
    QCOMPARE(value(style, "stroke"), std::string("#ff0000"));
    const auto legend = dialog.previewEntries();
    QCOMPARE(legend.size(), std::size_t(4));  // 0101, 0103, 0201, 1101
    QCOMPARE(legend[0].label, QStringLiteral("0101 水田"));
    QCOMPARE(legend[2].fill.rgb(), QColor("#123456").rgb());

    // Unique values replace the palette by explicit colours for every value.
    classified.clear();
    dialog.classifyUniqueValues();
    QTRY_VERIFY_WITH_TIMEOUT(!classified.isEmpty(), 10000);
    dialog.apply();
    QCOMPARE(value(project.project().layers[0].style, "palette"), std::string("<absent>"));
    QCOMPARE(QString::fromStdString(value(project.project().layers[0].style, "categories")).count('='), 4);
  }

  void singleSymbolAndSavedProjectKeepsTheStyles() {
    gui::ProjectController project;
    QVERIFY(project.addLayerFile(m_image).isEmpty());
    QVERIFY(project.addLayerFile(m_parcels).isEmpty());
    {
      VectorStyleDialog dialog(&project, project.project().layers[1].id);
      dialog.setMode(render::VectorStyle::Mode::Single);
      dialog.setFillColor(QColor("#00ff00"));
      dialog.setStrokeWidth(2.5);
      dialog.apply();
      QCOMPARE(value(project.project().layers[1].style, "fill"), std::string("#00ff00"));
      QCOMPARE(value(project.project().layers[1].style, "stroke_width"), std::string("2.5"));
      QCOMPARE(value(project.project().layers[1].style, "mode"), std::string("single"));
    }
    {
      RasterStyleDialog dialog(&project, project.project().layers[0].id);
      dialog.applyPreset(RasterStyleDialog::Preset::Grey);
      dialog.setRange(0, 1000, 3000);
      dialog.apply();
      QCOMPARE(value(project.project().layers[0].style, "bands"), std::string("nir"));
      QCOMPARE(value(project.project().layers[0].style, "mode"), std::string("grey"));
    }
    const QImage before = renderProject(project.project());
    QVERIFY(project.saveProject(m_dir / "styled.onemap").isEmpty());
    gui::ProjectController reopened;
    QVERIFY(reopened.openProject(m_dir / "styled.onemap").isEmpty());
    QCOMPARE(reopened.project().layers.size(), std::size_t(2));
    for (std::size_t i = 0; i < 2; ++i) QCOMPARE(reopened.project().layers[i].style, project.project().layers[i].style);
    const QImage after = renderProject(reopened.project());
    QVERIFY(before == after);
    // Grey NIR: black left half, white right half; green parcels on top.
    QCOMPARE(QColor(before.pixel(20, 20)), QColor(0, 0, 0));
    QCOMPARE(QColor(before.pixel(140, 20)), QColor(255, 255, 255));
    QCOMPARE(QColor(before.pixel(15, 80)), QColor(0, 255, 0));
  }
};

QTEST_MAIN(StyleDialogTest)
#include "style_dialog_test.moc"
