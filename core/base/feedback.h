#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace onemap {

/// Progress and cancellation for one long operation, shared by the worker and whoever watches it.
/// Copies share state; subRange() gives a nested step its own 0..1 scale inside the parent's.
/// Thread-safe: any thread may cancel, report or poll. The progress callback runs on the
/// reporting thread, throttled, and never concurrently with itself.
class Feedback {
 public:
  /// Receives overall progress (0..1) and the current step's label.
  using ProgressCallback = std::function<void(double fraction, std::string_view step)>;

  /// A feedback nobody watches: progress is tracked, the callback is empty.
  Feedback();
  explicit Feedback(ProgressCallback callback,
                    std::chrono::milliseconds throttle = std::chrono::milliseconds(100));

  /// Requests cancellation; long operations poll isCanceled() and return ErrorCode::Canceled.
  void cancel() noexcept;
  bool isCanceled() const noexcept;

  /// Reports `fraction` (0..1) of this feedback's range done. Values are clamped; overall
  /// progress never goes backwards. Reaching 1 always reports, other values at most once per
  /// throttle interval.
  void setProgress(double fraction, std::string_view step = {});
  /// Overall progress of the whole operation (0..1).
  double progress() const noexcept;
  /// Last step label reported.
  std::string step() const;

  /// A feedback for a nested step that maps its 0..1 onto [from, to] of this one's range.
  Feedback subRange(double from, double to) const;

 private:
  struct State;
  Feedback(std::shared_ptr<State> state, double offset, double scale);

  std::shared_ptr<State> m_state;
  double m_offset = 0.0;
  double m_scale = 1.0;
};

}  // namespace onemap
