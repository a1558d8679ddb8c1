#include <QDir>
#include <QImage>
#include <QPainter>
#include <QtTest>

#include <cmath>

#include "gdal_fixtures.h"
#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout_json.h"
#include "onemap/sheet/frame_view.h"
#include "onemap/sheet/layout_renderer.h"
#include "onemap/sheet/map_layers.h"
#include "onemap/sheet/sheet_variables.h"
#include "onemap/sheet/standard_template.h"
#include "sheet_fixture.h"
#include "temp_dir.h"

using namespace onemap;
namespace k = layout::keys;

namespace {

constexpr const char* kVillage = "320999101208";  // 老邓沟村, inside the sample's imagery

QImage renderPage(const layout::Layout& layout, const sheet::SheetContext& context, double dpi,
                  QStringList* problems = nullptr) {
  const double dotsPerMm = dpi / 25.4;
  QImage image(int(std::lround(layout.pageWidthMm * dotsPerMm)), int(std::lround(layout.pageHeightMm * dotsPerMm)),
               QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter painter(&image);
  Feedback feedback;
  const QStringList found = sheet::renderLayout(painter, layout, context, dotsPerMm, feedback);
  if (problems) *problems = found;
  return image;
}

/// The page pixel of a point given in a map frame's own millimetres.
QPoint pagePixel(const layout::Item& item, QPointF frameMm, double dpi) {
  const double dotsPerMm = dpi / 25.4;
  return QPoint(int(std::floor((item.x + frameMm.x()) * dotsPerMm)), int(std::floor((item.y + frameMm.y()) * dotsPerMm)));
}

int brightness(QRgb c) { return (qRed(c) + qGreen(c) + qBlue(c)) / 3; }

bool isRed(QRgb c) { return qRed(c) > 170 && qGreen(c) < 90 && qBlue(c) < 90; }

/// A project with the layer ids the shipped template file is bound to (no data needed).
project::Project conventionalProject() {
  project::Project p;
  p.crs = "EPSG:4549";
  for (const auto& [id, kind] : {std::pair{"image_after", project::LayerKind::Raster},
                                 std::pair{"CJDCQ", project::LayerKind::Vector},
                                 std::pair{"change_patches", project::LayerKind::Vector}}) {
    project::LayerSpec layer;
    layer.id = id;
    layer.kind = kind;
    layer.layerName = kind == project::LayerKind::Vector ? id : "";
    p.layers.push_back(layer);
  }
  return p;
}

}  // namespace

/// Page rendering of map sheets on the sample county: the standard 一村一图 sheet against its
/// control image, the atlas mask, the overview rectangle, variables, map rotation, layer failures
/// and the shipped template file.
class SheetRenderTest : public QObject {
  Q_OBJECT
 private:
  const test::SampleCounty* m_county = nullptr;
  layout::Layout m_layout;
  sheet::AtlasFeature m_village;

  sheet::SheetContext context(render::RendererFactory& factory, bool atlas = true) const {
    sheet::SheetContext c = test::sampleContext(m_county->project, m_county->projectFile, factory);
    if (atlas) c.atlas = &m_village;
    return c;
  }

 private slots:
  void initTestCase() {
    m_county = &test::SampleCounty::instance();
    m_layout = sheet::villageMapTemplate(m_county->project, "一村一图");
    QVERIFY(m_layout.atlas.enabled);
    QCOMPARE(QString::fromStdString(m_layout.atlas.coverageLayerId), QStringLiteral("CJDCQ"));
    QVERIFY(m_layout.item("table"));
    QCOMPARE(QString::fromStdString(m_layout.item("table")->prop(k::kLayer)), QStringLiteral("change_patches"));
    m_village = test::sampleVillage(m_county->project, m_layout, kVillage);
    QCOMPARE(QString::fromStdString(m_village.name), QStringLiteral("老邓沟村"));
  }

