#include "class_map.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <array>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <optional>
#include <future>


#include "band_selection.h"
#include "calibration.h"
#include "class_cleanup.h"
#include "crown_texture.h"
#include "simd_clones.h"
#include "onemap/base/text.h"
#include "onemap/base/worker_pool.h"
#include "onemap/change/pixel_rules.h"
#include "onemap/gdal/block_cache_limit.h"
#include "onemap/change/radiometry.h"
#include "onemap/proj/crs_description.h"
#include "onemap/proj/ground_scale.h"
#include "onemap/raster/class_raster.h"
#include "onemap/raster/polygon_rasterizer.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::change::detail {
namespace {

// Neighbourhoods of the rules, in pixels unless said otherwise.
constexpr double kMaxCrownPixel = 5.0;  // coarsest pixel (m) at which crown texture is used
constexpr int kGrowSteps = 2;           // rounds of growth into untyped change (hysteresis)
constexpr float kGrowThreshold = 0.5f;  // share of the change threshold that growth needs
constexpr int kShift = 1;               // misregistration tolerated
constexpr double kMaxShiftPixel = 5.0;  // coarsest pixel (m) at which misregistration is tolerated
constexpr int kGap = 3;                 // non-cropland gaps bridged within a patch
constexpr double kGrowReachM = 5.0;     // at most: metres growth reaches
constexpr double kGapReachM = 7.0;      // at most: metres of gap bridged
// Full-resolution pixels read to measure the noise and the threshold (calibration.h).
constexpr std::size_t kCalibrationPixels = std::size_t(1) << 20;
constexpr int kCoreRadius = 12;         // at most: radius of the window a cloud core must fill
constexpr int kHazeRadius = 32;         // at most: distance from a cloud core searched for thin edges
// What one output pixel depends on: clean-up (1) of bridging (kGap) of growth (kGrowSteps) of
// pixel classes, which need the texture window at the shifted neighbours or the cloud zone.
constexpr int kHalo = 1 + kGap + kGrowSteps + std::max(kTextureRadius + kShift, kHazeRadius + kCoreRadius);
using raster::BandRole;

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

/// The evidence of a change pixel as a byte: its strength (change magnitude over the threshold,
/// or crown texture rise over the tree threshold) in units of 1 / kEvidenceUnit, at least 1.
inline std::uint8_t evidenceByte(float strength) {
  return std::uint8_t(std::clamp(std::lround(double(strength) * kEvidenceUnit), 1L, 255L));
}


/// after → before radiometry for `n` values of one band: Normalization::apply(), built for AVX2 too
/// (chosen at run time; no FMA, so the same roundings).
ONEMAP_AVX2_CLONES void normalizeBand(const float* in, std::size_t n,
                                                                     const BandMapping& mapping, float* out) {
  const double gain = mapping.gain, offset = mapping.offset;
  for (std::size_t k = 0; k < n; ++k) out[k] = float(gain * in[k] + offset);
}

/// Change magnitudes (changeMagnitude()) of `n` pixels of band planes `plane` floats apart, into
/// `out`. Built for AVX2 too.
ONEMAP_AVX2_CLONES void magnitudesOf(const float* before, const float* after, std::size_t plane,
                                     const BandSelection& bands, const std::array<float, 6>& weights, int n,
                                     float* out) {
  // The bands in the order of the reads, with their weights.
  std::array<float, 6> w{};
  for (std::size_t b = 0; b < bands.roles.size(); ++b)
    w[b] = weights[b < 4 ? b : (int(b) == bands.swir1Plane ? 4 : 5)];
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

/// Mean of the magnitudes over each pixel's 3 × 3 neighbourhood for one row of `n` pixels:
/// `above`, `row` and `below` are the magnitude rows (null at the edge of the buffer); the
/// neighbourhood is clipped at the buffer's edges. Built for AVX2 too.
ONEMAP_AVX2_CLONES void meanOfNeighbours(const float* above, const float* row, const float* below, int n,
                                         float* columnSums, float* out) {
  const float rows = 1.0f + (above ? 1.0f : 0.0f) + (below ? 1.0f : 0.0f);
  for (int x = 0; x < n; ++x) columnSums[x] = row[x];
  if (above)
    for (int x = 0; x < n; ++x) columnSums[x] += above[x];
  if (below)
    for (int x = 0; x < n; ++x) columnSums[x] += below[x];
  if (n == 1) {
    out[0] = columnSums[0] / rows;
    return;
  }
  out[0] = (columnSums[0] + columnSums[1]) / (2.0f * rows);
  const float inner = 1.0f / (3.0f * rows);
  for (int x = 1; x < n - 1; ++x) out[x] = (columnSums[x - 1] + columnSums[x] + columnSums[x + 1]) * inner;
  out[n - 1] = (columnSums[n - 2] + columnSums[n - 1]) / (2.0f * rows);
}

/// Flags (1) the pixels of one row that the rules must look at: cropland whose mean change
/// magnitude (`magnitude`) reaches `growThreshold` or whose crown texture rose by `textureRise`.
/// The others are None or Invalid whatever the rules say (the test is the exact negation of
/// that, NaN included). With a before-date texture of 0 it flags a superset (textures are never
/// negative): the block pass's pre-test, which tells where the before date's texture is needed.
/// Whether any is flagged. Built for AVX2 too.
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

/// Flags (1) the first `n` pixels of the band planes `before` and `after` (4 planes each, `plane`
/// floats apart) that are cloud on either date (isCloud()); whether there is any. Built for AVX2
/// too.
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

/// Whether the sample (band-sequential planes of `pixels` = w × h, after date normalised) holds
/// a cloud core on either date: pixels whose visible mean and blue exceed `level` on that date
/// only, filling at least 90 % of a window kCloudGateM across (`pixelM` = the sample's pixel size in metres).
/// Clouds are larger than that; roofs and concrete yards that bright rarely are.
constexpr double kCloudGateM = 60.0;
bool hasCloudCores(const std::vector<float>& b, const std::vector<float>& a, std::size_t pixels, int w, int h,
                   const BandSelection& bands, float level, double pixelM) {
  (void)bands;
  std::vector<std::uint8_t> bright(pixels);
  std::size_t any = 0;
  const auto cloudAt = [&](const std::vector<float>& v, std::size_t k) {
    const float brightness = (v[k] + v[pixels + k] + v[2 * pixels + k]) / 3.0f;
    return brightness > level && v[k] > level;
  };
  // Bright on one date only: clouds move, and what is as bright on both dates is a surface.
  for (std::size_t k = 0; k < pixels; ++k) any += bright[k] = std::uint8_t(cloudAt(b, k) != cloudAt(a, k));
  const int r = std::max(1, int(std::lround(kCloudGateM / 2.0 / std::max(pixelM, 1e-9))));
  const std::size_t window = std::size_t(2 * r + 1) * std::size_t(2 * r + 1);
  if (any < window * 9 / 10) return false;
  std::vector<int> sum;
  summedArea(w, h, sum, [&](int x, int y) { return int(bright[std::size_t(y) * std::size_t(w) + std::size_t(x)]); });
  for (int y = r; y + r < h; ++y)
    for (int x = r; x + r < w; ++x)
      if (bright[std::size_t(y) * std::size_t(w) + std::size_t(x)] && 10 * std::size_t(boxSum(sum, w, h, x, y, r)) >= 9 * window)
        return true;
  return false;
}

/// The error for an image without a CRS: ground distances, areas and the other date's alignment
/// all need one. Suggests one from the coordinates, as `onemap-cli info` does.
Error missingCrs(const raster::Grid& grid, const std::filesystem::path& path) {
  const Extent e = grid.extent();
  std::string hint = "Assign its CRS first (gdal_edit.py -a_srs EPSG:…)";
  if (auto s = proj::suggestCrsFromCoordinates(e.minX(), e.minY(), e.maxX(), e.maxY())) {
    hint += s->epsg != 0 ? "; its coordinates suggest EPSG:" + std::to_string(s->epsg) : "";
    hint += ": " + s->reasonEn;
  } else {
    hint += ".";
  }
  return Error{ErrorCode::InvalidInput, "the image has no coordinate system (CRS)", text::displayPath(path), hint};
}

/// Pixels normalised and tested for cloud at a time (their planes stay in cache in between).
constexpr std::size_t kChunk = 2048;

/// Rows of classes needed beyond the rows written: clean-up (1) of bridging (kGap) of growth.
constexpr int kClassMargin = 1 + kGap + kGrowSteps;
/// Rows of pixel values a step reads above its first written row: the class rows' shifted
/// neighbours and texture windows, and one more row that textureOf() checks for missing values.
constexpr int kValueRows = kClassMargin + kShift + kTextureRadius + 1;
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
         + 4 + 4                // columnSums, zeroRow
         + (classRows + 2) * 4  // magnitudes of the class rows and one row beside them
         + classRows * 4        // their 3 × 3 means
         + textureRows * 2 * 4  // texB, texA
         + classRows * 7        // mask, classes, changed, evidence, scratchClasses, cleaned, candidates
         + written * 2          // interior, interiorEvidence
         + 2 * 4 + 3               // texture: counts of the window per column; column flags (3)
         + 0;  // the texture ring (a strip of columns) and its strip flags are in kFixedOverheadMb
}

/// Cuts `grid` into units whose per-thread buffers fit the memory parameter (less GDAL's block
/// cache, the fixed overhead and `scratchBytes` per thread), at least four per thread when there
/// is more than one thread.
BlockPlan planBlockPass(const raster::Grid& grid, std::pair<int, int> blockSize, int threads, int bandCount,
                        double memoryMb, std::int64_t cacheBytes, std::int64_t scratchBytes) {
  BlockPlan plan;
  const int bw = std::clamp(blockSize.first, 1, grid.width), bh = std::clamp(blockSize.second, 1, grid.height);
  plan.rowStep = bh >= 256 ? std::min(bh, 1024) : (512 / bh) * bh;
  const double available = memoryMb * 1024.0 * 1024.0 - double(cacheBytes) - kFixedOverheadMb * 1024.0 * 1024.0;
  const std::int64_t perThread = std::max<std::int64_t>(std::int64_t(available / threads) - scratchBytes, 8 << 20);
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
  // Four runs of rows per thread: a thread goes on down its band while nobody took the next run
  // (no halo read twice, see writeClassMap()), and the runs left at the end are short.
  const int segments = threads > 1 ? std::clamp((4 * threads + bands - 1) / bands, 1, steps) : 1;
  const int segmentRows = (grid.height + segments - 1) / segments;
  for (int y = 0; y < grid.height; y += segmentRows)
    for (int x = 0; x < grid.width; x += bandWidth)
      plan.units.push_back({x, std::min(grid.width, x + bandWidth), y, std::min(grid.height, y + segmentRows)});
  for (const Unit& u : plan.units)
    plan.maxColumns = std::max(plan.maxColumns, std::min(grid.width, u.x1 + kHalo) - std::max(0, u.x0 - kHalo));
  return plan;
}

/// Where cropland may lie, from a burn of the cropland onto the sample grid with every touched
/// cell marked: whether any cropland pixel lies within kHalo of a window of the image grid. No
/// rule looks farther from a cropland pixel than kHalo (the texture window at the shifted
/// neighbours, the cloud zone; growth, bridging and clean-up only reach from change, which is on
/// cropland), so the values of pixels farther away change no class. One more cell all round
/// covers the rounding of polygon edges at the two resolutions.
class CroplandNearness {
 public:
  CroplandNearness(const std::vector<std::uint8_t>& touched, int cellsX, int cellsY, const raster::Grid& grid)
      : m_cellsX(cellsX), m_cellsY(cellsY), m_width(grid.width), m_height(grid.height) {
    summedArea(cellsX, cellsY, m_sum, [&](int x, int y) {
      return int(touched[std::size_t(y) * std::size_t(cellsX) + std::size_t(x)] != 0);
    });
  }
  /// Whether cropland may lie within kHalo of the pixels [x0, x1) × [y0, y1).
  bool near(int x0, int x1, int y0, int y1) const {
    const auto [cx0, cx1] = cells(x0, x1, m_width, m_cellsX);
    const auto [cy0, cy1] = cells(y0, y1, m_height, m_cellsY);
    const std::size_t stride = std::size_t(m_cellsX) + 1;
    const auto at = [&](int x, int y) { return m_sum[std::size_t(y) * stride + std::size_t(x)]; };
    return at(cx1, cy1) - at(cx0, cy1) - at(cx1, cy0) + at(cx0, cy0) > 0;
  }

