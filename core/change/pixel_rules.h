#pragma once

#include <array>
#include <cmath>
#include <cstdint>

namespace onemap::change {

/// Per-pixel change classes written into the scratch class map (0 = no change).
enum class ChangeClass : std::uint8_t {
  None = 0,
  Built = 1,   ///< buildings / hardened ground / roads (road is decided from the patch shape)
  Water = 2,   ///< pond / water
  Trees = 3,   ///< orchard / nursery / forest
  Bare = 4,    ///< bare soil / earth moving (推土)
  Other = 5,   ///< changed, but into none of the above (reported only when asked: BHLX 其他)
  Invalid = 255,  ///< cloud, shadow or no data on either date (never a patch)
};

/// The reflective bands of one pixel in digital numbers (after-date values already normalised
/// to the before date's radiometry). SWIR is 0 when the images have none.
struct PixelBands {
  float blue = 0, green = 0, red = 0, nir = 0;
  float swir1 = 0, swir2 = 0;
  float ndvi() const { return (nir - red) / (nir + red + 1e-6f); }
  float ndwi() const { return (green - nir) / (green + nir + 1e-6f); }
  float brightness() const { return (blue + green + red) / 3.0f; }
  float blueRedRatio() const { return blue / (red + 1e-6f); }
};

/// Thresholds of the rules, derived from the run's parameters and the before image's range.
struct PixelRuleThresholds {
  float changeMagnitude = 5.0f;  ///< change magnitude (in noise units, see changeMagnitude()) above which a pixel may have changed
  float texture = 0.04f;         ///< rise of the relative NIR crown texture (after − before) that marks new trees
  float cloudBrightness = 850.f; ///< visible mean above which a pixel is cloud
  float sceneBrightness = 210.f; ///< median visible mean of the scene: the unit of the rules' brightness levels
  /// 1 / the noise of each band's change (blue, green, red, nir, swir1, swir2; 0 for a band the
  /// images lack): the unit of changeMagnitude().
  std::array<float, 6> bandWeights{1.f, 1.f, 1.f, 1.f, 0.f, 0.f};
  bool flagBare = false;
  bool cloudMask = true;          ///< clouds and their shadows are Invalid (set only when the scene has clouds)
  bool reportAllChange = false;  ///< strong change that no rule types is Other instead of None
};

/// Change vector magnitude over all bands (SWIR included when present), each band's change in
/// units of that band's noise (`weights` = 1 / the robust standard deviation of after − before
/// over the scene): a Mahalanobis distance with a diagonal covariance. Unchanged ground has a
/// magnitude of about √(bands); the unit is the same for 8-bit DN, reflectance or any sensor.
/// (Inline: the block pass evaluates it for every pixel near cropland.)
inline float changeMagnitude(const PixelBands& before, const PixelBands& after, const std::array<float, 6>& weights) {
  const float db = (after.blue - before.blue) * weights[0], dg = (after.green - before.green) * weights[1],
              dr = (after.red - before.red) * weights[2], dn = (after.nir - before.nir) * weights[3],
              ds1 = (after.swir1 - before.swir1) * weights[4], ds2 = (after.swir2 - before.swir2) * weights[5];
  return std::sqrt(db * db + dg * dg + dr * dr + dn * dn + ds1 * ds1 + ds2 * ds2);
}

/// The change class of one pixel from both dates, the NIR crown texture of each date (see
/// crown_texture.h: isotropic texture, relative to the local mean) and the change `magnitude`
/// (the block pass gives the mean over the pixel's 3 × 3 neighbourhood): what the after state
/// is (built, water, trees, bare) given that the pixel did change and was not already that.
/// Clouds and shadows are Invalid when masking.
ChangeClass classifyPixel(const PixelBands& before, const PixelBands& after, float textureBefore,
                          float textureAfter, float magnitude, const PixelRuleThresholds& thresholds);

/// classifyPixel() with the pixel's own change magnitude.
inline ChangeClass classifyPixel(const PixelBands& before, const PixelBands& after, float textureBefore,
                                 float textureAfter, const PixelRuleThresholds& thresholds) {
  return classifyPixel(before, after, textureBefore, textureAfter,
                       changeMagnitude(before, after, thresholds.bandWeights), thresholds);
}

/// Whether the ground kept its kind of cover, whatever its colour did: vegetated on both dates
/// (growth stage, rotation, season) or water on both (sediment, algae). Such change is never
/// reported, so the automatic threshold is taken on the other pixels.
bool keepsCover(const PixelBands& before, const PixelBands& after, const PixelRuleThresholds& thresholds);

/// Whether `p` is an opaque cloud (far brighter than the scene's land, bright in blue too).
/// (Inline: the block pass tests every pixel of both dates.)
/// (pixel_kernels.cpp's cloudCandidates() repeats this test without branches: change both.)
inline bool isCloud(const PixelBands& p, const PixelRuleThresholds& thresholds) {
  return p.brightness() > thresholds.cloudBrightness && p.blue > 0.9f * thresholds.cloudBrightness;
}

/// Whether `seen` is `ground` seen through a thin cloud or haze of spectrum `cloud`: a linear
/// mixture seen ≈ β·ground + α·cloud (0.03 ≤ α ≤ 1; 0 ≤ β ≤ 1.2, about 1 − α, less when the ground also
/// lies in a shadow) explains the change seen − ground up to a small residual. Only meaningful
/// near opaque clouds (their soft edges): grey concrete on a field can look the same.
bool isThinCloudOver(const PixelBands& ground, const PixelBands& seen, const PixelBands& cloud);

}  // namespace onemap::change
