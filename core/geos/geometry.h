#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/extent.h"

struct GEOSGeom_t;

namespace onemap::geos {

/// A move-only GEOS geometry owned in the calling thread's context: create, use and destroy it
/// on one thread (copy through WKB to hand it to another thread).
class Geometry {
 public:
  Geometry() = default;
  Geometry(Geometry&&) noexcept;
  Geometry& operator=(Geometry&&) noexcept;
  Geometry(const Geometry&) = delete;
  Geometry& operator=(const Geometry&) = delete;
  ~Geometry();

  static Result<Geometry> fromWkb(std::span<const unsigned char> wkb);
  static Result<Geometry> fromWkt(const std::string& wkt);

  bool isNull() const { return m_geometry == nullptr; }
  bool isEmpty() const;
  bool isValid() const;
  /// Why the geometry is invalid ("Self-intersection[x y]"), empty if valid.
  std::string invalidReason() const;
  /// A valid version of this geometry (GEOS MakeValid, polygons kept polygonal).
  Result<Geometry> makeValid() const;
  /// Planar area in CRS units².
  double area() const;
  Extent extent() const;
  std::string typeName() const;
  /// True for Polygon and MultiPolygon (also when empty).
  bool isPolygonal() const;
  /// A deep copy in this thread's context (null stays null).
  Geometry clone() const;

  std::vector<unsigned char> toWkb() const;
  std::string toWkt(int precision = 6) const;

  GEOSGeom_t* handle() const { return m_geometry; }
  /// Takes ownership of a geometry created in this thread's context.
  static Geometry adopt(GEOSGeom_t* geometry);

  /// An axis-aligned rectangle polygon.
  static Geometry rectangle(double minX, double minY, double maxX, double maxY);
  /// The union of `parts` (consumed), dissolving shared edges (e.g. blocks into a village).
  static Result<Geometry> unaryUnion(std::vector<Geometry> parts);

  /// True when the two geometries share at least one point.
  bool intersects(const Geometry& other) const;
  /// Area of the intersection with `other` (0 when disjoint or on a GEOS failure).
  double intersectionArea(const Geometry& other) const;
  /// Topology-preserving simplification with `tolerance` (map units).
  Geometry simplified(double tolerance) const;
  /// Length of the boundary.
  double length() const;

 private:
  GEOSGeom_t* m_geometry = nullptr;
};

}  // namespace onemap::geos
