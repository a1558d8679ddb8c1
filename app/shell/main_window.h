#pragma once

#include <QLabel>
#include <QMainWindow>

#include <filesystem>
#include <memory>

#include "onemap/gui/window_context.h"

namespace onemap::gui {
class ProjectController;
class MapCanvas;
class ProjectFileController;
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
  /// File menu, project files, drag-and-drop, autosave and recovery.
  gui::ProjectFileController* fileController() const { return m_files; }
  /// Menus, tool bars and services the feature controllers plug into.
  const gui::WindowContext& context() const { return m_context; }

 private:
  void createMenus();
  void createActions();
  /// Creates the feature controllers (navigation, identify, layer tree, compare…); each adds its
  /// own actions, docks and tools through the window context.
  void createControllers();
  void installPlugins();
  void showError(const QString& title, const QString& text, bool quiet);

  gui::ProjectController* m_controller;
  gui::MapCanvas* m_canvas;
  gui::WindowContext m_context;
  gui::ProjectFileController* m_files = nullptr;
};

}  // namespace onemap::shell
