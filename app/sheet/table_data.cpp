#include "onemap/sheet/table_data.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>

#include "onemap/geos/geometry.h"
#include "onemap/project/project.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::sheet {
namespace {

constexpr double kSquareMetresPerMu = 10000.0 / 15.0;

/// The layer's own spelling of field `name` (case-insensitive), empty when it has none.
std::string layerField(const vector::LayerInfo& info, const std::string& name) {
  for (const auto& f : info.fields)
    if (QString::fromStdString(f.name).compare(QString::fromStdString(name), Qt::CaseInsensitive) == 0) return f.name;
  return {};
}

const vector::FieldInfo* fieldInfo(const vector::LayerInfo& info, const std::string& name) {
  for (const auto& f : info.fields)
    if (f.name == name) return &f;
  return nullptr;
}

Result<vector::FeatureReader> openLayer(const project::LayerSpec& layer) {
  vector::OpenOptions options;
  options.encoding = layer.encoding;
  auto reader = vector::FeatureReader::open(layer.source, layer.layerName, options);
  if (!reader) return fail(reader.error().withContext(layer.name.empty() ? layer.id : layer.name));
  return reader;
}

double numberOf(const vector::AttributeValue& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return double(*i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* s = std::get_if<std::string>(&v)) {
    bool ok = false;
    const double n = QString::fromStdString(*s).toDouble(&ok);
    return ok ? n : 0.0;
  }
  return 0.0;
}

QString area(double value) { return QString::number(value, 'f', 2); }

/// Visits the features of `reader` that pass `filter`, reading `fields` (in the layer's spelling).
/// A layer with ZLDWDM is filtered by the atlas code (a prefix, so that a township code takes
/// its villages); otherwise a feature belongs to the atlas feature when at least half of its area
/// lies inside the outline (lines and points: when they touch it) — the patch goes to the
/// village holding most of it, also where a centroid would fall outside a bent patch.
Status visitFiltered(vector::FeatureReader& reader, const std::vector<std::string>& fields, const TableFilter& filter,
                     Feedback* feedback, const std::function<void(const vector::Feature&)>& visit) {
  vector::ReadOptions options;
  options.fields = fields;
  options.repairInvalid = false;
  const std::string codeField = layerField(reader.layer(), "ZLDWDM");
  const bool codeUsable = !filter.code.empty() && filter.code.find_first_of("%_'\"") == std::string::npos;
  if (codeUsable && !codeField.empty()) {
    options.attributeFilter = "\"" + codeField + "\" LIKE '" + filter.code + "%'";
    auto report = reader.forEach(options, feedback, [&](const vector::Feature& f) {
      visit(f);
      return true;
    });
    if (!report) return fail(report.error());
    return {};
  }
  if (filter.outlineWkb.empty()) {
    auto report = reader.forEach(options, feedback, [&](const vector::Feature& f) {
      visit(f);
      return true;
    });
    if (!report) return fail(report.error());
    return {};
  }
  auto outline = geos::Geometry::fromWkb(filter.outlineWkb);
  if (!outline) return fail(outline.error().withContext("atlas feature outline"));
  options.targetCrs = filter.crs;
  options.filter = filter.outlineExtent;
  options.repairInvalid = true;
  auto report = reader.forEach(options, feedback, [&](const vector::Feature& f) {
    if (f.wkb.empty()) return true;
    auto g = geos::Geometry::fromWkb(f.wkb);
    if (!g || g->isEmpty()) return true;
    bool inside = false;
    if (g->isPolygonal() && g->area() > 0) inside = outline->intersectionArea(*g) >= 0.5 * g->area();
    else inside = outline->intersects(*g);
    if (inside) visit(f);
    return true;
  });
  if (!report) return fail(report.error());
  return {};
}

int typeRank(const std::string& type) {
  static const std::vector<std::string> order{"非农化", "非粮化", "其他"};
  const auto it = std::find(order.begin(), order.end(), type);
  return it == order.end() ? int(order.size()) : int(it - order.begin());
}

int subtypeRank(const std::string& subtype) {
  static const std::vector<std::string> order{"building", "road", "bare", "pond", "orchard_forest", "other"};
  const auto it = std::find(order.begin(), order.end(), subtype);
  return it == order.end() ? int(order.size()) : int(it - order.begin());
}

/// Readable (translated) column headers for the fields change patches and 三调 layers carry.
QString fieldHeader(const std::string& field) {
  static const std::map<std::string, const char*> names{
      {"JCBH", QT_TRANSLATE_NOOP("SheetItems", "Patch no.")},
      {"XZQDM", QT_TRANSLATE_NOOP("SheetItems", "County code")},
      {"ZLDWDM", QT_TRANSLATE_NOOP("SheetItems", "Village code")},
      {"ZLDWMC", QT_TRANSLATE_NOOP("SheetItems", "Village")},
      {"QSX", QT_TRANSLATE_NOOP("SheetItems", "Before date")},
      {"HSX", QT_TRANSLATE_NOOP("SheetItems", "After date")},
      {"QDLBM", QT_TRANSLATE_NOOP("SheetItems", "Land use before")},
      {"HDLBM", QT_TRANSLATE_NOOP("SheetItems", "Land use after")},
      {"BHLX", QT_TRANSLATE_NOOP("SheetItems", "Change type")},
      {"BHZL", QT_TRANSLATE_NOOP("SheetItems", "Sub-type")},
      {"MJ", QT_TRANSLATE_NOOP("SheetItems", "Area (m²)")},
      {"MJ_MU", QT_TRANSLATE_NOOP("SheetItems", "Area (mu)")},
      {"SFYN", QT_TRANSLATE_NOOP("SheetItems", "In basic farmland")},
      {"YNMJ", QT_TRANSLATE_NOOP("SheetItems", "Basic farmland area (m²)")},
      {"SFHX", QT_TRANSLATE_NOOP("SheetItems", "In ecological red line")},
      {"ZXD", QT_TRANSLATE_NOOP("SheetItems", "Confidence")},
      {"HCJG", QT_TRANSLATE_NOOP("SheetItems", "Verification result")},
      {"DLBM", QT_TRANSLATE_NOOP("SheetItems", "Land-use code")},
      {"DLMC", QT_TRANSLATE_NOOP("SheetItems", "Land-use name")},
      {"TBBH", QT_TRANSLATE_NOOP("SheetItems", "Parcel no.")},
      {"TBMJ", QT_TRANSLATE_NOOP("SheetItems", "Parcel area (m²)")},
  };
  const std::string upper = QString::fromStdString(field).toUpper().toStdString();
  if (auto it = names.find(upper); it != names.end()) return QCoreApplication::translate("SheetItems", it->second);
  return QString::fromStdString(field);
}

}  // namespace

