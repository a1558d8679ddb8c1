#pragma once

#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QTransform>
#include <QWidget>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "onemap/base/extent.h"
#include "onemap/render/map_settings.h"

namespace onemap::render {
class MapRenderJob;
}

namespace onemap::project {
struct LayerSpec;
}

namespace onemap::gui {

class ProjectController;
class MapTool;
class MapOverlay;

/// The map view: renders the project's visible layers off the GUI thread, keeps showing the last
/// image shifted/scaled while a new one renders, pans by dragging and zooms with the wheel around
/// the cursor. GUI thread only.
class MapCanvas : public QWidget {
  Q_OBJECT
 public:
  /// Decides which of the project's visible layers this canvas draws (true = draw).
  using LayerFilter = std::function<bool(const project::LayerSpec&)>;

  explicit MapCanvas(ProjectController* controller, QWidget* parent = nullptr);
  ~MapCanvas() override;

  /// The extent requested (the visible one is widened to the widget's aspect ratio).
  Extent extent() const { return m_extent; }
  void setExtent(const Extent& extent);
  void zoomToFullExtent();
  void zoomBy(double factor, QPointF aroundPixel);
  /// Settings of the view as it is now.
  render::MapSettings currentSettings() const;
  /// The last completely rendered map (for tests and screenshots).
  const QImage& renderedImage() const { return m_image; }
  bool isRendering() const;

  /// The active tool, or nullptr for the default (drag to pan).
  MapTool* mapTool() const { return m_tool; }
  /// Makes `tool` the active tool (nullptr: back to panning); the previous one is deactivated.
  void setMapTool(MapTool* tool);
  /// Adds an overlay painted over the map (not owned); remove it before destroying it.
  void addOverlay(MapOverlay* overlay);
  void removeOverlay(MapOverlay* overlay);
  /// Map coordinates → widget pixels for the current view.
  QTransform mapToPixelTransform() const;
  /// Widget pixel → map coordinates for the current view.
  QPointF toMap(QPointF pixel) const;

  /// Limits the layers this canvas draws (side-by-side view); an empty filter draws every
  /// visible layer. Re-renders.
  void setLayerFilter(LayerFilter filter);
  const LayerFilter& layerFilter() const { return m_filter; }
  /// Layers left out of this canvas's own render whatever the filter (the swipe layer). Re-renders.
  void setExcludedLayers(std::set<std::string> layerIds);
  const std::set<std::string>& excludedLayers() const { return m_excluded; }
  /// True when the canvas draws `layer` now (visible, passes the filter, not excluded).
  bool drawsLayer(const project::LayerSpec& layer) const;

  /// A crosshair at a map position (the cursor in a linked canvas); nullopt hides it.
  void setCrosshair(std::optional<QPointF> mapPoint);
  std::optional<QPointF> crosshair() const { return m_crosshair; }

  /// An extra rendered image (the swipe layer) drawn over the map and under the overlays, on the
  /// left (vertical divider) or top (horizontal divider) of the divider at `fraction` (0..1) of
  /// the width/height. It moves with the map while a new one renders. A null image removes it.
  void setSwipeImage(const QImage& image, const render::MapSettings& settings);
  void setSwipeDivider(Qt::Orientation orientation, double fraction);
  Qt::Orientation swipeOrientation() const { return m_swipeOrientation; }
  double swipeFraction() const { return m_swipeFraction; }
  /// The divider in widget pixels (x for vertical, y for horizontal).
  double swipeDividerPixel() const;

 public slots:
  /// Re-renders now (coalesced: many calls in one event-loop turn render once).
  void refresh();

 signals:
  void cursorMoved(double mapX, double mapY);
  void extentChanged(const onemap::Extent& extent);
  void mapToolChanged(onemap::gui::MapTool* tool);
  void renderFinished(const QStringList& errors);
  /// A render of `settings` started (extent, size or layers changed): linked views follow it.
  void renderStarted(const onemap::render::MapSettings& settings);
  /// The mouse left the canvas (linked canvases hide their crosshair).
  void cursorLeft();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  void startRender();
  void jobFinished(render::MapRenderJob* job);
  void paintSwipeImage(QPainter& painter, const render::MapSettings& now);
  void paintCrosshair(QPainter& painter);
  /// After the map CRS changed: shows the same area in the new CRS.
  void reprojectExtent();

  ProjectController* m_controller;
  Extent m_extent;
  QImage m_image;
  render::MapSettings m_imageSettings;
  render::MapRenderJob* m_job = nullptr;
  QTimer m_refreshTimer;
  MapTool* m_tool = nullptr;
  std::vector<MapOverlay*> m_overlays;
  bool m_dragging = false;
  QPoint m_dragStart;
  QPoint m_dragOffset;
  std::string m_viewCrs;  // the CRS m_extent is in (the last render's)
  LayerFilter m_filter;
  std::set<std::string> m_excluded;
  std::optional<QPointF> m_crosshair;
  QImage m_swipeImage;
  render::MapSettings m_swipeSettings;
  Qt::Orientation m_swipeOrientation = Qt::Vertical;
  double m_swipeFraction = 0.5;
};

}  // namespace onemap::gui
