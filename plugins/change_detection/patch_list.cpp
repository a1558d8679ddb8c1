#include "patch_list.h"

#include <variant>

#include "onemap/geos/geometry.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::plugins {
namespace {

QString textOf(const vector::AttributeValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return QString::fromStdString(*s);
  if (const auto* i = std::get_if<std::int64_t>(&v)) return QString::number(*i);
  if (const auto* d = std::get_if<double>(&v)) return QString::number(*d);
  return {};
}

double numberOf(const vector::AttributeValue& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return double(*i);
  return 0.0;
}

}  // namespace

Result<std::vector<PatchRow>> readPatches(const std::filesystem::path& gpkg, const std::string& mapCrs) {
  auto reader = vector::FeatureReader::open(gpkg, "change_patches");
  if (!reader) return fail(reader.error());
  vector::ReadOptions options;
  options.targetCrs = mapCrs;
  options.repairInvalid = false;
  options.fields = std::vector<std::string>{"JCBH", "ZLDWMC", "BHLX", "BHZL", "MJ", "MJ_MU", "ZXD", "NYJG", "YNMJ"};
  std::vector<PatchRow> rows;
  auto read = reader->forEach(options, nullptr, [&](const vector::Feature& f) {
    PatchRow row;
    row.fid = f.fid;
    const auto& a = f.attributes;
    row.jcbh = textOf(a[0]);
    row.village = textOf(a[1]);
    row.type = textOf(a[2]);
    row.subtype = textOf(a[3]);
    row.areaM2 = numberOf(a[4]);
    row.areaMu = numberOf(a[5]);
    row.confidence = numberOf(a[6]);
    row.judgement = textOf(a[7]);
    row.pbfAreaM2 = numberOf(a[8]);
    row.wkb = f.wkb;
    if (auto g = geos::Geometry::fromWkb(f.wkb)) row.extent = g->extent();
    rows.push_back(std::move(row));
    return true;
  });
  if (!read) return fail(read.error());
  return rows;
}

Result<std::vector<SummaryLine>> readSummary(const std::filesystem::path& gpkg) {
  auto reader = vector::FeatureReader::open(gpkg, "village_summary");
  if (!reader) return std::vector<SummaryLine>{};
  vector::ReadOptions options;
  options.fields = std::vector<std::string>{"ZLDWDM", "ZLDWMC", "BHLX", "TBS", "MJ", "MJ_MU", "YNMJ"};
  std::vector<SummaryLine> lines;
  auto read = reader->forEach(options, nullptr, [&](const vector::Feature& f) {
    const auto& a = f.attributes;
    lines.push_back({textOf(a[0]), textOf(a[1]), textOf(a[2]), std::int64_t(numberOf(a[3])), numberOf(a[4]),
                     numberOf(a[5]), numberOf(a[6])});
    return true;
  });
  if (!read) return fail(read.error());
  return lines;
}

}  // namespace onemap::plugins
