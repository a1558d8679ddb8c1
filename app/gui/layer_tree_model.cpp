#include "onemap/gui/layer_tree_model.h"

#include <QApplication>
#include <QFont>
#include <QFutureWatcher>
#include <QIcon>
#include <QPainter>
#include <QPalette>
#include <QStyle>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <filesystem>
#include <set>

#include "onemap/base/text.h"
#include "onemap/gui/data_read_pool.h"
#include "onemap/gui/layer_tree_node.h"
#include "onemap/gui/project_controller.h"

namespace onemap::gui {

using layer_tree::joinPath;

struct LayerTreeModel::LegendState {
  std::string signature;                       ///< what `data` was read for
  std::optional<render::LegendData> data;
  std::string pendingSignature;                ///< a read in flight for this, or empty
  Feedback feedback;                           ///< cancels the read in flight
  std::vector<render::LegendEntry> entries;
  QString error;
};

namespace {

constexpr QSize kIconSize(24, 16);

struct LegendReadResult {
  std::optional<render::LegendData> data;
  QString error;
};

/// What the legend data depends on; a new read is needed when it changes.
std::string legendSignature(const project::LayerSpec& layer) {
  std::string s = layer.source.string() + '\n' + layer.layerName + '\n' + layer.encoding + '\n';
  const std::vector<const char*> keys =
      layer.kind == project::LayerKind::Raster
          ? std::vector<const char*>{"mode", "band", "bands", "min", "max", "stretch", "stretch_percent", "stretch_stddev"}
          : std::vector<const char*>{"mode", "category_field", "class_field"};
  for (const char* key : keys) {
    auto it = layer.style.find(key);
    s += std::string(key) + '=' + (it == layer.style.end() ? std::string() : it->second) + '\n';
  }
  return s;
}

QIcon rasterIcon() {
  QImage image(kIconSize, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  QPainter p(&image);
  const QColor colours[] = {QColor(70, 140, 70), QColor(200, 180, 120), QColor(90, 130, 200), QColor(160, 190, 90)};
  const int w = (kIconSize.width() - 6) / 2;
  const int h = (kIconSize.height() - 2) / 2;
  for (int i = 0; i < 4; ++i) p.fillRect(3 + (i % 2) * w, 1 + (i / 2) * h, w, h, colours[i]);
  p.setPen(QColor(80, 80, 80));
  p.drawRect(3, 1, 2 * w - 1, 2 * h - 1);
  return QIcon(QPixmap::fromImage(image));
}

QIcon vectorIcon() {
  QImage image(kIconSize, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  QPainter p(&image);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(QPen(QColor(60, 60, 60), 1.2));
  p.setBrush(QColor(235, 215, 120));
  const QPointF shape[] = {{5, 13}, {8, 3}, {17, 2}, {20, 9}, {13, 14}};
  p.drawPolygon(shape, 5);
  return QIcon(QPixmap::fromImage(image));
}

QIcon entryIcon(const render::LegendEntry& entry) {
  return QIcon(QPixmap::fromImage(render::legendSymbol(entry, kIconSize)));
}

/// Legend rows are shown under the layer unless the legend is a single plain symbol.
bool legendHasRows(const std::vector<render::LegendEntry>& entries) {
  return entries.size() > 1 || (entries.size() == 1 && entries[0].symbol == render::LegendEntry::Symbol::Ramp);
}

}  // namespace

LayerTreeModel::LayerTreeModel(ProjectController* project, QObject* parent)
    : QAbstractItemModel(parent), m_project(project), m_root(std::make_unique<Node>()) {
  connect(project, &ProjectController::layersChanged, this, [this] {
    if (!m_batch) rebuild();
  });
  connect(project, &ProjectController::layerChanged, this, &LayerTreeModel::layerChanged);
  rebuild();
}

LayerTreeModel::~LayerTreeModel() {
  for (auto& [id, state] : m_legends) state->feedback.cancel();
}

// --- structure -------------------------------------------------------------------------------

void LayerTreeModel::rebuild() {
  beginResetModel();
  m_root = std::make_unique<Node>();
  const auto& layers = m_project->project().layers;
  std::set<std::string> present;
  for (int i = int(layers.size()) - 1; i >= 0; --i) {
    const auto& layer = layers[std::size_t(i)];
    present.insert(layer.id);
    Node* parent = m_root.get();
    QString path;
    for (const QString& segment : QString::fromStdString(layer.group).split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
      path = joinPath(path, segment);
      Node* found = nullptr;
      for (auto& child : parent->children)
        if (child->kind == NodeKind::Group && child->path == path) found = child.get();
      if (!found) {
        auto group = std::make_unique<Node>();
        group->kind = NodeKind::Group;
        group->name = segment;
        group->path = path;
        group->parent = parent;
        group->icon = QApplication::style()->standardIcon(QStyle::SP_DirIcon);
        found = group.get();
        parent->children.push_back(std::move(group));
      }
      parent = found;
    }
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::Layer;
    node->name = QString::fromStdString(layer.name);
    node->layerId = layer.id;
    node->parent = parent;
    std::error_code ec;
    node->missing = !std::filesystem::exists(layer.source, ec);
    parent->children.push_back(std::move(node));
  }
  for (auto it = m_legends.begin(); it != m_legends.end();) {
    if (present.count(it->first)) {
      ++it;
    } else {
      it->second->feedback.cancel();
      it = m_legends.erase(it);
    }
  }
  for (const auto& layer : layers) updateLegend(layer.id, true);
  endResetModel();
  for (int i = 0; i < int(layers.size()); ++i) requestLegendData(i);
}

void LayerTreeModel::layerChanged(int layerIndex) {
  if (m_batch) return;
  const auto& layers = m_project->project().layers;
  if (layerIndex < 0 || layerIndex >= int(layers.size())) return;
  const std::string id = layers[std::size_t(layerIndex)].id;
  Node* node = findLayerNode(m_root.get(), id);
  if (!node) return;
  node->name = QString::fromStdString(layers[std::size_t(layerIndex)].name);
  updateLegend(id, false);
  requestLegendData(layerIndex);
  for (const Node* n = node; n && n != m_root.get(); n = n->parent) {
    const QModelIndex index = indexOf(n);
    emit dataChanged(index, index);
  }
}

void LayerTreeModel::updateLegend(const std::string& layerId, bool structural) {
  const int position = m_project->layerIndex(layerId);
  if (position < 0) return;
  const auto& layer = m_project->project().layers[std::size_t(position)];
  auto& state = m_legends[layerId];
  if (!state) state = std::make_unique<LegendState>();
  // Data read for an older style still tells the geometry and band roles; drop what depends on
  // the style (categories, ranges) until the new read arrives.
  std::optional<render::LegendData> data = state->data;
  if (data && state->signature != legendSignature(layer)) {
    data->categories.clear();
    data->range.reset();
  }
  state->entries = render::legendEntries(layer, data ? &*data : nullptr);

  Node* node = findLayerNode(m_root.get(), layerId);
  if (!node) return;
  if (layer.kind == project::LayerKind::Raster) node->icon = rasterIcon();
  else if (!legendHasRows(state->entries) && !state->entries.empty()) node->icon = entryIcon(state->entries[0]);
  else node->icon = vectorIcon();
  if (node->missing) node->icon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);

  std::vector<std::unique_ptr<Node>> rows;
  if (legendHasRows(state->entries)) {
    for (const auto& entry : state->entries) {
      auto row = std::make_unique<Node>();
      row->kind = NodeKind::Legend;
      row->name = entry.label;
      row->layerId = layerId;
      row->icon = entryIcon(entry);
      row->parent = node;
      rows.push_back(std::move(row));
    }
  }
  if (structural) {
    node->children = std::move(rows);
    return;
  }
  const QModelIndex parent = indexOf(node);
  if (!node->children.empty() && node->children.size() == rows.size()) {
    // Same number of classes: update the rows in place (the view holds indexes pointing to them).
    for (std::size_t i = 0; i < rows.size(); ++i) {
      node->children[i]->name = rows[i]->name;
      node->children[i]->icon = rows[i]->icon;
    }
    emit dataChanged(index(0, 0, parent), index(int(node->children.size()) - 1, 0, parent));
  } else {
    if (!node->children.empty()) {
      beginRemoveRows(parent, 0, int(node->children.size()) - 1);
      node->children.clear();
      endRemoveRows();
    }
    if (!rows.empty()) {
      beginInsertRows(parent, 0, int(rows.size()) - 1);
      node->children = std::move(rows);
      endInsertRows();
    }
  }
  emit dataChanged(parent, parent);
  emit legendChanged(position);
}

void LayerTreeModel::requestLegendData(int layerIndex) {
  const auto& layers = m_project->project().layers;
  if (layerIndex < 0 || layerIndex >= int(layers.size())) return;
  const project::LayerSpec layer = layers[std::size_t(layerIndex)];
  auto& state = m_legends[layer.id];
  if (!state) state = std::make_unique<LegendState>();
  const std::string signature = legendSignature(layer);
  if ((state->data || !state->error.isEmpty()) && state->signature == signature) return;
  if (state->pendingSignature == signature) return;
  std::error_code ec;
  if (!std::filesystem::exists(layer.source, ec)) return;
  state->feedback.cancel();
  state->feedback = Feedback();
  state->pendingSignature = signature;
  Feedback feedback = state->feedback;
  auto* watcher = new QFutureWatcher<LegendReadResult>(this);
  const std::string id = layer.id;
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id, signature] {
    watcher->deleteLater();
    auto it = m_legends.find(id);
    if (it == m_legends.end() || it->second->pendingSignature != signature) return;
    const LegendReadResult result = watcher->result();
    LegendState& s = *it->second;
    s.pendingSignature.clear();
    s.signature = signature;
    s.error = result.error;
    if (result.data) s.data = result.data;
    if (!result.error.isEmpty()) emit legendError(result.error);
    updateLegend(id, false);
  });
  watcher->setFuture(QtConcurrent::run(dataReadPool(), [layer, feedback]() mutable {
    LegendReadResult out;
    auto data = render::readLegendData(layer, &feedback);
    if (data) out.data = std::move(*data);
    else if (data.error().code != ErrorCode::Canceled) out.error = QString::fromStdString(data.error().text());
    return out;
  }));
}

