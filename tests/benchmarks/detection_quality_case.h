#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "onemap/analysis/change_baselines.h"
#include "onemap/analysis/change_evaluation.h"
#include "onemap/base/error.h"
#include "onemap/base/layer_ref.h"

namespace onemap::bench {

/// One labelled image pair: the images, a reference raster (0 unlabelled, 1 unchanged, 2 changed)
/// and, for the generated samples, the cropland the engine is given.
struct QualityCase {
  std::string name;
  bool synthetic = false;
  std::filesystem::path before;
  std::filesystem::path after;
  std::filesystem::path reference;
  std::optional<LayerRef> cropland;  ///< also restricts the baselines to the labelled pixels
};

/// Pixel scores of one detector on one case, or the error that stopped it (scores are then 0).
struct Scored {
  analysis::PixelScores pixels;
  std::string error;
  std::string note;  ///< how a baseline cut: its threshold (and the (IR-)MAD fits)
};

/// Everything measured on one case.
struct CaseResult {
  QualityCase source;
  Scored engineDefault;
  Scored engineAllChange;
  std::array<Scored, analysis::kChangeBaselineCount> baselines;  ///< in analysis::allChangeBaselines() order
  std::vector<std::string> bands;   ///< roles the baselines compared
  double seconds = 0.0;
  /// Index of the baseline with the highest F1 (the first on ties).
  std::size_t bestBaseline() const;
};

/// Generates the small synthetic county of `seed` into `folder` and writes its reference raster on
/// the before grid: labelled = cropland (DLTB, DLBM 01xx), changed = inside a truth_changes polygon.
Result<QualityCase> makeSyntheticCase(int seed, const std::filesystem::path& folder);

/// Runs the engine (default and all-change, `threads` threads, patches written into `work`) and
/// the five baselines on `c`, scoring all of them on the labelled pixels of its reference.
CaseResult runCase(const QualityCase& c, const std::filesystem::path& work, int threads);

}  // namespace onemap::bench
