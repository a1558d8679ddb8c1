#pragma once

class QMainWindow;
class QMenu;
class QStatusBar;
class QToolBar;

namespace onemap::gui {

class MapCanvas;
class ProjectController;

/// What a feature controller needs from the main window: the window, the project, the canvas and
/// the menus and tool bars to add its actions to. Filled by the shell; GUI thread only.
struct WindowContext {
  QMainWindow* window = nullptr;
  ProjectController* project = nullptr;
  MapCanvas* canvas = nullptr;
  QMenu* fileMenu = nullptr;
  QMenu* viewMenu = nullptr;
  QMenu* layerMenu = nullptr;
  QMenu* toolsMenu = nullptr;
  QMenu* analysisMenu = nullptr;
  QMenu* settingsMenu = nullptr;
  QMenu* helpMenu = nullptr;
  QToolBar* navigationBar = nullptr;
  QToolBar* toolsBar = nullptr;
  QStatusBar* statusBar = nullptr;
};

}  // namespace onemap::gui