bool LayerTreeModel::isReadingLegends() const {
  return std::any_of(m_legends.begin(), m_legends.end(),
                     [](const auto& entry) { return !entry.second->pendingSignature.empty(); });
}

std::vector<render::LegendEntry> LayerTreeModel::legend(int layerIndex) const {
  const auto& layers = m_project->project().layers;
  if (layerIndex < 0 || layerIndex >= int(layers.size())) return {};
  auto it = m_legends.find(layers[std::size_t(layerIndex)].id);
  return it == m_legends.end() ? std::vector<render::LegendEntry>{} : it->second->entries;
}

// --- navigation ------------------------------------------------------------------------------

LayerTreeModel::Node* LayerTreeModel::nodeFor(const QModelIndex& index) const {
  return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex LayerTreeModel::indexOf(const Node* node) const {
  if (!node || node == m_root.get()) return {};
  return createIndex(node->row(), 0, const_cast<Node*>(node));
}

LayerTreeModel::Node* LayerTreeModel::findLayerNode(Node* node, const std::string& id) const {
  for (auto& child : node->children) {
    if (child->kind == NodeKind::Layer && child->layerId == id) return child.get();
    if (child->kind == NodeKind::Group)
      if (Node* found = findLayerNode(child.get(), id)) return found;
  }
  return nullptr;
}

std::vector<const LayerTreeModel::Node*> LayerTreeModel::layerNodes(const Node* node) const {
  std::vector<const Node*> out;
  if (node->kind == NodeKind::Layer) {
    out.push_back(node);
    return out;
  }
  if (node->kind == NodeKind::Legend) return out;
  for (const auto& child : node->children) {
    auto sub = layerNodes(child.get());
    out.insert(out.end(), sub.begin(), sub.end());
  }
  return out;
}

QModelIndex LayerTreeModel::index(int row, int column, const QModelIndex& parent) const {
  const Node* p = nodeFor(parent);
  if (column != 0 || row < 0 || row >= int(p->children.size())) return {};
  return createIndex(row, 0, p->children[std::size_t(row)].get());
}

QModelIndex LayerTreeModel::parent(const QModelIndex& child) const {
  if (!child.isValid()) return {};
  return indexOf(nodeFor(child)->parent);
}

int LayerTreeModel::rowCount(const QModelIndex& parent) const {
  if (parent.column() > 0) return 0;
  return int(nodeFor(parent)->children.size());
}

int LayerTreeModel::columnCount(const QModelIndex&) const { return 1; }

LayerTreeModel::NodeKind LayerTreeModel::kind(const QModelIndex& index) const { return nodeFor(index)->kind; }

QModelIndex LayerTreeModel::indexForLayer(int layerIndex) const {
  const auto& layers = m_project->project().layers;
  if (layerIndex < 0 || layerIndex >= int(layers.size())) return {};
  return indexOf(findLayerNode(m_root.get(), layers[std::size_t(layerIndex)].id));
}

QModelIndex LayerTreeModel::indexForGroup(const QString& path) const {
  const Node* node = m_root.get();
  QString current;
  for (const QString& segment : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
    current = joinPath(current, segment);
    const Node* next = nullptr;
    for (const auto& child : node->children)
      if (child->kind == NodeKind::Group && child->path == current) next = child.get();
    if (!next) return {};
    node = next;
  }
  return indexOf(node);
}

int LayerTreeModel::layerIndex(const QModelIndex& index) const {
  if (!index.isValid()) return -1;
  const Node* node = nodeFor(index);
  return node->kind == NodeKind::Group ? -1 : m_project->layerIndex(node->layerId);
}

std::vector<int> LayerTreeModel::layersUnder(const QModelIndex& index) const {
  std::vector<int> out;
  const Node* node = nodeFor(index);
  if (node->kind == NodeKind::Legend) node = node->parent;
  for (const Node* n : layerNodes(node)) out.push_back(m_project->layerIndex(n->layerId));
  return out;
}

QStringList LayerTreeModel::groupPaths() const {
  QStringList out;
  for (const auto& layer : m_project->project().layers) {
    QString path;
    for (const QString& segment : QString::fromStdString(layer.group).split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
      path = joinPath(path, segment);
      if (!out.contains(path)) out << path;
    }
  }
  out.sort();
  return out;
}

// --- data ------------------------------------------------------------------------------------

QVariant LayerTreeModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  const Node* node = nodeFor(index);
  if (role == NodeKindRole) return int(node->kind);
  if (role == GroupPathRole) return node->kind == NodeKind::Group ? QVariant(node->path) : QVariant();
  if (role == LayerIdRole) return node->kind == NodeKind::Group ? QVariant() : QString::fromStdString(node->layerId);
  if (role == LayerIndexRole) return layerIndex(index);
  if (role == Qt::DecorationRole) return node->icon;
  if (node->kind == NodeKind::Legend) {
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return node->name;
    return {};
  }
  if (role == Qt::DisplayRole || role == Qt::EditRole) return node->name;
  if (role == Qt::CheckStateRole) {
    const auto& layers = m_project->project().layers;
    int visible = 0;
    const auto under = layersUnder(index);
    for (int i : under)
      if (i >= 0 && layers[std::size_t(i)].visible) ++visible;
    if (visible == 0) return Qt::Unchecked;
    return visible == int(under.size()) ? Qt::Checked : Qt::PartiallyChecked;
  }
  if (node->kind == NodeKind::Layer) {
    const int i = layerIndex(index);
    if (i < 0) return {};
    const auto& layer = m_project->project().layers[std::size_t(i)];
    if (role == Qt::ToolTipRole) {
      QString tip = QString::fromStdString(text::displayPath(layer.source));
      if (!layer.layerName.empty()) tip += QStringLiteral(" — ") + QString::fromStdString(layer.layerName);
      if (node->missing) tip = tr("File not found: %1").arg(tip);
      tip = QString::fromStdString(layer.name) + QLatin1Char('\n') + tip;
      auto it = m_legends.find(layer.id);
      if (it != m_legends.end() && !it->second->error.isEmpty()) tip += QLatin1Char('\n') + it->second->error;
      return tip;
    }
    if (role == Qt::FontRole && node->missing) {
      QFont font;
      font.setItalic(true);
      return font;
    }
    if (role == Qt::ForegroundRole && node->missing) return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
  }
  return {};
}

