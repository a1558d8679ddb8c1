#include "onemap/gui/missing_files_dialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <set>
#include <system_error>

#include "onemap/base/text.h"
#include "onemap/gui/project_controller.h"
#include "onemap/project/project.h"

namespace onemap::gui {
namespace {

enum Column { NameColumn, PathColumn, StateColumn, LocateColumn };

QString shown(const std::filesystem::path& path) { return QString::fromStdString(text::displayPath(path)); }

}  // namespace

MissingFilesDialog::MissingFilesDialog(ProjectController* project, QWidget* parent)
    : QDialog(parent),
      m_project(project),
      m_summary(new QLabel(this)),
      m_table(new QTableWidget(this)),
      m_search(new QPushButton(tr("&Search Folder…"), this)) {
  setWindowTitle(tr("Missing Data Files"));
  for (const auto* layer : project::missingSources(project->project())) m_layerIds.push_back(layer->id);
  auto* layout = new QVBoxLayout(this);
  m_summary->setWordWrap(true);
  layout->addWidget(m_summary);
  m_table->setColumnCount(4);
  m_table->setHorizontalHeaderLabels({tr("Layer"), tr("File"), tr("State"), QString()});
  m_table->verticalHeader()->hide();
  m_table->setSelectionMode(QAbstractItemView::NoSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->horizontalHeader()->setSectionResizeMode(PathColumn, QHeaderView::Stretch);
  m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setSectionResizeMode(LocateColumn, QHeaderView::ResizeToContents);
  layout->addWidget(m_table, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  buttons->addButton(m_search, QDialogButtonBox::ActionRole);
  m_search->setToolTip(tr("Look below a folder for files with the same names (e.g. after the data was moved)"));
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
  connect(m_search, &QPushButton::clicked, this, &MissingFilesDialog::searchFolderDialog);
  refill();
  resize(860, 360);
}

std::vector<std::string> MissingFilesDialog::missingLayerIds() const {
  std::vector<std::string> out;
  for (const auto* layer : project::missingSources(m_project->project()))
    if (std::find(m_layerIds.begin(), m_layerIds.end(), layer->id) != m_layerIds.end()) out.push_back(layer->id);
  return out;
}

void MissingFilesDialog::refill() {
  const auto missing = missingLayerIds();
  m_summary->setText(
      missing.empty()
          ? tr("All data files were found.")
          : tr("%1 layer(s) of this project point to files that do not exist. They stay in the project but are "
               "not drawn until you locate their files (e.g. on another drive or in a moved folder).")
                .arg(missing.size()));
  m_table->setRowCount(int(m_layerIds.size()));
  for (int row = 0; row < int(m_layerIds.size()); ++row) {
    const std::string& id = m_layerIds[std::size_t(row)];
    const int index = m_project->layerIndex(id);
    if (index < 0) continue;
    const auto& layer = m_project->project().layers[std::size_t(index)];
    const bool isMissing = std::find(missing.begin(), missing.end(), id) != missing.end();
    m_table->setItem(row, NameColumn, new QTableWidgetItem(QString::fromStdString(layer.name)));
    auto* path = new QTableWidgetItem(shown(layer.source));
    path->setToolTip(shown(layer.source));
    m_table->setItem(row, PathColumn, path);
    const auto state = m_state.find(id);
    auto* stateItem = new QTableWidgetItem(state != m_state.end() ? state->second
                                                                   : (isMissing ? tr("Missing") : tr("Found")));
    stateItem->setForeground(isMissing ? QColor(180, 0, 0) : QColor(0, 120, 0));
    m_table->setItem(row, StateColumn, stateItem);
    if (!m_table->cellWidget(row, LocateColumn)) {
      auto* button = new QPushButton(tr("Locate…"), m_table);
      connect(button, &QPushButton::clicked, this, [this, id] { locate(id); });
      m_table->setCellWidget(row, LocateColumn, button);
    }
  }
  m_search->setEnabled(!missing.empty());
}

QString MissingFilesDialog::relocate(const std::string& layerId, const std::filesystem::path& file) {
  const int index = m_project->layerIndex(layerId);
  if (index < 0) return tr("The layer is no longer in the project.");
  const QString error = m_project->setLayerSource(index, file);
  m_state[layerId] = error.isEmpty() ? tr("Relocated") : error;
  refill();
  return error;
}

void MissingFilesDialog::locate(const std::string& layerId) {
  const int index = m_project->layerIndex(layerId);
  if (index < 0) return;
  const auto& layer = m_project->project().layers[std::size_t(index)];
  const QString wanted = QString::fromStdString(layer.source.filename().string());
  QString file;
  if (wanted.endsWith(QLatin1String(".gdb"), Qt::CaseInsensitive))
    file = QFileDialog::getExistingDirectory(this, tr("Locate %1").arg(wanted));
  else
    file = QFileDialog::getOpenFileName(this, tr("Locate %1").arg(wanted), QString(),
                                        QStringLiteral("%1 (%1);;").arg(wanted) + tr("All files (*)"));
  if (file.isEmpty()) return;
  const QString error = relocate(layerId, std::filesystem::path(file.toStdString()));
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot use this file"), error);
}

std::map<std::string, std::filesystem::path> MissingFilesDialog::findFiles(const std::filesystem::path& folder,
                                                                           const std::vector<std::string>& names,
                                                                           const std::atomic<bool>* cancel) {
  std::map<std::string, std::filesystem::path> found;
  std::set<std::string> wanted(names.begin(), names.end());
  std::error_code ec;
  auto it = std::filesystem::recursive_directory_iterator(
      folder, std::filesystem::directory_options::skip_permission_denied, ec);
  for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (cancel && cancel->load()) break;
    const std::string name = it->path().filename().string();
    if (!wanted.contains(name) || found.contains(name)) continue;
    found[name] = it->path();
    // A File Geodatabase is a folder: do not descend into it.
    if (it->is_directory(ec)) it.disable_recursion_pending();
    if (found.size() == wanted.size()) break;
  }
  return found;
}

int MissingFilesDialog::applyFound(const std::map<std::string, std::filesystem::path>& found) {
  int relocated = 0;
  for (const std::string& id : missingLayerIds()) {
    const int index = m_project->layerIndex(id);
    if (index < 0) continue;
    const auto hit = found.find(m_project->project().layers[std::size_t(index)].source.filename().string());
    if (hit == found.end()) continue;
    if (relocate(id, hit->second).isEmpty()) ++relocated;
  }
  return relocated;
}

int MissingFilesDialog::searchFolder(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const std::string& id : missingLayerIds())
    names.push_back(m_project->project().layers[std::size_t(m_project->layerIndex(id))].source.filename().string());
  return applyFound(findFiles(folder, names));
}

void MissingFilesDialog::searchFolderDialog() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Search for the missing files below"));
  if (folder.isEmpty()) return;
  std::vector<std::string> names;
  for (const std::string& id : missingLayerIds())
    names.push_back(m_project->project().layers[std::size_t(m_project->layerIndex(id))].source.filename().string());
  // Searching a large drive takes a while: on a worker, with a Cancel button.
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  QProgressDialog progress(tr("Searching %1…").arg(folder), tr("Cancel"), 0, 0, this);
  progress.setWindowModality(Qt::WindowModal);
  progress.setMinimumDuration(300);
  QFutureWatcher<std::map<std::string, std::filesystem::path>> watcher;
  connect(&watcher, &QFutureWatcherBase::finished, &progress, &QProgressDialog::reset);
  connect(&progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
  const std::filesystem::path root = folder.toStdString();
  watcher.setFuture(QtConcurrent::run([root, names, cancel] { return findFiles(root, names, cancel.get()); }));
  progress.exec();
  watcher.waitForFinished();
  const int relocated = applyFound(watcher.result());
  const int left = int(missingLayerIds().size());
  QMessageBox::information(this, tr("Search Folder"),
                           tr("%1 file(s) found and relocated; %2 still missing.").arg(relocated).arg(left));
}

}  // namespace onemap::gui
