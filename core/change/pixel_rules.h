#pragma once

#include <cstdint>

namespace onemap::change {

/// Per-pixel change classes written into the scratch class map (0 = no change).
enum class ChangeClass : std::uint8_t {
  None = 0,
  Built = 1,   ///< buildings / hardened ground / roads (road is decided from the patch shape)
  Water = 2,   ///< pond / water
  Trees = 3,   ///< orchard / nursery / forest
  Bare = 4,    ///< bare soil / earth moving (推土)
  Invalid = 255,  ///< cloud, shadow or no data on either date (never a patch)
};

/// Four reflective bands of one pixel in digital numbers (after-date values already normalised
/// to the before date's radiometry).
struct PixelBands {
  float blue = 0, green = 0, red = 0, nir = 0;
  float ndvi() const { return (nir - red) / (nir + red + 1e-6f); }
  float ndwi() const { return (green - nir) / (green + nir + 1e-6f); }
  float brightness() const { return (blue + green + red) / 3.0f; }
  float blueRedRatio() const { return blue / (red + 1e-6f); }
};

/// Thresholds of the rules, derived from the run's parameters and the before image's range.
struct PixelRuleThresholds {
  float changeMagnitude = 0.2f;  ///< relative CVA magnitude above which a pixel may have changed
  float texture = 0.08f;         ///< NIR coefficient of variation that marks tree crowns
  float cloudBrightness = 850.f; ///< visible mean above which a pixel is cloud
  bool flagBare = false;
  bool cloudMask = true;
};

/// Relative change vector magnitude |after − before| / |before| over the four bands.
float changeMagnitude(const PixelBands& before, const PixelBands& after);

/// The change class of one pixel from both dates, the NIR texture of each date and the change
/// magnitude: what the after state is (built, water, trees, bare) given that the pixel did
/// change and was not already that. Clouds and shadows are Invalid when masking.
ChangeClass classifyPixel(const PixelBands& before, const PixelBands& after, float textureBefore,
                          float textureAfter, const PixelRuleThresholds& thresholds);

}  // namespace onemap::change
