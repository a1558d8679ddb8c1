#include "detail/polygon_area.h"

#include <geodesic.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "detail/layer_describe.h"

namespace onemap::vector::detail {

AreaCalculator::AreaCalculator(const OGRSpatialReference* crs) {
  if (crs == nullptr) {
    m_method = "planar (no CRS: layer units²)";
    m_metric = false;
    return;
  }
  if (crs->IsGeographic()) {
    OGRErr error = OGRERR_NONE;
    const double semiMajor = crs->GetSemiMajor(&error);
    const double inverseFlattening = crs->GetInvFlattening(&error);
    m_geodesic = std::make_unique<geod_geodesic>();
    geod_init(m_geodesic.get(), semiMajor, inverseFlattening > 0.0 ? 1.0 / inverseFlattening : 0.0);
    m_degreesPerUnit = crs->GetAngularUnits(nullptr) * 180.0 / std::numbers::pi;
    const char* ellipsoid = crs->GetAttrValue("SPHEROID");
    m_method = std::string("ellipsoidal (") + (ellipsoid != nullptr ? ellipsoid : "ellipsoid") + ")";
    return;
  }
  const double metresPerUnit = crs->GetLinearUnits(nullptr);
  m_unitSquared = metresPerUnit * metresPerUnit;
  m_method = "planar (" + crsLabel(*crs) + ")";
  m_metric = crs->IsProjected() || crs->IsLocal();
}

AreaCalculator::~AreaCalculator() = default;

double AreaCalculator::ringArea(const OGRLinearRing& ring) const {
  const int count = ring.getNumPoints();
  if (count < 3) return 0.0;
  std::vector<double> lats(static_cast<std::size_t>(count));
  std::vector<double> lons(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    lons[static_cast<std::size_t>(i)] = ring.getX(i) * m_degreesPerUnit;
    lats[static_cast<std::size_t>(i)] = ring.getY(i) * m_degreesPerUnit;
  }
  double area = 0.0;
  double perimeter = 0.0;
  geod_polygonarea(m_geodesic.get(), lats.data(), lons.data(), count, &area, &perimeter);
  return std::fabs(area);
}

double AreaCalculator::squareMetres(const OGRGeometry& geometry) const {
  const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
  if (type == wkbPolygon) {
    const auto& polygon = *geometry.toPolygon();
    if (!m_geodesic) return polygon.get_Area() * m_unitSquared;
    const OGRLinearRing* shell = polygon.getExteriorRing();
    if (shell == nullptr) return 0.0;
    double area = ringArea(*shell);
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i) area -= ringArea(*polygon.getInteriorRing(i));
    return std::max(area, 0.0);
  }
  if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
    const auto& collection = *geometry.toGeometryCollection();
    double area = 0.0;
    for (int i = 0; i < collection.getNumGeometries(); ++i)
      area += squareMetres(*collection.getGeometryRef(i));
    return area;
  }
  return 0.0;
}

}  // namespace onemap::vector::detail
