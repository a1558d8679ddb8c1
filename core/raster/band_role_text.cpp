#include "onemap/raster/band_role_text.h"

#include <charconv>
#include <regex>
#include <set>

namespace onemap::raster::detail {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlnum(char c) {
  return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char toLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char toUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = toUpper(c);
  return out;
}

// Lower-case ASCII words; every other byte separates words.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (const char c : text) {
    if (isAlnum(c)) {
      current += toLower(c);
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

// "1", "2", "3" (or "i", "ii", "iii") as a number, 0 otherwise.
int smallNumber(std::string_view word) {
  if (word == "1" || word == "i") return 1;
  if (word == "2" || word == "ii") return 2;
  if (word == "3" || word == "iii") return 3;
  return 0;
}

std::optional<BandRole> redEdge(int n) {
  if (n == 1) return BandRole::RedEdge1;
  if (n == 2) return BandRole::RedEdge2;
  if (n == 3) return BandRole::RedEdge3;
  return std::nullopt;
}

std::optional<BandRole> swir(int n) {
  if (n == 1) return BandRole::Swir1;
  if (n == 2) return BandRole::Swir2;
  return std::nullopt;
}

std::optional<BandRole> roleFromChinese(std::string_view text) {
  std::string compact;
  for (const char c : text)
    if (c != ' ') compact += c;
  const auto has = [&](std::string_view s) { return compact.find(s) != std::string::npos; };
  if (has("短波红外")) {
    if (has("短波红外1")) return BandRole::Swir1;
    if (has("短波红外2")) return BandRole::Swir2;
    return std::nullopt;
  }
  if (has("窄近红外")) return BandRole::NarrowNir;
  if (has("近红外")) return BandRole::Nir;
  if (has("红边")) {
    for (int n = 1; n <= 3; ++n)
      if (has("红边" + std::to_string(n))) return redEdge(n);
    return std::nullopt;
  }
  if (has("热红外")) return BandRole::Thermal;
  if (has("全色")) return BandRole::Pan;
  if (has("红外")) return std::nullopt;
  std::set<BandRole> found;
  if (has("红")) found.insert(BandRole::Red);
  if (has("绿")) found.insert(BandRole::Green);
  if (has("蓝")) found.insert(BandRole::Blue);
  if (found.size() == 1) return *found.begin();
  return std::nullopt;
}

// Converts `unit` at the start of `rest` to a factor to micrometres; sets `length`.
double unitToUm(std::string_view rest, std::size_t& length) {
  struct Unit { std::string_view text; double factor; };
  static constexpr Unit kUnits[] = {
      {"micrometers", 1.0}, {"micrometer", 1.0}, {"micrometres", 1.0}, {"micrometre", 1.0},
      {"microns", 1.0},     {"micron", 1.0},     {"\xC2\xB5m", 1.0},   {"\xCE\xBCm", 1.0},
      {"um", 1.0},          {"nanometers", 1e-3}, {"nanometer", 1e-3}, {"nanometres", 1e-3},
      {"nm", 1e-3}};
  std::string lowered;
  for (std::size_t i = 0; i < rest.size() && i < 12; ++i) lowered += toLower(rest[i]);
  for (const Unit& unit : kUnits) {
    if (!lowered.starts_with(unit.text)) continue;
    // The unit must end the word ("umbrella" is not a unit).
    const std::size_t end = unit.text.size();
    if (end < rest.size() && isAlnum(rest[end])) continue;
    length = end;
    return unit.factor;
  }
  return 0.0;
}

std::size_t skipSpaces(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i;
}

// Parses a number at text[i]; advances i.
std::optional<double> numberAt(std::string_view text, std::size_t& i) {
  double value = 0.0;
  const auto [ptr, ec] =
      std::from_chars(text.data() + i, text.data() + text.size(), value, std::chars_format::fixed);
  if (ec != std::errc()) return std::nullopt;
  i = static_cast<std::size_t>(ptr - text.data());
  return value;
}

std::optional<BandRole> sentinel2Code(std::string_view code) {
  if (code == "8a") return BandRole::NarrowNir;
  static constexpr BandRole kTable[] = {
      BandRole::Unknown, BandRole::Coastal,  BandRole::Blue,   BandRole::Green,
      BandRole::Red,     BandRole::RedEdge1, BandRole::RedEdge2, BandRole::RedEdge3,
      BandRole::Nir,     BandRole::WaterVapour, BandRole::Cirrus, BandRole::Swir1,
      BandRole::Swir2};
  int n = 0;
  std::from_chars(code.data(), code.data() + code.size(), n);
  if (n < 1 || n > 12) return std::nullopt;
  return kTable[n];
}

std::optional<BandRole> tableCode(std::string_view code, const std::vector<BandRole>& table) {
  int n = 0;
  const auto [ptr, ec] = std::from_chars(code.data(), code.data() + code.size(), n);
  if (ec != std::errc() || ptr != code.data() + code.size()) return std::nullopt;
  if (n < 1 || static_cast<std::size_t>(n) > table.size()) return std::nullopt;
  const BandRole role = table[static_cast<std::size_t>(n - 1)];
  if (role == BandRole::Unknown) return std::nullopt;
  return role;
}

// Band numbering of each product (band n is entry n-1).
std::optional<BandRole> codeRole(std::string_view code, Product product) {
  using R = BandRole;
  switch (product) {
    case Product::LandsatTm:
      return tableCode(code, {R::Blue, R::Green, R::Red, R::Nir, R::Swir1, R::Thermal, R::Swir2,
                              R::Pan});
    case Product::LandsatOli:
      return tableCode(code, {R::Coastal, R::Blue, R::Green, R::Red, R::Nir, R::Swir1, R::Swir2,
                              R::Pan, R::Cirrus, R::Thermal});
    case Product::GfPms: return tableCode(code, {R::Blue, R::Green, R::Red, R::Nir});
    case Product::Gf6Wfv:
      return tableCode(code, {R::Blue, R::Green, R::Red, R::Nir, R::RedEdge1, R::RedEdge2,
                              R::Coastal});
    case Product::Sentinel2:
    case Product::None: break;
  }
  return sentinel2Code(code);
}

// "b08" -> "8", "b8a" -> "8a"; empty if `word` is not a band code.
std::string bandCode(std::string_view word) {
  static const std::regex kCode("b0?([1-9]|1[0-2]|8a)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(word.begin(), word.end(), m, kCode)) return {};
  return m[1].str();
}

// Landsat sensor from a scene or product identifier (LT05_…, LC08_…, LT51200382000124BJC00).
Product landsatFromIdentifier(const std::string& upperText) {
  static const std::regex kId("(^|[^A-Z0-9])L([COTE])(0[4-9]_|[4-9][0-9]{6})");
  std::smatch m;
  if (!std::regex_search(upperText, m, kId)) return Product::None;
  const std::string tail = m[3].str();
  const char digit = tail[0] == '0' ? tail[1] : tail[0];
  return (digit == '8' || digit == '9') ? Product::LandsatOli : Product::LandsatTm;
}

ProductMatch gfFromText(const std::string& upperText) {
  static const std::regex kGf("(^|[^A-Z0-9])(GF|GAOFEN)[-_ ]?([126])([BCD])?([^0-9]|$)");
  std::smatch m;
  if (!std::regex_search(upperText, m, kGf)) return {};
  const std::string satellite = "GF-" + m[3].str() + m[4].str();
  const bool wfv = upperText.find("WFV") != std::string::npos;
  if (wfv && m[3].str() == "6") return {Product::Gf6Wfv, "GF-6 WFV", {}};
  return {Product::GfPms, satellite + (wfv ? " WFV" : " PMS"), {}};
}

bool sentinel2Name(const std::string& upperName) {
  static const std::regex kName(
      "(^S2[ABC]_)|(MSIL1C)|(MSIL2A)|(^T[0-9]{2}[A-Z]{3}_[0-9]{8}T[0-9]{6})");
  return std::regex_search(upperName, kName);
}

ProductMatch fromMetadata(const std::map<std::string, std::string>& metadata) {
  static const std::set<std::string> kKeys = {
      "SATELLITE",  "SATELLITEID", "SATELLITE_ID", "SATELLITE_NAME", "SPACECRAFT",
      "SPACECRAFT_ID", "SPACECRAFT_NAME", "SENSOR", "SENSORID", "SENSOR_ID", "SENSOR_NAME",
      "PLATFORM", "MISSION", "INSTRUMENT", "PRODUCT_TYPE"};
  std::string joined;  // upper-case values, space separated
  std::string compact;  // the same without separators
  for (const auto& [key, value] : metadata) {
    if (kKeys.count(upper(key)) == 0) continue;
    const std::string v = upper(value);
    joined += ' ' + v;
    compact += ' ';
    for (const char c : v)
      if (isAlnum(c)) compact += c;
  }
  compact += ' ';
  if (joined.empty()) return {};
  if (ProductMatch gf = gfFromText(joined); gf.product != Product::None) {
    gf.origin = "metadata";
    return gf;
  }
  const auto has = [&](std::string_view s) { return compact.find(s) != std::string::npos; };
  if (has("SENTINEL2") || has(" S2A ") || has(" S2B ") || has(" S2C ") || has("MSIL1C") ||
      has("MSIL2A"))
    return {Product::Sentinel2, "Sentinel-2", "metadata"};
  if (has("LANDSAT8") || has("LANDSAT9") || has("OLI"))
    return {Product::LandsatOli, "Landsat 8/9 OLI", "metadata"};
  if (has("LANDSAT7") || has("ETM")) return {Product::LandsatTm, "Landsat 7 ETM+", "metadata"};
  if (has("LANDSAT5") || has("LANDSAT4") || has(" TM "))
    return {Product::LandsatTm, "Landsat TM", "metadata"};
  return {};
}

ProductMatch fromIdentifierText(const std::string& upperText, std::string origin) {
  if (ProductMatch gf = gfFromText(upperText); gf.product != Product::None) {
    gf.origin = std::move(origin);
    return gf;
  }
  const Product landsat = landsatFromIdentifier(upperText);
  if (landsat == Product::LandsatOli) return {landsat, "Landsat 8/9 OLI", std::move(origin)};
  if (landsat == Product::LandsatTm) return {landsat, "Landsat TM/ETM+", std::move(origin)};
  return {};
}

}  // namespace

std::optional<double> parseNumber(std::string_view text) noexcept {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  double value = 0.0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<Wavelength> wavelengthFromText(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!isDigit(text[i])) continue;
    if (i > 0 && (isDigit(text[i - 1]) || text[i - 1] == '.')) continue;
    std::size_t j = i;
    const auto first = numberAt(text, j);
    if (!first) continue;
    std::optional<double> second;
    std::size_t k = skipSpaces(text, j);
    std::size_t dash = 0;
    if (k < text.size() && (text[k] == '-' || text[k] == '~')) dash = 1;
    else if (text.substr(k).starts_with("\xE2\x80\x93")) dash = 3;  // en dash
    else if (text.substr(k).starts_with("to ")) dash = 2;
    if (dash > 0) {
      std::size_t m = skipSpaces(text, k + dash);
      if (m < text.size() && isDigit(text[m])) {
        second = numberAt(text, m);
        if (second) k = skipSpaces(text, m);
      }
    }
    std::size_t unitLength = 0;
    const double factor = unitToUm(text.substr(k), unitLength);
    if (factor == 0.0) {
      i = j - 1;
      continue;
    }
    Wavelength w;
    if (second && *second > *first) {
      w.centreUm = (*first + *second) / 2.0 * factor;
      w.widthUm = (*second - *first) * factor;
    } else {
      w.centreUm = (second ? *second : *first) * factor;  // "Band 1 - 0.485 µm"
    }
    if (w.centreUm > 0.0) return w;
    i = j - 1;
  }
  return std::nullopt;
}

std::optional<BandRole> roleFromWavelength(const Wavelength& w) noexcept {
  const double c = w.centreUm;
  if (w.widthUm > 0.2 && c >= 0.45 && c < 0.8) return BandRole::Pan;
  if (c >= 0.40 && c < 0.45) return BandRole::Coastal;
  if (c >= 0.45 && c < 0.52) return BandRole::Blue;
  if (c >= 0.52 && c < 0.60) return BandRole::Green;
  if (c >= 0.62 && c < 0.69) return BandRole::Red;
  if (c >= 0.69 && c < 0.72) return BandRole::RedEdge1;
  if (c >= 0.72 && c < 0.765) return BandRole::RedEdge2;
  if (c >= 0.765 && c < 0.80) return BandRole::RedEdge3;
  if (c >= 0.80 && c < 0.90) return BandRole::Nir;
  if (c >= 0.90 && c < 1.00) return BandRole::WaterVapour;
  if (c >= 1.30 && c < 1.42) return BandRole::Cirrus;
  if (c >= 1.50 && c < 1.80) return BandRole::Swir1;
  if (c >= 2.00 && c < 2.40) return BandRole::Swir2;
  if (c >= 8.0 && c < 14.0) return BandRole::Thermal;
  return std::nullopt;
}

std::optional<BandRole> roleFromKeywords(std::string_view text) {
  if (const auto zh = roleFromChinese(text)) return zh;
  const std::vector<std::string> w = words(text);
  std::set<BandRole> found;
  const auto at = [&](std::size_t i) -> std::string_view {
    return i < w.size() ? std::string_view(w[i]) : std::string_view();
  };
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string_view word = w[i];
    const std::string_view next = at(i + 1);
    const bool narrow = at(i == 0 ? w.size() : i - 1) == "narrow" || next == "narrow";
    if (word == "coastal" || word == "aerosol") found.insert(BandRole::Coastal);
    else if (word == "blue") found.insert(BandRole::Blue);
    else if (word == "green") found.insert(BandRole::Green);
    else if (word == "red" && next == "edge") {
      if (const auto r = redEdge(smallNumber(at(i + 2)))) found.insert(*r);
      ++i;
    } else if (word == "red") found.insert(BandRole::Red);
    else if (word == "rededge") {
      if (const auto r = redEdge(smallNumber(next))) found.insert(*r);
    } else if (word.starts_with("rededge") && word.size() == 8) {
      if (const auto r = redEdge(word[7] - '0')) found.insert(*r);
    } else if (word == "nir" || word == "nir1") {
      found.insert(narrow ? BandRole::NarrowNir : BandRole::Nir);
    } else if (word == "nir2" || word == "nirnarrow") found.insert(BandRole::NarrowNir);
    else if (word == "near" && (next == "infrared" || next == "ir")) {
      found.insert(narrow || at(i + 2) == "narrow" ? BandRole::NarrowNir : BandRole::Nir);
      ++i;
    } else if (word == "nearinfrared") found.insert(BandRole::Nir);
    else if (word == "swir") {
      if (const auto r = swir(smallNumber(next))) found.insert(*r);
    } else if (word == "swir1") found.insert(BandRole::Swir1);
    else if (word == "swir2") found.insert(BandRole::Swir2);
    else if ((word == "short" && next == "wave" && at(i + 2) == "infrared") ||
             (word == "shortwave" && next == "infrared")) {
      const std::size_t numberAtIndex = word == "short" ? i + 3 : i + 2;
      if (const auto r = swir(smallNumber(at(numberAtIndex)))) found.insert(*r);
      i = numberAtIndex - 1;
    } else if (word == "thermal" || word == "tir" || word == "tirs" || word == "lwir")
      found.insert(BandRole::Thermal);
    else if (word == "pan" || word == "panchromatic") found.insert(BandRole::Pan);
    else if (word == "water" && (next == "vapour" || next == "vapor"))
      found.insert(BandRole::WaterVapour);
    else if (word == "cirrus") found.insert(BandRole::Cirrus);
    else if (word == "alpha") found.insert(BandRole::Alpha);
  }
  if (found.size() == 1) return *found.begin();
  return std::nullopt;
}

