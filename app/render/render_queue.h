#pragma once

#include <deque>
#include <functional>
#include <mutex>

namespace onemap::render {

/// Where render work runs: Qt's global thread pool, at most one task per core at a time, with
/// the rest waiting in order. The pool is given two threads more than that, because Qt 6's raster
/// engine splits big fills of the GUI thread (the canvas repaint during a drag) over the global
/// pool: if renders held every thread the window would freeze until one finished. Render threads
/// themselves belong to the pool, so Qt does not split their many small fills. Thread-safe; one
/// per process.
class RenderQueue {
 public:
  static RenderQueue& instance();

  /// Runs `task` on a render thread as soon as one is free (in submission order).
  void submit(std::function<void()> task);
  /// Runs `task` on a render thread now if one is free (a renderer splitting its own work);
  /// false, and nothing done, otherwise.
  bool tryStart(std::function<void()> task);
  /// How many tasks may run at once (the number of cores).
  int limit() const { return m_limit; }

 private:
  RenderQueue();
  void launch(std::function<void()> task);
  void taskDone();

  std::mutex m_mutex;
  std::deque<std::function<void()>> m_pending;
  int m_running = 0;
  int m_limit = 1;
};

}  // namespace onemap::render
