#include "onemap/gui/identify_dock.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

#include "onemap/gui/identify_tool.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/selection_model.h"
#include "onemap/gui/tool_icons.h"

namespace onemap::gui {
namespace {

enum Role { ResultIndex = Qt::UserRole, FeatureIndex };

QString numberText(double value) { return QString::number(value, 'g', 12); }

}  // namespace

IdentifyDock::IdentifyDock(const WindowContext& context, QWidget* parent)
    : QDockWidget(tr("Identify Results"), parent),
      m_context(context),
      m_tool(new IdentifyTool(context.canvas, context.project)),
      m_selection(SelectionModel::forWindow(context)),
      m_action(new QAction(toolIcon(ToolIcon::Identify), tr("&Identify Features"), this)),
      m_location(new QLabel(this)),
      m_tree(new QTreeWidget(this)) {
  setObjectName(QStringLiteral("identifyDock"));
  auto* body = new QWidget(this);
  auto* layout = new QVBoxLayout(body);
  layout->setContentsMargins(4, 4, 4, 4);
  m_location->setWordWrap(true);
  m_location->setText(tr("Click on the map with the Identify tool to see what is there."));
  layout->addWidget(m_location);
  m_tree->setColumnCount(2);
  m_tree->setHeaderLabels({tr("Feature / field"), tr("Value")});
  m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
  m_tree->header()->setStretchLastSection(true);
  m_tree->setColumnWidth(0, 150);
  m_tree->setUniformRowHeights(true);
  setMinimumWidth(300);
  m_tree->setAlternatingRowColors(true);
  m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
  layout->addWidget(m_tree);
  setWidget(body);
  if (context.window) {
    context.window->addDockWidget(Qt::RightDockWidgetArea, this);
    hide();
  }

  m_action->setCheckable(true);
  m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
  m_action->setToolTip(tr("Identify: click a place to see band values and feature attributes"));
  if (context.toolsMenu) context.toolsMenu->addAction(m_action);
  if (context.toolsBar) context.toolsBar->addAction(m_action);
  if (context.viewMenu) context.viewMenu->addAction(toggleViewAction());
  connect(m_action, &QAction::triggered, this, [this](bool checked) {
    m_context.canvas->setMapTool(checked ? m_tool : nullptr);
    if (checked) {
      show();
      raise();
    }
  });
  connect(context.canvas, &MapCanvas::mapToolChanged, this, [this](MapTool* tool) {
    m_action->setChecked(tool == m_tool);
    if (tool != m_tool) m_selection->clearHighlight();
  });
  connect(m_tool, &IdentifyTool::started, this, [this](QPointF p) {
    m_location->setText(tr("Identifying at X %1  Y %2…").arg(p.x(), 0, 'f', 2).arg(p.y(), 0, 'f', 2));
  });
  connect(m_tool, &IdentifyTool::finished, this, &IdentifyDock::showResults);
  connect(m_tree, &QTreeWidget::currentItemChanged, this,
          [this](QTreeWidgetItem* item) { highlightItem(item); });
  connect(m_tree, &QWidget::customContextMenuRequested, this, &IdentifyDock::showContextMenu);
  connect(context.project, &ProjectController::layersChanged, this, [this] {
    m_tree->clear();
    m_selection->clearHighlight();
  });
}

void IdentifyDock::showResults() {
  m_tree->clear();
  const auto& results = m_tool->results();
  const QPointF p = m_tool->lastPoint();
  const QString where = tr("X %1  Y %2").arg(p.x(), 0, 'f', 2).arg(p.y(), 0, 'f', 2);
  m_location->setText(results.empty() ? tr("%1: nothing found in the visible layers.").arg(where) : where);
  if (!isVisible()) show();
  for (int r = 0; r < int(results.size()); ++r) {
    const IdentifyLayerResult& result = results[std::size_t(r)];
    auto* layerItem = new QTreeWidgetItem(m_tree);
    layerItem->setText(0, result.raster || !result.error.isEmpty()
                              ? result.layerName
                              : tr("%1 (%2)").arg(result.layerName).arg(result.features.size()));
    layerItem->setFirstColumnSpanned(true);
    QFont bold = layerItem->font(0);
    bold.setBold(true);
    layerItem->setFont(0, bold);
    layerItem->setData(0, ResultIndex, r);
    layerItem->setData(0, FeatureIndex, -1);
    if (!result.error.isEmpty()) {
      auto* error = new QTreeWidgetItem(layerItem, {tr("Error"), result.error});
      error->setForeground(1, QColor(185, 28, 28));
      error->setToolTip(1, result.error);
    } else if (result.raster) {
      auto* pixel = new QTreeWidgetItem(
          layerItem, {tr("Pixel"), tr("column %1, row %2").arg(result.pixelColumn).arg(result.pixelRow)});
      pixel->setData(0, ResultIndex, r);
      pixel->setData(0, FeatureIndex, -1);
      for (const IdentifiedBand& band : result.bands) {
        const QString name = band.role.isEmpty() ? tr("Band %1").arg(band.band)
                                                 : tr("Band %1 (%2)").arg(band.band).arg(band.role);
        QString value;
        if (band.noData)
          value = band.noDataValue ? tr("no data (%1)").arg(numberText(*band.noDataValue)) : tr("no data");
        else
          value = numberText(band.value);
        auto* item = new QTreeWidgetItem(layerItem, {name, value});
        item->setData(0, ResultIndex, r);
        item->setData(0, FeatureIndex, -1);
      }
    } else {
      for (int f = 0; f < int(result.features.size()); ++f) {
        const IdentifiedFeature& feature = result.features[std::size_t(f)];
        auto* featureItem = new QTreeWidgetItem(layerItem, {tr("Feature %1").arg(feature.fid)});
        featureItem->setFirstColumnSpanned(true);
        featureItem->setData(0, ResultIndex, r);
        featureItem->setData(0, FeatureIndex, f);
        for (const auto& [field, value] : feature.attributes) {
          auto* item = new QTreeWidgetItem(featureItem, {field, value});
          item->setData(0, ResultIndex, r);
          item->setData(0, FeatureIndex, f);
          if (value == QLatin1String("NULL")) item->setForeground(1, QColor(140, 140, 140));
        }
        // The first feature of the top-most layer opens; others stay folded.
        featureItem->setExpanded(m_tree->topLevelItemCount() == 1 && f == 0);
      }
    }
    layerItem->setExpanded(true);
  }
  // Highlight every identified feature until one is picked in the tree.
  std::vector<FeatureShape> shapes;
  for (const auto& result : results)
    for (const auto& feature : result.features) shapes.push_back(FeatureShape::fromWkb(feature.fid, feature.wkb));
  m_selection->setHighlight(std::move(shapes));
}

void IdentifyDock::highlightItem(QTreeWidgetItem* item) {
  if (item == nullptr) return;
  const auto& results = m_tool->results();
  const int r = item->data(0, ResultIndex).toInt();
  const int f = item->data(0, FeatureIndex).toInt();
  if (r < 0 || r >= int(results.size())) return;
  const auto& features = results[std::size_t(r)].features;
  std::vector<FeatureShape> shapes;
  for (int i = 0; i < int(features.size()); ++i)
    if (f < 0 || f == i) shapes.push_back(FeatureShape::fromWkb(features[std::size_t(i)].fid, features[std::size_t(i)].wkb));
  if (!shapes.empty()) m_selection->setHighlight(std::move(shapes));
}

void IdentifyDock::showContextMenu(const QPoint& position) {
  QTreeWidgetItem* item = m_tree->itemAt(position);
  if (item == nullptr) return;
  const auto& results = m_tool->results();
  const int r = item->data(0, ResultIndex).toInt();
  const int f = item->data(0, FeatureIndex).toInt();
  QMenu menu(this);
  if (!item->text(1).isEmpty()) {
    menu.addAction(tr("Copy Value"), this,
                   [text = item->text(1)] { QApplication::clipboard()->setText(text); });
  }
  if (r >= 0 && r < int(results.size()) && f >= 0 && f < int(results[std::size_t(r)].features.size())) {
    const IdentifiedFeature& feature = results[std::size_t(r)].features[std::size_t(f)];
    const std::string layerId = results[std::size_t(r)].layerId;
    menu.addAction(toolIcon(ToolIcon::ZoomToSelection), tr("Zoom to Feature"), this, [this, feature] {
      const FeatureShape shape = FeatureShape::fromWkb(feature.fid, feature.wkb);
      if (shape.extent.isEmpty()) return;
      m_context.canvas->setExtent(
          extentForZoom(shape.extent, m_context.canvas->currentSettings().mapUnitsPerPixel()));
    });
    menu.addAction(tr("Select Feature"), this, [this, feature, layerId] {
      m_selection->setSelectedShapes(layerId, {FeatureShape::fromWkb(feature.fid, feature.wkb)});
    });
  }
  if (!menu.isEmpty()) menu.exec(m_tree->viewport()->mapToGlobal(position));
}

}  // namespace onemap::gui
