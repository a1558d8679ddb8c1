#pragma once

#include <filesystem>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/sample/scene.h"

namespace onemap::sample {

/// File names inside a generated sample folder.
inline constexpr const char* kSampleGeoPackage = "sample_county.gpkg";
inline constexpr const char* kTruthGeoPackage = "truth.gpkg";
inline constexpr const char* kEcommerceCsv = "ecommerce_by_village.csv";
inline constexpr const char* kBeforeImage = "gf1_before.tif";
inline constexpr const char* kAfterImage = "gf1_after.tif";
inline constexpr const char* kSampleProject = "sample-project.onemap";

/// Writes the vector data of `scene` into `folder` (which must exist):
/// `sample_county.gpkg` with XZQ_XIAN (county), XZQ_XIANG (townships), CJDCQ (villages, with
/// field chiefs), DLTB (三调 land use), YJJBNTTB (permanent basic farmland), STBHHX (ecological
/// red line), HL (river centre line), YNXXS (益农信息社), WLJD (logistics nodes), TZ (田长 table);
/// `truth.gpkg` with truth_changes and distractors; `ecommerce_by_village.csv`.
/// Each file is written under a temporary name and renamed when complete.
Status writeSceneVectors(const Scene& scene, const std::filesystem::path& folder, Feedback& feedback);

}  // namespace onemap::sample
