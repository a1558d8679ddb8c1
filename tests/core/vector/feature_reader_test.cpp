#include <gtest/gtest.h>

#include <limits>
#include <variant>

#include "onemap/geos/geometry.h"
#include "onemap/vector/feature_reader.h"
#include "temp_dir.h"
#include "vector_fixtures.h"

namespace onemap::vector {
namespace {

using onemap::test::TempDir;

constexpr const char* kBowTie =
    "POLYGON((500000 3300000,500100 3300100,500100 3300000,500000 3300100,500000 3300000))";

geos::Geometry geometryOf(const Feature& feature) {
  auto geometry = geos::Geometry::fromWkb(feature.wkb);
  EXPECT_TRUE(geometry) << (geometry ? "" : geometry.error().text());
  return geometry ? std::move(*geometry) : geos::Geometry();
}

std::filesystem::path writePoints(const TempDir& dir) {
  test::FixtureLayer layer;
  layer.name = "points";
  layer.crs = "EPSG:4326";
  layer.geometryType = wkbPoint;
  layer.fields = {{"NAME", OFTString}};
  layer.rows = {{"centre"}, {"east"}, {"far"}};
  layer.wkts = {"POINT(120 30)", "POINT(120.01 30)", "POINT(121 31)"};
  const auto path = dir / "points.gpkg";
  EXPECT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  return path;
}

TEST(FeatureReader, ReprojectsLonLatToGaussKrugerEasting500000OnCentralMeridian) {
  TempDir dir;
  auto reader = FeatureReader::open(writePoints(dir));
  ASSERT_TRUE(reader) << reader.error().text();
  ReadOptions options;
  options.targetCrs = "EPSG:4549";
  auto features = reader->readAll(options);
  ASSERT_TRUE(features) << features.error().text();
  ASSERT_EQ(features->size(), 3u);
  const Extent point = geometryOf(features->at(0)).extent();
  EXPECT_NEAR(point.minX(), 500000.0, 1e-6);
  // On the central meridian (scale 1) the northing is the GRS80 meridian arc to 30°N.
  EXPECT_NEAR(point.minY(), 3320113.398, 1e-3);
  const Extent east = geometryOf(features->at(1)).extent();
  // 0.01° of longitude at 30°N: N·cos φ·Δλ = 6383480.9 m · 0.866025 · 0.000174533 ≈ 964.86 m.
  EXPECT_NEAR(east.minX(), 500000.0 + 964.86, 0.05);
}

TEST(FeatureReader, SpatialFilterInLayerUnitsKeepsOnlyMatchingFeatures) {
  TempDir dir;
  auto reader = FeatureReader::open(writePoints(dir));
  ASSERT_TRUE(reader);
  ReadOptions options;
  options.filter = Extent(119.5, 29.5, 120.5, 30.5);
  auto features = reader->readAll(options);
  ASSERT_TRUE(features);
  ASSERT_EQ(features->size(), 2u);
  EXPECT_EQ(std::get<std::string>(features->at(1).attributes.at(0)), "east");
  // The filter does not stick to the reader.
  auto all = reader->readAll();
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 3u);
}

TEST(FeatureReader, SpatialFilterIsInTargetCrsUnitsWhenReprojecting) {
  TempDir dir;
  auto reader = FeatureReader::open(writePoints(dir));
  ASSERT_TRUE(reader);
  ReadOptions options;
  options.targetCrs = "EPSG:4549";
  options.filter = Extent(499900, 3320000, 500100, 3320200);  // around lon 120, lat 30 only
  auto features = reader->readAll(options);
  ASSERT_TRUE(features) << features.error().text();
  ASSERT_EQ(features->size(), 1u);
  EXPECT_EQ(std::get<std::string>(features->at(0).attributes.at(0)), "centre");
}

TEST(FeatureReader, BowTieIsRepairedIntoTwoValidTriangles) {
  TempDir dir;
  test::FixtureLayer layer{
      "patches", "EPSG:4549", wkbPolygon, {}, {}, {kBowTie, test::squareWkt(500200, 3300000, 10)}, {}};
  const auto path = dir / "patches.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  auto reader = FeatureReader::open(path);
  ASSERT_TRUE(reader);
  RepairReport report;
  auto features = reader->readAll({}, nullptr, &report);
  ASSERT_TRUE(features) << features.error().text();
  EXPECT_EQ(report.featuresRead, 2);
  EXPECT_EQ(report.invalidFound, 1);
  EXPECT_EQ(report.repaired, 1);
  EXPECT_EQ(report.dropped, 0);
  ASSERT_EQ(features->size(), 2u);
  geos::Geometry repaired = geometryOf(features->at(0));
  EXPECT_TRUE(repaired.isValid());
  EXPECT_EQ(repaired.typeName(), "MultiPolygon");
  EXPECT_NEAR(repaired.area(), 5000.0, 5000.0 * 1e-9);
  EXPECT_EQ(geometryOf(features->at(1)).toWkt(0),
            "POLYGON ((500200 3300000, 500210 3300000, 500210 3300010, 500200 3300010, 500200 3300000))");
}

TEST(FeatureReader, WithoutRepairInvalidGeometryComesBackAsStored) {
  TempDir dir;
  test::FixtureLayer layer{"patches", "EPSG:4549", wkbPolygon, {}, {}, {kBowTie}, {}};
  const auto path = dir / "patches.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  auto reader = FeatureReader::open(path);
  ASSERT_TRUE(reader);
  ReadOptions options;
  options.repairInvalid = false;
  RepairReport report;
  auto features = reader->readAll(options, nullptr, &report);
  ASSERT_TRUE(features);
  EXPECT_EQ(report.repaired, 0);
  ASSERT_EQ(features->size(), 1u);
  geos::Geometry stored = geometryOf(features->at(0));
  EXPECT_FALSE(stored.isValid());
  EXPECT_EQ(stored.toWkt(0),
            "POLYGON ((500000 3300000, 500100 3300100, 500100 3300000, 500000 3300100, 500000 3300000))");
}

TEST(FeatureReader, EmptyGeometriesAreDroppedAndMissingOnesKept) {
  TempDir dir;
  test::FixtureLayer layer{"patches",
                           "EPSG:4549",
                           wkbPolygon,
                           {{"JCBH", OFTString}},
                           {{"A"}, {"B"}, {"C"}},
                           {test::squareWkt(0, 0, 1), "POLYGON EMPTY", ""},
                           {}};
  const auto path = dir / "patches.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  auto reader = FeatureReader::open(path);
  ASSERT_TRUE(reader);
  RepairReport report;
  auto features = reader->readAll({}, nullptr, &report);
  ASSERT_TRUE(features);
  EXPECT_EQ(report.featuresRead, 3);
  EXPECT_EQ(report.dropped, 1);
  ASSERT_EQ(features->size(), 2u);
  EXPECT_EQ(std::get<std::string>(features->at(1).attributes.at(0)), "C");
  EXPECT_TRUE(features->at(1).wkb.empty());
}

TEST(FeatureReader, AttributesHaveTheirTypesAndUtf8Text) {
  TempDir dir;
  test::FixtureLayer layer;
  layer.name = "dltb";
  layer.crs = "EPSG:4549";
  layer.fields = {{"BSM", OFTInteger64}, {"TBMJ", OFTReal},     {"DLMC", OFTString},
                  {"HCRQ", OFTDate},     {"GXSJ", OFTDateTime}, {"BZ", OFTString}};
  layer.rows = {{"9000000001", "1234.5", "水浇地", "2024-05-01", "2024-05-01T08:30:00Z", ""}};
  layer.wkts = {test::squareWkt(500000, 3300000, 10)};
  const auto path = dir / "dltb.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  auto reader = FeatureReader::open(path, "dltb");
  ASSERT_TRUE(reader);
  ASSERT_EQ(reader->layer().fields.size(), 6u);
  EXPECT_EQ(reader->layer().fields[0].type, "Integer64");
  EXPECT_EQ(reader->layer().fields[3].type, "Date");
  auto features = reader->readAll();
  ASSERT_TRUE(features);
  ASSERT_EQ(features->size(), 1u);
  const auto& values = features->at(0).attributes;
  ASSERT_EQ(values.size(), 6u);
  EXPECT_EQ(std::get<std::int64_t>(values[0]), 9000000001LL);
  EXPECT_DOUBLE_EQ(std::get<double>(values[1]), 1234.5);
  EXPECT_EQ(std::get<std::string>(values[2]), "水浇地");
  EXPECT_EQ(std::get<std::string>(values[3]), "2024-05-01");
  EXPECT_EQ(std::get<std::string>(values[4]), "2024-05-01T08:30:00Z");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(values[5]));
  EXPECT_EQ(features->at(0).fid, 1);
}

