#include <gtest/gtest.h>

#include <algorithm>

#include "onemap/base/units.h"
#include "onemap/vector/vector_info.h"
#include "temp_dir.h"
#include "vector_fixtures.h"

namespace onemap::vector {
namespace {

using onemap::test::TempDir;
using test::FixtureLayer;

// Two 100 m squares and a bow-tie whose repaired area is two 50 m x 50 m... triangles of 2500 m².
FixtureLayer fieldsLayer() {
  FixtureLayer layer;
  layer.name = "fields";
  layer.crs = "EPSG:4549";
  layer.fields = {{"DLBM", OFTString}, {"DLMC", OFTString}, {"TBMJ", OFTReal}};
  layer.rows = {{"0101", "水田", "10000"}, {"0103", "旱地", "10000"}, {"0102", "水浇地", "5000"}};
  layer.wkts = {test::squareWkt(500000, 3300000, 100), test::squareWkt(500200, 3300000, 100),
                "POLYGON((500400 3300000,500500 3300100,500500 3300000,500400 3300100,500400 3300000))"};
  return layer;
}

FixtureLayer roadsLayer() {
  FixtureLayer layer;
  layer.name = "roads";
  layer.crs = "EPSG:4549";
  layer.geometryType = wkbLineString;
  layer.fields = {{"NAME", OFTString}};
  layer.rows = {{"机耕路"}};
  layer.wkts = {"LINESTRING(500000 3300000,500300 3300400)"};
  return layer;
}

const LayerInfo* findLayer(const VectorInfo& info, const std::string& name) {
  for (const auto& layer : info.layers)
    if (layer.name == name) return &layer;
  return nullptr;
}

bool hasWarningContaining(const LayerInfo& layer, const std::string& text) {
  return std::any_of(layer.warnings.begin(), layer.warnings.end(),
                     [&](const std::string& warning) { return warning.find(text) != std::string::npos; });
}

TEST(VectorInfo, GeoPackageListsBothLayersWithTypesCountsAndFields) {
  TempDir dir;
  const auto path = dir / "county.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {fieldsLayer(), roadsLayer()}));
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->driver, "GPKG");
  EXPECT_EQ(info->driverLongName, "GeoPackage");
  ASSERT_EQ(info->layers.size(), 2u);
  const LayerInfo* fields = findLayer(*info, "fields");
  const LayerInfo* roads = findLayer(*info, "roads");
  ASSERT_NE(fields, nullptr);
  ASSERT_NE(roads, nullptr);
  EXPECT_EQ(fields->geometryType, "Polygon");
  EXPECT_EQ(fields->featureCount, 3);
  ASSERT_EQ(fields->fields.size(), 3u);
  EXPECT_EQ(fields->fields[0].name, "DLBM");
  EXPECT_EQ(fields->fields[0].type, "String");
  EXPECT_EQ(fields->fields[1].name, "DLMC");
  EXPECT_EQ(fields->fields[2].type, "Real");
  EXPECT_EQ(fields->epsg, 4549);
  EXPECT_NE(fields->crsWkt.find("CGCS2000"), std::string::npos);
  EXPECT_EQ(fields->encoding, "UTF-8");
  EXPECT_EQ(fields->encodingSource, "format (always UTF-8)");
  EXPECT_TRUE(fields->isPolygonal);
  EXPECT_EQ(roads->geometryType, "Line String");
  EXPECT_EQ(roads->featureCount, 1);
  EXPECT_FALSE(roads->isPolygonal);
  EXPECT_EQ(roads->polygonAreaSquareMetres, 0.0);
}

TEST(VectorInfo, PolygonAreaIsPlanarInProjectedCrsAndCountsRepairedBowTie) {
  TempDir dir;
  const auto path = dir / "county.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {fieldsLayer()}));
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  const LayerInfo& layer = info->layers.at(0);
  // 2 x 10000 m² squares + bow-tie repaired into two triangles of 2500 m².
  EXPECT_NEAR(layer.polygonAreaSquareMetres, 25000.0, 25000.0 * 1e-9);
  EXPECT_NEAR(layer.polygonAreaMu, 37.5, 37.5 * 1e-9);
  EXPECT_EQ(layer.areaMethod, "planar (EPSG:4549)");
  EXPECT_EQ(layer.invalidGeometryCount, 1);
  EXPECT_EQ(layer.emptyGeometryCount, 0);
  EXPECT_TRUE(hasWarningContaining(layer, "1 polygon is self-intersecting; it will be repaired when used"));
  EXPECT_EQ(layer.extent, Extent(500000, 3300000, 500500, 3300100));
  ASSERT_TRUE(layer.lonLatExtent);
  EXPECT_NEAR(layer.lonLatExtent->minX(), 120.0, 1e-9);
  EXPECT_NEAR(layer.lonLatExtent->minY(), 29.8186, 1e-4);  // northing 3300000 m on CM 120°E
  EXPECT_GT(layer.lonLatExtent->maxX(), 120.005);
  EXPECT_LT(layer.lonLatExtent->maxX(), 120.006);
}

TEST(VectorInfo, SelfIntersectionWarningCountsEveryBadPolygon) {
  TempDir dir;
  FixtureLayer layer = fieldsLayer();
  layer.rows.clear();
  layer.fields.clear();
  layer.wkts = {"POLYGON((0 0,10 10,10 0,0 10,0 0))", "POLYGON((20 0,30 10,30 0,20 10,20 0))",
                "POLYGON((40 0,50 10,50 0,40 10,40 0))", test::squareWkt(0, 20, 10)};
  const auto path = dir / "bad.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->layers.at(0).invalidGeometryCount, 3);
  EXPECT_TRUE(hasWarningContaining(info->layers.at(0),
                                   "3 polygons are self-intersecting; they will be repaired when used"));
  EXPECT_NEAR(info->layers.at(0).polygonAreaSquareMetres, 3 * 50.0 + 100.0, 1e-6);
}

TEST(VectorInfo, GeographicLayerAreaIsEllipsoidal) {
  TempDir dir;
  FixtureLayer layer;
  layer.name = "cells";
  layer.crs = "EPSG:4490";
  layer.wkts = {test::densifiedCellWkt(120.0, 30.0, 120.01, 30.01, 200),
                test::densifiedCellWkt(121.0, 45.0, 121.02, 45.01, 200)};
  const auto path = dir / "cells.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  const LayerInfo& cells = info->layers.at(0);
  const double expected = test::ellipsoidalCellArea(120.0, 30.0, 120.01, 30.01, 6378137.0, 298.257222101) +
                          test::ellipsoidalCellArea(121.0, 45.0, 121.02, 45.01, 6378137.0, 298.257222101);
  EXPECT_NEAR(cells.polygonAreaSquareMetres, expected, expected * 1e-6);
  EXPECT_NEAR(cells.polygonAreaMu, units::squareMetresToMu(expected),
              units::squareMetresToMu(expected) * 1e-6);
  EXPECT_EQ(cells.areaMethod, "ellipsoidal (CGCS2000)");
  EXPECT_EQ(cells.epsg, 4490);
  ASSERT_TRUE(cells.lonLatExtent);
  EXPECT_EQ(*cells.lonLatExtent, Extent(120.0, 30.0, 121.02, 45.01));
}

TEST(VectorInfo, EmptyLayerHasZeroCountAndAreaAndSaysSo) {
  TempDir dir;
  FixtureLayer layer;
  layer.name = "nothing";
  layer.crs = "EPSG:4549";
  layer.fields = {{"DLBM", OFTString}};
  const auto path = dir / "empty.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  const LayerInfo& empty = info->layers.at(0);
  EXPECT_EQ(empty.featureCount, 0);
  EXPECT_EQ(empty.polygonAreaSquareMetres, 0.0);
  EXPECT_EQ(empty.polygonAreaMu, 0.0);
  EXPECT_TRUE(empty.extent.isEmpty());
  EXPECT_FALSE(empty.lonLatExtent);
  EXPECT_TRUE(hasWarningContaining(empty, "layer is empty"));
}

TEST(VectorInfo, EmptyAndMissingGeometriesAreCounted) {
  TempDir dir;
  FixtureLayer layer;
  layer.name = "patches";
  layer.crs = "EPSG:4549";
  layer.fields = {{"JCBH", OFTString}};
  layer.rows = {{"A"}, {"B"}, {"C"}};
  layer.wkts = {test::squareWkt(500000, 3300000, 10), "POLYGON EMPTY", ""};
  const auto path = dir / "patches.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {layer}));
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->layers.at(0).featureCount, 3);
  EXPECT_EQ(info->layers.at(0).emptyGeometryCount, 2);
  EXPECT_NEAR(info->layers.at(0).polygonAreaSquareMetres, 100.0, 1e-9);
  EXPECT_TRUE(hasWarningContaining(info->layers.at(0), "2 features have no geometry or an empty one"));
}

