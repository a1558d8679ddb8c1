#include "onemap/raster/band_role.h"

#include <algorithm>
#include <charconv>
#include <utility>

namespace onemap::raster {
namespace {

struct RoleNames {
  BandRole role;
  std::string_view name;
  std::string_view nameZh;
};

constexpr RoleNames kRoleNames[] = {
    {BandRole::Unknown, "unknown", "未知"},
    {BandRole::Coastal, "coastal", "海岸/气溶胶"},
    {BandRole::Blue, "blue", "蓝"},
    {BandRole::Green, "green", "绿"},
    {BandRole::Red, "red", "红"},
    {BandRole::RedEdge1, "rededge1", "红边1"},
    {BandRole::RedEdge2, "rededge2", "红边2"},
    {BandRole::RedEdge3, "rededge3", "红边3"},
    {BandRole::Nir, "nir", "近红外"},
    {BandRole::NarrowNir, "narrownir", "窄近红外"},
    {BandRole::WaterVapour, "watervapour", "水汽"},
    {BandRole::Cirrus, "cirrus", "卷云"},
    {BandRole::Swir1, "swir1", "短波红外1"},
    {BandRole::Swir2, "swir2", "短波红外2"},
    {BandRole::Thermal, "thermal", "热红外"},
    {BandRole::Pan, "pan", "全色"},
    {BandRole::Alpha, "alpha", "透明度"},
};

// Accepted spellings besides the identifiers, compared after normalize().
constexpr std::pair<std::string_view, BandRole> kAliases[] = {
    {"b", BandRole::Blue},           {"g", BandRole::Green},
    {"r", BandRole::Red},            {"n", BandRole::Nir},
    {"nir1", BandRole::Nir},         {"nearinfrared", BandRole::Nir},
    {"nir2", BandRole::NarrowNir},   {"nirnarrow", BandRole::NarrowNir},
    {"rededge", BandRole::RedEdge1}, {"re1", BandRole::RedEdge1},
    {"re2", BandRole::RedEdge2},     {"re3", BandRole::RedEdge3},
    {"redge1", BandRole::RedEdge1},  {"redge2", BandRole::RedEdge2},
    {"redge3", BandRole::RedEdge3},  {"coastalaerosol", BandRole::Coastal},
    {"aerosol", BandRole::Coastal},  {"ca", BandRole::Coastal},
    {"watervapor", BandRole::WaterVapour}, {"wv", BandRole::WaterVapour},
    {"vapour", BandRole::WaterVapour}, {"vapor", BandRole::WaterVapour},
    {"tir", BandRole::Thermal},      {"tir1", BandRole::Thermal},
    {"lwir", BandRole::Thermal},     {"panchromatic", BandRole::Pan},
    {"p", BandRole::Pan},            {"a", BandRole::Alpha},
    {"shortwaveinfrared1", BandRole::Swir1}, {"shortwaveinfrared2", BandRole::Swir2},
    {"海岸", BandRole::Coastal},     {"气溶胶", BandRole::Coastal},
    {"红边", BandRole::RedEdge1},    {"none", BandRole::Unknown},
};

// Lower-case ASCII letters; drops spaces, '-', '_' and '.'; keeps other bytes (UTF-8) as they are.
std::string normalize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == ' ' || c == '-' || c == '_' || c == '.' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string knownRolesList() {
  std::string out;
  for (const BandRole role : allBandRoles()) {
    if (!out.empty()) out += ", ";
    out += bandRoleName(role);
  }
  return out;
}

const BandRoleGuess& unknownGuess() {
  static const BandRoleGuess guess;
  return guess;
}

}  // namespace

std::string_view bandRoleName(BandRole role) noexcept {
  for (const auto& entry : kRoleNames)
    if (entry.role == role) return entry.name;
  return "unknown";
}

std::string_view bandRoleNameZh(BandRole role) noexcept {
  for (const auto& entry : kRoleNames)
    if (entry.role == role) return entry.nameZh;
  return "未知";
}

std::optional<BandRole> parseBandRole(std::string_view text) noexcept {
  try {
    const std::string key = normalize(trim(text));
    if (key.empty()) return std::nullopt;
    for (const auto& entry : kRoleNames)
      if (key == entry.name || key == normalize(entry.nameZh)) return entry.role;
    for (const auto& [alias, role] : kAliases)
      if (key == alias) return role;
  } catch (...) {
    // Allocation failure: treat as not recognised.
  }
  return std::nullopt;
}

const std::vector<BandRole>& allBandRoles() {
  static const std::vector<BandRole> roles = [] {
    std::vector<BandRole> out;
    for (const auto& entry : kRoleNames)
      if (entry.role != BandRole::Unknown) out.push_back(entry.role);
    return out;
  }();
  return roles;
}

BandRoleMap::BandRoleMap(std::vector<BandRoleGuess> perBand) : m_perBand(std::move(perBand)) {
  // Enforce uniqueness: a later band claiming a role already taken loses it.
  for (std::size_t i = 0; i < m_perBand.size(); ++i) {
    const BandRole role = m_perBand[i].role;
    if (role == BandRole::Unknown) continue;
    for (std::size_t j = 0; j < i; ++j) {
      if (m_perBand[j].role == role) {
        m_perBand[i] = BandRoleGuess{
            BandRole::Unknown,
            std::string(bandRoleName(role)) + " already band " + std::to_string(j + 1)};
        break;
      }
    }
  }
}

const BandRoleGuess& BandRoleMap::guess(int index) const {
  if (index < 1 || index > bandCount()) return unknownGuess();
  return m_perBand[static_cast<std::size_t>(index - 1)];
}

std::optional<int> BandRoleMap::bandFor(BandRole role) const {
  if (role == BandRole::Unknown) return std::nullopt;
  for (std::size_t i = 0; i < m_perBand.size(); ++i)
    if (m_perBand[i].role == role) return static_cast<int>(i + 1);
  return std::nullopt;
}

std::optional<BandRole> BandRoleMap::firstMissing(const std::vector<BandRole>& required) const {
  for (const BandRole role : required)
    if (role != BandRole::Unknown && !bandFor(role)) return role;
  return std::nullopt;
}

Status BandRoleMap::applyOverride(std::string_view text) {
  const std::string context = "band roles '" + std::string(text) + "'";
  const std::string example = "Write role=band pairs such as red=3,nir=4.";
  std::vector<std::pair<BandRole, int>> assignments;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(",;", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view item = trim(text.substr(start, end - start));
    start = end + 1;
    if (item.empty()) continue;
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos)
      return fail(ErrorCode::InvalidInput,
                  "'" + std::string(item) + "' is not of the form role=band", context, example);
    const std::string_view roleText = trim(item.substr(0, eq));
    const std::string_view bandText = trim(item.substr(eq + 1));
    const auto role = parseBandRole(roleText);
    if (!role)
      return fail(ErrorCode::InvalidInput,
                  "unknown role '" + std::string(roleText) + "'; known roles: " + knownRolesList(),
                  context);
    int band = 0;
    const char* bandEnd = bandText.data() + bandText.size();
    const auto [ptr, ec] = std::from_chars(bandText.data(), bandEnd, band);
    if (ec != std::errc() || ptr != bandEnd || bandText.empty())
      return fail(ErrorCode::InvalidInput,
                  "'" + std::string(bandText) + "' is not a band number (in '" + std::string(item) +
                      "')",
                  context, "Bands are numbered from 1.");
    if (band < 1 || band > bandCount())
      return fail(ErrorCode::InvalidInput,
                  "band " + std::to_string(band) + " does not exist; the file has " +
                      std::to_string(bandCount()) + (bandCount() == 1 ? " band" : " bands"),
                  context);
    for (const auto& [otherRole, otherBand] : assignments) {
      if (*role != BandRole::Unknown && otherRole == *role)
        return fail(ErrorCode::InvalidInput,
                    "role '" + std::string(bandRoleName(*role)) + "' is given twice", context);
      if (otherBand == band)
        return fail(ErrorCode::InvalidInput,
                    "band " + std::to_string(band) + " is given two roles (" +
                        std::string(bandRoleName(otherRole)) + ", " +
                        std::string(bandRoleName(*role)) + ")",
                    context);
    }
    assignments.emplace_back(*role, band);
  }
  // All items are valid: apply them together.
  for (const auto& [role, band] : assignments) {
    if (role == BandRole::Unknown) continue;
    for (auto& guess : m_perBand)
      if (guess.role == role) guess = BandRoleGuess{BandRole::Unknown, "moved by user"};
  }
  for (const auto& [role, band] : assignments)
    m_perBand[static_cast<std::size_t>(band - 1)] = BandRoleGuess{role, "user"};
  return {};
}

std::string BandRoleMap::summary() const {
  std::string out;
  for (std::size_t i = 0; i < m_perBand.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += std::to_string(i + 1);
    out += ':';
    out += bandRoleName(m_perBand[i].role);
  }
  return out;
}

}  // namespace onemap::raster
