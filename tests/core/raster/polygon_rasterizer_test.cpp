#include <gtest/gtest.h>

#include <ogr_spatialref.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "gdal_fixtures.h"
#include "onemap/gdal/gdal_init.h"
#include "onemap/raster/polygon_rasterizer.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::raster;
using onemap::test::FixtureFeature;
using onemap::test::TempDir;
using onemap::test::writeVector;

namespace {

std::string wktOf(int epsg) { return onemap::test::wktOfEpsg(epsg); }

// 100 x 100 pixels of 1 m in EPSG:4549; column c spans x 500000+c .. +1, row r spans y 3500000-r-1 .. -r.
Grid testGrid() {
  Grid grid;
  grid.width = 100;
  grid.height = 100;
  grid.geoTransform = {500000, 1, 0, 3500000, 0, -1};
  grid.crsWkt = wktOf(4549);
  return grid;
}

// A rectangle in grid coordinates: columns [c0, c1), rows [r0, r1).
std::string rect(double c0, double r0, double c1, double r1) {
  auto x = [](double c) { return std::to_string(500000 + c); };
  auto y = [](double r) { return std::to_string(3500000 - r); };
  return "(" + x(c0) + " " + y(r0) + "," + x(c1) + " " + y(r0) + "," + x(c1) + " " + y(r1) + "," + x(c0) +
         " " + y(r1) + "," + x(c0) + " " + y(r0) + ")";
}

std::string polygon(double c0, double r0, double c1, double r1) { return "POLYGON(" + rect(c0, r0, c1, r1) + ")"; }

template <class T>
std::int64_t countOf(const std::vector<T>& values, T value) {
  return std::count(values.begin(), values.end(), value);
}

const Window kWhole{0, 0, 100, 100};

}  // namespace

TEST(PolygonRasterizer, SquareBurnsExactlyItsPixels) {
  TempDir dir;
  writeVector(dir / "a.gpkg", "GPKG", "squares", 4549, {}, {{polygon(10, 10, 30, 30), {}}});
  auto rasterizer = PolygonRasterizer::open(dir / "a.gpkg", testGrid());
  ASSERT_TRUE(rasterizer) << rasterizer.error().text();
  EXPECT_EQ(rasterizer->featureCount(), 1);
  std::vector<std::uint8_t> out;
  ASSERT_TRUE(rasterizer->burn(kWhole, out));
  ASSERT_EQ(out.size(), 10000u);
  EXPECT_EQ(countOf<std::uint8_t>(out, 1), 400);
  EXPECT_EQ(out[10 * 100 + 10], 1);
  EXPECT_EQ(out[29 * 100 + 29], 1);
  EXPECT_EQ(out[30 * 100 + 29], 0);
  EXPECT_EQ(out[9 * 100 + 10], 0);
}

TEST(PolygonRasterizer, HoleIsLeftOut) {
  TempDir dir;
  writeVector(dir / "a.gpkg", "GPKG", "holes", 4549, {},
              {{"POLYGON(" + rect(40, 20, 80, 60) + "," + rect(50, 30, 60, 40) + ")", {}}});
  auto rasterizer = PolygonRasterizer::open(dir / "a.gpkg", testGrid());
  ASSERT_TRUE(rasterizer) << rasterizer.error().text();
  std::vector<std::uint8_t> out;
  ASSERT_TRUE(rasterizer->burn(kWhole, out));
  EXPECT_EQ(countOf<std::uint8_t>(out, 1), 1600 - 100);
  EXPECT_EQ(out[35 * 100 + 55], 0);
}

