#include "class_map.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <array>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <optional>
#include <future>


#include "onemap/base/text.h"
#include "onemap/base/worker_pool.h"
#include "onemap/change/pixel_rules.h"
#include "onemap/gdal/block_cache_limit.h"
#include "onemap/change/radiometry.h"
#include "onemap/raster/class_raster.h"
#include "onemap/raster/polygon_rasterizer.h"
#include "onemap/vector/feature_reader.h"

// Hot loops are also built for AVX2 where the toolchain can pick the version at run time (GCC or
// Clang on x86-64 Linux: ifunc); elsewhere one portable build. No FMA either way.
#if defined(__GNUC__) && defined(__x86_64__) && defined(__linux__)
#define ONEMAP_AVX2_CLONES __attribute__((target_clones("avx2", "default")))
#define ONEMAP_ALWAYS_INLINE __attribute__((always_inline))
#else
#define ONEMAP_AVX2_CLONES
#define ONEMAP_ALWAYS_INLINE
#endif

namespace onemap::change::detail {
namespace {

// Neighbourhoods of the rules, in pixels unless said otherwise.
constexpr int kTextureRadius = 2;       // 5 × 5 crown texture window
constexpr double kMaxCrownPixel = 5.0;  // coarsest pixel (m) at which crown texture is used
constexpr int kGrowSteps = 2;           // rounds of growth into untyped change (hysteresis)
constexpr float kGrowThreshold = 0.5f;  // share of the change threshold that growth needs
constexpr int kShift = 1;               // misregistration tolerated
constexpr double kMaxShiftPixel = 5.0;  // coarsest pixel (m) at which misregistration is tolerated
constexpr int kGap = 3;                 // non-cropland gaps bridged within a patch
constexpr double kGrowReachM = 5.0;     // at most: metres growth reaches
constexpr double kGapReachM = 7.0;      // at most: metres of gap bridged
// The least change threshold (in units of the scene's median spectrum length): 5 %. Otsu's
// choice was 0.16–0.28 on every real and generated pair measured, 0.008 on a pair without change.
constexpr float kLeastChange = 0.05f;
constexpr int kCoreRadius = 12;         // at most: radius of the window a cloud core must fill
constexpr int kHazeRadius = 32;         // at most: distance from a cloud core searched for thin edges
// What one output pixel depends on: clean-up (1) of bridging (kGap) of growth (kGrowSteps) of
// pixel classes, which need the texture window at the shifted neighbours or the cloud zone.
constexpr int kHalo = 1 + kGap + kGrowSteps + std::max(kTextureRadius + kShift, kHazeRadius + kCoreRadius);
using raster::BandRole;

/// Roles the rules read (every image must have them), then the optional ones compared when both
/// dates have them.
constexpr BandRole kRequiredRoles[] = {BandRole::Blue, BandRole::Green, BandRole::Red, BandRole::Nir};
constexpr BandRole kOptionalRoles[] = {BandRole::Swir1, BandRole::Swir2};

/// The bands of both dates compared, in the same order: blue, green, red, nir, then each SWIR
/// band both images have. `roles` names them.
struct BandSelection {
  std::vector<int> before, after;
  std::vector<BandRole> roles;
  int swir1Plane = -1, swir2Plane = -1;  ///< planes of the SWIR bands in the reads, −1 without
};

Status checkRequiredBands(raster::RasterSource& source, const std::string& override, const char* which) {
  if (!override.empty())
    if (auto st = source.bandRoles().applyOverride(override); !st) return fail(st.error());
  const std::vector<BandRole> roles(std::begin(kRequiredRoles), std::end(kRequiredRoles));
  if (auto missing = source.bandRoles().firstMissing(roles)) {
    return fail(ErrorCode::InvalidInput,
                std::string("the ") + which + " image has no " + std::string(raster::bandRoleName(*missing)) + " band",
                text::displayPath(source.path()),
                std::string("Name the bands with --") + which + "-bands, e.g. blue=1,green=2,red=3,nir=4 (found: " +
                    source.bandRoles().summary() + ").");
  }
  return {};
}

Result<BandSelection> selectBands(raster::RasterSource& before, const std::string& beforeOverride,
                                  raster::RasterSource& after, const std::string& afterOverride) {
  if (auto st = checkRequiredBands(before, beforeOverride, "before"); !st) return fail(st.error());
  if (auto st = checkRequiredBands(after, afterOverride, "after"); !st) return fail(st.error());
  BandSelection s;
  const auto add = [&](BandRole role) {
    s.before.push_back(*before.bandRoles().bandFor(role));
    s.after.push_back(*after.bandRoles().bandFor(role));
    s.roles.push_back(role);
  };
  for (BandRole role : kRequiredRoles) add(role);
  for (BandRole role : kOptionalRoles)
    if (before.bandRoles().bandFor(role) && after.bandRoles().bandFor(role)) {
      (role == BandRole::Swir1 ? s.swir1Plane : s.swir2Plane) = int(s.roles.size());
      add(role);
    }
  return s;
}

/// The pixel at `k` of band-sequential planes `plane` floats apart.
inline PixelBands pixelAt(const float* v, std::size_t plane, std::size_t k, const BandSelection& bands) {
  PixelBands p{v[k], v[plane + k], v[2 * plane + k], v[3 * plane + k]};
  if (bands.swir1Plane >= 0) p.swir1 = v[std::size_t(bands.swir1Plane) * plane + k];
  if (bands.swir2Plane >= 0) p.swir2 = v[std::size_t(bands.swir2Plane) * plane + k];
  return p;
}

/// Summed-area table of a w × h image (the values given by `value(x, y)`), (w + 1) × (h + 1).
template <class T, class F>
void summedArea(int w, int h, std::vector<T>& s, F value) {
  s.resize((std::size_t(w) + 1) * (std::size_t(h) + 1));
  const std::size_t stride = std::size_t(w) + 1;
  std::fill_n(s.begin(), stride, T(0));
  for (int y = 0; y < h; ++y) {
    T row = 0;
    T* out = s.data() + std::size_t(y + 1) * stride;
    const T* above = s.data() + std::size_t(y) * stride;
    out[0] = T(0);
    for (int x = 0; x < w; ++x) {
      row += value(x, y);
      out[x + 1] = above[x + 1] + row;
    }
  }
}

/// Sum of a summed-area table over the window of radius `r` around (x, y), clipped at the edges.
template <class T>
T boxSum(const std::vector<T>& s, int w, int h, int x, int y, int r) {
  const std::size_t stride = std::size_t(w) + 1;
  const int x0 = std::max(0, x - r), x1 = std::min(w, x + r + 1), y0 = std::max(0, y - r), y1 = std::min(h, y + r + 1);
  return s[std::size_t(y1) * stride + std::size_t(x1)] - s[std::size_t(y0) * stride + std::size_t(x1)] -
         s[std::size_t(y1) * stride + std::size_t(x0)] + s[std::size_t(y0) * stride + std::size_t(x0)];
}

constexpr int kTaps = 2 * kTextureRadius + 1;
/// Columns of the plane textureOf() works on at a time: its ring of row sums stays in cache.
constexpr int kStripWidth = 512;

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

/// Buffers of textureOf(), kept per thread: rows of one strip of kStripWidth columns.
struct TextureScratch {
  // Ring of kTaps rows of row sums per quantity: 0 values, 1–4 squared differences per
  // direction; with missing pixels also 5 valid pixels and 6–9 valid pairs per direction.
  std::vector<float> ring, line, pairLine, column[10], best;
  std::vector<int> inside[2];  // insideCount(x, w, dx) for dx = 0, 1
  std::vector<int> unevenColumns;  // columns x where inside[0][x] != inside[1][x]
};

constexpr int kDirections[4][2] = {{1, 0}, {0, 1}, {1, 1}, {1, -1}};

/// Pixels of [0, size) within kTextureRadius of i whose neighbour at `offset` lies inside too.
inline int insideCount(int i, int size, int offset) {
  const int lo = std::max(0, i - kTextureRadius), hi = std::min(size, i + kTextureRadius + 1);
  return std::max(0, std::min(hi, size - offset) - std::max(lo, -offset));
}

/// Isotropic crown texture of `values` (a w × h plane, row stride w) for rows [r0, r1) into
/// `out` ((r1 − r0) × w): the root mean square difference between neighbouring pixels in the
/// direction where it is smallest (of 0°, 90°, 45°, 135°; diagonal steps scaled to unit
/// distance), relative to the window mean, over a (2·kTextureRadius + 1)² window clipped at the
/// plane's edges. Crop rows, field boundaries, roads and edges shifted by misregistration are
/// anisotropic — along them the neighbours agree — so they score about as low as smooth ground;
/// tree crowns on soil (a 2-D pattern of blobs a few pixels across) differ in every direction.
/// A plain 5 × 5 coefficient of variation could not tell the crowns of a whole-field orchard
/// from the boundary of any field.
///
/// The sums, in float: per row over [x − r, x + r] (clipped), then per column the sum of those
/// row sums over [y − r, y + r], always added from left to right and top to bottom — so a
/// pixel's texture is the same bit for bit whichever unit of the block pass computes it (the
/// class map does not depend on the memory limit or the threads). Strips of kStripWidth
/// columns are done one after the other, with a ring of kTaps rows of row sums each.
/// Built for AVX2 too (chosen at run time): eight floats per instruction; no FMA, so the same
/// roundings.
ONEMAP_AVX2_CLONES void textureOf(const float* values, int w, int h, int r0, int r1,
                                                                 float* out, TextureScratch& t) {
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
  const std::size_t S = std::size_t(std::min(w, kStripWidth));
  t.ring.resize(std::size_t(quantities) * kTaps * S);
  t.line.resize(S + 2 * r);
  t.pairLine.resize(S + 2 * r);
  t.best.resize(S);
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
  for (int xa = 0; xa < w; xa += kStripWidth) {
    const int xb = std::min(w, xa + kStripWidth), sw = xb - xa;
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
      const int top = std::max(0, y - r), bottom = std::min(h, y + r + 1);
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
        for (int i = 0; i < sw; ++i) {
          const float pairSum = float(nx[i] * nyRow);
          const float least = std::max(0.0f, std::min(std::min(d0[i], d1[i]), std::min(d2[i], d3[i])));
          best[i] = pairSum >= 1.5f ? least / pairSum : std::numeric_limits<float>::infinity();
        }
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
      // Computed whatever the conditions (a division by zero is selected away), so the loops
      // have no branches.
      const auto textureAt = [&](int i, float count) {
        const float quotient = sum[i] / count;
        const float mean = count > 0.5f ? quotient : 0.0f;
        // Half the mean square difference is the variance of a fine-grained pattern.
        const float texture = std::sqrt(0.5f * best[i]) / mean;
        return std::fabs(best[i]) <= std::numeric_limits<float>::max() && mean > 0 ? texture : 0.0f;
      };
      if (allValid)
        for (int i = 0; i < sw; ++i) o[i] = textureAt(i, float(nx0[i] * ny0));
      else
        for (int i = 0; i < sw; ++i) o[i] = textureAt(i, validSum[i]);
    }
  }
}

/// The first x in [x, end) where `row[x]` is not zero, or `end`: eight bytes at a time over the
/// zeros (flags of change are sparse).
inline int nextNonZero(const std::uint8_t* row, int x, int end) {
  for (; x + 8 <= end; x += 8) {
    std::uint64_t word;
    std::memcpy(&word, row + x, sizeof word);
    if (word != 0) break;
  }
  while (x < end && row[x] == 0) ++x;
  return x;
}

/// Region growing from typed change (hysteresis): a pixel that changed strongly but matches no
/// rule (the earth banks of a new pond, the bare ground between new buildings, the soil of a
/// young orchard) takes the class most of its 8 neighbours carry, for `steps` rounds — so a
/// patch gets its whole changed footprint, while change with no typed seed nearby (harvest,
/// rotation) stays unflagged and growth is bounded to `steps` pixels. Spectral classes (built,
/// water) also take over changed tree pixels next to them: crown texture is computed over a
/// window and rises along the border of any new object (a pond's banks), while built and water
/// are decided by the pixel's own spectrum. Other (untyped change that is reported) seeds no
/// growth and is taken over by typed change beside it.
void growIntoChange(std::vector<std::uint8_t>& classes, const std::vector<std::uint8_t>& changed, int w, int h,
                    int steps, std::vector<std::uint8_t>& scratch) {
  constexpr auto kTrees = std::uint8_t(ChangeClass::Trees);
  constexpr auto kOther = std::uint8_t(ChangeClass::Other);
  const std::size_t n = std::size_t(w) * std::size_t(h);
  scratch.resize(n);
  for (int step = 0; step < steps; ++step) {
    std::copy_n(classes.begin(), n, scratch.begin());
    bool any = false;
    for (int y = 0; y < h; ++y) {
      const std::uint8_t* ch = changed.data() + std::size_t(y) * std::size_t(w);
      for (int x = nextNonZero(ch, 0, w); x < w; x = nextNonZero(ch, x + 1, w)) {
        const std::size_t k = std::size_t(y) * std::size_t(w) + std::size_t(x);
        if (scratch[k] != 0 && scratch[k] != kTrees && scratch[k] != kOther) continue;
        int counts[5] = {0, 0, 0, 0, 0};
        for (int dy = -1; dy <= 1; ++dy)
          for (int dx = -1; dx <= 1; ++dx) {
            const int xx = x + dx, yy = y + dy;
            if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
            const std::uint8_t c = scratch[std::size_t(yy) * std::size_t(w) + std::size_t(xx)];
            if (c >= 1 && c <= 4) ++counts[c];
          }
        std::uint8_t best = 0;
        for (std::uint8_t c = 1; c <= 4; ++c) {
          if (scratch[k] == kTrees && c != std::uint8_t(ChangeClass::Built) && c != std::uint8_t(ChangeClass::Water))
            continue;
          if (counts[c] > 0 && (best == 0 || counts[c] > counts[best])) best = c;
        }
        if (best != 0 && best != scratch[k]) {
          classes[k] = best;
          any = true;
        }
      }
    }
    if (!any) break;
  }
}

/// Rows of a w × h byte image holding any non-zero pixel.
void rowsWithAny(const std::vector<std::uint8_t>& image, int w, int h, std::vector<std::uint8_t>& any) {
  any.resize(std::size_t(h));
  for (int y = 0; y < h; ++y) {
    const std::uint8_t* row = image.data() + std::size_t(y) * std::size_t(w);
    std::uint8_t a = 0;
    for (int x = 0; x < w; ++x) a |= row[x];
    any[std::size_t(y)] = a != 0 ? 1 : 0;
  }
}

/// Whether any of rows [y − r, y + r] (clipped) is flagged in `any`.
bool anyNear(const std::vector<std::uint8_t>& any, int y, int r) {
  const int h = int(any.size());
  for (int yy = std::max(0, y - r); yy <= std::min(h - 1, y + r); ++yy)
    if (any[std::size_t(yy)]) return true;
  return false;
}

/// Bridges gaps of up to `gap` pixels outside cropland (field roads, ditches) between pixels of
/// the same change class in a row or column: a new road or pond crossing a field road is one
/// conversion, not pieces each below the minimum area.
void bridgeGaps(std::vector<std::uint8_t>& classes, const std::vector<std::uint8_t>& cropland, int w, int h, int gap,
                std::vector<std::uint8_t>& out, std::vector<std::uint8_t>& any, std::vector<std::uint8_t>& near) {
  if (gap <= 0) return;
  const auto at = [w](int x, int y) { return std::size_t(y) * std::size_t(w) + std::size_t(x); };
  out.resize(std::size_t(w) * std::size_t(h));
  std::copy(classes.begin(), classes.begin() + std::ptrdiff_t(out.size()), out.begin());
  rowsWithAny(classes, w, h, any);
  near.resize(std::size_t(w));
  for (int y = 0; y < h; ++y) {
    // A pixel is bridged only between typed pixels at most `gap` away in its row or column:
    // `near` flags the columns that have one (byte-wise ORs, which vectorise), the rest is skipped.
    if (!anyNear(any, y, gap)) continue;
    std::fill(near.begin(), near.end(), std::uint8_t(0));
    for (int yy = std::max(0, y - gap); yy <= std::min(h - 1, y + gap); ++yy) {
      const std::uint8_t* row = classes.data() + at(0, yy);
      for (int x = 0; x < w; ++x) near[std::size_t(x)] |= row[x];
    }
    const std::uint8_t* row = classes.data() + at(0, y);
    for (int dx = 1; dx <= gap; ++dx)
      for (int x = 0; x < w; ++x)
        near[std::size_t(x)] |= std::uint8_t((x >= dx ? row[x - dx] : 0) | (x + dx < w ? row[x + dx] : 0));
    for (int x = nextNonZero(near.data(), 0, w); x < w; x = nextNonZero(near.data(), x + 1, w)) {
      if (classes[at(x, y)] != 0 || cropland[at(x, y)]) continue;
      for (const auto& d : {std::array<int, 2>{1, 0}, std::array<int, 2>{0, 1}}) {
        // The nearest typed pixel on each side, through non-cropland only.
        std::uint8_t sides[2] = {0, 0};
        int span = 1;
        for (int side = 0; side < 2; ++side) {
          const int sx = side == 0 ? -d[0] : d[0], sy = side == 0 ? -d[1] : d[1];
          for (int step = 1; step <= gap; ++step) {
            const int xx = x + sx * step, yy = y + sy * step;
            if (xx < 0 || yy < 0 || xx >= w || yy >= h) break;
            const std::uint8_t c = classes[at(xx, yy)];
            if (c != 0) {
              sides[side] = c;
              break;
            }
            if (cropland[at(xx, yy)]) break;
            ++span;
          }
          if (sides[0] == 0) break;  // nothing on the first side: no bridge in this direction
        }
        if (sides[0] != 0 && sides[0] == sides[1] && span <= gap) {
          out[at(x, y)] = sides[0];
          break;
        }
      }
    }
  }
  classes.swap(out);
}

/// The evidence of a change pixel as a byte: its strength (change magnitude over the threshold,
/// or crown texture rise over the tree threshold) in units of 1 / kEvidenceUnit, at least 1.
inline std::uint8_t evidenceByte(float strength) {
  return std::uint8_t(std::clamp(std::lround(double(strength) * kEvidenceUnit), 1L, 255L));
}

/// Classes of change pixels (None and Invalid are not).
constexpr int kOtherClass = int(ChangeClass::Other);
constexpr int kClassCount = kOtherClass + 1;

/// 3 × 3 clean-up: a change pixel keeps its class when at least 4 of its 9 neighbourhood pixels
/// share it; a no-change pixel takes the class that holds at least 6 of them (closes holes).
/// Other counts for every class and every class for Other: in a patch of untyped change, typed
/// pixels are not stripped off for being few.
void cleanUp(const std::vector<std::uint8_t>& in, int w, int h, std::vector<std::uint8_t>& out,
             std::vector<std::uint8_t>& any, std::vector<std::uint8_t>& columnOr) {
  out.resize(std::size_t(w) * std::size_t(h));
  rowsWithAny(in, w, h, any);
  columnOr.resize(std::size_t(w));
  for (int y = 0; y < h; ++y) {
    std::uint8_t* o = out.data() + std::size_t(y) * std::size_t(w);
    if (!anyNear(any, y, 1)) {
      std::fill_n(o, w, std::uint8_t(0));
      continue;
    }
    // Pixels whose 3 × 3 neighbourhood is all zero stay zero.
    std::fill(columnOr.begin(), columnOr.end(), std::uint8_t(0));
    for (int yy = std::max(0, y - 1); yy <= std::min(h - 1, y + 1); ++yy) {
      const std::uint8_t* row = in.data() + std::size_t(yy) * std::size_t(w);
      for (int x = 0; x < w; ++x) columnOr[std::size_t(x)] |= row[x];
    }
    for (int x = 0; x < w; ++x) {
      if ((columnOr[std::size_t(x)] | (x > 0 ? columnOr[std::size_t(x - 1)] : 0) |
           (x + 1 < w ? columnOr[std::size_t(x + 1)] : 0)) == 0) {
        o[x] = 0;
        continue;
      }
      int counts[kClassCount] = {};
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          const int xx = x + dx, yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          const std::uint8_t c = in[std::size_t(yy) * std::size_t(w) + std::size_t(xx)];
          if (c >= 1 && c < kClassCount) ++counts[c];
        }
      // Reported untyped change (Other) supports every class beside it, and every class supports it.
      int total = 0;
      for (int k = 1; k < kClassCount; ++k) total += counts[k];
      const auto support = [&](int k) { return k == kOtherClass ? total : counts[k] + counts[kOtherClass]; };
      const std::uint8_t c = in[std::size_t(y) * std::size_t(w) + std::size_t(x)];
      std::uint8_t result = 0;
      if (c >= 1 && c < kClassCount) {
        if (support(c) >= 4) result = c;
      } else if (c == 0) {
        for (std::uint8_t k = 1; k < kClassCount; ++k)
          if (counts[k] > 0 && support(k) >= 6 && (result == 0 || counts[k] > counts[result])) result = k;
      }
      o[x] = result;
    }
  }
}

