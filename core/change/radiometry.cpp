#include "onemap/change/radiometry.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace onemap::change {
namespace {

bool validPixel(std::span<const float> data, std::size_t pixels, std::size_t bands, std::size_t i) {
  for (std::size_t b = 0; b < bands; ++b)
    if (!std::isfinite(data[b * pixels + i]) || data[b * pixels + i] <= 0.f) return false;
  return true;
}

/// Orthogonal (total least squares) fit of y ≈ gain·x + offset.
BandMapping orthogonalFit(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = double(x.size());
  if (n < 2) return {};
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  double sxx = 0, syy = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  if (std::abs(sxy) < 1e-12) return {1.0, my - mx};
  const double gain = (syy - sxx + std::sqrt((syy - sxx) * (syy - sxx) + 4 * sxy * sxy)) / (2 * sxy);
  if (!std::isfinite(gain) || gain <= 0.05 || gain > 20) return {1.0, my - mx};
  return {gain, my - gain * mx};
}

}  // namespace

void flagBrightest(std::span<const float> values, std::size_t pixels, std::vector<std::uint8_t>& flags) {
  flags.resize(pixels);
  std::vector<float> brightness;
  brightness.reserve(pixels);
  const auto visible = [&](std::size_t i) { return (values[i] + values[pixels + i] + values[2 * pixels + i]) / 3.f; };
  for (std::size_t i = 0; i < pixels; ++i)
    if (std::isfinite(visible(i))) brightness.push_back(visible(i));
  if (brightness.size() < 16) return;
  const std::size_t k = brightness.size() * 995 / 1000;
  std::nth_element(brightness.begin(), brightness.begin() + std::ptrdiff_t(k), brightness.end());
  const float bright = brightness[k];
  std::nth_element(brightness.begin(), brightness.begin() + std::ptrdiff_t(brightness.size() / 2), brightness.end());
  const float median = brightness[brightness.size() / 2];
  // Where clouds cover more than half a percent of the image, its 99.5th percentile is cloud:
  // then four times the lower quartile (land) bounds the level.
  std::nth_element(brightness.begin(), brightness.begin() + std::ptrdiff_t(brightness.size() / 4), brightness.end());
  const float level = std::min(std::max(1.3f * bright, 1.6f * median), 4.0f * brightness[brightness.size() / 4]);
  for (std::size_t i = 0; i < pixels; ++i)
    if (visible(i) > level && values[i] > 0.9f * level) flags[i] = 1;
}

Normalization fitNormalization(std::span<const float> before, std::span<const float> after, std::size_t pixels,
                               std::size_t bandCount, std::span<const std::uint8_t> excluded) {
  Normalization n;
  n.bands.assign(bandCount, BandMapping{});
  std::vector<std::size_t> valid;
  valid.reserve(pixels);
  for (std::size_t i = 0; i < pixels; ++i)
    if ((excluded.empty() || !excluded[i]) && validPixel(before, pixels, bandCount, i) &&
        validPixel(after, pixels, bandCount, i))
      valid.push_back(i);
  if (valid.size() < 16) return n;
  // Start: match mean and standard deviation per band.
  for (std::size_t b = 0; b < bandCount; ++b) {
    double ma = 0, mb = 0, sa = 0, sb = 0;
    for (std::size_t i : valid) {
      ma += after[b * pixels + i];
      mb += before[b * pixels + i];
    }
    ma /= double(valid.size());
    mb /= double(valid.size());
    for (std::size_t i : valid) {
      sa += std::pow(after[b * pixels + i] - ma, 2);
      sb += std::pow(before[b * pixels + i] - mb, 2);
    }
    const double gain = sa > 0 ? std::sqrt(sb / sa) : 1.0;
    n.bands[b] = {gain, mb - gain * ma};
  }
  std::vector<std::pair<float, std::size_t>> residual(valid.size());
  for (int iteration = 0; iteration < 3; ++iteration) {
    for (std::size_t k = 0; k < valid.size(); ++k) {
      const std::size_t i = valid[k];
      float sum = 0.f, norm = 0.f;
      for (std::size_t b = 0; b < bandCount; ++b) {
        const float d = n.apply(int(b), after[b * pixels + i]) - before[b * pixels + i];
        sum += d * d;
        norm += before[b * pixels + i] * before[b * pixels + i];
      }
      residual[k] = {sum / (norm + 1e-6f), i};
    }
    const std::size_t keep = std::max<std::size_t>(16, valid.size() * 2 / 5);
    std::nth_element(residual.begin(), residual.begin() + std::ptrdiff_t(keep - 1), residual.end());
    std::vector<double> x(keep), y(keep);
    for (std::size_t b = 0; b < bandCount; ++b) {
      for (std::size_t k = 0; k < keep; ++k) {
        x[k] = after[b * pixels + residual[k].second];
        y[k] = before[b * pixels + residual[k].second];
      }
      n.bands[b] = orthogonalFit(x, y);
    }
    n.invariantPixels = keep;
  }
  return n;
}

float otsuThreshold(std::span<const float> values, float upper) {
  constexpr int kBins = 256;
  std::array<double, kBins> histogram{};
  double total = 0;
  for (float v : values) {
    if (!std::isfinite(v)) continue;
    const int bin = std::clamp(int(v / upper * kBins), 0, kBins - 1);
    histogram[std::size_t(bin)] += 1;
    total += 1;
  }
  if (total < 16) return upper / 2;
  double sumAll = 0;
  for (int i = 0; i < kBins; ++i) sumAll += i * histogram[std::size_t(i)];
  double weightBackground = 0, sumBackground = 0, best = -1;
  int bestBin = kBins / 2;
  for (int i = 0; i < kBins; ++i) {
    weightBackground += histogram[std::size_t(i)];
    if (weightBackground == 0) continue;
    const double weightForeground = total - weightBackground;
    if (weightForeground == 0) break;
    sumBackground += i * histogram[std::size_t(i)];
    const double meanB = sumBackground / weightBackground;
    const double meanF = (sumAll - sumBackground) / weightForeground;
    const double between = weightBackground * weightForeground * (meanB - meanF) * (meanB - meanF);
    if (between > best) {
      best = between;
      bestBin = i;
    }
  }
  return (float(bestBin) + 1.0f) / kBins * upper;
}

}  // namespace onemap::change
