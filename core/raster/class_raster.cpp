#include "onemap/raster/class_raster.h"

#include <gdal_priv.h>

#include <cstring>

#include "gdal_support.h"
#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/gdal_init.h"
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
  // ZSTD at its fastest level packs the mostly empty tiles as tightly as DEFLATE in a fraction of
  // the time (the block pass writes them, the polygonizer reads them back).
  const char* creationOptions = driver->GetMetadataItem(GDAL_DMD_CREATIONOPTIONLIST);
  const bool zstd = creationOptions != nullptr && std::strstr(creationOptions, "ZSTD") != nullptr;
  options.SetNameValue("COMPRESS", zstd ? "ZSTD" : "DEFLATE");
  if (zstd) options.SetNameValue("ZSTD_LEVEL", "1");
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

}  // namespace onemap::raster
