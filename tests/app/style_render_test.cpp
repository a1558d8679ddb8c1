#include <QImage>
#include <QPainter>
#include <QtTest>

#include "gdal_fixtures.h"
#include "onemap/project/project.h"
#include "onemap/render/color_ramp.h"
#include "onemap/render/land_use_palette.h"
#include "onemap/render/legend.h"
#include "onemap/render/map_render_job.h"
#include "onemap/render/renderer_factory.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

/// A 200 × 200 px map of the 400 m square 500000..500400 E, 3499600..3500000 N (2 m per pixel).
const Extent kExtent{500000, 3499600, 500400, 3500000};

QImage renderLayers(const std::vector<project::LayerSpec>& layers, QSize size = QSize(200, 200)) {
  render::RendererFactory factory;
  std::vector<std::unique_ptr<render::LayerRenderer>> renderers;
  for (const auto& layer : layers) renderers.push_back(factory.create(layer));
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter painter(&image);
  Feedback feedback;
  const QStringList errors =
      render::MapRenderJob::renderSynchronously(painter, render::MapSettings(kExtent, size, "EPSG:4549"), renderers, feedback);
  painter.end();
  if (!errors.isEmpty()) qWarning("render errors: %s", qPrintable(errors.join("; ")));
  return image;
}

/// A square polygon of `side` metres centred on map (x, y), as WKT.
std::string square(double x, double y, double side) {
  const double h = side / 2;
  return "POLYGON((" + std::to_string(x - h) + " " + std::to_string(y - h) + "," + std::to_string(x + h) + " " +
         std::to_string(y - h) + "," + std::to_string(x + h) + " " + std::to_string(y + h) + "," +
         std::to_string(x - h) + " " + std::to_string(y + h) + "," + std::to_string(x - h) + " " +
         std::to_string(y - h) + "))";
}

/// Dark (text) pixels in a box of `radius` px around (cx, cy).
int darkPixelsNear(const QImage& image, int cx, int cy, int radius) {
  int count = 0;
  for (int y = std::max(0, cy - radius); y <= std::min(image.height() - 1, cy + radius); ++y)
    for (int x = std::max(0, cx - radius); x <= std::min(image.width() - 1, cx + radius); ++x)
      if (qGray(image.pixel(x, y)) < 100) ++count;
  return count;
}

bool near(QColor a, QColor b, int tolerance) {
  return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
         std::abs(a.blue() - b.blue()) <= tolerance;
}

}  // namespace

/// Styles as drawn: graduated classes, pseudo-colour ramps and Chinese labels give known pixels.
class StyleRenderTest : public QObject {
  Q_OBJECT
 private:
  test::TempDir m_dir;

 private slots:
  void graduatedStyleColoursPolygonsByClass() {
    // Three 100 m squares in a row with areas in field TBMJ of 1, 5 and 9.
    test::writeVector(m_dir / "fields.gpkg", "GPKG", "fields", 4549, {"TBMJ"},
                      {{square(500070, 3499800, 100), {"1"}},
                       {square(500200, 3499800, 100), {"5"}},
                       {square(500330, 3499800, 100), {"9.5"}}});
    project::LayerSpec layer;
    layer.id = "fields";
    layer.kind = project::LayerKind::Vector;
    layer.source = m_dir / "fields.gpkg";
    layer.style = {{"mode", "graduated"},
                   {"class_field", "TBMJ"},
                   {"classes", "0,3,#ff0000,low;3,6,#00ff00,mid;6,9.5,#0000ff,high"},
                   {"stroke", "none"}};
    const QImage image = renderLayers({layer});
    // Square centres: x = 35, 100, 165 px; y = 100 px.
    QCOMPARE(QColor(image.pixel(35, 100)), QColor(255, 0, 0));
    QCOMPARE(QColor(image.pixel(100, 100)), QColor(0, 255, 0));
    QCOMPARE(QColor(image.pixel(165, 100)), QColor(0, 0, 255));  // the top class includes its upper limit
    QCOMPARE(QColor(image.pixel(100, 20)), QColor(255, 255, 255));

    // Legend: one entry per class with its colour and label.
    const auto legend = render::legendEntries(layer, nullptr);
    QCOMPARE(legend.size(), std::size_t(3));
    QCOMPARE(legend[1].label, QStringLiteral("mid"));
    QCOMPARE(legend[2].fill, QColor(0, 0, 255));
  }

