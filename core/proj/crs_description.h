#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "onemap/base/error.h"

namespace onemap::proj {

/// A CGCS2000 Gauss–Krüger zone: width (3° or 6°), zone number, central meridian, prefix flag.
struct GaussKrugerZone {
  int zoneWidthDegrees = 3;        ///< 3 or 6
  int zone = 0;                    ///< 3°: CM/3 (25..45); 6°: (CM+3)/6 (13..23)
  int centralMeridian = 0;         ///< degrees east
  bool eastingHasZonePrefix = false;  ///< false easting = zone·10⁶ + 500 000 when true
  int epsg = 0;                    ///< the EPSG code of this zone flavour
};

/// One axis of a CRS as the authority defines it (EPSG order may be northing-first).
struct AxisInfo {
  std::string name;       ///< e.g. "Northing", "Geodetic latitude"
  std::string direction;  ///< e.g. "north", "east"
  std::string unit;       ///< e.g. "metre", "degree"
};

/// What users need to know about a CRS: names in Chinese and English, kind, axes, GK zone.
/// A value type; safe to copy between threads.
struct CrsDescription {
  int epsg = 0;                 ///< 0 when the CRS has no EPSG identification
  std::string nameEn;           ///< e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 117E"
  std::string nameZh;           ///< e.g. "CGCS2000 / 3度带高斯-克吕格投影 中央经线117°E"
  bool isGeographic = false;
  bool isCgcs2000 = false;
  std::string linearUnit;       ///< "metre", "degree", ...
  std::vector<AxisInfo> authorityAxes;  ///< axes in the authority's (EPSG) order
  bool authorityOrderIsNorthingFirst = false;
  std::optional<GaussKrugerZone> gaussKruger;

  /// "EPSG axis order: northing, easting; OneMap uses easting, northing (traditional GIS order)".
  std::string axisOrderText() const;
  /// The same in Chinese: "EPSG 轴顺序：北坐标, 东坐标；OneMap 使用 东坐标, 北坐标（传统 GIS 顺序）".
  std::string axisOrderTextZh() const;
};

/// Describes a CRS given as "EPSG:4549", a bare EPSG number, WKT or PROJJSON.
/// Errors: InvalidInput naming the definition when PROJ cannot parse it.
Result<CrsDescription> describeCrs(std::string_view definition);

/// The CGCS2000 Gauss–Krüger zone an EPSG code stands for (4491–4554), nullopt otherwise.
std::optional<GaussKrugerZone> gaussKrugerZoneFromEpsg(int epsg);

/// EPSG code of the CGCS2000 GK zone with this central meridian (degrees east) and flavour;
/// 0 when no such code exists (e.g. 3° CM not a multiple of 3, or outside 75..135°E).
int epsgForGaussKruger(int zoneWidthDegrees, int centralMeridian, bool eastingHasZonePrefix);

/// The 3° zone's central meridian closest to a longitude (e.g. 118.7 → 120).
int threeDegreeCentralMeridian(double longitude);

/// Chinese and English names for a CGCS2000 code (4490–4554); nullopt for other codes.
std::optional<std::pair<std::string, std::string>> cgcs2000Names(int epsg);

/// A guess at a missing CRS from the coordinates of a dataset, with the reasoning to show users.
struct CrsSuggestion {
  int epsg = 0;                      ///< best guess; 0 when only the family is known
  std::vector<int> candidates;       ///< other plausible codes, best first
  std::string reasonEn;
  std::string reasonZh;
};

/// Suggests a CRS for a dataset that has none, from its extent in file coordinates:
/// lon/lat inside China → EPSG:4490; an 8-digit easting → the GK zone its prefix names
/// (3° zones 25–45, 6° zones 13–23); a 6-digit easting near 500 000 with a plausible northing →
/// 3° GK without prefix (central meridian from `longitudeHint` when given, else candidates).
/// nullopt when the coordinates look like nothing CGCS2000.
std::optional<CrsSuggestion> suggestCrsFromCoordinates(double minX, double minY, double maxX,
                                                       double maxY,
                                                       std::optional<double> longitudeHint = {});

}  // namespace onemap::proj
