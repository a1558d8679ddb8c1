#include "onemap/proj/crs_description.h"

#include <cstdlib>
#include <string>

#include "onemap/proj/proj_context.h"

namespace onemap::proj {

using detail::PjListPtr;
using detail::PjPtr;

namespace {

constexpr int kMinIdentifyConfidence = 70;
constexpr int kSureIdentifyConfidence = 90;
constexpr int kChinaDatumEpsg = 1043;  // EPSG datum "China 2000"

std::string safe(const char* text) { return text != nullptr ? std::string(text) : std::string(); }

/// The EPSG code PROJ attaches to the object itself, 0 when it has none.
int ownEpsgCode(const PJ* object) {
  for (int index = 0;; ++index) {
    const char* authority = proj_get_id_auth_name(object, index);
    if (authority == nullptr) return 0;
    if (std::string_view(authority) == "EPSG") {
      const char* code = proj_get_id_code(object, index);
      return code != nullptr ? std::atoi(code) : 0;
    }
  }
}

/// The EPSG CRS the database matches best: confident, or the only reasonable match.
int identifiedEpsgCode(PJ_CONTEXT* context, const PJ* crs) {
  int* confidences = nullptr;
  PjListPtr matches(proj_identify(context, crs, "EPSG", nullptr, &confidences));
  if (!matches) {
    proj_int_list_destroy(confidences);
    return 0;
  }
  int best = 0;
  int bestConfidence = 0;
  int plausible = 0;
  const int count = proj_list_get_count(matches.get());
  for (int index = 0; index < count; ++index) {
    const int confidence = confidences != nullptr ? confidences[index] : 0;
    if (confidence >= kMinIdentifyConfidence) ++plausible;
    if (confidence > bestConfidence) {
      PjPtr candidate(proj_list_get(context, matches.get(), index));
      const int code = candidate ? ownEpsgCode(candidate.get()) : 0;
      if (code != 0) {
        best = code;
        bestConfidence = confidence;
      }
    }
  }
  proj_int_list_destroy(confidences);
  if (bestConfidence >= kSureIdentifyConfidence) return best;
  if (bestConfidence >= kMinIdentifyConfidence && plausible == 1) return best;
  return 0;
}

std::vector<AxisInfo> axesOf(PJ_CONTEXT* context, const PJ* crs) {
  std::vector<AxisInfo> axes;
  PjPtr cs(proj_crs_get_coordinate_system(context, crs));
  if (!cs) return axes;
  const int count = proj_cs_get_axis_count(context, cs.get());
  for (int index = 0; index < count; ++index) {
    const char* name = nullptr;
    const char* direction = nullptr;
    const char* unit = nullptr;
    if (proj_cs_get_axis_info(context, cs.get(), index, &name, nullptr, &direction, nullptr, &unit,
                              nullptr, nullptr) == 0) {
      continue;
    }
    axes.push_back(AxisInfo{safe(name), safe(direction), safe(unit)});
  }
  return axes;
}

bool containsAny(std::string_view text, std::initializer_list<std::string_view> needles) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (std::string_view needle : needles) {
    if (lower.find(needle) != std::string::npos) return true;
  }
  return false;
}

bool usesChinaDatum(PJ_CONTEXT* context, const PJ* crs) {
  PjPtr datum(proj_crs_get_datum_forced(context, crs));
  if (!datum) return false;
  if (ownEpsgCode(datum.get()) == kChinaDatumEpsg) return true;
  return containsAny(safe(proj_get_name(datum.get())),
                     {"china 2000", "china_2000", "cgcs2000", "cgcs_2000"});
}

std::string twoDigits(int value) {
  return (value < 10 ? "0" : "") + std::to_string(value);
}

std::string chineseName(int epsg, const std::string& englishName) {
  if (auto names = cgcs2000Names(epsg)) return names->first;
  if (epsg == 4326) return "WGS 84 地理坐标系";
  if (epsg == 3857) return "Web 墨卡托 (WGS 84 / Pseudo-Mercator)";
  if (epsg >= 32601 && epsg <= 32660) {
    return "WGS 84 / UTM 第" + twoDigits(epsg - 32600) + "带 北半球";
  }
  if (epsg >= 32701 && epsg <= 32760) {
    return "WGS 84 / UTM 第" + twoDigits(epsg - 32700) + "带 南半球";
  }
  return englishName;
}

bool isNorthFirst(const std::vector<AxisInfo>& axes) {
  return !axes.empty() && (axes.front().direction == "north" || axes.front().direction == "south");
}

}  // namespace

