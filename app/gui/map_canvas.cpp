#include "onemap/gui/map_canvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "onemap/gui/map_tool.h"
#include "onemap/gui/project_controller.h"
#include "onemap/proj/transform.h"
#include "onemap/project/project.h"
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
  connect(controller, &ProjectController::crsChanged, this, &MapCanvas::reprojectExtent);
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
  m_viewCrs = m_controller->mapCrs();  // callers give extents in the current map CRS
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
  if (std::erase(m_overlays, overlay) == 0) return;
  // Overlays are often removed while the window is being destroyed: repaint later, if still here.
  QMetaObject::invokeMethod(this, qOverload<>(&QWidget::update), Qt::QueuedConnection);
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

void MapCanvas::reprojectExtent() {
  const std::string& now = m_controller->mapCrs();
  if (m_extent.isEmpty() || m_viewCrs.empty() || now.empty() || now == m_viewCrs) {
    m_viewCrs = now;
    return;
  }
  auto transform = proj::Transform::create(m_viewCrs, now);
  m_viewCrs = now;
  // The last image is in the old CRS: it cannot stand in for the new view.
  m_image = QImage();
  m_swipeImage = QImage();
  const Extent reprojected = transform ? transform->transformExtent(m_extent) : Extent();
  if (reprojected.isEmpty()) zoomToFullExtent();
  else setExtent(reprojected);
}

void MapCanvas::setLayerFilter(LayerFilter filter) {
  m_filter = std::move(filter);
  refresh();
}

void MapCanvas::setExcludedLayers(std::set<std::string> layerIds) {
  if (layerIds == m_excluded) return;
  m_excluded = std::move(layerIds);
  refresh();
}

bool MapCanvas::drawsLayer(const project::LayerSpec& layer) const {
  return layer.visible && !m_excluded.contains(layer.id) && (!m_filter || m_filter(layer));
}

void MapCanvas::setCrosshair(std::optional<QPointF> mapPoint) {
  if (mapPoint == m_crosshair) return;
  m_crosshair = mapPoint;
  update();
}

void MapCanvas::setSwipeImage(const QImage& image, const render::MapSettings& settings) {
  m_swipeImage = image;
  m_swipeSettings = settings;
  update();
}

void MapCanvas::setSwipeDivider(Qt::Orientation orientation, double fraction) {
  m_swipeOrientation = orientation;
  m_swipeFraction = std::clamp(fraction, 0.0, 1.0);
  update();
}

double MapCanvas::swipeDividerPixel() const {
  return m_swipeFraction * (m_swipeOrientation == Qt::Vertical ? width() : height());
}

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
  m_viewCrs = settings.crs();
  std::vector<std::unique_ptr<render::LayerRenderer>> layers;
  for (const auto& layer : m_controller->project().layers)
    if (drawsLayer(layer)) layers.push_back(m_controller->renderers().create(layer));
  auto* job = new render::MapRenderJob(settings, std::move(layers), this);
  m_job = job;
  connect(job, &render::MapRenderJob::finished, this, [this, job] { jobFinished(job); });
  job->start();
  emit renderStarted(settings);
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
  paintSwipeImage(painter, now);
  if (!m_dragging) {
    const QTransform toPixel = mapToPixelTransform();
    for (MapOverlay* overlay : m_overlays) {
      painter.save();
      overlay->paint(painter, toPixel);
      painter.restore();
    }
  }
  if (m_crosshair) paintCrosshair(painter);
  if (m_tool) {
    painter.save();
    m_tool->paint(painter);
    painter.restore();
  }
}

void MapCanvas::paintSwipeImage(QPainter& painter, const render::MapSettings& now) {
  if (m_swipeImage.isNull() || !m_swipeSettings.isValid()) return;
  QRectF target = now.isValid() ? now.toPixel(m_swipeSettings.visibleExtent()) : QRectF(rect());
  target.translate(m_dragOffset);
  const double divider = swipeDividerPixel();
  const QRectF clip = m_swipeOrientation == Qt::Vertical ? QRectF(0, 0, divider, height())
                                                         : QRectF(0, 0, width(), divider);
  painter.save();
  painter.setClipRect(clip);
  painter.drawImage(target, m_swipeImage);
  painter.restore();
}

void MapCanvas::paintCrosshair(QPainter& painter) {
  const QPointF p = mapToPixelTransform().map(*m_crosshair) + QPointF(m_dragOffset);
  if (!rect().contains(p.toPoint())) return;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, false);
  const double arm = 14.0;
  for (const auto& [colour, penWidth] : {std::pair{QColor(255, 255, 255, 220), 3.0}, std::pair{QColor(220, 0, 0), 1.0}}) {
    painter.setPen(QPen(colour, penWidth));
    painter.drawLine(QPointF(p.x() - arm, p.y()), QPointF(p.x() - 3, p.y()));
    painter.drawLine(QPointF(p.x() + 3, p.y()), QPointF(p.x() + arm, p.y()));
    painter.drawLine(QPointF(p.x(), p.y() - arm), QPointF(p.x(), p.y() - 3));
    painter.drawLine(QPointF(p.x(), p.y() + 3), QPointF(p.x(), p.y() + arm));
  }
  painter.restore();
}

void MapCanvas::resizeEvent(QResizeEvent*) { refresh(); }

void MapCanvas::mousePressEvent(QMouseEvent* event) {
  // Middle button always pans; the left button pans unless a tool wants it.
  // The tool sees the press first: it may take the drag (e.g. the swipe divider) or leave it.
  if (m_tool && event->button() != Qt::MiddleButton) m_tool->mousePress(event);
  const bool panButton = event->button() == Qt::MiddleButton ||
                         (event->button() == Qt::LeftButton && (!m_tool || m_tool->allowsDragPan()));
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

void MapCanvas::leaveEvent(QEvent* event) {
  emit cursorLeft();
  QWidget::leaveEvent(event);
}

void MapCanvas::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (steps == 0) return;
  zoomBy(std::pow(1.25, -steps), event->position());
}

}  // namespace onemap::gui
