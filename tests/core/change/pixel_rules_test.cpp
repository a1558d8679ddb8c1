#include <gtest/gtest.h>

#include <cmath>

#include "onemap/change/pixel_rules.h"

using namespace onemap::change;

namespace {
const PixelBands kCrop{185, 245, 180, 720};
const PixelBands kHarvest{300, 345, 385, 470};
const PixelRuleThresholds kRules{};
}  // namespace

TEST(PixelRules, CropToConcreteIsBuilt) {
  EXPECT_EQ(classifyPixel(kCrop, PixelBands{580, 620, 650, 670}, 0.03f, 0.03f, kRules), ChangeClass::Built);
}

TEST(PixelRules, CropToAsphaltIsBuiltButHarvestIsNot) {
  EXPECT_EQ(classifyPixel(kCrop, PixelBands{300, 305, 310, 330}, 0.03f, 0.03f, kRules), ChangeClass::Built);
  EXPECT_EQ(classifyPixel(kCrop, kHarvest, 0.03f, 0.03f, kRules), ChangeClass::None);
}

TEST(PixelRules, HarvestIsBareOnlyWhenAskedFor) {
  PixelRuleThresholds bare = kRules;
  bare.flagBare = true;
  EXPECT_EQ(classifyPixel(kCrop, kHarvest, 0.03f, 0.03f, bare), ChangeClass::Bare);
}

TEST(PixelRules, CropToPondIsWater) {
  EXPECT_EQ(classifyPixel(kCrop, PixelBands{255, 260, 175, 120}, 0.03f, 0.03f, kRules), ChangeClass::Water);
  EXPECT_EQ(classifyPixel(PixelBands{255, 260, 175, 120}, PixelBands{250, 258, 170, 115}, 0.03f, 0.03f, kRules),
            ChangeClass::None);
}

TEST(PixelRules, TreeCrownTextureMarksOrchardsButNotASmoothCrop) {
  const PixelBands orchard{230, 290, 270, 600};
  EXPECT_EQ(classifyPixel(kCrop, orchard, 0.03f, 0.13f, kRules), ChangeClass::Trees);
  EXPECT_EQ(classifyPixel(kCrop, orchard, 0.03f, 0.03f, kRules), ChangeClass::None);
}

TEST(PixelRules, CloudsAndShadowsAreInvalid) {
  EXPECT_EQ(classifyPixel(kCrop, PixelBands{985, 975, 965, 950}, 0.03f, 0.03f, kRules), ChangeClass::Invalid);
  const PixelBands shadow{kCrop.blue * 0.45f, kCrop.green * 0.45f, kCrop.red * 0.45f, kCrop.nir * 0.45f};
  EXPECT_EQ(classifyPixel(kCrop, shadow, 0.03f, 0.03f, kRules), ChangeClass::Invalid);
  PixelRuleThresholds noMask = kRules;
  noMask.cloudMask = false;
  EXPECT_NE(classifyPixel(kCrop, PixelBands{985, 975, 965, 950}, 0.03f, 0.03f, noMask), ChangeClass::Invalid);
}

TEST(PixelRules, NoDataIsInvalidAndNoChangeIsNone) {
  EXPECT_EQ(classifyPixel(kCrop, PixelBands{NAN, NAN, NAN, NAN}, 0, 0, kRules), ChangeClass::Invalid);
  EXPECT_EQ(classifyPixel(kCrop, kCrop, 0.03f, 0.03f, kRules), ChangeClass::None);
  EXPECT_FLOAT_EQ(changeMagnitude(kCrop, kCrop), 0.0f);
}