std::string CrsDescription::axisOrderText() const {
  const std::string authority = epsg != 0 ? "EPSG" : "Definition";
  if (authorityAxes.size() < 2) {
    return authority + " axis order: unknown; OneMap uses x = easting/longitude, "
                       "y = northing/latitude (traditional GIS order)";
  }
  if (authorityOrderIsNorthingFirst) {
    return isGeographic ? authority + " axis order: latitude, longitude; OneMap uses longitude, "
                                      "latitude (traditional GIS order)"
                        : authority + " axis order: northing, easting; OneMap uses easting, "
                                      "northing (traditional GIS order)";
  }
  return isGeographic ? authority + " axis order: longitude, latitude, the same as OneMap "
                                    "(traditional GIS order)"
                      : authority + " axis order: easting, northing, the same as OneMap "
                                    "(traditional GIS order)";
}

std::string CrsDescription::axisOrderTextZh() const {
  const std::string authority = epsg != 0 ? "EPSG " : "定义中的";
  if (authorityAxes.size() < 2) {
    return authority + "轴顺序未知；OneMap 使用 x = 东坐标/经度, y = 北坐标/纬度（传统 GIS 顺序）";
  }
  if (authorityOrderIsNorthingFirst) {
    return isGeographic ? authority + "轴顺序：纬度, 经度；OneMap 使用 经度, 纬度（传统 GIS 顺序）"
                        : authority +
                              "轴顺序：北坐标, 东坐标；OneMap 使用 东坐标, 北坐标（传统 GIS 顺序）";
  }
  return isGeographic ? authority + "轴顺序：经度, 纬度，与 OneMap 相同（传统 GIS 顺序）"
                      : authority + "轴顺序：东坐标, 北坐标，与 OneMap 相同（传统 GIS 顺序）";
}

Result<CrsDescription> describeCrs(std::string_view definition) {
  Result<PjPtr> crs = detail::createCrs(definition);
  if (!crs) return fail(crs.error());
  PJ_CONTEXT* context = detail::threadContext();
  PjPtr horizontal = detail::horizontalCrs(crs->get());
  if (!horizontal) {
    return fail(ErrorCode::InvalidInput, "the CRS has no horizontal part PROJ can read",
                detail::shortDefinition(definition),
                "Give a geographic or projected CRS such as EPSG:4490 or EPSG:4549");
  }

  CrsDescription description;
  description.epsg = ownEpsgCode(crs->get());
  if (description.epsg == 0) description.epsg = ownEpsgCode(horizontal.get());
  if (description.epsg == 0) description.epsg = identifiedEpsgCode(context, horizontal.get());

  // The authority's own definition gives the English name and the authority axis order.
  PjPtr authorityCrs;
  if (description.epsg != 0) {
    const std::string code = std::to_string(description.epsg);
    PjPtr fromDatabase(proj_create_from_database(context, "EPSG", code.c_str(), PJ_CATEGORY_CRS,
                                                 0, nullptr));
    if (fromDatabase) {
      description.nameEn = safe(proj_get_name(fromDatabase.get()));
      authorityCrs = detail::horizontalCrs(fromDatabase.get());
    }
  }
  if (description.nameEn.empty()) description.nameEn = safe(proj_get_name(crs->get()));
  const PJ* axesSource = authorityCrs ? authorityCrs.get() : horizontal.get();

  const PJ_TYPE type = proj_get_type(horizontal.get());
  description.isGeographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;
  description.isCgcs2000 = (description.epsg >= 4490 && description.epsg <= 4554) ||
                           usesChinaDatum(context, horizontal.get());
  const std::vector<AxisInfo> ownAxes = axesOf(context, horizontal.get());
  if (!ownAxes.empty()) description.linearUnit = ownAxes.front().unit;
  description.authorityAxes = axesOf(context, axesSource);
  description.authorityOrderIsNorthingFirst = isNorthFirst(description.authorityAxes);
  description.gaussKruger = gaussKrugerZoneFromEpsg(description.epsg);
  description.nameZh = chineseName(description.epsg, description.nameEn);
  return description;
}

}  // namespace onemap::proj
