#include "onemap/sheet/legend_content.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>

#include "onemap/geos/geometry.h"
#include "onemap/project/project.h"
#include "onemap/render/field_values.h"
#include "onemap/render/vector_style.h"
#include "onemap/sheet/map_layers.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::sheet {
namespace {

bool naturalLess(const std::string& a, const std::string& b) {
  bool okA = false, okB = false;
  const double na = QString::fromStdString(a).toDouble(&okA);
  const double nb = QString::fromStdString(b).toDouble(&okB);
  if (okA && okB) return na != nb ? na < nb : a < b;
  if (okA != okB) return okA;
  return a < b;
}

render::LegendData::Geometry geometryKind(const std::string& ogrType) {
  if (ogrType.find("Polygon") != std::string::npos || ogrType.find("Surface") != std::string::npos)
    return render::LegendData::Geometry::Polygon;
  if (ogrType.find("Line") != std::string::npos || ogrType.find("Curve") != std::string::npos)
    return render::LegendData::Geometry::Line;
  if (ogrType.find("Point") != std::string::npos) return render::LegendData::Geometry::Point;
  return render::LegendData::Geometry::Unknown;
}

std::string fieldNamed(const vector::LayerInfo& info, const std::string& name) {
  for (const auto& f : info.fields)
    if (f.name == name) return f.name;
  for (const auto& f : info.fields)
    if (QString::fromStdString(f.name).compare(QString::fromStdString(name), Qt::CaseInsensitive) == 0) return f.name;
  return {};
}

/// What of a layer lies in a legend area: the keys found (category values, or class indices for
/// graduated styles; one empty key for "any feature") with a name each.
struct AreaContent {
  render::LegendData::Geometry geometry = render::LegendData::Geometry::Unknown;
  std::map<std::string, std::string> keys;  ///< key → companion name (DLBM → DLMC)
};

std::string fileIdentity(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  const auto time = std::filesystem::last_write_time(path, ec);
  std::ostringstream out;
  out << path.string() << '|' << (ec ? 0 : size) << '|' << (ec ? 0 : time.time_since_epoch().count());
  return out.str();
}

std::string areaKey(const LegendArea& area) {
  std::ostringstream out;
  out.precision(12);
  out << area.crs;
  for (const QPointF& p : area.corners) out << '|' << p.x() << ',' << p.y();
  return out.str();
}

std::string polygonWkt(const std::vector<QPointF>& corners) {
  std::ostringstream out;
  out.precision(15);
  out << "POLYGON((";
  for (std::size_t i = 0; i <= corners.size(); ++i) {
    const QPointF& p = corners[i % corners.size()];
    out << (i ? "," : "") << p.x() << ' ' << p.y();
  }
  out << "))";
  return out.str();
}

/// Reads which keys the features in `area` have. `keyOf` turns the field's value into a key
/// (empty optional: the feature counts for nothing). A feature counts only when its geometry
/// meets the area (not just its bounding box), and only features with a key not found yet are
/// tested, so a village extent of a county layer costs a few thousand cheap reads.
Result<AreaContent> readAreaContent(const project::LayerSpec& layer, const std::string& field,
                                    const std::function<std::optional<std::string>(const vector::AttributeValue&)>& keyOf,
                                    const std::string& cacheTag, const LegendArea& area, Feedback* feedback) {
  static std::mutex mutex;
  static std::map<std::string, AreaContent> cache;
  const std::string key = fileIdentity(layer.source) + '|' + layer.layerName + '|' + layer.encoding + '|' + field + '|' +
                          cacheTag + '|' + areaKey(area);
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  vector::OpenOptions openOptions;
  openOptions.encoding = layer.encoding;
  auto reader = vector::FeatureReader::open(layer.source, layer.layerName, openOptions);
  if (!reader) return fail(reader.error());
  AreaContent content;
  content.geometry = geometryKind(reader->layer().geometryType);
  vector::ReadOptions options;
  options.targetCrs = area.crs;
  options.filter = area.bbox;
  options.repairInvalid = false;
  std::vector<std::string> fields;
  std::string nameField;
  if (!field.empty()) {
    const std::string actual = fieldNamed(reader->layer(), field);
    if (actual.empty())
      return fail(ErrorCode::InvalidInput, "the layer has no field '" + field + "'", layer.source.string(),
                  "fix the layer's style (category or class field)");
    fields.push_back(actual);
    std::vector<std::string> names;
    for (const auto& f : reader->layer().fields) names.push_back(f.name);
    nameField = render::companionNameField(actual, names);
    if (!nameField.empty()) fields.push_back(nameField);
  }
  options.fields = fields;
  auto frame = geos::Geometry::fromWkt(polygonWkt(area.corners));
  if (!frame) return fail(frame.error());
  auto report = reader->forEach(options, feedback, [&](const vector::Feature& f) {
    std::string k;
    if (!field.empty()) {
      const auto found = keyOf(f.attributes[0]);
      if (!found) return true;
      k = *found;
    }
    if (content.keys.contains(k)) return true;
    if (f.wkb.empty()) return true;
    auto g = geos::Geometry::fromWkb(f.wkb);
    if (!g || !frame->intersects(*g)) return true;
    content.keys[k] = nameField.empty() ? std::string() : vector::attributeText(f.attributes[1], 10);
    return !field.empty();  // "any feature": the first one settles it
  });
  if (!report) return fail(report.error());
  std::lock_guard lock(mutex);
  if (cache.size() > 512) cache.clear();
  cache[key] = content;
  return content;
}

/// The index of the graduated class `value` falls in (the last class includes its upper bound).
std::optional<std::string> classOf(const render::VectorStyle& style, const vector::AttributeValue& value) {
  double v = 0.0;
  if (const auto* i = std::get_if<std::int64_t>(&value)) v = double(*i);
  else if (const auto* d = std::get_if<double>(&value)) v = *d;
  else if (const auto* s = std::get_if<std::string>(&value)) {
    bool ok = false;
    v = QString::fromStdString(*s).toDouble(&ok);
    if (!ok) return std::nullopt;
  } else {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < style.classes.size(); ++i) {
    const auto& c = style.classes[i];
    const bool last = i + 1 == style.classes.size();
    if (v >= c.lower && (v < c.upper || (last && v <= c.upper))) return std::to_string(i);
  }
  return std::nullopt;
}

/// Raster legend data per file: band roles do not change while the file does not.
Result<render::LegendData> rasterLegendData(const project::LayerSpec& layer, Feedback* feedback) {
  static std::mutex mutex;
  static std::map<std::string, render::LegendData> cache;
  std::ostringstream styleKey;
  for (const auto& [k, v] : layer.style) styleKey << k << '=' << v << ';';
  const std::string key = fileIdentity(layer.source) + '|' + styleKey.str();
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  auto data = render::readLegendData(layer, feedback);
  if (!data) return fail(data.error());
  std::lock_guard lock(mutex);
  if (cache.size() > 64) cache.clear();
  cache[key] = *data;
  return *data;
}

/// A printed sheet names an RGB image once, by its layer name ("影像：2024-05-18 GF-1"): the
/// band-to-channel lines of the layer tree mean nothing to a reader of the paper. Ramps (grey,
/// pseudo-colour NDVI) stay as they are: their range is the legend.
std::vector<render::LegendEntry> sheetRasterEntries(const project::LayerSpec& layer,
                                                    std::vector<render::LegendEntry> entries) {
  const bool rgb = entries.size() == 3 && std::all_of(entries.begin(), entries.end(), [](const render::LegendEntry& e) {
                     return e.symbol == render::LegendEntry::Symbol::Raster;
                   });
  if (!rgb) return entries;
  render::LegendEntry image;
  image.symbol = render::LegendEntry::Symbol::Raster;
  image.fill = QColor(112, 138, 96);  // the tone of cropland on a true-colour image
  image.label = QCoreApplication::translate("SheetItems", "Image: %1").arg(QString::fromStdString(layer.name));
  return {image};
}

std::vector<render::LegendEntry> entriesOf(const project::LayerSpec& layer, const LegendArea* area, Feedback* feedback,
                                           QStringList* problems) {
  auto problem = [&](const Error& e) {
    if (problems) *problems << QString::fromStdString(e.withContext(layer.name).text());
  };
  if (layer.kind == project::LayerKind::Raster) {
    if (area) {
      const auto extent = layersExtent({&layer}, area->crs);
      if (extent && !extent->intersects(area->bbox)) return {};
    }
    auto data = rasterLegendData(layer, feedback);
    if (!data) problem(data.error());
    return sheetRasterEntries(layer, render::legendEntries(layer, data ? &*data : nullptr));
  }
  const render::VectorStyle style = render::VectorStyle::fromProperties(layer.style);
  if (!area) {
    auto data = render::readLegendData(layer, feedback);
    if (!data) problem(data.error());
    return render::legendEntries(layer, data ? &*data : nullptr);
  }
  using Mode = render::VectorStyle::Mode;
  if (style.mode == Mode::Categorized && !style.categoryField.empty()) {
    auto content = readAreaContent(
        layer, style.categoryField, [](const vector::AttributeValue& v) { return std::optional<std::string>(vector::attributeText(v, 10)); },
        "categories", *area, feedback);
    if (!content) {
      problem(content.error());
      return render::legendEntries(layer, nullptr);
    }
    render::LegendData data;
    data.geometry = content->geometry;
    for (const auto& [value, name] : content->keys) data.categories.push_back({value, name, 1});
    std::stable_sort(data.categories.begin(), data.categories.end(),
                     [](const render::DistinctValue& a, const render::DistinctValue& b) { return naturalLess(a.value, b.value); });
    if (data.categories.empty()) return {};
    return render::legendEntries(layer, &data);
  }
  const bool graduated = style.mode == Mode::Graduated && !style.classField.empty();
  std::ostringstream classesTag;
  for (const auto& c : style.classes) classesTag << c.lower << ',' << c.upper << ';';
  auto content = readAreaContent(
      layer, graduated ? style.classField : std::string(),
      [&style](const vector::AttributeValue& v) { return classOf(style, v); },
      graduated ? "classes:" + classesTag.str() : "any", *area, feedback);
  if (!content) {
    problem(content.error());
    return render::legendEntries(layer, nullptr);
  }
  if (content->keys.empty()) return {};
  render::LegendData data;
  data.geometry = content->geometry;
  std::vector<render::LegendEntry> entries = render::legendEntries(layer, &data);
  if (graduated)
    std::erase_if(entries, [&](const render::LegendEntry& e) { return !content->keys.contains(e.value); });
  return entries;
}

}  // namespace

std::vector<LegendLine> legendLines(const std::vector<const project::LayerSpec*>& layers, const LegendArea* area,
                                    Feedback* feedback, QStringList* problems) {
  std::vector<LegendLine> lines;
  for (const project::LayerSpec* layer : layers) {
    if (!layer) continue;
    double strokeMm = 0.26;
    if (layer->kind == project::LayerKind::Vector)
      strokeMm = render::VectorStyle::fromProperties(layer->style).strokeWidth * 25.4 / 96.0;
    for (auto& entry : entriesOf(*layer, area, feedback, problems))
      lines.push_back(LegendLine{layer->id, std::move(entry), strokeMm});
  }
  return lines;
}

}  // namespace onemap::sheet
