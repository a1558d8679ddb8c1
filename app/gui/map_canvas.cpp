#include "onemap/gui/map_canvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <cmath>

#include "onemap/gui/map_tool.h"
#include "onemap/gui/project_controller.h"
#include "onemap/render/map_render_job.h"

namespace onemap::gui {

MapCanvas::MapCanvas(ProjectController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  setMinimumSize(200, 150);
  setAttribute(Qt::WA_OpaquePaintEvent);
  m_refreshTimer.setSingleShot(true);
  m_refreshTimer.setInterval(0);
  connect(&m_refreshTimer, &QTimer::timeout, this, &MapCanvas::startRender);
  connect(controller, &ProjectController::layersChanged, this, [this] {
    if (m_extent.isEmpty()) zoomToFullExtent();
    else refresh();
  });
  connect(controller, &ProjectController::appearanceChanged, this, &MapCanvas::refresh);
}

MapCanvas::~MapCanvas() {
  if (m_job) {
    m_job->cancel();
    delete m_job;  // waits for its workers
  }
}

void MapCanvas::setExtent(const Extent& extent) {
  if (extent.isEmpty()) return;
  m_extent = extent;
  emit extentChanged(m_extent);
  refresh();
}

void MapCanvas::zoomToFullExtent() {
  const Extent full = m_controller->fullExtent();
  if (!full.isEmpty()) setExtent(full.scaled(1.02));
}

void MapCanvas::zoomBy(double factor, QPointF aroundPixel) {
  const render::MapSettings s = currentSettings();
  if (!s.isValid()) return;
  const QPointF anchor = s.toMap(aroundPixel);
  const Extent v = s.visibleExtent();
  // Keep the map point under the cursor where it is.
  const double minX = anchor.x() - (anchor.x() - v.minX()) * factor;
  const double maxX = anchor.x() + (v.maxX() - anchor.x()) * factor;
  const double minY = anchor.y() - (anchor.y() - v.minY()) * factor;
  const double maxY = anchor.y() + (v.maxY() - anchor.y()) * factor;
  setExtent(Extent(minX, minY, maxX, maxY));
}

render::MapSettings MapCanvas::currentSettings() const {
  return render::MapSettings(m_extent, size(), m_controller->mapCrs(), logicalDpiX());
}

void MapCanvas::setMapTool(MapTool* tool) {
  if (tool == m_tool) return;
  if (m_tool) {
    m_tool->deactivated();
    emit m_tool->activeChanged(false);
  }
  m_tool = tool;
  setCursor(m_tool ? m_tool->cursor() : QCursor(Qt::OpenHandCursor));
  if (m_tool) {
    m_tool->activated();
    emit m_tool->activeChanged(true);
  }
  update();
  emit mapToolChanged(m_tool);
}

void MapCanvas::addOverlay(MapOverlay* overlay) {
  m_overlays.push_back(overlay);
  update();
}

void MapCanvas::removeOverlay(MapOverlay* overlay) {
  std::erase(m_overlays, overlay);
  update();
}

QTransform MapCanvas::mapToPixelTransform() const {
  const render::MapSettings s = currentSettings();
  if (!s.isValid()) return {};
  const double scale = 1.0 / s.mapUnitsPerPixel();
  const Extent v = s.visibleExtent();
  // x' = (x - minX) * scale, y' = (maxY - y) * scale
  return QTransform(scale, 0, 0, -scale, -v.minX() * scale, v.maxY() * scale);
}

QPointF MapCanvas::toMap(QPointF pixel) const { return currentSettings().toMap(pixel); }

bool MapCanvas::isRendering() const { return m_job != nullptr || m_refreshTimer.isActive(); }

void MapCanvas::refresh() { m_refreshTimer.start(); }

void MapCanvas::startRender() {
  if (m_job) {
    // The old job finishes in the background and deletes itself; its image is dropped.
    m_job->cancel();
    disconnect(m_job, nullptr, this, nullptr);
    connect(m_job, &render::MapRenderJob::finished, m_job, &QObject::deleteLater);
    m_job = nullptr;
  }
  const render::MapSettings settings = currentSettings();
  if (!settings.isValid()) return;
  std::vector<std::unique_ptr<render::LayerRenderer>> layers;
  for (const auto& layer : m_controller->project().layers)
    if (layer.visible) layers.push_back(m_controller->renderers().create(layer));
  auto* job = new render::MapRenderJob(settings, std::move(layers), this);
  m_job = job;
  connect(job, &render::MapRenderJob::finished, this, [this, job] { jobFinished(job); });
  job->start();
}

void MapCanvas::jobFinished(render::MapRenderJob* job) {
  if (job != m_job) return;
  m_image = job->image();
  m_imageSettings = job->settings();
  const QStringList errors = job->errors();
  m_job = nullptr;
  job->deleteLater();
  m_dragOffset = QPoint();
  update();
  emit renderFinished(errors);
}

void MapCanvas::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), Qt::white);
  if (m_image.isNull()) return;
  // Place the last image where its extent falls in the current view (pan/zoom preview).
  const render::MapSettings now = currentSettings();
  QRectF target = now.isValid() ? now.toPixel(m_imageSettings.visibleExtent()) : QRectF(rect());
  target.translate(m_dragOffset);
  painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
  painter.drawImage(target, m_image);
  if (!m_dragging) {
    const QTransform toPixel = mapToPixelTransform();
    for (MapOverlay* overlay : m_overlays) {
      painter.save();
      overlay->paint(painter, toPixel);
      painter.restore();
    }
  }
  if (m_tool) {
    painter.save();
    m_tool->paint(painter);
    painter.restore();
  }
}

