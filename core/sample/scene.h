#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace onemap::sample {

/// Size presets of the generated county.
enum class SampleSize {
  Small,   ///< ~4 × 3 km, 2 m pixels (2000 × 1500 px): seconds, for tests
  County,  ///< ~40 × 40 km, 2 m pixels (20 000 × 20 000 px): for benchmarks
};

/// Axis-aligned rectangle in metres of the scene CRS (EPSG:4549).
struct Rect {
  double minX = 0, minY = 0, maxX = 0, maxY = 0;
  double width() const { return maxX - minX; }
  double height() const { return maxY - minY; }
  double area() const { return width() * height(); }
  bool contains(double x, double y) const { return x >= minX && x < maxX && y >= minY && y < maxY; }
  bool intersects(const Rect& o) const { return o.minX < maxX && o.maxX > minX && o.minY < maxY && o.maxY > minY; }
};

/// What the ground looks like from above; drives the synthetic spectra.
enum class Cover : std::uint8_t {
  PaddyRice,         ///< flooded/young rice: dark, green
  IrrigatedCrop,     ///< vegetables, wheat under irrigation
  DryCrop,           ///< maize, soybean, peanuts
  HarvestedStubble,  ///< cropland just harvested (distractor, not a conversion)
  BareSoil,          ///< ploughed or earth-moving (推土)
  Orchard,           ///< fruit trees in rows on soil
  Nursery,           ///< dense young trees (苗圃)
  Forest,
  Grass,
  Pond,              ///< fish pond water with banks
  River,
  Building,          ///< roofs (varied colours, incl. blue steel sheds)
  Hardened,          ///< concrete yards, hardened ground (硬化地面)
  Asphalt,           ///< paved roads
  RuralRoad,         ///< earth/gravel field roads
  Homestead,         ///< rural houses with yards and trees (宅基地)
  Greenhouse,        ///< plastic greenhouses (设施农用地)
};

/// One land-use polygon of the 三调-style DLTB layer (all parcels tile the county).
struct Parcel {
  int id = 0;
  Rect rect;
  std::string dlbm;        ///< 三调 land-use code, e.g. "0101"
  Cover cover = Cover::DryCrop;
  int village = 0;         ///< index into Scene::villages
  bool isPbf = false;      ///< permanent basic farmland (subset of cropland)
  float vigour = 1.0f;     ///< per-parcel brightness/greenness factor (0.8–1.2)
  bool rowsAlongX = true;  ///< direction of crop rows / tree rows (texture)
  bool isCropland() const { return dlbm.rfind("01", 0) == 0; }
};

/// Kind of a real conversion of cropland between the two dates.
enum class ChangeType { Building, Hardened, Road, Pond, Orchard, Nursery };

/// A ground-truth change patch: where, what it became, what it was.
struct ChangeTruth {
  int id = 0;
  Rect rect;
  ChangeType type = ChangeType::Building;
  int parcel = 0;           ///< index of the (first) cropland parcel it falls on
  std::string beforeDlbm;   ///< e.g. "0101"
  std::string afterDlbm;    ///< e.g. "0702", "1104", "0201"
  int village = 0;
};

/// Changes between the dates that a detector must NOT report as conversion of cropland.
enum class DistractorType {
  Harvest,          ///< growing crop → stubble on the same cropland parcel
  Rotation,         ///< paddy ↔ dry crop on the same cropland parcel
  Cloud,            ///< a cloud on the second date
  CloudShadow,      ///< its shadow
  OutsideCropland,  ///< a new building outside cropland (forest, homestead area)
};

/// One distractor; clouds and shadows are discs (rect = bounding box).
struct Distractor {
  int id = 0;
  DistractorType type = DistractorType::Harvest;
  Rect rect;
  int parcel = -1;          ///< the parcel concerned, or -1
};

/// A township (乡镇): 9-digit code, name.
struct Township {
  std::string code;   ///< 9 digits: county code + 3
  std::string name;
};

/// A village (行政村): 12-digit code, name, its blocks and the thematic attributes of the sample.
struct Village {
  std::string code;          ///< 12 digits: township code + 3
  std::string name;
  int township = 0;
  std::vector<Rect> blocks;  ///< road-bounded blocks whose union is the village boundary
  double centerX = 0, centerY = 0;
  std::string fieldChief;    ///< 田长 name
  std::string fieldChiefPhone;
  int households = 0;
  int onlineShops = 0;
  double ecommerceSalesWan = 0;  ///< e-commerce sales, 万元 per year
};

/// A point of interest: 益农信息社 service point or logistics node.
struct PointOfInterest {
  std::string code;
  std::string name;
  std::string type;     ///< "益农信息社", "县级物流中心", "乡镇物流站", "村级物流点"
  int village = -1;
  double x = 0, y = 0;
};

/// Radiometry of one acquisition date (GF-1/GF-6 PMS-like, uint16 DN).
struct AcquisitionDate {
  std::string date;        ///< ISO date, e.g. "2024-05-08"
  double gain = 1.0;       ///< whole-scene radiometric difference
  double offset = 0.0;
  double shiftX = 0.0;     ///< misregistration in metres (second date only)
  double shiftY = 0.0;
};

/// The whole synthetic county: layout, land use, truth and thematic data. Built once by
/// buildScene() from a seed; a plain value, read-only afterwards and safe to share across threads.
struct Scene {
  SampleSize size = SampleSize::Small;
  std::uint64_t seed = 1;
  int epsg = 4549;                     ///< CGCS2000 3° Gauss–Krüger CM 120°E
  double pixelSize = 2.0;              ///< metres
  Rect extent;                         ///< image extent = county bounding box
  int width = 0, height = 0;           ///< image size in pixels
  std::string countyCode;              ///< 6 digits
  std::string countyName;
  std::vector<Township> townships;
  std::vector<Village> villages;
  std::vector<Parcel> parcels;         ///< tile the county without gaps or overlaps
  std::vector<ChangeTruth> changes;
  std::vector<Distractor> distractors;
  std::vector<Rect> redLine;           ///< ecological red-line areas (生态保护红线)
  std::vector<PointOfInterest> pois;
  AcquisitionDate before;
  AcquisitionDate after;
};

/// Land-use name (DLMC) of a 三调 code, e.g. "0101" → "水田".
std::string landUseName(const std::string& dlbm);
/// 非农化 / 非粮化 for a change type.
std::string changeCategory(ChangeType type);
/// Stable English identifier: "building", "hardened", "road", "pond", "orchard", "nursery".
std::string changeTypeName(ChangeType type);
/// Chinese sub-type label: "建筑物", "硬化地面", "道路", "坑塘", "果园", "苗圃".
std::string changeTypeNameZh(ChangeType type);
/// "harvest", "rotation", "cloud", "cloud_shadow", "outside_cropland".
std::string distractorTypeName(DistractorType type);

}  // namespace onemap::sample
