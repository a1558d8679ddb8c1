#pragma once

#include <QPoint>
#include <QRect>

#include "onemap/gui/map_tool.h"

namespace onemap::gui {

/// Zoom box: drag a rectangle to zoom into it; Shift-drag or right-drag zooms out so that the
/// current view fits into the rectangle. A click without dragging zooms in (out) by 2 around the
/// click. Owned by the NavigationController; GUI thread only.
class ZoomBoxTool : public MapTool {
  Q_OBJECT
 public:
  explicit ZoomBoxTool(MapCanvas* canvas);

  void mousePress(QMouseEvent* event) override;
  void mouseMove(QMouseEvent* event) override;
  void mouseRelease(QMouseEvent* event) override;
  bool keyPress(QKeyEvent* event) override;
  void paint(QPainter& painter) override;
  QCursor cursor() const override { return QCursor(Qt::CrossCursor); }
  void deactivated() override;

 private:
  bool m_dragging = false;
  bool m_zoomOut = false;
  QPoint m_start;
  QPoint m_current;
};

}  // namespace onemap::gui
