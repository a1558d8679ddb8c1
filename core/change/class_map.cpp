#include "class_map.h"

#include <algorithm>
#include <cctype>
#include <atomic>
#include <cmath>
#include <mutex>
#include <thread>

#include "onemap/base/text.h"
#include "onemap/change/pixel_rules.h"
#include "onemap/change/radiometry.h"
#include "onemap/raster/class_raster.h"
#include "onemap/raster/polygon_rasterizer.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::change::detail {
namespace {

constexpr int kHalo = 3;  // 5 × 5 texture (2) + 3 × 3 clean-up (1)
using raster::BandRole;

Result<std::array<int, 4>> bandsOf(raster::RasterSource& source, const std::string& override, const char* which) {
  if (!override.empty())
    if (auto st = source.bandRoles().applyOverride(override); !st) return fail(st.error());
  const std::vector<BandRole> roles{BandRole::Blue, BandRole::Green, BandRole::Red, BandRole::Nir};
  if (auto missing = source.bandRoles().firstMissing(roles)) {
    return fail(ErrorCode::InvalidInput,
                std::string("the ") + which + " image has no " + std::string(raster::bandRoleName(*missing)) + " band",
                text::displayPath(source.path()),
                std::string("Name the bands with --") + which + "-bands, e.g. blue=1,green=2,red=3,nir=4 (found: " +
                    source.bandRoles().summary() + ").");
  }
  return std::array<int, 4>{*source.bandRoles().bandFor(BandRole::Blue), *source.bandRoles().bandFor(BandRole::Green),
                            *source.bandRoles().bandFor(BandRole::Red), *source.bandRoles().bandFor(BandRole::Nir)};
}

/// Coefficient of variation of `values` (w × h) over a 5 × 5 window (clipped at the edges).
void textureOf(const float* values, int w, int h, std::vector<float>& out) {
  // Summed-area tables of v and v².
  std::vector<double> s((std::size_t(w) + 1) * (std::size_t(h) + 1), 0.0), s2(s.size(), 0.0);
  std::vector<int> n(s.size(), 0);
  const auto at = [w](int x, int y) { return std::size_t(y) * std::size_t(w + 1) + std::size_t(x); };
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const float v = values[std::size_t(y) * std::size_t(w) + std::size_t(x)];
      const bool ok = std::isfinite(v);
      s[at(x + 1, y + 1)] = (ok ? v : 0.0) + s[at(x, y + 1)] + s[at(x + 1, y)] - s[at(x, y)];
      s2[at(x + 1, y + 1)] = (ok ? double(v) * v : 0.0) + s2[at(x, y + 1)] + s2[at(x + 1, y)] - s2[at(x, y)];
      n[at(x + 1, y + 1)] = (ok ? 1 : 0) + n[at(x, y + 1)] + n[at(x + 1, y)] - n[at(x, y)];
    }
  out.assign(std::size_t(w) * std::size_t(h), 0.0f);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const int x0 = std::max(0, x - 2), x1 = std::min(w, x + 3), y0 = std::max(0, y - 2), y1 = std::min(h, y + 3);
      const double sum = s[at(x1, y1)] - s[at(x0, y1)] - s[at(x1, y0)] + s[at(x0, y0)];
      const double sum2 = s2[at(x1, y1)] - s2[at(x0, y1)] - s2[at(x1, y0)] + s2[at(x0, y0)];
      const int count = n[at(x1, y1)] - n[at(x0, y1)] - n[at(x1, y0)] + n[at(x0, y0)];
      if (count < 2) continue;
      const double mean = sum / count;
      const double variance = std::max(0.0, sum2 / count - mean * mean);
      out[std::size_t(y) * std::size_t(w) + std::size_t(x)] = mean > 0 ? float(std::sqrt(variance) / mean) : 0.0f;
    }
}

/// 3 × 3 clean-up: a change pixel keeps its class when at least 4 of its 9 neighbourhood pixels
/// share it; a no-change pixel takes the class that holds at least 6 of them (closes holes).
void cleanUp(const std::vector<std::uint8_t>& in, int w, int h, std::vector<std::uint8_t>& out) {
  out.assign(in.size(), 0);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int counts[5] = {0, 0, 0, 0, 0};
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          const int xx = x + dx, yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          const std::uint8_t c = in[std::size_t(yy) * std::size_t(w) + std::size_t(xx)];
          if (c >= 1 && c <= 4) ++counts[c];
        }
      const std::uint8_t c = in[std::size_t(y) * std::size_t(w) + std::size_t(x)];
      std::uint8_t result = 0;
      if (c >= 1 && c <= 4 && counts[c] >= 4) result = c;
      else if (c == 0)
        for (std::uint8_t k = 1; k <= 4; ++k)
          if (counts[k] >= 6) result = k;
      out[std::size_t(y) * std::size_t(w) + std::size_t(x)] = result;
    }
}