/// after → before radiometry for `n` values of one band: Normalization::apply(), built for AVX2 too
/// (chosen at run time; no FMA, so the same roundings).
ONEMAP_AVX2_CLONES void normalizeBand(const float* in, std::size_t n,
                                                                     const BandMapping& mapping, float* out) {
  const double gain = mapping.gain, offset = mapping.offset;
  for (std::size_t k = 0; k < n; ++k) out[k] = float(gain * in[k] + offset);
}

/// Flags (1) the pixels of one row (`n` pixels of band planes `plane` floats apart) that the
/// rules must look at: cropland whose change magnitude reaches `growThreshold` or whose crown
/// texture rose by `textureRise`. The others are None or Invalid whatever the rules say (the
/// test is the exact negation of that, NaN included, with changeMagnitude()'s arithmetic).
/// `sums` is a row of scratch. Whether any is flagged. Built for AVX2 too.
ONEMAP_AVX2_CLONES bool flagCandidates(const float* before, const float* after, std::size_t plane,
                                       std::size_t bandCount, int n, const float* textureBefore,
                                       const float* textureAfter, const std::uint8_t* mask, float inverseScale,
                                       float growThreshold, float textureRise, float* sums, std::uint8_t* out) {
  for (int x = 0; x < n; ++x) {
    const float d = after[x] - before[x];
    sums[x] = d * d;
  }
  for (std::size_t b = 1; b < bandCount; ++b) {
    const float* pb = before + b * plane;
    const float* pa = after + b * plane;
    for (int x = 0; x < n; ++x) {
      const float d = pa[x] - pb[x];
      sums[x] += d * d;
    }
  }
  int any = 0;
  for (int x = 0; x < n; ++x) {
    const float direct = std::sqrt(sums[x]) * inverseScale;
    const int skip = int(direct < growThreshold) & int(!(textureAfter[x] - textureBefore[x] >= textureRise));
    const int flag = int(mask[x] != 0) & (1 - skip);
    out[x] = std::uint8_t(flag);
    any |= flag;
  }
  return any != 0;
}

