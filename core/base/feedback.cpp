#include "onemap/base/feedback.h"

#include <algorithm>
#include <atomic>
#include <mutex>

namespace onemap {

struct Feedback::State {
  std::atomic<bool> canceled{false};
  std::atomic<double> progress{0.0};
  ProgressCallback callback;
  std::chrono::milliseconds throttle{100};
  std::mutex mutex;  // guards the fields below and serialises callback calls
  std::string step;
  std::chrono::steady_clock::time_point lastReport{};
  double lastReported = -1.0;
};

Feedback::Feedback() : m_state(std::make_shared<State>()) {}

Feedback::Feedback(ProgressCallback callback, std::chrono::milliseconds throttle)
    : m_state(std::make_shared<State>()) {
  m_state->callback = std::move(callback);
  m_state->throttle = throttle;
}

Feedback::Feedback(std::shared_ptr<State> state, double offset, double scale)
    : m_state(std::move(state)), m_offset(offset), m_scale(scale) {}

void Feedback::cancel() noexcept { m_state->canceled.store(true, std::memory_order_relaxed); }

bool Feedback::isCanceled() const noexcept {
  return m_state->canceled.load(std::memory_order_relaxed);
}

void Feedback::setProgress(double fraction, std::string_view step) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  const double overall = std::clamp(m_offset + m_scale * fraction, 0.0, 1.0);

  double previous = m_state->progress.load(std::memory_order_relaxed);
  while (overall > previous &&
         !m_state->progress.compare_exchange_weak(previous, overall, std::memory_order_relaxed)) {
  }

  std::lock_guard lock(m_state->mutex);
  if (!step.empty()) m_state->step = step;
  if (!m_state->callback) return;
  const double current = m_state->progress.load(std::memory_order_relaxed);
  const auto now = std::chrono::steady_clock::now();
  const bool finished = current >= 1.0 && m_state->lastReported < 1.0;
  const bool first = m_state->lastReported < 0.0;
  const bool due = current > m_state->lastReported &&
                   (first || now - m_state->lastReport >= m_state->throttle);
  if (!finished && !due) return;
  m_state->lastReport = now;
  m_state->lastReported = current;
  m_state->callback(current, m_state->step);
}

double Feedback::progress() const noexcept {
  return m_state->progress.load(std::memory_order_relaxed);
}

std::string Feedback::step() const {
  std::lock_guard lock(m_state->mutex);
  return m_state->step;
}

Feedback Feedback::subRange(double from, double to) const {
  from = std::clamp(from, 0.0, 1.0);
  to = std::clamp(to, from, 1.0);
  return Feedback(m_state, m_offset + m_scale * from, m_scale * (to - from));
}

}  // namespace onemap
