#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QtTest>

#include "gdal_fixtures.h"
#include "onemap/project/project.h"
#include "onemap/render/map_render_job.h"
#include "onemap/render/renderer_factory.h"
#include "temp_dir.h"

using namespace onemap;

/// Render tests: known rasters and polygons drawn at known places must give known pixels.
class RenderTest : public QObject {
  Q_OBJECT
 private:
  test::TempDir m_dir;
  project::LayerSpec m_raster;
  project::LayerSpec m_polygon;
  Extent m_extent{500000, 3500000 - 200, 500200, 3500000};  // 100 x 100 px of 2 m

 private slots:
  void initTestCase() {
    // Left half red, right half blue; band order B, G, R (roles from descriptions).
    test::GeoTiffSpec spec;
    spec.width = 100;
    spec.height = 100;
    spec.descriptions = {"Blue", "Green", "Red"};
    spec.value = [](int band, int x, int) {
      const bool left = x < 50;
      if (band == 3) return left ? 1000.0 : 0.0;
      if (band == 1) return left ? 0.0 : 1000.0;
      return 0.0;
    };
    test::writeGeoTiff(m_dir / "halves.tif", spec);
    m_raster.id = "halves";
    m_raster.kind = project::LayerKind::Raster;
    m_raster.source = m_dir / "halves.tif";
    m_raster.style["stretch"] = "minmax";

    test::writeVector(m_dir / "square.gpkg", "GPKG", "square", 4549, {"name"},
                      {{"POLYGON((500050 3499850,500150 3499850,500150 3499950,500050 3499950,500050 3499850))", {"田"}}});
    m_polygon.id = "square";
    m_polygon.kind = project::LayerKind::Vector;
    m_polygon.source = m_dir / "square.gpkg";
    m_polygon.style["fill"] = "#00ff00";
    m_polygon.style["stroke"] = "none";
  }

  void rasterIsDrawnTrueColourWhereItIs() {
    render::RendererFactory factory;
    std::vector<std::unique_ptr<render::LayerRenderer>> layers;
    layers.push_back(factory.create(m_raster));
    QImage image(100, 100, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    Feedback feedback;
    const render::MapSettings settings(m_extent, image.size(), "EPSG:4549");
    const QStringList errors = render::MapRenderJob::renderSynchronously(painter, settings, layers, feedback);
    painter.end();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join("; ")));
    QCOMPARE(QColor(image.pixel(10, 50)), QColor(255, 0, 0));
    QCOMPARE(QColor(image.pixel(90, 50)), QColor(0, 0, 255));
  }

  void polygonCoversExactlyItsPixels() {
    render::RendererFactory factory;
    std::vector<std::unique_ptr<render::LayerRenderer>> layers;
    layers.push_back(factory.create(m_polygon));
    QImage image(100, 100, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    Feedback feedback;
    const render::MapSettings settings(m_extent, image.size(), "EPSG:4549");
    render::MapRenderJob::renderSynchronously(painter, settings, layers, feedback);
    painter.end();
    // Square from x 25..75 px, y 25..75 px.
    QCOMPARE(QColor(image.pixel(50, 50)), QColor(0, 255, 0));
    QCOMPARE(QColor(image.pixel(10, 10)), QColor(255, 255, 255));
    QCOMPARE(QColor(image.pixel(90, 90)), QColor(255, 255, 255));
  }

  void threadedJobComposesLayersInOrderWithOpacity() {
    render::RendererFactory factory;
    project::LayerSpec half = m_polygon;
    half.opacity = 0.5;
    std::vector<std::unique_ptr<render::LayerRenderer>> layers;
    layers.push_back(factory.create(m_raster));
    layers.push_back(factory.create(half));
    render::MapRenderJob job(render::MapSettings(m_extent, QSize(100, 100), "EPSG:4549"), std::move(layers));
    QSignalSpy spy(&job, &render::MapRenderJob::finished);
    job.start();
    QVERIFY(spy.wait(20000));
    const QColor c = job.image().pixel(30, 50);  // red raster under half-transparent green
    QVERIFY2(std::abs(c.red() - 128) <= 2 && std::abs(c.green() - 128) <= 2 && c.blue() == 0,
             qPrintable(c.name()));
    QCOMPARE(QColor(job.image().pixel(90, 10)), QColor(0, 0, 255));
  }

  void rasterInAnotherCrsIsReprojectedOnTheFly() {
    // The same raster seen through a UTM 50N map (CGCS2000 GK CM 120 ≈ UTM 51, so use 4326):
    // only checks that something is drawn where the data is and nothing elsewhere.
    render::RendererFactory factory;
    std::vector<std::unique_ptr<render::LayerRenderer>> layers;
    layers.push_back(factory.create(m_raster));
    QImage image(200, 200, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    Feedback feedback;
    // EPSG:4549 (500000, 3500000) is at lon 120°E, lat ≈ 31.62°N.
    const Extent lonLat(119.9975, 31.6178, 120.0045, 31.6248);
    const render::MapSettings settings(lonLat, image.size(), "EPSG:4326");
    const QStringList errors = render::MapRenderJob::renderSynchronously(painter, settings, layers, feedback);
    painter.end();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join("; ")));
    int coloured = 0;
    for (int y = 0; y < 200; ++y)
      for (int x = 0; x < 200; ++x)
        if (QColor(image.pixel(x, y)) != QColor(Qt::white)) ++coloured;
    QVERIFY2(coloured > 200 && coloured < 200 * 200, qPrintable(QString::number(coloured)));
  }
};

QTEST_MAIN(RenderTest)
#include "render_test.moc"
