#pragma once

#include <QTreeWidget>

namespace onemap::gui {

class ProjectController;

/// The list of project layers, top-most drawn first, with a visibility check box each.
/// GUI thread only.
class LayerListWidget : public QTreeWidget {
  Q_OBJECT
 public:
  explicit LayerListWidget(ProjectController* controller, QWidget* parent = nullptr);

 private:
  void rebuild();
  ProjectController* m_controller;
  bool m_rebuilding = false;
};

}  // namespace onemap::gui
