#include "onemap/gui/project_file_controller.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLocale>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <system_error>

#include "onemap/base/text.h"
#include "onemap/gui/autosave.h"
#include "onemap/gui/crs_dialog.h"
#include "onemap/gui/csv_layer_dialog.h"
#include "onemap/gui/layer_chooser_dialog.h"
#include "onemap/gui/layer_source_info.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/missing_files_dialog.h"
#include "onemap/gui/overview_builder.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/settings_dialog.h"
#include "onemap/i18n/translations.h"
#include "onemap/proj/crs_description.h"

namespace onemap::gui {
namespace {

constexpr const char* kRecentProjectsKey = "recent/projects";
constexpr const char* kRecentFilesKey = "recent/files";

QString shown(const std::filesystem::path& path) { return QString::fromStdString(text::displayPath(path)); }

std::filesystem::path toPath(const QString& file) { return std::filesystem::path(file.toStdString()); }

bool isProjectFile(const std::filesystem::path& path) { return path.extension() == ".onemap"; }

}  // namespace

ProjectFileController::ProjectFileController(const WindowContext& context, QObject* parent)
    : QObject(parent),
      m_context(context),
      m_autosave(new Autosave(
          context.project,
          [canvas = context.canvas] { return canvas ? canvas->extent() : Extent(); }, this)),
      m_overviews(new OverviewBuilder(context, this)) {
  createActions();
  applyAutosaveSettings();
  if (m_context.window) {
    m_context.window->installEventFilter(this);
    m_context.window->setAcceptDrops(true);
  }
  if (m_context.canvas) {
    m_context.canvas->installEventFilter(this);
    m_context.canvas->setAcceptDrops(true);
  }
  connect(m_context.project, &ProjectController::modifiedChanged, this, &ProjectFileController::updateTitle);
  connect(m_context.project, &ProjectController::layersChanged, this, &ProjectFileController::updateTitle);
  updateTitle();
}

ProjectFileController::~ProjectFileController() = default;

void ProjectFileController::createActions() {
  QMenu* file = m_context.fileMenu;
  if (!file) return;
  QAction* create = file->addAction(tr("&New Project"), this, [this] { newProject(); });
  create->setShortcut(QKeySequence::New);
  QAction* open = file->addAction(tr("&Open Project…"), this, &ProjectFileController::openProjectDialog);
  open->setShortcut(QKeySequence::Open);
  m_recentProjects = file->addMenu(tr("Recent &Projects"));
  connect(m_recentProjects, &QMenu::aboutToShow, this, [this] { fillRecentMenu(m_recentProjects, true); });
  file->addSeparator();
  QAction* add = file->addAction(tr("&Add Layer…"), this, &ProjectFileController::openLayersDialog);
  add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
  add->setObjectName(QStringLiteral("addLayerAction"));
  file->addAction(tr("Add File &Geodatabase (.gdb)…"), this, &ProjectFileController::openGeodatabaseDialog);
  m_recentFiles = file->addMenu(tr("Recent &Files"));
  connect(m_recentFiles, &QMenu::aboutToShow, this, [this] { fillRecentMenu(m_recentFiles, false); });
  file->addSeparator();
  QAction* save = file->addAction(tr("&Save Project"), this, [this] { this->save(); });
  save->setShortcut(QKeySequence::Save);
  QAction* saveAs = file->addAction(tr("Save Project &As…"), this, [this] { this->saveAs(); });
  saveAs->setShortcut(QKeySequence::SaveAs);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, [this] {
    if (m_context.window) m_context.window->close();
  });
  quit->setShortcut(QKeySequence::Quit);
  quit->setMenuRole(QAction::QuitRole);

