#include "onemap/gui/layer_tree_model.h"

// Drag-and-drop and moving rows of LayerTreeModel: reorders the project and moves layers between
// groups.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QTimer>

#include <algorithm>
#include <map>

#include "onemap/gui/layer_tree_node.h"
#include "onemap/gui/project_controller.h"

namespace onemap::gui {

using layer_tree::isInside;
using layer_tree::joinPath;
using layer_tree::lastSegment;
using layer_tree::parentPath;

Qt::DropActions LayerTreeModel::supportedDropActions() const { return Qt::MoveAction; }
Qt::DropActions LayerTreeModel::supportedDragActions() const { return Qt::MoveAction; }

QStringList LayerTreeModel::mimeTypes() const { return {QString::fromLatin1(kMimeType)}; }

QMimeData* LayerTreeModel::mimeData(const QModelIndexList& indexes) const {
  QStringList groups;
  QStringList layers;
  for (const QModelIndex& index : indexes) {
    const Node* node = nodeFor(index);
    if (index.isValid() && node->kind == NodeKind::Group && !groups.contains(node->path)) groups << node->path;
  }
  for (const QModelIndex& index : indexes) {
    const Node* node = nodeFor(index);
    if (!index.isValid() || node->kind != NodeKind::Layer) continue;
    const QString group = node->parent ? node->parent->path : QString();
    const bool inMovedGroup = std::any_of(groups.begin(), groups.end(), [&](const QString& g) { return isInside(group, g); });
    const QString id = QString::fromStdString(node->layerId);
    if (!inMovedGroup && !layers.contains(id)) layers << id;
  }
  QJsonObject payload;
  payload[QStringLiteral("layers")] = QJsonArray::fromStringList(layers);
  payload[QStringLiteral("groups")] = QJsonArray::fromStringList(groups);
  auto* mime = new QMimeData();
  mime->setData(QString::fromLatin1(kMimeType), QJsonDocument(payload).toJson(QJsonDocument::Compact));
  return mime;
}

bool LayerTreeModel::dropTarget(const QModelIndex& parent, int row, QString& group, QString& anchorId,
                                bool& below) const {
  const Node* p = nodeFor(parent);
  if (p->kind == NodeKind::Legend) return false;
  if (p->kind == NodeKind::Layer) {
    // Onto a layer: just above it; between its legend rows: just below it.
    group = p->parent ? p->parent->path : QString();
    anchorId = QString::fromStdString(p->layerId);
    below = row >= 0;
    return true;
  }
  group = p->path;
  if (row < 0) row = 0;
  if (row < int(p->children.size())) {
    const auto nodes = layerNodes(p->children[std::size_t(row)].get());
    if (!nodes.empty()) {
      anchorId = QString::fromStdString(nodes.front()->layerId);
      below = false;
      return true;
    }
  }
  const auto nodes = layerNodes(p);
  anchorId = nodes.empty() ? QString() : QString::fromStdString(nodes.back()->layerId);
  below = true;
  return true;
}

bool LayerTreeModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                                     const QModelIndex& parent) const {
  if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)) || action != Qt::MoveAction) return false;
  QString group, anchor;
  bool below = false;
  if (!dropTarget(parent, row, group, anchor, below)) return false;
  const QJsonObject payload = QJsonDocument::fromJson(data->data(QString::fromLatin1(kMimeType))).object();
  for (const auto& g : payload[QStringLiteral("groups")].toArray())
    if (isInside(group, g.toString())) return false;  // a group into itself
  return true;
}

bool LayerTreeModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                  const QModelIndex& parent) {
  if (!canDropMimeData(data, action, row, column, parent)) return false;
  QString group, anchor;
  bool below = false;
  dropTarget(parent, row, group, anchor, below);
  const QJsonObject payload = QJsonDocument::fromJson(data->data(QString::fromLatin1(kMimeType))).object();
  QStringList layers, groups;
  for (const auto& v : payload[QStringLiteral("layers")].toArray()) layers << v.toString();
  for (const auto& v : payload[QStringLiteral("groups")].toArray()) groups << v.toString();
  // The view still holds indexes of the drag; reorder once it is done with them.
  QTimer::singleShot(0, this, [this, layers, groups, group, anchor, below] {
    moveItems(layers, groups, group, anchor, below);
  });
  return true;
}

