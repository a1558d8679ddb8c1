// The detector measures distances and areas on the ground whatever the images' CRS: the same
// scene in its Gauss–Krüger grid, warped to EPSG:4326 and to EPSG:4490 (degrees), and a pair of
// two different CRSs give the same patches within resampling tolerance.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <variant>

#include "change_scenes.h"
#include "onemap/change/change_detector.h"
#include "onemap/vector/feature_reader.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

constexpr int kSize = 200;  // 10 m pixels: a 2 km square near 120° E, 31.6° N (EPSG:4549)

/// Crop, a village of roofs, a river and a fallow field on both dates, with a ground texture
/// (the same on both dates, varying over tens of metres as fields do) and a little sensor noise
/// (differing between the dates); in the after image two
/// concrete blocks (20 × 20 and 12 × 20 px) and a pond (20 × 15 px) on the crop.
test::GeoTiffSpec scene(bool after) {
  using namespace test::spectra;
  test::GeoTiffSpec spec = test::fourBandScene(kSize, [after](int b, int x, int y) {
    const double pond[] = {255, 260, 175, 120};
    const double river[] = {240, 250, 160, 100};
    const double fallow[] = {300, 345, 385, 470};
    const double* v = kCrop;
    if (x >= 150 && y >= 150) v = kRoofs;
    if (y >= 180 && x < 120) v = river;
    if (x < 30 && y < 100) v = fallow;
    if (after && x >= 40 && x < 60 && y >= 40 && y < 60) v = kConcrete;
    if (after && x >= 140 && x < 152 && y >= 100 && y < 120) v = kConcrete;
    if (after && x >= 60 && x < 80 && y >= 120 && y < 135) v = pond;
    const double texture = 15.0 * std::sin(x / 6.0) * std::cos(y / 9.0);  // fields vary over tens of metres
    const double noise = double((x * 13 + y * 7 + b * 5 + (after ? 3 : 0)) % 7) - 3.0;
    return v[b - 1] + (b == 4 ? 2.0 * texture : texture / 2.0) + noise;
  });
  spec.geoTransform = {500000, 10, 0, 3500000, 0, -10};
  return spec;
}

struct Found {
  change::ChangeSummary summary;
  std::vector<double> areas;  ///< patch areas (m²), largest first
};

Found detect(const std::filesystem::path& before, const std::filesystem::path& after,
             const std::filesystem::path& output) {
  change::ChangeInputs in;
  in.before = before;
  in.after = after;
  in.output = output;
  Feedback feedback;
  auto summary = change::detectChanges(in, change::ChangeParameters{}, feedback);
  EXPECT_TRUE(summary) << (summary ? "" : summary.error().text());
  Found found;
  if (!summary) return found;
  found.summary = *summary;
  auto reader = vector::FeatureReader::open(output, "change_patches");
  EXPECT_TRUE(reader);
  vector::ReadOptions options;
  options.fields = {"MJ"};
  auto all = reader->readAll(options);
  EXPECT_TRUE(all);
  for (const auto& f : *all) found.areas.push_back(std::get<double>(f.attributes.at(0)));
  std::sort(found.areas.rbegin(), found.areas.rend());
  return found;
}

/// The patches of `found` are those of `reference`: as many, each area within a ring of
/// `ringPixels` 10 m pixels around its outline (resampling moves an edge by a fraction of a
/// pixel; the outline of a compact patch of area A is about 4√A long).
void expectSamePatches(const Found& found, const Found& reference, double ringPixels, const char* what) {
  ASSERT_EQ(found.areas.size(), reference.areas.size()) << what;
  for (std::size_t i = 0; i < found.areas.size(); ++i)
    EXPECT_NEAR(found.areas[i], reference.areas[i], ringPixels * 10.0 * 4.0 * std::sqrt(reference.areas[i]))
        << what << ", patch " << i;
}

}  // namespace

