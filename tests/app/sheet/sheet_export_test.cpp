#include <QImage>
#include <QtTest>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "onemap/layout/item_properties.h"
#include "onemap/sheet/frame_view.h"
#include "onemap/sheet/sheet_export.h"
#include "onemap/sheet/standard_template.h"
#include "sheet_fixture.h"
#include "temp_dir.h"

using namespace onemap;
namespace k = layout::keys;

namespace {

constexpr const char* kVillage = "320999101208";

struct Georeference {
  std::array<double, 6> gt{};
  int epsg = 0;
  int width = 0, height = 0, bands = 0;
  bool alpha = false;
};

/// The geotransform and CRS GDAL reads from an exported file (PNG: from its .pgw and .prj).
std::optional<Georeference> readGeoreference(const std::filesystem::path& file) {
  GDALAllRegister();
  std::unique_ptr<GDALDataset> ds(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  if (!ds) return std::nullopt;
  Georeference g;
  if (ds->GetGeoTransform(g.gt.data()) != CE_None) return std::nullopt;
  OGRSpatialReference srs;
  if (const OGRSpatialReference* own = ds->GetSpatialRef()) {
    srs = *own;
  } else {
    // GDAL's PNG driver reads the world file but not the .prj: read that as ESRI WKT.
    const std::string prj = test::readFile(std::filesystem::path(file).replace_extension(".prj"));
    char* lines[] = {const_cast<char*>(prj.c_str()), nullptr};
    if (prj.empty() || srs.importFromESRI(lines) != OGRERR_NONE) srs.Clear();
  }
  if (!srs.IsEmpty()) {
    if (srs.GetAuthorityCode(nullptr) == nullptr) srs.AutoIdentifyEPSG();
    if (srs.GetAuthorityCode(nullptr) == nullptr)
      if (OGRSpatialReference* best = srs.FindBestMatch(90, "EPSG")) {
        srs = *best;
        best->Release();
      }
    if (const char* code = srs.GetAuthorityCode(nullptr)) g.epsg = std::atoi(code);
  }
  g.width = ds->GetRasterXSize();
  g.height = ds->GetRasterYSize();
  g.bands = ds->GetRasterCount();
  g.alpha = g.bands == 4 && ds->GetRasterBand(4)->GetColorInterpretation() == GCI_AlphaBand;
  return g;
}

/// The pixel (continuous, corner convention) of map point (x, y) under `gt`.
QPointF pixelOf(const std::array<double, 6>& gt, double x, double y) {
  const double det = gt[1] * gt[5] - gt[2] * gt[4];
  const double dx = x - gt[0], dy = y - gt[3];
  return {(gt[5] * dx - gt[2] * dy) / det, (-gt[4] * dx + gt[1] * dy) / det};
}

/// Where the frame's own point (mm from its top-left corner, before the item's turn) is on the
/// page, in pixels at `dotsPerMm`.
QPointF pagePoint(const layout::Item& item, QPointF local, double dotsPerMm) {
  const double r = item.rotation * 3.14159265358979323846 / 180.0;
  const double cx = item.width / 2, cy = item.height / 2;
  const double x = local.x() - cx, y = local.y() - cy;
  const QPointF page(item.x + cx + x * std::cos(r) - y * std::sin(r), item.y + cy + x * std::sin(r) + y * std::cos(r));
  return page * dotsPerMm;
}

QString toolOutput(const std::string& program, const std::vector<std::string>& args) {
  return QString::fromStdString(test::runTool(program, args));
}

}  // namespace

/// Exporting one sheet: PDF (page size, searchable text, embedded fonts, vectors and rasters at
/// the export resolution), PNG with world file and .prj, GeoTIFF, georeferencing (also turned),
/// existing files and Cancel.
class SheetExportTest : public QObject {
  Q_OBJECT
 private:
  const test::SampleCounty* m_county = nullptr;
  layout::Layout m_layout;
  sheet::AtlasFeature m_village;
  render::RendererFactory m_factory;

  sheet::SheetContext context() {
    sheet::SheetContext c = test::sampleContext(m_county->project, m_county->projectFile, m_factory);
    c.atlas = &m_village;
    return c;
  }

