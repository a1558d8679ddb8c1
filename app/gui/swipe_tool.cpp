#include "onemap/gui/swipe_tool.h"

#include <QActionGroup>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/project/project.h"
#include "onemap/render/map_render_job.h"

namespace onemap::gui {
namespace {

constexpr double kGrabDistance = 8.0;  // pixels either side of the divider that grab it
constexpr double kHandleRadius = 11.0;

}  // namespace

SwipeTool::SwipeTool(MapCanvas* canvas, ProjectController* project) : MapTool(canvas), m_project(project) {
  connect(project, &ProjectController::layersChanged, this, &SwipeTool::projectLayersChanged);
}

SwipeTool::~SwipeTool() {
  if (m_job) {
    m_job->cancel();
    delete m_job;
  }
}

std::string SwipeTool::defaultLayer(const project::Project& project) {
  for (auto it = project.layers.rbegin(); it != project.layers.rend(); ++it)
    if (it->kind == project::LayerKind::Raster && it->visible) return it->id;
  for (auto it = project.layers.rbegin(); it != project.layers.rend(); ++it)
    if (it->kind == project::LayerKind::Raster) return it->id;
  return {};
}

void SwipeTool::setLayerId(const std::string& layerId) {
  if (layerId == m_layerId) return;
  m_layerId = layerId;
  if (m_active) {
    canvas()->setSwipeImage({}, {});
    canvas()->setExcludedLayers(m_layerId.empty() ? std::set<std::string>{} : std::set<std::string>{m_layerId});
    canvas()->refresh();  // the canvas render restarts ours
  }
  emit layerChanged();
}

Qt::Orientation SwipeTool::orientation() const { return canvas()->swipeOrientation(); }

void SwipeTool::setOrientation(Qt::Orientation orientation) {
  canvas()->setSwipeDivider(orientation, canvas()->swipeFraction());
}

double SwipeTool::fraction() const { return canvas()->swipeFraction(); }

void SwipeTool::setFraction(double fraction) { canvas()->setSwipeDivider(canvas()->swipeOrientation(), fraction); }

void SwipeTool::activated() {
  m_active = true;
  if (m_layerId.empty() || m_project->layerIndex(m_layerId) < 0) m_layerId = defaultLayer(m_project->project());
  m_renderConnection = connect(canvas(), &MapCanvas::renderStarted, this, &SwipeTool::startRender);
  canvas()->setExcludedLayers(m_layerId.empty() ? std::set<std::string>{} : std::set<std::string>{m_layerId});
  canvas()->refresh();
  emit layerChanged();
}

void SwipeTool::deactivated() {
  m_active = false;
  m_draggingDivider = false;
  disconnect(m_renderConnection);
  cancelRender();
  canvas()->setSwipeImage({}, {});
  canvas()->setExcludedLayers({});
}

void SwipeTool::cancelRender() {
  if (!m_job) return;
  // The old job finishes in the background and deletes itself; its image is dropped.
  m_job->cancel();
  disconnect(m_job, nullptr, this, nullptr);
  connect(m_job, &render::MapRenderJob::finished, m_job, &QObject::deleteLater);
  m_job = nullptr;
}

void SwipeTool::startRender(const render::MapSettings& settings) {
  cancelRender();
  const int index = m_project->layerIndex(m_layerId);
  if (index < 0 || !settings.isValid()) {
    canvas()->setSwipeImage({}, {});
    return;
  }
  render::MapSettings own = settings;
  own.setBackground(Qt::transparent);  // where the swipe layer has no data the map shows through
  std::vector<std::unique_ptr<render::LayerRenderer>> layers;
  layers.push_back(m_project->renderers().create(m_project->project().layers[std::size_t(index)]));
  auto* job = new render::MapRenderJob(own, std::move(layers), this);
  m_job = job;
  connect(job, &render::MapRenderJob::finished, this, [this, job] {
    if (job != m_job) return;
    m_job = nullptr;
    canvas()->setSwipeImage(job->image(), job->settings());
    job->deleteLater();
    emit swipeRendered();
  });
  job->start();
}

void SwipeTool::projectLayersChanged() {
  if (!m_active) return;
  if (m_project->layerIndex(m_layerId) >= 0) return;
  // The swipe layer was removed: fall back to the default one, or stop swiping.
  const std::string next = defaultLayer(m_project->project());
  if (next.empty()) canvas()->setMapTool(nullptr);
  else setLayerId(next);
}

bool SwipeTool::nearDivider(QPointF pixel) const {
  const double divider = canvas()->swipeDividerPixel();
  const double at = orientation() == Qt::Vertical ? pixel.x() : pixel.y();
  return std::abs(at - divider) <= kGrabDistance;
}

void SwipeTool::mousePress(QMouseEvent* event) {
  if (event->button() == Qt::RightButton) {
    showContextMenu(event->globalPosition().toPoint());
    return;
  }
  m_draggingDivider = event->button() == Qt::LeftButton && nearDivider(event->position());
}

void SwipeTool::mouseMove(QMouseEvent* event) {
  if (m_draggingDivider) {
    const bool vertical = orientation() == Qt::Vertical;
    const double extent = vertical ? canvas()->width() : canvas()->height();
    if (extent > 0) setFraction((vertical ? event->position().x() : event->position().y()) / extent);
    return;
  }
  const bool near = nearDivider(event->position());
  canvas()->setCursor(near ? QCursor(orientation() == Qt::Vertical ? Qt::SplitHCursor : Qt::SplitVCursor)
                           : cursor());
}

void SwipeTool::mouseRelease(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton) m_draggingDivider = false;
}