  void villageSheetMatchesItsControlImage() {
    render::RendererFactory factory;
    QStringList problems;
    const QImage image = renderPage(m_layout, context(factory), 60.0, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join("; ")));
    const QString control = QStringLiteral(ONEMAP_CONTROL_DIR "/sheet_village.png");
    if (qEnvironmentVariableIsSet("ONEMAP_UPDATE_CONTROL_IMAGES")) {
      QVERIFY(image.convertToFormat(QImage::Format_RGB32).save(control));
      QSKIP("control image rewritten");
    }
    const QImage expected(control);
    QVERIFY2(!expected.isNull(), qPrintable("missing control image " + control +
                                            " (run with ONEMAP_UPDATE_CONTROL_IMAGES=1 to create it)"));
    QCOMPARE(expected.size(), image.size());
    const test::ImageDifference d = test::compareImages(image, expected, 24);
    const QString actual = QDir::temp().filePath(QStringLiteral("onemap_sheet_village_actual.png"));
    if (d.differingShare > 0.01 || d.meanAbs > 2.0) image.save(actual);
    QVERIFY2(d.differingShare <= 0.01,
             qPrintable(QStringLiteral("%1 % of pixels differ; actual image saved as %2").arg(d.differingShare * 100).arg(actual)));
    QVERIFY2(d.meanAbs <= 2.0, qPrintable(QString::number(d.meanAbs)));
  }

  void atlasMapDimsTheOutsideAndOutlinesTheVillage() {
    render::RendererFactory factory;
    const double dpi = 100.0;
    const layout::Item& map = *m_layout.item("map");
    layout::Layout unmasked = m_layout;
    unmasked.atlas.maskOutside = false;
    const QImage masked = renderPage(m_layout, context(factory), dpi);
    const QImage plain = renderPage(unmasked, context(factory), dpi);
    const sheet::FrameView view = sheet::frameView(m_layout, map, context(factory));
    QVERIFY(view.isValid());
    // The frame is centred on the village and shows it with the margin.
    QVERIFY(view.visibleExtent().contains(m_village.extent));
    QCOMPARE(view.scale, sheet::niceScale(view.scale));
    // Inside the village the image is untouched; outside it is lighter.
    const QPointF inside = view.toFrame(m_village.extent.centerX() + 30, m_village.extent.centerY() + 30);
    const QPoint in = pagePixel(map, inside, dpi);
    QCOMPARE(masked.pixel(in), plain.pixel(in));
    int lighter = 0, samples = 0;
    for (QPointF frameMm : {QPointF(3, 3), QPointF(3, view.sizeMm.height() - 3), QPointF(view.sizeMm.width() / 2, 3)}) {
      const QPointF m = view.toMap(frameMm);
      QVERIFY(!m_village.outline.contains(m));
      const QPoint p = pagePixel(map, frameMm, dpi);
      ++samples;
      if (brightness(masked.pixel(p)) >= brightness(plain.pixel(p)) + 25 || brightness(masked.pixel(p)) > 235) ++lighter;
    }
    QCOMPARE(lighter, samples);
    // The outline is drawn in the 村界 colour along the village's left edge.
    const double y = m_village.extent.centerY();
    int outlined = 0;
    for (double dy = -200; dy <= 200; dy += 20) {
      const QPoint p = pagePixel(map, view.toFrame(m_village.extent.minX(), y + dy), dpi);
      for (int dx = -2; dx <= 2; ++dx) {
        const QRgb c = masked.pixel(p + QPoint(dx, 0));
        if (qRed(c) > 170 && qGreen(c) < 90 && qBlue(c) > 60) {
          ++outlined;
          break;
        }
      }
    }
    QVERIFY2(outlined >= 12, qPrintable(QString::number(outlined)));
  }

