#include "onemap/analysis/change_evaluation.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <span>
#include <vector>

#include "onemap/base/text.h"
#include "onemap/raster/polygon_rasterizer.h"
#include "onemap/raster/raster_source.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::analysis {
namespace {

using raster::Grid;
using raster::PolygonRasterizer;
using raster::Window;

// Planar area of the polygons in ISO WKB (Polygon, MultiPolygon, GeometryCollection; Z/M ignored).
class WkbArea {
 public:
  explicit WkbArea(std::span<const unsigned char> wkb) : m_wkb(wkb) {}
  double area() {
    const double a = geometry(0);
    return m_ok ? a : 0.0;
  }

 private:
  bool need(std::size_t bytes) {
    if (m_pos + bytes > m_wkb.size()) m_ok = false;
    return m_ok;
  }
  std::uint32_t u32() {
    if (!need(4)) return 0;
    std::uint32_t v = 0;
    std::memcpy(&v, m_wkb.data() + m_pos, 4);
    m_pos += 4;
    return m_little ? v : std::byteswap(v);
  }
  double f64() {
    if (!need(8)) return 0.0;
    std::uint64_t v = 0;
    std::memcpy(&v, m_wkb.data() + m_pos, 8);
    m_pos += 8;
    if (!m_little) v = std::byteswap(v);
    double d = 0.0;
    std::memcpy(&d, &v, 8);
    return d;
  }
  double geometry(int depth) {
    if (depth > 32 || !need(1)) {
      m_ok = false;
      return 0.0;
    }
    m_little = m_wkb[m_pos++] == 1;
    const std::uint32_t type = u32();
    const std::uint32_t base = type % 1000;
    const int dims = 2 + (type / 1000 == 1 || type / 1000 == 2 ? 1 : type / 1000 == 3 ? 2 : 0);
    if (base == 3) return polygon(dims);
    if (base == 6 || base == 7) {
      double sum = 0.0;
      for (std::uint32_t n = u32(), i = 0; m_ok && i < n; ++i) sum += geometry(depth + 1);
      return sum;
    }
    m_ok = false;  // points and lines have no area, and we cannot skip them without parsing
    return 0.0;
  }
  double polygon(int dims) {
    double total = 0.0;
    for (std::uint32_t rings = u32(), r = 0; m_ok && r < rings; ++r) {
      const std::uint32_t points = u32();
      if (!need(std::size_t(points) * dims * 8)) return 0.0;
      double sum = 0.0, x0 = 0.0, y0 = 0.0, px = 0.0, py = 0.0;
      for (std::uint32_t i = 0; i < points; ++i) {
        const double x = f64(), y = f64();
        for (int d = 2; d < dims; ++d) f64();
        if (i == 0) x0 = x, y0 = y;
        else sum += (px - x0) * (y - y0) - (x - x0) * (py - y0);
        px = x, py = y;
      }
      total += (r == 0 ? 1.0 : -1.0) * std::abs(sum) / 2.0;
    }
    return total;
  }

