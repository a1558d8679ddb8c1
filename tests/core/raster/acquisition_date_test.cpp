#include <gtest/gtest.h>

#include "onemap/raster/acquisition_date.h"

using namespace onemap::raster;

TEST(AcquisitionDate, MetadataGivesARealCalendarDateOnly) {
  EXPECT_EQ(dateFromMetadata({{"SENSOR", "PMS1"}, {"SENSING_TIME", "2024-05-18T02:41:07Z"}}), "2024-05-18");
  EXPECT_EQ(dateFromMetadata({{"DATE_ACQUIRED", "unknown"}, {"ACQUISITION_DATE", " 2020-01-31"}}), "2020-01-31");
  EXPECT_FALSE(dateFromMetadata({{"TIFFTAG_DATETIME", "2024:05:18 10:00:00"}}));  // not an acquisition key
  EXPECT_FALSE(dateFromMetadata({{"ACQUISITION_DATE", "2023-02-29"}}));            // no such day
  EXPECT_EQ(dateFromMetadata({{"ACQUISITION_DATE", "2024-02-29"}}), "2024-02-29");  // a leap year
}

TEST(AcquisitionDate, FileNamesGiveTheFirstDateNotPartOfALongerNumber) {
  EXPECT_EQ(dateFromFileName("nanjing_L5TM_2002-07-12_6band_utm50n.tif"), "2002-07-12");
  EXPECT_EQ(dateFromFileName("GF1_2024-02-30_and_2024-03-01.tif"), "2024-03-01");
  EXPECT_FALSE(dateFromFileName("tile_12024-05-180.tif"));
  EXPECT_FALSE(dateFromFileName("gf1_before.tif"));
  EXPECT_EQ(dateFromFileName("2021-06-01"), "2021-06-01");
}
