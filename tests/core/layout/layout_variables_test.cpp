#include <gtest/gtest.h>

#include "onemap/layout/layout_variables.h"

using namespace onemap::layout;

TEST(LayoutVariables, KnownNamesAreReplacedAndUnknownOnesStayVisible) {
  const Variables values = {{"village_name", "长岗村"}, {"scale", "1:5000"}, {"field:HS", "312"}};
  EXPECT_EQ(expandVariables("{village_name}村级图 {scale}", values), "长岗村村级图 1:5000");
  EXPECT_EQ(expandVariables("户数 {field:HS} 户", values), "户数 312 户");
  EXPECT_EQ(expandVariables("{vilage_name}", values), "{vilage_name}");
  EXPECT_EQ(expandVariables("{{village_name}} }} {", values), "{village_name} } {");
  EXPECT_EQ(expandVariables("", values), "");
}

TEST(LayoutVariables, ScalesAreGroupedOnlyBeyondFourDigits) {
  EXPECT_EQ(formatScale(5000.4), "1:5000");
  EXPECT_EQ(formatScale(10000), "1:10 000");
  EXPECT_EQ(formatScale(1234567), "1:1 234 567");
  EXPECT_EQ(formatScale(0), "1:?");
}

TEST(LayoutVariables, IsoDatesBecomeChineseDates) {
  EXPECT_EQ(chineseDate("2026-12-01"), "2026年12月1日");
  EXPECT_EQ(chineseDate("2026-13-01"), "2026-13-01");
  EXPECT_EQ(chineseDate("十二月"), "十二月");
}
