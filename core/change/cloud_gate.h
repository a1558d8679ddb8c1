#pragma once
// Internal to onemap_change: the cloud levels of a scene and whether it has clouds at all,
// measured on its sample.

#include "band_selection.h"
#include "onemap/change/pixel_rules.h"
#include "scene_sample.h"

namespace onemap::change::detail {

/// Sets the cloud level of `thresholds` far above the scene's bright land (the 99.5th percentile
/// of the before date's visible mean in the sample) and the scene brightness (its median).
void setCloudLevels(const SceneSample& sample, PixelRuleThresholds& thresholds);

/// The spectrum of opaque cloud (the after date normalised to the before date) for the thin-cloud
/// test: the mean of the sample's cloud pixels on either date, else a flat spectrum above the
/// cloud level.
PixelBands cloudSpectrumOf(const SceneSample& sample, const BandSelection& bands,
                           const PixelRuleThresholds& thresholds);

/// Whether the sample (after date normalised) holds a cloud core on either date: pixels whose
/// visible mean and blue exceed `level` on that date only, filling at least 90 % of a window
/// kCloudGateM across (`pixelM` = the sample's pixel size in metres). Clouds are larger than
/// that; roofs and concrete yards that bright rarely are.
bool hasCloudCores(const SceneSample& sample, float level, double pixelM);

}  // namespace onemap::change::detail
