#pragma once

#include <filesystem>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/raster/raster_source.h"

namespace onemap::raster {

/// The external overview file GDAL reads for `raster`: "<file>.ovr" beside it.
std::filesystem::path externalOverviewPath(const std::filesystem::path& raster);

/// Overview factors (2, 4, 8…) that take a width × height image down to about 256 pixels on its
/// longer side; empty for images already that small.
std::vector<int> overviewFactors(int width, int height);

/// Builds overviews for `raster` into an external "<file>.ovr" (DEFLATE-compressed) without
/// modifying the raster itself: the file is opened read-only and no .aux.xml is written. Single-file
/// images (GeoTIFF, JPEG 2000) get their .ovr built under a temporary name and moved in place when
/// complete, so readers never see a half-written one. Runs on the calling thread; honours
/// `feedback` (progress and cancel). Errors name the file: NotFound / OpenFailed / Unsupported as
/// readRasterInfo, Io when GDAL cannot write the .ovr (read-only folder, disk full), Canceled —
/// after a failure or cancel no partial .ovr is left behind.
Status buildExternalOverviews(const std::filesystem::path& raster, Resampling resampling, Feedback& feedback);

}  // namespace onemap::raster
