#include "onemap/gui/attribute_table_dock.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

#include "onemap/gui/attribute_table_model.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/selection_model.h"
#include "onemap/gui/tool_icons.h"

namespace onemap::gui {

AttributeTableDock::AttributeTableDock(const WindowContext& context, QWidget* parent)
    : QDockWidget(tr("Attribute Table"), parent),
      m_context(context),
      m_selection(SelectionModel::forWindow(context)),
      m_model(new AttributeTableModel(this)),
      m_layerBox(new QComboBox(this)),
      m_filter(new QLineEdit(this)),
      m_filterError(new QLabel(this)),
      m_view(new QTableView(this)),
      m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_counts(new QLabel(this)),
      m_openAction(new QAction(toolIcon(ToolIcon::AttributeTable), tr("Open &Attribute Table"), this)) {
  setObjectName(QStringLiteral("attributeTableDock"));
  auto* body = new QWidget(this);
  auto* layout = new QVBoxLayout(body);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* top = new QHBoxLayout();
  top->addWidget(new QLabel(tr("Layer:"), body));
  m_layerBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  top->addWidget(m_layerBox);
  m_filter->setPlaceholderText(tr("Filter: text, or FIELD = value, FIELD > 100"));
  m_filter->setClearButtonEnabled(true);
  m_filter->setToolTip(tr("Type text to keep rows containing it in any field, or an expression such as "
                          "DLBM = 0101, TBMJ > 1000, DLMC != 旱地 (operators = != > >= < <=)"));
  top->addWidget(m_filter, 1);
  auto* zoom = new QPushButton(toolIcon(ToolIcon::ZoomToSelection), tr("Zoom to Selection"), body);
  auto* clear = new QPushButton(toolIcon(ToolIcon::ClearSelection), tr("Clear Selection"), body);
  top->addWidget(zoom);
  top->addWidget(clear);
  layout->addLayout(top);
  m_filterError->setStyleSheet(QStringLiteral("color: #b91c1c"));
  m_filterError->setWordWrap(true);
  m_filterError->hide();
  layout->addWidget(m_filterError);
  auto* progressRow = new QHBoxLayout();
  progressRow->addWidget(m_progress, 1);
  progressRow->addWidget(m_cancel);
  layout->addLayout(progressRow);
  m_progress->setRange(0, 100);
  m_progress->hide();
  m_cancel->hide();
  m_view->setModel(m_model);
  m_view->setSortingEnabled(true);
  m_view->sortByColumn(-1, Qt::AscendingOrder);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_view->setAlternatingRowColors(true);
  m_view->setWordWrap(false);
  m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
  m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  m_view->setToolTip(tr("Select rows to select the features on the map; double-click a row to zoom to it"));
  layout->addWidget(m_view, 1);
  layout->addWidget(m_counts);
  setWidget(body);
  if (context.window) {
    context.window->addDockWidget(Qt::BottomDockWidgetArea, this);
    hide();
  }

  m_openAction->setShortcut(QKeySequence(Qt::Key_F6));
  m_openAction->setToolTip(tr("Show the features of a vector layer as a table"));
  if (context.layerMenu) context.layerMenu->addAction(m_openAction);
  if (context.toolsBar) context.toolsBar->addAction(m_openAction);
  connect(m_openAction, &QAction::triggered, this, [this] {
    const int index = m_context.project->layerIndex(m_layerId);
    showAttributeTable(index);
  });

  auto* filterTimer = new QTimer(this);
  filterTimer->setSingleShot(true);
  filterTimer->setInterval(400);
  connect(filterTimer, &QTimer::timeout, this, &AttributeTableDock::applyFilter);
  connect(m_filter, &QLineEdit::textChanged, filterTimer, qOverload<>(&QTimer::start));
  connect(m_filter, &QLineEdit::returnPressed, this, [this, filterTimer] {
    filterTimer->stop();
    applyFilter();
  });
  connect(zoom, &QPushButton::clicked, this, &AttributeTableDock::zoomToSelection);
  connect(clear, &QPushButton::clicked, this, &AttributeTableDock::clearSelection);
  connect(m_cancel, &QPushButton::clicked, this, [this] {
    m_model->cancel();
    m_progress->hide();
    m_cancel->hide();
    m_counts->setText(tr("Loading canceled."));
  });
  connect(m_layerBox, &QComboBox::activated, this, [this](int i) {
    startLoading(m_layerBox->itemData(i).toString().toStdString());
  });
  connect(m_model, &AttributeTableModel::loadProgress, m_progress, &QProgressBar::setValue);
  connect(m_model, &AttributeTableModel::loaded, this, [this](const QString& error) {
    m_progress->hide();
    m_cancel->hide();
    if (!error.isEmpty()) {
      m_counts->setText(tr("Cannot read the attributes: %1").arg(error));
      return;
    }
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->resizeColumnsToContents();
    applyFilter();
    pullSelectionFromMap();
  });
  // Sorting and filtering reset the model (off the GUI thread for big tables): the row selection
  // is rebuilt from the map selection, and the reset must not clear the map selection.
  connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_syncing = true; });
  connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_syncing = false; });
  connect(m_model, &AttributeTableModel::viewUpdated, this, [this] {
    pullSelectionFromMap();
    updateCounts();
  });
  connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
    if (!m_syncing) pushSelectionToMap();
    updateCounts();
  });
  connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) { zoomToRow(index.row()); });
  connect(m_selection, &SelectionModel::selectionChanged, this, [this](const QString& layerId) {
    if (!m_syncing && layerId.toStdString() == m_layerId) pullSelectionFromMap();
  });
  connect(context.project, &ProjectController::layersChanged, this, [this] {
    rebuildLayerBox();
    if (!m_layerId.empty() && m_context.project->layerIndex(m_layerId) < 0) {
      m_model->clear();
      m_layerId.clear();
      updateCounts();
    }
  });
  connect(context.project, &ProjectController::layerChanged, this, [this] { rebuildLayerBox(); });
  // Extents are kept in the map CRS: read them again in the new one.
  connect(context.project, &ProjectController::crsChanged, this, [this] {
    if (!m_layerId.empty() && isVisible()) startLoading(m_layerId);
  });
  rebuildLayerBox();
}

