#include "onemap/change/pixel_rules.h"

#include <cmath>

namespace onemap::change {
namespace {

bool isCloud(const PixelBands& p, const PixelRuleThresholds& t) {
  return p.brightness() > t.cloudBrightness && p.blue > 0.9f * t.cloudBrightness;
}

/// Uniform darkening of every band (a cloud shadow or haze edge): the spectrum keeps its shape.
bool isShadowOf(const PixelBands& darker, const PixelBands& reference) {
  const float ratio = (darker.blue + darker.green + darker.red + darker.nir) /
                      (reference.blue + reference.green + reference.red + reference.nir + 1e-6f);
  if (ratio > 0.8f) return false;
  const float dot = darker.blue * reference.blue + darker.green * reference.green + darker.red * reference.red +
                    darker.nir * reference.nir;
  const float na = std::sqrt(darker.blue * darker.blue + darker.green * darker.green + darker.red * darker.red +
                             darker.nir * darker.nir);
  const float nb = std::sqrt(reference.blue * reference.blue + reference.green * reference.green +
                             reference.red * reference.red + reference.nir * reference.nir);
  const float cosine = dot / (na * nb + 1e-6f);
  return cosine > 0.985f;
}

bool isWater(const PixelBands& p) { return p.ndwi() > 0.1f && p.nir < 0.8f * p.green + 40.f; }

bool isBuilt(const PixelBands& p) {
  // Impervious surfaces: little vegetation, grey or bluish (roofs, concrete, asphalt) or very
  // bright; soil is reddish (blue/red well below 0.85) and only moderately bright.
  return p.ndvi() < 0.15f && !isWater(p) && (p.blueRedRatio() > 0.86f || p.brightness() > 470.f) &&
         p.brightness() > 250.f;
}

bool isBare(const PixelBands& p) { return p.ndvi() < 0.15f && !isWater(p) && !isBuilt(p) && p.brightness() > 250.f; }

}  // namespace

float changeMagnitude(const PixelBands& before, const PixelBands& after) {
  const float db = after.blue - before.blue, dg = after.green - before.green, dr = after.red - before.red,
              dn = after.nir - before.nir;
  const float norm = std::sqrt(before.blue * before.blue + before.green * before.green + before.red * before.red +
                               before.nir * before.nir);
  return std::sqrt(db * db + dg * dg + dr * dr + dn * dn) / (norm + 1e-6f);
}

ChangeClass classifyPixel(const PixelBands& before, const PixelBands& after, float textureBefore,
                          float textureAfter, const PixelRuleThresholds& t) {
  if (!std::isfinite(before.nir) || !std::isfinite(after.nir) || !std::isfinite(before.red) ||
      !std::isfinite(after.red))
    return ChangeClass::Invalid;
  if (t.cloudMask && (isCloud(before, t) || isCloud(after, t) || isShadowOf(after, before) || isShadowOf(before, after)))
    return ChangeClass::Invalid;
  const float magnitude = changeMagnitude(before, after);
  const float ndviAfter = after.ndvi();
  const float ndviBefore = before.ndvi();
  // Trees planted on a field change the texture more than the mean spectrum (crowns on soil):
  // they need only half the spectral change when the crown texture appears.
  if (magnitude >= 0.5f * t.changeMagnitude && ndviAfter > 0.2f && ndviAfter < 0.55f && textureAfter > t.texture &&
      textureAfter > textureBefore + 0.04f && ndviAfter < ndviBefore - 0.03f && !isWater(after) && !isBuilt(after))
    return ChangeClass::Trees;
  if (magnitude < t.changeMagnitude) return ChangeClass::None;
  if (isWater(after)) return isWater(before) ? ChangeClass::None : ChangeClass::Water;
  if (isBuilt(after)) return isBuilt(before) ? ChangeClass::None : ChangeClass::Built;
  if (t.flagBare && isBare(after) && ndviBefore > 0.3f) return ChangeClass::Bare;
  return ChangeClass::None;
}

}  // namespace onemap::change
