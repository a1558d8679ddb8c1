#pragma once

#include <QAbstractItemModel>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "onemap/base/feedback.h"
#include "onemap/render/legend.h"

namespace onemap::gui {

class ProjectController;

/// The project's layers as a tree for a QTreeView: top-most layer first, groups
/// (LayerSpec::group, "影像/2024" nests) as parent rows, a check box per layer and group (a group
/// toggles all its layers), in-place rename, drag-and-drop reordering (which reorders the
/// project and moves layers between groups) and one child row per legend class with a colour
/// swatch. Legend data (e.g. the land-use codes present) is read on a worker thread and shows up
/// when ready. Owned by its view's owner; GUI thread only.
class LayerTreeModel : public QAbstractItemModel {
  Q_OBJECT
 public:
  enum class NodeKind { Group, Layer, Legend };
  enum Role {
    NodeKindRole = Qt::UserRole + 1,  ///< int(NodeKind)
    LayerIndexRole,                   ///< project layer index (layer and legend rows), else -1
    LayerIdRole,                      ///< layer id (layer and legend rows)
    GroupPathRole,                    ///< full group path ("影像/2024") of a group row
  };
  /// Drag-and-drop payload: JSON {"layers": [ids], "groups": [paths]}.
  static constexpr const char* kMimeType = "application/x-onemap-layer-tree";

  explicit LayerTreeModel(ProjectController* project, QObject* parent = nullptr);
  ~LayerTreeModel() override;

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  Qt::DropActions supportedDropActions() const override;
  Qt::DropActions supportedDragActions() const override;
  QStringList mimeTypes() const override;
  QMimeData* mimeData(const QModelIndexList& indexes) const override;
  bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                       const QModelIndex& parent) const override;
  /// Applies the move on the next event-loop turn (after the view finished its drag).
  bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                    const QModelIndex& parent) override;
  /// Moves layer/group rows to `destinationChild` under `destinationParent` (same rules as a drop).
  bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count, const QModelIndex& destinationParent,
                int destinationChild) override;

  NodeKind kind(const QModelIndex& index) const;
  /// The row of project layer `layerIndex`, or an invalid index.
  QModelIndex indexForLayer(int layerIndex) const;
  /// The row of the group with full path `path`, or an invalid index.
  QModelIndex indexForGroup(const QString& path) const;
  /// Project layer index of a layer or legend row; -1 for groups and invalid indexes.
  int layerIndex(const QModelIndex& index) const;
  /// Project indices of the layers a row stands for (a layer, or every layer in a group).
  std::vector<int> layersUnder(const QModelIndex& index) const;
  /// Every group path used by the project, sorted.
  QStringList groupPaths() const;

  /// Moves layers (by id) and whole groups (by path) into group `targetGroup`, placed just above
  /// (or below, when `below`) the layer `anchorId` in the tree (empty anchor: top of the group,
  /// or the very bottom when `below`). Reorders the project and updates layer groups. Returns
  /// false when nothing could move (e.g. a group dropped into itself).
  bool moveItems(const QStringList& layerIds, const QStringList& groupPaths, const QString& targetGroup,
                 const QString& anchorId, bool below);
  /// Renames group `path` (its last segment) to `name`; its layers and subgroups follow.
  void renameGroup(const QString& path, const QString& name);

  /// The legend shown for a layer (empty until its data was read when it needs data).
  std::vector<render::LegendEntry> legend(int layerIndex) const;
  /// True while legend data is being read for some layer.
  bool isReadingLegends() const;

 signals:
  /// The legend rows of a layer changed (its data arrived or its style changed).
  void legendChanged(int layerIndex);
  /// Reading a layer's legend data failed (message names the file).
  void legendError(const QString& message);

 private:
  struct Node;
  struct LegendState;

  void rebuild();
  void layerChanged(int layerIndex);
  void updateLegend(const std::string& layerId, bool structural);
  void requestLegendData(int layerIndex);
  Node* nodeFor(const QModelIndex& index) const;
  QModelIndex indexOf(const Node* node) const;
  Node* findLayerNode(Node* node, const std::string& id) const;
  std::vector<const Node*> layerNodes(const Node* node) const;
  /// Where a drop at (parent, row) lands: target group and anchor; false if not allowed.
  bool dropTarget(const QModelIndex& parent, int row, QString& group, QString& anchorId, bool& below) const;

  ProjectController* m_project;
  std::unique_ptr<Node> m_root;
  std::map<std::string, std::unique_ptr<LegendState>> m_legends;
  bool m_batch = false;
};

}  // namespace onemap::gui
