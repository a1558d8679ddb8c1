#pragma once

#include <QPainterPath>
#include <QPointF>

#include <functional>
#include <span>
#include <vector>

namespace onemap::render {

/// Geometry decoded from WKB for drawing: a path (rings as closed subpaths, odd-even fill) and
/// the points of point geometries. Coordinates are mapped through `toPixel` while decoding.
struct DecodedGeometry {
  QPainterPath path;
  std::vector<QPointF> points;
  bool polygonal = false;
  bool ok = false;
};

/// Decodes ISO or extended (EWKB-free) WKB: Point, LineString, Polygon, Multi*, GeometryCollection,
/// with Z/M/ZM variants. Malformed input gives ok == false.
DecodedGeometry decodeWkb(std::span<const unsigned char> wkb,
                          const std::function<QPointF(double, double)>& toPixel);

}  // namespace onemap::render
