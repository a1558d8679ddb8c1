#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "onemap/sample/scene_builder.h"

using namespace onemap::sample;

namespace {

const Scene& smallScene() {
  static const Scene scene = buildScene({SampleSize::Small, 1, 0.0});
  return scene;
}

}  // namespace

TEST(SceneBuilder, SameSeedGivesTheSameSceneAndOtherSeedsDiffer) {
  const Scene a = buildScene({SampleSize::Small, 7, 0.0});
  const Scene b = buildScene({SampleSize::Small, 7, 0.0});
  const Scene c = buildScene({SampleSize::Small, 8, 0.0});
  ASSERT_EQ(a.parcels.size(), b.parcels.size());
  for (std::size_t i = 0; i < a.parcels.size(); ++i) {
    EXPECT_EQ(a.parcels[i].dlbm, b.parcels[i].dlbm);
    EXPECT_EQ(a.parcels[i].rect.minX, b.parcels[i].rect.minX);
  }
  ASSERT_EQ(a.changes.size(), b.changes.size());
  EXPECT_TRUE(a.parcels.size() != c.parcels.size() || a.changes[0].rect.minX != c.changes[0].rect.minX);
}

TEST(SceneBuilder, SmallCountyHasTownshipsVillagesAndProperCodes) {
  const Scene& s = smallScene();
  EXPECT_EQ(s.countyCode.size(), 6u);
  EXPECT_GE(s.townships.size(), 2u);
  EXPECT_GE(s.villages.size(), 10u);
  std::set<std::string> codes, names;
  for (const auto& v : s.villages) {
    EXPECT_EQ(v.code.size(), 12u) << v.code;
    EXPECT_EQ(v.code.substr(0, 9), s.townships[std::size_t(v.township)].code);
    EXPECT_EQ(v.code.substr(0, 6), s.countyCode);
    codes.insert(v.code);
    names.insert(v.name);
    EXPECT_NE(v.name.find("村"), std::string::npos);
  }
  EXPECT_EQ(codes.size(), s.villages.size());
  EXPECT_EQ(names.size(), s.villages.size());
  EXPECT_EQ(s.width, 2000);
  EXPECT_EQ(s.height, 1500);
}

TEST(SceneBuilder, ParcelsTileTheImageWithoutGapsOrOverlaps) {
  const Scene& s = smallScene();
  double total = 0;
  for (const auto& p : s.parcels) {
    EXPECT_GT(p.rect.width(), 0.0);
    EXPECT_GT(p.rect.height(), 0.0);
    total += p.rect.area();
  }
  // Areas add up to the extent and a sample of points each falls in exactly one parcel.
  EXPECT_NEAR(total, s.extent.area(), 1e-3 * s.extent.area() * 1e-3);
  for (int k = 0; k < 2000; ++k) {
    const double x = s.extent.minX + (k * 7919 % 1000 + 0.5) / 1000.0 * s.extent.width();
    const double y = s.extent.minY + (k * 104729 % 997 + 0.5) / 997.0 * s.extent.height();
    int hits = 0;
    for (const auto& p : s.parcels) hits += p.rect.contains(x, y) ? 1 : 0;
    EXPECT_EQ(hits, 1) << x << " " << y;
  }
}

TEST(SceneBuilder, VillageBlocksTileTheCountyAndParcelsLieInTheirVillage) {
  const Scene& s = smallScene();
  for (const auto& p : s.parcels) {
    if (p.village < 0) continue;
    const double cx = (p.rect.minX + p.rect.maxX) / 2, cy = (p.rect.minY + p.rect.maxY) / 2;
    bool inside = false;
    for (const auto& b : s.villages[std::size_t(p.village)].blocks) inside = inside || b.contains(cx, cy);
    EXPECT_TRUE(inside) << "parcel " << p.id;
  }
  for (std::size_t a = 0; a < s.villages.size(); ++a)
    for (std::size_t b = a + 1; b < s.villages.size(); ++b)
      for (const auto& ra : s.villages[a].blocks)
        for (const auto& rb : s.villages[b].blocks) EXPECT_FALSE(ra.intersects(rb));
}

