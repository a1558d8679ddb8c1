#pragma once

#include <QCursor>
#include <QObject>
#include <QTransform>

class QMouseEvent;
class QKeyEvent;
class QPainter;

namespace onemap::gui {

class MapCanvas;

/// An interactive mode of the map canvas (pan, zoom box, identify, measure, swipe…): receives the
/// canvas's mouse and key events while active and may paint an overlay on top of the map.
/// Owned by whoever creates it (usually a controller); GUI thread only.
class MapTool : public QObject {
  Q_OBJECT
 public:
  explicit MapTool(MapCanvas* canvas);
  MapCanvas* canvas() const { return m_canvas; }

  virtual void mousePress(QMouseEvent*) {}
  virtual void mouseMove(QMouseEvent*) {}
  virtual void mouseRelease(QMouseEvent*) {}
  virtual void mouseDoubleClick(QMouseEvent*) {}
  /// Returns true when the key was handled (Esc usually cancels the tool's current action).
  virtual bool keyPress(QKeyEvent*) { return false; }
  /// Painted in widget pixels after the map and overlays.
  virtual void paint(QPainter&) {}
  virtual QCursor cursor() const { return QCursor(Qt::ArrowCursor); }
  /// Called when the tool becomes / stops being the canvas's tool.
  virtual void activated() {}
  virtual void deactivated() {}
  /// True when the canvas should still pan with a left-button drag (tools that only click).
  virtual bool allowsDragPan() const { return false; }

 signals:
  void activeChanged(bool active);

 private:
  MapCanvas* m_canvas;
};

/// Something drawn on top of the map in map coordinates, whatever the tool (selection
/// highlights, measured lines): painted after every render and on every repaint. GUI thread.
class MapOverlay {
 public:
  virtual ~MapOverlay() = default;
  virtual void paint(QPainter& painter, const QTransform& mapToPixel) = 0;
};

}  // namespace onemap::gui
