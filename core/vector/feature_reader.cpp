#include "onemap/vector/feature_reader.h"

#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdio>

#include "detail/attribute_values.h"
#include "detail/dataset_open.h"
#include "detail/layer_describe.h"
#include "detail/ogr_geometry_util.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/geos/geometry.h"

namespace onemap::vector {

struct FeatureReader::Impl {
  detail::OpenedDataset opened;
  OGRLayer* layer = nullptr;
  LayerInfo info;
  std::string context;  ///< "path, layer 'name'"
};

namespace {

/// What forEach does to each geometry: reprojection and the post-filter in output units.
struct ReadPlan {
  gdal::TransformationPtr toTarget;  ///< null: coordinates stay as stored
  std::optional<Extent> filter;      ///< in output units
};

enum class Outcome { Keep, Skip };

Result<ReadPlan> makePlan(const detail::OpenedDataset& opened, OGRLayer& layer, const std::string& context,
                          const ReadOptions& options) {
  ReadPlan plan;
  const OGRSpatialReference* source = detail::layerCrs(opened, layer);
  if (!options.targetCrs.empty()) {
    gdal::SpatialReferencePtr target(new OGRSpatialReference());
    target->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (target->SetFromUserInput(options.targetCrs.c_str(),
                                 OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS_get()) != OGRERR_NONE)
      return fail(ErrorCode::InvalidInput,
                  "the target CRS '" + options.targetCrs + "' is not a coordinate system GDAL knows", context,
                  "give it as EPSG:4549, EPSG:4490... or as WKT");
    if (source == nullptr)
      return fail(
          ErrorCode::InvalidInput,
          "the layer has no coordinate system, so it cannot be reprojected to " + options.targetCrs, context,
          opened.driver == "CSV" ? "set csvCrs in the open options"
                                 : "assign the layer's coordinate system first (e.g. restore the .prj file)");
    if (!source->IsSame(target.get())) {
      gdal::SpatialReferencePtr from(source->Clone());
      from->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
      gdal::CplErrorCapture capture;
      plan.toTarget.reset(OGRCreateCoordinateTransformation(from.get(), target.get()));
      if (!plan.toTarget)
        return fail(capture.toError(
            ErrorCode::InvalidInput,
            "cannot transform from " + detail::crsLabel(*source) + " to " + options.targetCrs, context));
    }
  }
  if (options.filter) {
    plan.filter = options.filter;
    Extent stored = *options.filter;
    bool canFilterLayer = true;
    if (plan.toTarget) {
      gdal::TransformationPtr back(plan.toTarget->GetInverse());
      double minX = 0.0;
      double minY = 0.0;
      double maxX = 0.0;
      double maxY = 0.0;
      canFilterLayer = back && back->TransformBounds(stored.minX(), stored.minY(), stored.maxX(),
                                                     stored.maxY(), &minX, &minY, &maxX, &maxY, 21);
      stored = Extent(minX, minY, maxX, maxY);
    }
    if (canFilterLayer)
      layer.SetSpatialFilterRect(stored.minX(), stored.minY(), stored.maxX(), stored.maxY());
  }
  return plan;
}

// Reprojects, filters and (optionally) repairs one geometry, leaving its ISO WKB in `wkb`.
Outcome prepareGeometry(gdal::GeometryPtr geometry, const ReadPlan& plan, const ReadOptions& options,
                        RepairReport& report, std::vector<unsigned char>& wkb) {
  if (geometry->IsEmpty()) {
    if (!options.repairInvalid) {
      wkb = detail::isoWkb(*geometry);
      return Outcome::Keep;
    }
    ++report.dropped;
    return Outcome::Skip;
  }
  detail::makeLinear(geometry);
  if (plan.toTarget && geometry->transform(plan.toTarget.get()) != OGRERR_NONE) {
    ++report.dropped;  // outside the target CRS's area of use
    return Outcome::Skip;
  }
  if (plan.filter) {
    OGREnvelope envelope;
    geometry->getEnvelope(&envelope);
    if (!plan.filter->intersects(Extent(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY)))
      return Outcome::Skip;
  }
  wkb = detail::isoWkb(*geometry);
  if (!options.repairInvalid) return Outcome::Keep;
  auto checked = geos::Geometry::fromWkb(wkb);
  if (checked && checked->isValid()) return Outcome::Keep;
  ++report.invalidFound;
  auto fixed = checked ? checked->makeValid() : Result<geos::Geometry>(fail(checked.error()));
  if (!fixed || fixed->isEmpty()) {
    ++report.dropped;
    return Outcome::Skip;
  }
  wkb = fixed->toWkb();
  ++report.repaired;
  return Outcome::Keep;
}

}  // namespace

FeatureReader::FeatureReader(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
FeatureReader::FeatureReader(FeatureReader&&) noexcept = default;
FeatureReader& FeatureReader::operator=(FeatureReader&&) noexcept = default;
FeatureReader::~FeatureReader() = default;

Result<FeatureReader> FeatureReader::open(const std::filesystem::path& path, const std::string& layerName,
                                          const OpenOptions& options) {
  auto opened = detail::openDataset(path, options);
  if (!opened) return fail(opened.error());
  auto layer = detail::findLayer(*opened, layerName);
  if (!layer) return fail(layer.error());
  auto impl = std::make_unique<Impl>();
  impl->opened = std::move(*opened);
  impl->layer = *layer;
  impl->info = detail::describeLayer(impl->opened, **layer);
  impl->context = detail::layerContext(impl->opened, impl->info.name);
  return FeatureReader(std::move(impl));
}

const LayerInfo& FeatureReader::layer() const { return m_impl->info; }

bool FeatureReader::hasFastFidFilter() const {
  return m_impl->opened.driver == "GPKG" || m_impl->opened.driver == "SQLite";
}

std::optional<Extent> FeatureReader::extentIn(const std::string& crs) const {
  const Extent& stored = m_impl->info.extent;
  if (stored.isEmpty()) return std::nullopt;
  const OGRSpatialReference* source = detail::layerCrs(m_impl->opened, *m_impl->layer);
  if (source == nullptr || crs.empty()) return std::nullopt;
  gdal::SpatialReferencePtr target(new OGRSpatialReference());
  target->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (target->SetFromUserInput(crs.c_str(), OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS_get()) !=
      OGRERR_NONE)
    return std::nullopt;
  if (source->IsSame(target.get())) return stored;
  gdal::SpatialReferencePtr from(source->Clone());
  from->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  gdal::CplErrorCapture capture;
  gdal::TransformationPtr transform(OGRCreateCoordinateTransformation(from.get(), target.get()));
  double minX = 0.0;
  double minY = 0.0;
  double maxX = 0.0;
  double maxY = 0.0;
  if (!transform || !transform->TransformBounds(stored.minX(), stored.minY(), stored.maxX(), stored.maxY(), &minX,
                                                &minY, &maxX, &maxY, 21))
    return std::nullopt;
  return Extent(minX, minY, maxX, maxY);
}

Result<RepairReport> FeatureReader::forEach(const ReadOptions& options, Feedback* feedback,
                                            const std::function<bool(const Feature&)>& visit) {
  OGRLayer& layer = *m_impl->layer;
  // Whatever happens, leave the layer unfiltered and rewound for the next call.
  struct Rewind {
    OGRLayer& layer;
    bool ignoring = false;
    bool filtering = false;
    ~Rewind() {
      layer.SetSpatialFilter(nullptr);
      if (ignoring) layer.SetIgnoredFields(nullptr);
      if (filtering) layer.SetAttributeFilter(nullptr);
      layer.ResetReading();
    }
  } rewind{layer};
  layer.SetSpatialFilter(nullptr);
  layer.ResetReading();
  auto plan = makePlan(m_impl->opened, layer, m_impl->context, options);
  if (!plan) return fail(plan.error());
  std::string where = options.attributeFilter.empty() ? std::string() : "(" + options.attributeFilter + ")";
  if (options.fidRange) {
    const std::string column = layer.GetFIDColumn()[0] != '\0' ? std::string("\"") + layer.GetFIDColumn() + "\"" : "FID";
    where += (where.empty() ? "" : " AND ") + column + " >= " + std::to_string(options.fidRange->first) + " AND " +
             column + " <= " + std::to_string(options.fidRange->second);
  }
  if (!where.empty()) {
    rewind.filtering = true;
    gdal::CplErrorCapture filterCapture;
    if (layer.SetAttributeFilter(where.c_str()) != OGRERR_NONE)
      return fail(filterCapture.toError(ErrorCode::InvalidInput, "cannot select features (" + where + ")",
                                        m_impl->context, "Check the field names and the quoting of the filter."));
  }
  // Only the requested fields: their indices, and the driver told to skip the other columns.
  std::vector<int> selected;
  if (options.fields) {
    const auto& fields = m_impl->info.fields;
    std::vector<bool> keep(fields.size(), false);
    for (const auto& name : *options.fields) {
      int index = -1;
      for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == name) index = static_cast<int>(i);
      selected.push_back(index);
      if (index >= 0) keep[static_cast<std::size_t>(index)] = true;
    }
    OGRFeatureDefn* definition = layer.GetLayerDefn();
    std::vector<const char*> ignored;
    for (int i = 0; i < definition->GetFieldCount(); ++i)
      if (static_cast<std::size_t>(i) >= keep.size() || !keep[static_cast<std::size_t>(i)])
        ignored.push_back(definition->GetFieldDefn(i)->GetNameRef());
    ignored.push_back("OGR_STYLE");
    ignored.push_back(nullptr);
    rewind.ignoring = layer.SetIgnoredFields(ignored.data()) == OGRERR_NONE;
  }

  RepairReport report;
  const std::string step = "Reading " + m_impl->info.name;
  const double expected = static_cast<double>(std::max<std::int64_t>(1, m_impl->info.featureCount));
  bool stoppedByVisitor = false;
  gdal::CplErrorCapture capture;
  for (gdal::FeaturePtr feature(layer.GetNextFeature()); feature; feature.reset(layer.GetNextFeature())) {
    ++report.featuresRead;
    if (feedback != nullptr && ((report.featuresRead - 1) & 255) == 0) {
      if (feedback->isCanceled())
        return fail(ErrorCode::Canceled, "reading the features was canceled", m_impl->context);
      feedback->setProgress(static_cast<double>(report.featuresRead) / expected, step);
    }
    Feature out;
    out.fid = feature->GetFID();
    if (gdal::GeometryPtr geometry(feature->StealGeometry()); geometry)
      if (prepareGeometry(std::move(geometry), *plan, options, report, out.wkb) == Outcome::Skip) continue;
    out.attributes = options.fields ? detail::readAttributes(*feature, m_impl->opened.recodeFrom, selected)
                                    : detail::readAttributes(*feature, m_impl->opened.recodeFrom);
    if (!visit(out)) {
      stoppedByVisitor = true;
      break;
    }
  }
  if (!stoppedByVisitor && !options.filter && !options.fidRange && options.attributeFilter.empty() && capture.hasFailures() &&
      report.featuresRead < m_impl->info.featureCount)
    return fail(capture.toError(ErrorCode::OpenFailed,
                                "reading stopped after " + std::to_string(report.featuresRead) + " of " +
                                    std::to_string(m_impl->info.featureCount) + " features",
                                m_impl->context,
                                "the file may be damaged; export it again from the source GIS"));
  // Some drivers (GeoPackage) accept any WHERE clause and only fail when reading.
  if (!stoppedByVisitor && !options.attributeFilter.empty() && capture.hasFailures() && report.featuresRead == 0)
    return fail(capture.toError(ErrorCode::InvalidInput, "cannot select features (" + options.attributeFilter + ")",
                                m_impl->context, "Check the field names and the quoting of the filter."));
  if (feedback != nullptr) feedback->setProgress(1.0, step);
  return report;
}

Result<std::vector<Feature>> FeatureReader::readAll(const ReadOptions& options, Feedback* feedback,
                                                    RepairReport* report) {
  std::vector<Feature> features;
  auto result = forEach(options, feedback, [&features](const Feature& feature) {
    features.push_back(feature);
    return true;
  });
  if (!result) return fail(result.error());
  if (report != nullptr) *report = *result;
  return features;
}

std::string attributeText(const AttributeValue& value, int significantDigits) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", significantDigits, *d);
    return buffer;
  }
  return {};
}

}  // namespace onemap::vector
