#include <gtest/gtest.h>

#include <ogr_spatialref.h>

#include <cmath>

#include "onemap/gdal/gdal_init.h"
#include "onemap/raster/crs_compare.h"
#include "onemap/raster/raster_source.h"
#include "raster_fixtures.h"
#include "gdal_fixtures.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::raster;
using onemap::test::TempDir;

namespace {

std::string wktOf(int epsg) { return onemap::test::wktOfEpsg(epsg); }

// A Float32 raster in EPSG:4549 whose value is column + 100 * row: linear in space, so any
// symmetric resampling returns the value at the target pixel centre.
fixtures::TiffSpec linearSpec() {
  fixtures::TiffSpec spec;
  spec.bands = 1;
  spec.type = GDT_Float32;
  spec.pixel = [](int, int x, int y) { return x + 100.0 * y; };
  return spec;
}

RasterSource openOrFail(const std::filesystem::path& path) {
  auto source = RasterSource::open(path);
  if (!source) ADD_FAILURE() << source.error().text();
  return std::move(*source);
}

std::vector<float> readAll(const RasterSource& source, int band = 1) {
  std::vector<float> out;
  const int bands[] = {band};
  const auto status = source.read({0, 0, source.grid().width, source.grid().height}, bands, out);
  if (!status) ADD_FAILURE() << status.error().text();
  return out;
}

}  // namespace

TEST(RasterAlign, HalfPixelShiftedGridInterpolatesBilinearly) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "src.tif", linearSpec());
  const RasterSource source = openOrFail(dir / "src.tif");
  Grid target;
  target.width = 90;
  target.height = 70;
  target.geoTransform = {500005.0, 10, 0, 3499995.0, 0, -10};
  target.crsWkt = wktOf(4549);
  auto aligned = source.alignedTo(target, Resampling::Bilinear);
  ASSERT_TRUE(aligned) << aligned.error().text();
  EXPECT_EQ(aligned->grid().width, 90);
  EXPECT_EQ(aligned->grid().geoTransform, target.geoTransform);
  const auto values = readAll(*aligned);
  for (int j = 0; j < 70; j += 7)
    for (int i = 0; i < 90; i += 9)
      EXPECT_NEAR(values[static_cast<std::size_t>(j * 90 + i)], (i + 0.5) + 100.0 * (j + 0.5), 1e-3)
          << i << "," << j;
}

TEST(RasterAlign, HalfResolutionGridAveragesFourPixels) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "src.tif", linearSpec());
  const RasterSource source = openOrFail(dir / "src.tif");
  Grid target;
  target.width = 50;
  target.height = 40;
  target.geoTransform = {500000.0, 20, 0, 3500000.0, 0, -20};
  target.crsWkt = wktOf(4549);
  auto aligned = source.alignedTo(target, Resampling::Average);
  ASSERT_TRUE(aligned) << aligned.error().text();
  const auto values = readAll(*aligned);
  for (int j = 0; j < 40; ++j)
    for (int i = 0; i < 50; ++i)
      ASSERT_NEAR(values[static_cast<std::size_t>(j * 50 + i)],
                  (2 * i + 0.5) + 100.0 * (2 * j + 0.5), 1e-3)
          << i << "," << j;
}

