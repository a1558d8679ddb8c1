#include "onemap/render/field_values.h"

#include <QString>

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <system_error>
#include <tuple>

#include "onemap/vector/feature_reader.h"

namespace onemap::render {
namespace {

std::string upper(std::string text) {
  for (char& c : text) c = char(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

bool naturalLess(const std::string& a, const std::string& b) {
  bool okA = false;
  bool okB = false;
  const double na = QString::fromStdString(a).toDouble(&okA);
  const double nb = QString::fromStdString(b).toDouble(&okB);
  if (okA && okB) return na != nb ? na < nb : a < b;
  if (okA != okB) return okA;
  return a < b;
}

/// Cache key: file identity (path, size, mtime), layer, encoding, field.
using CacheKey = std::tuple<std::string, std::uintmax_t, std::int64_t, std::string, std::string, std::string>;

CacheKey cacheKey(const FieldSource& layer, const std::string& field) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(layer.source, ec);
  const auto time = std::filesystem::last_write_time(layer.source, ec);
  return {layer.source.string(), ec ? 0 : size, ec ? 0 : std::int64_t(time.time_since_epoch().count()),
          layer.layerName, layer.encoding, field};
}

std::mutex& cacheMutex() {
  static std::mutex mutex;
  return mutex;
}

std::map<CacheKey, std::vector<DistinctValue>>& cache() {
  static std::map<CacheKey, std::vector<DistinctValue>> values;
  return values;
}

int fieldIndex(const vector::LayerInfo& info, const std::string& name) {
  for (std::size_t i = 0; i < info.fields.size(); ++i)
    if (info.fields[i].name == name) return int(i);
  return -1;
}

Result<vector::FeatureReader> openLayer(const FieldSource& layer) {
  vector::OpenOptions options;
  options.encoding = layer.encoding;
  return vector::FeatureReader::open(layer.source, layer.layerName, options);
}

Error missingField(const FieldSource& layer, const std::string& field) {
  return Error{ErrorCode::InvalidInput, "the layer has no field '" + field + "'", layer.source.string(),
               "choose one of the layer's fields in the style dialog"};
}

}  // namespace

std::string companionNameField(const std::string& field, const std::vector<std::string>& fields) {
  const std::string key = upper(field);
  if (key.size() < 3) return {};
  const std::string suffix = key.substr(key.size() - 2);
  if (suffix != "BM" && suffix != "DM") return {};
  const std::string wanted = key.substr(0, key.size() - 2) + "MC";
  for (const auto& f : fields)
    if (upper(f) == wanted) return f;
  return {};
}

bool cachedDistinctValues(const FieldSource& layer, const std::string& field, std::vector<DistinctValue>& out) {
  const auto key = cacheKey(layer, field);
  std::lock_guard lock(cacheMutex());
  auto it = cache().find(key);
  if (it == cache().end()) return false;
  out = it->second;
  return true;
}

Result<std::vector<DistinctValue>> readDistinctValues(const FieldSource& layer, const std::string& field,
                                                      Feedback* feedback) {
  std::vector<DistinctValue> cached;
  if (cachedDistinctValues(layer, field, cached)) return cached;
  auto reader = openLayer(layer);
  if (!reader) return fail(reader.error());
  const int column = fieldIndex(reader->layer(), field);
  if (column < 0) return fail(missingField(layer, field));
  std::vector<std::string> names;
  for (const auto& f : reader->layer().fields) names.push_back(f.name);
  const int nameColumn = fieldIndex(reader->layer(), companionNameField(field, names));

  std::map<std::string, DistinctValue> found;
  vector::ReadOptions options;
  options.repairInvalid = false;
  auto result = reader->forEach(options, feedback, [&](const vector::Feature& feature) {
    if (std::size_t(column) >= feature.attributes.size()) return true;
    const std::string value = vector::attributeText(feature.attributes[std::size_t(column)], 10);
    auto [it, inserted] = found.try_emplace(value, DistinctValue{value, {}, 0});
    ++it->second.count;
    if (nameColumn >= 0 && it->second.name.empty() && std::size_t(nameColumn) < feature.attributes.size())
      it->second.name = vector::attributeText(feature.attributes[std::size_t(nameColumn)], 10);
    return true;
  });
  if (!result) return fail(result.error());
  std::vector<DistinctValue> out;
  out.reserve(found.size());
  for (auto& [value, entry] : found) out.push_back(std::move(entry));
  std::stable_sort(out.begin(), out.end(),
                   [](const DistinctValue& a, const DistinctValue& b) { return naturalLess(a.value, b.value); });
  std::lock_guard lock(cacheMutex());
  cache()[cacheKey(layer, field)] = out;
  return out;
}

Result<std::vector<double>> readNumericValues(const FieldSource& layer, const std::string& field,
                                              Feedback* feedback) {
  auto reader = openLayer(layer);
  if (!reader) return fail(reader.error());
  const int column = fieldIndex(reader->layer(), field);
  if (column < 0) return fail(missingField(layer, field));
  std::vector<double> values;
  values.reserve(std::size_t(std::max<std::int64_t>(0, reader->layer().featureCount)));
  vector::ReadOptions options;
  options.repairInvalid = false;
  auto result = reader->forEach(options, feedback, [&](const vector::Feature& feature) {
    if (std::size_t(column) >= feature.attributes.size()) return true;
    const auto& value = feature.attributes[std::size_t(column)];
    if (const auto* i = std::get_if<std::int64_t>(&value)) values.push_back(double(*i));
    else if (const auto* d = std::get_if<double>(&value)) values.push_back(*d);
    else if (const auto* text = std::get_if<std::string>(&value)) {
      bool ok = false;
      const double v = QString::fromStdString(*text).toDouble(&ok);
      if (ok) values.push_back(v);
    }
    return true;
  });
  if (!result) return fail(result.error());
  return values;
}

}  // namespace onemap::render
