#include "detail/layer_describe.h"

#include <cpl_conv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdlib>

#include "detail/dataset_open.h"
#include "onemap/gdal/handles.h"

namespace onemap::vector::detail {
namespace {

std::string exportWkt(const OGRSpatialReference& crs) {
  const char* const options[] = {"FORMAT=WKT2_2019", nullptr};
  char* wkt = nullptr;
  std::string out;
  if (crs.exportToWkt(&wkt, options) == OGRERR_NONE && wkt != nullptr) out = wkt;
  CPLFree(wkt);
  return out;
}

FieldInfo describeField(const OGRFieldDefn& field, const std::string& recodeFrom) {
  FieldInfo info;
  info.name = toUtf8Text(field.GetNameRef(), recodeFrom);
  info.type = OGRFieldDefn::GetFieldTypeName(field.GetType());
  info.width = field.GetWidth();
  info.precision = field.GetPrecision();
  return info;
}

}  // namespace

int epsgOf(const OGRSpatialReference& crs) {
  const char* authority = crs.GetAuthorityName(nullptr);
  const char* code = crs.GetAuthorityCode(nullptr);
  if (authority != nullptr && code != nullptr && EQUAL(authority, "EPSG")) return std::atoi(code);
  // A Shapefile .prj (ESRI WKT) names no authority: ask PROJ which EPSG CRS it is.
  int count = 0;
  int* confidences = nullptr;
  OGRSpatialReferenceH* matches = crs.FindMatches(nullptr, &count, &confidences);
  int epsg = 0;
  if (matches != nullptr && count > 0 && confidences[0] >= 90 &&
      (count == 1 || confidences[1] < confidences[0])) {
    const auto* best = OGRSpatialReference::FromHandle(matches[0]);
    const char* matchAuthority = best->GetAuthorityName(nullptr);
    const char* matchCode = best->GetAuthorityCode(nullptr);
    if (matchAuthority != nullptr && matchCode != nullptr && EQUAL(matchAuthority, "EPSG"))
      epsg = std::atoi(matchCode);
  }
  OSRFreeSRSArray(matches);
  CPLFree(confidences);
  return epsg;
}

std::string crsLabel(const OGRSpatialReference& crs) {
  if (const int epsg = epsgOf(crs); epsg != 0) return "EPSG:" + std::to_string(epsg);
  const char* name = crs.GetName();
  return name != nullptr ? name : "unnamed CRS";
}

std::optional<Extent> lonLatExtent(const OGRSpatialReference& crs, const Extent& extent) {
  if (extent.isEmpty()) return std::nullopt;
  if (crs.IsGeographic()) return extent;
  if (!crs.IsProjected()) return std::nullopt;
  gdal::SpatialReferencePtr source(crs.Clone());
  gdal::SpatialReferencePtr geographic(crs.CloneGeogCS());
  if (!source || !geographic) return std::nullopt;
  source->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  geographic->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  gdal::TransformationPtr transform(OGRCreateCoordinateTransformation(source.get(), geographic.get()));
  if (!transform) return std::nullopt;
  double minX = 0.0;
  double minY = 0.0;
  double maxX = 0.0;
  double maxY = 0.0;
  if (!transform->TransformBounds(extent.minX(), extent.minY(), extent.maxX(), extent.maxY(), &minX, &minY,
                                  &maxX, &maxY, 21))
    return std::nullopt;
  return Extent(minX, minY, maxX, maxY);
}

LayerInfo describeLayer(const OpenedDataset& opened, OGRLayer& layer) {
  LayerInfo info;
  info.name = toUtf8Text(layer.GetName(), opened.recodeFrom);
  info.geometryType = OGRGeometryTypeToName(layer.GetGeomType());
  const OGRwkbGeometryType flat = wkbFlatten(layer.GetGeomType());
  info.isPolygonal =
      flat == wkbPolygon || flat == wkbMultiPolygon || flat == wkbCurvePolygon || flat == wkbMultiSurface;
  info.featureCount = std::max<GIntBig>(0, layer.GetFeatureCount(TRUE));
  OGRFeatureDefn* defn = layer.GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    info.fields.push_back(describeField(*defn->GetFieldDefn(i), opened.recodeFrom));
  OGREnvelope envelope;
  const bool hasGeometry = layer.GetGeomType() != wkbNone;
  if (hasGeometry && layer.GetExtent(&envelope, FALSE) == OGRERR_NONE && envelope.IsInit())
    info.extent = Extent(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
  if (const OGRSpatialReference* crs = layerCrs(opened, layer)) {
    info.crsWkt = exportWkt(*crs);
    info.epsg = epsgOf(*crs);
    info.lonLatExtent = lonLatExtent(*crs, info.extent);
  } else if (hasGeometry && opened.driver != "CSV") {
    info.warnings.push_back(
        "the layer has no coordinate system (a Shapefile may miss its .prj file); "
        "assign one before combining it with other data");
  }
  info.encoding = opened.encoding;
  info.encodingSource = opened.encodingSource;
  if (info.encoding.empty()) {  // a folder of Shapefiles: GDAL chose per layer (.cpg or language id)
    const char* gdalChoice = layer.GetMetadataItem("SOURCE_ENCODING", "SHAPEFILE");
    info.encoding = gdalChoice != nullptr && *gdalChoice != '\0' ? gdalChoice : "ISO-8859-1";
    info.encodingSource = "GDAL default for a folder of Shapefiles";
    if (info.encoding != "UTF-8")
      info.warnings.push_back(
          "text is read as " + info.encoding +
          "; open the .shp file itself to detect a Chinese (GBK) encoding from the content");
  }
  info.warnings.insert(info.warnings.end(), opened.warnings.begin(), opened.warnings.end());
  return info;
}

}  // namespace onemap::vector::detail
