#include "class_map.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>

#include "onemap/base/text.h"
#include "onemap/change/pixel_rules.h"
#include "onemap/change/radiometry.h"
#include "onemap/raster/class_raster.h"
#include "onemap/raster/polygon_rasterizer.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::change::detail {
namespace {

// Neighbourhoods of the rules, in pixels unless said otherwise.
constexpr int kTextureRadius = 2;       // 5 × 5 crown texture window
constexpr double kMaxCrownPixel = 5.0;  // coarsest pixel (m) at which crown texture is used
constexpr int kGrowSteps = 2;           // rounds of growth into untyped change (hysteresis)
constexpr float kGrowThreshold = 0.5f;  // share of the change threshold that growth needs
constexpr int kShift = 1;               // misregistration tolerated
constexpr int kGap = 3;                 // non-cropland gaps bridged within a patch
constexpr int kCoreRadius = 12;         // at most: radius of the window a cloud core must fill
constexpr int kHazeRadius = 32;         // at most: distance from a cloud core searched for thin edges
// What one output pixel depends on: clean-up (1) of bridging (kGap) of growth (kGrowSteps) of
// pixel classes, which need the texture window at the shifted neighbours or the cloud zone.
constexpr int kHalo = 1 + kGap + kGrowSteps + std::max(kTextureRadius + kShift, kHazeRadius + kCoreRadius);
using raster::BandRole;

Result<std::array<int, 4>> bandsOf(raster::RasterSource& source, const std::string& override, const char* which) {
  if (!override.empty())
    if (auto st = source.bandRoles().applyOverride(override); !st) return fail(st.error());
  const std::vector<BandRole> roles{BandRole::Blue, BandRole::Green, BandRole::Red, BandRole::Nir};
  if (auto missing = source.bandRoles().firstMissing(roles)) {
    return fail(ErrorCode::InvalidInput,
                std::string("the ") + which + " image has no " + std::string(raster::bandRoleName(*missing)) + " band",
                text::displayPath(source.path()),
                std::string("Name the bands with --") + which + "-bands, e.g. blue=1,green=2,red=3,nir=4 (found: " +
                    source.bandRoles().summary() + ").");
  }
  return std::array<int, 4>{*source.bandRoles().bandFor(BandRole::Blue), *source.bandRoles().bandFor(BandRole::Green),
                            *source.bandRoles().bandFor(BandRole::Red), *source.bandRoles().bandFor(BandRole::Nir)};
}

/// Summed-area table of a w × h image (the values given by `value(x, y)`), (w + 1) × (h + 1).
template <class T, class F>
void summedArea(int w, int h, std::vector<T>& s, F value) {
  s.assign((std::size_t(w) + 1) * (std::size_t(h) + 1), T(0));
  const std::size_t stride = std::size_t(w) + 1;
  for (int y = 0; y < h; ++y) {
    T row = 0;
    for (int x = 0; x < w; ++x) {
      row += value(x, y);
      s[std::size_t(y + 1) * stride + std::size_t(x + 1)] = s[std::size_t(y) * stride + std::size_t(x + 1)] + row;
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

/// Sums of `in` (w × h) over the window of radius `r` around each pixel, clipped at the edges:
/// separable running sums (kept in double, stored as float), two passes over the image.
void boxFilter(const std::vector<float>& in, int w, int h, int r, std::vector<float>& rows, std::vector<double>& columns,
               std::vector<float>& out) {
  rows.resize(in.size());
  for (int y = 0; y < h; ++y) {
    const float* src = in.data() + std::size_t(y) * std::size_t(w);
    float* dst = rows.data() + std::size_t(y) * std::size_t(w);
    double run = 0;
    for (int x = 0; x < std::min(r, w); ++x) run += src[x];
    for (int x = 0; x < w; ++x) {
      if (x + r < w) run += src[x + r];
      if (x - r - 1 >= 0) run -= src[x - r - 1];
      dst[x] = float(run);
    }
  }
  out.resize(in.size());
  columns.assign(std::size_t(w), 0.0);
  const auto row = [&](int y) { return rows.data() + std::size_t(y) * std::size_t(w); };
  for (int y = 0; y < std::min(r, h); ++y)
    for (int x = 0; x < w; ++x) columns[std::size_t(x)] += row(y)[x];
  for (int y = 0; y < h; ++y) {
    if (y + r < h)
      for (int x = 0; x < w; ++x) columns[std::size_t(x)] += row(y + r)[x];
    if (y - r - 1 >= 0)
      for (int x = 0; x < w; ++x) columns[std::size_t(x)] -= row(y - r - 1)[x];
    float* dst = out.data() + std::size_t(y) * std::size_t(w);
    for (int x = 0; x < w; ++x) dst[x] = float(columns[std::size_t(x)]);
  }
}

/// Buffers of textureOf(), kept per thread.
struct TextureScratch {
  std::vector<float> values, valid, sum, count, diff, pairs, diffSum, pairSum, rows;
  std::vector<double> columns;
};

/// Isotropic crown texture of `values` (w × h) over a (2·kTextureRadius + 1)² window: the root
/// mean square difference between neighbouring pixels in the direction where it is smallest (of
/// 0°, 90°, 45°, 135°; diagonal steps scaled to unit distance), relative to the window mean.
/// Crop rows, field boundaries, roads and edges shifted by misregistration are anisotropic —
/// along them the neighbours agree — so they score about as low as smooth ground; tree crowns on
/// soil (a 2-D pattern of blobs a few pixels across) differ in every direction. A plain 5 × 5
/// coefficient of variation could not tell the crowns of a whole-field orchard from the
/// boundary of any field.
void textureOf(const float* values, int w, int h, std::vector<float>& out, TextureScratch& t) {
  const std::size_t n = std::size_t(w) * std::size_t(h);
  const auto at = [w](int x, int y) { return std::size_t(y) * std::size_t(w) + std::size_t(x); };
  t.values.resize(n);
  t.valid.resize(n);
  bool allValid = true;
  for (std::size_t k = 0; k < n; ++k) {
    const bool ok = std::isfinite(values[k]);
    t.values[k] = ok ? values[k] : 0.0f;
    t.valid[k] = ok ? 1.0f : 0.0f;
    allValid = allValid && ok;
  }
  // Window counts: from the data when pixels are missing, else from the geometry (the window
  // clipped at the edges; for pairs, those whose neighbour at (dx, dy) lies inside too).
  const auto inside = [](int i, int size, int offset) {
    const int lo = std::max(0, i - kTextureRadius), hi = std::min(size, i + kTextureRadius + 1);
    return std::max(0, std::min(hi, size - offset) - std::max(lo, -offset));
  };
  const auto geometricCount = [&](int dx, int dy, std::vector<float>& counts) {
    counts.resize(n);
    for (int y = 0; y < h; ++y) {
      const int ny = inside(y, h, dy);
      for (int x = 0; x < w; ++x) counts[at(x, y)] = float(inside(x, w, dx) * ny);
    }
  };
  boxFilter(t.values, w, h, kTextureRadius, t.rows, t.columns, t.sum);
  if (allValid) geometricCount(0, 0, t.count);
  else boxFilter(t.valid, w, h, kTextureRadius, t.rows, t.columns, t.count);
  out.assign(n, std::numeric_limits<float>::infinity());
  constexpr int kDirections[4][2] = {{1, 0}, {0, 1}, {1, 1}, {1, -1}};
  for (const auto& d : kDirections) {
    const float scale = d[0] != 0 && d[1] != 0 ? 0.5f : 1.0f;
    t.diff.assign(n, 0.0f);
    if (!allValid) t.pairs.assign(n, 0.0f);
    for (int y = std::max(0, -d[1]); y < std::min(h, h - d[1]); ++y) {
      const float* a = t.values.data() + at(0, y);
      const float* b = t.values.data() + at(0, y + d[1]) + d[0];
      float* o = t.diff.data() + at(0, y);
      if (allValid) {
        for (int x = 0; x + d[0] < w; ++x) o[x] = scale * (a[x] - b[x]) * (a[x] - b[x]);
        continue;
      }
      const float* va = t.valid.data() + at(0, y);
      const float* vb2 = t.valid.data() + at(0, y + d[1]) + d[0];
      float* p = t.pairs.data() + at(0, y);
      for (int x = 0; x + d[0] < w; ++x)
        if (va[x] != 0.0f && vb2[x] != 0.0f) {
          o[x] = scale * (a[x] - b[x]) * (a[x] - b[x]);
          p[x] = 1.0f;
        }
    }
    boxFilter(t.diff, w, h, kTextureRadius, t.rows, t.columns, t.diffSum);
    if (allValid) geometricCount(d[0], d[1], t.pairSum);
    else boxFilter(t.pairs, w, h, kTextureRadius, t.rows, t.columns, t.pairSum);
    for (std::size_t k = 0; k < n; ++k)
      if (t.pairSum[k] >= 1.5f) out[k] = std::min(out[k], std::max(0.0f, t.diffSum[k]) / t.pairSum[k]);
  }
  for (std::size_t k = 0; k < n; ++k) {
    const float mean = t.count[k] > 0.5f ? t.sum[k] / t.count[k] : 0.0f;
    // Half the mean square difference is the variance of a fine-grained pattern.
    out[k] = std::isfinite(out[k]) && mean > 0 ? std::sqrt(0.5f * out[k]) / mean : 0.0f;
  }
}

/// Region growing from typed change (hysteresis): a pixel that changed strongly but matches no
/// rule (the earth banks of a new pond, the bare ground between new buildings, the soil of a
/// young orchard) takes the class most of its 8 neighbours carry, for `steps` rounds — so a
/// patch gets its whole changed footprint, while change with no typed seed nearby (harvest,
/// rotation) stays unflagged and growth is bounded to `steps` pixels. Spectral classes (built,
/// water) also take over changed tree pixels next to them: crown texture is computed over a
/// window and rises along the border of any new object (a pond's banks), while built and water
/// are decided by the pixel's own spectrum.
void growIntoChange(std::vector<std::uint8_t>& classes, const std::vector<std::uint8_t>& changed, int w, int h,
                    int steps, std::vector<std::uint8_t>& scratch) {
  constexpr auto kTrees = std::uint8_t(ChangeClass::Trees);
  for (int step = 0; step < steps; ++step) {
    scratch = classes;
    bool any = false;
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        const std::size_t k = std::size_t(y) * std::size_t(w) + std::size_t(x);
        if (!changed[k] || (scratch[k] != 0 && scratch[k] != kTrees)) continue;
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
    if (!any) break;
  }
}

/// Bridges gaps of up to `gap` pixels outside cropland (field roads, ditches) between pixels of
/// the same change class in a row or column: a new road or pond crossing a field road is one
/// conversion, not pieces each below the minimum area.
void bridgeGaps(std::vector<std::uint8_t>& classes, const std::vector<std::uint8_t>& cropland, int w, int h, int gap) {
  const auto at = [w](int x, int y) { return std::size_t(y) * std::size_t(w) + std::size_t(x); };
  std::vector<std::uint8_t> out = classes;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
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
        }
        if (sides[0] != 0 && sides[0] == sides[1] && span <= gap) {
          out[at(x, y)] = sides[0];
          break;
        }
      }
    }
  classes.swap(out);
}

/// 3 × 3 clean-up: a change pixel keeps its class when at least 4 of its 9 neighbourhood pixels
/// share it; a no-change pixel takes the class that holds at least 6 of them (closes holes).
void cleanUp(const std::vector<std::uint8_t>& in, int w, int h, std::vector<std::uint8_t>& out) {
  out.assign(in.size(), 0);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int counts[5] = {0, 0, 0, 0, 0};
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          const int xx = x + dx, yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          const std::uint8_t c = in[std::size_t(yy) * std::size_t(w) + std::size_t(xx)];
          if (c >= 1 && c <= 4) ++counts[c];
        }
      const std::uint8_t c = in[std::size_t(y) * std::size_t(w) + std::size_t(x)];
      std::uint8_t result = 0;
      if (c >= 1 && c <= 4 && counts[c] >= 4) result = c;
      else if (c == 0)
        for (std::uint8_t k = 1; k <= 4; ++k)
          if (counts[k] >= 6) result = k;
      out[std::size_t(y) * std::size_t(w) + std::size_t(x)] = result;
    }
}