TEST(PolygonRasterizer, LayerInAnotherCrsIsReprojected) {
  gdal::ensureInitialized();
  OGRSpatialReference gk, geographic;
  gk.importFromEPSG(4549);
  geographic.importFromEPSG(4490);
  gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  geographic.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  auto* ct = OGRCreateCoordinateTransformation(&gk, &geographic);
  ASSERT_NE(ct, nullptr);
  // The corners of columns/rows [20, 50) in lon/lat: straight 30 m edges stay straight to a nanometre.
  double xs[] = {500020, 500050, 500050, 500020, 500020};
  double ys[] = {3499980, 3499980, 3499950, 3499950, 3499980};
  ASSERT_TRUE(ct->Transform(5, xs, ys));
  OGRCoordinateTransformation::DestroyCT(ct);
  std::string wkt = "POLYGON((";
  for (int i = 0; i < 5; ++i) {
    char buffer[80];
    std::snprintf(buffer, sizeof buffer, "%s%.12f %.12f", i == 0 ? "" : ",", xs[i], ys[i]);
    wkt += buffer;
  }
  wkt += "))";
  TempDir dir;
  writeVector(dir / "lonlat.gpkg", "GPKG", "lonlat", 4490, {}, {{wkt, {}}});
  auto rasterizer = PolygonRasterizer::open(dir / "lonlat.gpkg", testGrid());
  ASSERT_TRUE(rasterizer) << rasterizer.error().text();
  std::vector<std::uint8_t> out;
  ASSERT_TRUE(rasterizer->burn(kWhole, out));
  EXPECT_EQ(countOf<std::uint8_t>(out, 1), 900);
  EXPECT_EQ(out[20 * 100 + 20], 1);
  EXPECT_EQ(out[49 * 100 + 49], 1);
  // A window in the middle of the polygon still finds it through the spatial filter.
  ASSERT_TRUE(rasterizer->burn(Window{30, 30, 10, 10}, out));
  EXPECT_EQ(countOf<std::uint8_t>(out, 1), 100);
}

TEST(PolygonRasterizer, AttributeFilterSelectsFeatures) {
  TempDir dir;
  writeVector(dir / "a.gpkg", "GPKG", "kinds", 4549, {"kind"},
              {{polygon(0, 0, 10, 10), {"a"}}, {polygon(20, 20, 40, 40), {"b"}}, {polygon(60, 60, 61, 61), {"b"}}});
  auto rasterizer = PolygonRasterizer::open(dir / "a.gpkg", testGrid(), {"kinds", "kind = 'b'", false});
  ASSERT_TRUE(rasterizer) << rasterizer.error().text();
  EXPECT_EQ(rasterizer->featureCount(), 2);
  std::vector<std::uint8_t> out;
  ASSERT_TRUE(rasterizer->burn(kWhole, out));
  EXPECT_EQ(countOf<std::uint8_t>(out, 1), 401);

  auto bad = PolygonRasterizer::open(dir / "a.gpkg", testGrid(), {"", "no_such_field = 1", false});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::InvalidInput);
  EXPECT_NE(bad.error().text().find("a.gpkg"), std::string::npos);
  EXPECT_NE(bad.error().text().find("kinds"), std::string::npos);
}

TEST(PolygonRasterizer, WindowOffsetsAndAllTouched) {
  TempDir dir;
  writeVector(dir / "a.gpkg", "GPKG", "squares", 4549, {}, {{polygon(10, 10, 30, 30), {}}});
  auto rasterizer = PolygonRasterizer::open(dir / "a.gpkg", testGrid());
  ASSERT_TRUE(rasterizer) << rasterizer.error().text();
  std::vector<std::uint8_t> out;
  ASSERT_TRUE(rasterizer->burn(Window{20, 25, 20, 10}, out));
  ASSERT_EQ(out.size(), 200u);
  EXPECT_EQ(countOf<std::uint8_t>(out, 1), 10 * 5);
  EXPECT_EQ(out[0], 1);        // column 20, row 25
  EXPECT_EQ(out[10], 0);       // column 30
  EXPECT_EQ(out[5 * 20], 0);   // row 30
  ASSERT_TRUE(rasterizer->burn(Window{60, 60, 40, 40}, out));
  EXPECT_EQ(countOf<std::uint8_t>(out, 1), 0);
  EXPECT_FALSE(rasterizer->burn(Window{90, 0, 20, 10}, out));

  writeVector(dir / "b.gpkg", "GPKG", "inner", 4549, {}, {{polygon(10.6, 10.6, 29.4, 29.4), {}}});
  auto centres = PolygonRasterizer::open(dir / "b.gpkg", testGrid());
  auto touched = PolygonRasterizer::open(dir / "b.gpkg", testGrid(), {"", "", true});
  ASSERT_TRUE(centres && touched);
  ASSERT_TRUE(centres->burn(kWhole, out));
  EXPECT_EQ(countOf<std::uint8_t>(out, 1), 18 * 18);
  ASSERT_TRUE(touched->burn(kWhole, out));
  EXPECT_EQ(countOf<std::uint8_t>(out, 1), 20 * 20);
}

