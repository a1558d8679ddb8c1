#pragma once
// Internal to onemap_change: the two image files of a run, opened for the detector.

#include <memory>

#include "onemap/change/change_detector.h"
#include "raster_reader.h"
#include "source_reader.h"

namespace onemap::change::detail {

/// The image files of a run: the before image, the after image aligned to its grid, the bands
/// compared and the ground size of a pixel.
struct ImageFiles {
  std::unique_ptr<SourceReader> before, after;
  BandSelection bands;
  double pixelSizeM = 0.0;  ///< metres on the ground, whatever the CRS
  ImagePair pair() const { return {*before, *after, bands}; }
};

/// Opens the images of `inputs`, selects their bands and aligns the after image to the before
/// image's grid; fills the bands, the grid and the pixel size of `summary` (and a warning when
/// the pixel sizes differ over 3 ×). InvalidInput for an image without a CRS or a grid that
/// crosses the 180° meridian.
Result<ImageFiles> openImageFiles(const ChangeInputs& inputs, ChangeSummary& summary);

}  // namespace onemap::change::detail
