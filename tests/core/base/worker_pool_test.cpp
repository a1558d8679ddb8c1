#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "onemap/base/worker_pool.h"

using namespace onemap;

TEST(WorkerPool, RunsTheWorkOnEveryThreadAndWaits) {
  std::atomic<int> runs{0};
  std::mutex mutex;
  std::set<std::thread::id> ids;
  runOnThreads(3, [&] {
    ++runs;
    std::lock_guard lock(mutex);
    ids.insert(std::this_thread::get_id());
  });
  EXPECT_EQ(runs.load(), 3);
  EXPECT_EQ(ids.size(), 3u);
  EXPECT_TRUE(ids.count(std::this_thread::get_id()));  // the caller is one of them
  runs = 0;
  runOnThreads(0, [&] { ++runs; });
  EXPECT_EQ(runs.load(), 1);
}

TEST(WorkerPool, TheFirstErrorIsKeptAndStopsTheOthers) {
  FirstError errors;
  EXPECT_FALSE(errors.failed());
  EXPECT_TRUE(errors.status());
  std::atomic<int> recorded{0};
  runOnThreads(4, [&] {
    for (int i = 0; i < 1000 && !errors.failed(); ++i)
      if (i == 10) {
        errors.record(Error{ErrorCode::Io, "disk " + std::to_string(recorded++), {}, {}});
        return;
      }
  });
  EXPECT_GE(recorded.load(), 1);
  EXPECT_TRUE(errors.failed());
  auto status = errors.status();
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::Io);
  // One of the errors, whole: the first recorded.
  EXPECT_EQ(status.error().text().rfind("disk ", 0), 0u) << status.error().text();
}
