#include "onemap/gui/layer_list_widget.h"

#include <QHeaderView>

#include "onemap/base/text.h"
#include "onemap/gui/project_controller.h"

namespace onemap::gui {

LayerListWidget::LayerListWidget(ProjectController* controller, QWidget* parent)
    : QTreeWidget(parent), m_controller(controller) {
  setHeaderLabels({tr("Layers")});
  header()->hide();
  setRootIsDecorated(false);
  connect(controller, &ProjectController::layersChanged, this, &LayerListWidget::rebuild);
  connect(this, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int) {
    if (m_rebuilding) return;
    m_controller->setLayerVisible(item->data(0, Qt::UserRole).toInt(), item->checkState(0) == Qt::Checked);
  });
  rebuild();
}

void LayerListWidget::rebuild() {
  m_rebuilding = true;
  clear();
  const auto& layers = m_controller->project().layers;
  for (int i = int(layers.size()) - 1; i >= 0; --i) {
    const auto& layer = layers[std::size_t(i)];
    auto* item = new QTreeWidgetItem(this);
    item->setText(0, QString::fromStdString(layer.name));
    item->setToolTip(0, QString::fromStdString(text::displayPath(layer.source)));
    item->setData(0, Qt::UserRole, i);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(0, layer.visible ? Qt::Checked : Qt::Unchecked);
    item->setIcon(0, QIcon::fromTheme(layer.kind == project::LayerKind::Raster ? QStringLiteral("image-x-generic")
                                                                              : QStringLiteral("draw-polygon")));
  }
  m_rebuilding = false;
}

}  // namespace onemap::gui
