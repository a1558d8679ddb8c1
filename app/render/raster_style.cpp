#include "onemap/render/raster_style.h"

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

std::optional<int> resolveBand(const std::string& spec, const raster::BandRoleMap& roles) {
  if (!spec.empty() && std::isdigit(static_cast<unsigned char>(spec[0]))) {
    const int n = std::stoi(spec);
    return n >= 1 && n <= roles.bandCount() ? std::optional<int>(n) : std::nullopt;
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
  if (auto it = style.find("bands"); it != style.end()) s.bandSpecs = split(it->second, ',');
  if (auto it = style.find("stretch"); it != style.end()) {
    if (it->second == "minmax") s.stretch = Stretch::MinMax;
    else if (it->second == "stddev") s.stretch = Stretch::StdDev;
  }
  if (auto it = style.find("stretch_values"); it != style.end()) {
    for (const auto& pair : split(it->second, ';')) {
      const auto v = split(pair, ',');
      if (v.size() == 2) s.stretchValues.emplace_back(std::stod(v[0]), std::stod(v[1]));
    }
  }
  return s;
}

void RasterStyle::writeTo(std::map<std::string, std::string>& style) const {
  std::string bands;
  for (const auto& b : bandSpecs) bands += (bands.empty() ? "" : ",") + b;
  if (!bands.empty()) style["bands"] = bands;
  style["stretch"] = stretch == Stretch::MinMax ? "minmax" : stretch == Stretch::StdDev ? "stddev" : "percentile";
  std::string values;
  for (const auto& [lo, hi] : stretchValues)
    values += (values.empty() ? "" : ";") + std::to_string(lo) + "," + std::to_string(hi);
  if (!values.empty()) style["stretch_values"] = values;
}

std::optional<RasterLayerCache::Resolved> RasterLayerCache::resolve(const raster::RasterSource& source,
                                                                     const RasterStyle& style,
                                                                     std::string* error) {
  std::lock_guard lock(m_mutex);
  if (m_resolved) return m_resolved;
  Resolved resolved;
  if (style.bandSpecs.empty()) {
    resolved.bands = defaultBands(source.bandRoles());
  } else {
    for (const auto& spec : style.bandSpecs) {
      auto band = resolveBand(spec, source.bandRoles());
      if (!band) {
        if (error) *error = "band '" + spec + "' is not in this raster (" + source.bandRoles().summary() + ")";
        return std::nullopt;
      }
      resolved.bands.push_back(*band);
    }
  }
  if (style.stretchValues.size() == resolved.bands.size()) {
    resolved.stretch = style.stretchValues;
  } else {
    const auto method = style.stretch == RasterStyle::Stretch::MinMax   ? raster::StretchMethod::MinMax
                        : style.stretch == RasterStyle::Stretch::StdDev ? raster::StretchMethod::StdDev
                                                                        : raster::StretchMethod::Percentile;
    auto stretch = raster::computeStretch(source, resolved.bands, method);
    if (!stretch) {
      if (error) *error = stretch.error().text();
      return std::nullopt;
    }
    for (const auto& s : *stretch) resolved.stretch.emplace_back(s.min, s.max);
  }
  m_resolved = resolved;
  return m_resolved;
}

}  // namespace onemap::render
