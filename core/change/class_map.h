#pragma once
// Internal to onemap_change: the class-map stage, from two image dates to per-pixel change classes.

#include <filesystem>
#include <string>

#include "class_map_sink.h"
#include "cropland_layer.h"
#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/change/block_pass_observer.h"
#include "onemap/change/change_detector.h"
#include "raster_reader.h"

namespace onemap::change::detail {

/// Classifies every pixel of `images` (pixels `pixelSizeM` metres on the ground) into `sink`:
/// sets the rules up on the pair (prepareRules()), then runs the block pass (runBlockPass()).
/// Fills the radiometric and threshold fields of `summary`. `observer` may be null.
Status computeClassMap(const ImagePair& images, const CroplandLayer& cropland, double pixelSizeM,
                       const ChangeParameters& parameters, ClassMapSink& sink, ChangeSummary& summary,
                       Feedback& feedback, BlockPassObserver* observer = nullptr);

/// Writes the per-pixel ChangeClass map of `inputs` on the before image's grid to `scratch`
/// (a GeoTIFF), the evidence of each change pixel to `evidenceScratch` (a byte GeoTIFF on the
/// same grid: strength × kEvidenceUnit, 0 outside change) and fills the grid, band, radiometric
/// and threshold fields of `summary`. `croplandFilter` selects the cropland polygons of
/// inputs.cropland (see croplandFilter()).
Status writeClassMap(const ChangeInputs& inputs, const ChangeParameters& parameters, const std::string& croplandFilter,
                     const std::filesystem::path& scratch, const std::filesystem::path& evidenceScratch,
                     raster::Grid& grid, ChangeSummary& summary, Feedback& feedback,
                     BlockPassObserver* observer = nullptr);

/// The cropland filter for a layer: "DLBM LIKE '01%'" when it has a DLBM field (any case), else
/// empty (every polygon is cropland, or there is no cropland layer).
std::string croplandFilter(const LayerRef& cropland);

}  // namespace onemap::change::detail
