#pragma once
// Internal to onemap_change: how far the rules of the block pass reach around a pixel.

#include <algorithm>

#include "crown_texture.h"

namespace onemap::change::detail {

// Neighbourhoods of the rules, in pixels unless said otherwise.
constexpr double kMaxCrownPixel = 5.0;  // coarsest pixel (m) at which crown texture is used
constexpr int kGrowSteps = 2;           // rounds of growth into untyped change (hysteresis)
constexpr float kGrowThreshold = 0.5f;  // share of the change threshold that growth needs
constexpr int kShift = 1;               // misregistration tolerated
constexpr double kMaxShiftPixel = 5.0;  // coarsest pixel (m) at which misregistration is tolerated
constexpr int kGap = 3;                 // non-cropland gaps bridged within a patch
constexpr double kGrowReachM = 5.0;     // at most: metres growth reaches
constexpr double kGapReachM = 7.0;      // at most: metres of gap bridged
constexpr int kCoreRadius = 12;         // at most: radius of the window a cloud core must fill
constexpr int kHazeRadius = 32;         // at most: distance from a cloud core searched for thin edges
// What one output pixel depends on: clean-up (1) of bridging (kGap) of growth (kGrowSteps) of
// pixel classes, which need the texture window at the shifted neighbours or the cloud zone.
constexpr int kHalo = 1 + kGap + kGrowSteps + std::max(kTextureRadius + kShift, kHazeRadius + kCoreRadius);
// Rows of classes needed beyond the rows written: clean-up (1) of bridging (kGap) of growth.
constexpr int kClassMargin = 1 + kGap + kGrowSteps;
// Rows of pixel values a step reads above its first written row: the class rows' shifted
// neighbours and texture windows, and one more row that textureOf() checks for missing values.
constexpr int kValueRows = kClassMargin + kShift + kTextureRadius + 1;

}  // namespace onemap::change::detail
