#include "detection_quality_case.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>

#include "onemap/change/change_detector.h"
#include "onemap/raster/class_raster.h"
#include "onemap/raster/polygon_rasterizer.h"
#include "onemap/raster/raster_source.h"
#include "onemap/sample/sample_writer.h"

namespace onemap::bench {
namespace {

using raster::BandRole;
using raster::RasterSource;
using raster::Window;

/// Both images on the before grid as band planes, and the reference on the same grid.
struct CasePixels {
  std::vector<float> before, after, reference;
  int width = 0, height = 0, bands = 0;
  std::vector<std::string> roles;
};

bool sameGrid(const raster::Grid& a, const raster::Grid& b) {
  if (a.width != b.width || a.height != b.height) return false;
  for (std::size_t i = 0; i < 6; ++i)
    if (std::abs(a.geoTransform[i] - b.geoTransform[i]) > 1e-9 * std::max(1.0, std::abs(a.geoTransform[i])))
      return false;
  return true;
}

// Reads `bands` of `source` (aligned onto `grid` unless it is already on it) over the whole grid.
Status readOnGrid(const RasterSource& source, const RasterSource& target, raster::Resampling resampling,
                  const std::vector<int>& bands, std::vector<float>& out) {
  const raster::Grid& grid = target.grid();
  const Window all{0, 0, grid.width, grid.height};
  if (sameGrid(source.grid(), grid)) return source.read(all, bands, out);
  auto aligned = source.alignedTo(target, resampling);
  if (!aligned) return fail(aligned.error());
  return aligned->read(all, bands, out);
}

Result<CasePixels> readCase(const QualityCase& c) {
  auto before = RasterSource::open(c.before);
  if (!before) return fail(before.error());
  auto after = RasterSource::open(c.after);
  if (!after) return fail(after.error());
  auto reference = RasterSource::open(c.reference);
  if (!reference) return fail(reference.error());
  CasePixels pixels;
  std::vector<int> beforeBands, afterBands;
  const BandRole order[] = {BandRole::Blue, BandRole::Green, BandRole::Red,
                            BandRole::Nir,  BandRole::Swir1, BandRole::Swir2};
  for (std::size_t i = 0; i < std::size(order); ++i) {
    const auto b = before->bandRoles().bandFor(order[i]), a = after->bandRoles().bandFor(order[i]);
    if (b && a) {
      beforeBands.push_back(*b);
      afterBands.push_back(*a);
      pixels.roles.emplace_back(raster::bandRoleName(order[i]));
    } else if (i < 4) {
      return fail(ErrorCode::InvalidInput, "no " + std::string(raster::bandRoleName(order[i])) + " band in both images",
                  c.name);
    }
  }
  pixels.width = before->grid().width;
  pixels.height = before->grid().height;
  pixels.bands = int(beforeBands.size());
  if (auto ok = before->read({0, 0, pixels.width, pixels.height}, beforeBands, pixels.before); !ok)
    return fail(ok.error());
  if (auto ok = readOnGrid(*after, *before, raster::Resampling::Bilinear, afterBands, pixels.after); !ok)
    return fail(ok.error());
  if (auto ok = readOnGrid(*reference, *before, raster::Resampling::Nearest, {1}, pixels.reference); !ok)
    return fail(ok.error());
  return pixels;
}

analysis::PixelScores scoreMask(const std::vector<std::uint8_t>& mask, const std::vector<float>& reference) {
  analysis::PixelScores s;
  for (std::size_t i = 0; i < reference.size(); ++i) {
    const float v = reference[i];
    if (!(v == 1.0f || v == 2.0f)) continue;
    const bool changed = v == 2.0f, flagged = mask[i] != 0;
    (changed ? (flagged ? s.truePositives : s.falseNegatives) : (flagged ? s.falsePositives : s.trueNegatives))++;
  }
  analysis::computeScores(s);
  return s;
}

Scored runEngine(const QualityCase& c, bool allChange, const std::filesystem::path& output, int threads) {
  Scored scored;
  try {
    change::ChangeInputs in;
    in.before = c.before;
    in.after = c.after;
    if (c.cropland) in.cropland = *c.cropland;
    in.output = output;
    in.overwrite = true;
    auto parameters = change::ChangeParameters::fromValues(
        {{"all-change", allChange ? "true" : "false"}, {"threads", std::to_string(threads)}});
    if (!parameters) return {{}, parameters.error().text()};
    Feedback feedback;
    auto summary = change::detectChanges(in, *parameters, feedback);
    if (!summary) return {{}, summary.error().text()};
    analysis::ChangeEvaluationOptions options;
    options.truth = {c.reference, ""};
    options.patches = {output, "change_patches"};
    auto evaluation = analysis::evaluateChange(options);
    if (!evaluation) return {{}, "evaluation: " + evaluation.error().text()};
    scored.pixels = evaluation->pixels;
  } catch (const std::exception& e) {
    return {{}, std::string("exception: ") + e.what()};
  }
  return scored;
}

}  // namespace

std::size_t CaseResult::bestBaseline() const {
  std::size_t best = 0;
  for (std::size_t i = 1; i < baselines.size(); ++i)
    if (baselines[i].pixels.f1 > baselines[best].pixels.f1) best = i;
  return best;
}

Result<QualityCase> makeSyntheticCase(int seed, const std::filesystem::path& folder) {
  sample::SampleRequest request;
  request.scene.size = sample::SampleSize::Small;
  request.scene.seed = std::uint64_t(seed);
  request.folder = folder;
  request.overwrite = true;
  request.threads = 2;
  Feedback feedback;
  if (auto written = sample::writeSample(request, feedback); !written) return fail(written.error());
  QualityCase c;
  c.name = "sample-seed" + std::to_string(seed);
  c.synthetic = true;
  c.before = folder / "gf1_before.tif";
  c.after = folder / "gf1_after.tif";
  c.reference = folder / "reference_0unlabelled_1unchanged_2changed.tif";
  c.cropland = LayerRef{folder / "sample_county.gpkg", "DLTB"};

  auto before = RasterSource::open(c.before);
  if (!before) return fail(before.error());
  const raster::Grid grid = before->grid();
  raster::RasterizeOptions croplandOptions;
  croplandOptions.layerName = "DLTB";
  croplandOptions.attributeFilter = "\"DLBM\" LIKE '01%'";
  croplandOptions.numberFeatures = false;
  auto cropland = raster::PolygonRasterizer::open(c.cropland->path, grid, croplandOptions);
  if (!cropland) return fail(cropland.error());
  raster::RasterizeOptions truthOptions;
  truthOptions.layerName = "truth_changes";
  truthOptions.numberFeatures = false;
  auto truth = raster::PolygonRasterizer::open(folder / "truth.gpkg", grid, truthOptions);
  if (!truth) return fail(truth.error());
  auto writer = raster::ByteRasterWriter::create(c.reference, grid);
  if (!writer) return fail(writer.error());
  std::vector<std::uint8_t> crop, changed, values;
  for (int y = 0; y < grid.height; y += 256) {
    const Window window{0, y, grid.width, std::min(256, grid.height - y)};
    if (auto ok = cropland->burn(window, crop); !ok) return fail(ok.error());
    if (auto ok = truth->burn(window, changed); !ok) return fail(ok.error());
    values.resize(crop.size());
    for (std::size_t i = 0; i < crop.size(); ++i) values[i] = crop[i] ? (changed[i] ? 2 : 1) : 0;
    if (auto ok = writer->write(window, values); !ok) return fail(ok.error());
  }
  if (auto ok = writer->close(); !ok) return fail(ok.error());
  return c;
}

CaseResult runCase(const QualityCase& c, const std::filesystem::path& work, int threads) {
  const auto start = std::chrono::steady_clock::now();
  CaseResult result;
  result.source = c;
  result.engineDefault = runEngine(c, false, work / (c.name + "_default.gpkg"), threads);
  result.engineAllChange = runEngine(c, true, work / (c.name + "_all_change.gpkg"), threads);
  auto pixels = readCase(c);
  if (!pixels) {
    for (auto& b : result.baselines) b.error = pixels.error().text();
  } else {
    result.bands = pixels->roles;
    if (c.cropland) {  // the baselines see the candidate pixels the engine sees: cropland only
      const std::size_t n = pixels->reference.size();
      for (std::size_t i = 0; i < n; ++i)
        if (!(pixels->reference[i] == 1.0f || pixels->reference[i] == 2.0f))
          for (int b = 0; b < pixels->bands; ++b)
            pixels->before[b * n + i] = pixels->after[b * n + i] = std::numeric_limits<float>::quiet_NaN();
    }
    const analysis::ImagePair pair{pixels->before, pixels->after, pixels->width, pixels->height, pixels->bands};
    const auto& all = analysis::allChangeBaselines();
    for (std::size_t i = 0; i < all.size(); ++i) {
      auto mask = analysis::detectBaselineChange(all[i], pair);
      if (!mask) {
        result.baselines[i].error = mask.error().text();
        continue;
      }
      result.baselines[i].pixels = scoreMask(mask->mask, pixels->reference);
      char note[96];
      std::snprintf(note, sizeof note, "threshold %.6g%s", mask->threshold,
                    mask->iterations > 0
                        ? (", " + std::to_string(mask->iterations) + (mask->iterations == 1 ? " fit" : " fits")).c_str()
                        : "");
      result.baselines[i].note = note;
    }
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace onemap::bench
