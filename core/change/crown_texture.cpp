#include "crown_texture.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include "simd_clones.h"

namespace onemap::change::detail {
namespace {

constexpr int kTaps = 2 * kTextureRadius + 1;

/// Row sums for columns [xa, xb) of a row of width w: `in[x − lo]` holds the row's value at
/// column x for x in [lo, hi) = [max(0, xa − r), min(w, xb + r)); `out[x − xa]` gets the sum over
/// [x − r, x + r] ∩ [0, w).
ONEMAP_ALWAYS_INLINE inline void rowBoxSum(const float* in, int lo, int hi, int xa, int xb, float* out) {
  constexpr int r = kTextureRadius;
  const auto clipped = [&](int x) {
    float s = 0;
    for (int xx = std::max(lo, x - r); xx <= std::min(hi - 1, x + r); ++xx) s += in[xx - lo];
    return s;
  };
  const int fastFrom = std::max(xa, lo + r), fastTo = std::min(xb, hi - r);
  if (fastFrom >= fastTo) {
    for (int x = xa; x < xb; ++x) out[x - xa] = clipped(x);
    return;
  }
  for (int x = xa; x < fastFrom; ++x) out[x - xa] = clipped(x);
  const float* c = in + (fastFrom - lo);
  float* o = out + (fastFrom - xa);
  for (int i = 0, n = fastTo - fastFrom; i < n; ++i)
    o[i] = c[i - 2] + c[i - 1] + c[i] + c[i + 1] + c[i + 2];
  for (int x = fastTo; x < xb; ++x) out[x - xa] = clipped(x);
}

/// Sum of `count` (1..5) rows of row sums, added in row order.
ONEMAP_ALWAYS_INLINE inline void columnBoxSum(const float* const* rows, int count, int w, float* out) {
  if (count == kTaps) {
    const float *a = rows[0], *b = rows[1], *c = rows[2], *d = rows[3], *e = rows[4];
    for (int x = 0; x < w; ++x) out[x] = a[x] + b[x] + c[x] + d[x] + e[x];
    return;
  }
  for (int x = 0; x < w; ++x) {
    float s = 0;
    for (int i = 0; i < count; ++i) s += rows[i][x];
    out[x] = s;
  }
}


constexpr int kDirections[4][2] = {{1, 0}, {0, 1}, {1, 1}, {1, -1}};

/// Pixels of [0, size) within kTextureRadius of i whose neighbour at `offset` lies inside too.
inline int insideCount(int i, int size, int offset) {
  const int lo = std::max(0, i - kTextureRadius), hi = std::min(size, i + kTextureRadius + 1);
  return std::max(0, std::min(hi, size - offset) - std::max(lo, -offset));
}

}  // namespace

ONEMAP_AVX2_CLONES void textureOf(const float* values, int w, int h, int r0, int r1, float* out,
                                 TextureScratch& t, const std::uint8_t* need) {
  constexpr int r = kTextureRadius;
  const std::size_t W = std::size_t(w);
  const int needTop = std::max(0, r0 - r), needBottom = std::min(h, r1 + r);
  // Missing pixels anywhere the sums reach (one more row for the diagonal neighbours)?
  bool allValid = true;
  {
    const int y0 = std::max(0, needTop - 1), y1 = std::min(h, needBottom + 1);
    const float* p = values + std::size_t(y0) * W;
    const std::size_t n = std::size_t(y1 - y0) * W;
    int finite = 1;
    for (std::size_t k = 0; k < n; ++k) finite &= int(std::fabs(p[k]) <= std::numeric_limits<float>::max());
    allValid = finite != 0;
  }
  const int quantities = allValid ? 5 : 10;
  constexpr int stripWidth = kTextureStripWidth;
  const int strips = textureStrips(w);
  const std::size_t S = std::size_t(std::min(w, stripWidth));
  t.ring.resize(std::size_t(quantities) * kTaps * S);
  t.line.resize(S + 2 * r);
  t.pairLine.resize(S + 2 * r);
  t.best.resize(S);
  t.mean.resize(S);
  for (int q = 0; q < quantities; ++q) t.column[q].resize(S);
  for (int dx = 0; dx < 2; ++dx) {
    t.inside[dx].resize(W);
    for (int x = 0; x < w; ++x) t.inside[dx][std::size_t(x)] = insideCount(x, w, dx);
  }
  t.unevenColumns.clear();
  for (int x = 0; x < w; ++x)
    if (t.inside[0][std::size_t(x)] != t.inside[1][std::size_t(x)]) t.unevenColumns.push_back(x);
  const auto slot = [&](int q, int y) { return t.ring.data() + (std::size_t(q) * kTaps + std::size_t(y % kTaps)) * S; };
  float* line = t.line.data();
  float* pairLine = t.pairLine.data();
  for (int strip = 0; strip < strips; ++strip) {
    const int xa = strip * stripWidth, xb = std::min(w, xa + stripWidth), sw = xb - xa;
    const int lo = std::max(0, xa - r), hi = std::min(w, xb + r);  // columns the row sums read
    const auto computeRow = [&](int y) ONEMAP_ALWAYS_INLINE {
      const float* a = values + std::size_t(y) * W;
      if (allValid) {
        rowBoxSum(a + lo, lo, hi, xa, xb, slot(0, y));
      } else {
        for (int x = lo; x < hi; ++x) {
          const bool ok = std::isfinite(a[x]);
          line[x - lo] = ok ? a[x] : 0.0f;
          pairLine[x - lo] = ok ? 1.0f : 0.0f;
        }
        rowBoxSum(line, lo, hi, xa, xb, slot(0, y));
        rowBoxSum(pairLine, lo, hi, xa, xb, slot(5, y));
      }
      for (int d = 0; d < 4; ++d) {
        const int dx = kDirections[d][0], dy = kDirections[d][1];
        const float scale = dx != 0 && dy != 0 ? 0.5f : 1.0f;
        const bool rowInside = y + dy >= 0 && y + dy < h;
        const float* b = rowInside ? values + std::size_t(y + dy) * W + std::size_t(dx) : nullptr;
        const int end = rowInside ? std::min(hi, w - dx) : lo;  // pairs exist for x < w − dx
        if (allValid) {
          for (int x = lo; x < end; ++x) line[x - lo] = scale * (a[x] - b[x]) * (a[x] - b[x]);
          for (int x = std::max(lo, end); x < hi; ++x) line[x - lo] = 0.0f;
          rowBoxSum(line, lo, hi, xa, xb, slot(1 + d, y));
        } else {
          for (int x = lo; x < end; ++x) {
            const bool ok = std::isfinite(a[x]) && std::isfinite(b[x]);
            line[x - lo] = ok ? scale * (a[x] - b[x]) * (a[x] - b[x]) : 0.0f;
            pairLine[x - lo] = ok ? 1.0f : 0.0f;
          }
          for (int x = std::max(lo, end); x < hi; ++x) line[x - lo] = pairLine[x - lo] = 0.0f;
          rowBoxSum(line, lo, hi, xa, xb, slot(1 + d, y));
          rowBoxSum(pairLine, lo, hi, xa, xb, slot(6 + d, y));
        }
      }
    };
    int computed = needTop;  // rows [needTop, computed) have their row sums in the ring
    for (int y = r0; y < r1; ++y) {
      if (need != nullptr && !need[std::size_t(y - r0) * std::size_t(strips) + std::size_t(strip)]) {
        std::fill_n(out + std::size_t(y - r0) * W + std::size_t(xa), sw, 0.0f);
        continue;
      }
      const int top = std::max(0, y - r), bottom = std::min(h, y + r + 1);
      // Rows skipped above are not needed; those of the window computed for an earlier row are
      // still in the ring (it holds the last kTaps rows computed).
      computed = std::max(computed, top);
      for (; computed < bottom; ++computed) computeRow(computed);
      const float* rows[kTaps];
      const int taps = bottom - top;
      for (int q = 0; q < quantities; ++q) {
        for (int i = 0; i < taps; ++i) rows[i] = slot(q, top + i);
        columnBoxSum(rows, taps, sw, t.column[q].data());
      }
      float* best = t.best.data();
      // Where every direction has as many pairs (all but the last columns and the first and
      // last rows of the plane), the least mean is the least sum over that count: one division
      // instead of four, the same bits (division by a positive number keeps the order).
      const int nyRow = insideCount(y, h, 0);
      const bool rowUniform = allValid && nyRow == insideCount(y, h, 1) && nyRow == insideCount(y, h, -1);
      if (rowUniform) {
        const float *d0 = t.column[1].data(), *d1 = t.column[2].data(), *d2 = t.column[3].data(),
                    *d3 = t.column[4].data();
        const int* nx = t.inside[0].data() + xa;
        // Divided whatever the count, then selected in a second loop (on the integer count,
        // pairSum >= 1.5): GCC would move a division used by one side of a select into a branch,
        // which does not vectorise.
        for (int i = 0; i < sw; ++i) {
          const float pairSum = float(nx[i] * nyRow);
          const float least = std::max(0.0f, std::min(std::min(d0[i], d1[i]), std::min(d2[i], d3[i])));
          best[i] = least / pairSum;
        }
        for (int i = 0; i < sw; ++i) best[i] = nx[i] * nyRow >= 2 ? best[i] : std::numeric_limits<float>::infinity();
      }
      for (int d = 0; d < 4; ++d) {
        const float* diffSum = t.column[1 + d].data();
        if (rowUniform) {
          // The columns whose diagonal and horizontal pairs are fewer (the plane's last ones).
          for (const int x : t.unevenColumns) {
            if (x < xa || x >= xb) continue;
            if (d == 0) best[x - xa] = std::numeric_limits<float>::infinity();
            const float pairSum = float(t.inside[kDirections[d][0]][std::size_t(x)] * insideCount(y, h, kDirections[d][1]));
            const float candidate = std::max(0.0f, diffSum[x - xa]) / pairSum;
            best[x - xa] = pairSum >= 1.5f ? std::min(best[x - xa], candidate) : best[x - xa];
          }
        } else if (allValid) {
          if (d == 0) std::fill_n(best, sw, std::numeric_limits<float>::infinity());
          const int ny = insideCount(y, h, kDirections[d][1]);
          const int* nx = t.inside[kDirections[d][0]].data() + xa;
          for (int i = 0; i < sw; ++i) {
            const float pairSum = float(nx[i] * ny);
            const float candidate = std::max(0.0f, diffSum[i]) / pairSum;
            best[i] = pairSum >= 1.5f ? std::min(best[i], candidate) : best[i];
          }
        } else {
          if (d == 0) std::fill_n(best, sw, std::numeric_limits<float>::infinity());
          const float* pairSum = t.column[6 + d].data();
          for (int i = 0; i < sw; ++i) {
            const float candidate = std::max(0.0f, diffSum[i]) / pairSum[i];
            best[i] = pairSum[i] >= 1.5f ? std::min(best[i], candidate) : best[i];
          }
        }
      }
      const float* sum = t.column[0].data();
      float* o = out + std::size_t(y - r0) * W + std::size_t(xa);
      const int ny0 = insideCount(y, h, 0);
      const int* nx0 = t.inside[0].data() + xa;
      const float* validSum = t.column[5].data();
      // Half the mean square difference is the variance of a fine-grained pattern: the texture is
      // sqrt(best / 2) / mean where best is finite and the mean positive, else 0. Computed
      // whatever the conditions, then selected in a second loop (see above), so both vectorise.
      // A window without pixels (count 0) has the sum 0: its mean 0 / 0 fails `mean > 0` as 0 did.
      float* mean = t.mean.data();
      const auto textureOfWindow = [&](const auto& count) {
        for (int i = 0; i < sw; ++i) {
          mean[i] = sum[i] / count(i);
          o[i] = std::sqrt(0.5f * best[i]) / mean[i];
        }
        for (int i = 0; i < sw; ++i) {
          const bool finite = std::fabs(best[i]) <= std::numeric_limits<float>::max();
          o[i] = finite & (mean[i] > 0) ? o[i] : 0.0f;
        }
      };
      if (allValid)
        textureOfWindow([&](int i) { return float(nx0[i] * ny0); });
      else
        textureOfWindow([&](int i) { return validSum[i]; });
    }
  }
}

}  // namespace onemap::change::detail
