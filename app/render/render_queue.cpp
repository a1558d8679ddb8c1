#include "onemap/render/render_queue.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace onemap::render {

RenderQueue& RenderQueue::instance() {
  static RenderQueue queue;
  return queue;
}

RenderQueue::RenderQueue() : m_limit(std::max(1, QThread::idealThreadCount())) {
  QThreadPool* pool = QThreadPool::globalInstance();
  pool->setMaxThreadCount(std::max(pool->maxThreadCount(), m_limit + 2));
}

void RenderQueue::submit(std::function<void()> task) {
  {
    std::lock_guard lock(m_mutex);
    if (m_running >= m_limit) {
      m_pending.push_back(std::move(task));
      return;
    }
    ++m_running;
  }
  launch(std::move(task));
}

bool RenderQueue::tryStart(std::function<void()> task) {
  {
    std::lock_guard lock(m_mutex);
    if (m_running >= m_limit) return false;
    ++m_running;
  }
  launch(std::move(task));
  return true;
}

void RenderQueue::launch(std::function<void()> task) {
  QThreadPool::globalInstance()->start([this, task = std::move(task)] {
    task();
    taskDone();
  });
}

void RenderQueue::taskDone() {
  std::function<void()> next;
  {
    std::lock_guard lock(m_mutex);
    if (m_pending.empty()) {
      --m_running;
      return;
    }
    next = std::move(m_pending.front());
    m_pending.pop_front();
  }
  launch(std::move(next));
}

}  // namespace onemap::render