  std::span<const unsigned char> m_wkb;
  std::size_t m_pos = 0;
  bool m_little = true;
  bool m_ok = true;
};

// Area (grid CRS units²) of each feature, by the 1-based index `rasterizer` burns.
Result<std::vector<double>> areasByIndex(const LayerRef& ref, const std::string& crsWkt,
                                         const PolygonRasterizer& rasterizer) {
  auto reader = vector::FeatureReader::open(ref.path, ref.layer);
  if (!reader) return fail(reader.error());
  vector::ReadOptions read;
  read.targetCrs = reader->layer().crsWkt.empty() ? std::string() : crsWkt;
  read.fields = std::vector<std::string>{};
  std::vector<std::pair<std::int64_t, double>> byFid;
  auto report = reader->forEach(read, nullptr, [&](const vector::Feature& feature) {
    byFid.emplace_back(feature.fid, WkbArea(feature.wkb).area());
    return true;
  });
  if (!report) return fail(report.error());
  std::sort(byFid.begin(), byFid.end());
  std::vector<double> areas(static_cast<std::size_t>(rasterizer.featureCount()) + 1, 0.0);
  for (std::size_t i = 1; i < areas.size(); ++i) {
    const std::int64_t fid = rasterizer.fidOf(static_cast<std::int32_t>(i));
    const auto it = std::lower_bound(byFid.begin(), byFid.end(), std::pair<std::int64_t, double>(fid, -1e300));
    if (it != byFid.end() && it->first == fid) areas[i] = it->second;
  }
  return areas;
}

Result<PolygonRasterizer> openRasterizer(const LayerRef& ref, const Grid& grid) {
  raster::RasterizeOptions options;
  options.layerName = ref.layer;
  return PolygonRasterizer::open(ref.path, grid, options);
}

bool isGeographicWkt(const std::string& wkt) {
  return wkt.starts_with("GEOGCRS") || wkt.starts_with("GEOGCS") || wkt.starts_with("GEOGRAPHICCRS");
}

// Rows of the grid in strips of at most `maxPixels` pixels.
std::vector<Window> rowStrips(const Grid& grid, std::int64_t maxPixels) {
  const int rows = static_cast<int>(std::clamp<std::int64_t>(maxPixels / std::max(1, grid.width), 1, grid.height));
  std::vector<Window> out;
  for (int y = 0; y < grid.height; y += rows) out.push_back(Window{0, y, grid.width, std::min(rows, grid.height - y)});
  return out;
}

Result<Grid> vectorGrid(const vector::FeatureReader& truth, const ChangeEvaluationOptions& options) {
  const std::string context = text::displayPath(options.truth.path);
  const std::string& crs = truth.layer().crsWkt;
  if (isGeographicWkt(crs))
    return fail(ErrorCode::InvalidInput, "the truth layer is in a geographic CRS (degrees)", context,
                "reproject it to a projected CRS in metres such as a CGCS2000 Gauss-Krüger zone (EPSG:4549)");
  if (!(options.resolution > 0.0))
    return fail(ErrorCode::InvalidInput, "the resolution must be greater than 0", context);
  Extent extent = truth.layer().extent;
  std::vector<LayerRef> others{options.patches};
  if (options.distractors) others.push_back(*options.distractors);
  for (const auto& ref : others) {
    auto reader = vector::FeatureReader::open(ref.path, ref.layer);
    if (!reader) return fail(reader.error());
    const auto e = crs.empty() || reader->layer().crsWkt.empty() ? std::optional<Extent>(reader->layer().extent)
                                                                 : reader->extentIn(crs);
    if (e && !e->isEmpty()) extent.include(*e);
  }
  if (extent.isEmpty())
    return fail(ErrorCode::InvalidInput, "nothing to evaluate: the truth and patch layers are empty", context);
  const double r = options.resolution;
  const double minX = std::floor(extent.minX() / r) * r, maxY = std::ceil(extent.maxY() / r) * r;
  const double width = std::max(1.0, std::ceil((extent.maxX() - minX) / r));
  const double height = std::max(1.0, std::ceil((maxY - extent.minY()) / r));
  if (width > 200000 || height > 200000)
    return fail(ErrorCode::InvalidInput,
                "the evaluation grid would be " + std::to_string(std::int64_t(width)) + " x " +
                    std::to_string(std::int64_t(height)) + " pixels",
                context, "use a coarser resolution");
  Grid grid;
  grid.width = static_cast<int>(width);
  grid.height = static_cast<int>(height);
  grid.geoTransform = {minX, r, 0.0, maxY, 0.0, -r};
  grid.crsWkt = crs;
  return grid;
}

double share(std::int64_t part, std::int64_t whole) { return whole > 0 ? double(part) / double(whole) : 0.0; }

// Per-patch bookkeeping of one layer: hit by the other side, and (with an AOI) seen inside it.
struct PatchMarks {
  std::vector<char> hit, inAoi;
  explicit PatchMarks(std::int64_t count) : hit(std::size_t(count) + 1, 0), inAoi(std::size_t(count) + 1, 0) {}
};

Status checkCanceled(Feedback* feedback, std::size_t done, std::size_t total) {
  if (feedback == nullptr) return {};
  if (feedback->isCanceled()) return fail(ErrorCode::Canceled, "the evaluation was canceled");
  feedback->setProgress(double(done) / double(std::max<std::size_t>(total, 1)), "Evaluating");
  return {};
}

Result<ChangeEvaluation> evaluateRaster(const ChangeEvaluationOptions& options, raster::RasterSource reference,
                                        Feedback* feedback) {
  ChangeEvaluation result;
  result.rasterTruth = true;
  const Grid& grid = reference.grid();
  auto patches = openRasterizer(options.patches, grid);
  if (!patches) return fail(patches.error());
  std::optional<PolygonRasterizer> aoi;
  if (options.aoi) {
    auto opened = openRasterizer(*options.aoi, grid);
    if (!opened) return fail(opened.error());
    aoi.emplace(std::move(*opened));
  }
  const auto windows = reference.blockWindows(std::max<std::int64_t>(1, options.memoryBudgetBytes / 6));
  std::vector<float> truth;
  std::vector<std::uint8_t> detected, inside;
  const int band = 1;
  PixelScores& s = result.pixels;
  for (std::size_t w = 0; w < windows.size(); ++w) {
    if (auto ok = checkCanceled(feedback, w, windows.size()); !ok) return fail(ok.error());
    const Window& window = windows[w];
    if (auto ok = reference.read(window, std::span<const int>(&band, 1), truth); !ok) return fail(ok.error());
    if (auto ok = patches->burn(window, detected); !ok) return fail(ok.error());
    if (aoi)
      if (auto ok = aoi->burn(window, inside); !ok) return fail(ok.error());
    for (std::size_t i = 0; i < truth.size(); ++i) {
      if (aoi && inside[i] == 0) continue;
      const float v = truth[i];
      if (!(v == 1.0f || v == 2.0f)) continue;  // unlabelled, nodata or unknown class
      const bool changed = v == 2.0f, flagged = detected[i] != 0;
      (changed ? (flagged ? s.truePositives : s.falseNegatives) : (flagged ? s.falsePositives : s.trueNegatives))++;
    }
  }
  computeScores(s);
  result.gridWidth = grid.width;
  result.gridHeight = grid.height;
  result.pixelSize = std::abs(grid.geoTransform[1]);
  result.crsWkt = grid.crsWkt;
  return result;
}

Result<ChangeEvaluation> evaluateVector(const ChangeEvaluationOptions& options, const vector::FeatureReader& truthReader,
                                        Feedback* feedback) {
  auto gridResult = vectorGrid(truthReader, options);
  if (!gridResult) return fail(gridResult.error());
  const Grid grid = *gridResult;
  ChangeEvaluation result;
  result.gridWidth = grid.width;
  result.gridHeight = grid.height;
  result.pixelSize = options.resolution;
  result.crsWkt = grid.crsWkt;
  result.hasDistractors = options.distractors.has_value();

  auto truth = openRasterizer(options.truth, grid);
  if (!truth) return fail(truth.error());
  auto patches = openRasterizer(options.patches, grid);
  if (!patches) return fail(patches.error());
  std::optional<PolygonRasterizer> distractors, aoi;
  if (options.distractors) {
    auto opened = openRasterizer(*options.distractors, grid);
    if (!opened) return fail(opened.error());
    distractors.emplace(std::move(*opened));
  }
  if (options.aoi) {
    auto opened = openRasterizer(*options.aoi, grid);
    if (!opened) return fail(opened.error());
    aoi.emplace(std::move(*opened));
  }
  auto truthAreas = areasByIndex(options.truth, grid.crsWkt, *truth);
  if (!truthAreas) return fail(truthAreas.error());
  std::vector<double> distractorAreas;
  if (distractors) {
    auto areas = areasByIndex(*options.distractors, grid.crsWkt, *distractors);
    if (!areas) return fail(areas.error());
    distractorAreas = std::move(*areas);
  }

  PatchMarks truthMarks(truth->featureCount()), detectedMarks(patches->featureCount()),
      distractorMarks(distractors ? distractors->featureCount() : 0);
  std::vector<std::int32_t> truthIds, detectedIds, distractorIds;
  std::vector<std::uint8_t> inside;
  PixelScores& s = result.pixels;
  const auto windows = rowStrips(grid, std::max<std::int64_t>(1, options.memoryBudgetBytes / 13));
  for (std::size_t w = 0; w < windows.size(); ++w) {
    if (auto ok = checkCanceled(feedback, w, windows.size()); !ok) return fail(ok.error());
    const Window& window = windows[w];
    if (auto ok = truth->burnIds(window, truthIds); !ok) return fail(ok.error());
    if (auto ok = patches->burnIds(window, detectedIds); !ok) return fail(ok.error());
    if (distractors)
      if (auto ok = distractors->burnIds(window, distractorIds); !ok) return fail(ok.error());
    if (aoi)
      if (auto ok = aoi->burn(window, inside); !ok) return fail(ok.error());
    for (std::size_t i = 0; i < truthIds.size(); ++i) {
      if (aoi && inside[i] == 0) continue;
      const auto t = std::size_t(truthIds[i]), d = std::size_t(detectedIds[i]);
      const auto x = distractors ? std::size_t(distractorIds[i]) : 0;
      (t ? (d ? s.truePositives : s.falseNegatives) : (d ? s.falsePositives : s.trueNegatives))++;
      truthMarks.inAoi[t] = detectedMarks.inAoi[d] = distractorMarks.inAoi[x] = 1;
      if (t && d) truthMarks.hit[t] = detectedMarks.hit[d] = 1;
      if (x && d) distractorMarks.hit[x] = 1;
    }
  }
  computeScores(s);

  // Without an AOI every patch counts, also one too small to own a pixel; with one, those seen inside it.
  auto counted = [&](const PatchMarks& marks, std::size_t i) { return !aoi || marks.inAoi[i] != 0; };
  PatchScores p;
  for (std::size_t i = 1; i < truthMarks.hit.size(); ++i) {
    if (!counted(truthMarks, i) || (*truthAreas)[i] < options.minAreaM2) continue;
    ++p.truthPatches;
    p.truthDetected += truthMarks.hit[i];
  }
  for (std::size_t i = 1; i < detectedMarks.hit.size(); ++i) {
    if (!counted(detectedMarks, i)) continue;
    ++p.detectedPatches;
    p.detectedMatching += detectedMarks.hit[i];
  }
  for (std::size_t i = 1; i < distractorMarks.hit.size(); ++i) {
    if (!counted(distractorMarks, i) || distractorAreas[i] < options.minAreaM2) continue;
    ++p.distractors;
    p.distractorsFlagged += distractorMarks.hit[i];
  }
  p.recall = share(p.truthDetected, p.truthPatches);
  p.precision = share(p.detectedMatching, p.detectedPatches);
  p.distractorsFlaggedShare = share(p.distractorsFlagged, p.distractors);
  result.patches = p;
  return result;
}

}  // namespace

