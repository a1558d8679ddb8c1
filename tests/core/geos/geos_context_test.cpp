#include <gtest/gtest.h>

#include <latch>
#include <string>
#include <thread>

#include "onemap/geos/geometry.h"
#include "onemap/geos/geos_context.h"

namespace onemap::geos {
namespace {

TEST(GeosContext, IsCreatedOncePerThread) {
  auto* first = threadContext();
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(threadContext(), first);
}

TEST(GeosContext, EachThreadGetsItsOwnUsableContext) {
  auto* mainContext = threadContext();
  GEOSContextHandle_HS* contexts[2] = {nullptr, nullptr};
  double areas[2] = {0.0, 0.0};
  bool valid[2] = {false, false};
  std::latch bothStarted(2);  // both threads hold their context at the same time
  auto work = [&](int index, double size) {
    contexts[index] = threadContext();
    bothStarted.arrive_and_wait();
    for (int i = 0; i < 200; ++i) {
      const std::string wkt = "POLYGON((0 0," + std::to_string(size) + " 0," + std::to_string(size) + " " +
                              std::to_string(size) + ",0 " + std::to_string(size) + ",0 0))";
      auto geometry = Geometry::fromWkt(wkt);
      if (!geometry) return;
      areas[index] = geometry->area();
      valid[index] = geometry->isValid();
    }
  };
  std::thread a(work, 0, 2.0);
  std::thread b(work, 1, 3.0);
  a.join();
  b.join();
  EXPECT_NE(contexts[0], nullptr);
  EXPECT_NE(contexts[1], nullptr);
  EXPECT_NE(contexts[0], contexts[1]);
  EXPECT_NE(contexts[0], mainContext);
  EXPECT_DOUBLE_EQ(areas[0], 4.0);
  EXPECT_DOUBLE_EQ(areas[1], 9.0);
  EXPECT_TRUE(valid[0]);
  EXPECT_TRUE(valid[1]);
}

TEST(GeosContext, ParseErrorMessageIsKeptPerThreadAndClearedOnRead) {
  auto bad = Geometry::fromWkt("POLYGON((0 0, 1");
  ASSERT_FALSE(bad);
  EXPECT_FALSE(bad.error().message.empty());
  EXPECT_NE(bad.error().message.find("WKT"), std::string::npos);
  // Reading the message inside fromWkt cleared it.
  EXPECT_STREQ(lastGeosMessage(), "");

  std::string otherThreadMessage = "unset";
  std::thread other([&] { otherThreadMessage = lastGeosMessage(); });
  other.join();
  EXPECT_EQ(otherThreadMessage, "");
}

}  // namespace
}  // namespace onemap::geos