TEST(PolygonRasterizer, OneReadGivesCentresAndTouchedPixels) {
  TempDir dir;
  // A polygon whose edges run through pixels, and a sliver narrower than a pixel that covers no
  // pixel centre: only the touched map may see it (the conservative presence map).
  writeVector(dir / "b.gpkg", "GPKG", "inner", 4549, {},
              {{polygon(10.6, 10.6, 29.4, 29.4), {}}, {polygon(50.6, 50.2, 50.9, 60.8), {}}});
  RasterizeOptions options;
  options.numberFeatures = false;  // burn() only: no numbering pass over the layer
  auto rasterizer = PolygonRasterizer::open(dir / "b.gpkg", testGrid(), options);
  ASSERT_TRUE(rasterizer) << rasterizer.error().text();
  EXPECT_EQ(rasterizer->featureCount(), 0);
  std::vector<std::uint8_t> centres, touched;
  ASSERT_TRUE(rasterizer->burnWithTouched(kWhole, centres, touched));
  ASSERT_EQ(centres.size(), 10000u);
  ASSERT_EQ(touched.size(), 10000u);
  EXPECT_EQ(countOf<std::uint8_t>(centres, 1), 18 * 18);
  EXPECT_EQ(countOf<std::uint8_t>(touched, 1), 20 * 20 + 11);
  EXPECT_EQ(touched[55 * 100 + 50], 1);  // the sliver's column, inside its rows
  EXPECT_EQ(centres[55 * 100 + 50], 0);
  for (std::size_t i = 0; i < centres.size(); ++i) {
    if (centres[i]) {
      ASSERT_EQ(touched[i], 1) << "pixel " << i;
    }
  }
  // Without numbering, burnIds() refuses instead of numbering wrongly.
  std::vector<std::int32_t> ids;
  EXPECT_FALSE(rasterizer->burnIds(kWhole, ids));
}

TEST(PolygonRasterizer, IdsFollowFidOrderAndLastWins) {
  TempDir dir;
  writeVector(dir / "a.gpkg", "GPKG", "ids", 4549, {},
              {{polygon(10, 10, 30, 30), {}}, {polygon(20, 10, 40, 30), {}}, {polygon(70, 70, 80, 80), {}}});
  auto rasterizer = PolygonRasterizer::open(dir / "a.gpkg", testGrid());
  ASSERT_TRUE(rasterizer) << rasterizer.error().text();
  EXPECT_EQ(rasterizer->featureCount(), 3);
  EXPECT_EQ(rasterizer->fidOf(1), 1);  // GeoPackage FIDs start at 1
  EXPECT_EQ(rasterizer->fidOf(3), 3);
  EXPECT_EQ(rasterizer->fidOf(4), -1);
  std::vector<std::int32_t> ids;
  ASSERT_TRUE(rasterizer->burnIds(kWhole, ids));
  EXPECT_EQ(countOf<std::int32_t>(ids, 1), 200);
  EXPECT_EQ(countOf<std::int32_t>(ids, 2), 400);
  EXPECT_EQ(countOf<std::int32_t>(ids, 3), 100);
  EXPECT_EQ(countOf<std::int32_t>(ids, 0), 10000 - 700);
  // A window holding only the third feature still numbers it 3.
  ASSERT_TRUE(rasterizer->burnIds(Window{65, 65, 20, 20}, ids));
  EXPECT_EQ(countOf<std::int32_t>(ids, 3), 100);
  EXPECT_EQ(countOf<std::int32_t>(ids, 1), 0);
}

TEST(PolygonRasterizer, ErrorsNameTheFileAndLayer) {
  TempDir dir;
  auto missing = PolygonRasterizer::open(dir / "nope.gpkg", testGrid());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
  EXPECT_NE(missing.error().text().find("nope.gpkg"), std::string::npos);

  writeVector(dir / "a.gpkg", "GPKG", "squares", 4549, {}, {{polygon(10, 10, 30, 30), {}}});
  auto noLayer = PolygonRasterizer::open(dir / "a.gpkg", testGrid(), {"other", "", false});
  ASSERT_FALSE(noLayer);
  EXPECT_EQ(noLayer.error().code, ErrorCode::InvalidInput);
  EXPECT_NE(noLayer.error().text().find("squares"), std::string::npos);
}