bool SwipeTool::keyPress(QKeyEvent* event) {
  if (event->key() == Qt::Key_O) {
    setOrientation(orientation() == Qt::Vertical ? Qt::Horizontal : Qt::Vertical);
    return true;
  }
  return false;
}

QCursor SwipeTool::cursor() const { return QCursor(Qt::OpenHandCursor); }

QString SwipeTool::layerName() const {
  const int index = m_project->layerIndex(m_layerId);
  return index < 0 ? QString() : QString::fromStdString(m_project->project().layers[std::size_t(index)].name);
}

void SwipeTool::paint(QPainter& painter) {
  const bool vertical = orientation() == Qt::Vertical;
  const double d = canvas()->swipeDividerPixel();
  const QPointF a = vertical ? QPointF(d, 0) : QPointF(0, d);
  const QPointF b = vertical ? QPointF(d, canvas()->height()) : QPointF(canvas()->width(), d);
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.setPen(QPen(QColor(0, 0, 0, 110), 4));
  painter.drawLine(a, b);
  painter.setPen(QPen(Qt::white, 2));
  painter.drawLine(a, b);
  // Round handle with two arrows in the middle of the divider.
  const QPointF centre = (a + b) / 2;
  painter.setPen(QPen(QColor(60, 60, 60), 1.5));
  painter.setBrush(QColor(255, 255, 255, 235));
  painter.drawEllipse(centre, kHandleRadius, kHandleRadius);
  QPainterPath arrows;
  const double s = 5.0;
  if (vertical) {
    arrows.moveTo(centre + QPointF(-2, -s));
    arrows.lineTo(centre + QPointF(-2 - s, 0));
    arrows.lineTo(centre + QPointF(-2, s));
    arrows.moveTo(centre + QPointF(2, -s));
    arrows.lineTo(centre + QPointF(2 + s, 0));
    arrows.lineTo(centre + QPointF(2, s));
  } else {
    arrows.moveTo(centre + QPointF(-s, -2));
    arrows.lineTo(centre + QPointF(0, -2 - s));
    arrows.lineTo(centre + QPointF(s, -2));
    arrows.moveTo(centre + QPointF(-s, 2));
    arrows.lineTo(centre + QPointF(0, 2 + s));
    arrows.lineTo(centre + QPointF(s, 2));
  }
  painter.setBrush(Qt::NoBrush);
  painter.drawPath(arrows);
  // The swipe layer's name on its side of the divider.
  const QString name = layerName();
  if (name.isEmpty()) return;
  const QFontMetrics metrics(painter.font());
  const QRectF box(0, 0, metrics.horizontalAdvance(name) + 12, metrics.height() + 6);
  QRectF label = box.translated(vertical ? d - box.width() - 8 : 8, vertical ? 8 : d - box.height() - 8);
  if (label.left() < 0 || label.top() < 0) return;
  painter.setPen(Qt::NoPen);
  painter.setBrush(QColor(0, 0, 0, 150));
  painter.drawRoundedRect(label, 3, 3);
  painter.setPen(Qt::white);
  painter.drawText(label, Qt::AlignCenter, name);
}

void SwipeTool::showContextMenu(QPoint globalPos) {
  QMenu menu(canvas());
  auto* group = new QActionGroup(&menu);
  for (auto it = m_project->project().layers.rbegin(); it != m_project->project().layers.rend(); ++it) {
    if (it->kind != project::LayerKind::Raster) continue;
    QAction* action = menu.addAction(QString::fromStdString(it->name));
    action->setCheckable(true);
    action->setChecked(it->id == m_layerId);
    action->setActionGroup(group);
    const std::string id = it->id;
    connect(action, &QAction::triggered, this, [this, id] { setLayerId(id); });
  }
  menu.addSeparator();
  menu.addAction(orientation() == Qt::Vertical ? tr("Horizontal Divider (O)") : tr("Vertical Divider (O)"), this,
                 [this] { setOrientation(orientation() == Qt::Vertical ? Qt::Horizontal : Qt::Vertical); });
  menu.addAction(tr("Stop Swiping"), this, [this] { canvas()->setMapTool(nullptr); });
  menu.exec(globalPos);
}

}  // namespace onemap::gui