bool LayerTreeModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!index.isValid()) return false;
  const Node* node = nodeFor(index);
  if (node->kind == NodeKind::Legend) return false;
  if (role == Qt::CheckStateRole) {
    const bool visible = value.toInt() != Qt::Unchecked;
    for (int i : layersUnder(index)) m_project->setLayerVisible(i, visible);
    emit dataChanged(index, index);
    for (const Node* n = node->parent; n && n != m_root.get(); n = n->parent) emit dataChanged(indexOf(n), indexOf(n));
    return true;
  }
  if (role == Qt::EditRole) {
    const QString name = value.toString().trimmed();
    if (name.isEmpty() || name == node->name) return false;
    if (node->kind == NodeKind::Layer) {
      m_project->renameLayer(layerIndex(index), name.toStdString());
    } else {
      if (name.contains(QLatin1Char('/'))) return false;
      const QString path = node->path;
      // Renaming resets the model; do it after the editor has committed.
      QTimer::singleShot(0, this, [this, path, name] { renameGroup(path, name); });
    }
    return true;
  }
  return false;
}

Qt::ItemFlags LayerTreeModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::ItemIsDropEnabled;
  const Node* node = nodeFor(index);
  if (node->kind == NodeKind::Legend) return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
  return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemIsEditable |
         Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
}

}  // namespace onemap::gui