/// Flags (1) the first `n` pixels of the band planes `before` and `after` (4 planes each, `plane`
/// floats apart) that are cloud on either date; whether there is any. Built for AVX2 too.
ONEMAP_AVX2_CLONES bool cloudCandidates(const float* before, const float* after,
                                                                       std::size_t plane, std::size_t n,
                                                                       const PixelRuleThresholds& t,
                                                                       std::uint8_t* out) {
  int any = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const PixelBands b{before[k], before[plane + k], before[2 * plane + k], before[3 * plane + k]};
    const PixelBands a{after[k], after[plane + k], after[2 * plane + k], after[3 * plane + k]};
    const int c = int(isCloud(b, t)) | int(isCloud(a, t));
    out[k] = std::uint8_t(c);
    any |= c;
  }
  return any != 0;
}

/// Pixels normalised and tested for cloud at a time (their planes stay in cache in between).
constexpr std::size_t kChunk = 2048;

/// Rows of classes needed beyond the rows written: clean-up (1) of bridging (kGap) of growth.
constexpr int kClassMargin = 1 + kGap + kGrowSteps;
/// Memory of the process that is not the block pass's pixel buffers nor GDAL's block cache:
/// code, GDAL/PROJ/SQLite state, the cropland rasterizer of each thread, the sample.
constexpr double kFixedOverheadMb = 160.0;

