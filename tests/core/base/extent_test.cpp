#include <gtest/gtest.h>

#include "onemap/base/extent.h"

using onemap::Extent;

TEST(Extent, DefaultIsEmptyAndGrowsByIncluding) {
  Extent e;
  EXPECT_TRUE(e.isEmpty());
  EXPECT_EQ(e.width(), 0.0);
  e.include(3, 4);
  e.include(-1, 10);
  EXPECT_FALSE(e.isEmpty());
  EXPECT_EQ(e, Extent(-1, 4, 3, 10));
}

TEST(Extent, ConstructorNormalisesCorners) {
  EXPECT_EQ(Extent(5, 6, 1, 2), Extent(1, 2, 5, 6));
}

TEST(Extent, IntersectionAndUnion) {
  const Extent a(0, 0, 10, 10);
  const Extent b(5, 5, 20, 20);
  EXPECT_TRUE(a.intersects(b));
  EXPECT_EQ(a.intersected(b), Extent(5, 5, 10, 10));
  EXPECT_EQ(a.united(b), Extent(0, 0, 20, 20));
  EXPECT_TRUE(a.intersected(Extent(11, 11, 12, 12)).isEmpty());
  EXPECT_TRUE(a.contains(Extent(1, 1, 2, 2)));
  EXPECT_FALSE(a.contains(b));
}

TEST(Extent, BufferAndScaleKeepTheCentre) {
  const Extent a(0, 0, 10, 20);
  EXPECT_EQ(a.buffered(1), Extent(-1, -1, 11, 21));
  const Extent s = a.scaled(2);
  EXPECT_DOUBLE_EQ(s.width(), 20);
  EXPECT_DOUBLE_EQ(s.centerX(), 5);
  EXPECT_DOUBLE_EQ(s.centerY(), 10);
}
