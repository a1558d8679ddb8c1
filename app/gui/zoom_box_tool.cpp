#include "onemap/gui/zoom_box_tool.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cstdlib>

#include "onemap/gui/map_canvas.h"

namespace onemap::gui {

namespace {
constexpr int kMinBoxPixels = 4;
}  // namespace

ZoomBoxTool::ZoomBoxTool(MapCanvas* canvas) : MapTool(canvas) {}

void ZoomBoxTool::mousePress(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton && event->button() != Qt::RightButton) return;
  m_dragging = true;
  m_zoomOut = event->button() == Qt::RightButton || (event->modifiers() & Qt::ShiftModifier);
  m_start = m_current = event->position().toPoint();
}

void ZoomBoxTool::mouseMove(QMouseEvent* event) {
  if (!m_dragging) return;
  m_current = event->position().toPoint();
  canvas()->update();
}

void ZoomBoxTool::mouseRelease(QMouseEvent* event) {
  if (!m_dragging) return;
  m_dragging = false;
  m_current = event->position().toPoint();
  canvas()->update();
  const QPointF a = canvas()->toMap(QPointF(m_start));
  const QPointF b = canvas()->toMap(QPointF(m_current));
  if (std::abs(m_current.x() - m_start.x()) < kMinBoxPixels || std::abs(m_current.y() - m_start.y()) < kMinBoxPixels) {
    canvas()->zoomBy(m_zoomOut ? 2.0 : 0.5, m_current);
    return;
  }
  const Extent boxExtent(std::min(a.x(), b.x()), std::min(a.y(), b.y()), std::max(a.x(), b.x()),
                         std::max(a.y(), b.y()));
  if (!m_zoomOut) {
    canvas()->setExtent(boxExtent);
    return;
  }
  // Zoom out: what is visible now shrinks into the box.
  const Extent view = canvas()->currentSettings().visibleExtent();
  const double factor = std::max(view.width() / boxExtent.width(), view.height() / boxExtent.height());
  const double halfW = view.width() * factor / 2.0;
  const double halfH = view.height() * factor / 2.0;
  // Keep the map point at the box centre where the box was drawn.
  const double cx = view.centerX() - (boxExtent.centerX() - view.centerX()) * factor;
  const double cy = view.centerY() - (boxExtent.centerY() - view.centerY()) * factor;
  canvas()->setExtent(Extent(cx - halfW, cy - halfH, cx + halfW, cy + halfH));
}

bool ZoomBoxTool::keyPress(QKeyEvent* event) {
  if (event->key() == Qt::Key_Escape && m_dragging) {
    m_dragging = false;
    canvas()->update();
    return true;
  }
  return false;
}

void ZoomBoxTool::paint(QPainter& painter) {
  if (!m_dragging) return;
  const QRect box = QRect(m_start, m_current).normalized();
  painter.setPen(QPen(QColor(30, 30, 30), 1, Qt::DashLine));
  painter.setBrush(QColor(60, 120, 220, m_zoomOut ? 30 : 50));
  painter.drawRect(box);
}

void ZoomBoxTool::deactivated() { m_dragging = false; }

}  // namespace onemap::gui
