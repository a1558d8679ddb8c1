#pragma once

#include <QDockWidget>
#include <QSet>
#include <QStringList>

#include <string>
#include <vector>

#include "onemap/gui/window_context.h"

class QAction;
class QMenu;
class QTreeView;

namespace onemap::gui {

class LayerTreeModel;

/// The "Layers" dock: the layer tree (visibility, drag to reorder, groups, legend) with a context
/// menu and the same actions in the Layer menu — Zoom to Layer, Rename, Remove, Opacity, Move to
/// Group, New Group, Properties/Style (also on double-click). A child of the main window, created
/// by it; GUI thread only.
class LayerTreeDock : public QDockWidget {
  Q_OBJECT
 public:
  LayerTreeDock(const WindowContext& context, QWidget* parent = nullptr);

  QTreeView* view() const { return m_view; }
  LayerTreeModel* model() const { return m_model; }
  /// Project indices of the selected layers (a selected group counts with all its layers),
  /// top-most first; the current row's layer when nothing is selected.
  std::vector<int> selectedLayers() const;
  /// Selects the rows of these project layers (and makes the first current).
  void selectLayers(const std::vector<int>& layers);

  void zoomToSelection();
  void renameCurrent();
  /// Removes the selected layers after asking (unless `confirm` is false).
  void removeSelection(bool confirm = true);
  void editOpacity();
  void moveSelectionToGroup();
  void newGroupFromSelection();
  /// Opens the raster or vector style dialog of layer `index` (non-modal; returns it).
  QDialog* openProperties(int index);

 private:
  void updateActions();
  void showContextMenu(const QPoint& position);
  void saveViewState();
  void restoreViewState();
  QString expansionKey(const QModelIndex& index) const;
  QStringList layerIds(const std::vector<int>& layers) const;

  WindowContext m_context;
  LayerTreeModel* m_model;
  QTreeView* m_view;
  QAction* m_zoom;
  QAction* m_rename;
  QAction* m_remove;
  QAction* m_opacity;
  QAction* m_moveToGroup;
  QAction* m_newGroup;
  QAction* m_properties;
  QSet<QString> m_collapsed;            ///< rows the user collapsed (by layer id / group path)
  std::vector<std::string> m_selection; ///< selected layer ids kept across model resets
};

}  // namespace onemap::gui