  /// Exports `layout` as `name` at `dpi` and checks the frame corners against the georeferencing.
  void checkGeoreferencing(const layout::Layout& layout, const std::string& name, double dpi) {
    test::TempDir dir;
    const auto file = dir / name;
    sheet::ExportOptions options;
    options.format = *sheet::formatForPath(file);
    options.dpi = dpi;
    Feedback feedback;
    auto st = sheet::exportSheet(layout, context(), file, options, feedback);
    QVERIFY2(st, st ? "" : st.error().text().c_str());
    const auto g = readGeoreference(file);
    QVERIFY2(g, "GDAL reads the georeferencing back");
    QCOMPARE(g->epsg, 4549);
    const double dotsPerMm = dpi / 25.4;
    QCOMPARE(g->width, int(std::lround(layout.pageWidthMm * dotsPerMm)));
    const layout::Item& map = *layout.atlasMap();
    const sheet::FrameView view = sheet::frameView(layout, map, context());
    for (QPointF corner : {QPointF(0, 0), QPointF(map.width, 0), QPointF(0, map.height), QPointF(map.width, map.height)}) {
      const QPointF m = view.toMap(corner);
      const QPointF pixel = pixelOf(g->gt, m.x(), m.y());
      const QPointF expected = pagePoint(map, corner, dotsPerMm);
      QVERIFY2(std::abs(pixel.x() - expected.x()) <= 0.5 && std::abs(pixel.y() - expected.y()) <= 0.5,
               qPrintable(QStringLiteral("%1: corner (%2, %3) mm at pixel (%4, %5), expected (%6, %7)")
                              .arg(QString::fromStdString(name))
                              .arg(corner.x()).arg(corner.y())
                              .arg(pixel.x()).arg(pixel.y())
                              .arg(expected.x()).arg(expected.y())));
    }
    // The data lines up: the village's west edge (its outline) is drawn where the georeferencing
    // puts it.
    const QImage image(QString::fromStdString(file.string()));
    if (!image.isNull()) {
      int onOutline = 0;
      for (double dy = -150; dy <= 150; dy += 30) {
        const QPointF p = pixelOf(g->gt, m_village.extent.minX(), m_village.extent.centerY() + dy);
        bool found = false;
        for (int dx = -2; dx <= 2 && !found; ++dx)
          for (int ddy = -2; ddy <= 2 && !found; ++ddy) {
            const QRgb c = image.pixel(int(p.x()) + dx, int(p.y()) + ddy);
            found = qRed(c) > 170 && qGreen(c) < 90 && qBlue(c) > 60;
          }
        if (found) ++onOutline;
      }
      QVERIFY2(onOutline >= 9, qPrintable(QString::number(onOutline)));
    }
  }

 private slots:
  void initTestCase() {
    m_county = &test::SampleCounty::instance();
    m_layout = sheet::villageMapTemplate(m_county->project, "一村一图");
    m_village = test::sampleVillage(m_county->project, m_layout, kVillage);
  }

  void formatsFollowTheExtension() {
    QCOMPARE(sheet::formatForPath("a/b.PDF"), std::optional(sheet::ExportFormat::Pdf));
    QCOMPARE(sheet::formatForPath("b.png"), std::optional(sheet::ExportFormat::Png));
    QCOMPARE(sheet::formatForPath("b.tiff"), std::optional(sheet::ExportFormat::GeoTiff));
    QCOMPARE(sheet::formatForPath("b.tif"), std::optional(sheet::ExportFormat::GeoTiff));
    QVERIFY(!sheet::formatForPath("b.jpg"));
  }

