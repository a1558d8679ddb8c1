#include "onemap/vector/gpkg_writer.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstring>
#include <system_error>

#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/gdal_init.h"
#include "onemap/gdal/handles.h"
#include "onemap/storage/atomic_file.h"

namespace onemap::vector {

struct GpkgWriter::Impl {
  std::filesystem::path target;
  std::filesystem::path temporary;
  gdal::DatasetPtr dataset;
  OGRSpatialReference srs;
  OGRLayer* layer = nullptr;
  std::string layerName;
  bool finished = false;

  Error failure(const gdal::CplErrorCapture& capture, const std::string& what) const {
    return capture.toError(ErrorCode::Io, what, text::displayPath(target) + (layerName.empty() ? "" : ": " + layerName),
                           "Check the free disk space and that the folder is writable.");
  }
};

GpkgWriter::GpkgWriter(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
GpkgWriter::GpkgWriter(GpkgWriter&&) noexcept = default;
GpkgWriter& GpkgWriter::operator=(GpkgWriter&&) noexcept = default;

GpkgWriter::~GpkgWriter() {
  if (!m_impl || m_impl->finished) return;
  m_impl->dataset.reset();
  std::error_code ec;
  std::filesystem::remove(m_impl->temporary, ec);
}

Result<GpkgWriter> GpkgWriter::create(const std::filesystem::path& target, int epsg) {
  return create(target, "EPSG:" + std::to_string(epsg));
}

Result<GpkgWriter> GpkgWriter::create(const std::filesystem::path& target, const std::string& crs) {
  gdal::ensureInitialized();
  auto impl = std::make_unique<Impl>();
  impl->target = target;
  impl->temporary = storage::temporarySibling(target);
  if (impl->srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE)
    return fail(ErrorCode::InvalidInput, "the coordinate system is not understood: " + crs.substr(0, 80),
                text::displayPath(target));
  impl->srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  gdal::CplErrorCapture capture;
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (driver == nullptr) return fail(ErrorCode::Unsupported, "GDAL has no GeoPackage driver", text::displayPath(target));
  impl->dataset.reset(driver->Create(impl->temporary.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!impl->dataset) return fail(impl->failure(capture, "cannot create the GeoPackage"));
  return GpkgWriter(std::move(impl));
}

Status GpkgWriter::beginLayer(const std::string& name, const std::string& geometry,
                              const std::vector<FieldSpec>& fields, const std::string& description) {
  gdal::CplErrorCapture capture;
  m_impl->layerName = name;
  OGRwkbGeometryType type = wkbNone;
  if (geometry == "Polygon") type = wkbPolygon;
  else if (geometry == "MultiPolygon") type = wkbMultiPolygon;
  else if (geometry == "Point") type = wkbPoint;
  else if (geometry == "LineString") type = wkbLineString;
  CPLStringList options;
  if (!description.empty()) options.SetNameValue("DESCRIPTION", description.c_str());
  m_impl->layer = m_impl->dataset->CreateLayer(name.c_str(), type == wkbNone ? nullptr : &m_impl->srs, type,
                                               options.List());
  if (m_impl->layer == nullptr) return fail(m_impl->failure(capture, "cannot create the layer"));
  for (const auto& f : fields) {
    const OGRFieldType t = f.type == FieldSpec::Type::Integer ? OFTInteger64
                           : f.type == FieldSpec::Type::Real  ? OFTReal
                                                              : OFTString;
    OGRFieldDefn defn(f.name.c_str(), t);
    if (f.width > 0) defn.SetWidth(f.width);
    if (m_impl->layer->CreateField(&defn) != OGRERR_NONE)
      return fail(m_impl->failure(capture, "cannot create field " + f.name));
  }
  if (m_impl->dataset->StartTransaction() != OGRERR_NONE)
    return fail(m_impl->failure(capture, "cannot start a transaction"));
  return {};
}

Status GpkgWriter::add(const std::vector<unsigned char>& wkb, const std::vector<FieldValue>& values) {
  gdal::CplErrorCapture capture;
  gdal::FeaturePtr feature(OGRFeature::CreateFeature(m_impl->layer->GetLayerDefn()));
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int index = int(i);
    if (const auto* v = std::get_if<std::int64_t>(&values[i])) feature->SetField(index, static_cast<GIntBig>(*v));
    else if (const auto* d = std::get_if<double>(&values[i])) feature->SetField(index, *d);
    else feature->SetField(index, std::get<std::string>(values[i]).c_str());
  }
  if (!wkb.empty()) {
    OGRGeometry* geometry = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), &m_impl->srs, &geometry, wkb.size()) != OGRERR_NONE)
      return fail(ErrorCode::Internal, "cannot build a geometry", m_impl->layerName);
    feature->SetGeometryDirectly(geometry);
  }
  if (m_impl->layer->CreateFeature(feature.get()) != OGRERR_NONE)
    return fail(m_impl->failure(capture, "cannot write a feature"));
  return {};
}

Status GpkgWriter::endLayer() {
  gdal::CplErrorCapture capture;
  if (m_impl->dataset->CommitTransaction() != OGRERR_NONE)
    return fail(m_impl->failure(capture, "cannot commit the layer"));
  m_impl->layer = nullptr;
  m_impl->layerName.clear();
  return {};
}

Status GpkgWriter::finish() {
  gdal::CplErrorCapture capture;
  m_impl->dataset.reset();  // closes and flushes
  if (capture.hasFailures()) return fail(m_impl->failure(capture, "cannot close the GeoPackage"));
  auto status = storage::publishTemporary(m_impl->temporary, m_impl->target);
  m_impl->finished = status.has_value();
  return status;
}

}  // namespace onemap::vector
