#include "detail/attribute_values.h"

#include <ogr_feature.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "detail/dataset_open.h"

namespace onemap::vector::detail {
namespace {

// "2024-05-01", "2024-05-01T08:30:00", "08:30:00.5", with "Z" or "+08:00" when the zone is known.
std::string isoDateTime(const OGRFeature& feature, int index, OGRFieldType type) {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  float second = 0.0F;
  int zone = 0;
  if (!feature.GetFieldAsDateTime(index, &year, &month, &day, &hour, &minute, &second, &zone)) return {};
  char buffer[64];
  std::string out;
  if (type != OFTTime) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    out += buffer;
    if (type == OFTDate) return out;
    out += 'T';
  }
  const double whole = std::floor(second);
  if (second - static_cast<float>(whole) > 0.0005F)
    std::snprintf(buffer, sizeof buffer, "%02d:%02d:%06.3f", hour, minute, static_cast<double>(second));
  else
    std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d", hour, minute, static_cast<int>(whole));
  out += buffer;
  if (zone == 100) {
    out += 'Z';
  } else if (zone > 1) {
    const int offset = (zone - 100) * 15;
    std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", offset < 0 ? '-' : '+', std::abs(offset) / 60,
                  std::abs(offset) % 60);
    out += buffer;
  }
  return out;
}

}  // namespace

namespace {

AttributeValue readAttribute(const OGRFeature& feature, const std::string& recodeFrom, int i) {
  if (i < 0 || i >= feature.GetFieldCount() || !feature.IsFieldSetAndNotNull(i)) return std::monostate{};
  const OGRFieldType type = feature.GetFieldDefnRef(i)->GetType();
  switch (type) {
    case OFTInteger:
    case OFTInteger64:
      return static_cast<std::int64_t>(feature.GetFieldAsInteger64(i));
    case OFTReal:
      return feature.GetFieldAsDouble(i);
    case OFTDate:
    case OFTTime:
    case OFTDateTime:
      return isoDateTime(feature, i, type);
    default:
      return toUtf8Text(feature.GetFieldAsString(i), recodeFrom);
  }
}

}  // namespace

std::vector<AttributeValue> readAttributes(const OGRFeature& feature, const std::string& recodeFrom) {
  const int count = feature.GetFieldCount();
  std::vector<AttributeValue> values;
  values.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) values.push_back(readAttribute(feature, recodeFrom, i));
  return values;
}

std::vector<AttributeValue> readAttributes(const OGRFeature& feature, const std::string& recodeFrom,
                                           const std::vector<int>& indices) {
  std::vector<AttributeValue> values;
  values.reserve(indices.size());
  for (const int i : indices) values.push_back(readAttribute(feature, recodeFrom, i));
  return values;
}

}  // namespace onemap::vector::detail
