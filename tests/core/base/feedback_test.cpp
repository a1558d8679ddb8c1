#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "onemap/base/feedback.h"

using namespace std::chrono_literals;
using onemap::Feedback;

TEST(Feedback, CancelIsSeenByEveryCopyAndSubRange) {
  Feedback f;
  Feedback copy = f;
  Feedback sub = f.subRange(0.5, 1.0);
  EXPECT_FALSE(sub.isCanceled());
  copy.cancel();
  EXPECT_TRUE(f.isCanceled());
  EXPECT_TRUE(sub.isCanceled());
}

TEST(Feedback, CancelFromAnotherThreadIsSeen) {
  Feedback f;
  std::thread t([f]() mutable { f.cancel(); });
  t.join();
  EXPECT_TRUE(f.isCanceled());
}

TEST(Feedback, SubRangesMapOntoTheParentRange) {
  Feedback f;
  Feedback second = f.subRange(0.5, 1.0);
  second.setProgress(0.5);
  EXPECT_DOUBLE_EQ(f.progress(), 0.75);
  Feedback nested = second.subRange(0.0, 0.5);  // 0.5 .. 0.75 overall
  nested.setProgress(1.0);
  EXPECT_DOUBLE_EQ(f.progress(), 0.75);
  second.setProgress(1.0);
  EXPECT_DOUBLE_EQ(f.progress(), 1.0);
}

TEST(Feedback, ProgressNeverGoesBackwardsAndIsClamped) {
  Feedback f;
  f.setProgress(0.6);
  f.setProgress(0.2);
  EXPECT_DOUBLE_EQ(f.progress(), 0.6);
  f.setProgress(7.0);
  EXPECT_DOUBLE_EQ(f.progress(), 1.0);
}

TEST(Feedback, CallbackIsThrottledButAlwaysReportsCompletion) {
  std::vector<double> reports;
  Feedback f([&](double p, std::string_view) { reports.push_back(p); }, 1h);
  for (int i = 1; i <= 1000; ++i) f.setProgress(i / 1000.0 * 0.99);
  f.setProgress(1.0, "done");
  ASSERT_EQ(reports.size(), 2u);  // the first report, then completion
  EXPECT_DOUBLE_EQ(reports.back(), 1.0);
  EXPECT_EQ(f.step(), "done");
}

TEST(Feedback, CallbackWithoutThrottleSeesEveryIncrease) {
  int calls = 0;
  Feedback f([&](double, std::string_view) { ++calls; }, 0ms);
  f.setProgress(0.1);
  f.setProgress(0.1);  // no increase, no report
  f.setProgress(0.2);
  EXPECT_EQ(calls, 2);
}