raster::Window grown(const raster::Window& w, const raster::Grid& grid) {
  const int x0 = std::max(0, w.xOff - kHalo), y0 = std::max(0, w.yOff - kHalo);
  const int x1 = std::min(grid.width, w.xOff + w.width + kHalo), y1 = std::min(grid.height, w.yOff + w.height + kHalo);
  return {x0, y0, x1 - x0, y1 - y0};
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
                     const std::filesystem::path& scratch, raster::Grid& grid, ChangeSummary& summary,
                     Feedback& feedback) {
  auto before = raster::RasterSource::open(inputs.before);
  if (!before) return fail(before.error());
  auto afterFile = raster::RasterSource::open(inputs.after);
  if (!afterFile) return fail(afterFile.error());
  auto beforeBands = bandsOf(*before, inputs.beforeBands, "before");
  if (!beforeBands) return fail(beforeBands.error());
  auto afterBands = bandsOf(*afterFile, inputs.afterBands, "after");
  if (!afterBands) return fail(afterBands.error());
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
  std::vector<float> sb, sa;
  if (auto st = before->readResampled(all, sampleW, sampleH, *beforeBands, sb, raster::Resampling::Average); !st) return st;
  if (auto st = after->readResampled(all, sampleW, sampleH, *afterBands, sa, raster::Resampling::Average); !st) return st;
  const std::size_t samplePixels = std::size_t(sampleW) * std::size_t(sampleH);
  const Normalization normalization = fitNormalization(sb, sa, samplePixels);
  summary.invariantPixels = normalization.invariantPixels;
  for (std::size_t b = 0; b < 4; ++b) {
    summary.gains[b] = normalization.bands[b].gain;
    summary.offsets[b] = normalization.bands[b].offset;
  }
  raster::Grid sampleGrid = grid;
  sampleGrid.width = sampleW;
  sampleGrid.height = sampleH;
  sampleGrid.geoTransform[1] *= double(grid.width) / sampleW;
  sampleGrid.geoTransform[5] *= double(grid.height) / sampleH;
  sampleGrid.geoTransform[2] *= double(grid.width) / sampleW;
  sampleGrid.geoTransform[4] *= double(grid.height) / sampleH;
  // Without a cropland layer every pixel is a candidate (and the threshold comes from all).
  const bool hasCropland = !inputs.cropland.path.empty();
  std::vector<std::uint8_t> sampleMask(samplePixels, 1);
  if (hasCropland) {
    auto sampleCrop = raster::PolygonRasterizer::open(inputs.cropland.path, sampleGrid, cropOptions);
    if (!sampleCrop) return fail(sampleCrop.error());
    if (auto st = sampleCrop->burn({0, 0, sampleW, sampleH}, sampleMask); !st) return st;
  }
  std::vector<float> magnitudes;
  magnitudes.reserve(samplePixels / 2);
  for (std::size_t i = 0; i < samplePixels; ++i) {
    if (!sampleMask[i]) continue;
    const PixelBands pb{sb[i], sb[samplePixels + i], sb[2 * samplePixels + i], sb[3 * samplePixels + i]};
    const PixelBands pa{normalization.apply(0, sa[i]), normalization.apply(1, sa[samplePixels + i]),
                        normalization.apply(2, sa[2 * samplePixels + i]), normalization.apply(3, sa[3 * samplePixels + i])};
    const float m = changeMagnitude(pb, pa);
    if (std::isfinite(m)) magnitudes.push_back(std::min(m, 2.0f));
  }
  if (magnitudes.empty() && !hasCropland)
    return fail(ErrorCode::InvalidInput, "the images share no valid pixels", text::displayPath(inputs.before),
                "Check that both images cover the same ground.");
  if (magnitudes.empty())
    return fail(ErrorCode::InvalidInput, "no cropland lies on the images",
                text::displayPath(inputs.cropland.path) + (inputs.cropland.layer.empty() ? "" : ":" + inputs.cropland.layer),
                "Check that the cropland layer covers the images (and its coordinate system).");
  const float otsu = otsuThreshold(magnitudes, 2.0f);
  PixelRuleThresholds thresholds;
  thresholds.changeMagnitude = otsu / float(parameters.sensitivity);
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
  // The spectrum of opaque cloud (normalised to the before date) for the thin-cloud test: the
  // mean of the sample's cloud pixels on either date, else a flat spectrum above the threshold.
  PixelBands cloudSpectrum{1.15f * thresholds.cloudBrightness, 1.15f * thresholds.cloudBrightness,
                           1.15f * thresholds.cloudBrightness, 1.15f * thresholds.cloudBrightness};
  {
    double sum[4] = {0, 0, 0, 0};
    std::size_t count = 0;
    for (std::size_t i = 0; i < samplePixels; ++i) {
      const PixelBands pb{sb[i], sb[samplePixels + i], sb[2 * samplePixels + i], sb[3 * samplePixels + i]};
      const PixelBands pa{normalization.apply(0, sa[i]), normalization.apply(1, sa[samplePixels + i]),
                          normalization.apply(2, sa[2 * samplePixels + i]), normalization.apply(3, sa[3 * samplePixels + i])};
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
  const int coreRadius = std::clamp(int(std::lround(20.0 / std::max(pixelSize, 1e-9))), 1, kCoreRadius);
  const int hazeRadius = std::clamp(int(std::lround(60.0 / std::max(pixelSize, 1e-9))), 1, kHazeRadius);
  PixelRuleThresholds cloudCandidate = thresholds;
  cloudCandidate.cloudBrightness = 0.9f * thresholds.cloudBrightness;
  summary.threshold = thresholds.changeMagnitude;
  sampling.setProgress(1.0);

  // 2. The block pass: both dates, cropland mask, rules, clean-up; threads take windows in turn.
  auto writer = raster::ByteRasterWriter::create(scratch, grid);
  if (!writer) return fail(writer.error());
  const int threads = std::max(1, parameters.threads);
  // Per thread: 2 dates × 4 bands float (32 bytes), two textures and their scratch buffers (44),
  // the cloud table (4) and the byte masks and classes (6) ≈ 96 bytes per pixel.
  const std::int64_t budget = std::int64_t(parameters.memoryMb * 1024 * 1024 * 0.6);
  // At least one window per thread (a small scene would otherwise be one window on one thread);
  // the halo re-read per window is small next to windows of a few hundred rows.
  const std::int64_t perThread = (std::int64_t(grid.width) * grid.height + threads - 1) / threads;
  const std::int64_t maxPixels = std::max<std::int64_t>(65536, std::min(budget / (96 * threads), perThread));
  const std::vector<raster::Window> windows = before->blockWindows(maxPixels);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::mutex writeMutex;
  std::mutex errorMutex;
  std::optional<Error> firstError;
  std::atomic<bool> failed{false};  // stops the other threads without canceling the caller's feedback
  Feedback blocks = feedback.subRange(0.1, 0.75);
  const auto work = [&]() {
    auto b = before->clone();
    auto a = after->clone();
    std::optional<raster::PolygonRasterizer> crop;
    const auto stop = [&](const Error& e) {
      std::lock_guard lock(errorMutex);
      if (!firstError) firstError = e;
      failed = true;
    };
    if (!b) return stop(b.error());
    if (!a) return stop(a.error());
    if (hasCropland) {
      auto opened = raster::PolygonRasterizer::open(inputs.cropland.path, grid, cropOptions);
      if (!opened) return stop(opened.error());
      crop.emplace(std::move(*opened));
    }
    std::vector<float> vb, va, texB, texA;
    TextureScratch textureScratch;
    std::vector<int> cloudCount;
    std::vector<std::uint8_t> mask, classes, changed, cloud, cleaned, interior, scratchClasses;
    for (std::size_t i = next++; i < windows.size(); i = next++) {
      if (failed || blocks.isCanceled()) return;
      const raster::Window w = grown(windows[i], grid);
      if (auto st = b->read(w, *beforeBands, vb); !st) return stop(st.error());
      if (auto st = a->read(w, *afterBands, va); !st) return stop(st.error());
      if (crop) {
        if (auto st = crop->burn(w, mask); !st) return stop(st.error());
      } else {
        mask.assign(std::size_t(w.pixelCount()), 1);
      }
      const std::size_t n = std::size_t(w.pixelCount());
      for (std::size_t k = 0; k < n; ++k)
        for (std::size_t band = 0; band < 4; ++band) va[band * n + k] = normalization.apply(int(band), va[band * n + k]);
      textureOf(vb.data() + 3 * n, w.width, w.height, texB, textureScratch);
      textureOf(va.data() + 3 * n, w.width, w.height, texA, textureScratch);
      const auto bandsAt = [n](const std::vector<float>& v, std::size_t k) {
        return PixelBands{v[k], v[n + k], v[2 * n + k], v[3 * n + k]};
      };
      // Cloud cores on either date (all pixels, cropland or not), then the zone of their edges.
      bool anyCloud = false;
      cloud.assign(n, 0);
      if (thresholds.cloudMask)
        for (std::size_t k = 0; k < n; ++k)
          if (isCloud(bandsAt(vb, k), cloudCandidate) || isCloud(bandsAt(va, k), cloudCandidate)) {
            cloud[k] = 1;
            anyCloud = true;
          }
      if (anyCloud) {
        summedArea(w.width, w.height, cloudCount,
                   [&](int x, int y) { return int(cloud[std::size_t(y) * std::size_t(w.width) + std::size_t(x)]); });
        for (int y = 0; y < w.height; ++y)
          for (int x = 0; x < w.width; ++x) {
            std::uint8_t& c = cloud[std::size_t(y) * std::size_t(w.width) + std::size_t(x)];
            if (!c) continue;
            const int window = (std::min(w.width, x + coreRadius + 1) - std::max(0, x - coreRadius)) *
                               (std::min(w.height, y + coreRadius + 1) - std::max(0, y - coreRadius));
            c = 10 * boxSum(cloudCount, w.width, w.height, x, y, coreRadius) >= 9 * window ? 1 : 0;
          }
        summedArea(w.width, w.height, cloudCount,
                   [&](int x, int y) { return int(cloud[std::size_t(y) * std::size_t(w.width) + std::size_t(x)]); });
      }
      classes.assign(n, 0);
      changed.assign(n, 0);
      for (std::size_t k = 0; k < n; ++k) {
        if (!mask[k]) continue;
        const PixelBands pb = bandsAt(vb, k);
        const PixelBands pa = bandsAt(va, k);
        ChangeClass c = classifyPixel(pb, pa, texB[k], texA[k], thresholds);
        if (c == ChangeClass::Invalid) continue;
        const float direct = changeMagnitude(pb, pa);
        if (c == ChangeClass::None && direct < kGrowThreshold * thresholds.changeMagnitude) continue;  // most pixels
        // Misregistration: a change that the before image explains within kShift pixels (the
        // after spectrum matches a shifted before pixel, or the crown texture was there already)
        // is the edge of a field or road moved by the registration error, not a conversion.
        const int x = int(k % std::size_t(w.width)), y = int(k / std::size_t(w.width));
        float shifted = direct, textureBefore = texB[k];
        for (int dy = -kShift; dy <= kShift; ++dy)
          for (int dx = -kShift; dx <= kShift; ++dx) {
            const int xx = x + dx, yy = y + dy;
            if ((dx == 0 && dy == 0) || xx < 0 || yy < 0 || xx >= w.width || yy >= w.height) continue;
            const std::size_t kk = std::size_t(yy) * std::size_t(w.width) + std::size_t(xx);
            const float m = changeMagnitude(bandsAt(vb, kk), pa);
            if (std::isfinite(m)) shifted = std::min(shifted, m);
            textureBefore = std::max(textureBefore, texB[kk]);
          }
        if (c == ChangeClass::Trees ? texA[k] - textureBefore < thresholds.texture
                                    : c != ChangeClass::None && shifted < thresholds.changeMagnitude)
          c = ChangeClass::None;
        // Near an opaque cloud, a change towards the cloud's spectrum is its thin edge (or
        // haze), not new concrete: such pixels are masked like the cloud itself.
        if (anyCloud) {
          if (boxSum(cloudCount, w.width, w.height, x, y, hazeRadius) > 0 &&
              (isThinCloudOver(pb, pa, cloudSpectrum) || isThinCloudOver(pa, pb, cloudSpectrum)))
            continue;
        }
        classes[k] = std::uint8_t(c);
        // Hysteresis: growth needs only half the change threshold (seeds need all of it).
        changed[k] = shifted >= kGrowThreshold * thresholds.changeMagnitude ? 1 : 0;
      }
      growIntoChange(classes, changed, w.width, w.height, kGrowSteps, scratchClasses);
      bridgeGaps(classes, mask, w.width, w.height, kGap);
      cleanUp(classes, w.width, w.height, cleaned);
      const raster::Window& inner = windows[i];
      interior.resize(std::size_t(inner.pixelCount()));
      for (int y = 0; y < inner.height; ++y)
        for (int x = 0; x < inner.width; ++x)
          interior[std::size_t(y) * std::size_t(inner.width) + std::size_t(x)] =
              cleaned[std::size_t(y + inner.yOff - w.yOff) * std::size_t(w.width) + std::size_t(x + inner.xOff - w.xOff)];
      {
        std::lock_guard lock(writeMutex);
        if (auto st = writer->write(inner, interior); !st) return stop(st.error());
      }
      blocks.setProgress(double(++done) / double(windows.size()));
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (firstError) return fail(*firstError);
  if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled");
  return writer->close();
}

}  // namespace onemap::change::detail
