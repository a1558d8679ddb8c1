#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/extent.h"
#include "onemap/base/feedback.h"

namespace onemap::vector {

/// How to open a vector file; everything is optional.
struct OpenOptions {
  /// Text encoding of attribute data for formats that do not say (Shapefile DBF): "GB18030",
  /// "GBK", "UTF-8", "CP936"... Empty = detect (.cpg, DBF language id, then content sniffing).
  std::string encoding;
  /// CSV: names of the geometry columns; empty = recognise WKT/geom/geometry, X/lon/经度, Y/lat/纬度.
  std::string csvWktField;
  std::string csvXField;
  std::string csvYField;
  /// CSV: CRS of the coordinates ("EPSG:4490"...), since CSV files carry none.
  std::string csvCrs;
};

/// One attribute field.
struct FieldInfo {
  std::string name;
  std::string type;       ///< "Integer", "Integer64", "Real", "String", "Date", "DateTime"...
  int width = 0;
  int precision = 0;
};

/// Description of one layer; a value type.
struct LayerInfo {
  std::string name;
  std::string geometryType;        ///< OGR name: "Polygon", "Multi Polygon", "Point", "None"...
  std::int64_t featureCount = 0;
  std::vector<FieldInfo> fields;
  std::string crsWkt;              ///< empty when the layer has no CRS
  int epsg = 0;
  Extent extent;                   ///< in the layer's CRS
  std::optional<Extent> lonLatExtent;
  std::string encoding;            ///< attribute encoding used, e.g. "UTF-8", "GB18030"
  std::string encodingSource;      ///< ".cpg file", "DBF language id", "detected from content",
                                   ///< "user override", "format (always UTF-8)"
  std::int64_t invalidGeometryCount = 0;
  std::int64_t emptyGeometryCount = 0;
  bool isPolygonal = false;
  double polygonAreaSquareMetres = 0.0;  ///< sum of polygon areas (planar in a projected CRS,
                                         ///< ellipsoidal on CGCS2000/WGS84 otherwise)
  double polygonAreaMu = 0.0;
  std::string areaMethod;          ///< "planar (EPSG:4549)" or "ellipsoidal (GRS80)"
  std::vector<std::string> warnings;
};

/// Description of a vector dataset and all its layers.
struct VectorInfo {
  std::filesystem::path path;
  std::string driver;              ///< "GPKG", "ESRI Shapefile", "GeoJSON", "OpenFileGDB", "KML", "CSV"
  std::string driverLongName;
  std::vector<LayerInfo> layers;
};

/// Opens a vector dataset read-only and describes every layer (or only `layerName`).
/// Scans features to count invalid geometries and sum polygon areas; honours `feedback`.
/// Errors name the file (and layer) and what to do: NotFound, OpenFailed, Unsupported,
/// InvalidInput (e.g. unknown layer name, CSV without geometry columns).
Result<VectorInfo> readVectorInfo(const std::filesystem::path& path, const OpenOptions& options = {},
                                  const std::string& layerName = {}, Feedback* feedback = nullptr);

/// Opens a vector dataset read-only and lists its layers (name, geometry type, fields, CRS,
/// stored extent, encoding) without reading features: fast on any size, for adding layers.
/// Feature counts are filled only when the driver knows them cheaply. Errors as readVectorInfo.
Result<VectorInfo> listVectorLayers(const std::filesystem::path& path, const OpenOptions& options = {});

/// Splits "file.gpkg:layer" into path and layer name. A colon that is part of the path
/// (Windows drive, an existing file name) is not taken as a separator.
std::pair<std::filesystem::path, std::string> splitLayerSpec(const std::string& spec);

}  // namespace onemap::vector
