#pragma once
// Internal to onemap_change: the block pass that turns two image dates into a class map.

#include <atomic>
#include <cstdint>
#include <filesystem>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/change/change_detector.h"
#include "onemap/raster/raster_source.h"

namespace onemap::change::detail {

/// Evidence map values per unit of change strength (magnitude / threshold): 50 = at the
/// threshold, 255 = 5.1 times it or more.
constexpr double kEvidenceUnit = 50.0;

/// Writes the per-pixel ChangeClass map of `inputs` on the before image's grid to `scratch`
/// (a GeoTIFF), the evidence of each change pixel to `evidenceScratch` (a byte GeoTIFF on the
/// same grid: strength × kEvidenceUnit, 0 outside change) and fills the radiometric and
/// threshold fields of `summary`. `croplandFilter` selects the cropland polygons of
/// inputs.cropland (see croplandFilter()).
Status writeClassMap(const ChangeInputs& inputs, const ChangeParameters& parameters, const std::string& croplandFilter,
                     const std::filesystem::path& scratch, const std::filesystem::path& evidenceScratch,
                     raster::Grid& grid, ChangeSummary& summary, Feedback& feedback);

/// Internal switch and counter of the block pass, for tests (one run at a time).
struct BlockPassProbe {
  /// false: read every block of both images, also those no rule reaching from cropland looks at.
  std::atomic<bool> skipFarBlocks{true};
  /// Pixels of the before image (the after image's are the same) the last run's block pass read.
  std::atomic<std::int64_t> pixelsRead{0};
};
BlockPassProbe& blockPassProbe();

/// The cropland filter for a layer: "DLBM LIKE '01%'" when it has a DLBM field (any case), else
/// empty (every polygon is cropland, or there is no cropland layer).
std::string croplandFilter(const LayerRef& cropland);

}  // namespace onemap::change::detail