QString changeSubtypeName(const std::string& code) {
  if (code == "building") return QCoreApplication::translate("SheetItems", "building / hardened ground");
  if (code == "road") return QCoreApplication::translate("SheetItems", "road");
  if (code == "pond") return QCoreApplication::translate("SheetItems", "pond");
  if (code == "orchard_forest") return QCoreApplication::translate("SheetItems", "orchard / forest");
  if (code == "bare") return QCoreApplication::translate("SheetItems", "bare soil / earth moving");
  if (code == "other") return QCoreApplication::translate("SheetItems", "other change");
  return QString::fromStdString(code);
}

const project::LayerSpec* findChangePatchLayer(const project::Project& project) {
  // Whether a layer file has BHLX, by file identity: an atlas asks on every sheet.
  static std::mutex mutex;
  static std::map<std::string, bool> known;
  for (const auto& layer : project.layers) {
    if (layer.kind != project::LayerKind::Vector) continue;
    std::error_code ec;
    const auto size = std::filesystem::file_size(layer.source, ec);
    const auto time = std::filesystem::last_write_time(layer.source, ec);
    const std::string key = layer.source.string() + '|' + layer.layerName + '|' + std::to_string(ec ? 0 : size) + '|' +
                            std::to_string(ec ? 0 : time.time_since_epoch().count());
    std::optional<bool> has;
    {
      std::lock_guard lock(mutex);
      if (auto it = known.find(key); it != known.end()) has = it->second;
    }
    if (!has) {
      auto reader = openLayer(layer);
      has = reader && !layerField(reader->layer(), "BHLX").empty();
      std::lock_guard lock(mutex);
      if (known.size() > 256) known.clear();
      known[key] = *has;
    }
    if (*has) return &layer;
  }
  return nullptr;
}