  void pseudoColourPixelsFollowTheRamp() {
    // One band whose value is the column (0..199) on every row: an NDVI-like gradient.
    test::GeoTiffSpec spec;
    spec.width = 200;
    spec.height = 200;
    spec.bands = 1;
    spec.dataType = "Float32";
    spec.geoTransform = {500000, 2, 0, 3500000, 0, -2};
    spec.value = [](int, int x, int) { return double(x); };
    test::writeGeoTiff(m_dir / "ndvi.tif", spec);
    project::LayerSpec layer;
    layer.id = "ndvi";
    layer.kind = project::LayerKind::Raster;
    layer.source = m_dir / "ndvi.tif";
    layer.style = {{"mode", "pseudocolor"}, {"band", "1"}, {"ramp", "rdylgn"}, {"min", "0"}, {"max", "199"}};
    const QImage image = renderLayers({layer});
    const auto ramp = render::ColorRamp::byName("rdylgn");
    QCOMPARE(QColor(image.pixel(0, 50)), QColor("#a50026"));   // ramp start (red)
    QCOMPARE(QColor(image.pixel(199, 50)), QColor("#006837")); // ramp end (green)
    for (int x : {40, 100, 160}) {
      const QColor expected = ramp.at(x / 199.0);
      QVERIFY2(near(image.pixel(x, 120), expected, 6),
               qPrintable(QStringLiteral("x %1: %2 vs %3").arg(x).arg(QColor(image.pixel(x, 120)).name(), expected.name())));
    }
    // Values outside [min, max] clamp to the ends.
    layer.style["min"] = "100";
    const QImage clamped = renderLayers({layer});
    QCOMPARE(QColor(clamped.pixel(20, 50)), QColor("#a50026"));

    // The legend is a ramp with the range.
    const auto legend = render::legendEntries(layer, nullptr);
    QCOMPARE(legend.size(), std::size_t(1));
    QCOMPARE(legend[0].symbol, render::LegendEntry::Symbol::Ramp);
    QCOMPARE(legend[0].rampMin, 100.0);
    QCOMPARE(legend[0].rampMax, 199.0);
  }

  void oldRasterStylesStillDraw() {
    // A style written before pseudo-colour existed: "bands" of one number means grey.
    test::GeoTiffSpec spec;
    spec.width = 200;
    spec.height = 200;
    spec.bands = 2;
    spec.value = [](int band, int, int) { return band == 2 ? 300.0 : 0.0; };
    test::writeGeoTiff(m_dir / "grey.tif", spec);
    project::LayerSpec layer;
    layer.id = "grey";
    layer.kind = project::LayerKind::Raster;
    layer.source = m_dir / "grey.tif";
    layer.style = {{"bands", "2"}, {"stretch_values", "0,600"}};
    const QImage image = renderLayers({layer});
    const QColor c = image.pixel(100, 100);
    QVERIFY2(c.red() == c.green() && c.green() == c.blue() && std::abs(c.red() - 128) <= 1, qPrintable(c.name()));
  }

  void chineseLabelsAreDrawnAtPolygonCentres() {
    test::writeVector(m_dir / "labels.gpkg", "GPKG", "labels", 4549, {"DLMC"},
                      {{square(500100, 3499800, 120), {"水田"}}, {square(500300, 3499800, 120), {"旱地"}}});
    project::LayerSpec layer;
    layer.id = "labels";
    layer.kind = project::LayerKind::Vector;
    layer.source = m_dir / "labels.gpkg";
    layer.style = {{"fill", "#ffffff"}, {"stroke", "none"}, {"label_field", "DLMC"}, {"label_size", "12"}};
    const QImage image = renderLayers({layer});
    // Centres at (50, 100) and (150, 100) px.
    QVERIFY2(darkPixelsNear(image, 50, 100, 14) > 20, qPrintable(QString::number(darkPixelsNear(image, 50, 100, 14))));
    QVERIFY2(darkPixelsNear(image, 150, 100, 14) > 20, qPrintable(QString::number(darkPixelsNear(image, 150, 100, 14))));
    QCOMPARE(darkPixelsNear(image, 100, 30, 20), 0);
    // Without a label field nothing dark is drawn.
    layer.style.erase("label_field");
    QCOMPARE(darkPixelsNear(renderLayers({layer}), 50, 100, 14), 0);
  }