TEST(FeatureReader, WkbIsLittleEndianIso) {
  TempDir dir;
  test::FixtureLayer layer{"z", "EPSG:4549", wkbPoint25D, {}, {}, {"POINT Z (1 2 3)"}, {}};
  const auto path = dir / "z.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  auto reader = FeatureReader::open(path);
  ASSERT_TRUE(reader);
  auto features = reader->readAll();
  ASSERT_TRUE(features);
  const auto& wkb = features->at(0).wkb;
  ASSERT_EQ(wkb.size(), 29u);
  EXPECT_EQ(wkb[0], 1);
  EXPECT_EQ(wkb[1] | (wkb[2] << 8), 1001);  // ISO Point Z, not the old 0x80000001
  EXPECT_EQ(geometryOf(features->at(0)).toWkt(), "POINT Z (1 2 3)");
}

TEST(FeatureReader, VisitorReturningFalseStopsEarly) {
  TempDir dir;
  auto reader = FeatureReader::open(writePoints(dir));
  ASSERT_TRUE(reader);
  int visited = 0;
  auto report = reader->forEach({}, nullptr, [&](const Feature&) { return ++visited < 2; });
  ASSERT_TRUE(report);
  EXPECT_EQ(visited, 2);
  EXPECT_EQ(report->featuresRead, 2);
}

