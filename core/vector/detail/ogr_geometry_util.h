#pragma once

// Internal to onemap_vector: moving geometries between OGR and GEOS.

#include <span>
#include <vector>

#include "onemap/gdal/handles.h"

namespace onemap::vector::detail {

/// Makes `geometry` something GEOS 3.11 reads: curves approximated by lines, M values dropped.
void makeLinear(gdal::GeometryPtr& geometry);

/// `geometry` as little-endian ISO WKB.
std::vector<unsigned char> isoWkb(const OGRGeometry& geometry);

/// An OGR geometry from WKB; null when the bytes are not WKB.
gdal::GeometryPtr geometryFromWkb(std::span<const unsigned char> wkb);

/// True for Polygon, MultiPolygon and their curved forms.
bool isPolygonalGeometry(const OGRGeometry& geometry);

}  // namespace onemap::vector::detail
