#pragma once
// Small GF-1-like image pairs for change-detection tests: four bands named for their roles and
// the spectra of the covers they paint.

#include <functional>
#include <utility>

#include "gdal_fixtures.h"

namespace onemap::test {

/// DN spectra (blue, green, red, NIR) of covers as GF-1 PMS sees them, indexed by band − 1.
namespace spectra {
inline constexpr double kCrop[] = {185, 245, 180, 720};
inline constexpr double kConcrete[] = {580, 620, 650, 670};
inline constexpr double kRoofs[] = {820, 835, 840, 830};
}  // namespace spectra

/// A square four-band GeoTIFF (Blue, Green, Red, NIR descriptions, so the roles are guessed)
/// of `size` pixels a side whose pixel values `value(band, x, y)` gives.
inline GeoTiffSpec fourBandScene(int size, std::function<double(int band, int x, int y)> value) {
  GeoTiffSpec spec;
  spec.width = size;
  spec.height = size;
  spec.bands = 4;
  spec.descriptions = {"Blue", "Green", "Red", "NIR"};
  spec.value = std::move(value);
  return spec;
}

}  // namespace onemap::test