TEST(AnyCrs, GeographicGridsGiveThePatchesOfTheProjectedGrid) {
  test::TempDir dir;
  test::writeGeoTiff(dir / "before_gk.tif", scene(false));
  test::writeGeoTiff(dir / "after_gk.tif", scene(true));
  for (int epsg : {4326, 4490}) {
    test::warpGeoTiff(dir / "before_gk.tif", dir / ("before_" + std::to_string(epsg) + ".tif"), epsg);
    test::warpGeoTiff(dir / "after_gk.tif", dir / ("after_" + std::to_string(epsg) + ".tif"), epsg);
  }
  const Found gk = detect(dir / "before_gk.tif", dir / "after_gk.tif", dir / "gk.gpkg");
  ASSERT_EQ(gk.areas.size(), 3u);
  EXPECT_NEAR(gk.areas[0], 40000.0, 4000.0);  // the 20 × 20 px block
  EXPECT_FALSE(gk.summary.geographicGrid);
  EXPECT_DOUBLE_EQ(gk.summary.pixelWidthM, 10.0);
  EXPECT_EQ(gk.summary.crs.rfind("EPSG:4549", 0), 0u) << gk.summary.crs;

  const Found wgs84 = detect(dir / "before_4326.tif", dir / "after_4326.tif", dir / "wgs84.gpkg");
  EXPECT_TRUE(wgs84.summary.geographicGrid);
  EXPECT_EQ(wgs84.summary.crs.rfind("EPSG:4326", 0), 0u) << wgs84.summary.crs;
  EXPECT_NEAR(wgs84.summary.pixelWidthM, 10.0, 1.0);
  EXPECT_NEAR(wgs84.summary.pixelHeightM, 10.0, 1.0);
  expectSamePatches(wgs84, gk, 0.5, "EPSG:4326");

  const Found cgcs2000 = detect(dir / "before_4490.tif", dir / "after_4490.tif", dir / "cgcs2000.gpkg");
  EXPECT_TRUE(cgcs2000.summary.geographicGrid);
  EXPECT_EQ(cgcs2000.summary.crs.rfind("EPSG:4490", 0), 0u) << cgcs2000.summary.crs;
  expectSamePatches(cgcs2000, gk, 0.5, "EPSG:4490");
  // The same ellipsoid to 0.1 mm and the same grid: the same patches to a square centimetre.
  ASSERT_EQ(cgcs2000.areas.size(), wgs84.areas.size());
  for (std::size_t i = 0; i < wgs84.areas.size(); ++i) EXPECT_NEAR(cgcs2000.areas[i], wgs84.areas[i], 0.01);
}

TEST(AnyCrs, APairInTwoCrssIsAlignedOnTheBeforeGrid) {
  test::TempDir dir;
  test::writeGeoTiff(dir / "before_gk.tif", scene(false));
  test::writeGeoTiff(dir / "after_gk.tif", scene(true));
  test::warpGeoTiff(dir / "before_gk.tif", dir / "before_4326.tif", 4326);
  test::warpGeoTiff(dir / "after_gk.tif", dir / "after_4326.tif", 4326);
  const Found gk = detect(dir / "before_gk.tif", dir / "after_gk.tif", dir / "gk.gpkg");
  const Found mixed = detect(dir / "before_gk.tif", dir / "after_4326.tif", dir / "mixed.gpkg");
  EXPECT_FALSE(mixed.summary.geographicGrid);  // the before image's grid
  // The after image was resampled twice (warped, then aligned back): its edges blur by a pixel.
  expectSamePatches(mixed, gk, 1.0, "after in EPSG:4326");
  const Found reversed = detect(dir / "before_4326.tif", dir / "after_gk.tif", dir / "reversed.gpkg");
  EXPECT_TRUE(reversed.summary.geographicGrid);
  expectSamePatches(reversed, gk, 1.0, "before in EPSG:4326");
}

TEST(AnyCrs, AnImageWithoutCrsIsNamedWithASuggestion) {
  test::TempDir dir;
  test::GeoTiffSpec before = scene(false), after = scene(true);
  before.epsg = 0;
  test::writeGeoTiff(dir / "before.tif", before);
  test::writeGeoTiff(dir / "after.tif", after);
  change::ChangeInputs in;
  in.before = dir / "before.tif";
  in.after = dir / "after.tif";
  in.output = dir / "patches.gpkg";
  Feedback feedback;
  auto summary = change::detectChanges(in, change::ChangeParameters{}, feedback);
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().text().find("no coordinate system"), std::string::npos) << summary.error().text();
  EXPECT_NE(summary.error().context.find("before.tif"), std::string::npos);
  EXPECT_NE(summary.error().hint.find("Gauss"), std::string::npos) << summary.error().hint;
  EXPECT_FALSE(std::filesystem::exists(in.output));
}
