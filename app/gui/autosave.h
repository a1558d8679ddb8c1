#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/extent.h"
#include "onemap/project/project.h"

namespace onemap::gui {

class ProjectController;

/// Writes a recovery copy of a modified project: every few minutes and a few seconds after each
/// change, to "<project>.onemap.autosave" beside a saved project or to AppDataLocation/recovery/
/// for an unsaved one, atomically. Finds recovery copies newer than their project (after a crash)
/// and removes them after a clean save or an explicit discard. A child of the file controller;
/// GUI thread only.
class Autosave : public QObject {
  Q_OBJECT
 public:
  /// `currentExtent` gives the map view to store in the copy.
  Autosave(ProjectController* project, std::function<Extent()> currentExtent, QObject* parent = nullptr);
  ~Autosave() override;

  /// "<project>.autosave" (e.g. county.onemap.autosave).
  static std::filesystem::path recoveryPathFor(const std::filesystem::path& projectFile);
  /// The folder for recovery copies of projects never saved (AppDataLocation/recovery).
  static std::filesystem::path recoveryFolder();
  /// A recovery copy of `projectFile` newer than the project file itself, if any.
  static std::optional<std::filesystem::path> pendingRecoveryFor(const std::filesystem::path& projectFile);
  /// Recovery copies of unsaved projects left by sessions that did not end cleanly, newest first
  /// (not this session's own).
  std::vector<std::filesystem::path> pendingUnsavedRecoveries() const;
  /// Loads a recovery copy (errors name the file).
  static Result<project::Project> loadRecovery(const std::filesystem::path& recoveryFile);

  /// Where this session writes the copy of the current project now.
  std::filesystem::path currentRecoveryPath() const;
  /// The periodic interval in minutes (0 = off) and the quiet period after a change.
  void setIntervalMinutes(int minutes);
  int intervalMinutes() const { return m_intervalMinutes; }
  void setQuietPeriod(std::chrono::milliseconds quiet);

  /// Writes the copy now if the project has unsaved changes; returns an error text (empty = ok
  /// or nothing to write).
  QString writeNow();
  /// Removes this session's recovery copies (after a clean save, discard or New Project).
  void discard();
  /// The last copy written, if any.
  const std::optional<std::filesystem::path>& lastWritten() const { return m_lastWritten; }

 signals:
  void written(const QString& recoveryFile);

 private:
  void changed();

  ProjectController* m_project;
  std::function<Extent()> m_currentExtent;
  QTimer m_periodic;
  QTimer m_quiet;
  int m_intervalMinutes = 2;
  bool m_dirty = false;
  std::filesystem::path m_unsavedPath;
  std::optional<std::filesystem::path> m_lastWritten;
};

}  // namespace onemap::gui