bool LayerTreeModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                              const QModelIndex& destinationParent, int destinationChild) {
  const Node* source = nodeFor(sourceParent);
  if (sourceRow < 0 || count <= 0 || sourceRow + count > int(source->children.size())) return false;
  QStringList layers, groups;
  for (int r = sourceRow; r < sourceRow + count; ++r) {
    const Node* node = source->children[std::size_t(r)].get();
    if (node->kind == NodeKind::Group) groups << node->path;
    else if (node->kind == NodeKind::Layer) layers << QString::fromStdString(node->layerId);
    else return false;
  }
  QString group, anchor;
  bool below = false;
  if (!dropTarget(destinationParent, destinationChild, group, anchor, below)) return false;
  return moveItems(layers, groups, group, anchor, below);
}

bool LayerTreeModel::moveItems(const QStringList& layerIds, const QStringList& groupPaths, const QString& targetGroup,
                               const QString& anchorId, bool below) {
  for (const QString& g : groupPaths)
    if (isInside(targetGroup, g)) return false;
  const auto& layers = m_project->project().layers;
  const int n = int(layers.size());
  // Display order: top-most first.
  std::vector<std::string> display;
  for (int i = n - 1; i >= 0; --i) display.push_back(layers[std::size_t(i)].id);
  std::map<std::string, std::string> newGroup;
  for (const auto& layer : layers) {
    const QString group = QString::fromStdString(layer.group);
    for (const QString& g : groupPaths) {
      if (!isInside(group, g)) continue;
      newGroup[layer.id] = joinPath(targetGroup, lastSegment(g) + group.mid(g.size())).toStdString();
      break;
    }
    if (!newGroup.count(layer.id) && layerIds.contains(QString::fromStdString(layer.id)))
      newGroup[layer.id] = targetGroup.toStdString();
  }
  if (newGroup.empty()) return false;

  std::size_t position = below ? display.size() : 0;
  if (!anchorId.isEmpty()) {
    const auto it = std::find(display.begin(), display.end(), anchorId.toStdString());
    if (it != display.end()) position = std::size_t(it - display.begin()) + (below ? 1 : 0);
  }
  std::vector<std::string> moved, remaining;
  std::size_t movedBefore = 0;
  for (std::size_t i = 0; i < display.size(); ++i) {
    if (newGroup.count(display[i])) {
      moved.push_back(display[i]);
      if (i < position) ++movedBefore;
    } else {
      remaining.push_back(display[i]);
    }
  }
  std::vector<std::string> result(remaining.begin(), remaining.begin() + std::ptrdiff_t(position - movedBefore));
  result.insert(result.end(), moved.begin(), moved.end());
  result.insert(result.end(), remaining.begin() + std::ptrdiff_t(position - movedBefore), remaining.end());

  m_batch = true;
  for (int k = 0; k < n; ++k) {
    const int current = m_project->layerIndex(result[std::size_t(n - 1 - k)]);
    if (current != k) m_project->moveLayer(current, k);
  }
  for (const auto& [id, group] : newGroup) {
    const int i = m_project->layerIndex(id);
    if (i >= 0 && m_project->project().layers[std::size_t(i)].group != group) m_project->setLayerGroup(i, group);
  }
  m_batch = false;
  rebuild();
  return true;
}

void LayerTreeModel::renameGroup(const QString& path, const QString& name) {
  const QString clean = name.trimmed();
  if (clean.isEmpty() || clean.contains(QLatin1Char('/'))) return;
  const QString renamed = joinPath(parentPath(path), clean);
  if (renamed == path) return;
  m_batch = true;
  const auto& layers = m_project->project().layers;
  for (int i = 0; i < int(layers.size()); ++i) {
    const QString group = QString::fromStdString(layers[std::size_t(i)].group);
    if (isInside(group, path)) m_project->setLayerGroup(i, (renamed + group.mid(path.size())).toStdString());
  }
  m_batch = false;
  rebuild();
}

}  // namespace onemap::gui
