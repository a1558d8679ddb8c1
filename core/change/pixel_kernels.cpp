#include "pixel_kernels.h"

#include <algorithm>

#include <cmath>

#include "simd_clones.h"

namespace onemap::change::detail {

ONEMAP_AVX2_CLONES void normalizeBand(const float* in, std::size_t n, const BandMapping& mapping, float* out) {
  const double gain = mapping.gain, offset = mapping.offset;
  for (std::size_t k = 0; k < n; ++k) out[k] = float(gain * in[k] + offset);
}

ONEMAP_AVX2_CLONES void magnitudesOf(const float* before, const float* after, std::size_t plane,
                                     const BandSelection& bands, const std::array<float, 6>& weights, int n,
                                     float* out) {
  // The bands in the order of the reads, with their weights.
  std::array<float, 6> w{};
  for (std::size_t b = 0; b < bands.roles.size(); ++b)
    w[b] = weights[weightSlot(bands, b)];
  for (int x = 0; x < n; ++x) {
    const float d = (after[x] - before[x]) * w[0];
    out[x] = d * d;
  }
  for (std::size_t b = 1; b < bands.roles.size(); ++b) {
    const float* pb = before + b * plane;
    const float* pa = after + b * plane;
    const float wb = w[b];
    for (int x = 0; x < n; ++x) {
      const float d = (pa[x] - pb[x]) * wb;
      out[x] += d * d;
    }
  }
  for (int x = 0; x < n; ++x) out[x] = std::sqrt(out[x]);
}

ONEMAP_AVX2_CLONES void meanOfNeighbours(const float* above, const float* row, const float* below, int n, int x0,
                                         int x1, float* columnSums, float* out) {
  if (x1 <= x0) return;
  const float rows = 1.0f + (above ? 1.0f : 0.0f) + (below ? 1.0f : 0.0f);
  const int a = std::max(0, x0 - 1), b = std::min(n, x1 + 1);
  for (int x = a; x < b; ++x) columnSums[x] = row[x];
  if (above)
    for (int x = a; x < b; ++x) columnSums[x] += above[x];
  if (below)
    for (int x = a; x < b; ++x) columnSums[x] += below[x];
  if (n == 1) {
    out[0] = columnSums[0] / rows;
    return;
  }
  if (x0 == 0) out[0] = (columnSums[0] + columnSums[1]) / (2.0f * rows);
  const float inner = 1.0f / (3.0f * rows);
  for (int x = std::max(x0, 1); x < std::min(x1, n - 1); ++x)
    out[x] = (columnSums[x - 1] + columnSums[x] + columnSums[x + 1]) * inner;
  if (x1 == n) out[n - 1] = (columnSums[n - 2] + columnSums[n - 1]) / (2.0f * rows);
}

ONEMAP_AVX2_CLONES bool flagCandidates(const float* magnitude, int n, const float* textureBefore,
                                       const float* textureAfter, const std::uint8_t* mask, float growThreshold,
                                       float textureRise, std::uint8_t* out) {
  int any = 0;
  for (int x = 0; x < n; ++x) {
    const int skip = int(!(magnitude[x] >= growThreshold)) & int(!(textureAfter[x] - textureBefore[x] >= textureRise));
    const int flag = int(mask[x] != 0) & (1 - skip);
    out[x] = std::uint8_t(flag);
    any |= flag;
  }
  return any != 0;
}

ONEMAP_AVX2_CLONES bool cloudCandidates(const float* before, const float* after, std::size_t plane, std::size_t n,
                                        const PixelRuleThresholds& t, std::uint8_t* out) {
  // isCloud() with both tests evaluated (`&`, not `&&`): no branch, so the loop vectorises.
  const float bright = t.cloudBrightness, blueLevel = 0.9f * t.cloudBrightness;
  const auto cloud = [&](const float* v, std::size_t k) {
    const float brightness = (v[k] + v[plane + k] + v[2 * plane + k]) / 3.0f;
    return int(brightness > bright) & int(v[k] > blueLevel);
  };
  int any = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const int c = cloud(before, k) | cloud(after, k);
    out[k] = std::uint8_t(c);
    any |= c;
  }
  return any != 0;
}

}  // namespace onemap::change::detail
