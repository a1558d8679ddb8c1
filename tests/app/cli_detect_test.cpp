#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "change_scenes.h"
#include "gdal_fixtures.h"
#include "temp_dir.h"

using namespace onemap::test;
using nlohmann::json;

namespace {

/// Crop spectrum (blue, green, red, nir DN with a little texture) with a village of white roofs
/// on both dates (columns and rows 60–74: a scene's bright reference); in `after`, a 20 × 20 px
/// (1600 m² at 2 m) block of new concrete at columns 20–39, rows 20–39.
GeoTiffSpec scene(bool after, std::vector<double> origin = {500000, 2, 0, 3500000, 0, -2}, int bands = 4) {
  using namespace spectra;
  GeoTiffSpec spec = fourBandScene(96, [after](int b, int x, int y) {
    const bool built = after && x >= 20 && x < 40 && y >= 20 && y < 40;
    const bool village = x >= 60 && x < 75 && y >= 60 && y < 75;
    return (built ? kConcrete : village ? kRoofs : kCrop)[b - 1] + double((x * 7 + y * 3) % 5);
  });
  spec.geoTransform = origin;
  if (bands < 4) {  // the first bands only: no NIR
    spec.bands = bands;
    spec.descriptions.resize(std::size_t(bands));
  }
  return spec;
}

struct Scene {
  TempDir dir;
  std::string before, after, cropland, out;
  Scene() {
    writeGeoTiff(dir / "before.tif", scene(false));
    writeGeoTiff(dir / "after.tif", scene(true));
    writeVector(dir / "cropland.gpkg", "GPKG", "DLTB", 4549, {"DLBM"},
                {{"POLYGON((500000 3499808,500192 3499808,500192 3500000,500000 3500000,500000 3499808))", {"0101"}}});
    before = (dir / "before.tif").string();
    after = (dir / "after.tif").string();
    cropland = (dir / "cropland.gpkg").string() + ":DLTB";
    out = (dir / "patches.gpkg").string();
  }
};

}  // namespace

TEST(CliDetect, FindsTheNewConcreteBlockAndSummarisesIt) {
  Scene s;
  const auto run = runCli({"detect", "--before", s.before, "--after", s.after, "--cropland", s.cropland, "--out", s.out,
                           "--json", "--quiet"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json j = json::parse(run.out);
  ASSERT_EQ(j["patches"].get<int>(), 1) << run.out;
  EXPECT_NEAR(j["area_m2"].get<double>(), 1600.0, 200.0);
  EXPECT_EQ(j["by_subtype"]["building"].get<int>(), 1);
  EXPECT_EQ(j["pixels"].get<int>(), 96 * 96);
  // The grid the run worked on: the before image's CRS and its pixel on the ground.
  EXPECT_NE(j["crs"].get<std::string>().find("EPSG:4549"), std::string::npos) << run.out;
  EXPECT_FALSE(j["geographic_grid"].get<bool>());
  EXPECT_DOUBLE_EQ(j["pixel_width_m"].get<double>(), 2.0);
  EXPECT_DOUBLE_EQ(j["pixel_height_m"].get<double>(), 2.0);
  // The file has the patch and its summary; reading it back with info works.
  const auto info = runCli({"info", s.out, "--json", "--no-stats"});
  ASSERT_EQ(info.exitCode, 0) << info.err;
  EXPECT_NE(info.out.find("change_patches"), std::string::npos);
  EXPECT_NE(info.out.find("village_summary"), std::string::npos);
}

TEST(CliDetect, TheTextOutputNamesTheGrid) {
  Scene s;
  const auto run = runCli({"detect", "--before", s.before, "--after", s.after, "--cropland", s.cropland, "--out", s.out,
                           "--quiet"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("1 change patches"), std::string::npos) << run.out;
  const auto grid = run.out.find("Grid: EPSG:4549 ");
  ASSERT_NE(grid, std::string::npos) << run.out;
  EXPECT_NE(run.out.find(", pixel 2.00 × 2.00 m", grid), std::string::npos) << run.out;
}

TEST(CliDetect, ALonLatGridIsMeasuredOnTheEllipsoid) {
  // 0.00002° pixels at 32°N: about 1.9 m east-west and 2.2 m north-south. No cropland layer
  // (every pixel is a candidate): only the grid is checked here.
  Scene s;
  for (const bool after : {false, true}) {
    GeoTiffSpec spec = scene(after, {118.0, 0.00002, 0, 32.0, 0, -0.00002});
    spec.epsg = 4326;
    writeGeoTiff(s.dir / (after ? "after_lonlat.tif" : "before_lonlat.tif"), spec);
  }
  const auto run = runCli({"detect", "--before", (s.dir / "before_lonlat.tif").string(), "--after",
                           (s.dir / "after_lonlat.tif").string(), "--out", s.out, "--json", "--quiet"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json j = json::parse(run.out);
  EXPECT_NE(j["crs"].get<std::string>().find("EPSG:4326"), std::string::npos) << run.out;
  EXPECT_TRUE(j["geographic_grid"].get<bool>());
  EXPECT_NEAR(j["pixel_width_m"].get<double>(), 1.890, 0.005) << run.out;
  EXPECT_NEAR(j["pixel_height_m"].get<double>(), 2.218, 0.005) << run.out;
}

TEST(CliDetect, AnExistingOutputIsKeptWithoutOverwrite) {
  Scene s;
  writeVector(s.dir / "patches.gpkg", "GPKG", "mine", 4549, {}, {});
  const auto sizeBefore = std::filesystem::file_size(s.out);
  const auto run = runCli({"detect", "--before", s.before, "--after", s.after, "--cropland", s.cropland, "--out", s.out,
                           "--quiet"});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.err.find("patches.gpkg"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("--overwrite"), std::string::npos) << run.err;
  EXPECT_EQ(std::filesystem::file_size(s.out), sizeBefore);
}

TEST(CliDetect, ImagesThatDoNotOverlapAreRefusedNamingTheFiles) {
  Scene s;
  writeGeoTiff(s.dir / "far.tif", scene(true, {600000, 2, 0, 3600000, 0, -2}));
  const auto run = runCli({"detect", "--before", s.before, "--after", (s.dir / "far.tif").string(), "--cropland",
                           s.cropland, "--out", s.out, "--quiet"});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.err.find("far.tif"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(s.out));
}

TEST(CliDetect, AMissingNirBandSaysWhichRoleAndHowToSetIt) {
  Scene s;
  writeGeoTiff(s.dir / "rgb.tif", scene(true, {500000, 2, 0, 3500000, 0, -2}, 3));
  const auto run = runCli({"detect", "--before", s.before, "--after", (s.dir / "rgb.tif").string(), "--cropland",
                           s.cropland, "--out", s.out, "--quiet"});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.err.find("nir"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("--after-bands"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(s.out));
}

TEST(CliDetect, UsageErrorsExitWithTwo) {
  Scene s;
  EXPECT_EQ(runCli({"detect", "--after", s.after, "--cropland", s.cropland, "--out", s.out}).exitCode, 2);
  const auto range = runCli({"detect", "--before", s.before, "--after", s.after, "--cropland", s.cropland, "--out",
                             s.out, "--sensitivity", "9"});
  EXPECT_EQ(range.exitCode, 2);
  EXPECT_NE(range.err.find("sensitivity"), std::string::npos) << range.err;
  EXPECT_EQ(runCli({"detect", "--help"}).exitCode, 0);
}
