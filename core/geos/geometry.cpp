#include "onemap/geos/geometry.h"

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <utility>

#include "onemap/geos/geos_context.h"

namespace onemap::geos {
namespace {

std::string takeMessage(const std::string& fallback) {
  std::string message = lastGeosMessage();
  return message.empty() ? fallback : message;
}

bool isPolygonalHandle(GEOSContextHandle_t context, const GEOSGeometry* geometry) {
  const int type = GEOSGeomTypeId_r(context, geometry);
  return type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON;
}

// Appends clones of every polygon found in `geometry` (recursing into collections).
void collectPolygons(GEOSContextHandle_t context, const GEOSGeometry* geometry,
                     std::vector<GEOSGeometry*>& out) {
  const int type = GEOSGeomTypeId_r(context, geometry);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(context, geometry) == 0) out.push_back(GEOSGeom_clone_r(context, geometry));
    return;
  }
  if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    const int count = GEOSGetNumGeometries_r(context, geometry);
    for (int i = 0; i < count; ++i) collectPolygons(context, GEOSGetGeometryN_r(context, geometry, i), out);
  }
}

// The polygonal part of a MakeValid result (lines and points from collapsed parts dropped).
GEOSGeometry* polygonalPart(GEOSContextHandle_t context, const GEOSGeometry* geometry) {
  std::vector<GEOSGeometry*> polygons;
  collectPolygons(context, geometry, polygons);
  if (polygons.empty()) return GEOSGeom_createEmptyPolygon_r(context);
  if (polygons.size() == 1) return polygons.front();
  GEOSGeometry* collection = GEOSGeom_createCollection_r(context, GEOS_GEOMETRYCOLLECTION, polygons.data(),
                                                         static_cast<unsigned>(polygons.size()));
  if (collection == nullptr) {
    for (GEOSGeometry* polygon : polygons) GEOSGeom_destroy_r(context, polygon);
    return nullptr;
  }
  // Parts of a repaired collection may touch or overlap: dissolve them into one valid geometry.
  GEOSGeometry* dissolved = GEOSUnaryUnion_r(context, collection);
  GEOSGeom_destroy_r(context, collection);
  return dissolved;
}

}  // namespace

Geometry::Geometry(Geometry&& other) noexcept : m_geometry(std::exchange(other.m_geometry, nullptr)) {}

namespace {

// After the thread's context is gone (static destruction at exit) the geometry is left to the OS.
void destroy(GEOSGeometry* geometry) noexcept {
  if (geometry == nullptr) return;
  if (GEOSContextHandle_t context = threadContext(); context != nullptr)
    GEOSGeom_destroy_r(context, geometry);
}

}  // namespace

Geometry& Geometry::operator=(Geometry&& other) noexcept {
  if (this != &other) {
    destroy(m_geometry);
    m_geometry = std::exchange(other.m_geometry, nullptr);
  }
  return *this;
}

Geometry::~Geometry() { destroy(m_geometry); }

Geometry Geometry::adopt(GEOSGeom_t* geometry) {
  Geometry result;
  result.m_geometry = geometry;
  return result;
}

Result<Geometry> Geometry::fromWkb(std::span<const unsigned char> wkb) {
  if (wkb.empty()) return fail(ErrorCode::InvalidInput, "the WKB geometry is empty (0 bytes)");
  GEOSContextHandle_t context = threadContext();
  GEOSWKBReader* reader = GEOSWKBReader_create_r(context);
  if (reader == nullptr) return fail(ErrorCode::Internal, "cannot create a GEOS WKB reader");
  lastGeosMessage();
  GEOSGeometry* geometry = GEOSWKBReader_read_r(context, reader, wkb.data(), wkb.size());
  GEOSWKBReader_destroy_r(context, reader);
  if (geometry == nullptr)
    return fail(ErrorCode::InvalidInput, "cannot read the WKB geometry: " + takeMessage("malformed WKB"));
  return adopt(geometry);
}

