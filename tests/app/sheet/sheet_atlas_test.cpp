#include <QImage>
#include <QtTest>

#include <algorithm>
#include <fstream>

#include "gdal_fixtures.h"
#include "onemap/sheet/atlas_export.h"
#include "onemap/sheet/standard_template.h"
#include "sheet_fixture.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

/// Villages of township 100 in the sample: 320999100201, 202, 205, 206, 209, 210.
constexpr const char* kTownship = "ZLDWDM LIKE '3209991002%'";

int pdfPages(const std::filesystem::path& file) {
  const QString info = QString::fromStdString(test::runTool("pdfinfo", {file.string()}));
  for (const QString& line : info.split('\n'))
    if (line.startsWith(QLatin1String("Pages:"))) return line.mid(6).trimmed().toInt();
  return -1;
}

bool hasTemporaries(const test::TempDir& dir) {
  const auto files = dir.files();
  return std::any_of(files.begin(), files.end(), [](const std::string& f) { return f.find(".tmp") != std::string::npos; });
}

}  // namespace

/// Atlas export: the coverage features, file names, one file per village, one multi-page PDF,
/// a village that fails while the others come out, Cancel, and the errors users meet.
class SheetAtlasTest : public QObject {
  Q_OBJECT
 private:
  const test::SampleCounty* m_county = nullptr;
  layout::Layout m_layout;

  sheet::SheetContext context(const project::Project& project, render::RendererFactory& factory) const {
    return test::sampleContext(project, m_county->projectFile, factory);
  }

 private slots:
  void initTestCase() {
    m_county = &test::SampleCounty::instance();
    m_layout = sheet::villageMapTemplate(m_county->project, "一村一图");
  }

  void featuresAreReadSortedByCodeInTheMapCrs() {
    Feedback feedback;
    auto features = sheet::readAtlasFeatures(m_county->project, m_layout.atlas, "EPSG:4549", {}, feedback);
    QVERIFY2(features, features ? "" : features.error().text().c_str());
    QCOMPARE(features->size(), std::size_t(12));
    for (std::size_t i = 0; i < features->size(); ++i) {
      const auto& f = (*features)[i];
      QCOMPARE(f.index, int(i));
      QCOMPARE(f.count, 12);
      QCOMPARE(f.code.size(), std::size_t(12));
      QVERIFY(!f.name.empty());
      QCOMPARE(f.attributes.at("ZLDWMC"), f.name);
      QVERIFY(!f.outline.isEmpty() && !f.wkb.empty());
      QVERIFY(f.extent.width() > 100 && f.extent.minX() > 400000);  // metres of EPSG:4549
      if (i > 0) QVERIFY((*features)[i - 1].code < f.code);
    }
    // The atlas filter and the extra filter together; reprojected to geographic CGCS2000.
    layout::AtlasSettings filtered = m_layout.atlas;
    filtered.filter = kTownship;
    auto some = sheet::readAtlasFeatures(m_county->project, filtered, "EPSG:4490", "ZLDWDM <> '320999100201'", feedback);
    QVERIFY2(some, some ? "" : some.error().text().c_str());
    QCOMPARE(some->size(), std::size_t(5));
    QVERIFY(some->front().extent.minX() > 100 && some->front().extent.minX() < 130);  // degrees east
  }

  void coverageErrorsNameTheLayerFieldOrFilter() {
    Feedback feedback;
    layout::AtlasSettings s = m_layout.atlas;
    s.coverageLayerId = "villages_2025";
    auto r = sheet::readAtlasFeatures(m_county->project, s, "EPSG:4549", {}, feedback);
    QVERIFY(!r);
    QVERIFY2(r.error().text().find("villages_2025") != std::string::npos, r.error().text().c_str());
    QVERIFY2(r.error().text().find("CJDCQ") != std::string::npos, r.error().text().c_str());  // lists the layers
    s = m_layout.atlas;
    s.nameField = "CUNMING";
    r = sheet::readAtlasFeatures(m_county->project, s, "EPSG:4549", {}, feedback);
    QVERIFY(!r);
    QVERIFY2(r.error().text().find("CUNMING") != std::string::npos, r.error().text().c_str());
    QVERIFY2(r.error().text().find("ZLDWMC") != std::string::npos, r.error().text().c_str());  // lists the fields
    r = sheet::readAtlasFeatures(m_county->project, m_layout.atlas, "EPSG:4549", "NO_SUCH_FIELD = 1", feedback);
    QVERIFY(!r);
    QVERIFY2(r.error().text().find("NO_SUCH_FIELD = 1") != std::string::npos, r.error().text().c_str());
  }

