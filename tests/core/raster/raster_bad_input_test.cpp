#include <gtest/gtest.h>

#include <gdal_priv.h>

#include "onemap/base/text.h"
#include "onemap/raster/raster_info.h"
#include "onemap/raster/raster_source.h"
#include "raster_fixtures.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::raster;
using onemap::test::TempDir;

namespace {

const std::string kGengdiGbk = "\xB8\xFB\xB5\xD8";  // 耕地 in GBK

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

bool hasWarningContaining(const RasterInfo& info, std::string_view text) {
  for (const auto& warning : info.warnings)
    if (contains(warning, text)) return true;
  return false;
}

}  // namespace

TEST(RasterBadInput, MissingFileIsNotFoundAndNamesTheFile) {
  TempDir dir;
  const auto info = readRasterInfo(dir / "nowhere.tif");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::NotFound);
  EXPECT_EQ(info.error().message, "file does not exist");
  EXPECT_TRUE(contains(info.error().context, "nowhere.tif"));
  EXPECT_TRUE(contains(info.error().hint, "Check the path"));

  const auto source = RasterSource::open(dir / "nowhere.tif");
  ASSERT_FALSE(source);
  EXPECT_EQ(source.error().code, ErrorCode::NotFound);
  EXPECT_TRUE(dir.files().empty());
}

TEST(RasterBadInput, FolderIsRejectedAsNotAnImageFile) {
  TempDir dir;
  std::filesystem::create_directory(dir / "scene.tif");
  const auto info = readRasterInfo(dir / "scene.tif");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::InvalidInput);
  EXPECT_TRUE(contains(info.error().message, "folder")) << info.error().text();
  EXPECT_TRUE(contains(info.error().context, "scene.tif"));
  EXPECT_TRUE(dir.files().empty());
}

TEST(RasterBadInput, TruncatedGeoTiffIsOpenFailedWithGdalsMessage) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "cut.tif", {});
  fixtures::truncateFile(dir / "cut.tif", 0.5);

  const auto info = readRasterInfo(dir / "cut.tif", {.computeStatistics = false});
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::OpenFailed);
  EXPECT_TRUE(contains(info.error().message, "truncated or damaged")) << info.error().text();
  EXPECT_TRUE(contains(info.error().message, "(GDAL: ")) << info.error().text();
  EXPECT_TRUE(contains(info.error().context, "cut.tif"));

  const auto source = RasterSource::open(dir / "cut.tif");
  ASSERT_FALSE(source);
  EXPECT_EQ(source.error().code, ErrorCode::OpenFailed);
  EXPECT_EQ(dir.files(), std::vector<std::string>{"cut.tif"});
}

TEST(RasterBadInput, GeoTiffCutInsideItsHeaderIsOpenFailed) {
  TempDir dir;
  fixtures::writeGeoTiff(dir / "cut.tif", {});
  std::filesystem::resize_file(dir / "cut.tif", 64);
  const auto info = readRasterInfo(dir / "cut.tif");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::OpenFailed) << info.error().text();
  EXPECT_TRUE(contains(info.error().context, "cut.tif"));
  EXPECT_EQ(dir.files(), std::vector<std::string>{"cut.tif"});
}

TEST(RasterBadInput, TextFileRenamedTifIsUnsupportedWithListOfFormats) {
  TempDir dir;
  fixtures::writeText(dir / "notes.tif", "field visit notes, not an image\n");
  const auto info = readRasterInfo(dir / "notes.tif");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::Unsupported);
  EXPECT_EQ(info.error().message, "is not a raster image GDAL can read");
  EXPECT_TRUE(contains(info.error().hint, "GeoTIFF")) << info.error().hint;
  EXPECT_TRUE(contains(info.error().text(), "notes.tif"));
  EXPECT_EQ(dir.files(), std::vector<std::string>{"notes.tif"});
}

TEST(RasterBadInput, EmptyFileIsUnsupported) {
  TempDir dir;
  fixtures::writeText(dir / "empty.tif", "");
  const auto info = readRasterInfo(dir / "empty.tif");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::Unsupported) << info.error().text();
}

TEST(RasterBadInput, VectorOnlyFileIsUnsupportedAndSaysItIsVector) {
  TempDir dir;
  fixtures::writeText(dir / "fields.geojson",
                      R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                      R"("properties":{"DLBM":"0101"},"geometry":{"type":"Point",)"
                      R"("coordinates":[118.8,32.0]}}]})");
  const auto info = readRasterInfo(dir / "fields.geojson");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::Unsupported);
  EXPECT_TRUE(contains(info.error().message, "vector")) << info.error().text();
  EXPECT_TRUE(contains(info.error().hint, "vector layer"));
  EXPECT_EQ(dir.files(), std::vector<std::string>{"fields.geojson"});
}