Result<Geometry> Geometry::fromWkt(const std::string& wkt) {
  GEOSContextHandle_t context = threadContext();
  GEOSWKTReader* reader = GEOSWKTReader_create_r(context);
  if (reader == nullptr) return fail(ErrorCode::Internal, "cannot create a GEOS WKT reader");
  lastGeosMessage();
  GEOSGeometry* geometry = GEOSWKTReader_read_r(context, reader, wkt.c_str());
  GEOSWKTReader_destroy_r(context, reader);
  if (geometry == nullptr)
    return fail(ErrorCode::InvalidInput, "cannot read the WKT geometry: " + takeMessage("malformed WKT"),
                wkt.substr(0, 80));
  return adopt(geometry);
}

bool Geometry::isEmpty() const {
  return m_geometry == nullptr || GEOSisEmpty_r(threadContext(), m_geometry) != 0;
}

bool Geometry::isValid() const {
  return m_geometry != nullptr && GEOSisValid_r(threadContext(), m_geometry) == 1;
}

std::string Geometry::invalidReason() const {
  if (m_geometry == nullptr) return "Null geometry";
  GEOSContextHandle_t context = threadContext();
  if (GEOSisValid_r(context, m_geometry) == 1) return {};
  char* reason = GEOSisValidReason_r(context, m_geometry);
  if (reason == nullptr) return takeMessage("Invalid geometry");
  std::string out = reason;
  GEOSFree_r(context, reason);
  return out;
}

Result<Geometry> Geometry::makeValid() const {
  if (m_geometry == nullptr) return fail(ErrorCode::InvalidInput, "cannot repair a null geometry");
  GEOSContextHandle_t context = threadContext();
  if (GEOSisValid_r(context, m_geometry) == 1) return clone();
  GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(context);
  if (params == nullptr) return fail(ErrorCode::Internal, "cannot create GEOS MakeValid parameters");
  // The "structure" method keeps the area a polygon's shell encloses (a bow-tie keeps both
  // lobes) and, with collapsed parts dropped, returns polygons for polygonal input.
  GEOSMakeValidParams_setMethod_r(context, params, GEOS_MAKE_VALID_STRUCTURE);
  GEOSMakeValidParams_setKeepCollapsed_r(context, params, 0);
  lastGeosMessage();
  GEOSGeometry* fixed = GEOSMakeValidWithParams_r(context, m_geometry, params);
  GEOSMakeValidParams_destroy_r(context, params);
  if (fixed == nullptr)
    return fail(ErrorCode::InvalidInput,
                "GEOS could not repair the geometry: " + takeMessage("MakeValid failed"));
  Geometry result = adopt(fixed);
  if (isPolygonalHandle(context, m_geometry) && !isPolygonalHandle(context, fixed)) {
    GEOSGeometry* polygonal = polygonalPart(context, fixed);
    if (polygonal == nullptr)
      return fail(ErrorCode::InvalidInput,
                  "GEOS could not repair the geometry: " + takeMessage("cannot dissolve the repaired parts"));
    result = adopt(polygonal);
  }
  return result;
}

double Geometry::area() const {
  double value = 0.0;
  if (m_geometry == nullptr || GEOSArea_r(threadContext(), m_geometry, &value) != 1) return 0.0;
  return value;
}

Extent Geometry::extent() const {
  if (isEmpty()) return {};
  GEOSContextHandle_t context = threadContext();
  double minX = 0.0;
  double minY = 0.0;
  double maxX = 0.0;
  double maxY = 0.0;
  if (GEOSGeom_getXMin_r(context, m_geometry, &minX) != 1 ||
      GEOSGeom_getYMin_r(context, m_geometry, &minY) != 1 ||
      GEOSGeom_getXMax_r(context, m_geometry, &maxX) != 1 ||
      GEOSGeom_getYMax_r(context, m_geometry, &maxY) != 1)
    return {};
  return Extent(minX, minY, maxX, maxY);
}

std::string Geometry::typeName() const {
  if (m_geometry == nullptr) return {};
  GEOSContextHandle_t context = threadContext();
  char* name = GEOSGeomType_r(context, m_geometry);
  if (name == nullptr) return {};
  std::string out = name;
  GEOSFree_r(context, name);
  return out;
}

bool Geometry::isPolygonal() const {
  return m_geometry != nullptr && isPolygonalHandle(threadContext(), m_geometry);
}

Geometry Geometry::clone() const {
  if (m_geometry == nullptr) return {};
  return adopt(GEOSGeom_clone_r(threadContext(), m_geometry));
}

