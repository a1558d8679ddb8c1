#pragma once

#include <array>
#include <cstdint>

#include "onemap/sample/scene.h"

namespace onemap::sample {

/// Noise-free DN in the four GF-1/GF-6 PMS bands, in file order: blue, green, red, NIR.
using Bands = std::array<float, 4>;

/// Surface materials the texture model mixes inside one cover (tree crowns on soil, roofs, banks…).
enum class Material : std::uint8_t {
  Soil,           ///< moist ploughed soil between rows and crowns
  DrySoil,        ///< bright dry earth, yards, pond banks
  Grass,          ///< inter-row grass, verges
  Crown,          ///< tree crown (orchard, nursery, homestead trees)
  ForestCrown,    ///< darker, denser forest canopy
  Water,          ///< open water between paddy rows
  Concrete,       ///< yards, hardened ground
  RoofGrey,       ///< concrete / grey tile roofs
  RoofBlueSteel,  ///< blue colour-coated steel sheds (彩钢棚)
  RoofRedTile,    ///< red clay tiles
  RoofWhite,      ///< white roofs, new coated sheds
  Plastic,        ///< greenhouse film
  Cloud,          ///< thick cumulus top
};

/// Number of roof materials (RoofGrey … RoofWhite), for picking one per building.
inline constexpr int kRoofKinds = 4;
/// The i-th roof material, i in [0, kRoofKinds).
Material roofMaterial(int index);

/// Mean DN of a material (vigour 1, gain 1, offset 0).
const Bands& materialSpectrum(Material material);

/// Mean DN of a cover at vigour 1.
const Bands& coverSpectrum(Cover cover);

/// True for covers whose spectrum is green vegetation (vigour scales their greenness).
bool isVegetation(Cover cover);

/// Mean DN of a cover on a parcel of `vigour` (0.8–1.2): vegetation gains NIR and loses red as
/// vigour rises; other covers only get slightly brighter or darker.
Bands parcelSpectrum(Cover cover, float vigour);

/// Linear mix of two spectra: a·(1−t) + b·t.
inline Bands mix(const Bands& a, const Bands& b, float t) {
  return {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t,
          a[3] + (b[3] - a[3]) * t};
}

/// All bands multiplied by `factor`.
inline Bands scaled(const Bands& a, float factor) {
  return {a[0] * factor, a[1] * factor, a[2] * factor, a[3] * factor};
}

}  // namespace onemap::sample
