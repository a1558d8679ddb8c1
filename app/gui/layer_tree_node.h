#pragma once

// Internals of LayerTreeModel shared by its sources: the tree node and group-path helpers.

#include <QIcon>
#include <QString>

#include <memory>
#include <string>
#include <vector>

#include "onemap/gui/layer_tree_model.h"

namespace onemap::gui {

/// One row of the layer tree: a group, a layer or a legend class. Owned by its parent node.
struct LayerTreeModel::Node {
  NodeKind kind = NodeKind::Group;
  QString name;          ///< group: last path segment; legend: label
  QString path;          ///< group: full path
  std::string layerId;   ///< layer and legend rows
  QIcon icon;
  bool missing = false;  ///< layer: its file is not there
  Node* parent = nullptr;
  std::vector<std::unique_ptr<Node>> children;

  int row() const {
    if (!parent) return 0;
    for (std::size_t i = 0; i < parent->children.size(); ++i)
      if (parent->children[i].get() == this) return int(i);
    return 0;
  }
};

}  // namespace onemap::gui

/// Group paths ("影像/2024").
namespace onemap::gui::layer_tree {

inline QString parentPath(const QString& path) {
  const int slash = path.lastIndexOf(QLatin1Char('/'));
  return slash < 0 ? QString() : path.left(slash);
}

inline QString lastSegment(const QString& path) { return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1); }

inline QString joinPath(const QString& parent, const QString& child) {
  if (parent.isEmpty()) return child;
  if (child.isEmpty()) return parent;
  return parent + QLatin1Char('/') + child;
}

inline bool isInside(const QString& group, const QString& path) {
  return group == path || group.startsWith(path + QLatin1Char('/'));
}

}  // namespace onemap::gui::layer_tree