  void fileNamesFollowThePatternWithUnsafeCharactersReplaced() {
    sheet::AtlasFeature f;
    f.code = "320999100201";
    f.name = "陈家湾/东:村*?";
    f.attributes["XZQMC"] = "青禾镇";
    QCOMPARE(QString::fromStdString(sheet::atlasFileName(m_layout.atlas, f, sheet::ExportFormat::Pdf)),
             QStringLiteral("320999100201_陈家湾_东_村__.pdf"));
    layout::AtlasSettings s = m_layout.atlas;
    s.fileNamePattern = "{field:XZQMC}-{atlas_name}";
    f.name = "长岗村";
    QCOMPARE(QString::fromStdString(sheet::atlasFileName(s, f, sheet::ExportFormat::Png)),
             QStringLiteral("青禾镇-长岗村.png"));
    s.fileNamePattern = "..";
    f.index = 4;
    QCOMPARE(QString::fromStdString(sheet::atlasFileName(s, f, sheet::ExportFormat::GeoTiff)),
             QStringLiteral("sheet_5.tif"));
  }

  void oneFilePerVillageNamedByCodeAndName() {
    test::TempDir dir;
    render::RendererFactory factory;
    sheet::AtlasOptions options;
    options.format = sheet::ExportFormat::Png;
    options.dpi = 20;
    options.output = dir.path() / "sheets";
    options.extraFilter = kTownship;
    options.threads = 2;
    Feedback feedback;
    auto report = sheet::exportAtlas(m_layout, context(m_county->project, factory), options, feedback);
    QVERIFY2(report, report ? "" : report.error().text().c_str());
    QCOMPARE(report->sheets, 6);
    QCOMPARE(report->pages, 6);
    QVERIFY(report->failures.empty());
    QCOMPARE(report->files.size(), std::size_t(6));
    QCOMPARE(report->sheetSeconds.size(), std::size_t(6));
    QCOMPARE(QString::fromStdString(report->files.front().filename().string()), QStringLiteral("320999100201_陈家湾村.png"));
    for (const auto& file : report->files) {
      QVERIFY(std::filesystem::exists(file));
      QVERIFY(std::filesystem::exists(std::filesystem::path(file).replace_extension(".pgw")));
      QCOMPARE(QImage(QString::fromStdString(file.string())).size(), QSize(331, 234));  // A3 at 20 dpi
    }
    QCOMPARE(feedback.progress(), 1.0);
    // Again without overwrite: refused before anything is drawn, naming the first file.
    auto again = sheet::exportAtlas(m_layout, context(m_county->project, factory), options, feedback);
    QVERIFY(!again);
    QVERIFY2(again.error().text().find("320999100201_陈家湾村.png") != std::string::npos, again.error().text().c_str());
    options.overwrite = true;
    QVERIFY(sheet::exportAtlas(m_layout, context(m_county->project, factory), options, feedback));
  }

  void oneMultiPagePdfWithAPagePerVillage() {
    test::TempDir dir;
    render::RendererFactory factory;
    sheet::AtlasOptions options;
    options.singleFile = true;
    options.dpi = 100;
    options.output = dir / "atlas.pdf";
    Feedback feedback;
    auto report = sheet::exportAtlas(m_layout, context(m_county->project, factory), options, feedback);
    QVERIFY2(report, report ? "" : report.error().text().c_str());
    QCOMPARE(report->sheets, 12);
    QCOMPARE(report->pages, 12);
    QVERIFY(report->failures.empty());
    QCOMPARE(pdfPages(options.output), 12);
    QCOMPARE(dir.files(), std::vector<std::string>{"atlas.pdf"});
    const QString text = QString::fromStdString(test::runTool("pdftotext", {options.output.string(), "-"}));
    QVERIFY2(text.contains(QStringLiteral("陈家湾村耕地保护监测图")) && text.contains(QStringLiteral("桥吴庄村耕地保护监测图")),
             qPrintable(text.left(400)));
  }

