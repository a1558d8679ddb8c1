#pragma once

#include <filesystem>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/sample/scene_builder.h"

namespace onemap::sample {

/// What `onemap-cli make-sample` writes.
struct SampleRequest {
  SceneOptions scene;
  std::filesystem::path folder;  ///< created; must not exist unless `overwrite`
  bool overwrite = false;
  bool imagery = true;           ///< false: vectors and project only (fast)
  int threads = 0;
};

/// Summary of a written sample (for the CLI and tests).
struct SampleSummary {
  int townships = 0, villages = 0, parcels = 0, changes = 0, distractors = 0, pbfParcels = 0;
  int width = 0, height = 0;
};

/// Builds the scene and writes the whole sample folder: both images, vectors, truth, CSV, a
/// styled project and a README. Everything goes into a temporary sibling folder that is renamed
/// to `folder` when complete; on error or cancel nothing is left. An existing `folder` is an
/// error (InvalidInput naming it) unless `overwrite`, in which case it is replaced only after
/// the new one is complete.
Result<SampleSummary> writeSample(const SampleRequest& request, Feedback& feedback);

/// Writes the styled project opening every layer of a sample folder.
Status writeSampleProject(const Scene& scene, const std::filesystem::path& folder, bool withImagery);

}  // namespace onemap::sample