void computeScores(PixelScores& s) {
  s.precision = share(s.truePositives, s.truePositives + s.falsePositives);
  s.recall = share(s.truePositives, s.truePositives + s.falseNegatives);
  s.f1 = share(2 * s.truePositives, 2 * s.truePositives + s.falsePositives + s.falseNegatives);
  s.iou = share(s.truePositives, s.truePositives + s.falsePositives + s.falseNegatives);
}

Result<ChangeEvaluation> evaluateChange(const ChangeEvaluationOptions& options, Feedback* feedback) {
  auto truthVector = vector::FeatureReader::open(options.truth.path, options.truth.layer);
  Result<ChangeEvaluation> result = fail(ErrorCode::Internal, "not evaluated");
  if (truthVector) {
    result = evaluateVector(options, *truthVector, feedback);
  } else {
    if (truthVector.error().code != ErrorCode::Unsupported || !options.truth.layer.empty())
      return fail(truthVector.error());
    auto reference = raster::RasterSource::open(options.truth.path);
    if (!reference) {
      Error error = reference.error();
      error.hint = "the truth must be a polygon layer or a reference raster (0 unlabelled, 1 unchanged, 2 changed)";
      return fail(error);
    }
    result = evaluateRaster(options, std::move(*reference), feedback);
  }
  if (result && feedback != nullptr) feedback->setProgress(1.0, "Evaluating");
  return result;
}

}  // namespace onemap::analysis