TEST(RasterAlign, UtmRasterOntoCgcs2000GridMatchesPointByPointTransform) {
  TempDir dir;
  // 200 x 200 pixels of 30 m in UTM 50N (CM 117°E); value = column + 1000 * row.
  fixtures::TiffSpec spec;
  spec.width = 200;
  spec.height = 200;
  spec.bands = 1;
  spec.type = GDT_Float32;
  spec.epsg = 32650;
  spec.geoTransform = {640000.0, 30, 0, 3550000.0, 0, -30};
  spec.pixel = [](int, int x, int y) { return x + 1000.0 * y; };
  fixtures::writeGeoTiff(dir / "utm.tif", spec);
  const RasterSource source = openOrFail(dir / "utm.tif");

  // 20 m grid in CGCS2000 3-degree GK CM 120°E, reaching past the source's east edge.
  Grid target;
  target.width = 300;
  target.height = 270;
  target.geoTransform = {357000.0, 20, 0, 3551000.0, 0, -20};
  target.crsWkt = wktOf(4549);
  auto aligned = source.alignedTo(target, Resampling::Nearest);
  ASSERT_TRUE(aligned) << aligned.error().text();
  const auto values = readAll(*aligned);

  OGRSpatialReference gk;
  gk.importFromEPSG(4549);
  gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRSpatialReference utm;
  utm.importFromEPSG(32650);
  utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> toUtm(OGRCreateCoordinateTransformation(&gk, &utm));
  ASSERT_NE(toUtm, nullptr);
  int checked = 0;
  for (int j = 0; j < 270; j += 13) {
    for (int i = 0; i < 270; i += 11) {
      double x = 357000.0 + (i + 0.5) * 20;
      double y = 3551000.0 - (j + 0.5) * 20;
      ASSERT_TRUE(toUtm->Transform(1, &x, &y));
      const double col = (x - 640000.0) / 30.0;
      const double row = (3550000.0 - y) / 30.0;
      // Skip points within 0.15 px of a source pixel edge (the warper interpolates its
      // transform to 1/8 pixel).
      if (std::abs(col - std::round(col)) < 0.15 || std::abs(row - std::round(row)) < 0.15)
        continue;
      ASSERT_TRUE(col >= 0 && col < 200 && row >= 0 && row < 200);
      EXPECT_EQ(values[static_cast<std::size_t>(j * 300 + i)],
                std::floor(col) + 1000.0 * std::floor(row))
          << "target pixel " << i << "," << j;
      ++checked;
    }
  }
  EXPECT_GT(checked, 200);
  // East of the source's coverage the view has no data.
  EXPECT_TRUE(std::isnan(values[299]));
  EXPECT_FALSE(std::isnan(values[0]));
}

TEST(RasterAlign, SourceNoDataStaysNoDataInTheAlignedView) {
  TempDir dir;
  fixtures::TiffSpec spec = linearSpec();
  spec.type = GDT_UInt16;
  spec.noData = 0.0;
  spec.pixel = [](int, int x, int y) { return x < 50 ? 0.0 : 1.0 + x + 100.0 * y; };
  fixtures::writeGeoTiff(dir / "src.tif", spec);
  const RasterSource source = openOrFail(dir / "src.tif");
  Grid target = source.grid();
  target.geoTransform[0] += 5.0;  // half a pixel east
  target.width = 99;
  auto aligned = source.alignedTo(target, Resampling::Nearest);
  ASSERT_TRUE(aligned) << aligned.error().text();
  EXPECT_TRUE(std::isnan(*aligned->noData(1)));
  const auto values = readAll(*aligned);
  EXPECT_TRUE(std::isnan(values[10]));
  EXPECT_TRUE(std::isnan(values[48]));
  EXPECT_FALSE(std::isnan(values[60]));
}

TEST(RasterAlign, AlignedViewStreamsAndWritesNothing) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "src.tif", {});
  fixtures::TiffSpec other;
  other.geoTransform = {500200.0, 20, 0, 3499900.0, 0, -20};
  other.width = 30;
  other.height = 20;
  other.bands = 1;
  fixtures::writeGeoTiff(dir / "target.tif", other);
  const RasterSource source = openOrFail(dir / "src.tif");
  const RasterSource target = openOrFail(dir / "target.tif");
  {
    auto aligned = source.alignedTo(target, Resampling::Bilinear);
    ASSERT_TRUE(aligned) << aligned.error().text();
    EXPECT_EQ(aligned->bandCount(), 4);
    EXPECT_EQ(aligned->grid().width, 30);
    EXPECT_EQ(aligned->bandRoles().summary(), source.bandRoles().summary());
    EXPECT_EQ(aligned->path(), source.path());
    Feedback feedback;
    std::int64_t pixels = 0;
    ASSERT_TRUE(forEachBlock(*aligned, {}, 4 * 4 * 100, feedback,
                             [&](const Window& w, const std::vector<float>&) {
                               pixels += w.pixelCount();
                               return Status{};
                             }));
    EXPECT_EQ(pixels, 600);
    auto copy = aligned->clone();
    ASSERT_TRUE(copy) << copy.error().text();
    EXPECT_EQ(readAll(*copy, 2), readAll(*aligned, 2));
  }
  EXPECT_EQ(dir.files(), (std::vector<std::string>{"src.tif", "target.tif"}));
}

