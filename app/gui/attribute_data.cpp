#include "onemap/gui/attribute_data.h"

#include <QCollator>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <span>
#include <unordered_map>

#include "onemap/vector/feature_reader.h"

namespace onemap::gui {
namespace {

/// Reads the envelope of ISO/extended WKB without building a geometry.
class WkbEnvelope {
 public:
  explicit WkbEnvelope(std::span<const unsigned char> wkb) : m_p(wkb.data()), m_end(wkb.data() + wkb.size()) {}
  bool read(Extent& out) { return geometry(out, 0); }

 private:
  bool take(void* target, std::size_t size) {
    if (std::size_t(m_end - m_p) < size) return false;
    std::memcpy(target, m_p, size);
    m_p += size;
    return true;
  }
  bool u32(std::uint32_t& v, bool little) {
    unsigned char b[4];
    if (!take(b, 4)) return false;
    v = little ? (std::uint32_t(b[0]) | std::uint32_t(b[1]) << 8 | std::uint32_t(b[2]) << 16 | std::uint32_t(b[3]) << 24)
               : (std::uint32_t(b[3]) | std::uint32_t(b[2]) << 8 | std::uint32_t(b[1]) << 16 | std::uint32_t(b[0]) << 24);
    return true;
  }
  bool f64(double& v, bool little) {
    unsigned char b[8];
    if (!take(b, 8)) return false;
    if (!little) std::reverse(b, b + 8);
    std::memcpy(&v, b, 8);  // hosts are little-endian (x86, ARM)
    return true;
  }
  bool points(std::uint32_t count, int dims, bool little, Extent& out) {
    if (std::size_t(m_end - m_p) < std::size_t(count) * std::size_t(dims) * 8) return false;
    for (std::uint32_t i = 0; i < count; ++i) {
      double c[4] = {0, 0, 0, 0};
      for (int d = 0; d < dims; ++d)
        if (!f64(c[d], little)) return false;
      if (!std::isnan(c[0]) && !std::isnan(c[1])) out.include(c[0], c[1]);
    }
    return true;
  }
  bool geometry(Extent& out, int depth) {
    if (depth > 32) return false;
    unsigned char order = 0;
    if (!take(&order, 1)) return false;
    const bool little = order == 1;
    std::uint32_t type = 0;
    if (!u32(type, little)) return false;
    const bool ewkbZ = type & 0x80000000u;
    const bool ewkbM = type & 0x40000000u;
    if (type & 0x20000000u) {  // EWKB SRID
      std::uint32_t srid = 0;
      if (!u32(srid, little)) return false;
    }
    type &= 0x0FFFFFFFu;
    const std::uint32_t base = type % 1000;
    const std::uint32_t flavour = type / 1000;
    const int dims = 2 + ((flavour == 1 || flavour == 3 || ewkbZ) ? 1 : 0) + ((flavour == 2 || flavour == 3 || ewkbM) ? 1 : 0);
    std::uint32_t n = 0;
    switch (base) {
      case 1: return points(1, dims, little, out);
      case 2: return u32(n, little) && points(n, dims, little, out);
      case 3: {
        if (!u32(n, little)) return false;
        for (std::uint32_t r = 0; r < n; ++r) {
          std::uint32_t count = 0;
          if (!u32(count, little) || !points(count, dims, little, out)) return false;
        }
        return true;
      }
      case 4: case 5: case 6: case 7: {
        if (!u32(n, little)) return false;
        for (std::uint32_t g = 0; g < n; ++g)
          if (!geometry(out, depth + 1)) return false;
        return true;
      }
      default: return false;
    }
  }
  const unsigned char* m_p;
  const unsigned char* m_end;
};

AttributeColumn::Kind kindOf(const std::string& ogrType) {
  if (ogrType == "Integer" || ogrType == "Integer64") return AttributeColumn::Kind::Integer;
  if (ogrType == "Real") return AttributeColumn::Kind::Real;
  return AttributeColumn::Kind::Text;
}

std::optional<double> asNumber(const QString& text) {
  bool ok = false;
  const double v = text.trimmed().toDouble(&ok);
  if (!ok || !std::isfinite(v)) return std::nullopt;
  return v;
}

/// Per text column while loading: distinct UTF-8 values → dictionary index.
struct TextBuilder {
  std::unordered_map<std::string, std::uint32_t> index;
  std::vector<std::string> values{std::string()};  // 0 = NULL
  std::uint32_t add(const std::string& value) {
    auto [it, inserted] = index.try_emplace(value, std::uint32_t(values.size()));
    if (inserted) values.push_back(value);
    return it->second;
  }
};

void rankDictionary(AttributeColumn& column) {
  const auto& dict = column.dictionary;
  std::vector<std::optional<double>> numbers(dict.size());
  for (std::size_t i = 1; i < dict.size(); ++i) numbers[i] = asNumber(dict[i]);
  QCollator collator;
  collator.setNumericMode(true);
  collator.setCaseSensitivity(Qt::CaseInsensitive);
  std::vector<std::uint32_t> order(dict.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin() + (order.empty() ? 0 : 1), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const auto& na = numbers[a];
    const auto& nb = numbers[b];
    if (na && nb && *na != *nb) return *na < *nb;
    if (bool(na) != bool(nb)) return bool(na);  // numbers before words
    const int c = collator.compare(dict[a], dict[b]);
    return c != 0 ? c < 0 : a < b;
  });
  column.ranks.assign(dict.size(), 0);
  for (std::size_t r = 0; r < order.size(); ++r) column.ranks[order[r]] = std::uint32_t(r);
}

int compareNumbers(double a, double b) { return a < b ? -1 : (a > b ? 1 : 0); }

QString unquote(QString value) {
  value = value.trimmed();
  static const QString quotes = QStringLiteral("'\"\u2018\u2019\u201C\u201D");
  if (value.size() >= 2 && quotes.contains(value.front()) && quotes.contains(value.back()))
    value = value.mid(1, value.size() - 2);
  return value;
}

}  // namespace

