#pragma once
// Internal to onemap_change: the scale and threshold of change magnitudes, measured on the pair.

#include <array>
#include <cstddef>
#include <utility>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/change/pixel_rules.h"
#include "onemap/change/radiometry.h"
#include "onemap/raster/polygon_rasterizer.h"
#include "onemap/raster/raster_source.h"
#include "raster_reader.h"

namespace onemap::change::detail {

/// Values of change magnitude (in noise units) above which Otsu's histogram is not spread: a
/// few extreme pixels (glint, a cloud the mask missed) would otherwise pull the threshold up.
constexpr float kOtsuUpper = 30.0f;
/// The threshold is at least this many times the median magnitude of the scene (the level of
/// unchanged ground): Otsu on a pair without change would cut through the noise.
constexpr float kLeastChangeOverMedian = 1.6f;

/// What calibrateChange() measured.
struct ChangeCalibration {
  std::array<float, 6> bandWeights{};  ///< 1 / noise of each band's change (PixelRuleThresholds::bandWeights)
  float threshold = 0.0f;              ///< Otsu's threshold of the mean 3 × 3 magnitude, at least the floor
  float medianMagnitude = 0.0f;        ///< median mean-3 × 3 magnitude of the scene (unchanged ground)
  std::size_t pixels = 0;              ///< full-resolution pixels measured
  std::size_t croplandPixels = 0;      ///< of those, valid cropland pixels
  std::size_t thresholdPixels = 0;     ///< of those, the ones the threshold was taken on
  bool flat = false;                   ///< no band changes anywhere: nothing to threshold
};

/// Windows of the grid read at full resolution for calibration: the whole grid when it has at
/// most `maxPixels`, else square windows spread evenly over it with about that many in all, each
/// inside one of the image's blocks of `blockSize` (or bands of full rows for strip images).
std::vector<raster::Window> calibrationWindows(const raster::Grid& grid, std::size_t maxPixels,
                                               std::pair<int, int> blockSize = {256, 256});

/// The noise of each band's change (robust standard deviation of after − before on the before
/// radiometry, over the valid pixels of `windows` that are neither cloud nor shadow) and Otsu's threshold of the mean 3 × 3 change
/// magnitude, taken on cropland (`crop`, null = everywhere) that is neither cloud nor shadow
/// (`screening`) nor ground that kept its cover (keepsCover()). Reads `images` only.
/// InvalidInput when no such pixel exists.
Result<ChangeCalibration> calibrateChange(const ImagePair& images, const Normalization& normalization,
                                          const PixelRuleThresholds& screening,
                                          const raster::PolygonRasterizer* crop,
                                          const std::vector<raster::Window>& windows, int shift = 0);


}  // namespace onemap::change::detail
