#pragma once

#include <QMainWindow>

#include <filesystem>
#include <set>
#include <string>

#include "item_arrange.h"
#include "onemap/gui/window_context.h"
#include "onemap/layout/layout.h"
#include "onemap/sheet/sheet_export.h"

class QLabel;
class QUndoView;

namespace onemap::sheet {
struct AtlasOptions;
}

namespace onemap::designer {

class AtlasPanel;
class DesignerScene;
class DesignerView;
class ExportRunner;
struct ExportInput;
class ItemList;
class LayoutDocument;
class PropertyPanel;

/// The layout designer of one map sheet: the page view, item tool bar, item list, property
/// panel, atlas panel and undo history, with page setup and exports. Closing it keeps the
/// layout in the project. GUI thread only.
class DesignerWindow : public QMainWindow {
  Q_OBJECT
 public:
  DesignerWindow(const gui::WindowContext& context, const std::string& layoutName, QWidget* parent = nullptr);
  ~DesignerWindow() override;

  LayoutDocument* document() const { return m_document; }
  DesignerScene* scene() const { return m_scene; }
  DesignerView* view() const { return m_view; }
  PropertyPanel* properties() const { return m_properties; }
  AtlasPanel* atlasPanel() const { return m_atlas; }
  ItemList* itemList() const { return m_items; }
  ExportRunner* exporter() const { return m_exporter; }
  const std::string& layoutName() const;

  /// Adds an item of `type` at `rect` (page mm) with its defaults and selects it.
  std::string addItem(layout::ItemType type, const QRectF& rect);
  void deleteSelection();
  void copySelection();
  void cutSelection();
  void paste();
  void duplicateSelection();
  void selectAll();
  void align(Alignment alignment);
  void distribute(Qt::Orientation orientation);
  void reorder(int steps, bool toEnd);
  void setSelectionLocked(bool locked);
  /// The selected map frame (or the main map) takes the main canvas' current extent.
  void setMapExtentFromCanvas();
  /// Page size and export DPI in one undoable command.
  void setPage(double widthMm, double heightMm, double dpi);

  /// Exports the current sheet (with the previewed atlas feature) on a worker thread; the
  /// caller has confirmed replacing an existing file when `overwrite`.
  void exportSheetTo(const std::filesystem::path& file, double dpi, bool overwrite);
  void exportAtlas(const sheet::AtlasOptions& options);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createDocks();
  void createActions();
  void selectionChanged();
  void pageSetup();
  void exportDialog(sheet::ExportFormat format);
  void exportAtlasDialog();
  void saveAsTemplate();
  void updateTitle();
  void updateActions();
  ExportInput exportInput() const;

  gui::WindowContext m_context;
  LayoutDocument* m_document;
  DesignerScene* m_scene;
  DesignerView* m_view;
  ItemList* m_items;
  PropertyPanel* m_properties;
  AtlasPanel* m_atlas;
  QUndoView* m_history;
  ExportRunner* m_exporter;
  QLabel* m_position;
  QLabel* m_zoom;
  std::vector<QAction*> m_selectionActions;
  std::vector<QAction*> m_multiActions;
  QAction* m_paste = nullptr;
};

}  // namespace onemap::designer
