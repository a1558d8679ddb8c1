// guessBandRoles: per-band evidence (descriptions, wavelengths, band metadata, colour
// interpretation) first, then the band order of a recognised product, then band-count defaults.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "onemap/raster/band_role.h"
#include "onemap/raster/band_role_text.h"

namespace onemap::raster {
namespace {

using detail::Product;

struct Candidate {
  BandRole role = BandRole::Unknown;
  std::string source;
  double wavelengthUm = 0.0;  ///< > 0 when the role came from a wavelength
};

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

const std::string* findMeta(const std::map<std::string, std::string>& metadata,
                            std::initializer_list<std::string_view> keys) {
  for (const auto& [key, value] : metadata) {
    const std::string k = upper(key);
    for (const std::string_view wanted : keys)
      if (k == wanted) return &value;
  }
  return nullptr;
}

// Wavelength of a band from its metadata (WAVELENGTH, CENTRAL_WAVELENGTH_UM, ...), in µm.
std::optional<detail::Wavelength> wavelengthFromMetadata(
    const std::map<std::string, std::string>& metadata) {
  struct Key { std::string_view name; double toUm; };  // toUm 0: decide from units / magnitude
  static constexpr Key kKeys[] = {{"CENTRAL_WAVELENGTH_UM", 1.0}, {"CENTRAL_WAVELENGTH_NM", 1e-3},
                                  {"WAVELENGTH_UM", 1.0},         {"WAVELENGTH_NM", 1e-3},
                                  {"CENTRAL_WAVELENGTH", 0.0},    {"WAVELENGTH", 0.0}};
  for (const Key& key : kKeys) {
    const std::string* value = findMeta(metadata, {key.name});
    if (value == nullptr) continue;
    if (auto parsed = detail::wavelengthFromText(*value)) return parsed;
    const auto number = detail::parseNumber(*value);
    if (!number || *number <= 0.0) continue;
    double toUm = key.toUm;
    if (toUm == 0.0) {
      const std::string* units = findMeta(metadata, {"WAVELENGTH_UNITS", "WAVELENGTH_UNIT"});
      const std::string u = units != nullptr ? upper(*units) : std::string();
      if (u.starts_with("NANO") || u == "NM") toUm = 1e-3;
      else if (u.starts_with("MICRO") || u == "UM" || u == "µM" || u == "MICRONS") toUm = 1.0;
      else toUm = *number > 100.0 ? 1e-3 : 1.0;  // 842 is nm, 0.842 µm
    }
    detail::Wavelength w{*number * toUm, 0.0};
    if (const std::string* fwhm = findMeta(metadata, {"FWHM", "BANDWIDTH"})) {
      if (const auto width = detail::parseNumber(*fwhm)) w.widthUm = *width * toUm;
    }
    return w;
  }
  return std::nullopt;
}

// Tier 1: what the band says about itself.
Candidate fromBand(const BandEvidence& band, Product product) {
  if (const auto role = detail::roleFromKeywords(band.description))
    return {*role, "band description"};
  if (const auto w = detail::wavelengthFromText(band.description)) {
    if (const auto role = detail::roleFromWavelength(*w))
      return {*role, "band description (wavelength)", w->centreUm};
  }
  if (const auto w = wavelengthFromMetadata(band.metadata)) {
    if (const auto role = detail::roleFromWavelength(*w))
      return {*role, "band metadata (wavelength)", w->centreUm};
  }
  if (const std::string* name =
          findMeta(band.metadata, {"BANDNAME", "BAND_NAME", "STANDARD_NAME", "NAME"})) {
    if (const auto role = detail::roleFromKeywords(*name)) return {*role, "band metadata"};
    if (const auto role = detail::roleFromBandCodeText(*name, product))
      return {*role, "band metadata (band name)"};
  }
  if (const auto role = detail::roleFromBandCodeText(band.description, product))
    return {*role, "band description (" + std::string(detail::productLabel(product)) +
                       " band name)"};
  return {};
}

// Tier 2: GDAL colour interpretation (Gray, Undefined and Palette say nothing about the band).
std::optional<BandRole> fromColourInterpretation(std::string_view name) {
  const std::string n = upper(name);
  if (n == "RED") return BandRole::Red;
  if (n == "GREEN") return BandRole::Green;
  if (n == "BLUE") return BandRole::Blue;
  if (n == "ALPHA") return BandRole::Alpha;
  // Names added in GDAL 3.10.
  if (n == "PAN") return BandRole::Pan;
  if (n == "COASTAL") return BandRole::Coastal;
  if (n == "NIR") return BandRole::Nir;
  if (n == "TIR" || n == "LWIR") return BandRole::Thermal;
  return std::nullopt;
}

// When two bands read as NIR from their wavelengths (Sentinel-2 B8 and B8A), the longer one is
// the narrow NIR band.
void splitNarrowNir(std::vector<Candidate>& candidates) {
  Candidate* longest = nullptr;
  int count = 0;
  for (auto& c : candidates) {
    if (c.role != BandRole::Nir || c.wavelengthUm <= 0.0) continue;
    ++count;
    if (longest == nullptr || c.wavelengthUm > longest->wavelengthUm) longest = &c;
  }
  if (count >= 2 && longest->wavelengthUm >= 0.85) longest->role = BandRole::NarrowNir;
}

class Assigner {
 public:
  explicit Assigner(std::size_t bandCount) : m_guesses(bandCount) {}