raster::Window grown(const raster::Window& w, const raster::Grid& grid) {
  const int x0 = std::max(0, w.xOff - kHalo), y0 = std::max(0, w.yOff - kHalo);
  const int x1 = std::min(grid.width, w.xOff + w.width + kHalo), y1 = std::min(grid.height, w.yOff + w.height + kHalo);
  return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

std::string croplandFilter(const LayerRef& cropland) {
  auto reader = vector::FeatureReader::open(cropland.path, cropland.layer);
  if (!reader) return {};
  for (const auto& field : reader->layer().fields) {
    std::string upper = field.name;
    for (char& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
    if (upper == "DLBM") return "\"" + field.name + "\" LIKE '01%'";
  }
  return {};
}

Status writeClassMap(const ChangeInputs& inputs, const ChangeParameters& parameters, const std::string& croplandFilter,
                     const std::filesystem::path& scratch, raster::Grid& grid, ChangeSummary& summary,
                     Feedback& feedback) {
  auto before = raster::RasterSource::open(inputs.before);
  if (!before) return fail(before.error());
  auto afterFile = raster::RasterSource::open(inputs.after);
  if (!afterFile) return fail(afterFile.error());
  auto beforeBands = bandsOf(*before, inputs.beforeBands, "before");
  if (!beforeBands) return fail(beforeBands.error());
  auto afterBands = bandsOf(*afterFile, inputs.afterBands, "after");
  if (!afterBands) return fail(afterBands.error());
  auto after = afterFile->alignedTo(*before, raster::Resampling::Bilinear);
  if (!after) return fail(after.error());
  grid = before->grid();
  summary.pixels = std::int64_t(grid.width) * grid.height;

  raster::RasterizeOptions cropOptions;
  cropOptions.layerName = inputs.cropland.layer;
  cropOptions.attributeFilter = croplandFilter;

  // 1. Radiometric normalisation and the automatic threshold from a sample of the whole scene
  //    (read at reduced resolution: GDAL serves it from overviews).
  Feedback sampling = feedback.subRange(0.0, 0.1);
  sampling.setProgress(0.0, "normalisation");
  const int sampleW = std::min(grid.width, 1200);
  const int sampleH = std::max(1, int(std::lround(double(grid.height) * sampleW / grid.width)));
  const raster::Window all{0, 0, grid.width, grid.height};
  std::vector<float> sb, sa;
  if (auto st = before->readResampled(all, sampleW, sampleH, *beforeBands, sb, raster::Resampling::Average); !st) return st;
  if (auto st = after->readResampled(all, sampleW, sampleH, *afterBands, sa, raster::Resampling::Average); !st) return st;
  const std::size_t samplePixels = std::size_t(sampleW) * std::size_t(sampleH);
  const Normalization normalization = fitNormalization(sb, sa, samplePixels);
  summary.invariantPixels = normalization.invariantPixels;
  for (std::size_t b = 0; b < 4; ++b) {
    summary.gains[b] = normalization.bands[b].gain;
    summary.offsets[b] = normalization.bands[b].offset;
  }
  raster::Grid sampleGrid = grid;
  sampleGrid.width = sampleW;
  sampleGrid.height = sampleH;
  sampleGrid.geoTransform[1] *= double(grid.width) / sampleW;
  sampleGrid.geoTransform[5] *= double(grid.height) / sampleH;
  sampleGrid.geoTransform[2] *= double(grid.width) / sampleW;
  sampleGrid.geoTransform[4] *= double(grid.height) / sampleH;
  auto sampleCrop = raster::PolygonRasterizer::open(inputs.cropland.path, sampleGrid, cropOptions);
  if (!sampleCrop) return fail(sampleCrop.error());
  std::vector<std::uint8_t> sampleMask;
  if (auto st = sampleCrop->burn({0, 0, sampleW, sampleH}, sampleMask); !st) return st;
  std::vector<float> magnitudes;
  magnitudes.reserve(samplePixels / 2);
  for (std::size_t i = 0; i < samplePixels; ++i) {
    if (!sampleMask[i]) continue;
    const PixelBands pb{sb[i], sb[samplePixels + i], sb[2 * samplePixels + i], sb[3 * samplePixels + i]};
    const PixelBands pa{normalization.apply(0, sa[i]), normalization.apply(1, sa[samplePixels + i]),
                        normalization.apply(2, sa[2 * samplePixels + i]), normalization.apply(3, sa[3 * samplePixels + i])};
    const float m = changeMagnitude(pb, pa);
    if (std::isfinite(m)) magnitudes.push_back(std::min(m, 2.0f));
  }
  if (magnitudes.empty())
    return fail(ErrorCode::InvalidInput, "no cropland lies on the images",
                text::displayPath(inputs.cropland.path) + (inputs.cropland.layer.empty() ? "" : ":" + inputs.cropland.layer),
                "Check that the cropland layer covers the images (and its coordinate system).");
  const float otsu = otsuThreshold(magnitudes, 2.0f);
  PixelRuleThresholds thresholds;
  thresholds.changeMagnitude = otsu / float(parameters.sensitivity);
  thresholds.texture = float(parameters.textureThreshold);
  thresholds.flagBare = parameters.flagBareSoil;
  thresholds.cloudMask = parameters.cloudMask;
  {
    // Clouds: far above the scene's bright land (99.5th percentile of the before visible mean).
    std::vector<float> brightness;
    brightness.reserve(samplePixels);
    for (std::size_t i = 0; i < samplePixels; ++i)
      if (std::isfinite(sb[i])) brightness.push_back((sb[i] + sb[samplePixels + i] + sb[2 * samplePixels + i]) / 3.f);
    if (!brightness.empty()) {
      const std::size_t k = brightness.size() * 995 / 1000;
      std::nth_element(brightness.begin(), brightness.begin() + std::ptrdiff_t(k), brightness.end());
      thresholds.cloudBrightness = std::max(1.3f * brightness[k], 1.6f * brightness[brightness.size() / 2]);
    }
  }
  summary.threshold = thresholds.changeMagnitude;
  sampling.setProgress(1.0);

  // 2. The block pass: both dates, cropland mask, rules, clean-up; threads take windows in turn.
  auto writer = raster::ByteRasterWriter::create(scratch, grid);
  if (!writer) return fail(writer.error());
  const int threads = std::max(1, parameters.threads);
  // Per thread: 2 dates × 4 bands float + texture and class buffers ≈ 48 bytes per pixel.
  const std::int64_t budget = std::int64_t(parameters.memoryMb * 1024 * 1024 * 0.6);
  const std::int64_t maxPixels = std::max<std::int64_t>(65536, budget / (48 * threads));
  const std::vector<raster::Window> windows = before->blockWindows(maxPixels);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::mutex writeMutex;
  std::mutex errorMutex;
  std::optional<Error> firstError;
  std::atomic<bool> failed{false};  // stops the other threads without canceling the caller's feedback
  Feedback blocks = feedback.subRange(0.1, 0.75);
  const auto work = [&]() {
    auto b = before->clone();
    auto a = after->clone();
    auto crop = raster::PolygonRasterizer::open(inputs.cropland.path, grid, cropOptions);
    const auto stop = [&](const Error& e) {
      std::lock_guard lock(errorMutex);
      if (!firstError) firstError = e;
      failed = true;
    };
    if (!b) return stop(b.error());
    if (!a) return stop(a.error());
    if (!crop) return stop(crop.error());
    std::vector<float> vb, va, texB, texA, nirB, nirA;
    std::vector<std::uint8_t> mask, classes, cleaned, interior;
    for (std::size_t i = next++; i < windows.size(); i = next++) {
      if (failed || blocks.isCanceled()) return;
      const raster::Window w = grown(windows[i], grid);
      if (auto st = b->read(w, *beforeBands, vb); !st) return stop(st.error());
      if (auto st = a->read(w, *afterBands, va); !st) return stop(st.error());
      if (auto st = crop->burn(w, mask); !st) return stop(st.error());
      const std::size_t n = std::size_t(w.pixelCount());
      for (std::size_t k = 0; k < n; ++k)
        for (std::size_t band = 0; band < 4; ++band) va[band * n + k] = normalization.apply(int(band), va[band * n + k]);
      textureOf(vb.data() + 3 * n, w.width, w.height, texB);
      textureOf(va.data() + 3 * n, w.width, w.height, texA);
      classes.assign(n, 0);
      for (std::size_t k = 0; k < n; ++k) {
        if (!mask[k]) continue;
        const PixelBands pb{vb[k], vb[n + k], vb[2 * n + k], vb[3 * n + k]};
        const PixelBands pa{va[k], va[n + k], va[2 * n + k], va[3 * n + k]};
        const ChangeClass c = classifyPixel(pb, pa, texB[k], texA[k], thresholds);
        classes[k] = c == ChangeClass::Invalid ? 0 : std::uint8_t(c);
      }
      cleanUp(classes, w.width, w.height, cleaned);
      const raster::Window& inner = windows[i];
      interior.resize(std::size_t(inner.pixelCount()));
      for (int y = 0; y < inner.height; ++y)
        for (int x = 0; x < inner.width; ++x)
          interior[std::size_t(y) * std::size_t(inner.width) + std::size_t(x)] =
              cleaned[std::size_t(y + inner.yOff - w.yOff) * std::size_t(w.width) + std::size_t(x + inner.xOff - w.xOff)];
      {
        std::lock_guard lock(writeMutex);
        if (auto st = writer->write(inner, interior); !st) return stop(st.error());
      }
      blocks.setProgress(double(++done) / double(windows.size()));
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (firstError) return fail(*firstError);
  if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled");
  return writer->close();
}

}  // namespace onemap::change::detail
