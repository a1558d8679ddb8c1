#pragma once
// Internal to onemap_change: the class map's polygons as attributed patches in a GeoPackage.

#include <filesystem>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/change/change_detector.h"
#include "onemap/raster/raster_source.h"

namespace onemap::change::detail {

/// Polygonizes `classMap`, drops patches below the minimum area, attributes each (village,
/// QDLBM, PBF and red-line overlap, type, areas, confidence from the evidence map `evidence`)
/// and writes change_patches and village_summary to inputs.output atomically. Fills the counts of `summary`. Polygonizing and
/// attributing run on parameters.threads threads; the file does not depend on their number.
Status writePatches(const ChangeInputs& inputs, const ChangeParameters& parameters, const std::string& croplandFilter,
                    const std::filesystem::path& classMap, const std::filesystem::path& evidence,
                    const raster::Grid& grid, ChangeSummary& summary, Feedback& feedback);

}  // namespace onemap::change::detail
