#include <QFile>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QtTest>

#include <cmath>
#include <cstdlib>

#include "gdal_fixtures.h"
#include "image_difference.h"
#include "onemap/project/project.h"
#include "onemap/render/map_render_job.h"
#include "onemap/render/renderer_factory.h"
#include "temp_dir.h"

using namespace onemap;

/// The renderer's output devices: a PDF page (vector polygons, searchable CJK labels) and a
/// control image of a fixed scene that guards the look of every layer type.
class RenderOutputTest : public QObject {
  Q_OBJECT
 private:
  test::TempDir m_dir;
  Extent m_extent{500000, 3500000 - 400, 500400, 3500000};  // 400 m square
  std::vector<project::LayerSpec> m_scene;

  render::MapSettings settingsFor(QSize size) const { return render::MapSettings(m_extent, size, "EPSG:4549"); }

  QStringList renderScene(QPainter& painter, QSize size, const std::vector<project::LayerSpec>& layers) {
    render::RendererFactory factory;
    std::vector<std::unique_ptr<render::LayerRenderer>> renderers;
    for (const auto& layer : layers) renderers.push_back(factory.create(layer));
    Feedback feedback;
    return render::MapRenderJob::renderSynchronously(painter, settingsFor(size), renderers, feedback);
  }

 private slots:
  void initTestCase() {
    // An image with a diagonal gradient (band order B, G, R), land-use polygons categorized with
    // the 三调 palette, a road line and two points.
    test::GeoTiffSpec spec;
    spec.width = 200;
    spec.height = 200;
    spec.descriptions = {"Blue", "Green", "Red"};
    spec.value = [](int band, int x, int y) { return band == 2 ? 200.0 + x * 4 : band == 3 ? 200.0 + y * 4 : 600.0; };
    test::writeGeoTiff(m_dir / "gradient.tif", spec);
    project::LayerSpec raster;
    raster.id = "image";
    raster.kind = project::LayerKind::Raster;
    raster.source = m_dir / "gradient.tif";
    raster.style["stretch"] = "minmax";
    m_scene.push_back(raster);

    test::writeVector(m_dir / "landuse.gpkg", "GPKG", "dltb", 4549, {"DLBM", "DLMC"},
                      {{"POLYGON((500020 3499620,500180 3499620,500180 3499780,500020 3499780,500020 3499620))",
                        {"0101", "水田"}},
                       {"POLYGON((500220 3499620,500380 3499620,500380 3499780,500220 3499780,500220 3499620))",
                        {"0201", "果园"}},
                       {"POLYGON((500020 3499820,500380 3499820,500380 3499980,500020 3499980,500020 3499820),"
                        "(500150 3499860,500250 3499860,500250 3499940,500150 3499940,500150 3499860))",
                        {"1104", "坑塘水面"}}});
    project::LayerSpec landUse;
    landUse.id = "dltb";
    landUse.kind = project::LayerKind::Vector;
    landUse.source = m_dir / "landuse.gpkg";
    landUse.style = {{"mode", "categorized"}, {"category_field", "DLBM"}, {"palette", "dlbm"},
                     {"stroke", "#202020"}, {"stroke_width", "1"}};
    m_scene.push_back(landUse);

    test::writeVector(m_dir / "road.gpkg", "GPKG", "road", 4549, {"name"},
                      {{"LINESTRING(500000 3499800,500400 3499600)", {"县道"}}});
    project::LayerSpec road;
    road.id = "road";
    road.kind = project::LayerKind::Vector;
    road.source = m_dir / "road.gpkg";
    road.style = {{"stroke", "#d03030"}, {"stroke_width", "3"}};
    m_scene.push_back(road);

    test::writeVector(m_dir / "points.gpkg", "GPKG", "points", 4549, {"name"},
                      {{"POINT(500100 3499900)", {"a"}}, {"POINT(500300 3499900)", {"b"}}});
    project::LayerSpec points;
    points.id = "points";
    points.kind = project::LayerKind::Vector;
    points.source = m_dir / "points.gpkg";
    points.style = {{"fill", "#1e90ff"}, {"stroke", "#ffffff"}, {"point_size", "10"}};
    m_scene.push_back(points);
  }

