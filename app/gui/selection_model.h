#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPainterPath>
#include <QPointF>
#include <QPointer>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "onemap/base/extent.h"
#include "onemap/base/feedback.h"
#include "onemap/gui/map_tool.h"

namespace onemap::gui {

class MapCanvas;
class ProjectController;
struct WindowContext;

/// One feature's geometry in the map CRS, decoded once for drawing and hit tests. A value type
/// (QPainterPath is implicitly shared): built on a worker, handed to the GUI thread.
struct FeatureShape {
  std::int64_t fid = 0;
  QPainterPath path;            ///< map coordinates; polygon rings as odd-even filled subpaths
  std::vector<QPointF> points;  ///< point geometries
  bool polygonal = false;
  Extent extent;

  /// Decodes ISO WKB already in the map CRS; an empty shape (no path, no points) when malformed.
  static FeatureShape fromWkb(std::int64_t fid, std::span<const unsigned char> wkb);
  bool isEmpty() const { return path.isEmpty() && points.empty(); }
  /// True when the feature is under `point`: a polygon containing it, or a point or line within
  /// `tolerance` (map units).
  bool isHitBy(QPointF point, double tolerance) const;
  /// True when the feature touches `rect` (map coordinates).
  bool intersects(const QRectF& rect) const;
};

/// The extent to zoom to for showing `features`: padded by a fifth of its size, at least
/// 40 pixels of the current view (`unitsPerPixel`) on each side, so points and tiny parcels show.
Extent extentForZoom(const Extent& features, double unitsPerPixel);

/// The selected features of every vector layer (by layer id: feature ids, and their geometries in
/// the map CRS once read in the background) plus a transient highlight (the identified feature).
/// Draws both over the map as a MapOverlay: selection yellow, highlight cyan. One per window
/// (forWindow), owned by the window; GUI thread only.
class SelectionModel : public QObject, public MapOverlay {
  Q_OBJECT
 public:
  SelectionModel(ProjectController* project, MapCanvas* canvas, QObject* parent = nullptr);
  ~SelectionModel() override;

  /// The window's selection model, created (and added to the canvas) on first use.
  static SelectionModel* forWindow(const WindowContext& context);

  /// Features drawn at most per layer (a larger selection keeps its ids but highlights only these).
  static constexpr std::size_t kMaxShapesPerLayer = 50000;

  /// Sorted ids of the features selected in `layerId` (empty when none).
  const std::vector<std::int64_t>& selectedIds(const std::string& layerId) const;
  int selectedCount(const std::string& layerId) const;
  bool isSelected(const std::string& layerId, std::int64_t fid) const;
  /// Layers with a non-empty selection.
  std::vector<std::string> selectedLayers() const;

  /// Replaces the selection of `layerId` by `fids`; their geometries are read in the background
  /// (only inside `searchExtent`, in the map CRS, when it is not empty). Emits selectionChanged
  /// now and geometriesLoaded when the shapes are in.
  void setSelection(const std::string& layerId, std::vector<std::int64_t> fids, const Extent& searchExtent = {});
  /// Replaces the selection of `layerId` by features whose geometry is already known.
  void setSelectedShapes(const std::string& layerId, std::vector<FeatureShape> shapes);
  /// Adds `added` to the selection of `layerId` and removes the features `removed` (Shift/Ctrl
  /// with the select tool).
  void mergeSelection(const std::string& layerId, std::vector<FeatureShape> added,
                      const std::vector<std::int64_t>& removed);
  void clearSelection(const std::string& layerId);
  void clearAll();
  /// The layer the select tool works on (the attribute table's); empty = none chosen.
  const std::string& activeLayer() const { return m_activeLayer; }
  void setActiveLayer(const std::string& layerId) { m_activeLayer = layerId; }
  /// Shapes of the selected features read so far.
  const std::vector<FeatureShape>& selectedShapes(const std::string& layerId) const;
  /// Extent (map CRS) of the selected features whose geometry is loaded; empty when none.
  Extent selectionExtent(const std::string& layerId) const;
  /// True while geometries of some selection are being read.
  bool isLoading() const;

  /// The transient highlight (identify): replaces it, or clears it.
  void setHighlight(std::vector<FeatureShape> shapes);
  void clearHighlight();
  const std::vector<FeatureShape>& highlight() const { return m_highlight; }

  void paint(QPainter& painter, const QTransform& mapToPixel) override;

 signals:
  void selectionChanged(const QString& layerId);
  void geometriesLoaded(const QString& layerId);
  void highlightChanged();

 private:
  struct LayerSelection {
    std::vector<std::int64_t> ids;  ///< sorted, unique
    std::vector<FeatureShape> shapes;
    std::unique_ptr<QFutureWatcher<std::vector<FeatureShape>>> loader;
    Feedback feedback;
  };
  /// Makes `ids` the selection of `layerId` with the `shapes` already known; reads the others.
  void applySelection(const std::string& layerId, std::vector<std::int64_t> ids, std::vector<FeatureShape> shapes,
                      const Extent& searchExtent);
  void cancelLoad(LayerSelection& selection);
  void dropStaleLayers();
  void repaint();

  ProjectController* m_project;
  QPointer<MapCanvas> m_canvas;  ///< may go first when the window is destroyed
  std::map<std::string, LayerSelection> m_layers;
  std::vector<FeatureShape> m_highlight;
  std::string m_activeLayer;
};

}  // namespace onemap::gui