TEST(SceneBuilder, FieldsAreElongatedStripsAndLandUseIsVaried) {
  const Scene& s = smallScene();
  std::set<std::string> codes;
  int elongated = 0, cropland = 0;
  for (const auto& p : s.parcels) {
    codes.insert(p.dlbm);
    if (!p.isCropland()) continue;
    ++cropland;
    const double ratio = std::max(p.rect.width(), p.rect.height()) / std::min(p.rect.width(), p.rect.height());
    if (ratio >= 3.0) ++elongated;
  }
  EXPECT_GT(elongated, cropland * 8 / 10);
  for (const char* code : {"0101", "0102", "0103", "0201", "0301", "0702", "1003", "1006", "1101", "1104"})
    EXPECT_TRUE(codes.count(code)) << code;
}

TEST(SceneBuilder, PermanentBasicFarmlandIsASubsetOfCropland) {
  int pbf = 0;
  for (const auto& p : smallScene().parcels) {
    if (!p.isPbf) continue;
    ++pbf;
    EXPECT_TRUE(p.isCropland()) << p.dlbm;
  }
  EXPECT_GT(pbf, 100);
}

TEST(SceneBuilder, ChangesConvertCroplandAndSpanSizesAroundTheMinimumMappingUnit) {
  const Scene& s = smallScene();
  ASSERT_GE(s.changes.size(), 30u);
  int below = 0, above = 0, farAbove = 0;
  std::set<ChangeType> types;
  for (const auto& c : s.changes) {
    types.insert(c.type);
    const auto& parcel = s.parcels[std::size_t(c.parcel)];
    EXPECT_TRUE(parcel.isCropland());
    EXPECT_EQ(c.beforeDlbm, parcel.dlbm);
    EXPECT_GE(c.village, 0);
    const double area = c.rect.area();
    below += area < 400 ? 1 : 0;
    above += area >= 400 ? 1 : 0;
    farAbove += area > 2000 ? 1 : 0;
  }
  EXPECT_EQ(types.size(), 6u);
  EXPECT_GE(below, 3);
  EXPECT_GE(above, 20);
  EXPECT_GE(farAbove, 5);
  for (std::size_t a = 0; a < s.changes.size(); ++a)
    for (std::size_t b = a + 1; b < s.changes.size(); ++b) EXPECT_FALSE(s.changes[a].rect.intersects(s.changes[b].rect));
}

TEST(SceneBuilder, DistractorsOfEveryKindStayClearOfTruthPatches) {
  const Scene& s = smallScene();
  std::set<DistractorType> kinds;
  for (const auto& d : s.distractors) {
    kinds.insert(d.type);
    for (const auto& c : s.changes) EXPECT_FALSE(d.rect.intersects(c.rect)) << distractorTypeName(d.type);
    if (d.type == DistractorType::Harvest || d.type == DistractorType::Rotation) {
      EXPECT_TRUE(s.parcels[std::size_t(d.parcel)].isCropland());
    }
    if (d.type == DistractorType::OutsideCropland) {
      EXPECT_FALSE(s.parcels[std::size_t(d.parcel)].isCropland());
    }
  }
  EXPECT_EQ(kinds.size(), 5u);
  EXPECT_NE(s.before.gain, s.after.gain);  // seasonal brightness shift between the dates
}

TEST(SceneBuilder, ThematicDataCoversEveryVillage) {
  const Scene& s = smallScene();
  EXPECT_FALSE(s.redLine.empty());
  int service = 0, county = 0, township = 0;
  for (const auto& p : s.pois) {
    service += p.type == "益农信息社";
    county += p.type == "县级物流中心";
    township += p.type == "乡镇物流站";
  }
  EXPECT_GE(service, int(s.villages.size()) / 2);
  EXPECT_EQ(county, 1);
  EXPECT_EQ(township, int(s.townships.size()));
  for (const auto& v : s.villages) {
    EXPECT_FALSE(v.fieldChief.empty());
    EXPECT_EQ(v.fieldChiefPhone.size(), 11u);
    EXPECT_GT(v.households, 0);
  }
}

TEST(SceneBuilder, MisregistrationShiftsOnlyTheSecondDate) {
  const Scene s = buildScene({SampleSize::Small, 1, 1.0});
  EXPECT_EQ(s.before.shiftX, 0.0);
  EXPECT_EQ(s.after.shiftX, 1.0);
  EXPECT_EQ(s.after.shiftY, 1.0);
}