  void overviewShowsTheFullExtentWithTheMainMapInRed() {
    render::RendererFactory factory;
    const auto c = context(factory);
    const layout::Item& overview = *m_layout.item("overview");
    const sheet::FrameView ov = sheet::frameView(m_layout, overview, c);
    const sheet::FrameView main = sheet::frameView(m_layout, *m_layout.item("map"), c);
    QVERIFY(ov.isValid() && main.isValid());
    // The overview fits the layers' full extent (image and villages), at a smaller scale.
    const auto full = sheet::layersExtent(sheet::mapLayers(m_county->project, overview), m_county->project.crs);
    QVERIFY(full);
    QVERIFY(ov.visibleExtent().contains(*full));
    QVERIFY(ov.scale > 2 * main.scale);
    const double dpi = 150.0;
    const QImage page = renderPage(m_layout, c, dpi);
    // Red along the main map's extent: check the middle of each side of the box.
    const Extent shown = main.visibleExtent();
    int redSides = 0;
    for (QPointF m : {QPointF(shown.minX(), shown.centerY()), QPointF(shown.maxX(), shown.centerY()),
                      QPointF(shown.centerX(), shown.minY()), QPointF(shown.centerX(), shown.maxY())}) {
      const QPointF f = ov.toFrame(m.x(), m.y());
      if (f.x() < 0 || f.y() < 0 || f.x() > ov.sizeMm.width() || f.y() > ov.sizeMm.height()) continue;
      const QPoint p = pagePixel(overview, f, dpi);
      bool red = false;
      for (int dx = -2; dx <= 2 && !red; ++dx)
        for (int dy = -2; dy <= 2 && !red; ++dy) red = isRed(page.pixel(p + QPoint(dx, dy)));
      if (red) ++redSides;
    }
    QVERIFY2(redSides >= 3, qPrintable(QString::number(redSides)));
    // Away from the box (the overview's far corner from it) there is no red.
    const QPointF boxCentre = ov.toFrame(shown.centerX(), shown.centerY());
    const QPointF far(boxCentre.x() < ov.sizeMm.width() / 2 ? ov.sizeMm.width() - 4 : 4,
                      boxCentre.y() < ov.sizeMm.height() / 2 ? ov.sizeMm.height() - 4 : 4);
    QVERIFY(!isRed(page.pixel(pagePixel(overview, far, dpi))));
  }

  void variablesOfAnAtlasSheet() {
    render::RendererFactory factory;
    const auto c = context(factory);
    const layout::Item& title = *m_layout.item("title");
    const layout::Variables v = sheet::sheetVariables(m_layout, title, c);
    QCOMPARE(QString::fromStdString(v.at("village_name")), QStringLiteral("老邓沟村"));
    QCOMPARE(QString::fromStdString(v.at("atlas_name")), QStringLiteral("老邓沟村"));
    QCOMPARE(QString::fromStdString(v.at("village_code")), QString::fromLatin1(kVillage));
    QCOMPARE(QString::fromStdString(v.at("field:ZLDWMC")), QStringLiteral("老邓沟村"));
    QCOMPARE(QString::fromStdString(v.at("date")), QStringLiteral("2026-12-01"));
    QCOMPARE(QString::fromStdString(v.at("date_cn")), QStringLiteral("2026年12月1日"));
    QCOMPARE(QString::fromStdString(v.at("page")), QStringLiteral("1"));
    QCOMPARE(QString::fromStdString(v.at("page_count")), QStringLiteral("1"));
    QCOMPARE(QString::fromStdString(v.at("layout_name")), QStringLiteral("一村一图"));
    QVERIFY(QString::fromStdString(v.at("crs_name")).contains(QStringLiteral("CGCS2000")));
    const sheet::FrameView view = sheet::frameView(m_layout, *m_layout.item("map"), c);
    QCOMPARE(v.at("scale"), layout::formatScale(view.scale));
    QCOMPARE(QString::fromStdString(layout::expandVariables(title.prop(k::kText), v)),
             QStringLiteral("老邓沟村耕地保护监测图"));
  }

