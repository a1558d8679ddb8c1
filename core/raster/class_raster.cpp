#include "onemap/raster/class_raster.h"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "gdal_support.h"
#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/gdal_init.h"
#include "onemap/gdal/gdal_progress.h"
#include "onemap/gdal/handles.h"

namespace onemap::raster {

struct ByteRasterWriter::Impl {
  std::filesystem::path path;
  gdal::DatasetPtr dataset;
};

ByteRasterWriter::ByteRasterWriter(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ByteRasterWriter::ByteRasterWriter(ByteRasterWriter&&) noexcept = default;
ByteRasterWriter& ByteRasterWriter::operator=(ByteRasterWriter&&) noexcept = default;
ByteRasterWriter::~ByteRasterWriter() = default;

Result<ByteRasterWriter> ByteRasterWriter::create(const std::filesystem::path& path, const Grid& grid) {
  gdal::ensureInitialized();
  gdal::CplErrorCapture capture;
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (driver == nullptr) return fail(ErrorCode::Unsupported, "GDAL has no GeoTIFF driver", text::displayPath(path));
  CPLStringList options;
  options.SetNameValue("TILED", "YES");
  options.SetNameValue("COMPRESS", "DEFLATE");
  options.SetNameValue("SPARSE_OK", "TRUE");
  options.SetNameValue("BIGTIFF", "IF_SAFER");
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->dataset.reset(driver->Create(detail::gdalPath(path).c_str(), grid.width, grid.height, 1, GDT_Byte,
                                     options.List()));
  if (!impl->dataset)
    return fail(detail::gdalError(capture, ErrorCode::Io, "cannot create the scratch raster", path,
                                  "Check the free disk space and that the folder is writable."));
  auto transform = grid.geoTransform;
  impl->dataset->SetGeoTransform(transform.data());
  if (!grid.crsWkt.empty()) impl->dataset->SetProjection(grid.crsWkt.c_str());
  return ByteRasterWriter(std::move(impl));
}

Status ByteRasterWriter::write(const Window& window, const std::vector<std::uint8_t>& values) {
  if (!m_impl->dataset) return fail(ErrorCode::Internal, "the scratch raster is closed", text::displayPath(m_impl->path));
  if (std::int64_t(values.size()) < window.pixelCount())
    return fail(ErrorCode::Internal, "fewer values than pixels in the window", text::displayPath(m_impl->path));
  gdal::CplErrorCapture capture;
  auto* data = const_cast<std::uint8_t*>(values.data());
  if (m_impl->dataset->GetRasterBand(1)->RasterIO(GF_Write, window.xOff, window.yOff, window.width, window.height,
                                                  data, window.width, window.height, GDT_Byte, 0, 0,
                                                  nullptr) != CE_None)
    return fail(detail::gdalError(capture, ErrorCode::Io, "cannot write the scratch raster", m_impl->path,
                                  "Check the free disk space."));
  return {};
}

Status ByteRasterWriter::close() {
  gdal::CplErrorCapture capture;
  m_impl->dataset.reset();
  if (capture.hasFailures())
    return fail(detail::gdalError(capture, ErrorCode::Io, "cannot close the scratch raster", m_impl->path));
  return {};
}

Status polygonizeClasses(const std::filesystem::path& path, Feedback& feedback,
                         const std::function<Status(ValuePolygon&&)>& visit) {
  auto opened = detail::openRasterDataset(path);
  if (!opened) return fail(opened.error());
  GDALDataset& dataset = **opened;
  gdal::CplErrorCapture capture;
  GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("Memory");
  if (memory == nullptr) return fail(ErrorCode::Unsupported, "GDAL has no Memory vector driver");
  gdal::DatasetPtr polygons(memory->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  OGRSpatialReference srs;
  if (const char* wkt = dataset.GetProjectionRef(); wkt != nullptr && *wkt) srs.importFromWkt(wkt);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* layer = polygons->CreateLayer("classes", srs.IsEmpty() ? nullptr : &srs, wkbPolygon, nullptr);
  OGRFieldDefn field("value", OFTInteger);
  if (layer == nullptr || layer->CreateField(&field) != OGRERR_NONE)
    return fail(detail::gdalError(capture, ErrorCode::Internal, "cannot create the polygon layer", path));
  GDALRasterBand* band = dataset.GetRasterBand(1);
  CPLStringList options;
  options.SetNameValue("8CONNECTED", "8");
  if (GDALPolygonize(band, band, layer, 0, options.List(), gdal::progressToFeedback, &feedback) != CE_None) {
    if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled");
    return fail(detail::gdalError(capture, ErrorCode::Io, "cannot polygonize the class raster", path));
  }
  layer->ResetReading();
  for (gdal::FeaturePtr feature(layer->GetNextFeature()); feature; feature.reset(layer->GetNextFeature())) {
    const OGRGeometry* geometry = feature->GetGeometryRef();
    if (geometry == nullptr) continue;
    ValuePolygon polygon;
    polygon.value = feature->GetFieldAsInteger(0);
    polygon.wkb.resize(std::size_t(geometry->WkbSize()));
    geometry->exportToWkb(wkbNDR, polygon.wkb.data(), wkbVariantIso);
    if (auto status = visit(std::move(polygon)); !status) return status;
  }
  return {};
}

}  // namespace onemap::raster