TEST(VectorInfo, OnlyTheNamedLayerIsDescribed) {
  TempDir dir;
  const auto path = dir / "county.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {fieldsLayer(), roadsLayer()}));
  auto info = readVectorInfo(path, {}, "roads");
  ASSERT_TRUE(info) << info.error().text();
  ASSERT_EQ(info->layers.size(), 1u);
  EXPECT_EQ(info->layers[0].name, "roads");
}

TEST(VectorInfo, ProgressReachesOneAndCancelStopsTheScan) {
  TempDir dir;
  const auto path = dir / "county.gpkg";
  ASSERT_TRUE(test::writeDataset(path, "GPKG", {fieldsLayer(), roadsLayer()}));
  Feedback feedback;
  ASSERT_TRUE(readVectorInfo(path, {}, {}, &feedback));
  EXPECT_DOUBLE_EQ(feedback.progress(), 1.0);
  Feedback canceled;
  canceled.cancel();
  auto info = readVectorInfo(path, {}, {}, &canceled);
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::Canceled);
}

TEST(VectorInfo, GeoJsonIsReadAsWgs84) {
  TempDir dir;
  const auto path = dir / "points.geojson";
  test::writeFile(path, R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name":"村委会","n":3},"geometry":{"type":"Point","coordinates":[120.5,30.25]}},
    {"type":"Feature","properties":{"name":"仓库","n":4},"geometry":{"type":"Point","coordinates":[120.6,30.35]}}]})");
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->driver, "GeoJSON");
  const LayerInfo& layer = info->layers.at(0);
  EXPECT_EQ(layer.geometryType, "Point");
  EXPECT_EQ(layer.featureCount, 2);
  EXPECT_EQ(layer.epsg, 4326);
  ASSERT_EQ(layer.fields.size(), 2u);
  EXPECT_EQ(layer.fields[0].name, "name");
  EXPECT_EQ(layer.fields[1].type, "Integer");
  EXPECT_EQ(layer.extent, Extent(120.5, 30.25, 120.6, 30.35));
}