AttributeTableDock::~AttributeTableDock() { m_model->cancel(); }

void AttributeTableDock::showAttributeTable(int layerIndex) {
  const auto& layers = m_context.project->project().layers;
  if (layerIndex < 0 || layerIndex >= int(layers.size()) ||
      layers[std::size_t(layerIndex)].kind != project::LayerKind::Vector) {
    layerIndex = -1;
    for (int i = int(layers.size()) - 1; i >= 0; --i)
      if (layers[std::size_t(i)].kind == project::LayerKind::Vector) {
        layerIndex = i;
        break;
      }
  }
  show();
  raise();
  if (layerIndex < 0) {
    m_counts->setText(tr("The project has no vector layer: add one with File ▸ Add Layer."));
    return;
  }
  const std::string& id = layers[std::size_t(layerIndex)].id;
  if (id != m_layerId || (m_model->featureCount() == 0 && !m_model->isLoading())) startLoading(id);
}

void AttributeTableDock::rebuildLayerBox() {
  m_layerBox->clear();
  const auto& layers = m_context.project->project().layers;
  for (int i = int(layers.size()) - 1; i >= 0; --i) {
    const auto& layer = layers[std::size_t(i)];
    if (layer.kind != project::LayerKind::Vector) continue;
    m_layerBox->addItem(QString::fromStdString(layer.name), QString::fromStdString(layer.id));
  }
  const int current = m_layerBox->findData(QString::fromStdString(m_layerId));
  if (current >= 0) m_layerBox->setCurrentIndex(current);
}

