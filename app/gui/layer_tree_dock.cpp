#include "onemap/gui/layer_tree_dock.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "onemap/gui/layer_tree_model.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/raster_style_dialog.h"
#include "onemap/gui/vector_style_dialog.h"

namespace onemap::gui {

LayerTreeDock::LayerTreeDock(const WindowContext& context, QWidget* parent)
    : QDockWidget(tr("Layers"), parent),
      m_context(context),
      m_model(new LayerTreeModel(context.project, this)),
      m_view(new QTreeView(this)) {
  setObjectName(QStringLiteral("layersDock"));
  m_view->setObjectName(QStringLiteral("layerTree"));
  m_view->setModel(m_model);
  m_view->header()->hide();
  m_view->setIconSize(QSize(24, 16));
  m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_view->setDragDropMode(QAbstractItemView::InternalMove);
  m_view->setDefaultDropAction(Qt::MoveAction);
  m_view->setDropIndicatorShown(true);
  m_view->setEditTriggers(QAbstractItemView::EditKeyPressed);
  m_view->setContextMenuPolicy(Qt::CustomContextMenu);
  m_view->setUniformRowHeights(true);
  setWidget(m_view);

  m_zoom = new QAction(tr("&Zoom to Layer"), this);
  m_rename = new QAction(tr("Re&name…"), this);
  m_rename->setShortcut(QKeySequence(Qt::Key_F2));
  m_rename->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  m_remove = new QAction(tr("&Remove Layer…"), this);
  m_remove->setShortcut(QKeySequence::Delete);
  m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  m_opacity = new QAction(tr("&Opacity…"), this);
  m_moveToGroup = new QAction(tr("&Move to Group…"), this);
  m_newGroup = new QAction(tr("New &Group…"), this);
  m_properties = new QAction(tr("&Properties / Style…"), this);
  addAction(m_rename);
  addAction(m_remove);
  connect(m_zoom, &QAction::triggered, this, &LayerTreeDock::zoomToSelection);
  connect(m_rename, &QAction::triggered, this, &LayerTreeDock::renameCurrent);
  connect(m_remove, &QAction::triggered, this, [this] { removeSelection(true); });
  connect(m_opacity, &QAction::triggered, this, &LayerTreeDock::editOpacity);
  connect(m_moveToGroup, &QAction::triggered, this, &LayerTreeDock::moveSelectionToGroup);
  connect(m_newGroup, &QAction::triggered, this, &LayerTreeDock::newGroupFromSelection);
  connect(m_properties, &QAction::triggered, this, [this] {
    const auto layers = selectedLayers();
    if (!layers.empty()) openProperties(layers.front());
  });

  if (QMenu* menu = m_context.layerMenu) {
    menu->addAction(m_zoom);
    menu->addAction(m_properties);
    menu->addAction(m_opacity);
    menu->addSeparator();
    menu->addAction(m_rename);
    menu->addAction(m_moveToGroup);
    menu->addAction(m_newGroup);
    menu->addSeparator();
    menu->addAction(m_remove);
  }
  if (QMenu* view = m_context.viewMenu) view->addAction(toggleViewAction());
  if (auto* window = qobject_cast<QMainWindow*>(parent)) window->addDockWidget(Qt::LeftDockWidgetArea, this);

  connect(m_view, &QWidget::customContextMenuRequested, this, &LayerTreeDock::showContextMenu);
  connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
    const int layer = m_model->layerIndex(index);
    if (layer >= 0) openProperties(layer);
  });
  connect(m_view, &QTreeView::collapsed, this, [this](const QModelIndex& index) { m_collapsed.insert(expansionKey(index)); });
  connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex& index) { m_collapsed.remove(expansionKey(index)); });
  connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &LayerTreeDock::saveViewState);
  connect(m_model, &QAbstractItemModel::modelReset, this, &LayerTreeDock::restoreViewState);
  connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& parentIndex) {
    if (parentIndex.isValid() && !m_collapsed.contains(expansionKey(parentIndex))) m_view->expand(parentIndex);
  });
  connect(m_model, &LayerTreeModel::legendError, this, [this](const QString& message) {
    if (m_context.statusBar) m_context.statusBar->showMessage(message, 10000);
  });
  connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LayerTreeDock::updateActions);
  connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &LayerTreeDock::updateActions);
  restoreViewState();
  updateActions();
}

QString LayerTreeDock::expansionKey(const QModelIndex& index) const {
  const QString group = index.data(LayerTreeModel::GroupPathRole).toString();
  return group.isEmpty() ? QStringLiteral("L:") + index.data(LayerTreeModel::LayerIdRole).toString()
                         : QStringLiteral("G:") + group;
}

void LayerTreeDock::saveViewState() {
  m_selection.clear();
  const auto& layers = m_context.project->project().layers;
  for (int i : selectedLayers())
    if (i >= 0 && i < int(layers.size())) m_selection.push_back(layers[std::size_t(i)].id);
}

