#include "onemap/render/raster_style.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "onemap/raster/band_role.h"
#include "onemap/raster/raster_source.h"
#include "onemap/raster/stretch.h"

namespace onemap::render {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, separator)) {
    const auto first = item.find_first_not_of(' ');
    const auto last = item.find_last_not_of(' ');
    if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
  }
  return out;
}

std::optional<double> toNumber(const std::string& text) {
  try {
    std::size_t used = 0;
    const double v = std::stod(text, &used);
    return used > 0 && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
  } catch (...) {
    return std::nullopt;
  }
}

std::string formatNumber(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", v);
  return buffer;
}

std::optional<int> resolveBand(const std::string& spec, const raster::BandRoleMap& roles) {
  if (!spec.empty() && std::isdigit(static_cast<unsigned char>(spec[0]))) {
    const auto n = toNumber(spec);
    return n && *n >= 1 && *n <= roles.bandCount() ? std::optional<int>(int(*n)) : std::nullopt;
  }
  if (auto role = raster::parseBandRole(spec)) return roles.bandFor(*role);
  return std::nullopt;
}

/// Default drawing: true colour when red/green/blue are known, else the first three bands, else
/// the first band in grey.
std::vector<int> defaultBands(const raster::BandRoleMap& roles) {
  using raster::BandRole;
  auto r = roles.bandFor(BandRole::Red), g = roles.bandFor(BandRole::Green), b = roles.bandFor(BandRole::Blue);
  if (r && g && b) return {*r, *g, *b};
  if (roles.bandCount() >= 3) return {1, 2, 3};
  return {1};
}

}  // namespace

RasterStyle RasterStyle::fromProperties(const std::map<std::string, std::string>& style) {
  RasterStyle s;
  auto text = [&](const char* key) -> std::string {
    auto it = style.find(key);
    return it == style.end() ? std::string() : it->second;
  };
  s.bandSpecs = split(text("bands"), ',');
  const std::string stretch = text("stretch");
  if (stretch == "minmax") s.stretch = Stretch::MinMax;
  else if (stretch == "stddev") s.stretch = Stretch::StdDev;
  if (const auto limits = split(text("stretch_percent"), ','); limits.size() == 2) {
    const auto lo = toNumber(limits[0]);
    const auto hi = toNumber(limits[1]);
    if (lo && hi && *lo >= 0 && *hi <= 100 && *lo < *hi) {
      s.lowPercent = *lo;
      s.highPercent = *hi;
    }
  }
  if (const auto n = toNumber(text("stretch_stddev")); n && *n > 0) s.stdDevFactor = *n;
  for (const auto& pair : split(text("stretch_values"), ';')) {
    const auto v = split(pair, ',');
    if (v.size() != 2) continue;
    const auto lo = toNumber(v[0]);
    const auto hi = toNumber(v[1]);
    if (lo && hi) s.stretchValues.emplace_back(*lo, *hi);
  }
  s.band = text("band");
  if (!text("ramp").empty()) s.ramp = text("ramp");
  s.min = toNumber(text("min"));
  s.max = toNumber(text("max"));
  const std::string mode = text("mode");
  if (mode == "pseudocolor") s.mode = Mode::PseudoColor;
  else if (mode == "grey" || (mode != "rgb" && s.bandSpecs.size() == 1)) s.mode = Mode::Grey;
  return s;
}

void RasterStyle::writeTo(std::map<std::string, std::string>& style) const {
  for (const char* key : {"mode", "bands", "stretch", "stretch_percent", "stretch_stddev", "stretch_values", "band",
                          "ramp", "min", "max"})
    style.erase(key);
  style["mode"] = mode == Mode::PseudoColor ? "pseudocolor" : mode == Mode::Grey ? "grey" : "rgb";
  std::string bands;
  for (const auto& b : bandSpecs) bands += (bands.empty() ? "" : ",") + b;
  if (!bands.empty() && mode != Mode::PseudoColor) style["bands"] = bands;
  style["stretch"] = stretch == Stretch::MinMax ? "minmax" : stretch == Stretch::StdDev ? "stddev" : "percentile";
  if (stretch == Stretch::Percentile && (lowPercent != 2.0 || highPercent != 98.0))
    style["stretch_percent"] = formatNumber(lowPercent) + "," + formatNumber(highPercent);
  if (stretch == Stretch::StdDev && stdDevFactor != 2.0) style["stretch_stddev"] = formatNumber(stdDevFactor);
  if (mode == Mode::PseudoColor) {
    if (!band.empty()) style["band"] = band;
    style["ramp"] = ramp;
    if (min) style["min"] = formatNumber(*min);
    if (max) style["max"] = formatNumber(*max);
    return;
  }
  std::string values;
  for (const auto& [lo, hi] : stretchValues)
    values += (values.empty() ? "" : ";") + formatNumber(lo) + "," + formatNumber(hi);
  if (!values.empty()) style["stretch_values"] = values;
}

