#include <gtest/gtest.h>

#include "onemap/change/change_parameters.h"

using namespace onemap::change;

TEST(ChangeParameters, DefaultsComeFromTheDeclaration) {
  auto p = ChangeParameters::fromValues({});
  ASSERT_TRUE(p);
  for (const auto& spec : parameterSpecs())
    if (spec.name == "min-area") {
      EXPECT_DOUBLE_EQ(p->minAreaM2, spec.defaultValue);
    }
  EXPECT_DOUBLE_EQ(p->minAreaM2, 400.0);
  EXPECT_TRUE(p->cloudMask);
}

TEST(ChangeParameters, ValuesAreParsedAndChecked) {
  auto p = ChangeParameters::fromValues({{"min-area", "200"}, {"sensitivity", "1.5"}, {"flag-bare", "yes"}, {"threads", "1"}});
  ASSERT_TRUE(p);
  EXPECT_DOUBLE_EQ(p->minAreaM2, 200.0);
  EXPECT_DOUBLE_EQ(p->sensitivity, 1.5);
  EXPECT_TRUE(p->flagBareSoil);
  EXPECT_EQ(p->threads, 1);
  EXPECT_NE(p->describe().find("min-area=200"), std::string::npos);

  auto unknown = ChangeParameters::fromValues({{"colour", "red"}});
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().text().find("colour"), std::string::npos);
  auto range = ChangeParameters::fromValues({{"sensitivity", "9"}});
  ASSERT_FALSE(range);
  EXPECT_NE(range.error().text().find("sensitivity"), std::string::npos);
  EXPECT_FALSE(ChangeParameters::fromValues({{"threads", "1.5"}}));
  EXPECT_FALSE(ChangeParameters::fromValues({{"min-area", "lots"}}));
  EXPECT_FALSE(ChangeParameters::fromValues({{"cloud-mask", "maybe"}}));
}