std::optional<BandRole> roleFromBandCodeText(std::string_view text, Product product) {
  std::string code;
  for (const std::string& word : words(text)) {
    std::string c = bandCode(word);
    if (c.empty()) continue;
    if (!code.empty() && code != c) return std::nullopt;  // two different codes: ambiguous
    code = std::move(c);
  }
  if (code.empty()) return std::nullopt;
  if (code == "8a" && product != Product::Sentinel2 && product != Product::None)
    return std::nullopt;
  return codeRole(code, product);
}

std::optional<BandRole> roleFromFileName(std::string_view fileName, Product product) {
  const std::string name = upper(fileName);
  std::smatch m;
  if (product == Product::LandsatTm || product == Product::LandsatOli) {
    static const std::regex kLandsat("_B([0-9]{1,2})(_VCID_[12])?\\.[A-Z0-9]+$");
    if (std::regex_search(name, m, kLandsat)) return codeRole(m[1].str(), product);
    return std::nullopt;
  }
  static const std::regex kSentinel2("(^|[_-])B(0[1-9]|1[0-2]|8A)(_[0-9]{2}M)?\\.[A-Z0-9]+$");
  if (std::regex_search(name, m, kSentinel2)) {
    std::string code = m[2].str();
    if (code[0] == '0') code.erase(0, 1);
    return sentinel2Code(code == "8A" ? "8a" : code);
  }
  return std::nullopt;
}

