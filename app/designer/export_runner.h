#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <filesystem>
#include <optional>

#include "onemap/base/feedback.h"
#include "onemap/layout/layout.h"
#include "onemap/project/project.h"
#include "onemap/sheet/atlas_export.h"
#include "onemap/sheet/sheet_export.h"

class QProgressDialog;
class QWidget;

namespace onemap::designer {

/// What an export works on: copies of the project and layout taken when it starts, so that the
/// designer stays editable while the worker draws.
struct ExportInput {
  project::Project project;
  layout::Layout layout;
  std::string mapCrs;
  std::filesystem::path projectFile;
  std::optional<sheet::AtlasFeature> atlas;   ///< the previewed feature for a single sheet
};

/// The outcome of an export on the worker: for a sheet the error text (empty on success), for an
/// atlas the report too.
struct ExportOutcome {
  QString error;
  std::optional<sheet::AtlasReport> report;
};

/// Runs a sheet or atlas export on a worker thread (with its own renderer factory) behind a
/// progress dialog with Cancel, then shows the result (non-modal). One export at a time.
/// GUI-thread object.
class ExportRunner : public QObject {
  Q_OBJECT
 public:
  explicit ExportRunner(QWidget* window, QObject* parent = nullptr);
  ~ExportRunner() override;

  bool isRunning() const { return m_watcher.isRunning(); }
  void exportSheet(ExportInput input, const std::filesystem::path& file, sheet::ExportOptions options);
  void exportAtlas(ExportInput input, sheet::AtlasOptions options);
  /// Cancels the running export (as the progress dialog's Cancel does).
  void cancel();
  /// The text of the last result summary shown.
  const QString& lastSummary() const { return m_summary; }

 signals:
  void finished(const QString& error);

 private:
  void start(const QString& title);
  void done();

  QWidget* m_window;
  QFutureWatcher<ExportOutcome> m_watcher;
  Feedback m_feedback;
  QPointer<QProgressDialog> m_progress;
  QTimer m_poll;
  QString m_summary;
  QString m_target;
};

/// Text listing an atlas report: files written, failures per feature, cancellation.
QString atlasSummary(const sheet::AtlasReport& report, const QString& target);

}  // namespace onemap::designer
