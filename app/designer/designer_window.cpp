#include "designer_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoView>

#include "atlas_export_dialog.h"
#include "atlas_panel.h"
#include "designer_scene.h"
#include "designer_view.h"
#include "export_runner.h"
#include "item_clipboard.h"
#include "item_icons.h"
#include "item_list.h"
#include "layout_document.h"
#include "map_preview.h"
#include "page_setup_dialog.h"
#include "property_panel.h"
#include "property_specs.h"
#include "onemap/base/text.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout_json.h"

namespace onemap::designer {

namespace {

constexpr double kPasteOffsetMm = 5.0;

QString extentProp(const Extent& e) {
  return QString::fromStdString(formatNumber(e.minX()) + "," + formatNumber(e.minY()) + "," +
                                formatNumber(e.maxX()) + "," + formatNumber(e.maxY()));
}

QDockWidget* dock(QMainWindow* window, const QString& title, const QString& name, QWidget* content,
                  Qt::DockWidgetArea area) {
  auto* d = new QDockWidget(title, window);
  d->setObjectName(name);
  d->setWidget(content);
  window->addDockWidget(area, d);
  return d;
}

}  // namespace

DesignerWindow::DesignerWindow(const gui::WindowContext& context, const std::string& layoutName, QWidget* parent)
    : QMainWindow(parent, Qt::Window),
      m_context(context),
      m_document(new LayoutDocument(context.project, layoutName, this)),
      m_scene(new DesignerScene(m_document, context.project, this)),
      m_view(new DesignerView(m_scene, this)),
      m_exporter(new ExportRunner(this, this)),
      m_position(new QLabel),
      m_zoom(new QLabel) {
  setObjectName(QStringLiteral("designerWindow"));
  setAttribute(Qt::WA_DeleteOnClose);
  setCentralWidget(m_view);
  createDocks();
  createActions();
  statusBar()->addWidget(m_position);
  statusBar()->addPermanentWidget(m_zoom);
  connect(m_view, &DesignerView::cursorMoved, this, [this](QPointF p) {
    m_position->setText(tr("x %1 mm  y %2 mm").arg(p.x(), 0, 'f', 1).arg(p.y(), 0, 'f', 1));
  });
  connect(m_view, &DesignerView::zoomChanged, this, [this](double pixelsPerMm) {
    // 100 % = real size on a 96 DPI screen (3.78 px per mm).
    m_zoom->setText(tr("Zoom %1 %").arg(qRound(pixelsPerMm / (96.0 / 25.4) * 100)));
  });
  connect(m_view, &DesignerView::selectionChanged, this, &DesignerWindow::selectionChanged);
  connect(m_view, &DesignerView::itemDrawn, this, [this](layout::ItemType type, const QRectF& rect) { addItem(type, rect); });
  connect(m_view, &DesignerView::deleteRequested, this, &DesignerWindow::deleteSelection);
  connect(m_items, &ItemList::selectionChanged, this, [this](const std::set<std::string>& ids) { m_view->setSelection(ids); });
  connect(m_document, &LayoutDocument::changed, this, [this] {
    updateTitle();
    updateActions();
  });
  connect(context.project, &gui::ProjectController::appearanceChanged, m_scene, &DesignerScene::refreshAll);
  connect(context.project, &gui::ProjectController::layerChanged, this, [this](int index) {
    const auto& layers = m_context.project->project().layers;
    if (index >= 0 && index < int(layers.size())) m_scene->renderer()->invalidateLayer(layers[std::size_t(index)].id);
  });
  connect(context.project, &gui::ProjectController::layersChanged, m_scene, &DesignerScene::refreshAll);
  updateTitle();
  updateActions();
  resize(1500, 950);
  m_view->setZoom(2.0);
}

DesignerWindow::~DesignerWindow() = default;

const std::string& DesignerWindow::layoutName() const { return m_document->name(); }

void DesignerWindow::updateTitle() {
  setWindowTitle(tr("%1 — Layout Designer").arg(QString::fromStdString(m_document->name())));
}

void DesignerWindow::createDocks() {
  m_items = new ItemList(m_document, this);
  m_properties = new PropertyPanel(m_document, m_context.project, m_context.canvas, this);
  m_atlas = new AtlasPanel(m_document, m_scene, m_context.project, this);
  m_history = new QUndoView(m_document->undoStack());
  m_history->setEmptyLabel(tr("<original layout>"));
  auto* items = dock(this, tr("Items"), QStringLiteral("itemsDock"), m_items, Qt::RightDockWidgetArea);
  auto* props = dock(this, tr("Item Properties"), QStringLiteral("propertiesDock"), m_properties, Qt::RightDockWidgetArea);
  auto* atlas = dock(this, tr("Atlas"), QStringLiteral("atlasDock"), m_atlas, Qt::RightDockWidgetArea);
  auto* history = dock(this, tr("Undo History"), QStringLiteral("historyDock"), m_history, Qt::RightDockWidgetArea);
  tabifyDockWidget(props, atlas);
  tabifyDockWidget(atlas, history);
  props->raise();
  resizeDocks({items, props}, {260, 560}, Qt::Vertical);
  resizeDocks({props}, {380}, Qt::Horizontal);
  // An atlas sheet opens on its first feature: the page then shows a village's sheet, not
  // "{village_name}" and the county.
  const auto& settings = m_document->layout().atlas;
  if (settings.enabled && !settings.coverageLayerId.empty()) m_atlas->setPreview(true);
}

void DesignerWindow::createActions() {
  auto* undo = m_document->undoStack();
  auto add = [this](QMenu* menu, const QString& text, const QString& name, auto slot,
                    QKeySequence shortcut = {}) {
    QAction* a = menu->addAction(text);
    a->setObjectName(name);
    if (!shortcut.isEmpty()) a->setShortcut(shortcut);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };

  // ---- Layout
  QMenu* file = menuBar()->addMenu(tr("&Layout"));
  add(file, tr("Page Setup…"), QStringLiteral("pageSetupAction"), [this] { pageSetup(); });
  file->addSeparator();
  add(file, tr("Export as PDF…"), QStringLiteral("exportPdfAction"), [this] { exportDialog(sheet::ExportFormat::Pdf); },
      QKeySequence(QStringLiteral("Ctrl+E")));
  add(file, tr("Export as PNG…"), QStringLiteral("exportPngAction"), [this] { exportDialog(sheet::ExportFormat::Png); });
  add(file, tr("Export as GeoTIFF…"), QStringLiteral("exportTiffAction"),
      [this] { exportDialog(sheet::ExportFormat::GeoTiff); });
  add(file, tr("Export Atlas…"), QStringLiteral("exportAtlasAction"), [this] { exportAtlasDialog(); });
  file->addSeparator();
  add(file, tr("Save as Template…"), QStringLiteral("saveTemplateAction"), [this] { saveAsTemplate(); });
  file->addSeparator();
  add(file, tr("Close"), QStringLiteral("closeDesignerAction"), [this] { close(); }, QKeySequence::Close);

  // ---- Edit
  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undoAction = undo->createUndoAction(this, tr("Undo"));
  undoAction->setShortcuts(QKeySequence::Undo);
  undoAction->setObjectName(QStringLiteral("undoAction"));
  QAction* redoAction = undo->createRedoAction(this, tr("Redo"));
  redoAction->setShortcuts({QKeySequence(QStringLiteral("Ctrl+Y")), QKeySequence(QStringLiteral("Ctrl+Shift+Z"))});
  redoAction->setObjectName(QStringLiteral("redoAction"));
  edit->addAction(undoAction);
  edit->addAction(redoAction);
  edit->addSeparator();
  m_selectionActions.push_back(add(edit, tr("Cut"), QStringLiteral("cutAction"), [this] { cutSelection(); }, QKeySequence::Cut));
  m_selectionActions.push_back(add(edit, tr("Copy"), QStringLiteral("copyAction"), [this] { copySelection(); }, QKeySequence::Copy));
  m_paste = add(edit, tr("Paste"), QStringLiteral("pasteAction"), [this] { paste(); }, QKeySequence::Paste);
  m_selectionActions.push_back(add(edit, tr("Duplicate"), QStringLiteral("duplicateAction"), [this] { duplicateSelection(); },
                                   QKeySequence(QStringLiteral("Ctrl+D"))));
  m_selectionActions.push_back(add(edit, tr("Delete"), QStringLiteral("deleteAction"), [this] { deleteSelection(); },
                                   QKeySequence::Delete));
  edit->addSeparator();
  add(edit, tr("Select All"), QStringLiteral("selectAllAction"), [this] { selectAll(); }, QKeySequence::SelectAll);
  add(edit, tr("Deselect All"), QStringLiteral("deselectAction"), [this] { m_view->setSelection({}); },
      QKeySequence(QStringLiteral("Ctrl+Shift+A")));

  // ---- Items: add tools, arrange
  QMenu* items = menuBar()->addMenu(tr("&Items"));
  QToolBar* tools = addToolBar(tr("Items"));
  tools->setObjectName(QStringLiteral("itemToolBar"));
  tools->setIconSize(QSize(24, 24));
  auto* group = new QActionGroup(this);
  QAction* select = items->addAction(selectIcon(), tr("Select and Move"));
  select->setObjectName(QStringLiteral("selectToolAction"));
  select->setCheckable(true);
  select->setChecked(true);
  select->setShortcut(QKeySequence(QStringLiteral("V")));
  group->addAction(select);
  tools->addAction(select);
  connect(select, &QAction::triggered, this, [this] { m_view->setAddMode(std::nullopt); });
  items->addSeparator();
  using T = layout::ItemType;
  for (T type : {T::Map, T::Label, T::Legend, T::ScaleBar, T::NorthArrow, T::Table, T::Picture, T::Producer, T::Shape}) {
    QAction* a = items->addAction(itemIcon(type), tr("Add %1").arg(typeName(type)));
    a->setObjectName(QStringLiteral("add_%1").arg(QString::fromStdString(layout::itemTypeId(type))));
    a->setCheckable(true);
    a->setToolTip(tr("Add %1: drag a rectangle on the page").arg(typeName(type)));
    group->addAction(a);
    tools->addAction(a);
    connect(a, &QAction::triggered, this, [this, type] { m_view->setAddMode(type); });
  }
  connect(m_view, &DesignerView::addModeChanged, this, [this, select] {
    if (!m_view->addMode()) select->setChecked(true);
  });
  items->addSeparator();
  QMenu* alignMenu = items->addMenu(tr("Align"));
  const std::vector<std::pair<QString, Alignment>> aligns{
      {tr("Align Left"), Alignment::Left},     {tr("Align Centre"), Alignment::HCenter},
      {tr("Align Right"), Alignment::Right},   {tr("Align Top"), Alignment::Top},
      {tr("Align Middle"), Alignment::VCenter}, {tr("Align Bottom"), Alignment::Bottom}};
  const char* alignNames[] = {"alignLeft", "alignHCenter", "alignRight", "alignTop", "alignVCenter", "alignBottom"};
  for (std::size_t i = 0; i < aligns.size(); ++i) {
    const Alignment a = aligns[i].second;
    m_selectionActions.push_back(add(alignMenu, aligns[i].first, QString::fromLatin1(alignNames[i]), [this, a] { align(a); }));
  }
  QMenu* distributeMenu = items->addMenu(tr("Distribute"));
  m_multiActions.push_back(add(distributeMenu, tr("Distribute Horizontally"), QStringLiteral("distributeH"),
                               [this] { distribute(Qt::Horizontal); }));
  m_multiActions.push_back(add(distributeMenu, tr("Distribute Vertically"), QStringLiteral("distributeV"),
                               [this] { distribute(Qt::Vertical); }));
  items->addSeparator();
  m_selectionActions.push_back(add(items, tr("Raise"), QStringLiteral("raiseAction"), [this] { reorder(1, false); },
                                   QKeySequence(QStringLiteral("Ctrl+]"))));
  m_selectionActions.push_back(add(items, tr("Lower"), QStringLiteral("lowerAction"), [this] { reorder(-1, false); },
                                   QKeySequence(QStringLiteral("Ctrl+["))));
  m_selectionActions.push_back(add(items, tr("Bring to Front"), QStringLiteral("frontAction"), [this] { reorder(1, true); },
                                   QKeySequence(QStringLiteral("Ctrl+Shift+]"))));
  m_selectionActions.push_back(add(items, tr("Send to Back"), QStringLiteral("backAction"), [this] { reorder(-1, true); },
                                   QKeySequence(QStringLiteral("Ctrl+Shift+["))));
  items->addSeparator();
  m_selectionActions.push_back(add(items, tr("Lock"), QStringLiteral("lockAction"), [this] { setSelectionLocked(true); },
                                   QKeySequence(QStringLiteral("Ctrl+L"))));
  m_selectionActions.push_back(add(items, tr("Unlock"), QStringLiteral("unlockAction"), [this] { setSelectionLocked(false); },
                                   QKeySequence(QStringLiteral("Ctrl+Shift+L"))));
  items->addSeparator();
  add(items, tr("Set Map Extent from Main Map Canvas"), QStringLiteral("extentFromCanvasAction"),
      [this] { setMapExtentFromCanvas(); });

  // ---- View
  QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
  QToolBar* navigation = addToolBar(tr("View"));
  navigation->setObjectName(QStringLiteral("viewToolBar"));
  QAction* zoomIn = add(viewMenu, tr("Zoom In"), QStringLiteral("zoomInAction"), [this] { m_view->zoomBy(1.25); },
                        QKeySequence::ZoomIn);
  QAction* zoomOut = add(viewMenu, tr("Zoom Out"), QStringLiteral("zoomOutAction"), [this] { m_view->zoomBy(0.8); },
                         QKeySequence::ZoomOut);
  QAction* fit = add(viewMenu, tr("Fit Page"), QStringLiteral("fitPageAction"), [this] { m_view->fitPage(); },
                     QKeySequence(QStringLiteral("Ctrl+0")));
  QAction* actual = add(viewMenu, tr("Actual Size (100 %)"), QStringLiteral("actualSizeAction"),
                        [this] { m_view->setZoom(96.0 / 25.4); }, QKeySequence(QStringLiteral("Ctrl+1")));
  navigation->addAction(zoomIn);
  navigation->addAction(zoomOut);
  navigation->addAction(fit);
  navigation->addAction(actual);
  navigation->addSeparator();
  navigation->addAction(undoAction);
  navigation->addAction(redoAction);
  viewMenu->addSeparator();
  QAction* snapGrid = viewMenu->addAction(tr("Snap to Millimetre Grid"));
  snapGrid->setObjectName(QStringLiteral("snapGridAction"));
  snapGrid->setCheckable(true);
  snapGrid->setChecked(true);
  connect(snapGrid, &QAction::toggled, this, [this](bool on) { m_view->setSnapToGrid(on); });
  QAction* snapItems = viewMenu->addAction(tr("Snap to Item Edges"));
  snapItems->setObjectName(QStringLiteral("snapItemsAction"));
  snapItems->setCheckable(true);
  snapItems->setChecked(true);
  connect(snapItems, &QAction::toggled, this, [this](bool on) { m_view->setSnapToItems(on); });
  viewMenu->addSeparator();
  for (auto* d : findChildren<QDockWidget*>()) viewMenu->addAction(d->toggleViewAction());
  connect(QApplication::clipboard(), &QClipboard::dataChanged, this, [this] { updateActions(); });
}

void DesignerWindow::updateActions() {
  const auto& selection = m_view->selection();
  for (auto* a : m_selectionActions) a->setEnabled(!selection.empty());
  for (auto* a : m_multiActions) a->setEnabled(selection.size() >= 3);
  if (m_paste) m_paste->setEnabled(!itemsFromMime(QApplication::clipboard()->mimeData()).empty());
}

void DesignerWindow::selectionChanged() {
  const auto& selection = m_view->selection();
  m_items->setSelection(selection);
  m_properties->showItem(selection.size() == 1 ? *selection.begin() : std::string(), int(selection.size()));
  updateActions();
}

std::string DesignerWindow::addItem(layout::ItemType type, const QRectF& rect) {
  namespace k = layout::keys;
  layout::Layout after = m_document->layout();
  layout::Item item;
  item.type = type;
  item.id = after.uniqueItemId(layout::itemTypeId(type));
  setItemRect(item, rect);
  const auto& project = m_context.project->project();
  switch (type) {
    case layout::ItemType::Map: {
      Extent extent = m_context.canvas ? m_context.canvas->extent() : Extent();
      if (extent.isEmpty()) extent = m_context.project->fullExtent();
      if (!extent.isEmpty()) item.props[k::kExtent] = extentProp(extent).toStdString();
      item.props[k::kFrame] = "0.3";
      break;
    }
    case layout::ItemType::Label: item.props[k::kText] = tr("Text").toStdString(); break;
    case layout::ItemType::Table:
      for (const auto& layer : project.layers)
        if (layer.kind == project::LayerKind::Vector && layer.layerName == "change_patches") {
          item.props[k::kLayer] = layer.id;
          break;
        }
      break;
    case layout::ItemType::Producer: item.props[k::kDate] = "{date_cn}"; break;
    default: break;
  }
  after.items.push_back(item);
  m_document->change(tr("Add %1").arg(typeName(type)), std::move(after));
  m_view->setSelection({item.id});
  return item.id;
}

void DesignerWindow::deleteSelection() {
  const auto selection = m_view->selection();
  if (selection.empty()) return;
  layout::Layout after = m_document->layout();
  std::erase_if(after.items, [&](const layout::Item& item) { return selection.contains(item.id); });
  m_document->change(tr("Delete %n Item(s)", nullptr, int(selection.size())), std::move(after));
  m_view->setSelection({});
}

void DesignerWindow::copySelection() {
  if (m_view->selection().empty()) return;
  QApplication::clipboard()->setMimeData(itemsToMime(m_document->layout(), m_view->selection()));
}

void DesignerWindow::cutSelection() {
  copySelection();
  deleteSelection();
}

void DesignerWindow::paste() {
  auto items = itemsFromMime(QApplication::clipboard()->mimeData());
  if (items.empty()) return;
  layout::Layout after = m_document->layout();
  // Offset only when the copies would land on their originals.
  bool overlaps = false;
  for (const auto& item : items)
    if (const auto* same = after.item(item.id); same && same->x == item.x && same->y == item.y) overlaps = true;
  const auto added = pasteItems(after, std::move(items), overlaps ? kPasteOffsetMm : 0.0);
  m_document->change(tr("Paste Items"), std::move(after));
  m_view->setSelection(added);
}

void DesignerWindow::duplicateSelection() {
  std::vector<layout::Item> items;
  for (const auto& item : m_document->layout().items)
    if (m_view->selection().contains(item.id)) items.push_back(item);
  if (items.empty()) return;
  layout::Layout after = m_document->layout();
  const auto added = pasteItems(after, std::move(items), kPasteOffsetMm);
  m_document->change(tr("Duplicate Items"), std::move(after));
  m_view->setSelection(added);
}

void DesignerWindow::selectAll() {
  std::set<std::string> ids;
  for (const auto& item : m_document->layout().items)
    if (item.visible) ids.insert(item.id);
  m_view->setSelection(ids);
}

void DesignerWindow::align(Alignment alignment) {
  layout::Layout after = m_document->layout();
  alignItems(after, m_view->selection(), alignment);
  m_document->change(tr("Align Items"), std::move(after));
}

void DesignerWindow::distribute(Qt::Orientation orientation) {
  layout::Layout after = m_document->layout();
  distributeItems(after, m_view->selection(), orientation);
  m_document->change(tr("Distribute Items"), std::move(after));
}

void DesignerWindow::reorder(int steps, bool toEnd) {
  layout::Layout after = m_document->layout();
  reorderItems(after, m_view->selection(), steps, toEnd);
  m_document->change(steps > 0 ? tr("Raise Items") : tr("Lower Items"), std::move(after));
}

void DesignerWindow::setSelectionLocked(bool locked) {
  layout::Layout after = m_document->layout();
  for (auto& item : after.items)
    if (m_view->selection().contains(item.id)) item.locked = locked;
  m_document->change(locked ? tr("Lock Items") : tr("Unlock Items"), std::move(after));
}

void DesignerWindow::setMapExtentFromCanvas() {
  const auto& layout = m_document->layout();
  const layout::Item* map = nullptr;
  for (const auto& id : m_view->selection())
    if (const auto* item = layout.item(id); item && item->type == layout::ItemType::Map) map = item;
  if (!map) map = layout.mainMap();
  if (!map || !m_context.canvas) return;
  if (map->prop(layout::keys::kLockExtent) == "true") {
    statusBar()->showMessage(tr("The map frame's extent is locked."), 5000);
    return;
  }
  const Extent extent = m_context.canvas->extent();
  if (extent.isEmpty()) return;
  layout::Item edited = *map;
  edited.props[layout::keys::kExtent] = extentProp(extent).toStdString();
  m_document->changeItem(tr("Set Map Extent from Canvas"), edited);
}

void DesignerWindow::setPage(double widthMm, double heightMm, double dpi) {
  layout::Layout after = m_document->layout();
  after.pageWidthMm = widthMm;
  after.pageHeightMm = heightMm;
  after.exportDpi = dpi;
  m_document->change(tr("Page Setup"), std::move(after));
}

void DesignerWindow::pageSetup() {
  PageSetupDialog dialog(false, this);
  const auto& layout = m_document->layout();
  dialog.setPage(layout.pageWidthMm, layout.pageHeightMm, layout.exportDpi);
  if (dialog.exec() != QDialog::Accepted) return;
  setPage(dialog.pageWidth(), dialog.pageHeight(), dialog.dpi());
  m_view->fitPage();
}

ExportInput DesignerWindow::exportInput() const {
  ExportInput input;
  input.project = m_context.project->project();
  input.layout = m_document->layout();
  input.mapCrs = m_context.project->mapCrs();
  input.projectFile = m_context.project->fileName();
  if (const auto* feature = m_scene->atlasFeature()) input.atlas = *feature;
  return input;
}

void DesignerWindow::exportDialog(sheet::ExportFormat format) {
  if (m_exporter->isRunning()) return;
  QString filter, suffix;
  switch (format) {
    case sheet::ExportFormat::Pdf: filter = tr("PDF (*.pdf)"); suffix = QStringLiteral(".pdf"); break;
    case sheet::ExportFormat::Png: filter = tr("PNG image (*.png)"); suffix = QStringLiteral(".png"); break;
    case sheet::ExportFormat::GeoTiff: filter = tr("GeoTIFF (*.tif *.tiff)"); suffix = QStringLiteral(".tif"); break;
  }
  const auto folder = m_context.project->fileName().parent_path();
  QString name = QString::fromStdString(m_document->name());
  if (const auto* feature = m_scene->atlasFeature())
    name = QString::fromStdString(feature->code + "_" + feature->name);
  const QString proposed = QString::fromStdString((folder / (name + suffix).toStdString()).string());
  QString file = QFileDialog::getSaveFileName(this, tr("Export Sheet"), proposed, filter);
  if (file.isEmpty()) return;
  bool appended = false;
  if (!file.endsWith(suffix, Qt::CaseInsensitive) &&
      !(format == sheet::ExportFormat::GeoTiff && file.endsWith(QStringLiteral(".tiff"), Qt::CaseInsensitive))) {
    file += suffix;  // the dialog did not ask about this name: it is not replaced unasked
    appended = true;
  }
  const bool confirmed = !appended && QFileInfo::exists(file);  // QFileDialog asked before returning it
  bool ok = false;
  const int dpi = QInputDialog::getInt(this, tr("Export Sheet"), tr("Resolution (DPI):"), int(m_document->layout().exportDpi),
                                       30, 1200, 10, &ok);
  if (!ok) return;
  exportSheetTo(file.toStdString(), dpi, confirmed);
}

void DesignerWindow::exportSheetTo(const std::filesystem::path& file, double dpi, bool overwrite) {
  sheet::ExportOptions options;
  const auto format = sheet::formatForPath(file);
  options.format = format.value_or(sheet::ExportFormat::Pdf);
  options.dpi = dpi;
  options.overwrite = overwrite;
  m_exporter->exportSheet(exportInput(), file, options);
}

void DesignerWindow::exportAtlasDialog() {
  if (m_exporter->isRunning()) return;
  const auto& atlas = m_document->layout().atlas;
  if (atlas.coverageLayerId.empty()) {
    QMessageBox::information(this, tr("Export Atlas"), tr("Choose a coverage layer in the Atlas panel first."));
    return;
  }
  const auto folder = m_context.project->fileName().parent_path();
  AtlasExportDialog dialog(m_document->layout().exportDpi, QString::fromStdString(folder.string()), this);
  if (dialog.exec() != QDialog::Accepted) return;
  const auto options = dialog.options();
  if (options.output.empty()) {
    QMessageBox::warning(this, tr("Export Atlas"), tr("Choose a folder (or a PDF file) to export to."));
    return;
  }
  exportAtlas(options);
}

void DesignerWindow::exportAtlas(const sheet::AtlasOptions& options) {
  ExportInput input = exportInput();
  input.atlas.reset();
  m_exporter->exportAtlas(std::move(input), options);
}

void DesignerWindow::saveAsTemplate() {
  const QString file = QFileDialog::getSaveFileName(this, tr("Save Layout as Template"),
                                                    QString::fromStdString(m_document->name()) + QStringLiteral(".onemap-layout"),
                                                    tr("OneMap layout templates (*.onemap-layout)"));
  if (file.isEmpty()) return;
  // The dialog asked before returning an existing file.
  const auto status = layout::saveTemplate(m_document->layout(), file.toStdString(), true);
  if (!status) QMessageBox::warning(this, tr("Save as Template"), QString::fromStdString(status.error().text()));
  else statusBar()->showMessage(tr("Template saved to %1").arg(file), 5000);
}

void DesignerWindow::closeEvent(QCloseEvent* event) {
  m_view->commitLabelEdit();
  if (m_exporter->isRunning()) {
    m_exporter->cancel();
    event->ignore();
    connect(m_exporter, &ExportRunner::finished, this, &QWidget::close, Qt::SingleShotConnection);
    return;
  }
  QMainWindow::closeEvent(event);
}

}  // namespace onemap::designer