  void mapRotationTurnsTheContentAboutTheCentre() {
    // A red square in the north-west quarter of a 400 m extent, drawn in a 100 × 100 mm frame.
    test::TempDir dir;
    test::writeVector(dir / "square.gpkg", "GPKG", "square", 4549, {"name"},
                      {{"POLYGON((500050 3500250,500150 3500250,500150 3500350,500050 3500350,500050 3500250))", {"a"}}});
    project::Project project;
    project.crs = "EPSG:4549";
    project::LayerSpec square;
    square.id = "square";
    square.kind = project::LayerKind::Vector;
    square.source = dir / "square.gpkg";
    square.style = {{"fill", "#ff0000"}, {"stroke", "#ff0000"}};
    project.layers.push_back(square);
    layout::Layout l;
    l.pageWidthMm = l.pageHeightMm = 120;
    layout::Item map;
    map.id = "map";
    map.type = layout::ItemType::Map;
    map.x = map.y = 10;
    map.width = map.height = 100;
    map.props[k::kExtent] = "500000,3500000,500400,3500400";
    l.items.push_back(map);
    render::RendererFactory factory;
    sheet::SheetContext c = test::sampleContext(project, {}, factory);
    const double dpi = 50.8;  // 2 px per mm
    for (const double rotation : {0.0, 90.0, 30.0}) {
      l.items[0].props[k::kMapRotation] = std::to_string(rotation);
      const QImage page = renderPage(l, c, dpi);
      const sheet::FrameView view = sheet::frameView(l, l.items[0], c);
      // The square's centre lands where FrameView says, and the frame's centre stays white.
      const QPoint centre = pagePixel(l.items[0], view.toFrame(500100, 3500300), dpi);
      QVERIFY2(isRed(page.pixel(centre)), qPrintable(QStringLiteral("rotation %1").arg(rotation)));
      QVERIFY(!isRed(page.pixel(pagePixel(l.items[0], QPointF(50, 50), dpi))));
      if (rotation == 90.0) QVERIFY(view.toFrame(500100, 3500300).x() > 50);  // north-west went north-east
      // The transform of paths agrees with toFrame().
      const QPointF mapped = view.mapToFrame().map(QPointF(500100, 3500300));
      QVERIFY(std::abs(mapped.x() - view.toFrame(500100, 3500300).x()) < 1e-6);
      QVERIFY(std::abs(mapped.y() - view.toFrame(500100, 3500300).y()) < 1e-6);
    }
  }

