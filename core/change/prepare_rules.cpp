#include <algorithm>
#include <cmath>
#include <future>
#include <limits>

#include "block_pass_rules.h"
#include "calibration.h"
#include "cloud_gate.h"
#include "pixel_kernels.h"
#include "rule_reach.h"
#include "scene_sample.h"

namespace onemap::change::detail {
namespace {

/// Full-resolution pixels read to measure the noise and the threshold (calibration.h).
constexpr std::size_t kCalibrationPixels = std::size_t(1) << 20;

/// The after date's radiometric normalisation fitted on the sample, then applied to the sample's
/// after date. Clouds on either date (each on its own scale) are no ground to fit the radiometry
/// on: what is far brighter than the land on one date only (as bright on both, it is a surface).
Normalization normalizeSample(SceneSample& sample, std::size_t bandCount) {
  const std::size_t samplePixels = sample.pixels;
  std::vector<float>& sb = sample.before;
  std::vector<float>& sa = sample.after;
  std::vector<std::uint8_t> cloudy(samplePixels, 0), cloudyAfter;
  flagBrightest(sb, samplePixels, cloudy);
  flagBrightest(sa, samplePixels, cloudyAfter);
  for (std::size_t i = 0; i < samplePixels; ++i) cloudy[i] ^= cloudyAfter[i];
  std::vector<std::uint8_t>().swap(cloudyAfter);
  const Normalization normalization = fitNormalization(sb, sa, samplePixels, bandCount, cloudy);
  std::vector<std::uint8_t>().swap(cloudy);
  for (std::size_t b = 0; b < bandCount; ++b)
    normalizeBand(sa.data() + b * samplePixels, samplePixels, normalization.bands[b], sa.data() + b * samplePixels);
  return normalization;
}

/// The thresholds the parameters set (the others come from the scene).
PixelRuleThresholds thresholdsOf(const ChangeParameters& parameters) {
  PixelRuleThresholds thresholds;
  thresholds.reportAllChange = parameters.reportAllChange;
  thresholds.texture = float(parameters.textureThreshold);
  thresholds.flagBare = parameters.flagBareSoil;
  thresholds.cloudMask = parameters.cloudMask;
  return thresholds;
}

/// The unit and the threshold of change magnitudes, measured at full resolution: the noise of
/// each band's change, and Otsu's threshold of the mean 3 × 3 magnitude on cropland that is
/// neither cloud, shadow nor ground that kept its cover (see calibration.h). Sets the band
/// weights and the change threshold of `thresholds`.
Status calibrate(const ImagePair& images, const CroplandLayer& cropland, const Normalization& normalization,
                 const ChangeParameters& parameters, int shift, PixelRuleThresholds& thresholds,
                 ChangeSummary& summary) {
  const raster::Grid& grid = images.grid();
  PixelRuleThresholds screening = thresholds;
  screening.changeMagnitude = std::numeric_limits<float>::infinity();
  screening.texture = std::numeric_limits<float>::infinity();
  std::optional<raster::PolygonRasterizer> calibrationCrop;
  if (cropland.present()) {
    auto opened = cropland.open(grid);
    if (!opened) return fail(opened.error());
    calibrationCrop.emplace(std::move(*opened));
  }
  auto calibration = calibrateChange(images, normalization, screening, calibrationCrop ? &*calibrationCrop : nullptr,
                                     calibrationWindows(grid, kCalibrationPixels, images.before.blockSize()), shift);
  if (!calibration) {
    Error e = calibration.error();
    if (e.context.empty()) {
      e.context = images.before.name();
      e.hint = "Check that both images cover the same ground.";
    }
    return fail(std::move(e));
  }
  calibrationCrop.reset();
  if (calibration->croplandPixels == 0 && cropland.present())
    return fail(ErrorCode::InvalidInput, "no cropland lies on the images", cropland.name(),
                "Check that the cropland layer covers the images (and its coordinate system).");
  thresholds.bandWeights = calibration->bandWeights;
  summary.medianMagnitude = calibration->medianMagnitude;
  if (calibration->flat || calibration->thresholdPixels == 0) {
    // Nothing to threshold: no band changes anywhere (identical or constant images), or all the
    // ground kept its cover. No pixel is change.
    thresholds.changeMagnitude = std::numeric_limits<float>::infinity();
    summary.warnings.push_back({calibration->flat ? RunWarning::Kind::NoDifference : RunWarning::Kind::CoverKept, {}});
  } else {
    thresholds.changeMagnitude = calibration->threshold / float(parameters.sensitivity);
  }
  return {};
}

/// How far the rules reach on pixels `pixelSize` metres on the ground.
void setReach(double pixelSize, BlockPassRules& rules) {
  // Tree crowns (3–8 m) make texture only where pixels resolve them; on coarser images (Sentinel-2,
  // Landsat) the texture of mixed pixels says nothing about trees, and the rule is off.
  if (pixelSize > kMaxCrownPixel) rules.thresholds.texture = std::numeric_limits<float>::infinity();
  // Misregistration of a pixel matters on fine images (GF-1/2 registered to a few metres); at
  // 10–30 m the images are registered to a fraction of a pixel, and a whole pixel of tolerance
  // would explain away every change along a field's edge.
  rules.shift = pixelSize <= kMaxShiftPixel ? kShift : 0;
  rules.useTexture = std::isfinite(rules.thresholds.texture);
  // Growth and bridging reach a few metres (a pond's banks, a field road): kGrowSteps and kGap
  // pixels of a 2 m image, less on coarser ones, none at 30 m.
  rules.growSteps = std::clamp(int(std::lround(kGrowReachM / std::max(pixelSize, 1e-9))), 0, kGrowSteps);
  rules.gap = std::clamp(int(std::lround(kGapReachM / std::max(pixelSize, 1e-9))), 0, kGap);
  // Cloud cores: cloud-bright pixels (a little below the opaque-cloud level, which real clouds
  // often just miss) filling a window of 40 m across — larger than a roof, so a new white
  // building is not taken for a cloud. Their soft edges reach some 60 m beyond the core.
  rules.coreRadius = std::clamp(int(std::lround(20.0 / std::max(pixelSize, 1e-9))), 1, kCoreRadius);
  rules.hazeRadius = std::clamp(int(std::lround(60.0 / std::max(pixelSize, 1e-9))), 1, kHazeRadius);
}

}  // namespace

Result<BlockPassRules> prepareRules(const ImagePair& images, const CroplandLayer& cropland, double pixelSizeM,
                                    const ChangeParameters& parameters, ChangeSummary& summary, Feedback& feedback) {
  // 1. Radiometric normalisation and the cloud levels from a sample of the whole scene (read at
  //    reduced resolution: GDAL serves it from overviews).
  feedback.setProgress(0.0, "normalisation");
  const raster::Grid& grid = images.grid();
  const raster::Grid sampleGrid = sampleGridOf(grid);
  const std::size_t samplePixels = std::size_t(sampleGrid.width) * std::size_t(sampleGrid.height);
  // Without a cropland layer every pixel is a candidate (and the threshold comes from all).
  // With it, every sample cell the cropland touches is burnt on a second thread while the images
  // are read: where the block pass must read. (An early return waits for the helper: the future
  // is destroyed before the buffers it writes.)
  std::vector<std::uint8_t> sampleMask(samplePixels, 1), samplePresence;
  std::future<Status> sampleCropland;
  if (cropland.present())
    sampleCropland = std::async(std::launch::async, [&]() -> Status {
      auto sampleCrop = cropland.open(sampleGrid);
      if (!sampleCrop) return fail(sampleCrop.error());
      return sampleCrop->burnWithTouched({0, 0, sampleGrid.width, sampleGrid.height}, sampleMask, samplePresence);
    });
  auto sample = readSceneSample(images, sampleGrid);
  if (!sample) return fail(sample.error());
  BlockPassRules rules;
  rules.normalization = normalizeSample(*sample, images.bands.roles.size());
  summary.invariantPixels = rules.normalization.invariantPixels;
  summary.gains.clear();
  summary.offsets.clear();
  for (const BandMapping& m : rules.normalization.bands) {
    summary.gains.push_back(m.gain);
    summary.offsets.push_back(m.offset);
  }
  PixelRuleThresholds& thresholds = rules.thresholds;
  thresholds = thresholdsOf(parameters);
  // Clouds: far above the scene's bright land.
  setCloudLevels(*sample, thresholds);
  rules.cloudSpectrum = cloudSpectrumOf(*sample, images.bands, thresholds);
  // Clouds and their shadows are masked only in a scene with clouds: without a cloud to cast
  // it, a uniform darkening is new dark ground (asphalt, a dark roof), and without clouds the
  // brightest pixels are new roofs and concrete, not cloud.
  if (thresholds.cloudMask &&
      !hasCloudCores(*sample, 0.9f * thresholds.cloudBrightness, pixelSizeM * double(grid.width) / sampleGrid.width))
    thresholds.cloudMask = false;
  if (sampleCropland.valid())
    if (auto st = sampleCropland.get(); !st) return fail(st.error());
  // 2. The reach of the rules in pixels.
  setReach(pixelSizeM, rules);
  // 3. The unit and the threshold of change magnitudes at full resolution.
  if (auto st = calibrate(images, cropland, rules.normalization, parameters, rules.shift, thresholds, summary); !st)
    return fail(st.error());
  rules.cloudCandidate = thresholds;
  rules.cloudCandidate.cloudBrightness = 0.9f * thresholds.cloudBrightness;
  summary.threshold = thresholds.changeMagnitude;
  if (cropland.present()) rules.nearness.emplace(samplePresence, sampleGrid.width, sampleGrid.height, grid);
  feedback.setProgress(1.0);
  return rules;
}

}  // namespace onemap::change::detail
