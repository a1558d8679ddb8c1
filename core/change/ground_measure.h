#pragma once
// Internal to onemap_change: areas and lengths of patch polygons in metres, whatever the grid's CRS.

#include <span>

#include "onemap/base/error.h"
#include "onemap/proj/ground_scale.h"

namespace onemap::change::detail {

/// Area (m²) and perimeter (m) of a polygon.
struct GroundSize {
  double areaM2 = 0.0;
  double perimeterM = 0.0;
};

/// The ground size of the Polygon or MultiPolygon in ISO/OGC WKB `wkb`, in the CRS of `scale`:
/// on the ellipsoid (geodesic edges) for a geographic CRS, planar times the linear unit
/// otherwise. InvalidInput for WKB that is not polygonal or is cut short.
Result<GroundSize> groundSizeOf(std::span<const unsigned char> wkb, const proj::GroundScale& scale);

}  // namespace onemap::change::detail
