#pragma once

#include <filesystem>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/sample/scene.h"

namespace onemap::sample {

/// Options for writing the synthetic imagery.
struct ImageryOptions {
  int threads = 0;          ///< 0 = all cores
  bool overviews = true;    ///< build internal overviews (2, 4, 8, …)
};

/// Writes the before (date 0) or after (date 1) image of `scene` to `path`: 4-band uint16
/// (blue, green, red, nir; GF-1 PMS-like DN with band descriptions and SATELLITE/SENSOR
/// metadata), scene.width × scene.height px of scene.pixelSize m in EPSG:scene.epsg, tiled
/// 512 × 512, DEFLATE with predictor, internal overviews. Deterministic: the same scene gives
/// byte-identical pixels whatever the thread count. Writes to a temporary name and renames when
/// complete; Canceled leaves nothing behind.
Status writeSceneImage(const Scene& scene, int date, const std::filesystem::path& path,
                       const ImageryOptions& options, Feedback& feedback);

}  // namespace onemap::sample
