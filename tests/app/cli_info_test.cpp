#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "cli_runner.h"
#include "gdal_fixtures.h"
#include "temp_dir.h"

using namespace onemap::test;
using nlohmann::json;

namespace {

std::filesystem::path nanjing2000() {
  return sourceDir() / "data-samples" / "landsat_nanjing" / "nanjing_L5TM_2000-05-03_6band_utm50n.tif";
}

void writeText(const std::filesystem::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

// Simulates a shapefile from an older Chinese GIS: GBK text in the DBF, no .cpg, language id 0.
void makeGbkShapefileWithoutCpg(const std::filesystem::path& shp) {
  writeVector(shp, "ESRI Shapefile", shp.stem().string(), 4549, {"DLMC"},
              {{"POLYGON((500000 3500000,500100 3500000,500100 3500100,500000 3500100,500000 3500000))", {"水田"}}},
              {"ENCODING=CP936"});
  std::filesystem::path cpg = shp;
  cpg.replace_extension(".cpg");
  std::filesystem::remove(cpg);
  std::filesystem::path dbf = shp;
  dbf.replace_extension(".dbf");
  std::fstream f(dbf, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(29);
  f.put('\0');
}

}  // namespace

TEST(CliInfo, NamesBandRolesAndCrsOfTheRealLandsatPair) {
  const auto run = runCli({"info", nanjing2000().string(), "--json"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json j = json::parse(run.out);
  EXPECT_EQ(j["type"], "raster");
  EXPECT_EQ(j["crs"]["epsg"], 32650);
  EXPECT_EQ(j["width"], 800);
  const std::vector<std::string> expected{"blue", "green", "red", "nir", "swir1", "swir2"};
  ASSERT_EQ(j["bands"].size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(j["bands"][i]["role"], expected[i]) << i;
  EXPECT_TRUE(j["bands"][0].contains("statistics"));
  const auto lonlat = j["lonlat_extent"];
  EXPECT_NEAR(lonlat[0].get<double>(), 118.7, 0.3);  // Nanjing
  EXPECT_NEAR(lonlat[1].get<double>(), 31.9, 0.3);
}

TEST(CliInfo, NamesTheNirBandOfASentinel2SingleBandFile) {
  const auto file = sourceDir() / "data-samples" / "sentinel2_chongqing" / "imgs_1" / "T48RXT_20170414T032541_B08.tif";
  const auto run = runCli({"info", file.string(), "--json", "--no-stats"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json j = json::parse(run.out);
  EXPECT_EQ(j["bands"][0]["role"], "nir");
  EXPECT_EQ(j["crs"]["epsg"], 4326);
  EXPECT_FALSE(j["bands"][0].contains("statistics"));
}

TEST(CliInfo, TextReportShowsCrsNamesAxisOrderAndRoles) {
  const auto run = runCli({"info", nanjing2000().string()});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("EPSG:32650"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("UTM"), std::string::npos);
  EXPECT_NE(run.out.find("Axis order"), std::string::npos);
  EXPECT_NE(run.out.find("role nir"), std::string::npos);
}

TEST(CliInfo, SpeaksChineseWhenAskedTo) {
  const auto run = runCli({"info", nanjing2000().string(), "--no-stats"}, {"ONEMAP_LANG=zh_CN"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("坐标系"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("近红外"), std::string::npos) << run.out;
}

TEST(CliInfo, MissingFileIsBadInputNamingTheFile) {
  TempDir dir;
  const auto run = runCli({"info", (dir / "nowhere.tif").string()});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.err.find("nowhere.tif"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("does not exist"), std::string::npos) << run.err;
  EXPECT_TRUE(dir.files().empty());
}

TEST(CliInfo, TruncatedGeoTiffIsBadInputAndNothingIsWritten) {
  TempDir dir;
  GeoTiffSpec spec;
  spec.width = 512;
  spec.height = 512;
  writeGeoTiff(dir / "cut.tif", spec);
  std::filesystem::resize_file(dir / "cut.tif", 3000);
  const auto before = dir.files();
  const auto run = runCli({"info", (dir / "cut.tif").string()});
  EXPECT_EQ(run.exitCode, 1) << run.out;
  EXPECT_NE(run.err.find("cut.tif"), std::string::npos) << run.err;
  EXPECT_EQ(dir.files(), before);
}

TEST(CliInfo, UnsupportedFormatIsBadInput) {
  TempDir dir;
  writeText(dir / "notes.docx", "this is not geodata at all\n");
  const auto run = runCli({"info", (dir / "notes.docx").string()});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.err.find("notes.docx"), std::string::npos) << run.err;
}

TEST(CliInfo, RasterWithoutCrsSuggestsTheZoneFromEightDigitEastings) {
  TempDir dir;
  GeoTiffSpec spec;
  spec.epsg = 0;
  spec.geoTransform = {40500000, 2, 0, 3500000, 0, -2};  // zone 40 prefix → EPSG:4528
  writeGeoTiff(dir / "nocrs.tif", spec);
  const auto run = runCli({"info", (dir / "nocrs.tif").string(), "--json"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json j = json::parse(run.out);
  EXPECT_FALSE(j["crs"]["defined"].get<bool>());
  EXPECT_EQ(j["crs"]["suggestion"]["epsg"], 4528);
  EXPECT_EQ(dir.files(), std::vector<std::string>{"nocrs.tif"});
}

TEST(CliInfo, DetectsGbkInAShapefileWithoutCpg) {
  TempDir dir;
  makeGbkShapefileWithoutCpg(dir / "dltb.shp");
  const auto run = runCli({"info", (dir / "dltb.shp").string(), "--json"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json j = json::parse(run.out);
  const std::string encoding = j["layers"][0]["encoding"];
  EXPECT_TRUE(encoding == "GB18030" || encoding == "CP936" || encoding == "GBK") << encoding;
  EXPECT_NEAR(j["layers"][0]["area_m2"].get<double>(), 10000.0, 1e-6);
  EXPECT_NEAR(j["layers"][0]["area_mu"].get<double>(), 15.0, 1e-9);
}

TEST(CliInfo, CountsSelfIntersectingPolygons) {
  TempDir dir;
  writeVector(dir / "bowtie.gpkg", "GPKG", "fields", 4549, {"DLBM"},
              {{"POLYGON((500000 3500000,500100 3500100,500100 3500000,500000 3500100,500000 3500000))", {"0101"}},
               {"POLYGON((500200 3500000,500300 3500000,500300 3500100,500200 3500100,500200 3500000))", {"0103"}}});
  const auto run = runCli({"info", (dir / "bowtie.gpkg").string(), "--json"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json j = json::parse(run.out);
  EXPECT_EQ(j["layers"][0]["feature_count"], 2);
  EXPECT_EQ(j["layers"][0]["invalid_geometry_count"], 1);
}

TEST(CliInfo, EmptyLayerIsDescribedNotAnError) {
  TempDir dir;
  writeVector(dir / "empty.gpkg", "GPKG", "nothing", 4549, {"DLBM"}, {});
  const auto run = runCli({"info", (dir / "empty.gpkg").string(), "--json"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json j = json::parse(run.out);
  EXPECT_EQ(j["layers"][0]["feature_count"], 0);
  EXPECT_DOUBLE_EQ(j["layers"][0]["area_m2"].get<double>(), 0.0);
}

TEST(CliInfo, OpensFilesWhoseNamesAreNotUtf8) {
  TempDir dir;
  const std::string gbkName = "\xB8\xFB\xB5\xD8.tif";  // 耕地.tif in GBK
  writeGeoTiff(dir.path() / gbkName, GeoTiffSpec{});
  const auto run = runCli({"info", (dir.path() / gbkName).string(), "--no-stats"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("耕地"), std::string::npos) << run.out;  // shown decoded, valid UTF-8
}

TEST(CliInfo, UsageErrorsExitWithTwo) {
  EXPECT_EQ(runCli({}).exitCode, 2);
  EXPECT_EQ(runCli({"frobnicate"}).exitCode, 2);
  EXPECT_EQ(runCli({"info"}).exitCode, 2);
  EXPECT_EQ(runCli({"info", "--no-such-option", "x.tif"}).exitCode, 2);
  EXPECT_EQ(runCli({"info", "--help"}).exitCode, 0);
}

TEST(CliInfo, StackedSentinel2VrtNamesAllSixRoles) {
  const auto file = sourceDir() / "data-samples" / "sentinel2_chongqing" / "s2_date2.vrt";
  const auto run = runCli({"info", file.string(), "--json", "--no-stats"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json j = json::parse(run.out);
  const std::vector<std::string> expected{"blue", "green", "red", "nir", "swir1", "swir2"};
  ASSERT_EQ(j["bands"].size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(j["bands"][i]["role"], expected[i]);
}
