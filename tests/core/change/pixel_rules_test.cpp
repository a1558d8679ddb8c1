#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "onemap/change/pixel_rules.h"

using namespace onemap::change;

namespace {
const PixelBands kCrop{185, 245, 180, 720};
const PixelBands kHarvest{300, 345, 385, 470};
// Every band's noise is 4 % of the crop's spectrum length (a scene of such fields), so the
// default threshold of 5 noise units is a change of 20 % of that length.
const PixelRuleThresholds kRules = [] {
  PixelRuleThresholds t;
  const float length = std::sqrt(kCrop.blue * kCrop.blue + kCrop.green * kCrop.green + kCrop.red * kCrop.red +
                                  kCrop.nir * kCrop.nir);
  t.bandWeights.fill(1.f / (0.04f * length));
  return t;
}();
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
  EXPECT_FLOAT_EQ(changeMagnitude(kCrop, kCrop, kRules.bandWeights), 0.0f);
  // A magnitude the caller could not measure (no data beside the pixel) is no change.
  EXPECT_EQ(classifyPixel(kCrop, PixelBands{580, 620, 650, 670}, 0.03f, 0.03f, NAN, kRules), ChangeClass::None);
}

TEST(PixelRules, OrchardsNeedTheCrownTextureRiseNotASpectralChange) {
  // Crowns on soil average to a spectrum close to the crop's (change magnitude below the usual
  // Otsu threshold): the rise of the isotropic texture decides.
  const PixelBands orchard{200, 255, 195, 690};
  ASSERT_LT(changeMagnitude(kCrop, orchard, kRules.bandWeights), kRules.changeMagnitude);
  EXPECT_EQ(classifyPixel(kCrop, orchard, 0.01f, 0.07f, kRules), ChangeClass::Trees);
  EXPECT_EQ(classifyPixel(kCrop, orchard, 0.05f, 0.07f, kRules), ChangeClass::None);  // texture was there
  EXPECT_EQ(classifyPixel(kCrop, kHarvest, 0.01f, 0.07f, kRules), ChangeClass::None);  // no vegetation
}

TEST(PixelRules, RedTileRoofsAreBuiltThoughReddish) {
  EXPECT_EQ(classifyPixel(kCrop, PixelBands{330, 330, 540, 500}, 0.03f, 0.03f, kRules), ChangeClass::Built);
}

TEST(PixelRules, ABrighterCoverOfSimilarShapeIsNoShadow) {
  // Crop beside grass-and-earth pond banks: the spectra are nearly parallel, but the crop keeps
  // relatively more NIR than red — no shadow does that.
  const PixelBands crop{190, 222, 178, 486};
  const PixelBands banks{269, 335, 312, 619};
  EXPECT_NE(classifyPixel(crop, banks, 0.03f, 0.03f, kRules), ChangeClass::Invalid);
}

TEST(PixelRules, ThinCloudIsAMixtureTowardsTheCloud) {
  const PixelBands cloud{915, 905, 895, 885};
  const auto mix = [&](const PixelBands& ground, float alpha, float shade) {
    return PixelBands{(1 - alpha) * shade * ground.blue + alpha * cloud.blue,
                      (1 - alpha) * shade * ground.green + alpha * cloud.green,
                      (1 - alpha) * shade * ground.red + alpha * cloud.red, (1 - alpha) * shade * ground.nir + alpha * cloud.nir};
  };
  EXPECT_TRUE(isThinCloudOver(kCrop, mix(kCrop, 0.4f, 1.0f), cloud));
  EXPECT_TRUE(isThinCloudOver(kCrop, mix(kCrop, 0.7f, 0.5f), cloud));  // over a cloud shadow
  EXPECT_FALSE(isThinCloudOver(kCrop, kCrop, cloud));
  EXPECT_FALSE(isThinCloudOver(kCrop, PixelBands{255, 260, 175, 120}, cloud));  // a pond
  EXPECT_FALSE(isThinCloudOver(kCrop, PixelBands{330, 330, 540, 500}, cloud));  // red tiles
}

TEST(PixelRules, MagnitudeCountsSwirAndIsInNoiseUnitsPerBand) {
  PixelBands before = kCrop, after = kCrop;
  before.swir1 = 400;
  after.swir1 = 700;  // only SWIR changed
  std::array<float, 6> weights{1.f, 1.f, 1.f, 1.f, 1.f, 1.f};
  EXPECT_FLOAT_EQ(changeMagnitude(before, after, weights), 300.f);
  weights[4] = 0.01f;  // SWIR 1's noise is 100 DN
  EXPECT_FLOAT_EQ(changeMagnitude(before, after, weights), 3.f);
  weights[4] = 0.f;  // a band the images lack counts nothing
  EXPECT_FLOAT_EQ(changeMagnitude(before, after, weights), 0.f);
  // Each band in units of its own noise: 30 DN of blue (noise 10) and 40 of NIR (noise 10).
  after = before;
  after.blue += 30.f;
  after.nir += 40.f;
  weights = {0.1f, 1.f, 1.f, 0.1f, 1.f, 1.f};
  EXPECT_FLOAT_EQ(changeMagnitude(before, after, weights), 5.f);
}

TEST(PixelRules, KeepingVegetationOrWaterIsKeepingTheCover) {
  EXPECT_TRUE(keepsCover(kCrop, PixelBands{260, 330, 250, 520}, kRules));   // another growth stage
  EXPECT_TRUE(keepsCover(PixelBands{255, 260, 175, 120}, PixelBands{330, 360, 260, 150}, kRules));  // muddier water
  EXPECT_FALSE(keepsCover(kCrop, kHarvest, kRules));
  EXPECT_FALSE(keepsCover(kCrop, PixelBands{580, 620, 650, 670}, kRules));
  EXPECT_FALSE(keepsCover(kCrop, PixelBands{255, 260, 175, 120}, kRules));  // a field dug into a pond
}

TEST(PixelRules, UntypedChangeIsOtherOnlyWhenAllChangeIsReported) {
  PixelRuleThresholds all = kRules;
  all.reportAllChange = true;
  // Harvest: strong change into bare soil, no conversion type unless bare soil is flagged.
  EXPECT_EQ(classifyPixel(kCrop, kHarvest, 0.03f, 0.03f, kRules), ChangeClass::None);
  EXPECT_EQ(classifyPixel(kCrop, kHarvest, 0.03f, 0.03f, all), ChangeClass::Other);
  // Bare soil that turns green (fallow sown) is change too; typed conversions keep their type.
  EXPECT_EQ(classifyPixel(kHarvest, kCrop, 0.03f, 0.03f, all), ChangeClass::Other);
  EXPECT_EQ(classifyPixel(kCrop, PixelBands{580, 620, 650, 670}, 0.03f, 0.03f, all), ChangeClass::Built);
  // A crop at another growth stage is still a crop; water stays water.
  EXPECT_EQ(classifyPixel(kCrop, PixelBands{260, 330, 250, 520}, 0.03f, 0.03f, all), ChangeClass::None);
  EXPECT_EQ(classifyPixel(PixelBands{255, 260, 175, 120}, PixelBands{330, 360, 260, 150}, 0.03f, 0.03f, all),
            ChangeClass::None);
}
