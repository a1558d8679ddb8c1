#include <gtest/gtest.h>

#include "onemap/base/error.h"
#include "onemap/base/json_guard.h"

#include <stdexcept>

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

TEST(JsonGuard, NestingIsCountedOutsideStrings) {
  EXPECT_EQ(onemap::jsonNestingDepth(R"({"a":[1,{"b":[]}]})"), 4);
  EXPECT_EQ(onemap::jsonNestingDepth(R"({"a":"[[[[\"{{"})"), 1);
  EXPECT_EQ(onemap::jsonNestingDepth(""), 0);
  const std::runtime_error e("[json.exception.type_error.302] type must be boolean, but is string");
  const onemap::Error error = onemap::jsonValueError(e, "p.onemap");
  EXPECT_EQ(error.context, "p.onemap");
  EXPECT_EQ(error.message, "a value has the wrong type or form: type must be boolean, but is string");
  const std::runtime_error d("[json.exception.type_error.302] (/layers/0/visible) type must be boolean, but is string");
  EXPECT_EQ(onemap::jsonValueError(d, "p").message,
            "the value at /layers/0/visible has the wrong type or form: type must be boolean, but is string");
}
