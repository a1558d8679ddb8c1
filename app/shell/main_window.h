#pragma once

#include <QLabel>
#include <QMainWindow>

#include <filesystem>
#include <memory>

#include "onemap/gui/window_context.h"

namespace onemap::proj {
class Transform;
}

namespace onemap::gui {
class ProjectController;
class MapCanvas;
class LayerListWidget;
}  // namespace onemap::gui

namespace onemap::shell {

/// The main window: wires the project controller, map canvas, layer list, menus and status bar.
/// GUI thread only.
class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  MainWindow();
  ~MainWindow() override;

  /// Opens a project (.onemap) or adds a data file as a layer; shows errors in a message box
  /// unless `quiet` (then they go to stderr). Returns false on error.
  bool openPath(const std::filesystem::path& path, bool quiet = false);
  gui::MapCanvas* canvas() const { return m_canvas; }
  gui::ProjectController* controller() const { return m_controller; }
  /// Menus, tool bars and services the feature controllers plug into.
  const gui::WindowContext& context() const { return m_context; }

 private:
  void createMenus();
  void createActions();
  /// Creates the feature controllers (navigation, identify, layer tree, compare…); each adds its
  /// own actions, docks and tools through the window context.
  void createControllers();
  void openProjectDialog();
  void addLayerDialog();
  void saveProject(bool askForName);
  void updateCrsLabel();
  void showCursor(double x, double y);
  void showError(const QString& title, const QString& text, bool quiet);

  gui::ProjectController* m_controller;
  gui::MapCanvas* m_canvas;
  gui::LayerListWidget* m_layers;
  QLabel* m_coordinates;
  QLabel* m_lonLat;
  QLabel* m_scale;
  QLabel* m_crs;
  std::unique_ptr<proj::Transform> m_toLonLat;
  gui::WindowContext m_context;
};

}  // namespace onemap::shell
