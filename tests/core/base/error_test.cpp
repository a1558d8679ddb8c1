#include <gtest/gtest.h>

#include "onemap/base/error.h"

using namespace onemap;

TEST(Error, TextNamesContextMessageAndHint) {
  const Error e{ErrorCode::NotFound, "file does not exist", "/data/a.tif", "Check the path."};
  EXPECT_EQ(e.text(), "/data/a.tif: file does not exist. Check the path.");
}

TEST(Error, TextWithoutContextOrHintIsJustTheSentence) {
  EXPECT_EQ((Error{ErrorCode::Internal, "boom", "", ""}).text(), "boom.");
}

TEST(Error, WithContextPrependsOuterContext) {
  const Error e{ErrorCode::InvalidInput, "empty layer", "fields", ""};
  EXPECT_EQ(e.withContext("a.gpkg").context, "a.gpkg: fields");
  EXPECT_EQ((Error{ErrorCode::Io, "x", "", ""}).withContext("b.shp").context, "b.shp");
}

TEST(Error, FailBuildsAnUnexpectedResult) {
  auto f = []() -> Result<int> { return fail(ErrorCode::Unsupported, "no driver", "x.abc"); };
  const auto r = f();
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::Unsupported);
  EXPECT_EQ(errorCodeName(r.error().code), "unsupported");
}
