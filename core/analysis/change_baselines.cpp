#include "onemap/analysis/change_baselines.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace onemap::analysis {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

std::size_t pixelCount(const ImagePair& pair) { return std::size_t(pair.width) * std::size_t(pair.height); }

// |NDVI(after) − NDVI(before)|, NaN where either date has no data or red + nir is 0.
std::vector<float> ndviDifference(const ImagePair& pair) {
  const std::size_t n = pixelCount(pair);
  const auto ndvi = [n](std::span<const float> image, std::size_t i) {
    const float red = image[2 * n + i], nir = image[3 * n + i];
    const float sum = nir + red;
    return sum != 0.0f ? (nir - red) / sum : kNaN;  // NaN inputs stay NaN
  };
  std::vector<float> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = std::abs(ndvi(pair.after, i) - ndvi(pair.before, i));
  return out;
}

// Euclidean length of after − before over every band, NaN where any value is missing.
std::vector<float> changeVectorMagnitude(const ImagePair& pair) {
  const std::size_t n = pixelCount(pair);
  std::vector<double> sum(n, 0.0);
  for (int b = 0; b < pair.bands; ++b) {
    const float* before = pair.before.data() + std::size_t(b) * n;
    const float* after = pair.after.data() + std::size_t(b) * n;
    for (std::size_t i = 0; i < n; ++i) {
      const double d = double(after[i]) - double(before[i]);
      sum[i] += d * d;
    }
  }
  std::vector<float> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = float(std::sqrt(sum[i]));
  return out;
}

// Clears the mask where any band of either date has no data.
void clearNoData(const ImagePair& pair, std::vector<std::uint8_t>& mask) {
  const std::size_t n = pixelCount(pair);
  for (int b = 0; b < pair.bands; ++b)
    for (std::size_t i = 0; i < n; ++i)
      if (!std::isfinite(pair.before[b * n + i]) || !std::isfinite(pair.after[b * n + i])) mask[i] = 0;
}

ChangeMask thresholdOtsu(const std::vector<float>& values) {
  ChangeMask result;
  result.threshold = otsuThreshold(values);
  result.mask.resize(values.size());
  const float cut = float(result.threshold);
  for (std::size_t i = 0; i < values.size(); ++i) result.mask[i] = values[i] > cut ? 1 : 0;  // NaN > x is false
  return result;
}

// One 3 × 3 pass: erosion (minimum) or dilation (maximum) over the neighbours inside the image,
// separable as a row pass then a column pass.
void morph3x3(std::vector<std::uint8_t>& mask, int width, int height, bool erode) {
  const auto pick = [erode](std::uint8_t a, std::uint8_t b) { return erode ? std::min(a, b) : std::max(a, b); };
  std::vector<std::uint8_t> rows(mask.size());
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* in = mask.data() + std::size_t(y) * width;
    std::uint8_t* out = rows.data() + std::size_t(y) * width;
    for (int x = 0; x < width; ++x) {
      std::uint8_t v = in[x];
      if (x > 0) v = pick(v, in[x - 1]);
      if (x + 1 < width) v = pick(v, in[x + 1]);
      out[x] = v;
    }
  }
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* mid = rows.data() + std::size_t(y) * width;
    const std::uint8_t* up = y > 0 ? mid - width : mid;
    const std::uint8_t* down = y + 1 < height ? mid + width : mid;
    std::uint8_t* out = mask.data() + std::size_t(y) * width;
    for (int x = 0; x < width; ++x) out[x] = pick(pick(up[x], mid[x]), down[x]);
  }
}

// Q(a, x) by Legendre's continued fraction (modified Lentz), for x ≥ a + 1.
double gammaQContinuedFraction(double a, double x) {
  constexpr double tiny = 1e-300;
  double b = x + 1.0 - a, c = 1.0 / tiny, d = 1.0 / b, h = d;
  for (int i = 1; i < 1000; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::abs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < 1e-15) break;
  }
  return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

// P(a, x) by its power series, for x < a + 1.
double gammaPSeries(double a, double x) {
  double term = 1.0 / a, sum = term;
  for (int n = 1; n < 1000; ++n) {
    term *= x / (a + n);
    sum += term;
    if (std::abs(term) < std::abs(sum) * 1e-16) break;
  }
  return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

}  // namespace

const std::vector<ChangeBaseline>& allChangeBaselines() {
  static const std::vector<ChangeBaseline> all{ChangeBaseline::NdviOtsu, ChangeBaseline::CvaOtsu,
                                               ChangeBaseline::CvaOtsuMorphology, ChangeBaseline::IrMad,
                                               ChangeBaseline::Mad};
  static_assert(kChangeBaselineCount == 5);
  return all;
}

