#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onemap/base/error.h"

namespace onemap::raster {

/// What a band measures, independent of its position in the file.
enum class BandRole {
  Unknown,
  Coastal,
  Blue,
  Green,
  Red,
  RedEdge1,
  RedEdge2,
  RedEdge3,
  Nir,
  NarrowNir,
  WaterVapour,
  Cirrus,
  Swir1,
  Swir2,
  Thermal,
  Pan,
  Alpha,
};

/// Lower-case English identifier used in CLI options and files: "blue", "nir", "swir1", ...
std::string_view bandRoleName(BandRole role) noexcept;
/// Chinese label for the UI: "蓝", "近红外", ...
std::string_view bandRoleNameZh(BandRole role) noexcept;
/// Parses an identifier (case-insensitive; also accepts "nir1", "b"/"g"/"r", "swir-1"...).
std::optional<BandRole> parseBandRole(std::string_view text) noexcept;
/// Every role except Unknown, in enum order (for "known roles: ..." messages and pickers).
const std::vector<BandRole>& allBandRoles();

/// The role of one band with the evidence it was guessed from.
struct BandRoleGuess {
  BandRole role = BandRole::Unknown;
  std::string source;  ///< "band description", "colour interpretation", "Sentinel-2 metadata",
                       ///< "file name", "band count (GF-1/GF-2 PMS order)", "user", ...
};

/// Band roles by 1-based band index, plus where each guess came from. Roles are unique: a role
/// is never given to two bands.
class BandRoleMap {
 public:
  BandRoleMap() = default;
  explicit BandRoleMap(std::vector<BandRoleGuess> perBand);

  int bandCount() const { return static_cast<int>(m_perBand.size()); }
  /// Guess for band `index` (1-based).
  const BandRoleGuess& guess(int index) const;
  BandRole role(int index) const { return guess(index).role; }
  /// 1-based index of the band with `role`, nullopt if none has it.
  std::optional<int> bandFor(BandRole role) const;
  /// The first role of `required` that no band has, if any (for "missing NIR" errors).
  std::optional<BandRole> firstMissing(const std::vector<BandRole>& required) const;

  /// Applies a user override such as "red=3,green=2,blue=1,nir=4" (1-based band numbers).
  /// Roles named in the override move to the named bands; errors name the bad item.
  Status applyOverride(std::string_view text);

  /// "1:blue 2:green 3:red 4:nir" — compact form for logs and the CLI.
  std::string summary() const;

 private:
  std::vector<BandRoleGuess> m_perBand;
};

/// Per-band evidence the guesser reads (filled from GDAL by RasterSource, or by tests).
struct BandEvidence {
  std::string description;          ///< GDAL band description, e.g. "B8 (NIR, 842 nm)"
  std::string colorInterpretation;  ///< GDAL name, e.g. "Red", "Undefined"
  std::string dataType;             ///< GDAL name, e.g. "UInt16" (for band-count defaults)
  std::map<std::string, std::string> metadata;  ///< band metadata (e.g. WAVELENGTH, BANDNAME)
};

/// Everything the guesser may look at for a whole dataset.
struct RasterEvidence {
  std::string fileName;  ///< base name, e.g. "T48RXT_20170414T032541_B08.tif"
  std::map<std::string, std::string> metadata;  ///< dataset metadata (SPACECRAFT, SENSOR...)
  std::vector<BandEvidence> bands;
};

/// Guesses roles from band descriptions, colour interpretation, wavelengths, known products
/// (Sentinel-2 band names, Landsat 5/7/8/9 TM/ETM+/OLI order, GF-1/GF-2/GF-6 PMS 4-band order)
/// and file names of single-band deliveries (…_B04.tif). Bands with no evidence stay Unknown.
BandRoleMap guessBandRoles(const RasterEvidence& evidence);

}  // namespace onemap::raster