bool AttributeColumn::isNull(std::size_t row) const {
  if (kind == Kind::Text) return texts[row] == 0;
  return !nulls.empty() && nulls[row] != 0;
}

QString AttributeColumn::text(std::size_t row) const {
  if (isNull(row)) return {};
  switch (kind) {
    case Kind::Integer: return QString::number(integers[row]);
    case Kind::Real: {
      if (precision > 0) return QString::number(reals[row], 'f', std::min(precision, 6));
      // Unknown precision: up to 4 decimals, without trailing zeros (3664.6587, 30, 0.5).
      QString text = QString::number(reals[row], 'f', 4);
      while (text.endsWith(QLatin1Char('0'))) text.chop(1);
      if (text.endsWith(QLatin1Char('.'))) text.chop(1);
      return text == QLatin1String("-0") ? QStringLiteral("0") : text;
    }
    case Kind::Text: return dictionary[texts[row]];
  }
  return {};
}

Result<std::shared_ptr<const AttributeData>> loadAttributeData(const project::LayerSpec& layer,
                                                               const std::string& mapCrs, Feedback feedback) {
  vector::OpenOptions open;
  open.encoding = layer.encoding;
  auto reader = vector::FeatureReader::open(layer.source, layer.layerName, open);
  if (!reader) return fail(reader.error());
  auto data = std::make_shared<AttributeData>();
  data->layerId = layer.id;
  const auto& fields = reader->layer().fields;
  std::vector<TextBuilder> builders(fields.size());
  for (const auto& f : fields) {
    AttributeColumn column;
    column.name = QString::fromStdString(f.name);
    column.kind = kindOf(f.type);
    column.precision = column.kind == AttributeColumn::Kind::Real ? std::clamp(f.precision, 0, 10) : 0;
    data->columns.push_back(std::move(column));
  }
  const auto expected = std::size_t(std::max<std::int64_t>(0, reader->layer().featureCount));
  data->fids.reserve(expected);
  data->extents.reserve(expected);
  vector::ReadOptions options;
  options.targetCrs = mapCrs;
  options.repairInvalid = false;
  auto read = reader->forEach(options, &feedback, [&](const vector::Feature& feature) {
    const std::size_t row = data->fids.size();
    data->fids.push_back(feature.fid);
    Extent extent;
    if (!feature.wkb.empty()) WkbEnvelope(feature.wkb).read(extent);
    data->extents.push_back(extent);
    for (std::size_t c = 0; c < data->columns.size(); ++c) {
      AttributeColumn& column = data->columns[c];
      static const vector::AttributeValue kNull;
      const vector::AttributeValue& value = c < feature.attributes.size() ? feature.attributes[c] : kNull;
      const bool null = std::holds_alternative<std::monostate>(value);
      switch (column.kind) {
        case AttributeColumn::Kind::Integer:
        case AttributeColumn::Kind::Real: {
          double number = 0.0;
          bool valid = !null;
          if (const auto* i = std::get_if<std::int64_t>(&value)) number = double(*i);
          else if (const auto* d = std::get_if<double>(&value)) number = *d;
          else if (const auto* s = std::get_if<std::string>(&value)) {
            char* end = nullptr;
            number = std::strtod(s->c_str(), &end);
            valid = end != s->c_str();
          }
          if (column.kind == AttributeColumn::Kind::Integer) {
            const auto* i = std::get_if<std::int64_t>(&value);
            column.integers.push_back(i ? *i : std::int64_t(std::llround(valid ? number : 0.0)));
          } else {
            column.reals.push_back(valid ? number : 0.0);
          }
          if (!valid) {
            if (column.nulls.empty()) column.nulls.assign(row, 0);
            column.nulls.push_back(1);
          } else if (!column.nulls.empty()) {
            column.nulls.push_back(0);
          }
          break;
        }
        case AttributeColumn::Kind::Text:
          column.texts.push_back(null ? 0u : builders[c].add(vector::attributeText(value, 15)));
          break;
      }
    }
    return true;
  });
  if (!read) return fail(read.error());
  for (std::size_t c = 0; c < data->columns.size(); ++c) {
    AttributeColumn& column = data->columns[c];
    if (column.kind != AttributeColumn::Kind::Text) continue;
    column.dictionary.reserve(builders[c].values.size());
    for (const auto& v : builders[c].values) column.dictionary.push_back(QString::fromStdString(v));
    builders[c] = TextBuilder();
    rankDictionary(column);
  }
  data->rowByFid.reserve(data->fids.size());
  for (std::size_t r = 0; r < data->fids.size(); ++r) data->rowByFid.emplace_back(data->fids[r], int(r));
  std::sort(data->rowByFid.begin(), data->rowByFid.end());
  return std::shared_ptr<const AttributeData>(std::move(data));
}