std::string_view changeBaselineName(ChangeBaseline baseline) noexcept {
  switch (baseline) {
    case ChangeBaseline::NdviOtsu: return "dndvi_otsu";
    case ChangeBaseline::CvaOtsu: return "cva_otsu";
    case ChangeBaseline::CvaOtsuMorphology: return "cva_morph";
    case ChangeBaseline::IrMad: return "irmad";
    case ChangeBaseline::Mad: return "mad";
  }
  return "unknown";
}

Status checkImagePair(const ImagePair& pair) {
  if (pair.width <= 0 || pair.height <= 0) return fail(ErrorCode::InvalidInput, "the images are empty");
  if (pair.bands < 4)
    return fail(ErrorCode::InvalidInput, "the images have " + std::to_string(pair.bands) + " bands",
                {}, "give at least blue, green, red and nir");
  const std::size_t expected = pixelCount(pair) * std::size_t(pair.bands);
  if (pair.before.size() != expected || pair.after.size() != expected)
    return fail(ErrorCode::InvalidInput, "the band planes do not hold width x height x bands values");
  return {};
}

Result<ChangeMask> detectBaselineChange(ChangeBaseline baseline, const ImagePair& pair) {
  if (auto ok = checkImagePair(pair); !ok) return fail(ok.error());
  if (baseline == ChangeBaseline::IrMad) return irMadChange(pair);
  if (baseline == ChangeBaseline::Mad) {
    IrMadOptions options;
    options.maxIterations = 1;  // one canonical correlation fit, unweighted
    return irMadChange(pair, options);
  }
  const std::vector<float> values =
      baseline == ChangeBaseline::NdviOtsu ? ndviDifference(pair) : changeVectorMagnitude(pair);
  ChangeMask result = thresholdOtsu(values);
  if (std::isnan(result.threshold)) return fail(ErrorCode::InvalidInput, "no pixel has data on both dates");
  clearNoData(pair, result.mask);
  if (baseline == ChangeBaseline::CvaOtsuMorphology) {
    openMask3x3(result.mask, pair.width, pair.height);
    closeMask3x3(result.mask, pair.width, pair.height);
  }
  return result;
}

double otsuThreshold(std::span<const float> values) {
  std::vector<float> finite;
  finite.reserve(values.size());
  for (const float v : values)
    if (std::isfinite(v)) finite.push_back(v);
  if (finite.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double lower = *std::min_element(finite.begin(), finite.end());
  const auto rank = finite.begin() + std::ptrdiff_t(0.999 * double(finite.size() - 1));
  std::nth_element(finite.begin(), rank, finite.end());
  const double upper = *rank;
  if (!(upper > lower)) return lower;
  constexpr int kBins = 256;
  const double width = (upper - lower) / kBins;
  std::array<double, kBins> histogram{};
  for (const float v : finite) histogram[std::size_t(std::clamp(int((v - lower) / width), 0, kBins - 1))] += 1.0;
  double total = 0.0, totalSum = 0.0;
  for (int i = 0; i < kBins; ++i) total += histogram[i], totalSum += i * histogram[i];
  double weight0 = 0.0, sum0 = 0.0, best = -1.0;
  int split = 0;
  for (int k = 0; k < kBins - 1; ++k) {
    weight0 += histogram[k];
    sum0 += k * histogram[k];
    const double weight1 = total - weight0;
    if (weight0 == 0.0 || weight1 == 0.0) continue;
    const double mean0 = sum0 / weight0, mean1 = (totalSum - sum0) / weight1;
    const double between = weight0 * weight1 * (mean0 - mean1) * (mean0 - mean1);
    if (between > best) best = between, split = k;
  }
  return lower + (split + 1) * width;
}

void openMask3x3(std::vector<std::uint8_t>& mask, int width, int height) {
  morph3x3(mask, width, height, true);
  morph3x3(mask, width, height, false);
}

void closeMask3x3(std::vector<std::uint8_t>& mask, int width, int height) {
  morph3x3(mask, width, height, false);
  morph3x3(mask, width, height, true);
}

double regularizedGammaP(double a, double x) {
  if (!(a > 0.0) || std::isnan(x)) return std::numeric_limits<double>::quiet_NaN();
  if (x <= 0.0) return 0.0;
  if (std::isinf(x)) return 1.0;
  return x < a + 1.0 ? gammaPSeries(a, x) : 1.0 - gammaQContinuedFraction(a, x);
}

double chiSquareCdf(double x, double dof) { return regularizedGammaP(dof / 2.0, x / 2.0); }

double chiSquareQuantile(double p, double dof) {
  if (!(p > 0.0 && p < 1.0) || !(dof > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  double lo = 0.0, hi = std::max(1.0, dof);
  while (chiSquareCdf(hi, dof) < p) lo = hi, hi *= 2.0;
  for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (chiSquareCdf(mid, dof) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace onemap::analysis
