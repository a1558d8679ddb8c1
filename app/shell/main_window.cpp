#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

#include <cstdio>

#include "onemap/base/text.h"
#include "onemap/gui/layer_list_widget.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/i18n/translations.h"
#include "onemap/proj/crs_description.h"
#include "onemap/proj/transform.h"

namespace onemap::shell {

MainWindow::MainWindow()
    : m_controller(new gui::ProjectController(this)),
      m_canvas(new gui::MapCanvas(m_controller, this)),
      m_layers(new gui::LayerListWidget(m_controller, this)),
      m_coordinates(new QLabel(this)),
      m_lonLat(new QLabel(this)),
      m_scale(new QLabel(this)),
      m_crs(new QLabel(this)) {
  setWindowTitle(tr("OneMap Agri"));
  setCentralWidget(m_canvas);
  auto* dock = new QDockWidget(tr("Layers"), this);
  dock->setObjectName(QStringLiteral("layersDock"));
  dock->setWidget(m_layers);
  addDockWidget(Qt::LeftDockWidgetArea, dock);
  statusBar()->addWidget(m_coordinates, 1);
  statusBar()->addWidget(m_lonLat, 1);
  statusBar()->addPermanentWidget(m_scale);
  statusBar()->addPermanentWidget(m_crs);
  createMenus();
  createActions();
  createControllers();

  connect(m_canvas, &gui::MapCanvas::cursorMoved, this, &MainWindow::showCursor);
  connect(m_canvas, &gui::MapCanvas::extentChanged, this, [this] {
    m_scale->setText(tr("Scale 1:%L1").arg(qRound64(m_canvas->currentSettings().scaleDenominator())));
  });
  connect(m_canvas, &gui::MapCanvas::renderFinished, this, [this](const QStringList& errors) {
    if (!errors.isEmpty()) statusBar()->showMessage(errors.join(QStringLiteral("; ")), 10000);
  });
  connect(m_controller, &gui::ProjectController::crsChanged, this, &MainWindow::updateCrsLabel);
  connect(m_controller, &gui::ProjectController::layersChanged, this, &MainWindow::updateCrsLabel);
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
}

void MainWindow::createActions() {
  QMenu* file = m_context.fileMenu;
  QAction* open = file->addAction(tr("&Open Project…"), this, &MainWindow::openProjectDialog);
  open->setShortcut(QKeySequence::Open);
  QAction* add = file->addAction(tr("&Add Layer…"), this, &MainWindow::addLayerDialog);
  add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
  file->addSeparator();
  QAction* save = file->addAction(tr("&Save Project"), this, [this] { saveProject(false); });
  save->setShortcut(QKeySequence::Save);
  file->addAction(tr("Save Project &As…"), this, [this] { saveProject(true); });
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* view = m_context.viewMenu;
  QAction* full = view->addAction(tr("Zoom to &Full Extent"), m_canvas, &gui::MapCanvas::zoomToFullExtent);
  full->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
  view->addAction(tr("Zoom &In"), this, [this] { m_canvas->zoomBy(0.5, m_canvas->rect().center()); })
      ->setShortcut(QKeySequence::ZoomIn);
  view->addAction(tr("Zoom &Out"), this, [this] { m_canvas->zoomBy(2.0, m_canvas->rect().center()); })
      ->setShortcut(QKeySequence::ZoomOut);

  QMenu* help = m_context.helpMenu;
  help->addAction(tr("&About OneMap Agri"), this, [this] {
    QMessageBox::about(this, tr("About OneMap Agri"),
                       tr("OneMap Agri (农业农村一张图) %1\nCropland monitoring for county offices.")
                           .arg(QApplication::applicationVersion()));
  });
}

bool MainWindow::openPath(const std::filesystem::path& path, bool quiet) {
  const bool isProject = path.extension() == ".onemap";
  const QString error = isProject ? m_controller->openProject(path) : m_controller->addLayerFile(path);
  if (!error.isEmpty()) {
    showError(isProject ? tr("Cannot open the project") : tr("Cannot add the layer"), error, quiet);
    return false;
  }
  if (isProject) {
    setWindowTitle(tr("%1 — OneMap Agri").arg(QString::fromStdString(m_controller->project().title.empty()
                                                                          ? path.stem().string()
                                                                          : m_controller->project().title)));
    const QStringList missing = m_controller->missingFiles();
    if (!missing.isEmpty())
      showError(tr("Missing data files"),
                tr("These layers' files were not found; they are kept in the project but not drawn:\n%1")
                    .arg(missing.join(QLatin1Char('\n'))),
                quiet);
    if (m_controller->project().extent) m_canvas->setExtent(*m_controller->project().extent);
    else m_canvas->zoomToFullExtent();
  }
  return true;
}

void MainWindow::openProjectDialog() {
  const QString file = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                    tr("OneMap projects (*.onemap)"));
  if (!file.isEmpty()) openPath(std::filesystem::path(file.toStdString()));
}

void MainWindow::addLayerDialog() {
  const QStringList files = QFileDialog::getOpenFileNames(
      this, tr("Add Layer"), QString(),
      tr("Geodata (*.tif *.tiff *.vrt *.jp2 *.img *.gpkg *.shp *.geojson *.json *.kml *.csv *.gdb);;All files (*)"));
  for (const QString& f : files) openPath(std::filesystem::path(f.toStdString()));
}

void MainWindow::saveProject(bool askForName) {
  std::filesystem::path target = m_controller->fileName();
  if (askForName || target.empty()) {
    const QString file = QFileDialog::getSaveFileName(this, tr("Save Project"), QString(),
                                                      tr("OneMap projects (*.onemap)"));
    if (file.isEmpty()) return;
    target = file.toStdString();
    if (target.extension() != ".onemap") target += ".onemap";
  }
  m_controller->project().extent = m_canvas->extent();
  const QString error = m_controller->saveProject(target);
  if (!error.isEmpty()) showError(tr("Cannot save the project"), error, false);
  else statusBar()->showMessage(tr("Project saved to %1").arg(QString::fromStdString(text::displayPath(target))), 5000);
}

void MainWindow::updateCrsLabel() {
  m_toLonLat.reset();
  const std::string& crs = m_controller->mapCrs();
  if (crs.empty()) {
    m_crs->setText(tr("No CRS"));
    return;
  }
  if (auto d = proj::describeCrs(crs)) {
    const QString name = QString::fromStdString(i18n::isChinese() ? d->nameZh : d->nameEn);
    m_crs->setText(d->epsg > 0 ? QStringLiteral("EPSG:%1 %2").arg(d->epsg).arg(name) : name);
  }
  if (auto t = proj::Transform::create(crs, "EPSG:4490")) m_toLonLat = std::make_unique<proj::Transform>(std::move(*t));
}

void MainWindow::showCursor(double x, double y) {
  m_coordinates->setText(tr("X %1  Y %2").arg(x, 0, 'f', 2).arg(y, 0, 'f', 2));
  double lon = x, lat = y;
  if (m_toLonLat && m_toLonLat->apply(lon, lat))
    m_lonLat->setText(tr("%1°E  %2°N").arg(lon, 0, 'f', 6).arg(lat, 0, 'f', 6));
  else
    m_lonLat->clear();
}

void MainWindow::showError(const QString& title, const QString& text, bool quiet) {
  if (quiet) {
    std::fprintf(stderr, "%s: %s\n", title.toUtf8().constData(), text.toUtf8().constData());
    return;
  }
  QMessageBox::warning(this, title, text);
}

}  // namespace onemap::shell