Result<std::vector<std::pair<double, double>>> computeDisplayRanges(const raster::RasterSource& source,
                                                                    std::span<const int> bands,
                                                                    const RasterStyle& style) {
  std::vector<std::pair<double, double>> out;
  if (style.stretch != RasterStyle::Stretch::StdDev) {
    const auto method =
        style.stretch == RasterStyle::Stretch::MinMax ? raster::StretchMethod::MinMax : raster::StretchMethod::Percentile;
    auto ranges = raster::computeStretch(source, bands, method, style.lowPercent, style.highPercent);
    if (!ranges) return fail(ranges.error());
    for (const auto& r : *ranges) out.emplace_back(r.min, r.max);
    return out;
  }
  // mean ± N·σ from the same reduced read computeStretch uses.
  const raster::Grid& grid = source.grid();
  const double factor = std::min(1.0, 1024.0 / std::max(grid.width, grid.height));
  const int w = std::max(1, int(std::lround(grid.width * factor)));
  const int h = std::max(1, int(std::lround(grid.height * factor)));
  std::vector<float> pixels;
  if (auto st = source.readResampled(raster::Window{0, 0, grid.width, grid.height}, w, h, bands, pixels); !st)
    return fail(st.error());
  const std::size_t count = std::size_t(w) * std::size_t(h);
  for (std::size_t b = 0; b < bands.size(); ++b) {
    double sum = 0, sumSq = 0, lo = INFINITY, hi = -INFINITY;
    std::size_t n = 0;
    for (std::size_t i = b * count; i < (b + 1) * count; ++i) {
      const double v = pixels[i];
      if (std::isnan(v)) continue;
      sum += v;
      sumSq += v * v;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
      ++n;
    }
    std::pair<double, double> range{0.0, 1.0};
    if (n > 0) {
      const double mean = sum / double(n);
      const double sd = std::sqrt(std::max(0.0, sumSq / double(n) - mean * mean));
      range = {std::max(lo, mean - style.stdDevFactor * sd), std::min(hi, mean + style.stdDevFactor * sd)};
    }
    if (range.second <= range.first) range.second = range.first + 1.0;
    out.push_back(range);
  }
  return out;
}

std::optional<RasterLayerCache::Resolved> RasterLayerCache::resolve(const raster::RasterSource& source,
                                                                     const RasterStyle& style,
                                                                     std::string* error) {
  std::lock_guard lock(m_mutex);
  if (m_resolved) return m_resolved;
  Resolved resolved;
  if (style.mode == RasterStyle::Mode::PseudoColor) {
    const std::string spec = !style.band.empty() ? style.band : !style.bandSpecs.empty() ? style.bandSpecs[0] : "1";
    auto band = resolveBand(spec, source.bandRoles());
    if (!band) {
      if (error) *error = "band '" + spec + "' is not in this raster (" + source.bandRoles().summary() + ")";
      return std::nullopt;
    }
    resolved.bands = {*band};
  } else if (style.bandSpecs.empty()) {
    resolved.bands = defaultBands(source.bandRoles());
    if (style.mode == RasterStyle::Mode::Grey) resolved.bands.resize(1);
  } else {
    for (const auto& spec : style.bandSpecs) {
      auto band = resolveBand(spec, source.bandRoles());
      if (!band) {
        if (error) *error = "band '" + spec + "' is not in this raster (" + source.bandRoles().summary() + ")";
        return std::nullopt;
      }
      resolved.bands.push_back(*band);
    }
    if (style.mode == RasterStyle::Mode::Grey) resolved.bands.resize(1);
    else if (resolved.bands.size() == 2) resolved.bands.resize(1);
  }
  if (style.mode == RasterStyle::Mode::PseudoColor && style.min && style.max && *style.max > *style.min) {
    resolved.stretch = {{*style.min, *style.max}};
  } else if (style.mode != RasterStyle::Mode::PseudoColor && style.stretchValues.size() == resolved.bands.size()) {
    resolved.stretch = style.stretchValues;
  } else {
    auto ranges = computeDisplayRanges(source, resolved.bands, style);
    if (!ranges) {
      if (error) *error = ranges.error().text();
      return std::nullopt;
    }
    resolved.stretch = *ranges;
    if (style.mode == RasterStyle::Mode::PseudoColor) {
      if (style.min) resolved.stretch[0].first = *style.min;
      if (style.max) resolved.stretch[0].second = *style.max;
    }
  }
  for (auto& [lo, hi] : resolved.stretch)
    if (!(hi > lo)) hi = lo + 1.0;
  m_resolved = resolved;
  return m_resolved;
}

}  // namespace onemap::render
