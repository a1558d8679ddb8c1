#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "cli_runner.h"
#include "onemap/base/feedback.h"
#include "onemap/project/project.h"
#include "onemap/sample/sample_writer.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::test;
using nlohmann::json;

namespace {

/// The small sample county without imagery (vectors and project only: fast), once per program,
/// with one saved layout ("村图") so that a wrong --layout can list it.
const std::filesystem::path& sampleProject() {
  static TempDir dir;
  static const std::filesystem::path project = [] {
    sample::SampleRequest request;
    request.scene.seed = 1;
    request.folder = dir / "county";
    request.imagery = false;
    Feedback feedback;
    if (!sample::writeSample(request, feedback)) std::abort();
    const auto file = request.folder / "sample-project.onemap";
    auto loaded = project::loadProject(file);
    if (!loaded) std::abort();
    layout::Layout saved;
    saved.name = "村图";
    loaded->layouts.push_back(saved);
    if (!project::saveProject(*loaded, file)) std::abort();
    return file;
  }();
  return project;
}

}  // namespace

TEST(CliSheet, ExportLayoutWritesTheVillageSheetAsPdf) {
  TempDir out;
  const auto pdf = (out / "村.pdf").string();
  const auto run = runCli({"export-layout", "--project", sampleProject().string(), "--template", "village", "--feature",
                           "320999101208", "--out", pdf, "--json", "--quiet"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json j = json::parse(run.out);
  EXPECT_EQ(j["feature"]["name"].get<std::string>(), "老邓沟村");
  EXPECT_EQ(j["dpi"].get<double>(), 300.0);
  ASSERT_TRUE(std::filesystem::exists(pdf));
  EXPECT_EQ(readFile(pdf).substr(0, 5), "%PDF-");
  EXPECT_EQ(out.files(), std::vector<std::string>{"村.pdf"});
}

TEST(CliSheet, ExportLayoutWritesAGeoreferencedPngWithItsSidecars) {
  TempDir out;
  const auto png = (out / "sheet.png").string();
  const auto run = runCli({"export-layout", "--project", sampleProject().string(), "--template", "village", "--feature",
                           "320999100201", "--out", png, "--dpi", "30", "--quiet"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(out.files(), (std::vector<std::string>{"sheet.pgw", "sheet.png", "sheet.prj"}));
  // Again: the file exists, and only --overwrite replaces it.
  const auto again = runCli({"export-layout", "--project", sampleProject().string(), "--template", "village", "--out",
                             png, "--dpi", "30", "--quiet"});
  EXPECT_EQ(again.exitCode, 1);
  EXPECT_NE(again.err.find("sheet.png"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("--overwrite"), std::string::npos) << again.err;
  EXPECT_EQ(runCli({"export-layout", "--project", sampleProject().string(), "--template", "village", "--out", png,
                    "--dpi", "30", "--quiet", "--overwrite"})
                .exitCode,
            0);
}

TEST(CliSheet, AnUnknownLayoutListsTheProjectsLayouts) {
  TempDir out;
  const auto run = runCli({"export-layout", "--project", sampleProject().string(), "--layout", "不存在", "--out",
                           (out / "x.pdf").string(), "--quiet"});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.err.find("不存在"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("\"村图\""), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("--template village"), std::string::npos) << run.err;
  EXPECT_TRUE(out.files().empty());
}

TEST(CliSheet, UsageErrorsSayWhatIsMissing) {
  const auto noOut = runCli({"export-layout", "--project", sampleProject().string(), "--template", "village"});
  EXPECT_EQ(noOut.exitCode, 2);
  EXPECT_NE(noOut.err.find("--out"), std::string::npos) << noOut.err;
  const auto badFormat = runCli({"export-layout", "--project", sampleProject().string(), "--template", "village",
                                 "--out", "/tmp/x.jpg"});
  EXPECT_EQ(badFormat.exitCode, 2);
  EXPECT_NE(badFormat.err.find(".tif"), std::string::npos) << badFormat.err;
  const auto both = runCli({"export-atlas", "--project", sampleProject().string(), "--out", "/tmp/x"});
  EXPECT_EQ(both.exitCode, 1);
  EXPECT_NE(both.err.find("--template village"), std::string::npos) << both.err;
  const auto help = runCli({"--help"});
  EXPECT_NE(help.out.find("export-atlas"), std::string::npos);
  EXPECT_NE(help.out.find("export-layout"), std::string::npos);
}

TEST(CliSheet, ExportAtlasWritesOneFilePerVillageAndASummary) {
  TempDir out;
  const auto run = runCli({"export-atlas", "--project", sampleProject().string(), "--template", "village", "--filter",
                           "ZLDWDM LIKE '3209991002%'", "--format", "png", "--dpi", "20", "--out",
                           (out / "sheets").string(), "--json"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json j = json::parse(run.out);
  EXPECT_EQ(j["sheets"].get<int>(), 6);
  EXPECT_EQ(j["pages"].get<int>(), 6);
  ASSERT_EQ(j["files"].size(), 6u);
  EXPECT_TRUE(j["failures"].empty());
  EXPECT_EQ(j["sheet_seconds"].size(), 6u);
  EXPECT_GT(j["seconds_per_sheet"].get<double>(), 0.0);
  EXPECT_NE(j["files"][0].get<std::string>().find("320999100201_陈家湾村.png"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(out / "sheets" / "320999100201_陈家湾村.pgw"));
  // Progress went to stderr, naming the sheets.
  EXPECT_NE(run.err.find("Sheet "), std::string::npos) << run.err;
}

TEST(CliSheet, ExportAtlasAsOneMultiPagePdf) {
  TempDir out;
  const auto pdf = (out / "atlas.pdf").string();
  const auto run = runCli({"export-atlas", "--project", sampleProject().string(), "--template", "village", "--out",
                           pdf, "--dpi", "72", "--quiet", "--json"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json j = json::parse(run.out);
  EXPECT_EQ(j["pages"].get<int>(), 12);
  EXPECT_TRUE(j["single_pdf"].get<bool>());
  EXPECT_EQ(out.files(), std::vector<std::string>{"atlas.pdf"});
}

TEST(CliSheet, ABadFilterOrCoverageIsNamed) {
  TempDir out;
  const auto filter = runCli({"export-atlas", "--project", sampleProject().string(), "--template", "village", "--filter",
                              "CUN = 1", "--out", (out / "a").string(), "--quiet"});
  EXPECT_EQ(filter.exitCode, 1);
  EXPECT_NE(filter.err.find("CUN = 1"), std::string::npos) << filter.err;
  const auto none = runCli({"export-atlas", "--project", sampleProject().string(), "--template", "village", "--filter",
                            "ZLDWDM = 'x'", "--out", (out / "a").string(), "--quiet"});
  EXPECT_EQ(none.exitCode, 1);
  EXPECT_NE(none.err.find("no coverage feature matches"), std::string::npos) << none.err;
  const auto coverage = runCli({"export-atlas", "--project", sampleProject().string(), "--template", "village",
                                "--coverage", "XZQ", "--out", (out / "a").string(), "--quiet"});
  EXPECT_EQ(coverage.exitCode, 1);
  EXPECT_NE(coverage.err.find("XZQ"), std::string::npos) << coverage.err;
  EXPECT_TRUE(out.files().empty());
}

TEST(CliSheet, TheCoverageIsNamedByIdNameOrAsVillages) {
  TempDir out;
  for (const std::string coverage : {"villages", "行政村界线", "CJDCQ"}) {
    const auto folder = (out / ("by_" + std::to_string(coverage.size()))).string();
    const auto run = runCli({"export-atlas", "--project", sampleProject().string(), "--template", "village", "--coverage",
                             coverage, "--filter", "ZLDWDM = '320999100201'", "--dpi", "20", "--out", folder, "--quiet",
                             "--json"});
    ASSERT_EQ(run.exitCode, 0) << coverage << ": " << run.err;
    const json j = json::parse(run.out);
    EXPECT_EQ(j["sheets"].get<int>(), 1) << coverage;
    ASSERT_EQ(j["files"].size(), 1u) << coverage;
    EXPECT_NE(j["files"][0].get<std::string>().find("320999100201_陈家湾村.pdf"), std::string::npos) << coverage;
  }
}