Result<ChangeSummary> readChangeSummary(const project::LayerSpec& layer, const TableFilter& filter, Feedback* feedback) {
  auto reader = openLayer(layer);
  if (!reader) return fail(reader.error());
  const auto& info = reader->layer();
  std::vector<std::string> fields;
  for (const char* name : {"BHLX", "BHZL", "MJ", "MJ_MU", "YNMJ"}) fields.push_back(layerField(info, name));
  if (fields[0].empty())
    return fail(ErrorCode::InvalidInput, "the layer has no BHLX field, so it is not a change-patch layer",
                layer.name.empty() ? layer.id : layer.name,
                "choose the change-patch layer in the table's properties, or use an attribute table");
  for (auto& f : fields)
    if (f.empty()) f = "BHLX";  // read something harmless; the value is ignored below
  const bool hasSubtype = !layerField(info, "BHZL").empty(), hasMj = !layerField(info, "MJ").empty();
  const bool hasMu = !layerField(info, "MJ_MU").empty(), hasPbf = !layerField(info, "YNMJ").empty();

  std::map<std::pair<std::string, std::string>, ChangeSummaryRow> groups;
  ChangeSummary summary;
  auto visited = visitFiltered(*reader, fields, filter, feedback, [&](const vector::Feature& f) {
    const std::string type = vector::attributeText(f.attributes[0], 12);
    const std::string subtype = hasSubtype ? vector::attributeText(f.attributes[1], 12) : std::string();
    ChangeSummaryRow& row = groups[{type, subtype}];
    row.type = type;
    row.subtype = subtype;
    const double mj = hasMj ? numberOf(f.attributes[2]) : 0.0;
    const double mu = hasMu ? numberOf(f.attributes[3]) : mj / kSquareMetresPerMu;
    const double pbf = hasPbf ? numberOf(f.attributes[4]) / kSquareMetresPerMu : 0.0;
    for (ChangeSummaryRow* r : {&row, &summary.total}) {
      ++r->count;
      r->areaSquareMetres += mj;
      r->areaMu += mu;
      r->pbfMu += pbf;
    }
  });
  if (!visited) return fail(visited.error().withContext(layer.name.empty() ? layer.id : layer.name));
  for (auto& [key, row] : groups) summary.rows.push_back(row);
  std::stable_sort(summary.rows.begin(), summary.rows.end(), [](const ChangeSummaryRow& a, const ChangeSummaryRow& b) {
    if (typeRank(a.type) != typeRank(b.type)) return typeRank(a.type) < typeRank(b.type);
    if (a.type != b.type) return a.type < b.type;
    if (subtypeRank(a.subtype) != subtypeRank(b.subtype)) return subtypeRank(a.subtype) < subtypeRank(b.subtype);
    return a.subtype < b.subtype;
  });
  return summary;
}