/// Inner (written) columns [x0, x1) and rows [y0, y1) of one unit of work of the block pass.
struct Unit {
  int x0 = 0, x1 = 0, y0 = 0, y1 = 0;
};

struct BlockPlan {
  int rowStep = 0;           ///< rows read per step (whole block rows)
  int maxColumns = 0;        ///< most columns a unit reads (its band and the halo)
  std::vector<Unit> units;
};

/// Bytes of one thread's buffers per column read (see the work loop of writeClassMap: every
/// buffer allocated there is counted here).
std::int64_t bytesPerColumn(int rowStep, int bands) {
  const std::int64_t held = rowStep + 2 * kHalo;                 // rows a step holds
  const std::int64_t written = rowStep + kHalo;                  // at most, rows written per step
  const std::int64_t classRows = written + 2 * kClassMargin;     // rows classified
  const std::int64_t textureRows = classRows + 2 * kShift;       // rows with textures
  return held * (2 * bands * 4  // vb, va: both dates, all bands as float
                 + 2 + 4)       // cloud candidates, cloud flags and their summed-area table (int)
         + 4 + 1                // magnitudeRow, candidates
         + textureRows * 2 * 4  // texB, texA
         + classRows * 6        // mask, classes, changed, evidence, scratchClasses, cleaned
         + written * 2          // interior, interiorEvidence
         + 2 * 4 + 2               // texture: counts of the window per column; column flags (2)
         + 0;  // the texture ring (a strip of kStripWidth columns) is in kFixedOverheadMb
}

