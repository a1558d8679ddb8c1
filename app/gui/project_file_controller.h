#pragma once

#include <QObject>
#include <QStringList>

#include <filesystem>
#include <vector>

#include "onemap/gui/window_context.h"

class QAction;
class QMenu;
class QMimeData;

namespace onemap::gui {

class Autosave;
class OverviewBuilder;

/// The File menu and everything about project files: New / Open / Save / Save As, Open Layer(s)
/// (rasters, vectors, every or chosen layers of a GeoPackage, File Geodatabase folders, CSV),
/// recent projects and files, drag-and-drop onto the window, the unsaved-changes prompt on quit,
/// autosave and crash recovery, the missing-files dialog, and the CRS / overview offers after
/// adding data; also Project ▸ Set Project CRS… and Settings ▸ Options…. A child of the main
/// window; GUI thread only.
class ProjectFileController : public QObject {
  Q_OBJECT
 public:
  ProjectFileController(const WindowContext& context, QObject* parent);
  ~ProjectFileController() override;

  /// No dialogs at all (tests, --screenshot): errors go to stderr, nothing is asked.
  void setQuiet(bool quiet) { m_quiet = quiet; }
  bool isQuiet() const { return m_quiet; }

  /// Opens a project (.onemap) or adds a data file or folder as layers; `quiet` suppresses every
  /// dialog for this call. Returns false on error.
  bool openPath(const std::filesystem::path& path, bool quiet = false);
  /// Opens several paths (a drop, the Open Layer dialog): a project replaces the current one,
  /// data files are added. Returns how many succeeded.
  int openPaths(const std::vector<std::filesystem::path>& paths, bool quiet = false);
  /// Replaces the project by an empty one (asks to save changes first).
  bool newProject();
  /// Saves to the project's file, or asks for one; returns true when saved.
  bool save();
  bool saveAs();
  /// Saves to `file` (atomic) and removes the recovery copy; returns an error text.
  QString saveTo(const std::filesystem::path& file);
  /// Asks whether to save unsaved changes; false when the user cancels.
  bool maybeSave();

  /// Offers to restore an unsaved project left by a session that ended abnormally (called once
  /// at start-up when no project was opened).
  void offerStartupRecovery();
  /// Replaces the project by a recovery copy (keeping the original file name); returns an error.
  QString restoreRecovery(const std::filesystem::path& recoveryFile);
  Autosave* autosave() const { return m_autosave; }
  OverviewBuilder* overviews() const { return m_overviews; }

  /// Recently opened projects / data files, newest first (QSettings, at most kMaxRecent).
  static QStringList recentProjects();
  static QStringList recentFiles();
  static constexpr int kMaxRecent = 10;

  /// Local files and folders in dropped data (empty when nothing usable).
  static std::vector<std::filesystem::path> droppedPaths(const QMimeData* data);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void createActions();
  bool openProject(const std::filesystem::path& file, bool quiet);
  bool addDataFile(const std::filesystem::path& file, bool quiet);
  void chooseLayersOf(const std::filesystem::path& file, int firstAdded, int countAdded);
  void afterLayersAdded(const std::filesystem::path& file, int firstAdded, int countAdded, bool quiet);
  void openProjectDialog();
  void openLayersDialog();
  void openGeodatabaseDialog();
  void fillRecentMenu(QMenu* menu, bool projects);
  static void remember(const QString& key, const std::filesystem::path& path);
  void updateTitle();
  void showError(const QString& title, const QString& text, bool quiet);
  void applyAutosaveSettings();

  WindowContext m_context;
  Autosave* m_autosave;
  OverviewBuilder* m_overviews;
  bool m_quiet = false;
  QMenu* m_recentProjects = nullptr;
  QMenu* m_recentFiles = nullptr;
};

}  // namespace onemap::gui