TEST(RasterAlign, AlignedValuesAtKnownPointsOnACoarserSubGrid) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "src.tif", {});
  const RasterSource source = openOrFail(dir / "src.tif");
  Grid target;
  target.width = 10;
  target.height = 8;
  target.geoTransform = {500200.0, 20, 0, 3499900.0, 0, -20};
  target.crsWkt = source.grid().crsWkt;
  auto aligned = source.alignedTo(target, Resampling::Nearest);
  ASSERT_TRUE(aligned) << aligned.error().text();
  std::vector<float> out;
  const int bands[] = {3};
  ASSERT_TRUE(aligned->read({2, 1, 1, 1}, bands, out));
  // Target pixel (2,1) centre: x = 500250, y = 3499870 -> source column 25, row 13.
  EXPECT_EQ(out[0], fixtures::defaultPixel(3, 25, 13));
}

TEST(RasterAlign, SameGridGivesAnIdenticalView) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "src.tif", {});
  const RasterSource source = openOrFail(dir / "src.tif");
  auto aligned = source.alignedTo(source.grid());
  ASSERT_TRUE(aligned) << aligned.error().text();
  EXPECT_EQ(readAll(*aligned, 4), readAll(source, 4));
}

TEST(RasterAlign, GridsThatDoNotOverlapAreRejectedNamingBothFiles) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "before.tif", {});
  fixtures::TiffSpec far;
  far.geoTransform = {600000.0, 10, 0, 3600000.0, 0, -10};
  fixtures::writeGeoTiff(dir / "after.tif", far);
  const RasterSource before = openOrFail(dir / "before.tif");
  const RasterSource after = openOrFail(dir / "after.tif");
  const auto aligned = before.alignedTo(after);
  ASSERT_FALSE(aligned);
  EXPECT_EQ(aligned.error().code, ErrorCode::InvalidInput);
  const std::string text = aligned.error().text();
  EXPECT_NE(text.find("before.tif"), std::string::npos) << text;
  EXPECT_NE(text.find("after.tif"), std::string::npos) << text;
  EXPECT_NE(aligned.error().message.find("does not overlap"), std::string::npos);

  const auto ontoGrid = before.alignedTo(after.grid());
  ASSERT_FALSE(ontoGrid);
  EXPECT_NE(ontoGrid.error().message.find("EPSG:4549"), std::string::npos)
      << ontoGrid.error().text();
}

TEST(RasterAlign, RasterWithoutCrsCannotBeAligned) {
  TempDir dir;
  fixtures::TiffSpec noCrs;
  noCrs.epsg = 0;
  fixtures::writeGeoTiff(dir / "nocrs.tif", noCrs);
  fixtures::writeGeoTiff(dir / "ref.tif", {});
  const RasterSource unreferenced = openOrFail(dir / "nocrs.tif");
  const RasterSource reference = openOrFail(dir / "ref.tif");

  const auto fromNoCrs = unreferenced.alignedTo(reference);
  ASSERT_FALSE(fromNoCrs);
  EXPECT_EQ(fromNoCrs.error().code, ErrorCode::InvalidInput);
  EXPECT_NE(fromNoCrs.error().text().find("nocrs.tif"), std::string::npos);
  EXPECT_NE(fromNoCrs.error().text().find("ref.tif"), std::string::npos);
  EXPECT_NE(fromNoCrs.error().message.find("no coordinate system"), std::string::npos);

  const auto ontoNoCrs = reference.alignedTo(unreferenced);
  ASSERT_FALSE(ontoNoCrs);
  EXPECT_EQ(ontoNoCrs.error().code, ErrorCode::InvalidInput);
  EXPECT_NE(ontoNoCrs.error().text().find("nocrs.tif"), std::string::npos);
  EXPECT_NE(ontoNoCrs.error().text().find("ref.tif"), std::string::npos);
}

TEST(CrsCompare, SameCrsInDifferentNotationsIsRecognised) {
  OGRSpatialReference srs;
  srs.importFromEPSG(4549);
  char* wkt = nullptr;
  srs.exportToWkt(&wkt);
  const std::string text = wkt;
  CPLFree(wkt);
  EXPECT_TRUE(onemap::raster::isSameCrs(text, "EPSG:4549"));
  EXPECT_FALSE(onemap::raster::isSameCrs(text, "EPSG:4527"));  // same CM but zone prefix
  EXPECT_FALSE(onemap::raster::isSameCrs("EPSG:4326", "EPSG:32650"));
  EXPECT_TRUE(onemap::raster::isSameCrs("", "EPSG:32650"));
}
