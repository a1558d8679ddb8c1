#include "class_cleanup.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "onemap/change/pixel_rules.h"

namespace onemap::change::detail {
namespace {

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

/// Classes of change pixels (None and Invalid are not).
constexpr int kOtherClass = int(ChangeClass::Other);
constexpr int kClassCount = kOtherClass + 1;

}  // namespace

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
    // Through plain pointers: a byte store could alias the vectors' own pointers, which would
    // keep these loops from vectorising.
    std::uint8_t* const nearRow = near.data();
    std::fill_n(nearRow, w, std::uint8_t(0));
    for (int yy = std::max(0, y - gap); yy <= std::min(h - 1, y + gap); ++yy) {
      const std::uint8_t* const row = classes.data() + at(0, yy);
      for (int x = 0; x < w; ++x) nearRow[x] |= row[x];
    }
    const std::uint8_t* const row = classes.data() + at(0, y);
    for (int dx = 1; dx <= gap && dx < w; ++dx) {
      for (int x = dx; x < w; ++x) nearRow[x] |= row[x - dx];
      for (int x = 0; x + dx < w; ++x) nearRow[x] |= row[x + dx];
    }
    for (int x = nextNonZero(nearRow, 0, w); x < w; x = nextNonZero(nearRow, x + 1, w)) {
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

void cleanUp(const std::vector<std::uint8_t>& in, int w, int h, std::vector<std::uint8_t>& out,
             std::vector<std::uint8_t>& any, std::vector<std::uint8_t>& columnOr) {
  out.resize(std::size_t(w) * std::size_t(h));
  rowsWithAny(in, w, h, any);
  columnOr.resize(2 * std::size_t(w));
  for (int y = 0; y < h; ++y) {
    std::uint8_t* o = out.data() + std::size_t(y) * std::size_t(w);
    if (!anyNear(any, y, 1)) {
      std::fill_n(o, w, std::uint8_t(0));
      continue;
    }
    // Pixels whose 3 × 3 neighbourhood is all zero stay zero. (Plain pointers: see bridgeGaps().)
    std::uint8_t* const column = columnOr.data();
    std::fill_n(column, w, std::uint8_t(0));
    for (int yy = std::max(0, y - 1); yy <= std::min(h - 1, y + 1); ++yy) {
      const std::uint8_t* const row = in.data() + std::size_t(yy) * std::size_t(w);
      for (int x = 0; x < w; ++x) column[x] |= row[x];
    }
    // Spread by one column (into the second half of the scratch): the pixels to look at.
    std::uint8_t* const around = column + w;
    for (int x = 0; x < w; ++x) around[x] = column[x];
    for (int x = 1; x < w; ++x) around[x] |= column[x - 1];
    for (int x = 0; x + 1 < w; ++x) around[x] |= column[x + 1];
    std::fill_n(o, w, std::uint8_t(0));
    for (int x = nextNonZero(around, 0, w); x < w; x = nextNonZero(around, x + 1, w)) {
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

}  // namespace onemap::change::detail
