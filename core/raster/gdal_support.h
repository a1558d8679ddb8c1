#pragma once
// Internal to onemap_raster: GDAL plumbing shared by readRasterInfo, RasterSource and the
// alignment code. GDAL types are only forward-declared here.

#include <array>
#include <filesystem>
#include <optional>
#include <string>

#include "onemap/base/error.h"
#include "onemap/base/extent.h"
#include "onemap/gdal/handles.h"
#include "onemap/raster/band_role.h"

class GDALDataset;
class OGRSpatialReference;

namespace onemap::gdal {
class CplErrorCapture;
}

namespace onemap::raster::detail {

/// The file name as GDAL wants it (bytes on POSIX, UTF-8 on Windows).
std::string gdalPath(const std::filesystem::path& path);

/// Opens `path` read-only as a raster, with NotFound / OpenFailed / Unsupported errors that name
/// the file. The dataset never writes a .aux.xml sidecar (statistics stay in memory).
Result<gdal::DatasetPtr> openRasterDataset(const std::filesystem::path& path);

/// Stops GDAL from writing PAM sidecars (.aux.xml) for `dataset` when it closes.
void disableSidecarWrites(GDALDataset& dataset);

/// An Error for `path` (in its display form as context) built from GDAL's captured messages; the
/// raw path in GDAL's text becomes "the file" and the message is always valid UTF-8.
Error gdalError(const gdal::CplErrorCapture& capture, ErrorCode code, std::string what,
                const std::filesystem::path& path, std::string hint = {});

/// What guessBandRoles reads, taken from an open dataset.
RasterEvidence collectEvidence(GDALDataset& dataset, const std::filesystem::path& path);

/// Bounding box of a width x height grid under `geoTransform` (all four corners).
Extent gridExtent(int width, int height, const std::array<double, 6>& geoTransform);

/// WKT2 text of `srs`, empty on failure.
std::string exportWkt(const OGRSpatialReference& srs);
/// The EPSG code of `srs` (its own authority, AutoIdentifyEPSG, or a 90 % match), 0 if none.
int identifyEpsg(const OGRSpatialReference& srs);
/// `extent` in `from` transformed to `to` with densified edges; nullopt when it fails.
std::optional<Extent> transformExtent(const Extent& extent, const OGRSpatialReference& from,
                                      const OGRSpatialReference& to);
/// A spatial reference from WKT (or any user input GDAL reads), easting-first; null on failure.
gdal::SpatialReferencePtr spatialReferenceFrom(const std::string& text);

}  // namespace onemap::raster::detail
