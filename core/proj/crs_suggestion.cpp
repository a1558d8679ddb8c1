#include <cmath>
#include <string>
#include <utility>

#include "onemap/proj/crs_description.h"

namespace onemap::proj {

namespace {

// China's extent in degrees, generous enough for islands and border counties.
constexpr double kChinaWest = 73.0;
constexpr double kChinaEast = 136.0;
constexpr double kChinaSouth = 3.0;
constexpr double kChinaNorth = 54.0;
// Gauss–Krüger northings in China (≈ 3°N .. 54°N) and eastings around the false easting.
constexpr double kMinNorthing = 300000.0;
constexpr double kMaxNorthing = 6000000.0;
constexpr double kFalseEasting = 500000.0;
constexpr double kMaxEastingOffset = 350000.0;
constexpr double kZonePrefixScale = 1000000.0;

bool nearFalseEasting(double easting) {
  return std::abs(easting - kFalseEasting) <= kMaxEastingOffset;
}

bool plausibleNorthings(double minY, double maxY) {
  return minY >= kMinNorthing && maxY <= kMaxNorthing;
}

std::string extentText(double minX, double minY, double maxX, double maxY) {
  auto number = [](double value) { return std::to_string(std::llround(value)); };
  return "x " + number(minX) + ".." + number(maxX) + ", y " + number(minY) + ".." + number(maxY);
}

std::optional<CrsSuggestion> suggestGeographic() {
  CrsSuggestion suggestion;
  suggestion.epsg = 4490;
  suggestion.candidates = {4326};
  suggestion.reasonEn =
      "The coordinates lie within 73-136°E and 3-54°N, so they look like longitude/latitude in "
      "China: CGCS2000 geographic (EPSG:4490) is assumed. WGS 84 (EPSG:4326) differs from it by "
      "less than a metre; check the data source if it matters.";
  suggestion.reasonZh =
      "坐标位于东经73-136°、北纬3-54°之间，像是中国境内的经纬度：推测为 CGCS2000 地理坐标系"
      " (EPSG:4490)。WGS 84 (EPSG:4326) 与其相差不到1米，如有需要请核对数据来源。";
  return suggestion;
}

std::optional<CrsSuggestion> suggestPrefixed(double minX, double minY, double maxX, double maxY) {
  const int zone = static_cast<int>(std::floor(minX / kZonePrefixScale));
  if (zone != static_cast<int>(std::floor(maxX / kZonePrefixScale))) return std::nullopt;
  const double zoneStart = zone * kZonePrefixScale;
  if (!nearFalseEasting(minX - zoneStart) || !nearFalseEasting(maxX - zoneStart)) {
    return std::nullopt;
  }
  int width = 0;
  int centralMeridian = 0;
  if (zone >= 25 && zone <= 45) {
    width = 3;
    centralMeridian = 3 * zone;
  } else if (zone >= 13 && zone <= 23) {
    width = 6;
    centralMeridian = 6 * zone - 3;
  } else {
    return std::nullopt;
  }
  CrsSuggestion suggestion;
  suggestion.epsg = epsgForGaussKruger(width, centralMeridian, true);
  // The same zone read without its prefix, should the prefix be stripped before use.
  suggestion.candidates = {epsgForGaussKruger(width, centralMeridian, false)};
  const std::string zoneText = std::to_string(zone);
  const std::string cmText = std::to_string(centralMeridian);
  const std::string widthText = std::to_string(width);
  const std::string epsgText = std::to_string(suggestion.epsg);
  suggestion.reasonEn =
      "The eastings have 8 digits (" + extentText(minX, minY, maxX, maxY) + "): the leading " +
      zoneText + " is a zone prefix, so the data look like CGCS2000 " + widthText +
      "-degree Gauss-Kruger zone " + zoneText + " (central meridian " + cmText + "°E, EPSG:" +
      epsgText + "). Xian 1980 and Beijing 1954 use the same zone numbers; check the data source.";
  suggestion.reasonZh =
      "东坐标为8位数 (" + extentText(minX, minY, maxX, maxY) + ")：前两位 " + zoneText +
      " 是带号，推测为 CGCS2000 " + widthText + "度带高斯-克吕格投影第" + zoneText +
      "带 (中央经线" + cmText + "°E，EPSG:" + epsgText +
      ")。西安80和北京54坐标系使用相同的带号，请核对数据来源。";
  return suggestion;
}

std::optional<CrsSuggestion> suggestUnprefixed(double minX, double minY, double maxX, double maxY,
                                               std::optional<double> longitudeHint) {
  CrsSuggestion suggestion;
  const int centralMeridian = longitudeHint ? threeDegreeCentralMeridian(*longitudeHint) : 0;
  suggestion.epsg = epsgForGaussKruger(3, centralMeridian, false);
  const std::string extent = extentText(minX, minY, maxX, maxY);
  if (suggestion.epsg != 0) {
    // Neighbouring 3° zones, then the 6° zone sharing this central meridian.
    for (int neighbour : {centralMeridian - 3, centralMeridian + 3}) {
      if (int code = epsgForGaussKruger(3, neighbour, false); code != 0) {
        suggestion.candidates.push_back(code);
      }
    }
    if (int code = epsgForGaussKruger(6, centralMeridian, false); code != 0) {
      suggestion.candidates.push_back(code);
    }
    const std::string cmText = std::to_string(centralMeridian);
    const std::string epsgText = std::to_string(suggestion.epsg);
    suggestion.reasonEn =
        "The eastings have 6 digits near 500000 and the northings fit China (" + extent +
        "): the data look like CGCS2000 3-degree Gauss-Kruger without zone prefix; the area's "
        "longitude points to central meridian " + cmText + "°E (EPSG:" + epsgText + ").";
    suggestion.reasonZh =
        "东坐标为500000附近的6位数，北坐标在中国范围内 (" + extent +
        ")：推测为不带带号的 CGCS2000 3度带高斯-克吕格投影；根据所在经度，中央经线为" + cmText +
        "°E (EPSG:" + epsgText + ")。";
    return suggestion;
  }
  for (int code = 4534; code <= 4554; ++code) suggestion.candidates.push_back(code);
  suggestion.reasonEn =
      "The eastings have 6 digits near 500000 and the northings fit China (" + extent +
      "): the data look like CGCS2000 3-degree Gauss-Kruger without zone prefix, but the "
      "coordinates do not tell the central meridian. Choose the zone whose central meridian is "
      "closest to the area's longitude (EPSG:4534-4554).";
  suggestion.reasonZh =
      "东坐标为500000附近的6位数，北坐标在中国范围内 (" + extent +
      ")：推测为不带带号的 CGCS2000 3度带高斯-克吕格投影，但无法从坐标判断中央经线。"
      "请选择中央经线最接近所在地区经度的投影带 (EPSG:4534-4554)。";
  return suggestion;
}

}  // namespace

std::optional<CrsSuggestion> suggestCrsFromCoordinates(double minX, double minY, double maxX,
                                                       double maxY,
                                                       std::optional<double> longitudeHint) {
  if (!std::isfinite(minX) || !std::isfinite(minY) || !std::isfinite(maxX) ||
      !std::isfinite(maxY)) {
    return std::nullopt;
  }
  if (minX > maxX) std::swap(minX, maxX);
  if (minY > maxY) std::swap(minY, maxY);
  if (minX >= kChinaWest && maxX <= kChinaEast && minY >= kChinaSouth && maxY <= kChinaNorth) {
    return suggestGeographic();
  }
  if (!plausibleNorthings(minY, maxY)) return std::nullopt;
  if (minX >= 10.0 * kZonePrefixScale && maxX < 100.0 * kZonePrefixScale) {
    return suggestPrefixed(minX, minY, maxX, maxY);
  }
  if (nearFalseEasting(minX) && nearFalseEasting(maxX)) {
    return suggestUnprefixed(minX, minY, maxX, maxY, longitudeHint);
  }
  return std::nullopt;
}

}  // namespace onemap::proj
