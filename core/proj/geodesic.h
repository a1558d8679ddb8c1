#pragma once

#include <span>

namespace onemap::proj {

/// A geographic position in degrees, longitude first (traditional GIS order).
struct LonLat {
  double lon = 0.0;
  double lat = 0.0;
};

/// Semi-major axis (m) and flattening of the CGCS2000 ellipsoid (equal to GRS80 to 0.1 mm).
inline constexpr double kCgcs2000SemiMajor = 6378137.0;
inline constexpr double kCgcs2000Flattening = 1.0 / 298.257222101;

/// Length in metres of the geodesic between two points on the CGCS2000 ellipsoid
/// (Karney's algorithm through PROJ's geod_* API; accurate to nanometres). Thread-safe.
double geodesicDistance(LonLat a, LonLat b);

/// Length in metres of the polyline through `points` along geodesics (0 for fewer than 2).
double geodesicLength(std::span<const LonLat> points);

/// Area in m² of the polygon whose ring is `ring` (closed implicitly; the last point may repeat
/// the first), edges along geodesics, on the CGCS2000 ellipsoid; always ≥ 0 whatever the
/// winding. 0 for fewer than 3 points.
double geodesicArea(std::span<const LonLat> ring);

/// Perimeter in metres of the same polygon (including the closing edge).
double geodesicPerimeter(std::span<const LonLat> ring);

}  // namespace onemap::proj
