#include <gtest/gtest.h>

#include "onemap/sample/scene_builder.h"
#include "onemap/sample/scene_index.h"

using namespace onemap::sample;

TEST(SceneIndex, ChangesShowOnlyOnTheSecondDate) {
  const Scene s = buildScene({SampleSize::Small, 3, 0.0});
  const SceneIndex index(s);
  for (const auto& c : s.changes) {
    const double x = (c.rect.minX + c.rect.maxX) / 2, y = (c.rect.minY + c.rect.maxY) / 2;
    const GroundSample before = index.sample(0, x, y);
    const GroundSample after = index.sample(1, x, y);
    EXPECT_EQ(before.change, -1);
    EXPECT_EQ(after.change, c.id - 1);
    EXPECT_EQ(after.cover, coverAfterChange(c.type));
    EXPECT_NE(before.cover, after.cover);
  }
}

TEST(SceneIndex, HarvestAndCloudsAffectOnlyTheSecondDate) {
  const Scene s = buildScene({SampleSize::Small, 3, 0.0});
  const SceneIndex index(s);
  for (const auto& d : s.distractors) {
    const double x = (d.rect.minX + d.rect.maxX) / 2, y = (d.rect.minY + d.rect.maxY) / 2;
    const GroundSample before = index.sample(0, x, y);
    const GroundSample after = index.sample(1, x, y);
    EXPECT_EQ(before.cloud, 0.0f);
    switch (d.type) {
      case DistractorType::Harvest: EXPECT_EQ(after.cover, Cover::HarvestedStubble); break;
      case DistractorType::Cloud: EXPECT_EQ(after.cloud, 1.0f); break;
      case DistractorType::CloudShadow: EXPECT_EQ(after.shadow, 1.0f); break;
      case DistractorType::OutsideCropland: EXPECT_EQ(after.cover, Cover::Building); break;
      case DistractorType::Rotation: EXPECT_NE(after.cover, before.cover); break;
    }
  }
}

TEST(SceneIndex, EveryPointOfTheImageHasAParcel) {
  const Scene s = buildScene({SampleSize::Small, 3, 0.0});
  const SceneIndex index(s);
  for (double x = s.extent.minX + 1; x < s.extent.maxX; x += 97)
    for (double y = s.extent.minY + 1; y < s.extent.maxY; y += 89) EXPECT_GE(index.sample(0, x, y).parcel, 0);
  EXPECT_EQ(index.sample(0, s.extent.minX - 10, s.extent.minY).parcel, -1);
}