  void symbolsScaleWithTheResolution() {
    render::RendererFactory factory;
    const auto c = context(factory);
    const QImage low = renderPage(m_layout, c, 75.0);
    const QImage high = renderPage(m_layout, c, 150.0)
                            .scaled(low.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const test::ImageDifference d = test::compareImages(low, high, 60);
    QVERIFY2(d.meanAbs < 6.0 && d.differingShare < 0.05,
             qPrintable(QStringLiteral("mean %1, share %2").arg(d.meanAbs).arg(d.differingShare)));
  }

  void aFailingLayerIsReportedAndTheRestIsDrawn() {
    project::Project broken = m_county->project;
    project::LayerSpec missing;
    missing.id = "gone";
    missing.name = "已删除的图层";
    missing.kind = project::LayerKind::Vector;
    missing.source = m_county->folder / "no_such_file.gpkg";
    broken.layers.push_back(missing);
    render::RendererFactory factory;
    sheet::SheetContext c = test::sampleContext(broken, m_county->projectFile, factory);
    c.atlas = &m_village;
    QStringList problems;
    const double dpi = 60.0;
    const QImage page = renderPage(m_layout, c, dpi, &problems);
    QVERIFY2(problems.size() >= 1, "the missing layer is reported");
    QVERIFY2(problems.join(" ").contains(QStringLiteral("已删除的图层")), qPrintable(problems.join("; ")));
    // The image still shows inside the village, and the title still reads.
    const layout::Item& map = *m_layout.item("map");
    const sheet::FrameView view = sheet::frameView(m_layout, map, c);
    const QRgb inside = page.pixel(pagePixel(map, view.toFrame(m_village.extent.centerX() + 30, m_village.extent.centerY() + 30), dpi));
    QVERIFY2(brightness(inside) < 200, qPrintable(QColor(inside).name()));
    // A map frame naming a layer the project lacks is reported too.
    layout::Layout named = m_layout;
    named.item("map")->props[k::kLayers] = "image_after,nope";
    renderPage(named, c, 30.0, &problems);
    QVERIFY2(problems.join(" ").contains(QStringLiteral("nope")), qPrintable(problems.join("; ")));
  }

  void renderItemDrawsOneItemOnly() {
    render::RendererFactory factory;
    const auto c = context(factory);
    const double dotsPerMm = 2.0;
    QImage image(int(m_layout.pageWidthMm * dotsPerMm), int(m_layout.pageHeightMm * dotsPerMm), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(dotsPerMm, dotsPerMm);
    Feedback feedback;
    const QString error = sheet::renderItem(painter, m_layout, *m_layout.item("neatline"), c, dotsPerMm, feedback);
    painter.end();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The outer neatline's left edge is dark, the map area inside it stays white.
    const layout::Item& neatline = *m_layout.item("neatline");
    QVERIFY(brightness(image.pixel(int(neatline.x * dotsPerMm), int((neatline.y + 50) * dotsPerMm))) < 100);
    QCOMPARE(brightness(image.pixel(int((neatline.x + 100) * dotsPerMm), int((neatline.y + 100) * dotsPerMm))), 255);
  }

  void theShippedTemplateFileIsTheStandardTemplate() {
    const auto file = test::sourceDir() / "resources" / "templates" / "village_map.onemap-layout";
    const layout::Layout expected = sheet::villageMapTemplate(conventionalProject(), "一村一图");
    if (qEnvironmentVariableIsSet("ONEMAP_UPDATE_TEMPLATES")) {
      QVERIFY(layout::saveTemplate(expected, file, true));
      QSKIP("template file rewritten");
    }
    auto loaded = layout::loadTemplate(file);
    QVERIFY2(loaded, loaded ? "" : loaded.error().text().c_str());
    QVERIFY2(*loaded == expected, "resources/templates/village_map.onemap-layout differs from villageMapTemplate(): "
                                  "run this test with ONEMAP_UPDATE_TEMPLATES=1 to rewrite it");
    // Bound to the sample project it is the template the project itself gets.
    const layout::Layout bound = sheet::bindTemplate(*loaded, m_county->project);
    QVERIFY(bound == m_layout);
    QCOMPARE(QString::fromStdString(bound.atlas.coverageLayerId), QStringLiteral("CJDCQ"));
  }

  void bindingATemplateReplacesUnknownLayerIds() {
    project::Project other;
    other.crs = "EPSG:4549";
    for (const auto& [id, layerName, kind] :
         {std::tuple{"img", "", project::LayerKind::Raster}, std::tuple{"villages", "CJDCQ", project::LayerKind::Vector},
          std::tuple{"patches", "change_patches", project::LayerKind::Vector}}) {
      project::LayerSpec layer;
      layer.id = id;
      layer.layerName = layerName;
      layer.kind = kind;
      other.layers.push_back(layer);
    }
    const layout::Layout bound = sheet::bindTemplate(sheet::villageMapTemplate(conventionalProject(), "t"), other);
    QCOMPARE(QString::fromStdString(bound.atlas.coverageLayerId), QStringLiteral("villages"));
    QVERIFY(bound.atlas.enabled);
    QCOMPARE(QString::fromStdString(bound.item("table")->prop(k::kLayer)), QStringLiteral("patches"));
    QCOMPARE(QString::fromStdString(bound.item("overview")->prop(k::kLayers)), QStringLiteral("img,villages"));
    // Without a village layer the atlas is off and the title names the project.
    project::Project plain;
    const layout::Layout unbound = sheet::villageMapTemplate(plain, "t");
    QVERIFY(!unbound.atlas.enabled);
    QVERIFY(!unbound.item("table"));
    QCOMPARE(QString::fromStdString(unbound.item("title")->prop(k::kText)), QStringLiteral("{project_title}"));
  }
};

QTEST_MAIN(SheetRenderTest)
#include "sheet_render_test.moc"
