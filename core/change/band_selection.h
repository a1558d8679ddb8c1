#pragma once
// Internal to onemap_change: which bands of the two dates are compared.

#include <cstddef>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/change/pixel_rules.h"
#include "onemap/raster/band_role.h"
#include "onemap/raster/raster_source.h"
#include "simd_clones.h"

namespace onemap::change::detail {

/// The bands of both dates compared, in the same order: blue, green, red, nir, then each SWIR
/// band both images have. `roles` names them.
struct BandSelection {
  std::vector<int> before, after;
  std::vector<raster::BandRole> roles;
  int swir1Plane = -1, swir2Plane = -1;  ///< planes of the SWIR bands in the reads, −1 without
};

/// The bands of both images (after the role overrides, e.g. "blue=1,green=2,red=3,nir=4");
/// InvalidInput naming the image and the missing role when one lacks blue, green, red or nir.
Result<BandSelection> selectBands(raster::RasterSource& before, const std::string& beforeOverride,
                                  raster::RasterSource& after, const std::string& afterOverride);

/// The slot of PixelRuleThresholds::bandWeights (blue, green, red, nir, swir1, swir2) of the
/// read's plane `plane`.
inline std::size_t weightSlot(const BandSelection& bands, std::size_t plane) {
  return plane < 4 ? plane : (int(plane) == bands.swir1Plane ? 4 : 5);
}

/// The pixel at `k` of band-sequential planes `plane` floats apart.
ONEMAP_ALWAYS_INLINE inline PixelBands pixelAt(const float* v, std::size_t plane, std::size_t k,
                                               const BandSelection& bands) {
  PixelBands p{v[k], v[plane + k], v[2 * plane + k], v[3 * plane + k]};
  if (bands.swir1Plane >= 0) p.swir1 = v[std::size_t(bands.swir1Plane) * plane + k];
  if (bands.swir2Plane >= 0) p.swir2 = v[std::size_t(bands.swir2Plane) * plane + k];
  return p;
}

}  // namespace onemap::change::detail