  bool isUnknown(std::size_t i) const { return m_guesses[i].role == BandRole::Unknown; }
  bool allUnknown() const {
    return std::all_of(m_guesses.begin(), m_guesses.end(),
                       [](const BandRoleGuess& g) { return g.role == BandRole::Unknown; });
  }
  // Gives `role` to band i unless it already has one or another band has the role.
  void offer(std::size_t i, BandRole role, const std::string& source) {
    if (role == BandRole::Unknown || !isUnknown(i)) return;
    for (std::size_t j = 0; j < m_guesses.size(); ++j) {
      if (m_guesses[j].role != role) continue;
      // Keep the first piece of evidence that lost, so the UI can say why the band is unknown.
      if (m_guesses[i].source.empty())
        m_guesses[i].source = std::string(bandRoleName(role)) + " already band " +
                              std::to_string(j + 1) + " (" + source + ")";
      return;
    }
    m_guesses[i] = BandRoleGuess{role, source};
  }
  std::vector<BandRoleGuess> take() { return std::move(m_guesses); }

 private:
  std::vector<BandRoleGuess> m_guesses;
};

}  // namespace

BandRoleMap guessBandRoles(const RasterEvidence& evidence) {
  const std::size_t count = evidence.bands.size();
  const detail::ProductMatch product = detail::detectProduct(evidence);
  Assigner assigner(count);

  // Tier 1: descriptions, wavelengths and band metadata.
  std::vector<Candidate> candidates;
  candidates.reserve(count);
  for (const auto& band : evidence.bands) candidates.push_back(fromBand(band, product.product));
  splitNarrowNir(candidates);
  for (std::size_t i = 0; i < count; ++i)
    assigner.offer(i, candidates[i].role, candidates[i].source);

  // Tier 2: colour interpretation.
  for (std::size_t i = 0; i < count; ++i) {
    if (const auto role = fromColourInterpretation(evidence.bands[i].colorInterpretation))
      assigner.offer(i, *role, "colour interpretation");
  }

  // Tier 3: a single-band delivery named after its band (T48RXT_20170414T032541_B08.tif).
  if (count == 1) {
    if (const auto role = detail::roleFromFileName(evidence.fileName, product.product))
      assigner.offer(0, *role, "file name");
  }

  // Tier 4: the band order of a recognised product.
  if (product.product != Product::None) {
    const std::vector<BandRole> order = detail::productBandOrder(product.product, count);
    const std::string source = product.origin == "metadata"
                                   ? product.label + " metadata"
                                   : product.origin + " (" + product.label + " band order)";
    for (std::size_t i = 0; i < order.size() && i < count; ++i) assigner.offer(i, order[i], source);
  }

  // Tier 5: band-count defaults, only when nothing at all is known.
  if (assigner.allUnknown() && count > 0) {
    const std::string& type = evidence.bands.front().dataType;
    if (count == 4 && type == "UInt16") {
      const BandRole order[] = {BandRole::Blue, BandRole::Green, BandRole::Red, BandRole::Nir};
      for (std::size_t i = 0; i < 4; ++i)
        assigner.offer(i, order[i], "band count (GF-1/GF-2 PMS order)");
    } else if (count == 3 && type == "Byte") {
      const BandRole order[] = {BandRole::Red, BandRole::Green, BandRole::Blue};
      for (std::size_t i = 0; i < 3; ++i) assigner.offer(i, order[i], "band count (RGB order)");
    }
  }
  return BandRoleMap(assigner.take());
}

}  // namespace onemap::raster
