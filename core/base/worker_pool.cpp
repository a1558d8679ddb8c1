#include "onemap/base/worker_pool.h"

#include <thread>
#include <vector>

namespace onemap {

void FirstError::record(const Error& error) {
  std::lock_guard lock(m_mutex);
  if (!m_error) m_error = error;
  m_failed = true;
}

Status FirstError::status() const {
  std::lock_guard lock(m_mutex);
  if (m_error) return fail(*m_error);
  return {};
}

void runOnThreads(int threads, const std::function<void()>& work) {
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

}  // namespace onemap
