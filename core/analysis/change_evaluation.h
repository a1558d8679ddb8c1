#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "onemap/base/error.h"
#include "onemap/base/layer_ref.h"
#include "onemap/base/feedback.h"

namespace onemap::analysis {

using onemap::LayerRef;

/// What evaluateChange compares, and how.
struct ChangeEvaluationOptions {
  /// Polygons of true changes, or a reference raster (0 unlabelled = ignored, 1 unchanged, 2 changed).
  LayerRef truth;
  LayerRef patches;                     ///< detected change patches (polygons)
  std::optional<LayerRef> distractors;  ///< changes that must not be flagged (polygons)
  std::optional<LayerRef> aoi;          ///< when set, only pixels and patches inside these polygons count
  double minAreaM2 = 400.0;             ///< truth patches and distractors smaller than this are not counted
  double resolution = 2.0;              ///< evaluation pixel size for vector truth (truth CRS units, metres)
  std::int64_t memoryBudgetBytes = 64LL << 20;
};

/// Pixel counts of the change class and the scores derived from them (a score is 0 when undefined).
struct PixelScores {
  std::int64_t truePositives = 0;
  std::int64_t falsePositives = 0;
  std::int64_t falseNegatives = 0;
  std::int64_t trueNegatives = 0;
  double precision = 0.0;
  double recall = 0.0;
  double f1 = 0.0;
  double iou = 0.0;
};

/// Patch-level matching: two patches match when they share at least one evaluation pixel.
struct PatchScores {
  std::int64_t truthPatches = 0;      ///< truth patches of at least minAreaM2
  std::int64_t truthDetected = 0;     ///< of those, overlapped by a detected patch
  std::int64_t detectedPatches = 0;   ///< all detected patches
  std::int64_t detectedMatching = 0;  ///< of those, overlapping any truth patch (of any size)
  double recall = 0.0;
  double precision = 0.0;
  std::int64_t distractors = 0;         ///< distractors of at least minAreaM2
  std::int64_t distractorsFlagged = 0;  ///< of those, overlapped by a detected patch
  double distractorsFlaggedShare = 0.0;
};

/// The evaluation grid and the scores.
struct ChangeEvaluation {
  bool rasterTruth = false;  ///< the truth was a reference raster (no patch-level scores)
  int gridWidth = 0;
  int gridHeight = 0;
  double pixelSize = 0.0;
  std::string crsWkt;
  PixelScores pixels;
  std::optional<PatchScores> patches;  ///< vector truth only
  bool hasDistractors = false;
};

/// Compares detected patches with the truth window by window on an evaluation grid: the reference
/// raster's grid, or for vector truth a grid of `resolution` in the truth layer's CRS covering the
/// truth, patches and distractors (every pixel there is labelled: outside the truth = unchanged).
/// Overlapping polygons of one layer: the one with the higher FID owns the shared pixels.
/// A reference raster may be in any CRS, geographic included (the patches are burnt on its grid).
/// Errors: those of opening the inputs (naming the file), InvalidInput for vector truth in a
/// geographic CRS or a grid too large for `resolution`, Canceled.
Result<ChangeEvaluation> evaluateChange(const ChangeEvaluationOptions& options, Feedback* feedback = nullptr);

/// Precision, recall, F1 and IoU from the counts in `scores`.
void computeScores(PixelScores& scores);

}  // namespace onemap::analysis