  void pdfIsAVectorPageWithSearchableChineseAndEmbeddedFonts() {
    test::TempDir dir;
    const auto file = dir / "village.pdf";
    Feedback feedback;
    QStringList problems;
    auto st = sheet::exportSheet(m_layout, context(), file, {}, feedback, &problems);
    QVERIFY2(st, st ? "" : st.error().text().c_str());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join("; ")));
    QCOMPARE(dir.files(), std::vector<std::string>{"village.pdf"});
    const QString info = toolOutput("pdfinfo", {file.string()});
    // 420 × 297 mm exactly: 1190.55 × 841.89 pt (Qt alone writes whole points: 1191 × 842).
    QVERIFY2(info.contains(QStringLiteral("Page size:       1190.55 x 841.89 pts")), qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("老邓沟村耕地保护监测图")), qPrintable(info));  // title metadata
    const QString words = toolOutput("pdftotext", {file.string(), "-"});
    QVERIFY2(words.contains(QStringLiteral("老邓沟村耕地保护监测图")), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("位置示意图")), qPrintable(words));
    const QStringList fonts = toolOutput("pdffonts", {file.string()}).split('\n', Qt::SkipEmptyParts).mid(2);
    QVERIFY2(!fonts.isEmpty(), "the page has text in fonts");
    for (const QString& font : fonts) {
      const QStringList columns = font.split(' ', Qt::SkipEmptyParts);
      // name type... encoding emb sub uni object ID: "emb" is the fifth column from the end.
      QVERIFY2(columns.size() >= 6 && columns[columns.size() - 5] == QLatin1String("yes"), qPrintable(font));
    }
    // Images: only the two rasters (main map and overview), none finer than the export's 300 dpi.
    const QStringList images = toolOutput("pdfimages", {"-list", file.string()}).split('\n', Qt::SkipEmptyParts).mid(2);
    int bitmaps = 0;
    for (const QString& row : images) {
      const QStringList c = row.split(' ', Qt::SkipEmptyParts);
      QVERIFY(c.size() >= 14);
      if (c[2] == QLatin1String("smask")) continue;
      ++bitmaps;
      QVERIFY2(c[12].toDouble() <= 301 && c[13].toDouble() <= 301, qPrintable(row));
    }
    QVERIFY2(bitmaps >= 1 && bitmaps <= 2, qPrintable(images.join('\n')));
  }

  void pngHasAWorldFileAndPrjThatLineUpWithTheMap() {
    checkGeoreferencing(m_layout, "village.png", 100.0);
    // The sidecars themselves.
    test::TempDir dir;
    Feedback feedback;
    sheet::ExportOptions options;
    options.format = sheet::ExportFormat::Png;
    options.dpi = 50;
    QVERIFY(sheet::exportSheet(m_layout, context(), dir / "v.png", options, feedback));
    QCOMPARE(dir.files(), (std::vector<std::string>{"v.pgw", "v.png", "v.prj"}));
    std::istringstream world(test::readFile(dir / "v.pgw"));
    std::vector<double> lines{std::istream_iterator<double>(world), std::istream_iterator<double>()};
    QCOMPARE(lines.size(), std::size_t(6));
    const auto gt = *sheet::pageGeoTransform(m_layout, context(), 50 / 25.4);
    QVERIFY(std::abs(lines[0] - gt[1]) < 1e-9 && std::abs(lines[3] - gt[5]) < 1e-9);
    QVERIFY(std::abs(lines[4] - (gt[0] + gt[1] / 2)) < 1e-3);  // the centre of the top-left pixel
    QVERIFY(QString::fromStdString(test::readFile(dir / "v.prj")).contains(QStringLiteral("Gauss_Kruger")));
    const QImage png(QString::fromStdString((dir / "v.png").string()));
    QCOMPARE(png.size(), QSize(827, 585));  // 420 × 297 mm at 50 dpi
    QVERIFY(std::abs(png.dotsPerMeterX() - 50 / 0.0254) < 2);
  }

  void geotiffIsRgbaAndGeoreferenced() {
    checkGeoreferencing(m_layout, "village.tif", 100.0);
    test::TempDir dir;
    Feedback feedback;
    sheet::ExportOptions options;
    options.format = sheet::ExportFormat::GeoTiff;
    options.dpi = 40;
    QVERIFY(sheet::exportSheet(m_layout, context(), dir / "v.tif", options, feedback));
    const auto g = readGeoreference(dir / "v.tif");
    QVERIFY(g);
    QCOMPARE(g->bands, 4);
    QVERIFY(g->alpha);
    QCOMPARE(g->gt[2], 0.0);
    QVERIFY(g->gt[1] > 0 && g->gt[5] < 0);
  }

  void aTurnedMapIsGeoreferencedWithRotationTerms() {
    layout::Layout turned = m_layout;
    turned.item("map")->props[k::kMapRotation] = "30";
    checkGeoreferencing(turned, "turned.tif", 60.0);
    checkGeoreferencing(turned, "turned.png", 60.0);
    const auto gt = *sheet::pageGeoTransform(turned, context(), 60 / 25.4);
    QVERIFY(std::abs(gt[2]) > 0.1 * std::abs(gt[1]) && std::abs(gt[4]) > 0.1 * std::abs(gt[1]));
    // A frame turned on the page (item rotation) as well as its map.
    turned.item("map")->rotation = 10;
    checkGeoreferencing(turned, "both.tif", 60.0);
  }

  void anExistingFileIsKeptWithoutOverwrite() {
    test::TempDir dir;
    const auto file = dir / "mine.png";
    { std::ofstream(file) << "not a sheet"; }
    sheet::ExportOptions options;
    options.format = sheet::ExportFormat::Png;
    options.dpi = 20;
    Feedback feedback;
    auto st = sheet::exportSheet(m_layout, context(), file, options, feedback);
    QVERIFY(!st);
    QVERIFY(QString::fromStdString(st.error().text()).contains(QStringLiteral("mine.png")));
    QCOMPARE(test::readFile(file), std::string("not a sheet"));
    QCOMPARE(dir.files(), std::vector<std::string>{"mine.png"});
    options.overwrite = true;
    QVERIFY(sheet::exportSheet(m_layout, context(), file, options, feedback));
    QVERIFY(!QImage(QString::fromStdString(file.string())).isNull());
  }

  void cancelLeavesNothing() {
    for (const auto format : {sheet::ExportFormat::Pdf, sheet::ExportFormat::Png, sheet::ExportFormat::GeoTiff}) {
      test::TempDir dir;
      Feedback* self = nullptr;
      Feedback feedback(
          [&self](double fraction, std::string_view) {
            if (fraction > 0.3 && self) self->cancel();
          },
          std::chrono::milliseconds(0));
      self = &feedback;
      sheet::ExportOptions options;
      options.format = format;
      options.dpi = 60;
      const char* names[] = {"c.pdf", "c.png", "c.tif"};
      auto st = sheet::exportSheet(m_layout, context(), dir / names[int(format)], options, feedback);
      QVERIFY(feedback.isCanceled());
      QVERIFY(!st);
      QCOMPARE(st.error().code, ErrorCode::Canceled);
      const auto left = dir.files();
      QVERIFY2(left.empty(), left.empty() ? "" : left.front().c_str());
    }
  }
};

QTEST_MAIN(SheetExportTest)
#include "sheet_export_test.moc"
