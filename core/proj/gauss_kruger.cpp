#include <cmath>
#include <string>

#include "onemap/proj/crs_description.h"

namespace onemap::proj {

namespace {

// CGCS2000 Gauss–Krüger EPSG ranges (verified against proj.db in the tests).
constexpr int kGeographic = 4490;
constexpr int kSixPrefixedFirst = 4491;    // zones 13..23, false easting zone·10⁶ + 500 000
constexpr int kSixPlainFirst = 4502;       // CM 75..135 step 6, false easting 500 000
constexpr int kThreePrefixedFirst = 4513;  // zones 25..45
constexpr int kThreePlainFirst = 4534;     // CM 75..135 step 3
constexpr int kLast = 4554;
constexpr int kFirstSixZone = 13;
constexpr int kLastSixZone = 23;
constexpr int kFirstThreeZone = 25;
constexpr int kLastThreeZone = 45;
constexpr int kWestCentralMeridian = 75;
constexpr int kEastCentralMeridian = 135;

GaussKrugerZone makeZone(int width, int zone, int centralMeridian, bool prefixed, int epsg) {
  GaussKrugerZone result;
  result.zoneWidthDegrees = width;
  result.zone = zone;
  result.centralMeridian = centralMeridian;
  result.eastingHasZonePrefix = prefixed;
  result.epsg = epsg;
  return result;
}

}  // namespace

std::optional<GaussKrugerZone> gaussKrugerZoneFromEpsg(int epsg) {
  if (epsg >= kSixPrefixedFirst && epsg < kSixPlainFirst) {
    const int zone = kFirstSixZone + (epsg - kSixPrefixedFirst);
    return makeZone(6, zone, 6 * zone - 3, true, epsg);
  }
  if (epsg >= kSixPlainFirst && epsg < kThreePrefixedFirst) {
    const int centralMeridian = kWestCentralMeridian + 6 * (epsg - kSixPlainFirst);
    return makeZone(6, (centralMeridian + 3) / 6, centralMeridian, false, epsg);
  }
  if (epsg >= kThreePrefixedFirst && epsg < kThreePlainFirst) {
    const int zone = kFirstThreeZone + (epsg - kThreePrefixedFirst);
    return makeZone(3, zone, 3 * zone, true, epsg);
  }
  if (epsg >= kThreePlainFirst && epsg <= kLast) {
    const int centralMeridian = kWestCentralMeridian + 3 * (epsg - kThreePlainFirst);
    return makeZone(3, centralMeridian / 3, centralMeridian, false, epsg);
  }
  return std::nullopt;
}

int epsgForGaussKruger(int zoneWidthDegrees, int centralMeridian, bool eastingHasZonePrefix) {
  if (centralMeridian < kWestCentralMeridian || centralMeridian > kEastCentralMeridian) return 0;
  const int offset = centralMeridian - kWestCentralMeridian;
  if (zoneWidthDegrees == 3) {
    if (offset % 3 != 0) return 0;
    if (eastingHasZonePrefix) {
      const int zone = centralMeridian / 3;
      return kThreePrefixedFirst + (zone - kFirstThreeZone);
    }
    return kThreePlainFirst + offset / 3;
  }
  if (zoneWidthDegrees == 6) {
    if (offset % 6 != 0) return 0;
    if (eastingHasZonePrefix) {
      const int zone = (centralMeridian + 3) / 6;
      return kSixPrefixedFirst + (zone - kFirstSixZone);
    }
    return kSixPlainFirst + offset / 6;
  }
  return 0;
}

int threeDegreeCentralMeridian(double longitude) {
  if (!std::isfinite(longitude)) return 0;
  return 3 * static_cast<int>(std::lround(longitude / 3.0));
}

std::optional<std::pair<std::string, std::string>> cgcs2000Names(int epsg) {
  if (epsg == kGeographic) {
    return std::pair<std::string, std::string>{"CGCS2000 地理坐标系",
                                               "China Geodetic Coordinate System 2000"};
  }
  const std::optional<GaussKrugerZone> zone = gaussKrugerZoneFromEpsg(epsg);
  if (!zone) return std::nullopt;
  const bool three = zone->zoneWidthDegrees == 3;
  std::string zh = three ? "CGCS2000 / 3度带高斯-克吕格投影 " : "CGCS2000 / 6度带高斯-克吕格投影 ";
  std::string en = three ? "CGCS2000 / 3-degree Gauss-Kruger " : "CGCS2000 / Gauss-Kruger ";
  if (zone->eastingHasZonePrefix) {
    zh += "第" + std::to_string(zone->zone) + "带 (带号前缀)";
    en += "zone " + std::to_string(zone->zone);
  } else {
    zh += "中央经线" + std::to_string(zone->centralMeridian) + "°E";
    en += "CM " + std::to_string(zone->centralMeridian) + "E";
  }
  return std::pair<std::string, std::string>{std::move(zh), std::move(en)};
}

}  // namespace onemap::proj
