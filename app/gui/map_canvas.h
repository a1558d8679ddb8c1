#pragma once

#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QTransform>
#include <QWidget>

#include <vector>

#include "onemap/base/extent.h"
#include "onemap/render/map_settings.h"

namespace onemap::render {
class MapRenderJob;
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

 public slots:
  /// Re-renders now (coalesced: many calls in one event-loop turn render once).
  void refresh();

 signals:
  void cursorMoved(double mapX, double mapY);
  void extentChanged(const onemap::Extent& extent);
  void mapToolChanged(onemap::gui::MapTool* tool);
  void renderFinished(const QStringList& errors);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  void startRender();
  void jobFinished(render::MapRenderJob* job);

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
};

}  // namespace onemap::gui