SheetTable summarySheetTable(const ChangeSummary& summary) {
  SheetTable table;
  table.headers = {QCoreApplication::translate("SheetItems", "Change type"),
                   QCoreApplication::translate("SheetItems", "Sub-type"),
                   QCoreApplication::translate("SheetItems", "Patches"),
                   QCoreApplication::translate("SheetItems", "Area (mu)"),
                   QCoreApplication::translate("SheetItems", "Of which basic farmland (mu)")};
  table.numeric = {false, false, true, true, true};
  for (std::size_t i = 0; i < summary.rows.size(); ++i) {
    const ChangeSummaryRow& r = summary.rows[i];
    TableRow row;
    row.cells = {QString::fromStdString(r.type), changeSubtypeName(r.subtype), QString::number(r.count), area(r.areaMu),
                 area(r.pbfMu)};
    if (i > 0 && summary.rows[i - 1].type == r.type) {
      row.leadRows = 0;
    } else {
      std::size_t n = 1;
      while (i + n < summary.rows.size() && summary.rows[i + n].type == r.type) ++n;
      row.leadRows = int(n);
    }
    table.rows.push_back(row);
  }
  if (summary.rows.empty()) {
    TableRow none;
    none.cells = {QCoreApplication::translate("SheetItems", "No change patches"), {}, {}, {}, {}};
    none.leadSpan = 5;
    table.rows.push_back(none);
  }
  TableRow total;
  total.bold = true;
  total.leadSpan = 2;
  total.cells = {QCoreApplication::translate("SheetItems", "Total"), {}, QString::number(summary.total.count),
                 area(summary.total.areaMu), area(summary.total.pbfMu)};
  table.rows.push_back(total);
  table.fixedTailRows = 1;
  return table;
}

Result<SheetTable> readAttributeTable(const project::LayerSpec& layer, const std::vector<std::string>& fields, int maxRows,
                                      const TableFilter& filter, Feedback* feedback) {
  auto reader = openLayer(layer);
  if (!reader) return fail(reader.error());
  const auto& info = reader->layer();
  const std::string layerLabel = layer.name.empty() ? layer.id : layer.name;
  if (fields.empty())
    return fail(ErrorCode::InvalidInput, "the attribute table lists no fields", layerLabel,
                "enter the field names to show, separated by commas (e.g. JCBH,BHLX,MJ_MU)");
  SheetTable table;
  std::vector<std::string> names;
  std::vector<bool> real, subtype;
  for (const auto& wanted : fields) {
    const std::string name = layerField(info, wanted);
    if (name.empty())
      return fail(ErrorCode::InvalidInput, "the layer has no field '" + wanted + "'", layerLabel,
                  "check the table's field list against the layer's fields");
    const vector::FieldInfo* f = fieldInfo(info, name);
    const bool isReal = f && f->type == "Real";
    const bool isInteger = f && (f->type == "Integer" || f->type == "Integer64");
    names.push_back(name);
    real.push_back(isReal);
    subtype.push_back(QString::fromStdString(name).toUpper() == "BHZL");
    table.headers << fieldHeader(name);
    table.numeric.push_back(isReal || isInteger);
  }
  std::int64_t total = 0;
  const std::size_t limit = std::size_t(std::max(0, maxRows));
  auto visited = visitFiltered(*reader, names, filter, feedback, [&](const vector::Feature& f) {
    ++total;
    if (table.rows.size() >= limit) return;
    TableRow row;
    for (std::size_t i = 0; i < names.size(); ++i) {
      const auto& v = f.attributes[i];
      if (std::holds_alternative<std::monostate>(v)) row.cells << QString();
      else if (real[i]) row.cells << area(numberOf(v));
      else if (subtype[i]) row.cells << changeSubtypeName(vector::attributeText(v, 12));
      else row.cells << QString::fromStdString(vector::attributeText(v, 12));
    }
    table.rows.push_back(row);
  });
  if (!visited) return fail(visited.error().withContext(layerLabel));
  const int columns = int(names.size());
  if (total == 0) {
    TableRow none;
    none.cells = QStringList(QCoreApplication::translate("SheetItems", "No features"));
    for (int i = 1; i < columns; ++i) none.cells << QString();
    none.leadSpan = columns;
    table.rows.push_back(none);
  } else if (std::size_t(total) > table.rows.size()) {
    TableRow more;
    more.cells = QStringList(QCoreApplication::translate("SheetItems", "… %1 in all").arg(total));
    for (int i = 1; i < columns; ++i) more.cells << QString();
    more.leadSpan = columns;
    table.rows.push_back(more);
    table.fixedTailRows = 1;
  }
  return table;
}

}  // namespace onemap::sheet