  // Project ▸ Set Project CRS…: a menu of its own, placed before the Layer menu.
  if (m_context.window) {
    auto* projectMenu = new QMenu(tr("&Project"), m_context.window);
    QMenuBar* bar = m_context.window->menuBar();
    if (m_context.layerMenu) bar->insertMenu(m_context.layerMenu->menuAction(), projectMenu);
    else bar->addMenu(projectMenu);
    QAction* crs = projectMenu->addAction(tr("Set Project &CRS…"), this, [this] {
      CrsDialog::chooseProjectCrs(m_context.project, m_context.window);
    });
    crs->setObjectName(QStringLiteral("setProjectCrsAction"));
  }
  if (m_context.settingsMenu) {
    QAction* options = m_context.settingsMenu->addAction(tr("&Options…"), this, [this] {
      SettingsDialog::showOptions(m_context.window, m_context.project->fileName().empty()
                                                        ? QString()
                                                        : QString::fromStdString(m_context.project->fileName().string()));
      applyAutosaveSettings();
    });
    options->setMenuRole(QAction::PreferencesRole);
  }
}

void ProjectFileController::applyAutosaveSettings() { m_autosave->setIntervalMinutes(SettingsDialog::autosaveMinutes()); }

bool ProjectFileController::openPath(const std::filesystem::path& path, bool quiet) {
  quiet = quiet || m_quiet;
  return isProjectFile(path) ? openProject(path, quiet) : addDataFile(path, quiet);
}

int ProjectFileController::openPaths(const std::vector<std::filesystem::path>& paths, bool quiet) {
  int opened = 0;
  // A project first (it replaces the current one), then the data files on top of it.
  for (const auto& path : paths)
    if (isProjectFile(path)) {
      opened += openPath(path, quiet) ? 1 : 0;
      break;
    }
  for (const auto& path : paths)
    if (!isProjectFile(path)) opened += openPath(path, quiet) ? 1 : 0;
  return opened;
}

