#pragma once
// Internal to onemap_change: the scene at reduced resolution that the rules are set up on.

#include <cstddef>
#include <vector>

#include "raster_reader.h"

namespace onemap::change::detail {

/// Both dates of the scene averaged onto a coarser grid of the same extent, band-sequential
/// (NaN = no data): what the normalisation and the cloud levels are measured on.
struct SceneSample {
  raster::Grid grid;
  std::size_t pixels = 0;  ///< grid.width × grid.height
  std::vector<float> before, after;
};

/// The grid of the sample of `grid`: at most 1200 columns, the same extent.
raster::Grid sampleGridOf(const raster::Grid& grid);

/// Reads both dates of `images` onto `grid` (see sampleGridOf()), the after date on another
/// thread.
Result<SceneSample> readSceneSample(const ImagePair& images, const raster::Grid& grid);

}  // namespace onemap::change::detail
