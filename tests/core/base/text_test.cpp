#include <gtest/gtest.h>

#include "onemap/base/text.h"

using namespace onemap::text;

namespace {
const std::string kGengdiGbk = "\xB8\xFB\xB5\xD8";  // 耕地 in GBK/GB18030
}

TEST(Text, RecognisesUtf8) {
  EXPECT_TRUE(isValidUtf8("耕地 cropland"));
  EXPECT_FALSE(isValidUtf8(kGengdiGbk));
  EXPECT_FALSE(isValidUtf8("\xC0\xAF"));  // overlong
  EXPECT_TRUE(isAscii("abc"));
  EXPECT_FALSE(isAscii("耕"));
}

TEST(Text, DecodesGb18030) {
  const auto decoded = toUtf8(kGengdiGbk, "GB18030");
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, "耕地");
  EXPECT_FALSE(toUtf8("x", "NO-SUCH-ENCODING").has_value());
}

TEST(Text, DisplayPathNeverReturnsBrokenUtf8) {
  EXPECT_EQ(displayPath("/data/耕地.shp"), "/data/耕地.shp");
  const std::string gbk = displayPath("/data/" + kGengdiGbk + ".shp");
  EXPECT_TRUE(isValidUtf8(gbk));
  EXPECT_NE(gbk.find("耕地"), std::string::npos);
  const std::string junk = displayPath(std::string("/data/\xFF\xFE.tif"));
  EXPECT_TRUE(isValidUtf8(junk));
  EXPECT_NE(junk.find("\\xFF"), std::string::npos);
}

TEST(Text, EscapeKeepsValidSequences) {
  EXPECT_EQ(escapeInvalidUtf8("a\x80" "b耕"), "a\\x80b耕");
}
