#pragma once

// Internal to onemap_vector: polygon areas in square metres for a layer's CRS.

#include <memory>
#include <string>

class OGRGeometry;
class OGRLinearRing;
class OGRSpatialReference;
struct geod_geodesic;

namespace onemap::vector::detail {

/// Sums polygon areas in m²: planar in a projected CRS (times the unit's size), on the ellipsoid
/// (PROJ geodesic) in a geographic CRS, in raw units² when there is no CRS.
class AreaCalculator {
 public:
  explicit AreaCalculator(const OGRSpatialReference* crs);
  ~AreaCalculator();
  AreaCalculator(const AreaCalculator&) = delete;
  AreaCalculator& operator=(const AreaCalculator&) = delete;

  /// Area of the polygons in `geometry` (linear, valid); 0 for points and lines.
  double squareMetres(const OGRGeometry& geometry) const;
  /// "planar (EPSG:4549)", "ellipsoidal (CGCS2000)", "planar (no CRS: layer units²)".
  const std::string& method() const { return m_method; }
  /// False when the layer has no CRS (or an unusual one) and the unit is a guess.
  bool isMetric() const { return m_metric; }

 private:
  double ringArea(const OGRLinearRing& ring) const;

  std::unique_ptr<geod_geodesic> m_geodesic;  ///< set for a geographic CRS
  double m_unitSquared = 1.0;                 ///< m² per unit² (planar)
  double m_degreesPerUnit = 1.0;              ///< angular unit (geographic)
  std::string m_method;
  bool m_metric = true;
};

}  // namespace onemap::vector::detail