/// Cuts `grid` into units whose per-thread buffers fit the memory parameter (less GDAL's block
/// cache and the fixed overhead), at least two per thread when there is more than one thread.
BlockPlan planBlockPass(const raster::Grid& grid, std::pair<int, int> blockSize, int threads, int bandCount,
                        double memoryMb, std::int64_t cacheBytes) {
  BlockPlan plan;
  const int bw = std::clamp(blockSize.first, 1, grid.width), bh = std::clamp(blockSize.second, 1, grid.height);
  plan.rowStep = bh >= 256 ? std::min(bh, 1024) : (512 / bh) * bh;
  const double available = memoryMb * 1024.0 * 1024.0 - double(cacheBytes) - kFixedOverheadMb * 1024.0 * 1024.0;
  const std::int64_t perThread = std::max<std::int64_t>(std::int64_t(available / threads), 8 << 20);
  std::int64_t columns = 0;
  for (;;) {
    columns = perThread / bytesPerColumn(plan.rowStep, bandCount) - 2 * kHalo;
    if (columns >= 512 || plan.rowStep <= 64) break;
    plan.rowStep = std::max(64, plan.rowStep / 2);
  }
  columns = std::max<std::int64_t>(columns, 64);
  // Equal bands and runs of rows, their borders inside blocks rather than on them: the blocks
  // holding a border are decoded by both neighbours (for their halo), those beside it by one.
  (void)bw;
  const int bands = int((grid.width + columns - 1) / columns);
  const int bandWidth = (grid.width + bands - 1) / bands;
  const int steps = (grid.height + plan.rowStep - 1) / plan.rowStep;
  const int segments = threads > 1 ? std::clamp((2 * threads + bands - 1) / bands, 1, steps) : 1;
  const int segmentRows = (grid.height + segments - 1) / segments;
  for (int y = 0; y < grid.height; y += segmentRows)
    for (int x = 0; x < grid.width; x += bandWidth)
      plan.units.push_back({x, std::min(grid.width, x + bandWidth), y, std::min(grid.height, y + segmentRows)});
  for (const Unit& u : plan.units)
    plan.maxColumns = std::max(plan.maxColumns, std::min(grid.width, u.x1 + kHalo) - std::max(0, u.x0 - kHalo));
  return plan;
}

}  // namespace