TEST(FeatureReader, CanceledFeedbackStopsReading) {
  TempDir dir;
  auto reader = FeatureReader::open(writePoints(dir));
  ASSERT_TRUE(reader);
  Feedback feedback;
  feedback.cancel();
  auto features = reader->readAll({}, &feedback);
  ASSERT_FALSE(features);
  EXPECT_EQ(features.error().code, ErrorCode::Canceled);
  Feedback watched;
  ASSERT_TRUE(reader->readAll({}, &watched));
  EXPECT_DOUBLE_EQ(watched.progress(), 1.0);
}

TEST(FeatureReader, UnknownTargetCrsIsInvalidInput) {
  TempDir dir;
  auto reader = FeatureReader::open(writePoints(dir));
  ASSERT_TRUE(reader);
  ReadOptions options;
  options.targetCrs = "EPSG:123456789";
  auto features = reader->readAll(options);
  ASSERT_FALSE(features);
  EXPECT_EQ(features.error().code, ErrorCode::InvalidInput);
  EXPECT_NE(features.error().context.find("points"), std::string::npos);
}

TEST(FeatureReader, LayerInfoIsAvailableWithoutReading) {
  TempDir dir;
  auto reader = FeatureReader::open(writePoints(dir));
  ASSERT_TRUE(reader);
  const LayerInfo& layer = reader->layer();
  EXPECT_EQ(layer.name, "points");
  EXPECT_EQ(layer.geometryType, "Point");
  EXPECT_EQ(layer.featureCount, 3);
  EXPECT_EQ(layer.epsg, 4326);
  EXPECT_EQ(layer.encoding, "UTF-8");
  ASSERT_EQ(layer.fields.size(), 1u);
  EXPECT_EQ(layer.fields[0].name, "NAME");
}

TEST(FeatureReader, MovedReaderKeepsWorking) {
  TempDir dir;
  auto opened = FeatureReader::open(writePoints(dir));
  ASSERT_TRUE(opened);
  FeatureReader reader = std::move(*opened);
  auto features = reader.readAll();
  ASSERT_TRUE(features);
  EXPECT_EQ(features->size(), 3u);
}

TEST(FeatureReader, SelectedFieldsComeInRequestedOrderAndOthersAreNotRead) {
  TempDir dir;
  test::FixtureLayer layer;
  layer.name = "dltb";
  layer.crs = "EPSG:4549";
  layer.fields = {{"BSM", OFTInteger64}, {"DLBM", OFTString}, {"DLMC", OFTString}, {"TBMJ", OFTReal}};
  layer.rows = {{"7", "0101", "水田", "88.5"}, {"8", "0103", "旱地", "12.25"}};
  layer.wkts = {test::squareWkt(500000, 3300000, 10), test::squareWkt(500020, 3300000, 10)};
  const auto path = dir / "dltb.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  auto reader = FeatureReader::open(path, "dltb");
  ASSERT_TRUE(reader);
  ReadOptions options;
  options.fields = std::vector<std::string>{"TBMJ", "DLMC", "NOT_THERE"};
  auto features = reader->readAll(options);
  ASSERT_TRUE(features) << features.error().text();
  ASSERT_EQ(features->size(), 2u);
  const auto& values = features->at(1).attributes;
  ASSERT_EQ(values.size(), 3u);
  EXPECT_DOUBLE_EQ(std::get<double>(values[0]), 12.25);
  EXPECT_EQ(std::get<std::string>(values[1]), "旱地");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(values[2]));
  EXPECT_FALSE(features->at(1).wkb.empty());
  // The selection does not stick to the reader: a plain read has every field again.
  auto all = reader->readAll();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->at(0).attributes.size(), 4u);
  EXPECT_EQ(std::get<std::string>(all->at(0).attributes[1]), "0101");
  EXPECT_EQ(std::get<std::int64_t>(all->at(0).attributes[0]), 7);
}

