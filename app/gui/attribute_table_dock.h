#pragma once

#include <QDockWidget>

#include <string>

#include "onemap/base/extent.h"
#include "onemap/gui/window_context.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace onemap::gui {

class AttributeTableModel;
class SelectionModel;

/// The attribute table panel: one vector layer's features as rows (loaded in the background with
/// progress and Cancel), sortable by any column (numbers by value), a filter box (text, or
/// `FIELD = value`, `FIELD > 100`…), row selection kept in step with the map selection, zoom to
/// feature (double-click) and to the selection. Opened from Layer ▸ Open Attribute Table or by the
/// layer tree through showAttributeTable(). Owned by the main window; GUI thread only.
class AttributeTableDock : public QDockWidget {
  Q_OBJECT
 public:
  AttributeTableDock(const WindowContext& context, QWidget* parent = nullptr);
  ~AttributeTableDock() override;

  AttributeTableModel* model() const { return m_model; }
  QTableView* view() const { return m_view; }
  QLineEdit* filterEdit() const { return m_filter; }
  QComboBox* layerBox() const { return m_layerBox; }
  QAction* openAction() const { return m_openAction; }
  /// "274 123 features, 12 shown, 3 selected" as shown under the table.
  QString countText() const;
  /// The layer shown (id), empty when none.
  const std::string& layerId() const { return m_layerId; }

 public slots:
  /// Shows the dock with the attributes of layer `layerIndex` (project drawing order); a raster
  /// or invalid index shows the top-most vector layer instead.
  void showAttributeTable(int layerIndex);
  /// Zooms the map to the selected rows.
  void zoomToSelection();
  void clearSelection();

 private:
  void rebuildLayerBox();
  void startLoading(const std::string& layerId);
  void applyFilter();
  void pushSelectionToMap();
  void pullSelectionFromMap();
  void zoomToRow(int row);
  void updateCounts();
  Extent selectedExtent() const;

  WindowContext m_context;
  SelectionModel* m_selection;
  AttributeTableModel* m_model;
  QComboBox* m_layerBox;
  QLineEdit* m_filter;
  QLabel* m_filterError;
  QTableView* m_view;
  QProgressBar* m_progress;
  QPushButton* m_cancel;
  QLabel* m_counts;
  QAction* m_openAction;
  std::string m_layerId;
  bool m_syncing = false;
};

}  // namespace onemap::gui