void AttributeTableDock::startLoading(const std::string& layerId) {
  const int index = m_context.project->layerIndex(layerId);
  if (index < 0) return;
  const auto& layer = m_context.project->project().layers[std::size_t(index)];
  m_layerId = layerId;
  m_selection->setActiveLayer(layerId);
  setWindowTitle(tr("Attribute Table — %1").arg(QString::fromStdString(layer.name)));
  const int boxIndex = m_layerBox->findData(QString::fromStdString(layerId));
  if (boxIndex >= 0) m_layerBox->setCurrentIndex(boxIndex);
  m_progress->setValue(0);
  m_progress->show();
  m_cancel->show();
  m_counts->setText(tr("Reading the features of %1…").arg(QString::fromStdString(layer.name)));
  m_model->load(layer, m_context.project->mapCrs());
}

void AttributeTableDock::applyFilter() {
  const QString error = m_model->setFilter(m_filter->text());
  m_filterError->setText(error);
  m_filterError->setVisible(!error.isEmpty());
  updateCounts();
}

void AttributeTableDock::pushSelectionToMap() {
  if (m_layerId.empty()) return;
  std::vector<std::int64_t> fids;
  Extent extent;
  for (const QItemSelectionRange& range : m_view->selectionModel()->selection()) {
    for (int row = range.top(); row <= range.bottom(); ++row) {
      fids.push_back(m_model->fidAt(row));
      extent.include(m_model->extentAt(row));
    }
  }
  m_syncing = true;
  if (fids.empty()) m_selection->clearSelection(m_layerId);
  else m_selection->setSelection(m_layerId, std::move(fids), extent);
  m_syncing = false;
}

void AttributeTableDock::pullSelectionFromMap() {
  if (m_layerId.empty() || m_model->layerId() != m_layerId) return;
  std::vector<int> rows;
  for (std::int64_t fid : m_selection->selectedIds(m_layerId)) {
    const int row = m_model->rowOfFid(fid);
    if (row >= 0) rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end());
  QItemSelection selection;
  const int lastColumn = std::max(0, m_model->columnCount() - 1);
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
    selection.select(m_model->index(rows[i], 0), m_model->index(rows[j], lastColumn));
    i = j + 1;
  }
  m_syncing = true;
  m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
  m_syncing = false;
  updateCounts();
}

Extent AttributeTableDock::selectedExtent() const {
  // Selected features hidden by the filter count too: use the shapes read for the highlight,
  // plus the rows shown.
  Extent extent = m_selection->selectionExtent(m_layerId);
  for (std::int64_t fid : m_selection->selectedIds(m_layerId)) {
    const int row = m_model->rowOfFid(fid);
    if (row >= 0) extent.include(m_model->extentAt(row));
  }
  return extent;
}

void AttributeTableDock::zoomToSelection() {
  const Extent extent = selectedExtent();
  if (extent.isEmpty()) return;
  m_context.canvas->setExtent(extentForZoom(extent, m_context.canvas->currentSettings().mapUnitsPerPixel()));
}

void AttributeTableDock::clearSelection() {
  if (!m_layerId.empty()) m_selection->clearSelection(m_layerId);
}

void AttributeTableDock::zoomToRow(int row) {
  if (row < 0 || row >= m_model->rowCount()) return;
  const Extent extent = m_model->extentAt(row);
  if (extent.isEmpty()) return;
  m_context.canvas->setExtent(extentForZoom(extent, m_context.canvas->currentSettings().mapUnitsPerPixel()));
}

QString AttributeTableDock::countText() const { return m_counts->text(); }

void AttributeTableDock::updateCounts() {
  if (m_model->isLoading()) return;
  if (m_model->layerId().empty()) {
    m_counts->clear();
    return;
  }
  const QLocale locale;
  m_counts->setText(tr("%1 features, %2 shown, %3 selected")
                        .arg(locale.toString(m_model->featureCount()), locale.toString(m_model->rowCount()),
                             locale.toString(m_selection->selectedCount(m_layerId))));
}

}  // namespace onemap::gui