bool AttributeData::lessThan(int columnIndex, int rowA, int rowB) const {
  const AttributeColumn& column = columns[std::size_t(columnIndex)];
  const auto a = std::size_t(rowA);
  const auto b = std::size_t(rowB);
  const bool nullA = column.isNull(a);
  const bool nullB = column.isNull(b);
  if (nullA || nullB) return nullA && !nullB;
  switch (column.kind) {
    case AttributeColumn::Kind::Integer: return column.integers[a] < column.integers[b];
    case AttributeColumn::Kind::Real: return column.reals[a] < column.reals[b];
    case AttributeColumn::Kind::Text: return column.ranks[column.texts[a]] < column.ranks[column.texts[b]];
  }
  return false;
}

namespace {

std::optional<AttributeFilter::Op> parseOp(const QString& op) {
  using Op = AttributeFilter::Op;
  if (op == QLatin1String("=") || op == QLatin1String("==")) return Op::Eq;
  if (op == QLatin1String("!=") || op == QLatin1String("<>")) return Op::Ne;
  if (op == QLatin1String(">")) return Op::Gt;
  if (op == QLatin1String(">=")) return Op::Ge;
  if (op == QLatin1String("<")) return Op::Lt;
  if (op == QLatin1String("<=")) return Op::Le;
  return std::nullopt;
}

/// Applies `op` to the result of a three-way comparison.
bool holds(int comparison, AttributeFilter::Op op) {
  using Op = AttributeFilter::Op;
  switch (op) {
    case Op::Eq: return comparison == 0;
    case Op::Ne: return comparison != 0;
    case Op::Gt: return comparison > 0;
    case Op::Ge: return comparison >= 0;
    case Op::Lt: return comparison < 0;
    case Op::Le: return comparison <= 0;
  }
  return false;
}

/// 1 for each row that passes `filter` (empty = every row).
std::vector<std::uint8_t> filterMask(const AttributeData& data, const AttributeFilter& filter) {
  const std::size_t rows = data.rowCount();
  std::vector<std::uint8_t> mask;
  if (filter.kind == AttributeFilter::Kind::All) return mask;
  mask.assign(rows, 0);
  if (filter.kind == AttributeFilter::Kind::Compare) {
    const AttributeColumn& column = data.columns[std::size_t(filter.column)];
    const double number = filter.number.value_or(0.0);
    if (column.kind == AttributeColumn::Kind::Text) {
      std::vector<std::uint8_t> matches(column.dictionary.size(), 0);
      for (std::size_t i = 1; i < column.dictionary.size(); ++i) {
        const QString& entry = column.dictionary[i];
        // Both sides numbers: compare by value.
        bool bothNumbers = false;
        double entryValue = 0.0;
        if (filter.number) {
          bool ok = false;
          entryValue = entry.trimmed().toDouble(&ok);
          bothNumbers = ok && std::isfinite(entryValue);
        }
        int comparison = 0;
        if (filter.op == AttributeFilter::Op::Eq || filter.op == AttributeFilter::Op::Ne)
          comparison = entry == filter.value || (bothNumbers && entryValue == number) ? 0 : 1;
        else
          comparison = bothNumbers ? compareNumbers(entryValue, number) : entry.compare(filter.value);
        matches[i] = holds(comparison, filter.op) ? 1 : 0;
      }
      for (std::size_t r = 0; r < rows; ++r) mask[r] = matches[column.texts[r]];
    } else {
      for (std::size_t r = 0; r < rows; ++r) {
        if (column.isNull(r)) continue;
        const double v = column.kind == AttributeColumn::Kind::Integer ? double(column.integers[r]) : column.reals[r];
        mask[r] = holds(compareNumbers(v, number), filter.op) ? 1 : 0;
      }
    }
    return mask;
  }
  // Contains: any field holding the text.
  static const QRegularExpression numeric(QStringLiteral("^[0-9.eE+-]+$"));
  const bool couldBeNumber = numeric.match(filter.value).hasMatch();
  for (const auto& column : data.columns) {
    if (column.kind == AttributeColumn::Kind::Text) {
      std::vector<std::uint8_t> matches(column.dictionary.size(), 0);
      for (std::size_t i = 1; i < column.dictionary.size(); ++i)
        matches[i] = column.dictionary[i].contains(filter.value, Qt::CaseInsensitive) ? 1 : 0;
      for (std::size_t r = 0; r < rows; ++r) mask[r] |= matches[column.texts[r]];
    } else if (couldBeNumber) {
      for (std::size_t r = 0; r < rows; ++r)
        if (!mask[r] && !column.isNull(r) && column.text(r).contains(filter.value)) mask[r] = 1;
    }
  }
  return mask;
}

}  // namespace