std::string croplandFilter(const LayerRef& cropland) {
  if (cropland.path.empty()) return {};
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
                     const std::filesystem::path& scratch, const std::filesystem::path& evidenceScratch,
                     raster::Grid& grid, ChangeSummary& summary, Feedback& feedback) {
  auto before = raster::RasterSource::open(inputs.before);
  if (!before) return fail(before.error());
  auto afterFile = raster::RasterSource::open(inputs.after);
  if (!afterFile) return fail(afterFile.error());
  auto selection = selectBands(*before, inputs.beforeBands, *afterFile, inputs.afterBands);
  if (!selection) return fail(selection.error());
  const BandSelection& bands = *selection;
  const std::size_t bandCount = bands.roles.size();
  summary.bands.clear();
  for (BandRole role : bands.roles) summary.bands.emplace_back(raster::bandRoleName(role));
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
  const std::size_t samplePixels = std::size_t(sampleW) * std::size_t(sampleH);
  raster::Grid sampleGrid = grid;
  sampleGrid.width = sampleW;
  sampleGrid.height = sampleH;
  sampleGrid.geoTransform[1] *= double(grid.width) / sampleW;
  sampleGrid.geoTransform[5] *= double(grid.height) / sampleH;
  sampleGrid.geoTransform[2] *= double(grid.width) / sampleW;
  sampleGrid.geoTransform[4] *= double(grid.height) / sampleH;
  // Without a cropland layer every pixel is a candidate (and the threshold comes from all).
  // The cropland of the sample is burnt on a second thread while the images are read.
  const bool hasCropland = !inputs.cropland.path.empty();
  std::vector<std::uint8_t> sampleMask(samplePixels, 1);
  std::future<Status> sampleCropland;
  if (hasCropland)
    sampleCropland = std::async(std::launch::async, [&]() -> Status {
      auto sampleCrop = raster::PolygonRasterizer::open(inputs.cropland.path, sampleGrid, cropOptions);
      if (!sampleCrop) return fail(sampleCrop.error());
      return sampleCrop->burn({0, 0, sampleW, sampleH}, sampleMask);
    });
  // The two dates are read at the same time as well. (An early return waits for both helpers:
  // the futures are destroyed before the buffers they write.)
  std::vector<float> sb, sa;
  auto afterSample = std::async(std::launch::async, [&]() -> Status {
    return after->readResampled(all, sampleW, sampleH, bands.after, sa, raster::Resampling::Average);
  });
  if (auto st = before->readResampled(all, sampleW, sampleH, bands.before, sb, raster::Resampling::Average); !st) return st;
  if (auto st = afterSample.get(); !st) return st;
  const Normalization normalization = fitNormalization(sb, sa, samplePixels, bandCount);
  summary.invariantPixels = normalization.invariantPixels;
  summary.gains.clear();
  summary.offsets.clear();
  for (const BandMapping& m : normalization.bands) {
    summary.gains.push_back(m.gain);
    summary.offsets.push_back(m.offset);
  }
  // The sample's after date on the before date's radiometry.
  for (std::size_t b = 0; b < bandCount; ++b)
    normalizeBand(sa.data() + b * samplePixels, samplePixels, normalization.bands[b], sa.data() + b * samplePixels);
  const auto sampleBefore = [&](std::size_t i) { return pixelAt(sb.data(), samplePixels, i, bands); };
  const auto sampleAfter = [&](std::size_t i) { return pixelAt(sa.data(), samplePixels, i, bands); };
  PixelRuleThresholds thresholds;
  thresholds.reportAllChange = parameters.reportAllChange;
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
      const float bright = brightness[k];
      std::nth_element(brightness.begin(), brightness.begin() + std::ptrdiff_t(brightness.size() / 2), brightness.end());
      const float median = brightness[brightness.size() / 2];
      thresholds.cloudBrightness = std::max(1.3f * bright, 1.6f * median);
      if (median > 0) thresholds.sceneBrightness = median;
    }
  }
  // The unit of change magnitudes: the median spectrum length of the before date.
  std::vector<float> magnitudes;
  magnitudes.reserve(samplePixels);
  for (std::size_t i = 0; i < samplePixels; ++i) {
    const float length = spectrumLength(sampleBefore(i));
    if (std::isfinite(length) && length > 0) magnitudes.push_back(length);
  }
  if (!magnitudes.empty()) {
    std::nth_element(magnitudes.begin(), magnitudes.begin() + std::ptrdiff_t(magnitudes.size() / 2), magnitudes.end());
    thresholds.inverseScale = 1.f / magnitudes[magnitudes.size() / 2];
  }
  const float inverseScale = thresholds.inverseScale;
  if (sampleCropland.valid())
    if (auto st = sampleCropland.get(); !st) return st;
  // Otsu's threshold of the change magnitudes of the cropland, clouds and their shadows left
  // out: a scene with clouds would otherwise split cloud from land instead of change from none.
  PixelRuleThresholds screening = thresholds;
  screening.changeMagnitude = std::numeric_limits<float>::infinity();
  screening.texture = std::numeric_limits<float>::infinity();
  magnitudes.clear();
  for (std::size_t i = 0; i < samplePixels; ++i) {
    if (!sampleMask[i]) continue;
    const PixelBands pb = sampleBefore(i), pa = sampleAfter(i);
    if (classifyPixel(pb, pa, 0.f, 0.f, screening) == ChangeClass::Invalid) continue;
    const float m = changeMagnitude(pb, pa, inverseScale);
    if (std::isfinite(m)) magnitudes.push_back(std::min(m, 2.0f));
  }
  if (magnitudes.empty() && !hasCropland)
    return fail(ErrorCode::InvalidInput, "the images share no valid pixels", text::displayPath(inputs.before),
                "Check that both images cover the same ground.");
  if (magnitudes.empty())
    return fail(ErrorCode::InvalidInput, "no cropland lies on the images",
                text::displayPath(inputs.cropland.path) + (inputs.cropland.layer.empty() ? "" : ":" + inputs.cropland.layer),
                "Check that the cropland layer covers the images (and its coordinate system).");
  // Otsu always splits, even a scene without change: then it cuts through the noise. No change
  // of under kLeastChange (sensor noise and what normalisation leaves) is change at sensitivity 1.
  thresholds.changeMagnitude = std::max(otsuThreshold(magnitudes, 2.0f), kLeastChange) / float(parameters.sensitivity);
  // The spectrum of opaque cloud (normalised to the before date) for the thin-cloud test: the
  // mean of the sample's cloud pixels on either date, else a flat spectrum above the threshold.
  PixelBands cloudSpectrum{1.15f * thresholds.cloudBrightness, 1.15f * thresholds.cloudBrightness,
                           1.15f * thresholds.cloudBrightness, 1.15f * thresholds.cloudBrightness};
  {
    double sum[4] = {0, 0, 0, 0};
    std::size_t count = 0;
    for (std::size_t i = 0; i < samplePixels; ++i) {
      const PixelBands pb = sampleBefore(i), pa = sampleAfter(i);
      for (const PixelBands* p : {&pb, &pa})
        if (std::isfinite(p->nir) && isCloud(*p, thresholds)) {
          sum[0] += p->blue, sum[1] += p->green, sum[2] += p->red, sum[3] += p->nir;
          ++count;
        }
    }
    if (count >= 16)
      cloudSpectrum = {float(sum[0] / double(count)), float(sum[1] / double(count)), float(sum[2] / double(count)),
                       float(sum[3] / double(count))};
  }
  // Cloud cores: cloud-bright pixels (a little below the opaque-cloud level, which real clouds
  // often just miss) filling a window of 40 m across — larger than a roof, so a new white
  // building is not taken for a cloud. Their soft edges reach some 60 m beyond the core.
  const double pixelSize = std::sqrt(std::abs(grid.geoTransform[1] * grid.geoTransform[5]));
  // Tree crowns (3–8 m) make texture only where pixels resolve them; on coarser images (Sentinel-2,
  // Landsat) the texture of mixed pixels says nothing about trees, and the rule is off.
  if (pixelSize > kMaxCrownPixel) thresholds.texture = std::numeric_limits<float>::infinity();
  // Misregistration of a pixel matters on fine images (GF-1/2 registered to a few metres); at
  // 10–30 m the images are registered to a fraction of a pixel, and a whole pixel of tolerance
  // would explain away every change along a field's edge.
  const int shift = pixelSize <= kMaxShiftPixel ? kShift : 0;
  const bool useTexture = std::isfinite(thresholds.texture);
  // Growth and bridging reach a few metres (a pond's banks, a field road): kGrowSteps and kGap
  // pixels of a 2 m image, less on coarser ones, none at 30 m.
  const int growSteps = std::clamp(int(std::lround(kGrowReachM / std::max(pixelSize, 1e-9))), 0, kGrowSteps);
  const int gap = std::clamp(int(std::lround(kGapReachM / std::max(pixelSize, 1e-9))), 0, kGap);
  const int coreRadius = std::clamp(int(std::lround(20.0 / std::max(pixelSize, 1e-9))), 1, kCoreRadius);
  const int hazeRadius = std::clamp(int(std::lround(60.0 / std::max(pixelSize, 1e-9))), 1, kHazeRadius);
  PixelRuleThresholds cloudCandidate = thresholds;
  cloudCandidate.cloudBrightness = 0.9f * thresholds.cloudBrightness;
  summary.threshold = thresholds.changeMagnitude;
  sampling.setProgress(1.0);
  // The sample is not needed any more: its memory goes to the block pass.
  std::vector<float>().swap(sb);
  std::vector<float>().swap(sa);
  std::vector<float>().swap(magnitudes);

  // 2. The block pass: both dates, cropland mask, rules, clean-up. The grid is cut into bands of
  //    columns and those into runs of rows (the units); a thread takes a unit and streams it
  //    from top to bottom in steps of whole block rows, keeping the 2·kHalo rows the next step
  //    needs instead of reading them again — so every block of the images is decoded once
  //    (plus the halo rows at the edges of the units). Each step classifies only the rows it
  //    writes and the few its clean-up looks at.
  Feedback blocks = feedback.subRange(0.1, 1.0);
  blocks.setProgress(0.0, "change classes");
  auto writer = raster::ByteRasterWriter::create(scratch, grid);
  if (!writer) return fail(writer.error());
  auto evidenceWriter = raster::ByteRasterWriter::create(evidenceScratch, grid);
  if (!evidenceWriter) return fail(evidenceWriter.error());
  const int threads = std::max(1, parameters.threads);
  const BlockPlan plan =
      planBlockPass(grid, before->blockSize(), threads, int(bandCount), parameters.memoryMb, gdal::blockCacheBytes());
  std::atomic<std::size_t> next{0};
  std::atomic<std::int64_t> donePixels{0};
  std::mutex writeMutex;
  FirstError errors;  // stops the other threads without canceling the caller's feedback
  const double totalPixels = double(grid.width) * double(grid.height);
  const auto work = [&]() {
    const auto stop = [&](const Error& e) { errors.record(e); };
    auto b = before->clone();
    auto a = after->clone();
    if (!b) return stop(b.error());
    if (!a) return stop(a.error());
    std::optional<raster::PolygonRasterizer> crop;
    if (hasCropland) {
      auto opened = raster::PolygonRasterizer::open(inputs.cropland.path, grid, cropOptions);
      if (!opened) return stop(opened.error());
      crop.emplace(std::move(*opened));
    }
    // Per-thread buffers, allocated once (planBlockPass() counts every one of them).
    const int capacity = plan.rowStep + 2 * kHalo;  // rows a step holds
    std::vector<float> vb, va, texB, texA, magnitudeRow;
    TextureScratch textureScratch;
    std::vector<int> cloudCount;
    std::vector<std::uint8_t> mask, classes, changed, evidence, cloud, cloudRaw, cleaned, interior, interiorEvidence,
        scratchClasses, rowFlags, columnOr, columnNear, candidates;
    {
      // Their largest sizes up front: no reallocation (and no transient second copy) later.
      const std::size_t columns = std::size_t(plan.maxColumns);
      const std::size_t written = std::size_t(plan.rowStep + kHalo) * columns;
      const std::size_t classRows = std::size_t(plan.rowStep + kHalo + 2 * kClassMargin) * columns;
      const std::size_t textureRows = classRows + std::size_t(2 * kShift) * columns;
      vb.reserve(bandCount * std::size_t(capacity) * columns);
      va.reserve(bandCount * std::size_t(capacity) * columns);
      magnitudeRow.resize(columns);
      candidates.resize(columns);
      texB.reserve(textureRows);
      texA.reserve(textureRows);
      cloud.reserve(std::size_t(capacity) * columns);
      cloudRaw.resize(std::size_t(capacity) * columns);
      cloudCount.reserve((columns + 1) * std::size_t(capacity + 1));
      for (auto* v : {&mask, &classes, &changed, &evidence, &scratchClasses, &cleaned}) v->reserve(classRows);
      interior.reserve(written);
      interiorEvidence.reserve(written);
    }
    for (std::size_t u = next++; u < plan.units.size(); u = next++) {
      const Unit& unit = plan.units[u];
      const int rx0 = std::max(0, unit.x0 - kHalo), rx1 = std::min(grid.width, unit.x1 + kHalo);
      const int rw = rx1 - rx0;
      const std::size_t RW = std::size_t(rw);
      const std::size_t plane = std::size_t(capacity) * RW;
      vb.resize(bandCount * plane);
      va.resize(bandCount * plane);
      const int readTop = std::max(0, unit.y0 - kHalo), readEnd = std::min(grid.height, unit.y1 + kHalo);
      int bufTop = readTop, bufRows = 0, nextRead = readTop, outY = unit.y0;
      while (outY < unit.y1) {
        if (errors.failed() || blocks.isCanceled()) return;
        // Read up to the next multiple of the step (a block row boundary).
        const int readTo = std::min(readEnd, (nextRead / plan.rowStep + 1) * plan.rowStep);
        const raster::Window rows{rx0, nextRead, rw, readTo - nextRead};
        const std::size_t newPixels = std::size_t(rows.pixelCount());
        const std::size_t at = std::size_t(bufRows) * RW;
        // Straight into the band planes after the rows kept.
        if (auto st = b->readInto(rows, bands.before, vb.data() + at, plane); !st) return stop(st.error());
        if (auto st = a->readInto(rows, bands.after, va.data() + at, plane); !st) return stop(st.error());
        // The after date on the before date's radiometry, and the cloud candidates of the new
        // rows (kept with the rows, like the pixels), chunk by chunk while they are in cache.
        for (std::size_t k = 0; k < newPixels; k += kChunk) {
          const std::size_t n = std::min(kChunk, newPixels - k);
          for (std::size_t band = 0; band < bandCount; ++band) {
            float* values = va.data() + band * plane + at + k;
            normalizeBand(values, n, normalization.bands[band], values);
          }
          if (thresholds.cloudMask)
            cloudCandidates(vb.data() + at + k, va.data() + at + k, plane, n, cloudCandidate, cloudRaw.data() + at + k);
        }
        bufRows += rows.height;
        nextRead = readTo;
        // Rows whose whole halo is in the buffer (or that reach the bottom of the image).
        const int outEnd = nextRead == grid.height ? unit.y1 : std::min(unit.y1, nextRead - kHalo);
        if (outEnd <= outY) continue;
        const int bufEnd = bufTop + bufRows;
        // Classes are needed kClassMargin rows beyond the rows written, textures one more.
        const int c0 = std::max(bufTop, outY - kClassMargin), c1 = std::min(bufEnd, outEnd + kClassMargin);
        const int t0 = std::max(bufTop, c0 - kShift), t1 = std::min(bufEnd, c1 + kShift);
        const int ch = c1 - c0, th = t1 - t0;
        const std::size_t cn = std::size_t(ch) * RW;
        const raster::Window classWindow{rx0, c0, rw, ch};
        if (crop) {
          if (auto st = crop->burn(classWindow, mask); !st) return stop(st.error());
        } else {
          mask.assign(cn, 1);
        }
        const bool anyCropland = std::find(mask.begin(), mask.begin() + std::ptrdiff_t(cn), std::uint8_t(1)) !=
                                 mask.begin() + std::ptrdiff_t(cn);
        bool anyClass = false;
        classes.resize(cn);
        std::fill(classes.begin(), classes.end(), std::uint8_t(0));
        if (anyCropland) {
          // Pixel values of the buffer at (x, buffer row y), textures at class rows.
          const auto bandsAt = [&](const std::vector<float>& v, std::size_t k) {
            return pixelAt(v.data(), plane, k, bands);
          };
          texB.resize(std::size_t(th) * RW);
          texA.resize(std::size_t(th) * RW);
          if (useTexture) {
            textureOf(vb.data() + 3 * plane, rw, bufRows, t0 - bufTop, t1 - bufTop, texB.data(), textureScratch);
            textureOf(va.data() + 3 * plane, rw, bufRows, t0 - bufTop, t1 - bufTop, texA.data(), textureScratch);
          } else {
            std::fill(texB.begin(), texB.end(), 0.0f);  // the tree rule is off: no texture rises
            std::fill(texA.begin(), texA.end(), 0.0f);
          }
          const auto texAt = [&](const std::vector<float>& t, int x, int y) {
            return t[std::size_t(y - t0) * RW + std::size_t(x)];
          };
          // Cloud cores on either date (all pixels, cropland or not), then the zone of their edges.
          const std::size_t bn = std::size_t(bufRows) * RW;
          const bool anyCloud =
              thresholds.cloudMask && nextNonZero(cloudRaw.data(), 0, int(bn)) < int(bn);
          if (anyCloud) {
            cloud.assign(cloudRaw.begin(), cloudRaw.begin() + std::ptrdiff_t(bn));
            summedArea(rw, bufRows, cloudCount, [&](int x, int y) { return int(cloud[std::size_t(y) * RW + std::size_t(x)]); });
            for (int y = 0; y < bufRows; ++y) {
              std::uint8_t* row = cloud.data() + std::size_t(y) * RW;
              for (int x = nextNonZero(row, 0, rw); x < rw; x = nextNonZero(row, x + 1, rw)) {
                std::uint8_t& c = row[x];
                const int window = (std::min(rw, x + coreRadius + 1) - std::max(0, x - coreRadius)) *
                                   (std::min(bufRows, y + coreRadius + 1) - std::max(0, y - coreRadius));
                c = 10 * boxSum(cloudCount, rw, bufRows, x, y, coreRadius) >= 9 * window ? 1 : 0;
              }
            }
            summedArea(rw, bufRows, cloudCount, [&](int x, int y) { return int(cloud[std::size_t(y) * RW + std::size_t(x)]); });
          }
          changed.resize(cn);
          std::fill(changed.begin(), changed.end(), std::uint8_t(0));
          evidence.resize(cn);
          std::fill(evidence.begin(), evidence.end(), std::uint8_t(0));
          const float growThreshold = kGrowThreshold * thresholds.changeMagnitude;
          for (int cy = 0; cy < ch; ++cy) {
            const int y = c0 - bufTop + cy;  // buffer row
            const int ty = c0 + cy;          // image row (textures)
            const std::size_t row = std::size_t(y) * RW, textureRow = std::size_t(ty - t0) * RW;
            if (!flagCandidates(vb.data() + row, va.data() + row, plane, bandCount, rw, texB.data() + textureRow,
                                texA.data() + textureRow, mask.data() + std::size_t(cy) * RW, inverseScale,
                                growThreshold, thresholds.texture, magnitudeRow.data(), candidates.data()))
              continue;
            for (int x = nextNonZero(candidates.data(), 0, rw); x < rw; x = nextNonZero(candidates.data(), x + 1, rw)) {
              const std::size_t ck = std::size_t(cy) * RW + std::size_t(x);
              const std::size_t k = row + std::size_t(x);
              const PixelBands pb = bandsAt(vb, k);
              const PixelBands pa = bandsAt(va, k);
              const float tb = texAt(texB, x, ty), ta = texAt(texA, x, ty);
              const float direct = changeMagnitude(pb, pa, inverseScale);
              ChangeClass c = classifyPixel(pb, pa, tb, ta, thresholds);
              if (c == ChangeClass::Invalid) continue;
              if (c == ChangeClass::None && direct < growThreshold) continue;  // most pixels
              // Misregistration: a change that the before image explains within kShift pixels (the
              // after spectrum matches a shifted before pixel, or the crown texture was there already)
              // is the edge of a field or road moved by the registration error, not a conversion.
              float shifted = direct, textureBefore = tb;
              for (int dy = -shift; dy <= shift; ++dy)
                for (int dx = -shift; dx <= shift; ++dx) {
                  const int xx = x + dx, yy = y + dy;
                  if ((dx == 0 && dy == 0) || xx < 0 || yy < 0 || xx >= rw || yy >= bufRows) continue;
                  const std::size_t kk = std::size_t(yy) * RW + std::size_t(xx);
                  const float m = changeMagnitude(bandsAt(vb, kk), pa, inverseScale);
                  if (std::isfinite(m)) shifted = std::min(shifted, m);
                  textureBefore = std::max(textureBefore, texAt(texB, xx, ty + dy));
                }
              if (c == ChangeClass::Trees ? ta - textureBefore < thresholds.texture
                                          : c != ChangeClass::None && shifted < thresholds.changeMagnitude)
                c = ChangeClass::None;
              // Near an opaque cloud, a change towards the cloud's spectrum is its thin edge (or
              // haze), not new concrete: such pixels are masked like the cloud itself.
              if (anyCloud) {
                if (boxSum(cloudCount, rw, bufRows, x, y, hazeRadius) > 0 &&
                    (isThinCloudOver(pb, pa, cloudSpectrum) || isThinCloudOver(pa, pb, cloudSpectrum)))
                  continue;
              }
              classes[ck] = std::uint8_t(c);
              evidence[ck] = evidenceByte(c == ChangeClass::Trees ? (ta - textureBefore) / thresholds.texture
                                                                  : shifted / thresholds.changeMagnitude);
              anyClass |= c != ChangeClass::None;
              // Hysteresis: growth needs only half the change threshold (seeds need all of it).
              changed[ck] = shifted >= growThreshold ? 1 : 0;
            }
          }
        }
        if (anyClass) {
          growIntoChange(classes, changed, rw, ch, growSteps, scratchClasses);
          bridgeGaps(classes, mask, rw, ch, gap, scratchClasses, rowFlags, columnNear);
          cleanUp(classes, rw, ch, cleaned, rowFlags, columnOr);
          const raster::Window inner{unit.x0, outY, unit.x1 - unit.x0, outEnd - outY};
          interior.resize(std::size_t(inner.pixelCount()));
          interiorEvidence.resize(interior.size());
          bool anyOut = false;
          for (int y = 0; y < inner.height; ++y) {
            const std::size_t from = std::size_t(y + outY - c0) * RW + std::size_t(unit.x0 - rx0);
            const std::uint8_t* src = cleaned.data() + from;
            const std::uint8_t* strength = evidence.data() + from;
            std::uint8_t* dst = interior.data() + std::size_t(y) * std::size_t(inner.width);
            std::uint8_t* dstStrength = interiorEvidence.data() + std::size_t(y) * std::size_t(inner.width);
            for (int x = 0; x < inner.width; ++x) {
              anyOut |= (dst[x] = src[x]) != 0;
              dstStrength[x] = src[x] != 0 ? strength[x] : std::uint8_t(0);
            }
          }
          // The scratch rasters are sparse: blocks never written read as 0 (no change).
          if (anyOut) {
            std::lock_guard lock(writeMutex);
            if (auto st = writer->write(inner, interior); !st) return stop(st.error());
            if (auto st = evidenceWriter->write(inner, interiorEvidence); !st) return stop(st.error());
          }
        }
        blocks.setProgress(double(donePixels += std::int64_t(outEnd - outY) * (unit.x1 - unit.x0)) / totalPixels,
                           "change classes");
        outY = outEnd;
        // Keep the rows the next step's halo needs.
        const int keepFrom = std::max(bufTop, outY - kHalo);
        const std::size_t drop = std::size_t(keepFrom - bufTop) * RW, keep = std::size_t(bufEnd - keepFrom) * RW;
        if (drop > 0)
          for (std::size_t band = 0; band < bandCount; ++band) {
            std::copy_n(vb.data() + band * plane + drop, keep, vb.data() + band * plane);
            std::copy_n(va.data() + band * plane + drop, keep, va.data() + band * plane);
            if (band == 0 && thresholds.cloudMask) std::copy_n(cloudRaw.data() + drop, keep, cloudRaw.data());
          }
        bufTop = keepFrom;
        bufRows = bufEnd - keepFrom;
      }
    }
  };
  runOnThreads(threads, work);
  if (auto st = errors.status(); !st) return st;
  if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled");
  if (auto st = writer->close(); !st) return st;
  return evidenceWriter->close();
}

}  // namespace onemap::change::detail
