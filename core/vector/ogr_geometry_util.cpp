#include "detail/ogr_geometry_util.h"

#include <ogr_geometry.h>

namespace onemap::vector::detail {

void makeLinear(gdal::GeometryPtr& geometry) {
  if (!geometry) return;
  if (geometry->hasCurveGeometry(TRUE)) geometry.reset(geometry->getLinearGeometry());
  if (geometry && geometry->IsMeasured()) geometry->setMeasured(FALSE);
}

std::vector<unsigned char> isoWkb(const OGRGeometry& geometry) {
  std::vector<unsigned char> out(geometry.WkbSize());
  if (geometry.exportToWkb(wkbNDR, out.data(), wkbVariantIso) != OGRERR_NONE) out.clear();
  return out;
}

gdal::GeometryPtr geometryFromWkb(std::span<const unsigned char> wkb) {
  OGRGeometry* geometry = nullptr;
  if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &geometry, wkb.size(), wkbVariantIso) !=
      OGRERR_NONE)
    return nullptr;
  return gdal::GeometryPtr(geometry);
}

bool isPolygonalGeometry(const OGRGeometry& geometry) {
  const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
  return type == wkbPolygon || type == wkbMultiPolygon || type == wkbCurvePolygon || type == wkbMultiSurface;
}

}  // namespace onemap::vector::detail