void MapCanvas::resizeEvent(QResizeEvent*) { refresh(); }

void MapCanvas::mousePressEvent(QMouseEvent* event) {
  // Middle button always pans; the left button pans unless a tool wants it.
  const bool panButton = event->button() == Qt::MiddleButton ||
                         (event->button() == Qt::LeftButton && (!m_tool || m_tool->allowsDragPan()));
  if (m_tool && event->button() != Qt::MiddleButton) m_tool->mousePress(event);
  if (panButton) {
    m_dragging = true;
    m_dragStart = event->position().toPoint();
  }
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event) {
  const render::MapSettings s = currentSettings();
  if (s.isValid()) {
    const QPointF p = s.toMap(event->position() - QPointF(m_dragOffset));
    emit cursorMoved(p.x(), p.y());
  }
  if (m_dragging) {
    m_dragOffset = event->position().toPoint() - m_dragStart;
    update();
  } else if (m_tool) {
    m_tool->mouseMove(event);
  }
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event) {
  if (m_tool && event->button() != Qt::MiddleButton) m_tool->mouseRelease(event);
  if (!m_dragging || (event->button() != Qt::LeftButton && event->button() != Qt::MiddleButton)) return;
  m_dragging = false;
  const QPoint delta = event->position().toPoint() - m_dragStart;
  if (delta.manhattanLength() < 2) {
    m_dragOffset = QPoint();
    return;
  }
  const render::MapSettings s = currentSettings();
  const double upp = s.mapUnitsPerPixel();
  const Extent v = s.visibleExtent();
  // The image keeps its drag offset until the new render replaces it.
  m_extent = Extent(v.minX() - delta.x() * upp, v.minY() + delta.y() * upp, v.maxX() - delta.x() * upp,
                    v.maxY() + delta.y() * upp);
  m_dragOffset = QPoint();
  emit extentChanged(m_extent);
  update();
  refresh();
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
  if (m_tool) m_tool->mouseDoubleClick(event);
}

void MapCanvas::keyPressEvent(QKeyEvent* event) {
  if (m_tool && m_tool->keyPress(event)) return;
  if (event->key() == Qt::Key_Escape && m_tool) {
    setMapTool(nullptr);
    return;
  }
  QWidget::keyPressEvent(event);
}

void MapCanvas::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (steps == 0) return;
  zoomBy(std::pow(1.25, -steps), event->position());
}

}  // namespace onemap::gui
