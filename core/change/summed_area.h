#pragma once
// Internal to onemap_change: summed-area tables (box sums in constant time).

#include <algorithm>
#include <cstddef>
#include <vector>

namespace onemap::change::detail {

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

}  // namespace onemap::change::detail