  void sceneMatchesItsControlImage() {
    const QSize size(200, 200);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QStringList errors = renderScene(painter, size, m_scene);
    painter.end();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join("; ")));

    const QString control = QStringLiteral(ONEMAP_CONTROL_DIR "/render_scene.png");
    if (qEnvironmentVariableIsSet("ONEMAP_UPDATE_CONTROL_IMAGES")) {
      QVERIFY(image.convertToFormat(QImage::Format_RGB32).save(control));
      QSKIP("control image rewritten");
    }
    const QImage expected(control);
    QVERIFY2(!expected.isNull(), qPrintable("missing control image " + control +
                                            " (run with ONEMAP_UPDATE_CONTROL_IMAGES=1 to create it)"));
    QCOMPARE(expected.size(), size);
    const test::ImageDifference d = test::compareImages(image, expected, 24);
    if (d.differingShare > 0.01 || d.meanAbs > 2.0) {
      image.save(m_dir.path().string().c_str() + QStringLiteral("/actual.png"));
      image.save(QDir::temp().filePath(QStringLiteral("onemap_render_scene_actual.png")));
    }
    QVERIFY2(d.differingShare <= 0.01, qPrintable(QStringLiteral("%1 % of pixels differ; actual image saved as %2")
                                                     .arg(d.differingShare * 100.0)
                                                     .arg(QDir::temp().filePath("onemap_render_scene_actual.png"))));
    QVERIFY2(d.meanAbs <= 2.0, qPrintable(QString::number(d.meanAbs)));

    // The control itself must show the scene: 水田 (0101) fill in its square, 果园 (0201) in its,
    // the pond's hole shows the image, the road is red.
    const QColor paddy = expected.pixel(40, 90);
    const QColor orchard = expected.pixel(160, 90);
    QVERIFY2(paddy != orchard, qPrintable(paddy.name() + " " + orchard.name()));
    const QColor road = expected.pixel(100, 150);
    QVERIFY2(road.red() > 180 && road.green() < 90, qPrintable("the road is red: " + road.name()));
  }

  void pdfPageHoldsTheMapAsVectorsWithSearchableChineseLabels() {
    const QString pdf = QString::fromStdString((m_dir / "map.pdf").string());
    std::vector<project::LayerSpec> layers = m_scene;
    layers[1].style["label_field"] = "DLMC";
    layers[1].style["label_size"] = "12";
    {
      QPdfWriter writer(pdf);
      writer.setPageSize(QPageSize(QSizeF(100, 100), QPageSize::Millimeter));
      writer.setPageMargins(QMarginsF(0, 0, 0, 0));
      writer.setResolution(300);
      QPainter painter(&writer);
      const QSize size(writer.width(), writer.height());
      const QStringList errors = renderScene(painter, size, layers);
      QVERIFY2(errors.isEmpty(), qPrintable(errors.join("; ")));
    }
    QVERIFY(QFile::exists(pdf));

    // The labels are text, not pixels: pdftotext finds them.
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY2(text.waitForFinished(30000), "pdftotext (poppler-utils) did not run");
    const QString words = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(words.contains(QStringLiteral("水田")) && words.contains(QStringLiteral("果园")), qPrintable(words));

    // Rasterised at 72 dpi the page shows the same scene as the screen image.
    QProcess raster;
    const QString prefix = QString::fromStdString((m_dir / "page").string());
    raster.start(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("50.8"), QStringLiteral("-png"),
                                              QStringLiteral("-singlefile"), pdf, prefix});
    QVERIFY(raster.waitForFinished(30000));
    const QImage page(prefix + QStringLiteral(".png"));
    QVERIFY(!page.isNull());
    QCOMPARE(page.size(), QSize(200, 200));  // 100 mm at 50.8 dpi
    QImage screen(page.size(), QImage::Format_ARGB32_Premultiplied);
    screen.fill(Qt::white);
    {
      QPainter painter(&screen);
      painter.setRenderHint(QPainter::Antialiasing);
      renderScene(painter, screen.size(), m_scene);
    }
    // Sample away from labels: the paddy and orchard fills and the image in the pond's hole.
    for (const QPoint p : {QPoint(30, 180), QPoint(170, 120), QPoint(100, 40), QPoint(190, 5)}) {
      const QColor a = page.pixel(p);
      const QColor b = screen.pixel(p);
      QVERIFY2(std::abs(a.red() - b.red()) < 40 && std::abs(a.green() - b.green()) < 40 &&
                   std::abs(a.blue() - b.blue()) < 40,
               qPrintable(QStringLiteral("(%1,%2): pdf %3 screen %4").arg(p.x()).arg(p.y()).arg(a.name(), b.name())));
    }

    // Vector output: the page holds exactly one bitmap (the image layer; polygons, lines,
    // points and labels are paths and text), and zooming in keeps the polygon edge sharp (a
    // one-pixel transition at 600 dpi).
    QProcess images;
    images.start(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
    QVERIFY(images.waitForFinished(30000));
    const QStringList listing = QString::fromUtf8(images.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // Two header lines, then one line per image (an image with transparency adds an smask line).
    int bitmaps = 0;
    for (const QString& row : listing.mid(2))
      if (!row.contains(QStringLiteral(" smask "))) ++bitmaps;
    QVERIFY2(bitmaps == 1, qPrintable(listing.join(QLatin1Char('\n'))));
    QProcess sharp;
    const QString zoomed = QString::fromStdString((m_dir / "zoom").string());
    sharp.start(QStringLiteral("pdftoppm"),
                {QStringLiteral("-r"), QStringLiteral("600"), QStringLiteral("-png"), QStringLiteral("-singlefile"),
                 QStringLiteral("-x"), QStringLiteral("0"), QStringLiteral("-y"), QStringLiteral("1400"),
                 QStringLiteral("-W"), QStringLiteral("600"), QStringLiteral("-H"), QStringLiteral("10"), pdf, zoomed});
    QVERIFY(sharp.waitForFinished(30000));
    const QImage strip(zoomed + QStringLiteral(".png"));
    QVERIFY(!strip.isNull());
    // The paddy square's left edge is at x = 20 m of 400 m → 100 mm * 0.05 = 5 mm → 118 px at 600 dpi.
    int transitions = 0;
    for (int x = 100; x < 140; ++x) {
      const QColor a = strip.pixel(x, 5);
      const QColor b = strip.pixel(x + 1, 5);
      if (std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) > 60)
        ++transitions;
    }
    QVERIFY2(transitions >= 1 && transitions <= 4, qPrintable(QString::number(transitions)));
  }
};

QTEST_MAIN(RenderOutputTest)
#include "render_output_test.moc"
