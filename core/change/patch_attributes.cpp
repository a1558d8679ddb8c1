#include "patch_attributes.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <functional>
#include <optional>
#include <span>

#include "class_map.h"
#include "ground_measure.h"
#include "onemap/base/worker_pool.h"
#include "onemap/geos/geometry.h"
#include "onemap/raster/polygon_rasterizer.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::change::detail {
namespace {

/// Widest mean width (m) of a strip of built change still called a road (highways with verges).
constexpr double kRoadMaxWidthM = 40.0;

std::string upper(std::string s) {
  for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string textOf(const vector::AttributeValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return {};
}

/// One overlay layer opened once; queried per patch by its extent.
class Overlay {
 public:
  static Result<Overlay> open(const LayerRef& ref, const std::string& crs, std::vector<std::string> wanted,
                              std::string attributeFilter = {}) {
    auto reader = vector::FeatureReader::open(ref.path, ref.layer);
    if (!reader) return fail(reader.error());
    std::vector<std::string> fields;
    for (const auto& w : wanted) {
      std::string found;
      for (const auto& f : reader->layer().fields)
        if (upper(f.name) == w) found = f.name;
      fields.push_back(found);
    }
    return Overlay(std::move(*reader), crs, std::move(fields), std::move(attributeFilter));
  }
  /// Calls `visit(geometry, values)` for every feature whose extent meets `extent`.
  Status query(const Extent& extent, const std::function<void(const geos::Geometry&, const std::vector<std::string>&)>& visit) {
    vector::ReadOptions options;
    options.targetCrs = m_crs;
    options.filter = extent;
    options.attributeFilter = m_attributeFilter;
    std::vector<std::string> names;
    for (const auto& f : m_fields)
      if (!f.empty()) names.push_back(f);
    options.fields = names;
    auto result = m_reader.forEach(options, nullptr, [&](const vector::Feature& feature) {
      auto g = geos::Geometry::fromWkb(feature.wkb);
      if (!g) return true;
      std::vector<std::string> values;
      std::size_t k = 0;
      for (const auto& f : m_fields) values.push_back(f.empty() ? std::string() : textOf(feature.attributes[k++]));
      visit(*g, values);
      return true;
    });
    if (!result) return fail(result.error());
    return {};
  }

 private:
  Overlay(vector::FeatureReader reader, std::string crs, std::vector<std::string> fields, std::string attributeFilter)
      : m_reader(std::move(reader)),
        m_crs(std::move(crs)),
        m_fields(std::move(fields)),
        m_attributeFilter(std::move(attributeFilter)) {}
  vector::FeatureReader m_reader;
  std::string m_crs;
  std::vector<std::string> m_fields;  ///< actual names of the wanted fields ("" = absent)
  std::string m_attributeFilter;
};

/// The overlay layers of a run as one thread reads them.
struct Overlays {
  std::optional<Overlay> villages, cropland, pbf, redLine;

  static Result<Overlays> open(const ChangeInputs& inputs, const std::string& crs, const std::string& croplandFilter) {
    Overlays o;
    if (inputs.villages) {
      auto opened = Overlay::open(*inputs.villages, crs, {"ZLDWDM", "ZLDWMC", "XZQDM"});
      if (!opened) return fail(opened.error());
      o.villages.emplace(std::move(*opened));
    }
    if (!inputs.cropland.path.empty()) {
      auto opened = Overlay::open(inputs.cropland, crs, {"DLBM"}, croplandFilter);
      if (!opened) return fail(opened.error());
      o.cropland.emplace(std::move(*opened));
    }
    if (inputs.pbf) {
      auto opened = Overlay::open(*inputs.pbf, crs, {});
      if (!opened) return fail(opened.error());
      o.pbf.emplace(std::move(*opened));
    }
    if (inputs.redLine) {
      auto opened = Overlay::open(*inputs.redLine, crs, {});
      if (!opened) return fail(opened.error());
      o.redLine.emplace(std::move(*opened));
    }
    return o;
  }
};

/// Sets the overlay attributes of `p` (geometry `g`), its type and its confidence.
/// `perimeter` is g's in metres, `areaScale` the m² of one CRS unit² at the patch.
Status attribute(Patch& p, const geos::Geometry& g, Overlays& overlays, const ChangeParameters& parameters,
                 double pixel, double perimeter, double areaScale) {
  const Extent e = g.extent();
  if (overlays.villages) {
    double best = 0.0;
    if (auto s = overlays.villages->query(e, [&](const geos::Geometry& v, const std::vector<std::string>& values) {
          const double overlap = g.intersectionArea(v);
          if (overlap > best) {
            best = overlap;
            p.villageCode = values[0];
            p.villageName = values[1];
            p.xzqdm = values[2].substr(0, 6);
          }
        }); !s)
      return s;
    if (p.xzqdm.empty() && p.villageCode.size() >= 6) p.xzqdm = p.villageCode.substr(0, 6);
  }
  double bestCrop = 0.0;
  if (overlays.cropland)
    if (auto s = overlays.cropland->query(e, [&](const geos::Geometry& c, const std::vector<std::string>& values) {
          const double overlap = g.intersectionArea(c);
          if (overlap > bestCrop) {
            bestCrop = overlap;
            p.qdlbm = values.empty() ? std::string() : values[0];
          }
        }); !s)
      return s;
  if (overlays.pbf)
    if (auto s = overlays.pbf->query(e, [&](const geos::Geometry& f, const std::vector<std::string>&) {
          p.pbfArea += g.intersectionArea(f) * areaScale;
        }); !s)
      return s;
  if (overlays.redLine)
    if (auto s = overlays.redLine->query(e, [&](const geos::Geometry& r, const std::vector<std::string>&) {
          if (g.intersects(r)) p.redLine = true;
        }); !s)
      return s;
  const double width = perimeter > 0 ? 2.0 * p.area / perimeter : 0.0;  // mean width of a strip
  switch (p.cls) {
    case ChangeClass::Built:
      p.type = "非农化";
      // A road: a strip narrower than 4 pixels (on coarse images at most kRoadMaxWidthM wide)
      // and over six times longer than wide.
      p.subtype = width < std::min(4.0 * pixel, kRoadMaxWidthM) && perimeter / 2.0 > 6.0 * width ? "road" : "building";
      break;
    case ChangeClass::Water: p.type = "非粮化"; p.subtype = "pond"; break;
    case ChangeClass::Trees: p.type = "非粮化"; p.subtype = "orchard_forest"; break;
    case ChangeClass::Bare: p.type = "非农化"; p.subtype = "bare"; break;
    default: p.type = "其他"; p.subtype = "other"; break;
  }
  p.confidence = patchConfidence(p.strength, p.area, parameters.minAreaM2, width, pixel);
  return {};
}

/// Mean change strength of the pixels of `wkb` (the patch's polygon on the evidence grid).
Result<double> meanStrength(const raster::RasterSource& evidence, const geos::Geometry& g,
                            std::span<const unsigned char> wkb, std::vector<float>& values,
                            std::vector<std::uint8_t>& inside) {
  const raster::Grid& grid = evidence.grid();
  const auto& t = grid.geoTransform;
  const double det = t[1] * t[5] - t[2] * t[4];
  if (det == 0) return 0.0;
  const Extent e = g.extent();
  int c0 = grid.width, c1 = 0, r0 = grid.height, r1 = 0;
  for (const auto& [x, y] : {std::pair{e.minX(), e.minY()}, std::pair{e.minX(), e.maxY()}, std::pair{e.maxX(), e.minY()},
                             std::pair{e.maxX(), e.maxY()}}) {
    const double dx = x - t[0], dy = y - t[3];
    const double col = (t[5] * dx - t[2] * dy) / det, row = (t[1] * dy - t[4] * dx) / det;
    c0 = std::min(c0, int(std::floor(col)));
    c1 = std::max(c1, int(std::ceil(col)));
    r0 = std::min(r0, int(std::floor(row)));
    r1 = std::max(r1, int(std::ceil(row)));
  }
  c0 = std::max(c0, 0), r0 = std::max(r0, 0), c1 = std::min(c1, grid.width), r1 = std::min(r1, grid.height);
  if (c1 <= c0 || r1 <= r0) return 0.0;
  const raster::Window window{c0, r0, c1 - c0, r1 - r0};
  if (auto st = raster::burnPolygon(grid, window, wkb, inside); !st) return fail(st.error());
  const int band[] = {1};
  if (auto st = evidence.read(window, band, values); !st) return fail(st.error());
  double sum = 0;
  std::size_t count = 0;
  for (std::size_t i = 0; i < inside.size(); ++i)
    if (inside[i]) {
      sum += std::isfinite(values[i]) ? values[i] : 0.0;
      ++count;
    }
  return count > 0 ? sum / double(count) / kEvidenceUnit : 0.0;
}

/// The patch of `polygon`, or nullopt when it is unreadable or below the minimum area.
/// Areas and lengths are ground metres (`scale`); `unitPixelArea` is a pixel's area in CRS units².
Result<std::optional<Patch>> makePatch(const raster::ValuePolygon& polygon, Overlays& overlays,
                                       const raster::RasterSource& evidence, const ChangeParameters& parameters,
                                       const proj::GroundScale& scale, double unitPixelArea,
                                       std::vector<float>& values, std::vector<std::uint8_t>& inside) {
  auto g = geos::Geometry::fromWkb(polygon.wkb);
  if (!g) return std::optional<Patch>();
  auto size = groundSizeOf(polygon.wkb, scale);
  if (!size) return std::optional<Patch>();
  const double area = size->areaM2;
  const double pixelArea = scale.pixelWidthM * scale.pixelHeightM;
  if (area < parameters.minAreaM2 || area < 4 * pixelArea) return std::optional<Patch>();
  const double pixel = std::sqrt(pixelArea);
  const double unitArea = g->area();
  const double areaScale = unitArea > 0 ? area / unitArea : 0.0;
  Patch p;
  p.cls = ChangeClass(polygon.value);
  p.area = area;
  auto strength = meanStrength(evidence, *g, polygon.wkb, values, inside);
  if (!strength) return fail(strength.error());
  p.strength = *strength;
  const geos::Geometry simplified = g->simplified(std::sqrt(unitPixelArea) * 0.5);
  const Extent e = simplified.extent();
  p.cx = (e.minX() + e.maxX()) / 2;
  p.cy = (e.minY() + e.maxY()) / 2;
  p.wkb = simplified.toWkb();
  auto outline = groundSizeOf(p.wkb, scale);
  const double perimeter = outline ? outline->perimeterM : 0.0;
  if (auto s = attribute(p, simplified, overlays, parameters, pixel, perimeter, areaScale); !s) return fail(s.error());
  return std::optional<Patch>(std::move(p));
}

}  // namespace

Result<std::vector<Patch>> makePatches(const ChangeInputs& inputs, const ChangeParameters& parameters,
                                       const std::string& croplandFilter, const raster::Grid& grid,
                                       const std::filesystem::path& evidencePath,
                                       std::vector<raster::ValuePolygon>& polygons, Feedback& feedback) {
  auto scale = proj::groundScale(grid.crsWkt, grid.geoTransform, grid.width, grid.height);
  if (!scale) return fail(scale.error());
  const double unitPixelArea = std::abs(grid.geoTransform[1] * grid.geoTransform[5] - grid.geoTransform[2] * grid.geoTransform[4]);
  std::vector<std::optional<Patch>> made(polygons.size());
  std::atomic<std::size_t> next{0}, done{0};
  FirstError errors;
  const auto work = [&] {
    const auto stop = [&](const Error& e) { errors.record(e); };
    auto overlays = Overlays::open(inputs, grid.crsWkt, croplandFilter);
    if (!overlays) return stop(overlays.error());
    auto evidence = raster::RasterSource::open(evidencePath);
    if (!evidence) return stop(evidence.error());
    std::vector<float> values;
    std::vector<std::uint8_t> inside;
    for (std::size_t i = next++; i < polygons.size(); i = next++) {
      if (errors.failed() || feedback.isCanceled()) return;
      auto patch = makePatch(polygons[i], *overlays, *evidence, parameters, *scale, unitPixelArea, values, inside);
      if (!patch) return stop(patch.error());
      made[i] = std::move(*patch);
      std::vector<unsigned char>().swap(polygons[i].wkb);
      feedback.setProgress(double(++done) / double(polygons.size()), "attributes");
    }
  };
  runOnThreads(int(std::min(std::size_t(std::max(1, parameters.threads)), std::max<std::size_t>(1, polygons.size()))), work);
  if (auto st = errors.status(); !st) return fail(st.error());
  if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled");
  std::vector<Patch> patches;
  for (auto& patch : made)
    if (patch) patches.push_back(std::move(*patch));
  return patches;
}

double patchConfidence(double strength, double areaM2, double minAreaM2, double widthM, double pixelM) {
  // Strength 0.5 (the least that growth takes) scores 0, ten times the threshold and more 1, on
  // a log scale: change in noise units spans orders of magnitude (a new building on a field
  // stands tens of times above the threshold, a faint one just above it).
  const double spectral = strength > 0.5 ? std::clamp(std::log(strength / 0.5) / std::log(20.0), 0.0, 1.0) : 0.0;
  const double size = 1.0 - std::exp(-(std::max(areaM2 - minAreaM2, 0.0) + 1.0) / 1500.0);
  const double width = pixelM > 0 ? std::min(1.0, widthM / (3.0 * pixelM)) : 0.0;
  return std::clamp(0.2 + 0.45 * spectral + 0.2 * size + 0.15 * width, 0.0, 1.0);
}

}  // namespace onemap::change::detail