TEST(VectorInfo, FileGeodatabaseWrittenByGdalIsRead) {
  TempDir dir;
  const auto path = dir / "survey.gdb";
  FixtureLayer layer = fieldsLayer();
  layer.name = "DLTB";
  layer.wkts[2] = test::squareWkt(500400, 3300000, 50);
  ASSERT_TRUE(test::writeDataset(path, "OpenFileGDB", {layer}));
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_EQ(info->driver, "OpenFileGDB");
  const LayerInfo* dltb = findLayer(*info, "DLTB");
  ASSERT_NE(dltb, nullptr);
  EXPECT_EQ(dltb->featureCount, 3);
  EXPECT_EQ(dltb->epsg, 4549);
  EXPECT_TRUE(dltb->isPolygonal);
  EXPECT_NEAR(dltb->polygonAreaSquareMetres, 22500.0, 22500.0 * 1e-9);
  EXPECT_EQ(dltb->invalidGeometryCount, 0);
  const bool hasDlmc = std::any_of(dltb->fields.begin(), dltb->fields.end(),
                                   [](const FieldInfo& field) { return field.name == "DLMC"; });
  EXPECT_TRUE(hasDlmc);
}

TEST(VectorInfo, KmlPlacemarksAreRead) {
  TempDir dir;
  const auto path = dir / "villages.kml";
  FixtureLayer layer;
  layer.name = "villages";
  layer.crs = "EPSG:4326";
  layer.fields = {{"Name", OFTString}};
  layer.rows = {{"东村"}, {"西村"}};
  layer.wkts = {test::densifiedCellWkt(120.0, 30.0, 120.01, 30.01, 4),
                test::densifiedCellWkt(120.02, 30.0, 120.03, 30.01, 4)};
  ASSERT_TRUE(test::writeDataset(path, "KML", {layer}));
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  EXPECT_TRUE(info->driver == "LIBKML" || info->driver == "KML") << info->driver;
  const LayerInfo* villages = findLayer(*info, "villages");
  ASSERT_NE(villages, nullptr);
  EXPECT_EQ(villages->featureCount, 2);
  EXPECT_EQ(villages->epsg, 4326);
  const double expected = 2 * test::ellipsoidalCellArea(120.0, 30.0, 120.01, 30.01, 6378137.0, 298.257223563);
  EXPECT_NEAR(villages->polygonAreaSquareMetres, expected, expected * 1e-5);
}

TEST(VectorInfo, ReadingWritesNothingNextToTheInput) {
  TempDir dir;
  ASSERT_TRUE(test::writeDataset(dir / "county.gpkg", "GPKG", {fieldsLayer()}));
  ASSERT_TRUE(test::writeDataset(dir / "shp", "ESRI Shapefile", {fieldsLayer()}));
  const auto before = dir.files();
  ASSERT_TRUE(readVectorInfo(dir / "county.gpkg"));
  ASSERT_TRUE(readVectorInfo(dir / "shp" / "fields.shp"));
  EXPECT_EQ(dir.files(), before);
}

TEST(VectorInfo, NonUtf8FileNameOpens) {
  TempDir dir;
  // "耕地.geojson" with the name encoded in GBK, as copied from a Chinese Windows machine.
  const std::filesystem::path path =
      dir.path() / std::filesystem::path(std::string("\xB8\xFB\xB5\xD8.geojson"));
  test::writeFile(path, R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"DLMC":"水田"},"geometry":{"type":"Point","coordinates":[120,30]}}]})");
  auto info = readVectorInfo(path);
  ASSERT_TRUE(info) << info.error().text();
  ASSERT_EQ(info->layers.size(), 1u);
  EXPECT_EQ(info->layers[0].featureCount, 1);
  EXPECT_EQ(info->layers[0].name, "耕地");
  EXPECT_EQ(info->path, path);
}

}  // namespace
}  // namespace onemap::vector