 private:
  /// Cells [c0, c1) of `cells` across `pixels` that meet the pixels [p0, p1) widened by kHalo,
  /// one cell more on each side.
  static std::pair<int, int> cells(int p0, int p1, int pixels, int cells) {
    const std::int64_t a = std::max(0, p0 - kHalo), b = std::min(pixels, p1 + kHalo);
    const std::int64_t c0 = a * cells / pixels - 1, c1 = (b * cells + pixels - 1) / pixels + 1;
    return {int(std::clamp<std::int64_t>(c0, 0, cells)), int(std::clamp<std::int64_t>(c1, 0, cells))};
  }
  std::vector<int> m_sum;
  int m_cellsX, m_cellsY, m_width, m_height;
};

/// Image blocks read at a time when a step reads only some runs of block columns (their pixels
/// go through a scratch buffer of that many blocks' columns).
constexpr int kPieceColumns = 1024;

}  // namespace

BlockPassProbe& blockPassProbe() {
  static BlockPassProbe probe;
  return probe;
}

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
  for (const raster::RasterSource* image : {&*before, &*afterFile})
    if (image->grid().crsWkt.empty()) return fail(missingCrs(image->grid(), image->path()));
  {
    // Pixels of very different sizes: the coarser image cannot show change smaller than its pixels.
    const raster::Grid& a = afterFile->grid();
    auto beforeScale = proj::groundScale(before->grid().crsWkt, before->grid().geoTransform, before->grid().width,
                                         before->grid().height);
    auto afterScale = proj::groundScale(a.crsWkt, a.geoTransform, a.width, a.height);
    if (beforeScale && afterScale && beforeScale->pixelSizeM() > 0 && afterScale->pixelSizeM() > 0) {
      const double ratio = afterScale->pixelSizeM() / beforeScale->pixelSizeM();
      if (ratio > 3.0 || ratio < 1.0 / 3.0) {
        const auto oneDecimal = [](double v) {
          char text[32];
          std::snprintf(text, sizeof text, "%.1f", v);
          return std::string(text);
        };
        summary.warnings.push_back({RunWarning::Kind::PixelSizes,
                                    {oneDecimal(std::max(ratio, 1.0 / ratio)), oneDecimal(beforeScale->pixelSizeM()),
                                     oneDecimal(afterScale->pixelSizeM())}});
      }
    }
  }
  auto after = afterFile->alignedTo(*before, raster::Resampling::Bilinear);
  if (!after) return fail(after.error());
  grid = before->grid();
  summary.pixels = std::int64_t(grid.width) * grid.height;
  // Distances and areas of the rules are ground metres: a geographic grid's pixel sizes in
  // degrees are measured on the ellipsoid at its centre.
  auto scale = proj::groundScale(grid.crsWkt, grid.geoTransform, grid.width, grid.height);
  if (!scale) return fail(scale.error().code, scale.error().message, text::displayPath(inputs.before), scale.error().hint);
  if (scale->geographic && (scale->westLon < -180.0 || scale->eastLon > 180.0))
    return fail(ErrorCode::InvalidInput, "the image crosses the 180° meridian", text::displayPath(inputs.before),
                "Warp both images to a projected CRS first, e.g. gdalwarp -t_srs EPSG:32601 (UTM zone 1N).");
  summary.crs = scale->crsName;
  summary.geographicGrid = scale->geographic;
  summary.pixelWidthM = scale->pixelWidthM;
  summary.pixelHeightM = scale->pixelHeightM;

  raster::RasterizeOptions cropOptions;
  cropOptions.layerName = inputs.cropland.layer;
  cropOptions.attributeFilter = croplandFilter;
  cropOptions.numberFeatures = false;  // burn() only

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
  // With it, every sample cell the cropland touches as well: where the block pass must read.
  std::vector<std::uint8_t> sampleMask(samplePixels, 1), samplePresence;
  std::future<Status> sampleCropland;
  if (hasCropland)
    sampleCropland = std::async(std::launch::async, [&]() -> Status {
      auto sampleCrop = raster::PolygonRasterizer::open(inputs.cropland.path, sampleGrid, cropOptions);
      if (!sampleCrop) return fail(sampleCrop.error());
      return sampleCrop->burnWithTouched({0, 0, sampleW, sampleH}, sampleMask, samplePresence);
    });
  // The two dates are read at the same time as well. (An early return waits for both helpers:
  // the futures are destroyed before the buffers they write.)
  std::vector<float> sb, sa;
  auto afterSample = std::async(std::launch::async, [&]() -> Status {
    return after->readResampled(all, sampleW, sampleH, bands.after, sa, raster::Resampling::Average);
  });
  if (auto st = before->readResampled(all, sampleW, sampleH, bands.before, sb, raster::Resampling::Average); !st) return st;
  if (auto st = afterSample.get(); !st) return st;
  // Clouds on either date (each on its own scale) are no ground to fit the radiometry on: what
  // is far brighter than the land on one date only (as bright on both, it is a surface).
  std::vector<std::uint8_t> cloudy(samplePixels, 0), cloudyAfter;
  flagBrightest(sb, samplePixels, cloudy);
  flagBrightest(sa, samplePixels, cloudyAfter);
  for (std::size_t i = 0; i < samplePixels; ++i) cloudy[i] ^= cloudyAfter[i];
  std::vector<std::uint8_t>().swap(cloudyAfter);
  const Normalization normalization = fitNormalization(sb, sa, samplePixels, bandCount, cloudy);
  std::vector<std::uint8_t>().swap(cloudy);
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
  // Clouds and their shadows are masked only in a scene with clouds: without a cloud to cast
  // it, a uniform darkening is new dark ground (asphalt, a dark roof), and without clouds the
  // brightest pixels are new roofs and concrete, not cloud.
  if (thresholds.cloudMask && !hasCloudCores(sb, sa, samplePixels, sampleW, sampleH, bands,
                                             0.9f * thresholds.cloudBrightness,
                                             scale->pixelSizeM() * double(grid.width) / sampleW)) {
    thresholds.cloudMask = false;
  }
  if (sampleCropland.valid())
    if (auto st = sampleCropland.get(); !st) return st;
  // The unit and the threshold of change magnitudes, measured at full resolution: the noise of
  // each band's change, and Otsu's threshold of the mean 3 × 3 magnitude on cropland that is
  // neither cloud, shadow nor ground that kept its cover (see calibration.h).
  PixelRuleThresholds screening = thresholds;
  screening.changeMagnitude = std::numeric_limits<float>::infinity();
  screening.texture = std::numeric_limits<float>::infinity();
  std::optional<raster::PolygonRasterizer> calibrationCrop;
  if (hasCropland) {
    auto opened = raster::PolygonRasterizer::open(inputs.cropland.path, grid, cropOptions);
    if (!opened) return fail(opened.error());
    calibrationCrop.emplace(std::move(*opened));
  }
  auto calibration = calibrateChange(*before, *after, bands, normalization, screening,
                                     calibrationCrop ? &*calibrationCrop : nullptr,
                                     calibrationWindows(grid, kCalibrationPixels));
  if (!calibration) {
    Error e = calibration.error();
    if (e.context.empty()) {
      e.context = text::displayPath(inputs.before);
      e.hint = "Check that both images cover the same ground.";
    }
    return fail(std::move(e));
  }
  calibrationCrop.reset();
  if (calibration->croplandPixels == 0 && hasCropland)
    return fail(ErrorCode::InvalidInput, "no cropland lies on the images",
                text::displayPath(inputs.cropland.path) + (inputs.cropland.layer.empty() ? "" : ":" + inputs.cropland.layer),
                "Check that the cropland layer covers the images (and its coordinate system).");
  thresholds.bandWeights = calibration->bandWeights;
  summary.medianMagnitude = calibration->medianMagnitude;
  if (calibration->flat || calibration->thresholdPixels == 0) {
    // Nothing to threshold: no band changes anywhere (identical or constant images), or all the
    // ground kept its cover. No pixel is change.
    thresholds.changeMagnitude = std::numeric_limits<float>::infinity();
    summary.warnings.push_back({calibration->flat ? RunWarning::Kind::NoDifference : RunWarning::Kind::CoverKept, {}});
  } else {
    thresholds.changeMagnitude = calibration->threshold / float(parameters.sensitivity);
  }
  // Cloud cores: cloud-bright pixels (a little below the opaque-cloud level, which real clouds
  // often just miss) filling a window of 40 m across — larger than a roof, so a new white
  // building is not taken for a cloud. Their soft edges reach some 60 m beyond the core.
  const double pixelSize = scale->pixelSizeM();  // metres on the ground, whatever the CRS
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

  // 2. The block pass: both dates, cropland mask, rules, clean-up. The grid is cut into bands of
  //    columns and those into runs of rows (the units); a thread takes a unit and streams it
  //    from top to bottom in steps of whole block rows, keeping the 2·kHalo rows the next step
  //    needs instead of reading them again (and goes on into the unit below when nobody took
  //    it) — so every block of the images is decoded once (plus the halo rows at the edges of
  //    the units), and blocks farther than kHalo from any cropland not at all. Each step
  //    classifies only the rows it writes and the few its clean-up looks at.
  Feedback blocks = feedback.subRange(0.1, 1.0);
  blocks.setProgress(0.0, "change classes");
  auto writer = raster::ByteRasterWriter::create(scratch, grid);
  if (!writer) return fail(writer.error());
  auto evidenceWriter = raster::ByteRasterWriter::create(evidenceScratch, grid);
  if (!evidenceWriter) return fail(evidenceWriter.error());
  const int threads = std::max(1, parameters.threads);
  // Blocks of the images that lie farther than kHalo from every cropland pixel are not read
  // (their pixels are zero in the buffers): on a tiled image only; a strip is decoded whole.
  const int blockWidth = std::clamp(before->blockSize().first, 1, grid.width);
  std::optional<CroplandNearness> nearness;
  if (hasCropland && blockWidth < grid.width && blockPassProbe().skipFarBlocks)
    nearness.emplace(samplePresence, sampleW, sampleH, grid);
  std::vector<std::uint8_t>().swap(samplePresence);
  const int pieceColumns = std::min(grid.width, std::max(1, kPieceColumns / blockWidth) * blockWidth);
  // The scratch buffer of such reads (one piece of all bands) is planned with the step the plan
  // would have without it (a plan with it has the same step or a smaller one).
  const auto scratchFloats = [&](const BlockPlan& p) {
    return nearness ? std::int64_t(bandCount) * std::min(p.rowStep, grid.height) * pieceColumns : std::int64_t(0);
  };
  const auto planWith = [&](std::int64_t scratchBytes) {
    return planBlockPass(grid, before->blockSize(), threads, int(bandCount), parameters.memoryMb,
                         gdal::blockCacheBytes(), scratchBytes);
  };
  const BlockPlan plan = planWith(4 * scratchFloats(planWith(0)));
  const std::size_t pieceFloats = std::size_t(scratchFloats(plan));
  std::atomic<std::int64_t> pixelsRead{0};
  // Units are claimed one at a time: first the one below the unit a thread has just done (it goes
  // on with the rows it holds, as if the two were one unit), else the first one left.
  std::vector<std::atomic<bool>> taken(plan.units.size());
  const auto claim = [&](std::size_t u) { return u < taken.size() && !taken[u].exchange(true); };
  const auto claimFirst = [&]() {
    std::size_t u = 0;
    while (u < taken.size() && !claim(u)) ++u;
    return u;
  };
  const auto below = [&](std::size_t u) {
    for (std::size_t v = 0; v < plan.units.size(); ++v)
      if (plan.units[v].x0 == plan.units[u].x0 && plan.units[v].y0 == plan.units[u].y1) return v;
    return plan.units.size();
  };
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
    std::vector<float> vb, va, texB, texA, columnSums, magnitudes, meanMagnitudes, piece;
    std::vector<std::pair<int, int>> runs;  // columns [x0, x1) of the buffer a step reads
    std::int64_t read = 0;                  // pixels of one date read by this thread
    TextureScratch textureScratch;
    std::vector<int> cloudCount;
    std::vector<std::uint8_t> mask, classes, changed, evidence, cloud, cloudRaw, cleaned, interior, interiorEvidence,
        scratchClasses, rowFlags, columnOr, columnNear, candidates, candidateRows, croplandStrips, need;
    std::vector<float> zeroRow;  // a before-date texture of 0 for the pre-test
    {
      // Their largest sizes up front: no reallocation (and no transient second copy) later.
      const std::size_t columns = std::size_t(plan.maxColumns);
      const std::size_t written = std::size_t(plan.rowStep + kHalo) * columns;
      const std::size_t classRows = std::size_t(plan.rowStep + kHalo + 2 * kClassMargin) * columns;
      const std::size_t textureRows = classRows + std::size_t(2 * kShift) * columns;
      vb.reserve(bandCount * std::size_t(capacity) * columns);
      va.reserve(bandCount * std::size_t(capacity) * columns);
      columnSums.resize(columns);
      magnitudes.reserve(classRows + 2 * columns);
      meanMagnitudes.reserve(classRows);
      zeroRow.assign(columns, 0.0f);
      texB.reserve(textureRows);
      texA.reserve(textureRows);
      cloud.reserve(std::size_t(capacity) * columns);
      cloudRaw.resize(std::size_t(capacity) * columns);
      cloudCount.reserve((columns + 1) * std::size_t(capacity + 1));
      for (auto* v : {&mask, &classes, &changed, &evidence, &scratchClasses, &cleaned, &candidates}) v->reserve(classRows);
      interior.reserve(written);
      interiorEvidence.reserve(written);
      piece.resize(pieceFloats);
    }
    int bufTop = 0, bufRows = 0, nextRead = 0;  // the rows held, kept from a unit to the one below
    bool goOn = false;
    for (std::size_t u = claimFirst(); u < plan.units.size();) {
      const Unit& unit = plan.units[u];
      const int rx0 = std::max(0, unit.x0 - kHalo), rx1 = std::min(grid.width, unit.x1 + kHalo);
      const int rw = rx1 - rx0;
      const std::size_t RW = std::size_t(rw);
      const std::size_t plane = std::size_t(capacity) * RW;
      vb.resize(bandCount * plane);
      va.resize(bandCount * plane);
      const int readTop = std::max(0, unit.y0 - kHalo), readEnd = std::min(grid.height, unit.y1 + kHalo);
      if (!goOn) bufTop = readTop, bufRows = 0, nextRead = readTop;
      int outY = unit.y0;
      while (outY < unit.y1) {
        if (errors.failed() || blocks.isCanceled()) return;
        // Read up to the next multiple of the step (a block row boundary).
        const int readTo = std::min(readEnd, (nextRead / plan.rowStep + 1) * plan.rowStep);
        const raster::Window rows{rx0, nextRead, rw, readTo - nextRead};
        const std::size_t newPixels = std::size_t(rows.pixelCount());
        const std::size_t at = std::size_t(bufRows) * RW;
        // The runs of block columns of these rows that cropland lies near enough to.
        runs.clear();
        if (nearness) {
          for (int x = rx0; x < rx1;) {
            const int end = std::min(rx1, (x / blockWidth + 1) * blockWidth);
            if (nearness->near(x, end, rows.yOff, rows.yOff + rows.height)) {
              if (!runs.empty() && runs.back().second == x - rx0) runs.back().second = end - rx0;
              else runs.emplace_back(x - rx0, end - rx0);
            }
            x = end;
          }
        } else {
          runs.emplace_back(0, rw);
        }
        if (runs.size() == 1 && runs[0] == std::pair<int, int>(0, rw)) {
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
          read += std::int64_t(newPixels);
        } else {
          // Columns no run reads: zero (finite, not cloud) on both dates.
          for (int y = 0; y < rows.height; ++y) {
            const std::size_t row = at + std::size_t(y) * RW;
            int from = 0;
            for (std::size_t r = 0; r <= runs.size(); ++r) {
              const int to = r < runs.size() ? runs[r].first : rw;
              if (to > from) {
                for (std::size_t band = 0; band < bandCount; ++band) {
                  std::fill_n(vb.data() + band * plane + row + std::size_t(from), to - from, 0.0f);
                  std::fill_n(va.data() + band * plane + row + std::size_t(from), to - from, 0.0f);
                }
                std::fill_n(cloudRaw.data() + row + std::size_t(from), to - from, std::uint8_t(0));
              }
              if (r < runs.size()) from = runs[r].second;
            }
          }
          // The runs, a few blocks' columns at a time through the scratch buffer.
          for (const auto& [x0, x1] : runs)
            for (int p0 = x0; p0 < x1;) {
              const int p1 = std::min(x1, ((rx0 + p0) / blockWidth) * blockWidth + pieceColumns - rx0);
              const raster::Window part{rx0 + p0, rows.yOff, p1 - p0, rows.height};
              const std::size_t pw = std::size_t(part.width), pn = std::size_t(part.pixelCount());
              if (auto st = b->readInto(part, bands.before, piece.data(), pn); !st) return stop(st.error());
              for (std::size_t band = 0; band < bandCount; ++band)
                for (int y = 0; y < rows.height; ++y)
                  std::copy_n(piece.data() + band * pn + std::size_t(y) * pw, pw,
                              vb.data() + band * plane + at + std::size_t(y) * RW + std::size_t(p0));
              if (auto st = a->readInto(part, bands.after, piece.data(), pn); !st) return stop(st.error());
              for (int y = 0; y < rows.height; ++y) {
                const std::size_t k = at + std::size_t(y) * RW + std::size_t(p0);
                for (std::size_t band = 0; band < bandCount; ++band)
                  normalizeBand(piece.data() + band * pn + std::size_t(y) * pw, pw, normalization.bands[band],
                                va.data() + band * plane + k);
                if (thresholds.cloudMask)
                  cloudCandidates(vb.data() + k, va.data() + k, plane, pw, cloudCandidate, cloudRaw.data() + k);
              }
              read += std::int64_t(pn);
              p0 = p1;
            }
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
          const int strips = textureStrips(rw);
          const int classOffset = c0 - t0;  // the texture row of class row 0
          // The strips of kTextureStripWidth columns of each class row that hold cropland.
          const auto stripColumns = [&](int s) {
            return std::pair<int, int>(s * kTextureStripWidth, std::min(rw, (s + 1) * kTextureStripWidth));
          };
          croplandStrips.resize(std::size_t(ch) * std::size_t(strips));
          for (int cy = 0; cy < ch; ++cy) {
            const std::uint8_t* m = mask.data() + std::size_t(cy) * RW;
            for (int s = 0; s < strips; ++s) {
              const auto [xa, xb] = stripColumns(s);
              croplandStrips[std::size_t(cy) * std::size_t(strips) + std::size_t(s)] =
                  std::uint8_t(nextNonZero(m, xa, xb) < xb);
            }
          }
          if (useTexture) {
            // The after date's texture where the pre-test reads it: on cropland.
            need.assign(std::size_t(th) * std::size_t(strips), 0);
            std::copy(croplandStrips.begin(), croplandStrips.end(),
                      need.begin() + std::ptrdiff_t(classOffset) * std::ptrdiff_t(strips));
            textureOf(va.data() + 3 * plane, rw, bufRows, t0 - bufTop, t1 - bufTop, texA.data(), textureScratch,
                      need.data());
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
          // The summed-area tables of cloud candidates, then of cores, cover only the candidates'
          // bounding box [bx0, bx1) × [by0, by1) (every count outside it is 0).
          int bx0 = rw, bx1 = 0, by0 = bufRows, by1 = 0;
          const auto cloudSum = [&](int x, int y, int r) {
            if (x + r < bx0 || x - r >= bx1 || y + r < by0 || y - r >= by1) return 0;
            return boxSum(cloudCount, bx1 - bx0, by1 - by0, x - bx0, y - by0, r);
          };
          const auto cloudTable = [&]() {
            summedArea(bx1 - bx0, by1 - by0, cloudCount, [&](int x, int y) {
              return int(cloud[std::size_t(y + by0) * RW + std::size_t(x + bx0)]);
            });
          };
          if (anyCloud) {
            cloud.assign(cloudRaw.begin(), cloudRaw.begin() + std::ptrdiff_t(bn));
            for (int y = 0; y < bufRows; ++y) {
              const std::uint8_t* row = cloud.data() + std::size_t(y) * RW;
              int last = -1;
              for (int x = nextNonZero(row, 0, rw); x < rw; x = nextNonZero(row, x + 1, rw)) {
                bx0 = std::min(bx0, x);
                last = x;
              }
              if (last < 0) continue;
              bx1 = std::max(bx1, last + 1);
              by0 = std::min(by0, y);
              by1 = y + 1;
            }
            cloudTable();
            for (int y = by0; y < by1; ++y) {
              std::uint8_t* row = cloud.data() + std::size_t(y) * RW;
              for (int x = nextNonZero(row, bx0, bx1); x < bx1; x = nextNonZero(row, x + 1, bx1)) {
                std::uint8_t& c = row[x];
                const int window = (std::min(rw, x + coreRadius + 1) - std::max(0, x - coreRadius)) *
                                   (std::min(bufRows, y + coreRadius + 1) - std::max(0, y - coreRadius));
                c = 10 * cloudSum(x, y, coreRadius) >= 9 * window ? 1 : 0;
              }
            }
            cloudTable();
          }
          changed.resize(cn);
          std::fill(changed.begin(), changed.end(), std::uint8_t(0));
          evidence.resize(cn);
          std::fill(evidence.begin(), evidence.end(), std::uint8_t(0));
          const float growThreshold = kGrowThreshold * thresholds.changeMagnitude;
          // Change magnitudes of the class rows and the rows beside them, then their 3 × 3
          // means at the class rows: the magnitude the rules test.
          const int m0 = std::max(bufTop, c0 - 1), m1 = std::min(bufEnd, c1 + 1);
          magnitudes.resize(std::size_t(m1 - m0) * RW);
          meanMagnitudes.resize(cn);
          for (int y = m0; y < m1; ++y) {
            const std::size_t row = std::size_t(y - bufTop) * RW;
            magnitudesOf(vb.data() + row, va.data() + row, plane, bands, thresholds.bandWeights, rw,
                         magnitudes.data() + std::size_t(y - m0) * RW);
          }
          for (int cy = 0; cy < ch; ++cy) {
            const int y = c0 + cy;
            const float* here = magnitudes.data() + std::size_t(y - m0) * RW;
            meanOfNeighbours(y - 1 >= m0 ? here - RW : nullptr, here, y + 1 < m1 ? here + RW : nullptr, rw,
                             columnSums.data(), meanMagnitudes.data() + std::size_t(cy) * RW);
          }
          // The pre-test: cropland whose change reaches the growth threshold or whose after-date
          // texture alone reaches the rise (the before date's texture is at least 0, so no other
          // pixel's texture can rise by that much).
          candidates.resize(cn);
          candidateRows.resize(std::size_t(ch));
          for (int cy = 0; cy < ch; ++cy) {
            const std::size_t textureRow = std::size_t(cy + classOffset) * RW;
            std::uint8_t* flagged = candidates.data() + std::size_t(cy) * RW;
            const std::uint8_t* rowStrips = croplandStrips.data() + std::size_t(cy) * std::size_t(strips);
            bool any = false;
            // Runs of strips with cropland; the others have no candidate.
            for (int s = 0; s < strips;) {
              const int s0 = s;
              const bool onCropland = rowStrips[s] != 0;
              while (s < strips && (rowStrips[s] != 0) == onCropland) ++s;
              const int xa = stripColumns(s0).first, xb = stripColumns(s - 1).second;
              if (!onCropland) {
                std::fill(flagged + xa, flagged + xb, std::uint8_t(0));
                continue;
              }
              any |= flagCandidates(meanMagnitudes.data() + std::size_t(cy) * RW + std::size_t(xa), xb - xa,
                                    zeroRow.data(), texA.data() + textureRow + std::size_t(xa),
                                    mask.data() + std::size_t(cy) * RW + std::size_t(xa), growThreshold,
                                    thresholds.texture, flagged + xa);
            }
            candidateRows[std::size_t(cy)] = std::uint8_t(any);
          }
          if (useTexture) {
            // The before date's texture where the rules read it: at those pixels and beside them.
            need.assign(std::size_t(th) * std::size_t(strips), 0);
            for (int cy = 0; cy < ch; ++cy) {
              if (!candidateRows[std::size_t(cy)]) continue;
              const std::uint8_t* flagged = candidates.data() + std::size_t(cy) * RW;
              for (int s = 0; s < strips; ++s) {
                const int xa = std::max(0, s * kTextureStripWidth - 1), xb = std::min(rw, (s + 1) * kTextureStripWidth + 1);
                if (nextNonZero(flagged, xa, xb) >= xb) continue;
                for (int tr = std::max(0, cy + classOffset - 1); tr <= std::min(th - 1, cy + classOffset + 1); ++tr)
                  need[std::size_t(tr) * std::size_t(strips) + std::size_t(s)] = 1;
              }
            }
            textureOf(vb.data() + 3 * plane, rw, bufRows, t0 - bufTop, t1 - bufTop, texB.data(), textureScratch,
                      need.data());
          }
          for (int cy = 0; cy < ch; ++cy) {
            if (!candidateRows[std::size_t(cy)]) continue;
            const int y = c0 - bufTop + cy;  // buffer row
            const int ty = c0 + cy;          // image row (textures)
            const std::size_t row = std::size_t(y) * RW;
            const std::uint8_t* flagged = candidates.data() + std::size_t(cy) * RW;
            for (int x = nextNonZero(flagged, 0, rw); x < rw; x = nextNonZero(flagged, x + 1, rw)) {
              const std::size_t ck = std::size_t(cy) * RW + std::size_t(x);
              const std::size_t k = row + std::size_t(x);
              const PixelBands pb = bandsAt(vb, k);
              const PixelBands pa = bandsAt(va, k);
              const float tb = texAt(texB, x, ty), ta = texAt(texA, x, ty);
              const float direct = meanMagnitudes[ck];
              // The pixels the rules look at: flagCandidates()'s test with both textures.
              if (!(direct >= growThreshold) && !(ta - tb >= thresholds.texture)) continue;
              ChangeClass c = classifyPixel(pb, pa, tb, ta, direct, thresholds);
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
                  const float m = changeMagnitude(bandsAt(vb, kk), pa, thresholds.bandWeights);
                  if (std::isfinite(m)) shifted = std::min(shifted, m);
                  textureBefore = std::max(textureBefore, texAt(texB, xx, ty + dy));
                }
              // The 3 × 3 mean decides, but a pixel beside strong change must have changed itself
              // too (half the threshold, as growth): the mean alone would widen every patch by a pixel.
              const float own = magnitudes[std::size_t(ty - m0) * RW + std::size_t(x)];
              if (c == ChangeClass::Trees ? ta - textureBefore < thresholds.texture
                                          : c != ChangeClass::None &&
                                                (shifted < thresholds.changeMagnitude || !(own >= growThreshold)))
                c = ChangeClass::None;
              // Near an opaque cloud, a change towards the cloud's spectrum is its thin edge (or
              // haze), not new concrete: such pixels are masked like the cloud itself.
              if (anyCloud) {
                if (cloudSum(x, y, hazeRadius) > 0 &&
                    (isThinCloudOver(pb, pa, cloudSpectrum) || isThinCloudOver(pa, pb, cloudSpectrum)))
                  continue;
              }
              classes[ck] = std::uint8_t(c);
              evidence[ck] = evidenceByte(c == ChangeClass::Trees ? (ta - textureBefore) / thresholds.texture
                                                                  : shifted / thresholds.changeMagnitude);
              anyClass |= c != ChangeClass::None;
              // Hysteresis: growth needs only half the change threshold (seeds need all of it).
              changed[ck] = shifted >= growThreshold && own >= growThreshold ? 1 : 0;
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
          const int width = inner.width;  // a local: byte stores could alias `inner`
          for (int y = 0; y < inner.height; ++y) {
            const std::size_t from = std::size_t(y + outY - c0) * RW + std::size_t(unit.x0 - rx0);
            const std::uint8_t* const src = cleaned.data() + from;
            const std::uint8_t* const strength = evidence.data() + from;
            std::uint8_t* const dst = interior.data() + std::size_t(y) * std::size_t(width);
            std::uint8_t* const dstStrength = interiorEvidence.data() + std::size_t(y) * std::size_t(width);
            std::copy_n(src, width, dst);
            // The evidence of change pixels only (both loads unconditional, so the loop vectorises).
            for (int x = 0; x < width; ++x) dstStrength[x] = std::uint8_t(strength[x] & (src[x] != 0 ? 0xFF : 0x00));
          }
          const bool anyOut = nextNonZero(interior.data(), 0, int(interior.size())) < int(interior.size());
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
        // Keep the rows the next step's halo needs: the cloud candidates of kHalo rows, the pixel
        // values of the kValueRows rows its textures and rules read (above them the planes keep
        // stale values that nothing reads).
        const int keepFrom = std::max(bufTop, outY - kHalo);
        const int valuesFrom = std::max(keepFrom, outY - kValueRows);
        const std::size_t drop = std::size_t(keepFrom - bufTop) * RW, keep = std::size_t(bufEnd - keepFrom) * RW;
        const std::size_t stale = std::size_t(valuesFrom - keepFrom) * RW;
        if (drop > 0) {
          for (std::size_t band = 0; band < bandCount; ++band) {
            std::copy_n(vb.data() + band * plane + drop + stale, keep - stale, vb.data() + band * plane + stale);
            std::copy_n(va.data() + band * plane + drop + stale, keep - stale, va.data() + band * plane + stale);
          }
          if (thresholds.cloudMask) std::copy_n(cloudRaw.data() + drop, keep, cloudRaw.data());
        }
        bufTop = keepFrom;
        bufRows = bufEnd - keepFrom;
      }
      // Go on with the unit below if nobody took it: the rows held are those its first step needs.
      const std::size_t down = below(u);
      goOn = claim(down);
      u = goOn ? down : claimFirst();
    }
    pixelsRead += read;
  };
  runOnThreads(threads, work);
  blockPassProbe().pixelsRead = pixelsRead.load();
  if (auto st = errors.status(); !st) return st;
  if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled");
  if (auto st = writer->close(); !st) return st;
  return evidenceWriter->close();
}

}  // namespace onemap::change::detail
