#pragma once
// Internal to onemap_change: the rules of the block pass set up for one pair of images.

#include <optional>

#include "cropland_layer.h"
#include "cropland_nearness.h"
#include "onemap/base/feedback.h"
#include "onemap/change/change_detector.h"
#include "onemap/change/pixel_rules.h"
#include "onemap/change/radiometry.h"
#include "raster_reader.h"

namespace onemap::change::detail {

/// Everything the block pass needs besides the pixels: the after date's normalisation, the
/// thresholds of the rules, how far they reach at this pixel size, and where cropland may lie.
struct BlockPassRules {
  Normalization normalization;         ///< after → before radiometry
  PixelRuleThresholds thresholds;      ///< changeMagnitude is +inf when there is nothing to threshold
  PixelRuleThresholds cloudCandidate;  ///< `thresholds` with the cloud level of a cloud core's pixels
  PixelBands cloudSpectrum;            ///< opaque cloud on the before date's radiometry (thin-cloud test)
  bool useTexture = false;             ///< the crown texture rule is on (pixels that resolve crowns)
  int shift = 0;                       ///< misregistration tolerated, pixels
  int growSteps = 0;                   ///< rounds of growth into untyped change
  int gap = 0;                         ///< non-cropland gaps bridged, pixels
  int coreRadius = 1;                  ///< radius of the window a cloud core fills, pixels
  int hazeRadius = 1;                  ///< distance from a cloud core searched for thin edges, pixels
  std::optional<CroplandNearness> nearness;  ///< where cropland may lie (with a cropland layer)
};

/// Sets the rules up for `images` (pixels `pixelSizeM` metres on the ground): the radiometric
/// normalisation and the cloud levels from a sample of the whole scene, the unit and threshold
/// of change magnitudes from full-resolution windows (calibrateChange()), and the reach of the
/// rules. Fills the radiometric and threshold fields of `summary` and its warnings when there is
/// nothing to threshold. InvalidInput when `cropland` lies nowhere on the images.
Result<BlockPassRules> prepareRules(const ImagePair& images, const CroplandLayer& cropland, double pixelSizeM,
                                    const ChangeParameters& parameters, ChangeSummary& summary, Feedback& feedback);

}  // namespace onemap::change::detail
