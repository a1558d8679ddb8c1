#include "calibration.h"

#include "pixel_kernels.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <limits>

namespace onemap::change::detail {
namespace {

/// Side of the calibration windows of a large grid (pixels).
constexpr int kWindowSide = 256;

/// The median of `v` (reordered); NaN when empty.
float medianOf(std::vector<float>& v) {
  if (v.empty()) return std::numeric_limits<float>::quiet_NaN();
  const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

/// Robust standard deviation of `v` (reordered): 1.4826 × the median absolute deviation, or
/// 1.2533 × the mean absolute deviation where more than half the values are equal (quantised
/// data without change); 0 when all are equal.
float robustSigma(std::vector<float>& v) {
  const float median = medianOf(v);
  double meanAbsolute = 0;
  for (float& x : v) {
    x = std::abs(x - median);
    meanAbsolute += x;
  }
  const float mad = medianOf(v);
  if (mad > 0) return 1.4826f * mad;
  return v.empty() ? 0.0f : float(1.2533 * meanAbsolute / double(v.size()));
}

}  // namespace

std::vector<raster::Window> calibrationWindows(const raster::Grid& grid, std::size_t maxPixels,
                                               std::pair<int, int> blockSize) {
  const std::size_t all = std::size_t(grid.width) * std::size_t(grid.height);
  if (all <= maxPixels) return {raster::Window{0, 0, grid.width, grid.height}};
  const int bw = std::clamp(blockSize.first, 1, grid.width), bh = std::clamp(blockSize.second, 1, grid.height);
  std::vector<raster::Window> windows;
  if (bw >= grid.width / 2) {
    // Strips (or blocks as wide as the image): decoding is by whole rows, so take bands of full
    // rows spread down the image.
    const int rows = std::max(1, int(maxPixels / std::size_t(grid.width)));
    const int bands = std::clamp(rows / kWindowSide, 1, 64);
    const int height = std::max(1, rows / bands);
    for (int j = 0; j < bands; ++j) {
      const int cy = int((j + 0.5) * grid.height / bands);
      windows.push_back({0, std::clamp(cy - height / 2, 0, grid.height - height), grid.width, height});
    }
    return windows;
  }
  const int side = std::min({kWindowSide, grid.width, grid.height});
  const double count = double(maxPixels) / (double(side) * side);
  const int across = std::max(1, int(std::lround(std::sqrt(count * grid.width / grid.height))));
  const int down = std::max(1, int(std::lround(count / across)));
  for (int j = 0; j < down; ++j)
    for (int i = 0; i < across; ++i) {
      const int cx = int((i + 0.5) * grid.width / across), cy = int((j + 0.5) * grid.height / down);
      int x0 = std::clamp(cx - side / 2, 0, grid.width - side), y0 = std::clamp(cy - side / 2, 0, grid.height - side);
      // Inside one block where blocks are at least that large: every window decodes one block
      // per date, not the four it would straddle.
      if (bw >= side) x0 = std::clamp(x0, (cx / bw) * bw, std::min(grid.width, (cx / bw + 1) * bw) - side);
      if (bh >= side) y0 = std::clamp(y0, (cy / bh) * bh, std::min(grid.height, (cy / bh + 1) * bh) - side);
      windows.push_back({std::clamp(x0, 0, grid.width - side), std::clamp(y0, 0, grid.height - side), side, side});
    }
  return windows;
}

Result<ChangeCalibration> calibrateChange(const ImagePair& images, const Normalization& normalization,
                                          const PixelRuleThresholds& screening,
                                          const raster::PolygonRasterizer* crop,
                                          const std::vector<raster::Window>& windows, int shift) {
  const BandSelection& bands = images.bands;
  const std::size_t bandCount = bands.roles.size();
  // Read every window once; keep the values (at most the calibration budget of pixels).
  struct WindowValues {
    raster::Window window;
    std::vector<float> b, a;
    std::vector<std::uint8_t> cropland;
    std::vector<std::uint8_t> clear;  ///< valid on both dates, neither cloud nor shadow
  };
  std::vector<WindowValues> read(windows.size());
  for (std::size_t i = 0; i < windows.size(); ++i) {
    read[i].window = windows[i];
    read[i].b.resize(bandCount * std::size_t(windows[i].pixelCount()));
    read[i].a.resize(bandCount * std::size_t(windows[i].pixelCount()));
  }
  {
    // The before date on a second thread (its own reader) while this one reads the after date.
    auto beforeReader = images.before.clone();
    if (!beforeReader) return fail(beforeReader.error());
    auto beforeDone = std::async(std::launch::async, [&]() -> Status {
      for (WindowValues& v : read)
        if (auto st = (*beforeReader)->readInto(v.window, bands.before, v.b.data(), std::size_t(v.window.pixelCount()));
            !st)
          return st;
      return {};
    });
    Status afterRead;
    for (WindowValues& v : read) {
      afterRead = images.after.readInto(v.window, bands.after, v.a.data(), std::size_t(v.window.pixelCount()));
      if (!afterRead) break;
    }
    if (auto st = beforeDone.get(); !st) return fail(st.error());
    if (!afterRead) return fail(afterRead.error());
  }
  std::vector<std::vector<float>> differences(bandCount);
  for (WindowValues& v : read) {
    const raster::Window& w = v.window;
    const std::size_t n = std::size_t(w.pixelCount());
    for (std::size_t band = 0; band < bandCount; ++band)
      for (std::size_t k = 0; k < n; ++k) {
        float& x = v.a[band * n + k];
        x = normalization.apply(int(band), x);
      }
    if (crop) {
      if (auto st = crop->burn(w, v.cropland); !st) return fail(st.error());
    } else {
      v.cropland.assign(n, 1);
    }
    v.clear.assign(n, 0);
    for (std::size_t k = 0; k < n; ++k) {
      bool valid = true;
      for (std::size_t band = 0; band < bandCount; ++band)
        valid &= std::isfinite(v.b[band * n + k]) && std::isfinite(v.a[band * n + k]);
      // The noise of clear ground: clouds and their shadows left out (a cloud over half the scene
      // would otherwise be its "noise").
      v.clear[k] = std::uint8_t(valid && classifyPixel(pixelAt(v.b.data(), n, k, bands), pixelAt(v.a.data(), n, k, bands),
                                                       0.f, 0.f, 0.f, screening) != ChangeClass::Invalid);
      if (!v.clear[k]) continue;
      // The before pixel the after pixel is compared with: itself, or on fine images the one
      // within `shift` pixels closest in spectrum — the noise is what the misregistration the
      // rules tolerate does not explain (else a one-pixel shift of textured fields inflates it).
      // A neighbour is taken only when it matches far better (half the squared distance): on
      // pure noise the best of nine draws would otherwise always beat the pixel itself and the
      // noise would come out too small.
      std::size_t match = k;
      if (shift > 0) {
        const int x = int(k % std::size_t(w.width)), y = int(k / std::size_t(w.width));
        float own = 0;
        for (std::size_t band = 0; band < bandCount; ++band) {
          const float d = v.a[band * n + k] - v.b[band * n + k];
          own += d * d;
        }
        float best = 0.5f * own;
        for (int dy = -shift; dy <= shift; ++dy)
          for (int dx = -shift; dx <= shift; ++dx) {
            const int xx = x + dx, yy = y + dy;
            if ((dx == 0 && dy == 0) || xx < 0 || yy < 0 || xx >= w.width || yy >= w.height) continue;
            const std::size_t kk = std::size_t(yy) * std::size_t(w.width) + std::size_t(xx);
            float distance = 0;
            for (std::size_t band = 0; band < bandCount; ++band) {
              const float d = v.a[band * n + k] - v.b[band * n + kk];
              distance += d * d;
            }
            if (distance < best) best = distance, match = kk;  // NaN never wins
          }
      }
      for (std::size_t band = 0; band < bandCount; ++band)
        differences[band].push_back(v.a[band * n + k] - v.b[band * n + match]);
    }
  }
  ChangeCalibration c;
  c.pixels = differences.empty() ? 0 : differences[0].size();
  // The noise of each band; a band that never changes carries no evidence (weight 0).
  std::array<float, 6> weights{};
  bool anyBand = false;
  for (std::size_t band = 0; band < bandCount; ++band) {
    const float sigma = robustSigma(differences[band]);
    std::vector<float>().swap(differences[band]);
    const std::size_t slot = weightSlot(bands, band);
    weights[slot] = sigma > 0 && std::isfinite(sigma) ? 1.0f / sigma : 0.0f;
    anyBand |= weights[slot] > 0;
  }
  c.bandWeights = weights;
  c.flat = !anyBand;
  // Mean 3 × 3 magnitudes: the threshold on eligible cropland, the median over the scene.
  // (The block pass's kernels, so that the threshold is taken on the very values it tests.)
  std::vector<float> eligible, all, magnitude, mean, columnSums;
  for (const WindowValues& v : read) {
    const int w = v.window.width, h = v.window.height;
    const std::size_t n = std::size_t(w) * std::size_t(h), W = std::size_t(w);
    magnitude.resize(n);
    mean.resize(n);
    columnSums.resize(W);
    magnitudesOf(v.b.data(), v.a.data(), n, bands, weights, int(n), magnitude.data());
    for (int y = 0; y < h; ++y) {
      const float* row = magnitude.data() + std::size_t(y) * W;
      meanOfNeighbours(y > 0 ? row - W : nullptr, row, y + 1 < h ? row + W : nullptr, w, 0, w, columnSums.data(),
                       mean.data() + std::size_t(y) * W);
    }
    for (std::size_t k = 0; k < n; ++k) {
      const float m = mean[k];
      if (!std::isfinite(m)) continue;
      if (v.clear[k]) all.push_back(m);
      if (!v.cropland[k]) continue;
      ++c.croplandPixels;
      if (!v.clear[k] || keepsCover(pixelAt(v.b.data(), n, k, bands), pixelAt(v.a.data(), n, k, bands), screening))
        continue;
      eligible.push_back(std::min(m, kOtsuUpper));
    }
  }
  c.thresholdPixels = eligible.size();
  if (c.pixels == 0) return fail(ErrorCode::InvalidInput, "the images share no valid pixels");
  if (all.empty()) return c;  // all cloud: nothing to threshold
  c.medianMagnitude = medianOf(all);
  if (eligible.empty()) return c;  // the caller says why (no cropland, or all of it kept its cover)
  c.threshold = std::max(otsuThreshold(eligible, kOtsuUpper), kLeastChangeOverMedian * c.medianMagnitude);
  return c;
}

}  // namespace onemap::change::detail