  void overlappingLabelsAreNotBothDrawn() {
    // Two polygons whose centres are 6 px apart: their labels would overlap. The bigger polygon
    // wins, so the map must look exactly as if only the bigger one were labelled.
    const std::vector<test::FixtureFeature> both{{square(500200, 3499800, 140), {"大田块名称"}},
                                                 {square(500212, 3499800, 40), {"小田块名称"}}};
    test::writeVector(m_dir / "overlap.gpkg", "GPKG", "overlap", 4549, {"NAME"}, both);
    test::writeVector(m_dir / "big.gpkg", "GPKG", "big", 4549, {"NAME"}, {both[0]});
    test::writeVector(m_dir / "small.gpkg", "GPKG", "small", 4549, {"NAME"}, {both[1]});
    project::LayerSpec layer;
    layer.id = "overlap";
    layer.kind = project::LayerKind::Vector;
    layer.style = {{"fill", "none"}, {"stroke", "none"}, {"label_field", "NAME"}, {"label_size", "12"}};
    layer.source = m_dir / "overlap.gpkg";
    const QImage overlap = renderLayers({layer});
    layer.source = m_dir / "big.gpkg";
    const QImage big = renderLayers({layer});
    layer.source = m_dir / "small.gpkg";
    const QImage small = renderLayers({layer});
    QVERIFY(darkPixelsNear(big, 100, 100, 40) > 20);
    QVERIFY(small != big);  // the two labels really are drawn at different places
    QVERIFY(overlap == big);
  }

  void categorizedLegendNamesTheLandUseCodesPresent() {
    test::writeVector(m_dir / "dltb.gpkg", "GPKG", "DLTB", 4549, {"DLBM", "DLMC"},
                      {{square(500050, 3499800, 50), {"0103", "旱地"}},
                       {square(500150, 3499800, 50), {"0101", "水田"}},
                       {square(500250, 3499800, 50), {"1101", "河流水面"}},
                       {square(500350, 3499800, 50), {"0101", "水田"}}});
    project::LayerSpec layer;
    layer.id = "dltb";
    layer.kind = project::LayerKind::Vector;
    layer.source = m_dir / "dltb.gpkg";
    layer.layerName = "DLTB";
    layer.style = {{"mode", "categorized"}, {"category_field", "DLBM"}, {"palette", "dlbm"}};
    auto data = render::readLegendData(layer);
    QVERIFY2(data.has_value(), data ? "" : data.error().text().c_str());
    QCOMPARE(data->geometry, render::LegendData::Geometry::Polygon);
    const auto legend = render::legendEntries(layer, &*data);
    QCOMPARE(legend.size(), std::size_t(3));
    QCOMPARE(legend[0].label, QStringLiteral("0101 水田"));
    QCOMPARE(legend[1].label, QStringLiteral("0103 旱地"));
    QCOMPARE(legend[2].label, QStringLiteral("1101 河流水面"));
    QCOMPARE(legend[0].fill, render::landUseColor("0101"));
    QCOMPARE(legend[2].fill, render::landUseColor("1101"));
    QCOMPARE(data->categories[0].count, std::int64_t(2));
    // The map agrees with the legend.
    const QImage image = renderLayers({layer});
    QCOMPARE(QColor(image.pixel(75, 100)), render::landUseColor("0101"));
    QCOMPARE(QColor(image.pixel(125, 100)), render::landUseColor("1101"));
  }
};

QTEST_MAIN(StyleRenderTest)
#include "style_render_test.moc"