AttributeFilter parseAttributeFilter(const AttributeData& data, const QString& input, QString* error) {
  AttributeFilter filter;
  const QString text = input.trimmed();
  if (text.isEmpty()) return filter;
  static const QRegularExpression expression(
      QStringLiteral("^\\s*[\"\u201C]?([^\\s=<>!\"\u201C\u201D]+)[\"\u201D]?\\s*(==|=|!=|<>|>=|<=|>|<)\\s*(.*?)\\s*$"));
  const auto match = expression.match(text);
  if (!match.hasMatch()) {
    filter.kind = AttributeFilter::Kind::Contains;
    filter.value = text;
    return filter;
  }
  const QString fieldName = match.captured(1);
  QStringList names;
  int column = -1;
  for (int c = 0; c < int(data.columns.size()); ++c) {
    names << data.columns[std::size_t(c)].name;
    if (data.columns[std::size_t(c)].name.compare(fieldName, Qt::CaseInsensitive) == 0) column = c;
  }
  const QString value = unquote(match.captured(3));
  const std::optional<double> number = asNumber(value);
  if (column < 0) {
    if (error)
      *error = QCoreApplication::translate("AttributeTableModel", "No field named “%1” in this layer. Fields: %2")
                   .arg(fieldName, names.join(QStringLiteral(", ")));
    return {};
  }
  if (data.columns[std::size_t(column)].kind != AttributeColumn::Kind::Text && !number) {
    if (error)
      *error = QCoreApplication::translate("AttributeTableModel", "“%1” is not a number, but %2 is a numeric field.")
                   .arg(value, data.columns[std::size_t(column)].name);
    return {};
  }
  filter.kind = AttributeFilter::Kind::Compare;
  filter.column = column;
  filter.op = *parseOp(match.captured(2));
  filter.value = value;
  filter.number = number;
  return filter;
}

std::vector<int> orderedRows(const AttributeData& data, const AttributeFilter& filter, int sortColumn,
                             bool descending) {
  const std::vector<std::uint8_t> mask = filterMask(data, filter);
  std::vector<int> rows;
  rows.reserve(data.rowCount());
  for (std::size_t r = 0; r < data.rowCount(); ++r)
    if (mask.empty() || mask[r]) rows.push_back(int(r));
  if (sortColumn >= 0 && sortColumn < int(data.columns.size())) {
    if (descending)
      std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) { return data.lessThan(sortColumn, b, a); });
    else
      std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) { return data.lessThan(sortColumn, a, b); });
  }
  return rows;
}

}  // namespace onemap::gui
