#pragma once

#include <QDialog>

#include <atomic>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace onemap::gui {

class ProjectController;

/// After opening a project: lists each layer whose file is missing (name, path, state) with a
/// Locate… button per layer and Search Folder… for all; a found file is set as the layer's source
/// (ProjectController::setLayerSource). Layers stay in the project until relocated. Modal, GUI thread.
class MissingFilesDialog : public QDialog {
  Q_OBJECT
 public:
  explicit MissingFilesDialog(ProjectController* project, QWidget* parent = nullptr);

  /// Ids of the layers still missing.
  std::vector<std::string> missingLayerIds() const;
  /// Points layer `layerId` at `file`; returns an error text (empty on success).
  QString relocate(const std::string& layerId, const std::filesystem::path& file);
  /// Looks below `folder` for files named like the missing ones and relocates each layer found;
  /// returns how many were relocated. Runs on the calling thread (the button runs it on a worker).
  int searchFolder(const std::filesystem::path& folder);
  /// Files below `folder` whose names are in `names` (first match per name; stops when all found).
  /// Thread-safe; stops early when `cancel` becomes true.
  static std::map<std::string, std::filesystem::path> findFiles(const std::filesystem::path& folder,
                                                                const std::vector<std::string>& names,
                                                                const std::atomic<bool>* cancel = nullptr);

 private:
  void refill();
  void locate(const std::string& layerId);
  void searchFolderDialog();
  int applyFound(const std::map<std::string, std::filesystem::path>& found);

  ProjectController* m_project;
  QLabel* m_summary;
  QTableWidget* m_table;
  QPushButton* m_search;
  std::vector<std::string> m_layerIds;  // rows, in order
  std::map<std::string, QString> m_state;  // per layer: "Found: …" or an error
};

}  // namespace onemap::gui
