#pragma once

#include <QDockWidget>

#include "onemap/gui/window_context.h"

class QAction;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace onemap::gui {

class IdentifyTool;
class SelectionModel;

/// The Identify Results panel and the Identify action: shows, per layer (top-most first), the band
/// values of rasters and the attributes of the vector features under the last click as a tree
/// (layer → feature/pixel → field/value), and highlights the identified features on the map.
/// Owned by the main window; GUI thread only.
class IdentifyDock : public QDockWidget {
  Q_OBJECT
 public:
  IdentifyDock(const WindowContext& context, QWidget* parent = nullptr);

  IdentifyTool* tool() const { return m_tool; }
  QTreeWidget* tree() const { return m_tree; }
  QAction* identifyAction() const { return m_action; }

 private:
  void showResults();
  void highlightItem(QTreeWidgetItem* item);
  void showContextMenu(const QPoint& position);

  WindowContext m_context;
  IdentifyTool* m_tool;
  SelectionModel* m_selection;
  QAction* m_action;
  QLabel* m_location;
  QTreeWidget* m_tree;
};

}  // namespace onemap::gui
