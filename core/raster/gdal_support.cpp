#include "onemap/raster/gdal_support.h"

#include <gdal_pam.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <fstream>
#include <system_error>

#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/gdal_init.h"

namespace onemap::raster::detail {
namespace {

constexpr const char* kSupportedHint =
    "OneMap reads raster images such as GeoTIFF (.tif/.tiff), ERDAS Imagine (.img), "
    "JPEG 2000 (.jp2), ENVI (.dat with .hdr), GDAL VRT (.vrt), HDF/NetCDF and other GDAL "
    "raster formats.";

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
  if (from.empty() || from == to) return;
  for (std::size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
}

std::map<std::string, std::string> metadataMap(GDALMajorObject& object, const char* domain) {
  std::map<std::string, std::string> out;
  CSLConstList list = object.GetMetadata(domain);
  for (int i = 0; list != nullptr && list[i] != nullptr; ++i) {
    char* key = nullptr;
    const char* value = CPLParseNameValue(list[i], &key);
    if (key != nullptr && value != nullptr) out.emplace(key, value);
    CPLFree(key);
  }
  return out;
}

// Classifies a file GDAL could not open as a raster.
Error notOpened(const gdal::CplErrorCapture& openCapture, const std::filesystem::path& path,
                const std::string& name, bool isDirectory) {
  const std::string display = text::displayPath(path);
  {
    gdal::CplErrorCapture quiet;
    gdal::DatasetPtr vector(GDALDataset::Open(name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (vector != nullptr) {
      const std::string driver = vector->GetDriver() != nullptr
                                     ? vector->GetDriver()->GetDescription()
                                     : std::string("vector");
      return Error{ErrorCode::Unsupported,
                   "contains vector data (" + driver + "), not a raster image", display,
                   "Add it as a vector layer instead."};
    }
    // Checked after the vector case: GeoPackage and other mixed drivers identify as raster too.
    if (GDALIdentifyDriverEx(name.c_str(), GDAL_OF_RASTER, nullptr, nullptr) != nullptr)
      return gdalError(openCapture, ErrorCode::OpenFailed,
                       "cannot open the image; the file may be truncated or damaged", path,
                       "Copy the file again from its source.");
  }
  if (isDirectory)
    return Error{ErrorCode::InvalidInput, "is a folder, not an image file", display,
                 "Choose the image file inside it. " + std::string(kSupportedHint)};
  std::ifstream probe(path, std::ios::binary);
  if (!probe)
    return Error{ErrorCode::Io, "cannot read the file", display,
                 "Check that you have permission to read it."};
  return Error{ErrorCode::Unsupported, "is not a raster image GDAL can read", display,
               kSupportedHint};
}

// Reads one pixel from the last block of band 1: a truncated GeoTIFF opens (its header is at
// the start) but fails here.
Status probeLastBlock(GDALDataset& dataset, const std::filesystem::path& path) {
  GDALRasterBand* band = dataset.GetRasterBand(1);
  if (band == nullptr) return {};
  gdal::CplErrorCapture capture;
  double value = 0.0;
  const CPLErr err = band->RasterIO(GF_Read, dataset.GetRasterXSize() - 1,
                                    dataset.GetRasterYSize() - 1, 1, 1, &value, 1, 1,
                                    GDT_Float64, 0, 0, nullptr);
  if (err != CE_None || capture.hasFailures())
    return std::unexpected(gdalError(capture, ErrorCode::OpenFailed,
                                     "cannot read the image; the file is truncated or damaged",
                                     path, "Copy the file again from its source."));
  return {};
}

}  // namespace

std::string gdalPath(const std::filesystem::path& path) {
#ifdef _WIN32
  const std::u8string utf8 = path.u8string();
  return std::string(utf8.begin(), utf8.end());
#else
  return path.string();
#endif
}

void disableSidecarWrites(GDALDataset& dataset) {
  // PAM-based drivers (GTiff and most others) keep statistics computed on a read-only dataset
  // in memory and write them to <file>.aux.xml on close; GPF_NOSAVE keeps reading existing
  // sidecars but never writes one.
  if (auto* pam = dynamic_cast<GDALPamDataset*>(&dataset))
    pam->SetPamFlags(pam->GetPamFlags() | GPF_NOSAVE);
}

Result<gdal::DatasetPtr> openRasterDataset(const std::filesystem::path& path) {
  gdal::ensureInitialized();
  const std::string name = gdalPath(path);
  const std::string display = text::displayPath(path);
  if (name.empty())
    return fail(ErrorCode::InvalidInput, "no file name given", {}, "Choose an image file.");
  bool isDirectory = false;
  if (!name.starts_with("/vsi")) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status))
      return fail(ErrorCode::NotFound, "file does not exist", display,
                  "Check the path, and that the drive or network share is connected.");
    isDirectory = std::filesystem::is_directory(status);
  }
  gdal::CplErrorCapture capture;
  gdal::DatasetPtr dataset(GDALDataset::Open(
      name.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
  if (dataset == nullptr) return fail(notOpened(capture, path, name, isDirectory));
  disableSidecarWrites(*dataset);
  if (dataset->GetRasterCount() == 0) {
    CSLConstList subdatasets = dataset->GetMetadata("SUBDATASETS");
    if (subdatasets != nullptr && subdatasets[0] != nullptr)
      return fail(ErrorCode::Unsupported, "contains several images (sub-datasets)", display,
                  "Open one of them, e.g. " +
                      text::escapeInvalidUtf8(CPLParseNameValue(subdatasets[0], nullptr)));
    return fail(ErrorCode::Unsupported, "has no raster bands", display, kSupportedHint);
  }
  if (dataset->GetDriver() != nullptr &&
      std::string_view(dataset->GetDriver()->GetDescription()) == "GTiff") {
    if (auto probed = probeLastBlock(*dataset, path); !probed) return fail(probed.error());
  }
  return dataset;
}

Error gdalError(const gdal::CplErrorCapture& capture, ErrorCode code, std::string what,
                const std::filesystem::path& path, std::string hint) {
  const std::string display = text::displayPath(path);
  Error error = capture.toError(code, std::move(what), display, std::move(hint));
  // The context names the file; GDAL repeats the raw path bytes (maybe GBK) in its text.
  replaceAll(error.message, gdalPath(path), "the file");
  error.message = text::escapeInvalidUtf8(error.message);
  return error;
}

RasterEvidence collectEvidence(GDALDataset& dataset, const std::filesystem::path& path) {
  RasterEvidence evidence;
  evidence.fileName = path.filename().string();
  evidence.metadata = metadataMap(dataset, nullptr);
  for (auto& [key, value] : metadataMap(dataset, "IMAGERY")) evidence.metadata.emplace(key, value);
  for (int i = 1; i <= dataset.GetRasterCount(); ++i) {
    GDALRasterBand* band = dataset.GetRasterBand(i);
    BandEvidence b;
    b.description = band->GetDescription();
    b.colorInterpretation = GDALGetColorInterpretationName(band->GetColorInterpretation());
    b.dataType = GDALGetDataTypeName(band->GetRasterDataType());
    b.metadata = metadataMap(*band, nullptr);
    for (auto& [key, value] : metadataMap(*band, "IMAGERY")) b.metadata.emplace(key, value);
    evidence.bands.push_back(std::move(b));
  }
  return evidence;
}

Extent gridExtent(int width, int height, const std::array<double, 6>& gt) {
  Extent extent;
  for (const auto& [px, py] : {std::pair{0, 0}, std::pair{width, 0}, std::pair{0, height},
                              std::pair{width, height}}) {
    extent.include(gt[0] + px * gt[1] + py * gt[2], gt[3] + px * gt[4] + py * gt[5]);
  }
  return extent;
}

std::string exportWkt(const OGRSpatialReference& srs) {
  char* wkt = nullptr;
  const char* const options[] = {"FORMAT=WKT2_2019", "MULTILINE=NO", nullptr};
  std::string out;
  if (srs.exportToWkt(&wkt, options) == OGRERR_NONE && wkt != nullptr) out = wkt;
  CPLFree(wkt);
  return out;
}

int identifyEpsg(const OGRSpatialReference& srs) {
  const auto epsgOf = [](const OGRSpatialReference& s) {
    const char* authority = s.GetAuthorityName(nullptr);
    const char* code = s.GetAuthorityCode(nullptr);
    if (authority != nullptr && code != nullptr && EQUAL(authority, "EPSG")) return atoi(code);
    return 0;
  };
  if (const int code = epsgOf(srs); code != 0) return code;
  gdal::CplErrorCapture quiet;
  gdal::SpatialReferencePtr copy(srs.Clone());
  if (copy != nullptr && copy->AutoIdentifyEPSG() == OGRERR_NONE) {
    if (const int code = epsgOf(*copy); code != 0) return code;
  }
  gdal::SpatialReferencePtr best(srs.FindBestMatch(90, "EPSG"));
  if (best != nullptr) return epsgOf(*best);
  return 0;
}

std::optional<Extent> transformExtent(const Extent& extent, const OGRSpatialReference& from,
                                      const OGRSpatialReference& to) {
  if (extent.isEmpty()) return std::nullopt;
  gdal::CplErrorCapture quiet;
  gdal::TransformationPtr transform(OGRCreateCoordinateTransformation(&from, &to));
  if (transform == nullptr) return std::nullopt;
  double minX = 0, minY = 0, maxX = 0, maxY = 0;
  if (!transform->TransformBounds(extent.minX(), extent.minY(), extent.maxX(), extent.maxY(),
                                  &minX, &minY, &maxX, &maxY, 21))
    return std::nullopt;
  return Extent(minX, minY, maxX, maxY);
}

gdal::SpatialReferencePtr spatialReferenceFrom(const std::string& text) {
  if (text.empty()) return nullptr;
  gdal::CplErrorCapture quiet;
  gdal::SpatialReferencePtr srs(new OGRSpatialReference());
  // No file or network look-ups: the text is WKT, PROJJSON or an authority code.
  const auto limits = OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS_get();
  if (srs->SetFromUserInput(text.c_str(), limits) != OGRERR_NONE) return nullptr;
  srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

}  // namespace onemap::raster::detail
