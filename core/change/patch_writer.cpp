#include "patch_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "onemap/base/text.h"
#include "onemap/base/units.h"
#include "onemap/change/pixel_rules.h"
#include "onemap/geos/geometry.h"
#include "onemap/raster/class_raster.h"
#include "onemap/vector/feature_reader.h"
#include "onemap/vector/gpkg_writer.h"

namespace onemap::change::detail {
namespace {

/// A patch on its way to the file.
struct Patch {
  geos::Geometry geometry;
  ChangeClass cls = ChangeClass::None;
  double area = 0.0;
  double cx = 0.0, cy = 0.0;
  std::string villageCode, villageName, xzqdm, qdlbm, subtype, type;
  double pbfArea = 0.0;
  bool redLine = false;
  double confidence = 0.0;
};

std::string upper(std::string s) {
  for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string textOf(const vector::AttributeValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return {};
}

/// One overlay layer opened once; queried per patch by its extent.
class Overlay {
 public:
  static Result<Overlay> open(const LayerRef& ref, const std::string& crs, std::vector<std::string> wanted,
                              std::string attributeFilter = {}) {
    auto reader = vector::FeatureReader::open(ref.path, ref.layer);
    if (!reader) return fail(reader.error());
    std::vector<std::string> fields;
    for (const auto& w : wanted) {
      std::string found;
      for (const auto& f : reader->layer().fields)
        if (upper(f.name) == w) found = f.name;
      fields.push_back(found);
    }
    return Overlay(std::move(*reader), crs, std::move(fields), std::move(attributeFilter));
  }
  /// Calls `visit(geometry, values)` for every feature whose extent meets `extent`.
  Status query(const Extent& extent, const std::function<void(const geos::Geometry&, const std::vector<std::string>&)>& visit) {
    vector::ReadOptions options;
    options.targetCrs = m_crs;
    options.filter = extent;
    options.attributeFilter = m_attributeFilter;
    std::vector<std::string> names;
    for (const auto& f : m_fields)
      if (!f.empty()) names.push_back(f);
    options.fields = names;
    auto result = m_reader.forEach(options, nullptr, [&](const vector::Feature& feature) {
      auto g = geos::Geometry::fromWkb(feature.wkb);
      if (!g) return true;
      std::vector<std::string> values;
      std::size_t k = 0;
      for (const auto& f : m_fields) values.push_back(f.empty() ? std::string() : textOf(feature.attributes[k++]));
      visit(*g, values);
      return true;
    });
    if (!result) return fail(result.error());
    return {};
  }

 private:
  Overlay(vector::FeatureReader reader, std::string crs, std::vector<std::string> fields, std::string attributeFilter)
      : m_reader(std::move(reader)),
        m_crs(std::move(crs)),
        m_fields(std::move(fields)),
        m_attributeFilter(std::move(attributeFilter)) {}
  vector::FeatureReader m_reader;
  std::string m_crs;
  std::vector<std::string> m_fields;  ///< actual names of the wanted fields ("" = absent)
  std::string m_attributeFilter;
};

std::string compactDate(const std::string& date) {
  std::string out;
  for (char c : date)
    if (c >= '0' && c <= '9') out += c;
  return out.substr(0, 8);
}

}  // namespace

Status writePatches(const ChangeInputs& inputs, const ChangeParameters& parameters, const std::string& croplandFilter,
                    const std::filesystem::path& classMap, const raster::Grid& grid, ChangeSummary& summary,
                    Feedback& feedback) {
  const double pixelArea = std::abs(grid.geoTransform[1] * grid.geoTransform[5]);
  const double pixel = std::sqrt(pixelArea);
  std::vector<Patch> patches;
  Feedback polygonizing = feedback.subRange(0.0, 0.5);
  polygonizing.setProgress(0.0, "patches");
  auto st = raster::polygonizeClasses(classMap, polygonizing, [&](raster::ValuePolygon&& vp) -> Status {
    auto g = geos::Geometry::fromWkb(vp.wkb);
    if (!g) return {};
    const double area = g->area();
    if (area < parameters.minAreaM2 || area < 4 * pixelArea) return {};
    Patch p;
    p.cls = ChangeClass(vp.value);
    p.area = area;
    p.geometry = g->simplified(pixel * 0.5);
    const Extent e = p.geometry.extent();
    p.cx = (e.minX() + e.maxX()) / 2;
    p.cy = (e.minY() + e.maxY()) / 2;
    patches.push_back(std::move(p));
    return {};
  });
  if (!st) return st;

  std::optional<Overlay> villages, cropland, pbf, redLine;
  if (inputs.villages) {
    auto o = Overlay::open(*inputs.villages, grid.crsWkt, {"ZLDWDM", "ZLDWMC", "XZQDM"});
    if (!o) return fail(o.error());
    villages.emplace(std::move(*o));
  }
  if (!inputs.cropland.path.empty()) {
    auto o = Overlay::open(inputs.cropland, grid.crsWkt, {"DLBM"}, croplandFilter);
    if (!o) return fail(o.error());
    cropland.emplace(std::move(*o));
  }
  if (inputs.pbf) {
    auto o = Overlay::open(*inputs.pbf, grid.crsWkt, {});
    if (!o) return fail(o.error());
    pbf.emplace(std::move(*o));
  }
  if (inputs.redLine) {
    auto o = Overlay::open(*inputs.redLine, grid.crsWkt, {});
    if (!o) return fail(o.error());
    redLine.emplace(std::move(*o));
  }

  Feedback attributing = feedback.subRange(0.5, 0.9);
  attributing.setProgress(0.0, "attributes");
  for (std::size_t i = 0; i < patches.size(); ++i) {
    if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled");
    attributing.setProgress(double(i) / double(patches.size()), "attributes");
    Patch& p = patches[i];
    const Extent e = p.geometry.extent();
    if (villages) {
      double best = 0.0;
      if (auto s = villages->query(e, [&](const geos::Geometry& g, const std::vector<std::string>& v) {
            const double overlap = p.geometry.intersectionArea(g);
            if (overlap > best) {
              best = overlap;
              p.villageCode = v[0];
              p.villageName = v[1];
              p.xzqdm = v[2].substr(0, 6);
            }
          }); !s)
        return s;
      if (p.xzqdm.empty() && p.villageCode.size() >= 6) p.xzqdm = p.villageCode.substr(0, 6);
    }
    double bestCrop = 0.0;
    if (cropland)
      if (auto s = cropland->query(e, [&](const geos::Geometry& g, const std::vector<std::string>& v) {
            const double overlap = p.geometry.intersectionArea(g);
            if (overlap > bestCrop) {
              bestCrop = overlap;
              p.qdlbm = v.empty() ? std::string() : v[0];
            }
          }); !s)
        return s;
    if (pbf)
      if (auto s = pbf->query(e, [&](const geos::Geometry& g, const std::vector<std::string>&) {
            p.pbfArea += p.geometry.intersectionArea(g);
          }); !s)
        return s;
    if (redLine)
      if (auto s = redLine->query(e, [&](const geos::Geometry& g, const std::vector<std::string>&) {
            if (p.geometry.intersects(g)) p.redLine = true;
          }); !s)
        return s;
    const double perimeter = p.geometry.length();
    const double width = perimeter > 0 ? 2.0 * p.area / perimeter : 0.0;  // mean width of a strip
    switch (p.cls) {
      case ChangeClass::Built:
        p.type = "非农化";
        p.subtype = width < 4.0 * pixel && perimeter / 2.0 > 6.0 * width ? "road" : "building";
        break;
      case ChangeClass::Water: p.type = "非粮化"; p.subtype = "pond"; break;
      case ChangeClass::Trees: p.type = "非粮化"; p.subtype = "orchard_forest"; break;
      case ChangeClass::Bare: p.type = "非农化"; p.subtype = "bare"; break;
      default: p.type = "其他"; p.subtype = "other"; break;
    }
    // Confidence: larger and more compact patches are more often real (thin slivers along
    // field edges are the typical misregistration artefacts).
    const double sizeScore = 1.0 - std::exp(-(p.area - parameters.minAreaM2 + 1.0) / 1500.0);
    const double widthScore = std::min(1.0, width / (3.0 * pixel));
    p.confidence = std::clamp(0.35 + 0.4 * sizeScore + 0.25 * widthScore, 0.0, 1.0);
  }

  // Stable numbering: by village, then north to south, west to east.
  std::sort(patches.begin(), patches.end(), [](const Patch& a, const Patch& b) {
    if (a.villageCode != b.villageCode) return a.villageCode < b.villageCode;
    if (std::abs(a.cy - b.cy) > 1e-6) return a.cy > b.cy;
    return a.cx < b.cx;
  });

  using T = vector::FieldSpec::Type;
  auto writer = vector::GpkgWriter::create(inputs.output, grid.crsWkt);
  if (!writer) return fail(writer.error());
  const std::vector<vector::FieldSpec> fields{
      {"JCBH", T::String, 32},  {"XZQDM", T::String, 6},  {"ZLDWDM", T::String, 19}, {"ZLDWMC", T::String, 50},
      {"QSX", T::String, 40},   {"HSX", T::String, 40},   {"QDLBM", T::String, 4},   {"HDLBM", T::String, 4},
      {"BHLX", T::String, 10},  {"BHZL", T::String, 20},  {"MJ", T::Real},           {"MJ_MU", T::Real},
      {"SFYN", T::String, 1},   {"YNMJ", T::Real},        {"SFHX", T::String, 1},    {"ZXD", T::Real},
      {"JCFF", T::String, 254}, {"HCJG", T::String, 20},  {"HCR", T::String, 20},    {"HCRQ", T::String, 10},
      {"HCSM", T::String, 254}, {"NYJG", T::String, 10}};
  if (auto s = writer->beginLayer("change_patches", "MultiPolygon", fields, "非农化/非粮化 change patches (卫片图斑)"); !s) return s;
  const std::string method =
      "OneMap rules v2 (normalised CVA + Otsu, indices, isotropic crown texture, hysteresis growth, "
      "thin-cloud and misregistration masks); " +
      parameters.describe() + ";threshold=" + std::to_string(summary.threshold);
  std::map<std::tuple<std::string, std::string, std::string>, SummaryRow> rows;
  const std::string hsx = compactDate(inputs.afterDate);
  for (std::size_t i = 0; i < patches.size(); ++i) {
    const Patch& p = patches[i];
    char number[32];
    std::snprintf(number, sizeof number, "%05zu", i + 1);
    const std::string jcbh = (p.xzqdm.empty() ? std::string("000000") : p.xzqdm) + hsx + number;
    const double mu = p.area / units::kSquareMetresPerMu;
    if (auto s = writer->add(p.geometry.toWkb(),
                             {jcbh, p.xzqdm, p.villageCode, p.villageName, inputs.beforeDate, inputs.afterDate, p.qdlbm,
                              std::string(p.subtype == "pond" ? "1104" : ""), p.type, p.subtype, p.area, mu,
                              std::string(p.pbfArea > 0.0 ? "Y" : "N"), p.pbfArea, std::string(p.redLine ? "Y" : "N"),
                              p.confidence, method, std::string(), std::string(), std::string(), std::string(),
                              std::string("待核查")});
        !s)
      return s;
    SummaryRow& row = rows[{p.villageCode, p.villageName, p.type}];
    row.villageCode = p.villageCode;
    row.villageName = p.villageName;
    row.type = p.type;
    row.count += 1;
    row.areaM2 += p.area;
    row.pbfAreaM2 += p.pbfArea;
    summary.patches += 1;
    summary.areaM2 += p.area;
    summary.bySubtype[p.subtype] += 1;
  }
  if (auto s = writer->endLayer(); !s) return s;
  if (auto s = writer->beginLayer("village_summary", "None",
                                  {{"ZLDWDM", T::String, 19}, {"ZLDWMC", T::String, 50}, {"BHLX", T::String, 10},
                                   {"TBS", T::Integer}, {"MJ", T::Real}, {"MJ_MU", T::Real}, {"YNMJ", T::Real},
                                   {"YNMJ_MU", T::Real}},
                                  "Per-village count and area of change patches by type");
      !s)
    return s;
  for (const auto& [key, row] : rows) {
    summary.villages.push_back(row);
    if (auto s = writer->add({}, {row.villageCode, row.villageName, row.type, std::int64_t(row.count), row.areaM2,
                                  row.areaM2 / units::kSquareMetresPerMu, row.pbfAreaM2,
                                  row.pbfAreaM2 / units::kSquareMetresPerMu});
        !s)
      return s;
  }
  if (auto s = writer->endLayer(); !s) return s;
  if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled");
  return writer->finish();
}

}  // namespace onemap::change::detail