  void aVillageWithoutGeometryFailsAndTheOthersComeOut() {
    test::TempDir dir;
    // Three villages: two real squares inside the sample and one with an empty geometry.
    test::writeVector(dir / "villages.gpkg", "GPKG", "villages", 4549, {"ZLDWDM", "ZLDWMC"},
                      {{"POLYGON((500400 3500400,501000 3500400,501000 3501000,500400 3501000,500400 3500400))",
                        {"320999900001", "甲村"}},
                       {"POLYGON EMPTY", {"320999900002", "乙村"}},
                       {"POLYGON((501200 3500400,501800 3500400,501800 3501000,501200 3501000,501200 3500400))",
                        {"320999900003", "丙村"}}});
    project::Project project = m_county->project;
    project::LayerSpec villages;
    villages.id = "villages";
    villages.kind = project::LayerKind::Vector;
    villages.source = dir / "villages.gpkg";
    villages.layerName = "villages";
    project.layers.push_back(villages);
    layout::Layout l = m_layout;
    l.atlas.coverageLayerId = "villages";
    render::RendererFactory factory;
    for (const bool single : {false, true}) {
      sheet::AtlasOptions options;
      options.singleFile = single;
      options.format = single ? sheet::ExportFormat::Pdf : sheet::ExportFormat::Png;
      options.dpi = 20;
      options.output = single ? dir / "atlas.pdf" : dir.path() / "out";
      Feedback feedback;
      auto report = sheet::exportAtlas(l, context(project, factory), options, feedback);
      QVERIFY2(report, report ? "" : report.error().text().c_str());
      QCOMPARE(report->sheets, 3);
      QCOMPARE(report->pages, 2);
      QCOMPARE(report->failures.size(), std::size_t(1));
      QCOMPARE(QString::fromStdString(report->failures[0].feature), QStringLiteral("320999900002 乙村"));
      QVERIFY(report->failures[0].error.find("geometry") != std::string::npos);
      if (single) {
        QCOMPARE(pdfPages(options.output), 2);
      } else {
        QCOMPARE(report->files.size(), std::size_t(2));
        QVERIFY(std::filesystem::exists(options.output / "320999900001_甲村.png"));
        QVERIFY(std::filesystem::exists(options.output / "320999900003_丙村.png"));
        QVERIFY(!std::filesystem::exists(options.output / "320999900002_乙村.png"));
      }
    }
  }

  void aBrokenLayerIsAWarningOnEverySheet() {
    test::TempDir dir;
    project::Project project = m_county->project;
    project::LayerSpec gone;
    gone.id = "gone";
    gone.name = "丢失的图层";
    gone.kind = project::LayerKind::Raster;
    gone.source = dir / "missing.tif";
    project.layers.push_back(gone);
    render::RendererFactory factory;
    sheet::AtlasOptions options;
    options.format = sheet::ExportFormat::Png;
    options.dpi = 20;
    options.output = dir.path() / "out";
    options.extraFilter = kTownship;
    Feedback feedback;
    auto report = sheet::exportAtlas(m_layout, context(project, factory), options, feedback);
    QVERIFY2(report, report ? "" : report.error().text().c_str());
    QCOMPARE(report->pages, 6);
    QVERIFY(report->failures.empty());
    QCOMPARE(report->warnings.size(), std::size_t(6));
    QVERIFY(report->warnings[0].error.find("丢失的图层") != std::string::npos);
  }

  void cancelStopsAndLeavesNoPartialFile() {
    for (const bool single : {false, true}) {
      test::TempDir dir;
      Feedback* self = nullptr;
      Feedback feedback(
          [&self](double fraction, std::string_view) {
            if (fraction > 0.25 && self) self->cancel();
          },
          std::chrono::milliseconds(0));
      self = &feedback;
      render::RendererFactory factory;
      sheet::AtlasOptions options;
      options.singleFile = single;
      options.format = single ? sheet::ExportFormat::Pdf : sheet::ExportFormat::GeoTiff;
      options.dpi = 40;
      options.output = single ? dir / "atlas.pdf" : dir.path() / "out";
      options.threads = 2;
      auto report = sheet::exportAtlas(m_layout, context(m_county->project, factory), options, feedback);
      QVERIFY2(report, report ? "" : report.error().text().c_str());
      QVERIFY(report->canceled);
      QVERIFY(!hasTemporaries(dir));
      if (single) {
        QVERIFY(dir.files().empty());
      } else {
        QVERIFY(report->pages < 12);
        QCOMPARE(dir.files().size(), report->files.size());  // only finished sheets
        for (const auto& file : report->files) QVERIFY(std::filesystem::exists(file));
      }
    }
  }
};

QTEST_MAIN(SheetAtlasTest)
#include "sheet_atlas_test.moc"
