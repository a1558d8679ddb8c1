#include "detail/layer_scan.h"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <map>

#include "detail/dataset_open.h"
#include "detail/layer_describe.h"
#include "detail/ogr_geometry_util.h"
#include "detail/polygon_area.h"
#include "onemap/base/units.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/geos/geometry.h"

namespace onemap::vector::detail {
namespace {

/// Invalid geometries of one kind (GEOS reason without its location).
struct InvalidKind {
  std::int64_t count = 0;
  std::string firstExample;
};

std::string plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string invalidWarning(const std::string& reason, const InvalidKind& kind) {
  std::string sentence;
  const char* pronoun = kind.count == 1 ? "; it" : "; they";
  if (reason == "Self-intersection")
    return plural(kind.count, "polygon is", "polygons are") + " self-intersecting" + pronoun +
           " will be repaired when used (first: " + kind.firstExample + ")";
  return plural(kind.count, "geometry is", "geometries are") + " invalid (" + reason + ")" + pronoun +
         " will be repaired when used, or dropped if nothing valid remains (first: " + kind.firstExample +
         ")";
}

bool within(double value, double low, double high) { return value >= low && value <= high; }

// Chinese survey tables call the northing X: a CSV whose X/Y look swapped deserves a word.
void checkCsvAxes(const OGRSpatialReference* crs, const Extent& extent, std::vector<std::string>& warnings) {
  if (extent.isEmpty()) return;
  bool swapped = false;
  if (crs != nullptr && crs->IsProjected())
    swapped = within(extent.minX(), 1e6, 1e7) && within(extent.maxX(), 1e6, 1e7) &&
              (extent.maxY() < 1e6 || (extent.minY() >= 1e7 && extent.maxY() < 1e8));
  else
    swapped = within(extent.minX(), 3.0, 54.0) && within(extent.maxX(), 3.0, 54.0) &&
              within(extent.minY(), 73.0, 136.0) && within(extent.maxY(), 73.0, 136.0);
  if (swapped)
    warnings.push_back(
        "the X and Y columns look swapped (X holds northing/latitude values); Chinese survey "
        "tables call the northing X: set csvXField/csvYField the other way round");
}

}  // namespace

Status scanLayer(const OpenedDataset& opened, OGRLayer& layer, LayerInfo& info, Feedback* feedback) {
  const OGRSpatialReference* crs = layerCrs(opened, layer);
  const AreaCalculator areas(crs);
  const bool hasGeometry = layer.GetGeomType() != wkbNone;
  const std::string step = "Checking layer " + info.name;
  const double expected = static_cast<double>(std::max<std::int64_t>(1, info.featureCount));
  std::map<std::string, InvalidKind> invalid;
  std::int64_t count = 0;
  std::int64_t polygonal = 0;
  std::int64_t otherGeometries = 0;
  double area = 0.0;
  Extent extent;

  gdal::CplErrorCapture capture;
  layer.SetSpatialFilter(nullptr);
  layer.ResetReading();
  for (gdal::FeaturePtr feature(layer.GetNextFeature()); feature; feature.reset(layer.GetNextFeature())) {
    ++count;
    if (feedback != nullptr && ((count - 1) & 255) == 0) {
      if (feedback->isCanceled())
        return fail(ErrorCode::Canceled, "checking the layer was canceled", layerContext(opened, info.name));
      feedback->setProgress(static_cast<double>(count) / expected, step);
    }
    if (!hasGeometry) continue;
    gdal::GeometryPtr geometry(feature->StealGeometry());
    if (!geometry || geometry->IsEmpty()) {
      ++info.emptyGeometryCount;
      continue;
    }
    OGREnvelope envelope;
    geometry->getEnvelope(&envelope);
    extent.include(Extent(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY));
    makeLinear(geometry);
    const bool isPolygon = isPolygonalGeometry(*geometry);
    ++(isPolygon ? polygonal : otherGeometries);
    auto checked = geos::Geometry::fromWkb(isoWkb(*geometry));
    const std::string example = "feature " + std::to_string(feature->GetFID());
    if (!checked) {
      auto& kind = invalid["unreadable coordinates"];
      if (kind.count++ == 0) kind.firstExample = example;
      ++info.invalidGeometryCount;
      continue;
    }
    if (checked->isValid()) {
      if (isPolygon) area += areas.squareMetres(*geometry);
      continue;
    }
    ++info.invalidGeometryCount;
    const std::string reason = checked->invalidReason();
    const bool selfIntersecting = reason.find("Self-intersection") != std::string::npos;
    auto& kind = invalid[selfIntersecting ? "Self-intersection" : reason.substr(0, reason.find('['))];
    if (kind.count++ == 0) kind.firstExample = example + ", " + reason;
    // Sum what the polygon covers once repaired, as readers will see it.
    if (!isPolygon) continue;
    if (auto fixed = checked->makeValid(); fixed && !fixed->isEmpty())
      if (auto repaired = geometryFromWkb(fixed->toWkb())) area += areas.squareMetres(*repaired);
  }
  layer.ResetReading();
  if (capture.hasFailures() && count < info.featureCount)
    info.warnings.push_back("reading stopped after " + std::to_string(count) + " of " +
                            std::to_string(info.featureCount) + " features: " + capture.lastMessage());

  info.featureCount = count;
  if (hasGeometry) {
    info.extent = extent;
    if (crs != nullptr) info.lonLatExtent = lonLatExtent(*crs, extent);
  }
  if (polygonal > 0 && otherGeometries == 0) info.isPolygonal = true;
  if (polygonal == 0 && otherGeometries > 0) info.isPolygonal = false;
  info.polygonAreaSquareMetres = area;
  info.polygonAreaMu = units::squareMetresToMu(area);
  info.areaMethod = areas.method();

  if (count == 0) info.warnings.push_back("layer is empty");
  if (info.emptyGeometryCount > 0)
    info.warnings.push_back(plural(info.emptyGeometryCount, "feature has", "features have") +
                            " no geometry or an empty one; it is skipped when features are read with repair");
  for (const auto& [reason, kind] : invalid) info.warnings.push_back(invalidWarning(reason, kind));
  if (info.isPolygonal && !areas.isMetric() && count > 0)
    info.warnings.push_back(
        "the layer has no projected or geographic coordinate system: areas are in its own "
        "units squared and may not be square metres");
  if (opened.driver == "CSV") checkCsvAxes(crs, extent, info.warnings);
  if (feedback != nullptr) feedback->setProgress(1.0, step);
  return {};
}

}  // namespace onemap::vector::detail
