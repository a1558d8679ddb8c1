#include "onemap/sample/vector_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>

#include "onemap/vector/gpkg_writer.h"
#include "wkb_shapes.h"
#include "onemap/base/text.h"
#include "onemap/base/units.h"
#include "onemap/geos/geometry.h"
#include "onemap/storage/atomic_file.h"

namespace onemap::sample {
namespace {

using vector::FieldSpec;
using vector::FieldValue;
using vector::GpkgWriter;

using T = FieldSpec::Type;

/// Writes each polygonal part of a union as its own feature.
std::vector<std::vector<unsigned char>> unionParts(const std::vector<Rect>& rects) {
  std::vector<geos::Geometry> parts;
  parts.reserve(rects.size());
  for (const Rect& r : rects) parts.push_back(geos::Geometry::rectangle(r.minX, r.minY, r.maxX, r.maxY));
  auto united = geos::Geometry::unaryUnion(std::move(parts));
  if (!united) return {};
  return {united->toWkb()};
}

Status writeAdministration(GpkgWriter& w, const Scene& scene) {
  std::vector<Rect> countyCells;
  for (const auto& v : scene.villages) countyCells.insert(countyCells.end(), v.blocks.begin(), v.blocks.end());
  if (auto s = w.beginLayer("XZQ_XIAN", "MultiPolygon", {{"XZQDM", T::String, 12}, {"XZQMC", T::String, 50}},
                            "县级行政区"); !s) return s;
  for (const auto& wkb : unionParts(countyCells))
    if (auto s = w.add(wkb, {scene.countyCode, scene.countyName}); !s) return s;
  if (auto s = w.endLayer(); !s) return s;

  if (auto s = w.beginLayer("XZQ_XIANG", "MultiPolygon", {{"XZQDM", T::String, 12}, {"XZQMC", T::String, 50}},
                            "乡镇级行政区"); !s) return s;
  for (std::size_t t = 0; t < scene.townships.size(); ++t) {
    std::vector<Rect> cells;
    for (const auto& v : scene.villages)
      if (v.township == int(t)) cells.insert(cells.end(), v.blocks.begin(), v.blocks.end());
    for (const auto& wkb : unionParts(cells))
      if (auto s = w.add(wkb, {scene.townships[t].code, scene.townships[t].name}); !s) return s;
  }
  if (auto s = w.endLayer(); !s) return s;

  if (auto s = w.beginLayer("CJDCQ", "MultiPolygon",
                            {{"ZLDWDM", T::String, 19}, {"ZLDWMC", T::String, 50}, {"XZQDM", T::String, 12},
                             {"XZQMC", T::String, 50}, {"TZXM", T::String, 20}, {"TZDH", T::String, 20},
                             {"HS", T::Integer}, {"MJ", T::Real}, {"MJ_MU", T::Real}},
                            "村级调查区 (行政村界线)"); !s) return s;
  for (const auto& v : scene.villages) {
    double area = 0;
    for (const Rect& b : v.blocks) area += b.area();
    const auto& township = scene.townships[std::size_t(v.township)];
    for (const auto& wkb : unionParts(v.blocks))
      if (auto s = w.add(wkb, {v.code, v.name, township.code, township.name, v.fieldChief, v.fieldChiefPhone,
                               std::int64_t(v.households), area, units::squareMetresToMu(area)});
          !s) return s;
  }
  return w.endLayer();
}

Status writeLandUse(GpkgWriter& w, const Scene& scene, Feedback& feedback) {
  if (auto s = w.beginLayer("DLTB", "Polygon",
                            {{"BSM", T::Integer}, {"TBBH", T::String, 8}, {"DLBM", T::String, 5}, {"DLMC", T::String, 60},
                             {"QSXZ", T::String, 2}, {"QSDWDM", T::String, 19}, {"QSDWMC", T::String, 60},
                             {"ZLDWDM", T::String, 19}, {"ZLDWMC", T::String, 60}, {"TBMJ", T::Real},
                             {"KCMJ", T::Real}, {"TBDLMJ", T::Real}, {"GDLX", T::String, 2},
                             {"GDPDJB", T::String, 2}, {"ZZSXDM", T::String, 6}, {"SJNF", T::Integer}},
                            "地类图斑 (三调)"); !s) return s;
  std::vector<int> tbbh(scene.villages.size(), 0);
  std::size_t done = 0;
  for (const auto& p : scene.parcels) {
    if (++done % 20000 == 0) {
      feedback.setProgress(double(done) / double(scene.parcels.size()));
      if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled");
    }
    if (p.village < 0) continue;
    const Village& v = scene.villages[std::size_t(p.village)];
    const double area = p.rect.area();
    // Dry land carries field ridges (田坎) deducted from its area.
    const double deduction = p.dlbm == "0103" ? std::round(area * 0.03 * 100) / 100 : 0.0;
    const bool cropland = p.isCropland();
    auto added = w.add(rectangleWkb(p.rect),
          {std::int64_t(p.id), std::to_string(++tbbh[std::size_t(p.village)]), p.dlbm, landUseName(p.dlbm),
           std::string("30"), v.code, v.name, v.code, v.name, area, deduction, area - deduction,
           std::string(cropland ? "PD" : ""), std::string(cropland ? "1" : ""),
           std::string(cropland ? "LS" : ""), std::int64_t(2023)});
    if (!added) return added;
  }
  if (auto s = w.endLayer(); !s) return s;

  if (auto s = w.beginLayer("YJJBNTTB", "Polygon",
                            {{"BSM", T::Integer}, {"DLBM", T::String, 5}, {"DLMC", T::String, 60},
                             {"ZLDWDM", T::String, 19}, {"ZLDWMC", T::String, 60}, {"JBNTLX", T::String, 2},
                             {"MJ", T::Real}},
                            "永久基本农田图斑"); !s) return s;
  for (const auto& p : scene.parcels) {
    if (!p.isPbf || p.village < 0) continue;
    const Village& v = scene.villages[std::size_t(p.village)];
    if (auto s = w.add(rectangleWkb(p.rect), {std::int64_t(p.id), p.dlbm, landUseName(p.dlbm), v.code, v.name,
                                              std::string("01"), p.rect.area()});
        !s) return s;
  }
  return w.endLayer();
}

Status writeThematic(GpkgWriter& w, const Scene& scene) {
  if (auto s = w.beginLayer("STBHHX", "MultiPolygon",
                            {{"HXMC", T::String, 60}, {"HXLX", T::String, 30}, {"MJ", T::Real}},
                            "生态保护红线"); !s) return s;
  double area = 0;
  for (const Rect& r : scene.redLine) area += r.area();
  for (const auto& wkb : unionParts(scene.redLine))
    if (auto s = w.add(wkb, {scene.countyName + "丘陵水源涵养生态保护红线", std::string("水源涵养"), area}); !s) return s;
  if (auto s = w.endLayer(); !s) return s;

  double riverY = 0;
  for (const auto& p : scene.parcels)
    if (p.dlbm == "1101") { riverY = (p.rect.minY + p.rect.maxY) / 2; break; }
  if (auto s = w.beginLayer("HL", "LineString", {{"HLMC", T::String, 30}, {"HLDJ", T::String, 10}}, "河流中心线"); !s)
    return s;
  if (auto s = w.add(lineWkb(scene.extent.minX, riverY, scene.extent.maxX, riverY),
                     {std::string("青禾河"), std::string("县级")}); !s) return s;
  if (auto s = w.endLayer(); !s) return s;

  const std::vector<FieldSpec> poiFields{{"BH", T::String, 20},     {"MC", T::String, 60},  {"LX", T::String, 20},
                                         {"ZLDWDM", T::String, 19}, {"ZLDWMC", T::String, 60}};
  if (auto s = w.beginLayer("YNXXS", "Point", poiFields, "益农信息社"); !s) return s;
  for (const auto& poi : scene.pois) {
    if (poi.type != "益农信息社") continue;
    const Village& v = scene.villages[std::size_t(poi.village)];
    if (auto s = w.add(pointWkb(poi.x, poi.y), {poi.code, poi.name, poi.type, v.code, v.name}); !s) return s;
  }
  if (auto s = w.endLayer(); !s) return s;
  if (auto s = w.beginLayer("WLJD", "Point", poiFields, "县乡村三级物流节点"); !s) return s;
  for (const auto& poi : scene.pois) {
    if (poi.type == "益农信息社") continue;
    const Village& v = scene.villages[std::size_t(poi.village)];
    if (auto s = w.add(pointWkb(poi.x, poi.y), {poi.code, poi.name, poi.type, v.code, v.name}); !s) return s;
  }
  if (auto s = w.endLayer(); !s) return s;

  if (auto s = w.beginLayer("TZ", "None",
                            {{"ZLDWDM", T::String, 19}, {"ZLDWMC", T::String, 60}, {"TZXM", T::String, 20},
                             {"TZJB", T::String, 20}, {"LXDH", T::String, 20}},
                            "田长 (田长制责任人)"); !s) return s;
  for (const auto& v : scene.villages)
    if (auto s = w.add({}, {v.code, v.name, v.fieldChief, std::string("村级田长"), v.fieldChiefPhone}); !s) return s;
  return w.endLayer();
}

Status writeTruth(const Scene& scene, const std::filesystem::path& file) {
  auto writer = GpkgWriter::create(file, scene.epsg);
  if (!writer) return fail(writer.error());
  GpkgWriter& w = *writer;
  if (auto s = w.beginLayer("truth_changes", "Polygon",
                            {{"BH", T::Integer}, {"BHLX", T::String, 10}, {"BHZL", T::String, 20},
                             {"TYPE", T::String, 20}, {"QDLBM", T::String, 5}, {"HDLBM", T::String, 5},
                             {"MJ", T::Real}, {"MJ_MU", T::Real}, {"XZQDM", T::String, 6},
                             {"ZLDWDM", T::String, 19}, {"ZLDWMC", T::String, 60}},
                            "真实变化图斑 (样例真值)"); !s) return s;
  for (const auto& c : scene.changes) {
    const Village& v = scene.villages[std::size_t(c.village)];
    const double area = c.rect.area();
    if (auto s = w.add(rectangleWkb(c.rect), {std::int64_t(c.id), changeCategory(c.type), changeTypeNameZh(c.type),
                                              changeTypeName(c.type), c.beforeDlbm, c.afterDlbm, area,
                                              units::squareMetresToMu(area), scene.countyCode, v.code, v.name});
        !s) return s;
  }
  if (auto s = w.endLayer(); !s) return s;
  if (auto s = w.beginLayer("distractors", "Polygon",
                            {{"BH", T::Integer}, {"TYPE", T::String, 20}, {"MJ", T::Real}},
                            "不应被检出的干扰变化"); !s) return s;
  for (const auto& d : scene.distractors) {
    const bool disc = d.type == DistractorType::Cloud || d.type == DistractorType::CloudShadow;
    if (auto s = w.add(disc ? discWkb(d.rect) : rectangleWkb(d.rect),
                       {std::int64_t(d.id), distractorTypeName(d.type), d.rect.area()}); !s) return s;
  }
  if (auto s = w.endLayer(); !s) return s;
  return w.finish();
}

Status writeEcommerceCsv(const Scene& scene, const std::filesystem::path& file) {
  // UTF-8 with a byte-order mark so spreadsheet programs on Chinese Windows read it right.
  std::string csv = "\xEF\xBB\xBF" "ZLDWDM,ZLDWMC,XZMC,HS,WDSL,DSXSE_WY\n";
  for (const auto& v : scene.villages) {
    char sales[32];
    std::snprintf(sales, sizeof sales, "%.1f", v.ecommerceSalesWan);
    csv += v.code + "," + v.name + "," + scene.townships[std::size_t(v.township)].name + "," +
           std::to_string(v.households) + "," + std::to_string(v.onlineShops) + "," + sales + "\n";
  }
  return storage::writeFileAtomically(file, csv);
}

}  // namespace

Status writeSceneVectors(const Scene& scene, const std::filesystem::path& folder, Feedback& feedback) {
  {
    auto writer = GpkgWriter::create(folder / kSampleGeoPackage, scene.epsg);
    if (!writer) return fail(writer.error());
    if (auto s = writeAdministration(*writer, scene); !s) return s;
    Feedback landUse = feedback.subRange(0.1, 0.8);
    if (auto s = writeLandUse(*writer, scene, landUse); !s) return s;
    if (auto s = writeThematic(*writer, scene); !s) return s;
    if (auto s = writer->finish(); !s) return s;
  }
  feedback.setProgress(0.85);
  if (auto s = writeTruth(scene, folder / kTruthGeoPackage); !s) return s;
  if (auto s = writeEcommerceCsv(scene, folder / kEcommerceCsv); !s) return s;
  feedback.setProgress(1.0);
  return {};
}

}  // namespace onemap::sample