TEST(RasterBadInput, VectorOnlyGeoPackageIsUnsupportedNotDamaged) {
  // GeoPackage identifies as a raster-capable format; a vector-only one must still be called
  // vector data (so callers fall back to the vector reader), not a damaged image.
  TempDir dir;
  {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    ASSERT_NE(driver, nullptr);
    GDALDataset* ds = driver->Create((dir / "fields.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(ds, nullptr);
    ds->CreateLayer("fields", nullptr, wkbPolygon, nullptr);
    GDALClose(ds);
  }
  const auto info = readRasterInfo(dir / "fields.gpkg");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::Unsupported) << info.error().text();
  EXPECT_TRUE(contains(info.error().message, "vector")) << info.error().text();
}

TEST(RasterBadInput, RasterWithoutCrsStillDescribesAndWarns) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.epsg = 0;
  fixtures::writeGeoTiff(dir / "nocrs.tif", spec);
  const auto info = readRasterInfo(dir / "nocrs.tif");
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_TRUE(info->crsWkt.empty());
  EXPECT_EQ(info->epsg, 0);
  EXPECT_FALSE(info->lonLatExtent.has_value());
  EXPECT_EQ(info->width, 100);
  ASSERT_TRUE(info->bands[0].statistics.has_value());
  EXPECT_TRUE(hasWarningContaining(*info, "no coordinate system (CRS)"));
  EXPECT_TRUE(hasWarningContaining(*info, "projected metres"));
  EXPECT_EQ(dir.files(), std::vector<std::string>{"nocrs.tif"});
}

TEST(RasterBadInput, MissingCrsWarningMentionsZonePrefixForEightDigitEastings) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.epsg = 0;
  spec.geoTransform = {40500000.0, 10, 0, 3500000.0, 0, -10};
  fixtures::writeGeoTiff(dir / "zone40.tif", spec);
  const auto info = readRasterInfo(dir / "zone40.tif", {.computeStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_TRUE(hasWarningContaining(*info, "8 digits"));
  EXPECT_TRUE(hasWarningContaining(*info, "EPSG:4528"));
}

TEST(RasterBadInput, MissingCrsWarningMentionsLonLatForDegreeCoordinates) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.epsg = 0;
  spec.geoTransform = {118.7, 0.0003, 0, 32.1, 0, -0.0003};
  fixtures::writeGeoTiff(dir / "deg.tif", spec);
  const auto info = readRasterInfo(dir / "deg.tif", {.computeStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_TRUE(hasWarningContaining(*info, "longitude/latitude"));
}

TEST(RasterBadInput, ImageWithoutGeoreferencingWarnsTwice) {
  TempDir dir;
  fixtures::TiffSpec spec;
  spec.epsg = 0;
  spec.writeGeoTransform = false;
  fixtures::writeGeoTiff(dir / "photo.tif", spec);
  const auto info = readRasterInfo(dir / "photo.tif", {.computeStatistics = false});
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_FALSE(info->hasGeoTransform);
  EXPECT_TRUE(hasWarningContaining(*info, "no georeferencing"));
  EXPECT_TRUE(hasWarningContaining(*info, "no coordinate system"));
}

TEST(RasterBadInput, GbkFileNameOpensAndReads) {
  TempDir dir;
  const auto path = dir.path() / (kGengdiGbk + ".tif");
  fixtures::writeGeoTiff(path, {});
  const auto info = readRasterInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->width, 100);
  auto source = RasterSource::open(path);
  ASSERT_TRUE(source) << source.error().text();
  std::vector<float> pixels;
  const int bands[] = {2};
  ASSERT_TRUE(source->read({3, 4, 1, 1}, bands, pixels));
  EXPECT_EQ(pixels.at(0), 20403.0f);
  EXPECT_EQ(dir.files(), std::vector<std::string>{kGengdiGbk + ".tif"});
}

TEST(RasterBadInput, ErrorsAboutGbkFileNamesAreValidUtf8) {
  TempDir dir;
  const auto missing = readRasterInfo(dir.path() / (kGengdiGbk + "_missing.tif"));
  ASSERT_FALSE(missing);
  EXPECT_TRUE(text::isValidUtf8(missing.error().text()));
  EXPECT_TRUE(contains(missing.error().text(), "耕地_missing.tif"));

  const auto textPath = dir.path() / (kGengdiGbk + "_notes.tif");
  fixtures::writeText(textPath, "not an image");
  const auto notImage = readRasterInfo(textPath);
  ASSERT_FALSE(notImage);
  EXPECT_TRUE(text::isValidUtf8(notImage.error().text())) << notImage.error().text();
  EXPECT_TRUE(contains(notImage.error().text(), "耕地_notes.tif"));

  const auto cutPath = dir.path() / (kGengdiGbk + "_cut.tif");
  fixtures::writeGeoTiff(cutPath, {});
  fixtures::truncateFile(cutPath, 0.5);
  const auto cut = RasterSource::open(cutPath);
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code, ErrorCode::OpenFailed);
  EXPECT_TRUE(text::isValidUtf8(cut.error().text())) << text::escapeInvalidUtf8(cut.error().text());
  EXPECT_TRUE(contains(cut.error().text(), "耕地_cut.tif"));
}
