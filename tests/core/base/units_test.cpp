#include <gtest/gtest.h>

#include "onemap/base/units.h"

using namespace onemap::units;

TEST(Units, OneMuIsTenThousandFifteenthsOfASquareMetre) {
  EXPECT_NEAR(kSquareMetresPerMu, 666.6667, 1e-4);
  EXPECT_DOUBLE_EQ(squareMetresToMu(10000.0), 15.0);
  EXPECT_DOUBLE_EQ(muToSquareMetres(15.0), 10000.0);
}

TEST(Units, HectareIsFifteenMu) {
  EXPECT_DOUBLE_EQ(hectaresToMu(1.0), 15.0);
  EXPECT_DOUBLE_EQ(squareMetresToHectares(25000.0), 2.5);
}

TEST(Units, TheTwoMuEnforcementBoundaryIsAbout1333SquareMetres) {
  EXPECT_NEAR(muToSquareMetres(2.0), 1333.33, 0.01);
}
