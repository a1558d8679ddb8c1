#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>

#include "onemap/base/error.h"

namespace onemap {

/// The first error of workers running in parallel (later ones are dropped) and the flag the
/// others poll to stop early, without canceling anyone's Feedback. Thread-safe.
class FirstError {
 public:
  /// Records `error` unless one is recorded already; from then on failed() is true.
  void record(const Error& error);
  bool failed() const { return m_failed.load(std::memory_order_relaxed); }
  /// The recorded error as a Status (ok when none).
  Status status() const;

 private:
  mutable std::mutex m_mutex;
  std::optional<Error> m_error;
  std::atomic<bool> m_failed{false};
};

/// Runs `work` on `threads` threads (at least one: the caller's) and returns when all are done.
void runOnThreads(int threads, const std::function<void()>& work);

}  // namespace onemap
