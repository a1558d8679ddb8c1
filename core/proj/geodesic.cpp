#include "onemap/proj/geodesic.h"

#include <geodesic.h>

#include <cmath>

namespace onemap::proj {
namespace {

const geod_geodesic& cgcs2000() {
  // Initialised once (thread-safe static); geod_* functions only read it.
  static const geod_geodesic g = [] {
    geod_geodesic value{};
    geod_init(&value, kCgcs2000SemiMajor, kCgcs2000Flattening);
    return value;
  }();
  return g;
}

struct PolygonResult {
  double area = 0.0;
  double perimeter = 0.0;
};

PolygonResult polygon(std::span<const LonLat> ring) {
  std::size_t n = ring.size();
  if (n >= 2 && ring.front().lon == ring.back().lon && ring.front().lat == ring.back().lat) --n;
  if (n < 3) return {};
  geod_polygon p{};
  geod_polygon_init(&p, 0);
  for (std::size_t i = 0; i < n; ++i) geod_polygon_addpoint(&cgcs2000(), &p, ring[i].lat, ring[i].lon);
  PolygonResult result;
  geod_polygon_compute(&cgcs2000(), &p, 0, 1, &result.area, &result.perimeter);
  result.area = std::abs(result.area);
  return result;
}

}  // namespace

double geodesicDistance(LonLat a, LonLat b) {
  double s12 = 0.0;
  geod_inverse(&cgcs2000(), a.lat, a.lon, b.lat, b.lon, &s12, nullptr, nullptr);
  return s12;
}

double geodesicLength(std::span<const LonLat> points) {
  double total = 0.0;
  for (std::size_t i = 1; i < points.size(); ++i) total += geodesicDistance(points[i - 1], points[i]);
  return total;
}

double geodesicArea(std::span<const LonLat> ring) { return polygon(ring).area; }

double geodesicPerimeter(std::span<const LonLat> ring) { return polygon(ring).perimeter; }

}  // namespace onemap::proj
