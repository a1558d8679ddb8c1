#include "cloud_gate.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "summed_area.h"

namespace onemap::change::detail {
namespace {

/// Width (m) of the window a cloud core fills (hasCloudCores()).
constexpr double kCloudGateM = 60.0;

}  // namespace

void setCloudLevels(const SceneSample& sample, PixelRuleThresholds& thresholds) {
  const std::vector<float>& sb = sample.before;
  const std::size_t samplePixels = sample.pixels;
  std::vector<float> brightness;
  brightness.reserve(samplePixels);
  for (std::size_t i = 0; i < samplePixels; ++i)
    if (std::isfinite(sb[i])) brightness.push_back((sb[i] + sb[samplePixels + i] + sb[2 * samplePixels + i]) / 3.f);
  if (!brightness.empty()) {
    const std::size_t k = brightness.size() * 995 / 1000;
    std::nth_element(brightness.begin(), brightness.begin() + std::ptrdiff_t(k), brightness.end());
    const float bright = brightness[k];
    std::nth_element(brightness.begin(), brightness.begin() + std::ptrdiff_t(brightness.size() / 2), brightness.end());
    const float median = brightness[brightness.size() / 2];
    thresholds.cloudBrightness = std::max(1.3f * bright, 1.6f * median);
    if (median > 0) thresholds.sceneBrightness = median;
  }
}

PixelBands cloudSpectrumOf(const SceneSample& sample, const BandSelection& bands,
                           const PixelRuleThresholds& thresholds) {
  PixelBands cloudSpectrum{1.15f * thresholds.cloudBrightness, 1.15f * thresholds.cloudBrightness,
                           1.15f * thresholds.cloudBrightness, 1.15f * thresholds.cloudBrightness};
  double sum[4] = {0, 0, 0, 0};
  std::size_t count = 0;
  for (std::size_t i = 0; i < sample.pixels; ++i) {
    const PixelBands pb = pixelAt(sample.before.data(), sample.pixels, i, bands);
    const PixelBands pa = pixelAt(sample.after.data(), sample.pixels, i, bands);
    for (const PixelBands* p : {&pb, &pa})
      if (std::isfinite(p->nir) && isCloud(*p, thresholds)) {
        sum[0] += p->blue, sum[1] += p->green, sum[2] += p->red, sum[3] += p->nir;
        ++count;
      }
  }
  if (count >= 16)
    cloudSpectrum = {float(sum[0] / double(count)), float(sum[1] / double(count)), float(sum[2] / double(count)),
                     float(sum[3] / double(count))};
  return cloudSpectrum;
}

bool hasCloudCores(const SceneSample& sample, float level, double pixelM) {
  const std::vector<float>& b = sample.before;
  const std::vector<float>& a = sample.after;
  const std::size_t pixels = sample.pixels;
  const int w = sample.grid.width, h = sample.grid.height;
  std::vector<std::uint8_t> bright(pixels);
  std::size_t any = 0;
  const auto cloudAt = [&](const std::vector<float>& v, std::size_t k) {
    const float brightness = (v[k] + v[pixels + k] + v[2 * pixels + k]) / 3.0f;
    return brightness > level && v[k] > level;
  };
  // Bright on one date only: clouds move, and what is as bright on both dates is a surface.
  for (std::size_t k = 0; k < pixels; ++k) any += bright[k] = std::uint8_t(cloudAt(b, k) != cloudAt(a, k));
  const int r = std::max(1, int(std::lround(kCloudGateM / 2.0 / std::max(pixelM, 1e-9))));
  const std::size_t window = std::size_t(2 * r + 1) * std::size_t(2 * r + 1);
  if (any < window * 9 / 10) return false;
  std::vector<int> sum;
  summedArea(w, h, sum, [&](int x, int y) { return int(bright[std::size_t(y) * std::size_t(w) + std::size_t(x)]); });
  for (int y = r; y + r < h; ++y)
    for (int x = r; x + r < w; ++x)
      if (bright[std::size_t(y) * std::size_t(w) + std::size_t(x)] &&
          10 * std::size_t(boxSum(sum, w, h, x, y, r)) >= 9 * window)
        return true;
  return false;
}

}  // namespace onemap::change::detail