void LayerTreeDock::restoreViewState() {
  // Expand everything the user did not collapse (groups and legends).
  std::vector<QModelIndex> pending{QModelIndex()};
  while (!pending.empty()) {
    const QModelIndex parentIndex = pending.back();
    pending.pop_back();
    for (int r = 0; r < m_model->rowCount(parentIndex); ++r) {
      const QModelIndex child = m_model->index(r, 0, parentIndex);
      if (m_model->kind(child) == LayerTreeModel::NodeKind::Legend) continue;
      if (m_model->rowCount(child) > 0 && !m_collapsed.contains(expansionKey(child))) m_view->expand(child);
      pending.push_back(child);
    }
  }
  std::vector<int> layers;
  for (const auto& id : m_selection)
    if (int i = m_context.project->layerIndex(id); i >= 0) layers.push_back(i);
  selectLayers(layers);
  updateActions();
}

std::vector<int> LayerTreeDock::selectedLayers() const {
  std::vector<int> out;
  auto add = [&](const QModelIndex& index) {
    for (int i : m_model->layersUnder(index))
      if (i >= 0 && std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
  };
  const QModelIndexList rows = m_view->selectionModel()->selectedRows();
  for (const QModelIndex& index : rows) add(index);
  if (rows.isEmpty() && m_view->currentIndex().isValid()) add(m_view->currentIndex());
  std::sort(out.begin(), out.end(), std::greater<int>());
  return out;
}

void LayerTreeDock::selectLayers(const std::vector<int>& layers) {
  QItemSelection selection;
  for (int i : layers) {
    const QModelIndex index = m_model->indexForLayer(i);
    if (index.isValid()) selection.select(index, index);
  }
  m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
  if (!layers.empty())
    m_view->selectionModel()->setCurrentIndex(m_model->indexForLayer(layers.front()), QItemSelectionModel::NoUpdate);
}

QStringList LayerTreeDock::layerIds(const std::vector<int>& layers) const {
  QStringList out;
  for (int i : layers) out << QString::fromStdString(m_context.project->project().layers[std::size_t(i)].id);
  return out;
}

void LayerTreeDock::updateActions() {
  const auto layers = selectedLayers();
  const bool any = !layers.empty();
  const QModelIndex current = m_view->currentIndex();
  const bool groupRow = current.isValid() && m_model->kind(current) == LayerTreeModel::NodeKind::Group;
  m_zoom->setEnabled(any);
  m_rename->setEnabled(current.isValid() && m_model->kind(current) != LayerTreeModel::NodeKind::Legend);
  m_remove->setEnabled(any);
  m_opacity->setEnabled(any);
  m_moveToGroup->setEnabled(any);
  m_newGroup->setEnabled(any);
  m_properties->setEnabled(any && !groupRow);
  m_zoom->setText(groupRow ? tr("&Zoom to Group") : tr("&Zoom to Layer"));
  m_remove->setText(groupRow ? tr("&Remove Group…") : layers.size() > 1 ? tr("&Remove Layers…") : tr("&Remove Layer…"));
}

void LayerTreeDock::showContextMenu(const QPoint& position) {
  const QModelIndex index = m_view->indexAt(position);
  if (!index.isValid()) return;
  if (!m_view->selectionModel()->isSelected(index))
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
  updateActions();
  QMenu menu(this);
  menu.addAction(m_zoom);
  if (m_model->kind(index) != LayerTreeModel::NodeKind::Group) menu.addAction(m_properties);
  menu.addAction(m_opacity);
  menu.addSeparator();
  menu.addAction(m_rename);
  menu.addAction(m_moveToGroup);
  menu.addAction(m_newGroup);
  menu.addSeparator();
  menu.addAction(m_remove);
  menu.exec(m_view->viewport()->mapToGlobal(position));
}

void LayerTreeDock::zoomToSelection() {
  Extent extent;
  for (int i : selectedLayers()) extent.include(m_context.project->layerExtent(i));
  if (extent.isEmpty()) {
    if (m_context.statusBar) m_context.statusBar->showMessage(tr("The layer's extent is unknown (is its file missing?)"), 5000);
    return;
  }
  m_context.canvas->setExtent(extent);
}

void LayerTreeDock::renameCurrent() {
  const QModelIndex current = m_view->currentIndex();
  if (!current.isValid() || m_model->kind(current) == LayerTreeModel::NodeKind::Legend) return;
  m_view->edit(current);
}

void LayerTreeDock::removeSelection(bool confirm) {
  const auto layers = selectedLayers();
  if (layers.empty()) return;
  const auto& specs = m_context.project->project().layers;
  if (confirm) {
    QStringList names;
    for (int i : layers) names << QStringLiteral("• ") + QString::fromStdString(specs[std::size_t(i)].name);
    const auto answer = QMessageBox::question(
        this, tr("Remove Layers"),
        tr("Remove these layers from the project? Their files are not deleted.\n\n%1").arg(names.join(QLatin1Char('\n'))),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes) return;
  }
  std::vector<std::string> ids;
  for (int i : layers) ids.push_back(specs[std::size_t(i)].id);
  for (const auto& id : ids)
    if (int i = m_context.project->layerIndex(id); i >= 0) m_context.project->removeLayer(i);
}

void LayerTreeDock::editOpacity() {
  const auto layers = selectedLayers();
  if (layers.empty()) return;
  const QStringList ids = layerIds(layers);
  std::vector<double> before;
  for (int i : layers) before.push_back(m_context.project->project().layers[std::size_t(i)].opacity);

  QDialog dialog(this);
  dialog.setWindowTitle(tr("Layer Opacity"));
  auto* slider = new QSlider(Qt::Horizontal, &dialog);
  slider->setObjectName(QStringLiteral("opacitySlider"));
  slider->setRange(0, 100);
  slider->setValue(int(std::lround(before.front() * 100)));
  auto* spin = new QSpinBox(&dialog);
  spin->setRange(0, 100);
  spin->setSuffix(QStringLiteral(" %"));
  spin->setValue(slider->value());
  connect(slider, &QSlider::valueChanged, spin, &QSpinBox::setValue);
  connect(spin, &QSpinBox::valueChanged, slider, &QSlider::setValue);
  auto apply = [this, ids](double opacity) {
    for (const QString& id : ids)
      if (int i = m_context.project->layerIndex(id.toStdString()); i >= 0) m_context.project->setLayerOpacity(i, opacity);
  };
  connect(slider, &QSlider::valueChanged, &dialog, [apply](int value) { apply(value / 100.0); });
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto* row = new QHBoxLayout;
  row->addWidget(slider, 1);
  row->addWidget(spin);
  auto* layout = new QVBoxLayout(&dialog);
  layout->addWidget(new QLabel(tr("Opacity of %1:").arg(ids.size() == 1 ? QString::fromStdString(
      m_context.project->project().layers[std::size_t(layers.front())].name) : tr("%1 layers").arg(ids.size())), &dialog));
  layout->addLayout(row);
  layout->addWidget(buttons);
  if (dialog.exec() == QDialog::Accepted) return;
  for (std::size_t k = 0; k < std::size_t(ids.size()); ++k)
    if (int i = m_context.project->layerIndex(ids[qsizetype(k)].toStdString()); i >= 0)
      m_context.project->setLayerOpacity(i, before[k]);
}

void LayerTreeDock::moveSelectionToGroup() {
  const auto layers = selectedLayers();
  if (layers.empty()) return;
  const QString topLevel = tr("(top level)");
  QStringList choices{topLevel};
  choices << m_model->groupPaths();
  bool ok = false;
  const QString chosen = QInputDialog::getItem(this, tr("Move to Group"),
                                               tr("Group (type a new name, use / for a subgroup):"), choices, 0,
                                               true, &ok);
  if (!ok) return;
  const QString group = chosen == topLevel ? QString() : chosen.trimmed();
  // Into an existing group: on top of it; into a new one: where the top-most selected layer is.
  QString anchor = QString::fromStdString(m_context.project->project().layers[std::size_t(layers.front())].id);
  const QModelIndex groupIndex = m_model->indexForGroup(group);
  if (!group.isEmpty() && groupIndex.isValid()) {
    const auto inGroup = m_model->layersUnder(groupIndex);
    if (!inGroup.empty()) anchor = QString::fromStdString(m_context.project->project().layers[std::size_t(inGroup.front())].id);
  }
  const QStringList ids = layerIds(layers);
  m_model->moveItems(ids, {}, group, anchor, false);
  std::vector<int> moved;
  for (const QString& id : ids) moved.push_back(m_context.project->layerIndex(id.toStdString()));
  selectLayers(moved);
}

void LayerTreeDock::newGroupFromSelection() {
  const auto layers = selectedLayers();
  if (layers.empty()) return;
  bool ok = false;
  const QString name = QInputDialog::getText(this, tr("New Group"), tr("Name of the new group:"), QLineEdit::Normal,
                                             tr("New group"), &ok)
                           .trimmed();
  if (!ok || name.isEmpty()) return;
  // Nested inside the group the selection shares, if any.
  const auto& specs = m_context.project->project().layers;
  std::string shared = specs[std::size_t(layers.front())].group;
  for (int i : layers)
    if (specs[std::size_t(i)].group != shared) shared.clear();
  const QString parentGroup = QString::fromStdString(shared);
  const QString group = parentGroup.isEmpty() ? name : parentGroup + QLatin1Char('/') + name;
  const QStringList ids = layerIds(layers);
  m_model->moveItems(ids, {}, group, ids.front(), false);
  std::vector<int> moved;
  for (const QString& id : ids) moved.push_back(m_context.project->layerIndex(id.toStdString()));
  selectLayers(moved);
}

QDialog* LayerTreeDock::openProperties(int index) {
  const auto& layers = m_context.project->project().layers;
  if (index < 0 || index >= int(layers.size())) return nullptr;
  const auto& layer = layers[std::size_t(index)];
  QDialog* dialog = nullptr;
  if (layer.kind == project::LayerKind::Raster) dialog = new RasterStyleDialog(m_context.project, layer.id, this);
  else dialog = new VectorStyleDialog(m_context.project, layer.id, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
  return dialog;
}

}  // namespace onemap::gui
