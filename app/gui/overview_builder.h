#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <deque>
#include <filesystem>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/gui/window_context.h"

class QLabel;
class QProgressBar;
class QToolButton;

namespace onemap::gui {

/// Offers to build overviews for large rasters that have none and builds them in the background
/// (external .ovr, the image untouched) with progress and Cancel in the status bar; the map redraws
/// when they are ready. A child of the main window; GUI thread (the build runs on a worker).
class OverviewBuilder : public QObject {
  Q_OBJECT
 public:
  /// Images larger than this on a side without overviews get the offer.
  static constexpr int kLargeSide = 4096;

  OverviewBuilder(const WindowContext& context, QObject* parent);
  ~OverviewBuilder() override;

  /// True when `raster` is larger than kLargeSide pixels on a side and has no overviews.
  static bool needsOverviews(const std::filesystem::path& raster);
  /// Asks whether to build overviews for `raster` when it needs them (unless the user said not
  /// to ask), then builds them in the background.
  void offerFor(const std::filesystem::path& raster);
  /// Builds overviews for `raster` in the background (queued behind a running build).
  void build(const std::filesystem::path& raster);
  bool isBuilding() const { return m_watcher.isRunning() || !m_queue.empty(); }
  /// Cancels the running build and drops queued ones.
  void cancel();

 signals:
  /// A build ended; `error` is empty on success (also empty-with-canceled when canceled).
  void finished(const QString& raster, bool succeeded, bool canceled, const QString& error);

 private:
  void startNext();
  void buildDone();
  void updateProgress();

  WindowContext m_context;
  std::deque<std::filesystem::path> m_queue;
  std::filesystem::path m_current;
  Feedback m_feedback;
  QFutureWatcher<Status> m_watcher;
  QTimer m_progressTimer;
  QWidget* m_statusWidget = nullptr;
  QLabel* m_statusLabel = nullptr;
  QProgressBar* m_progress = nullptr;
  QToolButton* m_cancel = nullptr;
};

}  // namespace onemap::gui
