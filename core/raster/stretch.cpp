#include "onemap/raster/stretch.h"

#include <algorithm>
#include <cmath>

#include "onemap/raster/raster_source.h"

namespace onemap::raster {

double percentile(std::vector<float>& values, double percent) {
  auto end = std::remove_if(values.begin(), values.end(), [](float v) { return std::isnan(v); });
  values.erase(end, values.end());
  if (values.empty()) return std::nan("");
  const double rank = std::clamp(percent, 0.0, 100.0) / 100.0 * double(values.size() - 1);
  const auto k = static_cast<std::size_t>(std::floor(rank));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
  return values[k];
}

Result<std::vector<StretchRange>> computeStretch(const RasterSource& source, std::span<const int> bands,
                                                 StretchMethod method, double lowPercent,
                                                 double highPercent, int sampleSize) {
  const Grid& grid = source.grid();
  const double factor = std::min(1.0, double(sampleSize) / std::max(grid.width, grid.height));
  const int w = std::max(1, int(std::lround(grid.width * factor)));
  const int h = std::max(1, int(std::lround(grid.height * factor)));
  std::vector<float> pixels;
  if (auto status = source.readResampled(Window{0, 0, grid.width, grid.height}, w, h, bands, pixels,
                                         Resampling::Nearest);
      !status)
    return fail(status.error());

  std::vector<StretchRange> out;
  const std::size_t count = std::size_t(w) * std::size_t(h);
  for (std::size_t b = 0; b < bands.size(); ++b) {
    std::vector<float> values(pixels.begin() + std::ptrdiff_t(b * count),
                              pixels.begin() + std::ptrdiff_t((b + 1) * count));
    StretchRange range;
    if (method == StretchMethod::Percentile) {
      range.min = percentile(values, lowPercent);
      range.max = percentile(values, highPercent);
    } else {
      double sum = 0, sumSq = 0, lo = INFINITY, hi = -INFINITY;
      std::size_t n = 0;
      for (float v : values) {
        if (std::isnan(v)) continue;
        sum += v;
        sumSq += double(v) * v;
        lo = std::min(lo, double(v));
        hi = std::max(hi, double(v));
        ++n;
      }
      if (n == 0) {
        range = {std::nan(""), std::nan("")};
      } else if (method == StretchMethod::MinMax) {
        range = {lo, hi};
      } else {
        const double mean = sum / double(n);
        const double sd = std::sqrt(std::max(0.0, sumSq / double(n) - mean * mean));
        range = {std::max(lo, mean - 2 * sd), std::min(hi, mean + 2 * sd)};
      }
    }
    if (std::isnan(range.min) || std::isnan(range.max)) range = {0.0, 1.0};  // all nodata
    if (range.max <= range.min) range.max = range.min + 1.0;
    out.push_back(range);
  }
  return out;
}

}  // namespace onemap::raster
