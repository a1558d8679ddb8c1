#include "patch_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "onemap/base/units.h"
#include "onemap/vector/gpkg_writer.h"
#include "patch_attributes.h"

namespace onemap::change::detail {
namespace {

std::string compactDate(const std::string& date) {
  std::string out;
  for (char c : date)
    if (c >= '0' && c <= '9') out += c;
  return out.substr(0, 8);
}

}  // namespace

Status writePatches(const ChangeInputs& inputs, const ChangeParameters& parameters, const std::string& croplandFilter,
                    const std::filesystem::path& classMap, const std::filesystem::path& evidence,
                    const raster::Grid& grid, ChangeSummary& summary,
                    Feedback& feedback) {
  std::vector<raster::ValuePolygon> polygons;
  Feedback polygonizing = feedback.subRange(0.0, 0.5);
  polygonizing.setProgress(0.0, "patches");
  auto st = raster::polygonizeClasses(classMap, parameters.threads, polygonizing,
                                      [&](raster::ValuePolygon&& vp) -> Status {
                                        polygons.push_back(std::move(vp));
                                        return {};
                                      });
  if (!st) return st;
  Feedback attributing = feedback.subRange(0.5, 0.9);
  attributing.setProgress(0.0, "attributes");
  auto made = makePatches(inputs, parameters, croplandFilter, grid, evidence, polygons, attributing);
  if (!made) return fail(made.error());
  std::vector<Patch>& patches = *made;

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
  char threshold[32];
  std::snprintf(threshold, sizeof threshold, "%.2f", double(summary.threshold));
  const std::string method =
      "OneMap rules v4 (CVA in noise units over all bands incl. SWIR, 3x3 support, Otsu on cropland that changed "
      "cover, indices, crown texture, misregistration and cloud masks); " +
      parameters.describe() + ";threshold=" + threshold;
  // Which evidence fired for a patch and how strongly: "evidence=spectral change 6.3x threshold".
  const auto evidenceOf = [](const Patch& p) {
    char text[80];
    std::snprintf(text, sizeof text, ";evidence=%s %.1fx threshold",
                  p.cls == ChangeClass::Trees ? "crown texture rise" : "spectral change", p.strength);
    return std::string(text);
  };
  std::map<std::tuple<std::string, std::string, std::string>, SummaryRow> rows;
  const std::string hsx = compactDate(inputs.afterDate);
  for (std::size_t i = 0; i < patches.size(); ++i) {
    const Patch& p = patches[i];
    char number[32];
    std::snprintf(number, sizeof number, "%05zu", i + 1);
    const std::string jcbh = (p.xzqdm.empty() ? std::string("000000") : p.xzqdm) + hsx + number;
    const double mu = p.area / units::kSquareMetresPerMu;
    if (auto s = writer->add(p.wkb,
                             {jcbh, p.xzqdm, p.villageCode, p.villageName, inputs.beforeDate, inputs.afterDate, p.qdlbm,
                              std::string(p.subtype == "pond" ? "1104" : ""), p.type, p.subtype, p.area, mu,
                              std::string(p.pbfArea > 0.0 ? "Y" : "N"), p.pbfArea, std::string(p.redLine ? "Y" : "N"),
                              p.confidence, method + evidenceOf(p), std::string(), std::string(), std::string(), std::string(),
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
