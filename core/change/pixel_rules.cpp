#include "onemap/change/pixel_rules.h"

#include <cmath>

namespace onemap::change {
namespace {

/// Uniform darkening of every band (a cloud shadow or haze edge): the spectrum keeps its shape,
/// and no band keeps more of its light than a shorter-wavelength one by much (shadowed ground
/// is lit by the blue sky only, so blue is darkened least and NIR most). A brighter cover that
/// merely resembles the darker one (grass banks beside a crop) fails the band order.
bool isShadowOf(const PixelBands& darker, const PixelBands& reference) {
  const float ratio = (darker.blue + darker.green + darker.red + darker.nir) /
                      (reference.blue + reference.green + reference.red + reference.nir + 1e-6f);
  if (ratio > 0.8f) return false;
  const float rb = darker.blue / (reference.blue + 1e-6f), rg = darker.green / (reference.green + 1e-6f),
              rr = darker.red / (reference.red + 1e-6f), rn = darker.nir / (reference.nir + 1e-6f);
  const float slack = 0.05f;
  if (rg > rb + slack || rr > rg + slack || rn > rr + slack) return false;
  const float dot = darker.blue * reference.blue + darker.green * reference.green + darker.red * reference.red +
                    darker.nir * reference.nir;
  const float na = std::sqrt(darker.blue * darker.blue + darker.green * darker.green + darker.red * darker.red +
                             darker.nir * darker.nir);
  const float nb = std::sqrt(reference.blue * reference.blue + reference.green * reference.green +
                             reference.red * reference.red + reference.nir * reference.nir);
  const float cosine = dot / (na * nb + 1e-6f);
  return cosine > 0.985f;
}

/// NDVI above which ground is vegetated (crop, grass, trees) on any sensor.
constexpr float kVegetatedNdvi = 0.25f;

/// Brightness levels of the rules are multiples of the scene's median visible brightness (land
/// in the growing season), so that they hold for 8-, 10-, 12-bit or reflectance data alike:
/// `level(t, 250)` is 250 DN on a GF-1-like scene whose median is 210 DN.
float level(const PixelRuleThresholds& t, float gf1Dn) { return gf1Dn * t.sceneBrightness / 210.f; }

bool isWater(const PixelBands& p, const PixelRuleThresholds& t) {
  return p.ndwi() > 0.1f && p.nir < 0.8f * p.green + level(t, 40.f);
}

bool isBuilt(const PixelBands& p, const PixelRuleThresholds& t) {
  // Impervious surfaces: little vegetation, grey or bluish (roofs, concrete, asphalt) or very
  // bright; soil is reddish (blue/red well below 0.85) and only moderately bright. Red above
  // NIR (NDVI below zero) on land is no soil either: red clay tiles, painted roofs.
  return p.ndvi() < 0.15f && !isWater(p, t) &&
         (p.blueRedRatio() > 0.86f || p.brightness() > level(t, 470.f) || p.ndvi() < -0.01f) &&
         p.brightness() > level(t, 250.f);
}

bool isBare(const PixelBands& p, const PixelRuleThresholds& t) {
  return p.ndvi() < 0.15f && !isWater(p, t) && !isBuilt(p, t) && p.brightness() > level(t, 250.f);
}

}  // namespace

bool isThinCloudOver(const PixelBands& ground, const PixelBands& seen, const PixelBands& cloud) {
  // Least squares seen ≈ β·ground + α·cloud (β < 1: the ground also lies in another cloud's
  // shadow), judged by the residual relative to the change seen − ground.
  const float g[4] = {ground.blue, ground.green, ground.red, ground.nir};
  const float c[4] = {cloud.blue, cloud.green, cloud.red, cloud.nir};
  const float v[4] = {seen.blue, seen.green, seen.red, seen.nir};
  double gg = 0, gc = 0, cc = 0, gv = 0, cv = 0, dd = 0;
  for (int b = 0; b < 4; ++b) {
    gg += double(g[b]) * g[b];
    gc += double(g[b]) * c[b];
    cc += double(c[b]) * c[b];
    gv += double(g[b]) * v[b];
    cv += double(c[b]) * v[b];
    dd += double(v[b] - g[b]) * (v[b] - g[b]);
  }
  const double det = gg * cc - gc * gc;
  if (det <= 1e-9 * gg * cc || dd <= 0) return false;
  const double beta = (gv * cc - cv * gc) / det, alpha = (cv * gg - gv * gc) / det;
  if (alpha < 0.03 || alpha > 1.0 || beta < -0.05 || beta > 1.2) return false;
  double rr = 0;
  for (int b = 0; b < 4; ++b) {
    const double r = v[b] - beta * g[b] - alpha * c[b];
    rr += r * r;
  }
  return std::sqrt(rr / dd) < 0.3;
}

bool keepsCover(const PixelBands& before, const PixelBands& after, const PixelRuleThresholds& t) {
  return (before.ndvi() > kVegetatedNdvi && after.ndvi() > kVegetatedNdvi) || (isWater(before, t) && isWater(after, t));
}

ChangeClass classifyPixel(const PixelBands& before, const PixelBands& after, float textureBefore,
                          float textureAfter, float magnitude, const PixelRuleThresholds& t) {
  if (!std::isfinite(before.nir) || !std::isfinite(after.nir) || !std::isfinite(before.red) ||
      !std::isfinite(after.red))
    return ChangeClass::Invalid;
  if (t.cloudMask && (isCloud(before, t) || isCloud(after, t) || isShadowOf(after, before) || isShadowOf(before, after)))
    return ChangeClass::Invalid;
  const float ndviAfter = after.ndvi();
  const float ndviBefore = before.ndvi();
  // Trees planted on a field change the texture far more than the mean spectrum (crowns on
  // soil average to a spectrum close to a crop's, so the change magnitude is often below the
  // threshold): a rise of the isotropic crown texture on still-vegetated ground is enough.
  // Crop rotation, harvest and seasonal vigour keep the texture of rows (anisotropic), and
  // bright new built surfaces and water are classified below.
  if (textureAfter - textureBefore >= t.texture && ndviAfter > 0.2f && !isWater(after, t) && !isBuilt(after, t))
    return ChangeClass::Trees;
  if (!(magnitude >= t.changeMagnitude)) return ChangeClass::None;  // NaN too
  // Untyped change, when reported: not between two vegetated states (growth stage, crop
  // rotation, season: the crop is still a crop), nor of water, which stays water whatever its
  // colour does (sediment, algae). Strong change of built-like ground (bare soil built on) is no
  // conversion of cropland but still change.
  const bool stillVegetated = ndviBefore > kVegetatedNdvi && ndviAfter > kVegetatedNdvi;
  const ChangeClass untyped = t.reportAllChange && !stillVegetated ? ChangeClass::Other : ChangeClass::None;
  if (isWater(after, t)) return isWater(before, t) ? ChangeClass::None : ChangeClass::Water;
  if (isBuilt(after, t)) return isBuilt(before, t) ? untyped : ChangeClass::Built;
  if (t.flagBare && isBare(after, t) && ndviBefore > 0.3f) return ChangeClass::Bare;
  return untyped;
}

}  // namespace onemap::change