bool ProjectFileController::openProject(const std::filesystem::path& file, bool quiet) {
  if (!quiet && !maybeSave()) return false;
  ProjectController* project = m_context.project;
  m_autosave->discard();  // the recovery copy of the project being closed
  const QString error = project->openProject(file);
  if (!error.isEmpty()) {
    showError(tr("Cannot open the project"), error, quiet);
    return false;
  }
  remember(QLatin1String(kRecentProjectsKey), std::filesystem::absolute(file));
  if (m_context.canvas) {
    if (project->project().extent) m_context.canvas->setExtent(*project->project().extent);
    else m_context.canvas->zoomToFullExtent();
  }
  updateTitle();
  if (!project->missingFiles().isEmpty()) {
    if (quiet) {
      showError(tr("Missing data files"),
                tr("These layers' files were not found; they are kept in the project but not drawn:\n%1")
                    .arg(project->missingFiles().join(QLatin1Char('\n'))),
                true);
    } else {
      MissingFilesDialog dialog(project, m_context.window);
      dialog.exec();
    }
  }
  if (quiet) return true;
  if (const auto recovery = Autosave::pendingRecoveryFor(file)) {
    const auto when = QFileInfo(QString::fromStdString(recovery->string())).lastModified();
    const auto answer = QMessageBox::question(
        m_context.window, tr("Restore Unsaved Changes?"),
        tr("OneMap Agri was not closed normally while this project had unsaved changes. A recovery copy from "
           "%1 is newer than the saved project.\n\nRestore it? (No deletes the recovery copy.)")
            .arg(QLocale().toString(when, QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
      const QString restoreError = restoreRecovery(*recovery);
      if (!restoreError.isEmpty()) showError(tr("Cannot restore the recovery copy"), restoreError, false);
    } else {
      std::error_code ec;
      std::filesystem::remove(*recovery, ec);
    }
  }
  return true;
}

bool ProjectFileController::addDataFile(const std::filesystem::path& file, bool quiet) {
  ProjectController* project = m_context.project;
  const int before = int(project->project().layers.size());
  QString error = project->addLayerFile(file);
  if (!error.isEmpty() && !quiet && CsvLayerDialog::isCsv(file) && error.contains(QLatin1String("geometry column"))) {
    // A CSV whose geometry columns or CRS were not recognised: ask, then try again.
    if (CsvLayerDialog::describe(file, m_context.window)) error = project->addLayerFile(file);
    else return false;
  }
  if (!error.isEmpty()) {
    showError(tr("Cannot add the layer"), error, quiet);
    return false;
  }
  remember(QLatin1String(kRecentFilesKey), std::filesystem::absolute(file));
  afterLayersAdded(file, before, int(project->project().layers.size()) - before, quiet);
  return true;
}

void ProjectFileController::chooseLayersOf(const std::filesystem::path& file, int firstAdded, int countAdded) {
  ProjectController* project = m_context.project;
  QStringList names;
  for (int i = firstAdded; i < firstAdded + countAdded; ++i)
    names << QString::fromStdString(project->project().layers[std::size_t(i)].name);
  const auto chosen = LayerChooserDialog::choose(m_context.window, shown(file.filename()), names);
  std::vector<bool> keep(std::size_t(countAdded), false);
  if (chosen)
    for (int i : *chosen) keep[std::size_t(i)] = true;
  // Remove from the top so the indices below stay valid.
  for (int i = countAdded - 1; i >= 0; --i)
    if (!keep[std::size_t(i)]) project->removeLayer(firstAdded + i);
}

void ProjectFileController::afterLayersAdded(const std::filesystem::path& file, int firstAdded, int countAdded,
                                             bool quiet) {
  if (quiet || countAdded <= 0) return;
  ProjectController* project = m_context.project;
  if (countAdded > 1) chooseLayersOf(file, firstAdded, countAdded);
  const int added = int(project->project().layers.size()) - firstAdded;
  if (added <= 0) return;
  const auto& first = project->project().layers[std::size_t(firstAdded)];
  if (first.kind == project::LayerKind::Raster) m_overviews->offerFor(first.source);
  // No layer says where it is: suggest a CRS from the coordinates and let the user confirm it.
  if (project->mapCrs().empty() && project->project().crs.empty()) {
    auto info = readLayerSourceInfo(first);
    if (!info || !info->crsWkt.empty() || info->extent.isEmpty()) return;
    const auto& e = info->extent;
    const auto suggestion = proj::suggestCrsFromCoordinates(e.minX(), e.minY(), e.maxX(), e.maxY());
    QString message = tr("“%1” has no coordinate system. Choose the one its coordinates are in; the map uses it "
                         "for every layer.")
                          .arg(shown(file.filename()));
    QString preselect;
    if (suggestion) {
      message += QLatin1Char('\n') +
                 QString::fromStdString(i18n::isChinese() ? suggestion->reasonZh : suggestion->reasonEn);
      if (suggestion->epsg > 0) preselect = QStringLiteral("EPSG:%1").arg(suggestion->epsg);
      else if (!suggestion->candidates.empty())
        preselect = QStringLiteral("EPSG:%1").arg(suggestion->candidates.front());
    }
    CrsDialog::chooseProjectCrs(project, m_context.window, message, preselect);
  }
}

bool ProjectFileController::newProject() {
  if (!maybeSave()) return false;
  m_autosave->discard();
  m_context.project->resetProject(project::Project(), {}, false);
  updateTitle();
  return true;
}

bool ProjectFileController::save() {
  const auto& file = m_context.project->fileName();
  if (file.empty()) return saveAs();
  const QString error = saveTo(file);
  if (!error.isEmpty()) showError(tr("Cannot save the project"), error, false);
  return error.isEmpty();
}

bool ProjectFileController::saveAs() {
  if (m_quiet) return false;
  QString start = QString::fromStdString(m_context.project->fileName().string());
  if (start.isEmpty() && !m_context.project->project().layers.empty())
    start = QString::fromStdString(m_context.project->project().layers.front().source.parent_path().string());
  QString file = QFileDialog::getSaveFileName(m_context.window, tr("Save Project As"), start,
                                              tr("OneMap projects (*.onemap)"));
  if (file.isEmpty()) return false;
  if (!file.endsWith(QLatin1String(".onemap"))) file += QLatin1String(".onemap");
  const QString error = saveTo(toPath(file));
  if (!error.isEmpty()) showError(tr("Cannot save the project"), error, false);
  return error.isEmpty();
}

QString ProjectFileController::saveTo(const std::filesystem::path& file) {
  ProjectController* project = m_context.project;
  if (m_context.canvas && !m_context.canvas->extent().isEmpty()) project->project().extent = m_context.canvas->extent();
  const QString error = project->saveProject(file);
  if (!error.isEmpty()) return error;
  m_autosave->discard();
  remember(QLatin1String(kRecentProjectsKey), std::filesystem::absolute(file));
  updateTitle();
  if (m_context.statusBar) m_context.statusBar->showMessage(tr("Project saved to %1").arg(shown(file)), 5000);
  return {};
}

bool ProjectFileController::maybeSave() {
  if (!m_context.project->isModified() || m_quiet) return true;
  const QString name = m_context.project->fileName().empty() ? tr("Untitled")
                                                             : shown(m_context.project->fileName().filename());
  const auto answer = QMessageBox::warning(m_context.window, tr("Unsaved Changes"),
                                           tr("The project “%1” has unsaved changes. Save them?").arg(name),
                                           QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                           QMessageBox::Save);
  if (answer == QMessageBox::Cancel) return false;
  if (answer == QMessageBox::Save) return save();
  m_autosave->discard();
  return true;
}

void ProjectFileController::offerStartupRecovery() {
  if (m_quiet || !m_context.project->fileName().empty() || !m_context.project->project().layers.empty()) return;
  const auto found = m_autosave->pendingUnsavedRecoveries();
  if (found.empty()) return;
  const auto loaded = Autosave::loadRecovery(found.front());
  const auto when = QFileInfo(QString::fromStdString(found.front().string())).lastModified();
  const auto answer = QMessageBox::question(
      m_context.window, tr("Restore Unsaved Project?"),
      tr("OneMap Agri was not closed normally last time. A recovery copy of an unsaved project (%1 layer(s), "
         "saved %2) was found.\n\nRestore it? (No deletes the recovery copy.)")
          .arg(loaded ? int(loaded->layers.size()) : 0)
          .arg(QLocale().toString(when, QLocale::ShortFormat)),
      QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
  if (answer == QMessageBox::Yes) {
    const QString error = restoreRecovery(found.front());
    if (!error.isEmpty()) showError(tr("Cannot restore the recovery copy"), error, false);
  }
  std::error_code ec;
  for (const auto& file : found) std::filesystem::remove(file, ec);
}

QString ProjectFileController::restoreRecovery(const std::filesystem::path& recoveryFile) {
  auto loaded = Autosave::loadRecovery(recoveryFile);
  if (!loaded) return QString::fromStdString(loaded.error().text());
  // "<project>.onemap.autosave" beside a project restores into that project; the others are unsaved.
  std::filesystem::path original;
  std::error_code ec;
  const bool unsaved = std::filesystem::equivalent(recoveryFile.parent_path(), Autosave::recoveryFolder(), ec);
  const std::string name = recoveryFile.string();
  if (!unsaved && name.ends_with(".autosave")) original = name.substr(0, name.size() - std::string(".autosave").size());
  const std::optional<Extent> extent = loaded->extent;
  m_context.project->resetProject(std::move(*loaded), original, true);
  if (m_context.canvas) {
    if (extent) m_context.canvas->setExtent(*extent);
    else m_context.canvas->zoomToFullExtent();
  }
  if (original.empty()) {
    std::filesystem::remove(recoveryFile, ec);
    m_autosave->writeNow();  // this session's own copy replaces it
  }
  updateTitle();
  return {};
}

void ProjectFileController::openProjectDialog() {
  const QString file = QFileDialog::getOpenFileName(m_context.window, tr("Open Project"), QString(),
                                                    tr("OneMap projects (*.onemap)"));
  if (!file.isEmpty()) openPath(toPath(file));
}

void ProjectFileController::openLayersDialog() {
  const QString rasters = QStringLiteral("*.tif *.tiff *.vrt *.jp2 *.img *.dat *.nc *.hdf *.png *.jpg");
  const QString vectors = QStringLiteral("*.gpkg *.shp *.geojson *.json *.kml *.kmz *.csv");
  const QStringList filters = {tr("All geodata (%1 %2)").arg(rasters, vectors),
                               tr("Raster images (%1)").arg(rasters), tr("Vector data (%1)").arg(vectors),
                               tr("OneMap projects (*.onemap)"), tr("All files (*)")};
  const QStringList files = QFileDialog::getOpenFileNames(m_context.window, tr("Add Layer"), QString(),
                                                          filters.join(QStringLiteral(";;")));
  std::vector<std::filesystem::path> paths;
  for (const QString& f : files) paths.push_back(toPath(f));
  openPaths(paths);
}

void ProjectFileController::openGeodatabaseDialog() {
  const QString folder = QFileDialog::getExistingDirectory(m_context.window, tr("Add File Geodatabase (.gdb folder)"));
  if (!folder.isEmpty()) openPath(toPath(folder));
}

QStringList ProjectFileController::recentProjects() { return QSettings().value(QLatin1String(kRecentProjectsKey)).toStringList(); }

QStringList ProjectFileController::recentFiles() { return QSettings().value(QLatin1String(kRecentFilesKey)).toStringList(); }

void ProjectFileController::remember(const QString& key, const std::filesystem::path& path) {
  QSettings settings;
  QStringList list = settings.value(key).toStringList();
  const QString entry = QString::fromStdString(path.lexically_normal().string());
  list.removeAll(entry);
  list.prepend(entry);
  while (list.size() > kMaxRecent) list.removeLast();
  settings.setValue(key, list);
}

void ProjectFileController::fillRecentMenu(QMenu* menu, bool projects) {
  menu->clear();
  const QString key = QLatin1String(projects ? kRecentProjectsKey : kRecentFilesKey);
  const QStringList list = QSettings().value(key).toStringList();
  if (list.isEmpty()) menu->addAction(tr("(none)"))->setEnabled(false);
  int number = 1;
  for (const QString& entry : list) {
    const std::filesystem::path path = toPath(entry);
    const QString label = QStringLiteral("&%1 %2").arg(number++ % 10).arg(QString::fromStdString(path.filename().string()));
    QAction* action = menu->addAction(label, this, [this, path] { openPath(path); });
    action->setToolTip(entry);
    action->setStatusTip(entry);
    std::error_code ec;
    action->setEnabled(std::filesystem::exists(path, ec));
  }
  if (list.isEmpty()) return;
  menu->addSeparator();
  menu->addAction(tr("&Clear List"), this, [key] { QSettings().remove(key); });
}

void ProjectFileController::updateTitle() {
  if (!m_context.window) return;
  const auto& p = m_context.project->project();
  QString name = QString::fromStdString(p.title);
  if (name.isEmpty() && !m_context.project->fileName().empty())
    name = QString::fromStdString(m_context.project->fileName().stem().string());
  if (name.isEmpty()) name = tr("Untitled");
  m_context.window->setWindowTitle(tr("%1[*] — OneMap Agri").arg(name));
  m_context.window->setWindowModified(m_context.project->isModified());
}

void ProjectFileController::showError(const QString& title, const QString& text, bool quiet) {
  if (quiet || m_quiet || !m_context.window) {
    std::fprintf(stderr, "%s: %s\n", title.toUtf8().constData(), text.toUtf8().constData());
    return;
  }
  QMessageBox::warning(m_context.window, title, text);
}

std::vector<std::filesystem::path> ProjectFileController::droppedPaths(const QMimeData* data) {
  std::vector<std::filesystem::path> paths;
  if (!data || !data->hasUrls()) return paths;
  for (const QUrl& url : data->urls())
    if (url.isLocalFile()) paths.push_back(toPath(url.toLocalFile()));
  return paths;
}

bool ProjectFileController::eventFilter(QObject* watched, QEvent* event) {
  switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
      auto* drag = static_cast<QDragMoveEvent*>(event);
      if (droppedPaths(drag->mimeData()).empty()) return false;
      drag->acceptProposedAction();
      return true;
    }
    case QEvent::Drop: {
      auto* drop = static_cast<QDropEvent*>(event);
      auto paths = droppedPaths(drop->mimeData());
      if (paths.empty()) return false;
      drop->acceptProposedAction();
      // Open after the drop returns: dialogs inside a drop handler block the drag source.
      QTimer::singleShot(0, this, [this, paths] { openPaths(paths); });
      return true;
    }
    case QEvent::Close:
      if (watched != m_context.window) return false;
      if (!maybeSave()) {
        event->ignore();
        return true;
      }
      m_autosave->discard();
      return false;
    default:
      return false;
  }
}

}  // namespace onemap::gui