std::vector<unsigned char> Geometry::toWkb() const {
  if (m_geometry == nullptr) return {};
  GEOSContextHandle_t context = threadContext();
  GEOSWKBWriter* writer = GEOSWKBWriter_create_r(context);
  if (writer == nullptr) return {};
  GEOSWKBWriter_setByteOrder_r(context, writer, GEOS_WKB_NDR);
  GEOSWKBWriter_setFlavor_r(context, writer, GEOS_WKB_ISO);
  GEOSWKBWriter_setOutputDimension_r(context, writer, 3);  // Z only when the geometry has it
  std::size_t size = 0;
  unsigned char* bytes = GEOSWKBWriter_write_r(context, writer, m_geometry, &size);
  GEOSWKBWriter_destroy_r(context, writer);
  if (bytes == nullptr) return {};  // e.g. an empty point has no WKB form in GEOS 3.11
  std::vector<unsigned char> out(bytes, bytes + size);
  GEOSFree_r(context, bytes);
  return out;
}

std::string Geometry::toWkt(int precision) const {
  if (m_geometry == nullptr) return {};
  GEOSContextHandle_t context = threadContext();
  GEOSWKTWriter* writer = GEOSWKTWriter_create_r(context);
  if (writer == nullptr) return {};
  GEOSWKTWriter_setTrim_r(context, writer, 1);
  GEOSWKTWriter_setRoundingPrecision_r(context, writer, precision);
  GEOSWKTWriter_setOutputDimension_r(context, writer, 3);
  char* text = GEOSWKTWriter_write_r(context, writer, m_geometry);
  GEOSWKTWriter_destroy_r(context, writer);
  if (text == nullptr) return {};
  std::string out = text;
  GEOSFree_r(context, text);
  return out;
}

}  // namespace onemap::geos

namespace onemap::geos {

Geometry Geometry::rectangle(double minX, double minY, double maxX, double maxY) {
  GEOSContextHandle_t context = threadContext();
  return adopt(GEOSGeom_createRectangle_r(context, minX, minY, maxX, maxY));
}

Result<Geometry> Geometry::unaryUnion(std::vector<Geometry> parts) {
  GEOSContextHandle_t context = threadContext();
  std::vector<GEOSGeometry*> handles;
  handles.reserve(parts.size());
  for (auto& part : parts) {
    if (part.isNull()) continue;
    handles.push_back(part.m_geometry);
    part.m_geometry = nullptr;  // ownership moves into the collection
  }
  GEOSGeometry* collection = GEOSGeom_createCollection_r(context, GEOS_GEOMETRYCOLLECTION, handles.data(),
                                                         static_cast<unsigned int>(handles.size()));
  if (collection == nullptr) return fail(ErrorCode::Internal, "GEOS could not collect the parts to union");
  Geometry all = adopt(collection);
  lastGeosMessage();
  GEOSGeometry* united = GEOSUnaryUnion_r(context, all.handle());
  if (united == nullptr) return fail(ErrorCode::Internal, "GEOS could not union the parts: " + takeMessage("union failed"));
  return adopt(united);
}

bool Geometry::intersects(const Geometry& other) const {
  if (m_geometry == nullptr || other.m_geometry == nullptr) return false;
  return GEOSIntersects_r(threadContext(), m_geometry, other.m_geometry) == 1;
}

double Geometry::intersectionArea(const Geometry& other) const {
  if (!intersects(other)) return 0.0;
  GEOSContextHandle_t context = threadContext();
  GEOSGeometry* common = GEOSIntersection_r(context, m_geometry, other.m_geometry);
  if (common == nullptr) return 0.0;
  double value = 0.0;
  if (GEOSArea_r(context, common, &value) != 1) value = 0.0;
  GEOSGeom_destroy_r(context, common);
  return value;
}

Geometry Geometry::simplified(double tolerance) const {
  if (m_geometry == nullptr) return {};
  GEOSGeometry* result = GEOSTopologyPreserveSimplify_r(threadContext(), m_geometry, tolerance);
  return result == nullptr ? clone() : adopt(result);
}

double Geometry::length() const {
  double value = 0.0;
  if (m_geometry == nullptr || GEOSLength_r(threadContext(), m_geometry, &value) != 1) return 0.0;
  return value;
}

}  // namespace onemap::geos
