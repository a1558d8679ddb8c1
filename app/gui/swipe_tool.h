#pragma once

#include <QPointer>

#include <string>

#include "onemap/gui/map_tool.h"
#include "onemap/render/map_settings.h"

namespace onemap::project {
struct Project;
}

namespace onemap::render {
class MapRenderJob;
}

namespace onemap::gui {

class ProjectController;

/// The swipe (卷帘) tool: renders one chosen layer alone off the GUI thread (re-rendered whenever
/// the canvas renders: extent, size, style) while the canvas renders everything else, and shows
/// that layer left of (or above) a draggable divider. Dragging the divider only repaints. Owned by
/// the compare controller; GUI thread only.
class SwipeTool : public MapTool {
  Q_OBJECT
 public:
  SwipeTool(MapCanvas* canvas, ProjectController* project);
  ~SwipeTool() override;

  /// The top-most visible raster layer's id (the default swipe layer), empty when there is none.
  static std::string defaultLayer(const project::Project& project);

  /// The layer shown on the swipe side (a layer id); empty = the default when activated.
  const std::string& layerId() const { return m_layerId; }
  void setLayerId(const std::string& layerId);
  Qt::Orientation orientation() const;
  void setOrientation(Qt::Orientation orientation);
  /// Divider position as a fraction of the canvas width (vertical) or height (horizontal).
  double fraction() const;
  void setFraction(double fraction);
  /// True while the swipe layer's own image is being rendered.
  bool isRendering() const { return m_job != nullptr; }

  void mousePress(QMouseEvent* event) override;
  void mouseMove(QMouseEvent* event) override;
  void mouseRelease(QMouseEvent* event) override;
  bool keyPress(QKeyEvent* event) override;
  void paint(QPainter& painter) override;
  QCursor cursor() const override;
  void activated() override;
  void deactivated() override;
  bool allowsDragPan() const override { return !m_draggingDivider; }

 signals:
  /// The swipe layer's image for the current view is ready.
  void swipeRendered();
  /// The swipe layer changed (layerId()).
  void layerChanged();

 private:
  void startRender(const render::MapSettings& settings);
  void cancelRender();
  void projectLayersChanged();
  bool nearDivider(QPointF pixel) const;
  void showContextMenu(QPoint globalPos);
  QString layerName() const;

  ProjectController* m_project;
  std::string m_layerId;
  render::MapRenderJob* m_job = nullptr;
  bool m_active = false;
  bool m_draggingDivider = false;
  QMetaObject::Connection m_renderConnection;
};

}  // namespace onemap::gui
