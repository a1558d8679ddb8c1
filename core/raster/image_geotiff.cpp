#include "onemap/raster/image_geotiff.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <string>
#include <system_error>

#include "gdal_support.h"
#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/gdal_init.h"
#include "onemap/gdal/handles.h"

namespace onemap::raster {

Status writeRgbaGeoTiff(const std::filesystem::path& path, const RgbaPixels& pixels, const GeoTiffOptions& options) {
  const std::string shown = text::displayPath(path);
  if (pixels.data == nullptr || pixels.width <= 0 || pixels.height <= 0 || pixels.bytesPerLine < 4 * pixels.width)
    return fail(ErrorCode::Internal, "no picture to write", shown);
  gdal::ensureInitialized();
  gdal::CplErrorCapture capture;
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (driver == nullptr) return fail(ErrorCode::Unsupported, "GDAL has no GeoTIFF driver", shown);
  CPLStringList create;
  create.SetNameValue("TILED", "YES");
  create.SetNameValue("COMPRESS", "DEFLATE");
  create.SetNameValue("PREDICTOR", "2");
  create.SetNameValue("ZLEVEL", "1");  // libdeflate at its fastest: a page in a fraction of level 6's time
  create.SetNameValue("PHOTOMETRIC", "RGB");
  create.SetNameValue("ALPHA", "YES");  // unassociated (not premultiplied), as QImage::Format_RGBA8888
  create.SetNameValue("BIGTIFF", "IF_SAFER");
  if (options.threads > 1) create.SetNameValue("NUM_THREADS", std::to_string(options.threads).c_str());
  gdal::DatasetPtr dataset(
      driver->Create(detail::gdalPath(path).c_str(), pixels.width, pixels.height, 4, GDT_Byte, create.List()));
  const auto failed = [&](const std::string& what) {
    dataset.reset();
    std::error_code ec;
    std::filesystem::remove(path, ec);
    return fail(detail::gdalError(capture, ErrorCode::Io, what, path,
                                  "Check the free disk space and that the folder is writable."));
  };
  if (!dataset) return failed("cannot create the GeoTIFF");
  auto transform = options.geoTransform;
  if (dataset->SetGeoTransform(transform.data()) != CE_None) return failed("cannot store the georeferencing");
  if (!options.crs.empty()) {
    auto srs = detail::spatialReferenceFrom(options.crs);
    if (!srs) {
      dataset.reset();
      std::error_code ec;
      std::filesystem::remove(path, ec);
      return fail(ErrorCode::InvalidInput, "unknown coordinate reference system \"" + options.crs + "\"", shown);
    }
    if (dataset->SetSpatialRef(srs.get()) != CE_None) return failed("cannot store the coordinate system");
  }
  if (options.dpi > 0) {
    const std::string dpi = std::to_string(options.dpi);
    dataset->SetMetadataItem("TIFFTAG_XRESOLUTION", dpi.c_str());
    dataset->SetMetadataItem("TIFFTAG_YRESOLUTION", dpi.c_str());
    dataset->SetMetadataItem("TIFFTAG_RESOLUTIONUNIT", "2");  // inches
  }
  dataset->SetMetadataItem("TIFFTAG_SOFTWARE", "OneMap Agri");
  auto* data = const_cast<unsigned char*>(pixels.data);
  if (dataset->RasterIO(GF_Write, 0, 0, pixels.width, pixels.height, data, pixels.width, pixels.height, GDT_Byte, 4,
                        nullptr, 4, pixels.bytesPerLine, 1, nullptr) != CE_None)
    return failed("cannot write the GeoTIFF");
  dataset->FlushCache(true);
  if (capture.hasFailures()) return failed("cannot finish the GeoTIFF");
  dataset.reset();
  if (capture.hasFailures()) return failed("cannot finish the GeoTIFF");
  return {};
}

Result<std::string> crsWkt(const std::string& crs, bool esri) {
  gdal::ensureInitialized();
  auto srs = detail::spatialReferenceFrom(crs);
  if (!srs)
    return fail(ErrorCode::InvalidInput, "unknown coordinate reference system", crs,
                "Use an EPSG code such as EPSG:4549 or a WKT definition.");
  if (!esri) {
    std::string wkt = detail::exportWkt(*srs);
    if (wkt.empty()) return fail(ErrorCode::InvalidInput, "cannot write the CRS as WKT", crs);
    return wkt;
  }
  gdal::CplErrorCapture quiet;
  char* text = nullptr;
  const char* const options[] = {"FORMAT=WKT1_ESRI", nullptr};
  std::string wkt;
  if (srs->exportToWkt(&text, options) == OGRERR_NONE && text != nullptr) wkt = text;
  CPLFree(text);
  if (wkt.empty()) return fail(ErrorCode::InvalidInput, "cannot write the CRS as ESRI WKT", crs);
  return wkt;
}

}  // namespace onemap::raster