ProductMatch detectProduct(const RasterEvidence& evidence) {
  if (ProductMatch m = fromMetadata(evidence.metadata); m.product != Product::None) return m;
  const std::string name = upper(evidence.fileName);
  if (ProductMatch m = fromIdentifierText(name, "file name"); m.product != Product::None) return m;
  if (sentinel2Name(name)) return {Product::Sentinel2, "Sentinel-2", "file name"};
  for (const auto& band : evidence.bands) {
    if (ProductMatch m = fromIdentifierText(upper(band.description), "band description");
        m.product != Product::None)
      return m;
  }
  return {};
}

std::vector<BandRole> productBandOrder(Product product, std::size_t bandCount) {
  using R = BandRole;
  switch (product) {
    case Product::Sentinel2:
      if (bandCount == 13)
        return {R::Coastal, R::Blue, R::Green, R::Red, R::RedEdge1, R::RedEdge2, R::RedEdge3,
                R::Nir, R::NarrowNir, R::WaterVapour, R::Cirrus, R::Swir1, R::Swir2};
      if (bandCount == 12)
        return {R::Coastal, R::Blue, R::Green, R::Red, R::RedEdge1, R::RedEdge2, R::RedEdge3,
                R::Nir, R::NarrowNir, R::WaterVapour, R::Swir1, R::Swir2};
      if (bandCount == 10)
        return {R::Blue, R::Green, R::Red, R::RedEdge1, R::RedEdge2, R::RedEdge3, R::Nir,
                R::NarrowNir, R::Swir1, R::Swir2};
      if (bandCount == 4) return {R::Blue, R::Green, R::Red, R::Nir};
      return {};
    case Product::LandsatTm:
      if (bandCount == 6) return {R::Blue, R::Green, R::Red, R::Nir, R::Swir1, R::Swir2};
      if (bandCount == 7)
        return {R::Blue, R::Green, R::Red, R::Nir, R::Swir1, R::Thermal, R::Swir2};
      if (bandCount == 8)
        return {R::Blue, R::Green, R::Red, R::Nir, R::Swir1, R::Thermal, R::Swir2, R::Pan};
      return {};
    case Product::LandsatOli: {
      std::vector<R> order = {R::Coastal, R::Blue, R::Green, R::Red, R::Nir,
                              R::Swir1,   R::Swir2, R::Pan,  R::Cirrus, R::Thermal, R::Unknown};
      if (bandCount < 7 || bandCount > order.size()) return {};
      order.resize(bandCount);
      return order;
    }
    case Product::GfPms:
      if (bandCount == 4) return {R::Blue, R::Green, R::Red, R::Nir};
      return {};
    case Product::Gf6Wfv:
      if (bandCount == 8)
        return {R::Blue, R::Green, R::Red, R::Nir, R::RedEdge1, R::RedEdge2, R::Coastal,
                R::Unknown};
      if (bandCount == 4) return {R::Blue, R::Green, R::Red, R::Nir};
      return {};
    case Product::None: break;
  }
  return {};
}

std::string_view productLabel(Product product) noexcept {
  switch (product) {
    case Product::Sentinel2: return "Sentinel-2";
    case Product::LandsatTm: return "Landsat TM/ETM+";
    case Product::LandsatOli: return "Landsat 8/9 OLI";
    case Product::GfPms: return "GF PMS";
    case Product::Gf6Wfv: return "GF-6 WFV";
    case Product::None: break;
  }
  return "Sentinel-2";
}

}  // namespace onemap::raster::detail