TEST(FeatureReader, ExtentInAnotherCrsIsTheStoredExtentTransformed) {
  TempDir dir;
  auto reader = FeatureReader::open(writePoints(dir));
  ASSERT_TRUE(reader);
  const auto same = reader->extentIn("EPSG:4326");
  ASSERT_TRUE(same);
  EXPECT_NEAR(same->minX(), 120.0, 1e-9);
  EXPECT_NEAR(same->maxY(), 31.0, 1e-9);
  const auto projected = reader->extentIn("EPSG:4549");
  ASSERT_TRUE(projected);
  // lon 120 is the central meridian of EPSG:4549 (easting 500000); lat 30..31 N ≈ 3.32..3.43e6 m.
  EXPECT_NEAR(projected->minX(), 500000.0, 1.0);
  EXPECT_NEAR(projected->minY(), 3320113.4, 1.0);
  EXPECT_GT(projected->maxY(), 3430000.0);
  EXPECT_FALSE(reader->extentIn("not a crs"));
}

TEST(FeatureReader, FidRangesSplitTheLayerWithoutOverlap) {
  TempDir dir;
  test::FixtureLayer layer;
  layer.name = "parcels";
  layer.crs = "EPSG:4549";
  layer.fields = {{"N", OFTInteger}};
  for (int i = 0; i < 10; ++i) {
    layer.rows.push_back({std::to_string(i)});
    layer.wkts.push_back(test::squareWkt(500000 + i * 20, 3300000, 10));
  }
  const auto path = dir / "parcels.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  auto reader = FeatureReader::open(path);
  ASSERT_TRUE(reader);
  EXPECT_TRUE(reader->hasFastFidFilter());
  ReadOptions first;
  first.fidRange = std::pair<std::int64_t, std::int64_t>{std::numeric_limits<std::int64_t>::min(), 4};
  ReadOptions second;
  second.fidRange = std::pair<std::int64_t, std::int64_t>{5, std::numeric_limits<std::int64_t>::max()};
  auto a = reader->readAll(first);
  auto b = reader->readAll(second);
  ASSERT_TRUE(a) << a.error().text();
  ASSERT_TRUE(b) << b.error().text();
  ASSERT_EQ(a->size(), 4u);  // FIDs 1..4
  ASSERT_EQ(b->size(), 6u);  // FIDs 5..10
  EXPECT_EQ(a->front().fid, 1);
  EXPECT_EQ(b->front().fid, 5);
  EXPECT_EQ(std::get<std::int64_t>(b->back().attributes.at(0)), 9);
  // The range does not stick either.
  auto all = reader->readAll();
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 10u);
}

TEST(FeatureReader, AttributeFilterSelectsFeaturesAndCombinesWithAFidRange) {
  TempDir dir;
  test::FixtureLayer layer;
  layer.name = "dltb";
  layer.crs = "EPSG:4549";
  layer.fields = {{"DLBM", OFTString}};
  const char* codes[] = {"0101", "0201", "0103", "0702", "0102", "0101"};
  for (int i = 0; i < 6; ++i) {
    layer.rows.push_back({codes[i]});
    layer.wkts.push_back(test::squareWkt(500000 + i * 20, 3300000, 10));
  }
  const auto path = dir / "dltb.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  auto reader = FeatureReader::open(path);
  ASSERT_TRUE(reader);
  ReadOptions cropland;
  cropland.attributeFilter = "DLBM LIKE '01%'";
  auto crop = reader->readAll(cropland);
  ASSERT_TRUE(crop) << crop.error().text();
  ASSERT_EQ(crop->size(), 4u);
  for (const auto& f : *crop) EXPECT_EQ(std::get<std::string>(f.attributes.at(0)).substr(0, 2), "01");
  cropland.fidRange = std::pair<std::int64_t, std::int64_t>{4, 6};
  auto late = reader->readAll(cropland);
  ASSERT_TRUE(late);
  ASSERT_EQ(late->size(), 2u);  // FIDs 5 and 6
  EXPECT_EQ(late->front().fid, 5);
  ReadOptions bad;
  bad.attributeFilter = "NO_SUCH_FIELD = 1";
  auto refused = reader->readAll(bad);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().text().find("NO_SUCH_FIELD"), std::string::npos) << refused.error().text();
  // The filter does not stick.
  auto all = reader->readAll();
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 6u);
}

}  // namespace
}  // namespace onemap::vector
