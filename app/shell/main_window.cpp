#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QPluginLoader>
#include <QStatusBar>
#include <QToolBar>

#include <cstdio>

#include "onemap/base/text.h"
#include "onemap/designer/designer_controller.h"
#include "onemap/gui/analysis_plugin.h"
#include "onemap/gui/attribute_table_dock.h"
#include "onemap/gui/bookmarks_dock.h"
#include "onemap/gui/coordinate_status.h"
#include "onemap/gui/identify_dock.h"
#include "onemap/gui/compare_controller.h"
#include "onemap/gui/layer_tree_dock.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/measure_tool.h"
#include "onemap/gui/navigation_controller.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/project_file_controller.h"
#include "onemap/gui/select_tool.h"
#include "onemap/i18n/translations.h"

Q_IMPORT_PLUGIN(ChangeDetectionPlugin)

namespace onemap::shell {

MainWindow::MainWindow()
    : m_controller(new gui::ProjectController(this)),
      m_canvas(new gui::MapCanvas(m_controller, this)) {
  setWindowTitle(tr("OneMap Agri"));
  setCentralWidget(m_canvas);
  createMenus();
  createActions();
  createControllers();

  connect(m_canvas, &gui::MapCanvas::renderFinished, this, [this](const QStringList& errors) {
    if (!errors.isEmpty()) statusBar()->showMessage(errors.join(QStringLiteral("; ")), 10000);
  });
  resize(1400, 900);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
  m_context.window = this;
  m_context.project = m_controller;
  m_context.canvas = m_canvas;
  m_context.fileMenu = menuBar()->addMenu(tr("&File"));
  m_context.viewMenu = menuBar()->addMenu(tr("&View"));
  m_context.layerMenu = menuBar()->addMenu(tr("&Layer"));
  m_context.toolsMenu = menuBar()->addMenu(tr("&Tools"));
  m_context.analysisMenu = menuBar()->addMenu(tr("&Analysis"));
  m_context.settingsMenu = menuBar()->addMenu(tr("&Settings"));
  m_context.helpMenu = menuBar()->addMenu(tr("&Help"));
  m_context.navigationBar = addToolBar(tr("Navigation"));
  m_context.navigationBar->setObjectName(QStringLiteral("navigationBar"));
  m_context.toolsBar = addToolBar(tr("Map Tools"));
  m_context.toolsBar->setObjectName(QStringLiteral("toolsBar"));
  m_context.statusBar = statusBar();
}

void MainWindow::createControllers() {
  // Feature controllers are children of the window; each wires itself through m_context.
  m_files = new gui::ProjectFileController(m_context, this);
  new gui::LayerTreeDock(m_context, this);
  new gui::NavigationController(m_context, this);
  new gui::CoordinateStatus(m_context, this);
  new gui::BookmarksDock(m_context, this);
  new gui::IdentifyDock(m_context, this);
  new gui::AttributeTableDock(m_context, this);
  gui::MeasureTool::install(m_context);
  gui::SelectTool::install(m_context);
  new gui::CompareController(m_context, this);
  new designer::DesignerController(m_context, this);
  installPlugins();
}

void MainWindow::installPlugins() {
  // Analyses are Qt plugins linked into the application (see plugins/).
  for (QObject* instance : QPluginLoader::staticInstances())
    if (auto* plugin = qobject_cast<gui::AnalysisPlugin*>(instance)) plugin->install(m_context);
}

void MainWindow::createActions() {
  // File menu actions (open, add, save, quit) come from gui::ProjectFileController.
  QMenu* help = m_context.helpMenu;
  help->addAction(tr("&About OneMap Agri"), this, [this] {
    QMessageBox::about(this, tr("About OneMap Agri"),
                       tr("OneMap Agri (农业农村一张图) %1\nCropland monitoring for county offices.")
                           .arg(QApplication::applicationVersion()));
  });
}

bool MainWindow::openPath(const std::filesystem::path& path, bool quiet) { return m_files->openPath(path, quiet); }

void MainWindow::showError(const QString& title, const QString& text, bool quiet) {
  if (quiet) {
    std::fprintf(stderr, "%s: %s\n", title.toUtf8().constData(), text.toUtf8().constData());
    return;
  }
  QMessageBox::warning(this, title, text);
}

}  // namespace onemap::shell
