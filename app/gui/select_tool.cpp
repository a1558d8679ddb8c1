#include "onemap/gui/select_tool.h"

#include <QAction>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QStatusBar>
#include <QToolBar>
#include <QtConcurrent/QtConcurrent>

#include "onemap/gui/abandon_watcher.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/tool_icons.h"
#include "onemap/gui/window_context.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::gui {
namespace {

constexpr int kDragPixels = 4;
constexpr std::size_t kMaxSelected = 200000;

/// The features of `layer` that `rect` touches (a click: those under its centre).
std::vector<FeatureShape> findFeatures(const project::LayerSpec& layer, const std::string& mapCrs, QRectF rect,
                                       bool isClick, Feedback feedback) {
  std::vector<FeatureShape> found;
  vector::OpenOptions open;
  open.encoding = layer.encoding;
  auto reader = vector::FeatureReader::open(layer.source, layer.layerName, open);
  if (!reader) return found;
  vector::ReadOptions options;
  options.targetCrs = mapCrs;
  options.filter = Extent(rect.left(), rect.top(), rect.right(), rect.bottom());
  options.repairInvalid = false;
  const QPointF centre = rect.center();
  const double tolerance = rect.width() / 2.0;
  (void)reader->forEach(options, &feedback, [&](const vector::Feature& feature) {
    if (feature.wkb.empty()) return true;
    FeatureShape shape = FeatureShape::fromWkb(feature.fid, feature.wkb);
    if (shape.isEmpty()) return true;
    if (isClick ? shape.isHitBy(centre, tolerance) : shape.intersects(rect)) found.push_back(std::move(shape));
    return found.size() < kMaxSelected && !feedback.isCanceled();
  });
  return found;
}

}  // namespace

SelectTool::SelectTool(MapCanvas* canvas, ProjectController* project, SelectionModel* selection)
    : MapTool(canvas), m_project(project), m_selection(selection) {
  setObjectName(QStringLiteral("selectTool"));
}

SelectTool::~SelectTool() {
  m_feedback.cancel();
  if (m_watcher) m_watcher->waitForFinished();
}

SelectTool* SelectTool::install(const WindowContext& context) {
  SelectionModel* selection = SelectionModel::forWindow(context);
  auto* tool = new SelectTool(context.canvas, context.project, selection);
  auto* select = new QAction(toolIcon(ToolIcon::Select), tr("&Select Features"), tool);
  select->setCheckable(true);
  select->setToolTip(tr("Select features: click one or drag a rectangle; Shift adds, Ctrl removes. "
                        "Works on the attribute table's layer, else the top vector layer"));
  auto* clear = new QAction(toolIcon(ToolIcon::ClearSelection), tr("&Clear Selection"), tool);
  clear->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
  for (QAction* action : {select, clear}) {
    if (context.toolsMenu) context.toolsMenu->addAction(action);
    if (context.toolsBar) context.toolsBar->addAction(action);
  }
  QObject::connect(select, &QAction::triggered, tool, [tool, canvas = context.canvas](bool checked) {
    canvas->setMapTool(checked ? tool : nullptr);
  });
  QObject::connect(context.canvas, &MapCanvas::mapToolChanged, tool,
                   [tool, select](MapTool* active) { select->setChecked(active == tool); });
  QObject::connect(clear, &QAction::triggered, tool, [selection] { selection->clearAll(); });
  if (QStatusBar* bar = context.statusBar)
    QObject::connect(tool, &SelectTool::selected, bar, [bar](const QString& layer, int count) {
      bar->showMessage(tr("%1: %2 features found").arg(layer).arg(count), 5000);
    });
  return tool;
}

std::string SelectTool::targetLayer() const {
  const auto& layers = m_project->project().layers;
  const int active = m_project->layerIndex(m_selection->activeLayer());
  if (active >= 0 && layers[std::size_t(active)].kind == project::LayerKind::Vector) return layers[std::size_t(active)].id;
  for (auto it = layers.rbegin(); it != layers.rend(); ++it)
    if (it->visible && it->kind == project::LayerKind::Vector) return it->id;
  return {};
}

void SelectTool::select(const QRectF& mapRect, bool isClick, Mode mode) {
  const std::string layerId = targetLayer();
  const int index = m_project->layerIndex(layerId);
  if (index < 0) return;
  const project::LayerSpec layer = m_project->project().layers[std::size_t(index)];
  m_feedback.cancel();
  abandonWatcher(m_watcher, this);
  m_feedback = Feedback();
  auto* watcher = new QFutureWatcher<std::vector<FeatureShape>>();
  m_watcher.reset(watcher);
  const QString name = QString::fromStdString(layer.name);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, layerId, mode, name] {
    if (m_watcher.get() != watcher) return;
    std::vector<FeatureShape> found = watcher->result();
    m_watcher.release()->deleteLater();
    const int count = int(found.size());
    if (mode == Mode::Replace) {
      m_selection->setSelectedShapes(layerId, std::move(found));
    } else if (mode == Mode::Add) {
      m_selection->mergeSelection(layerId, std::move(found), {});
    } else {
      std::vector<std::int64_t> removed;
      for (const auto& shape : found) removed.push_back(shape.fid);
      m_selection->mergeSelection(layerId, {}, removed);
    }
    emit selected(name, count);
  });
  watcher->setFuture(QtConcurrent::run([layer, crs = m_project->mapCrs(), mapRect, isClick, feedback = m_feedback] {
    return findFeatures(layer, crs, mapRect, isClick, feedback);
  }));
}

void SelectTool::mousePress(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  m_dragging = true;
  m_start = m_current = event->position().toPoint();
}

void SelectTool::mouseMove(QMouseEvent* event) {
  if (!m_dragging) return;
  m_current = event->position().toPoint();
  canvas()->update();
}

void SelectTool::mouseRelease(QMouseEvent* event) {
  if (!m_dragging || event->button() != Qt::LeftButton) return;
  m_dragging = false;
  m_current = event->position().toPoint();
  canvas()->update();
  const Mode mode = (event->modifiers() & Qt::ShiftModifier)     ? Mode::Add
                    : (event->modifiers() & Qt::ControlModifier) ? Mode::Remove
                                                                 : Mode::Replace;
  const double upp = canvas()->currentSettings().mapUnitsPerPixel();
  const bool isClick = (m_current - m_start).manhattanLength() < kDragPixels;
  if (isClick) {
    const QPointF p = canvas()->toMap(QPointF(m_current));
    const double tolerance = 5.0 * upp;
    select(QRectF(p.x() - tolerance, p.y() - tolerance, 2 * tolerance, 2 * tolerance), true, mode);
    return;
  }
  const QPointF a = canvas()->toMap(QPointF(m_start));
  const QPointF b = canvas()->toMap(QPointF(m_current));
  select(QRectF(a, b).normalized(), false, mode);
}

bool SelectTool::keyPress(QKeyEvent* event) {
  if (event->key() == Qt::Key_Escape && m_dragging) {
    m_dragging = false;
    canvas()->update();
    return true;
  }
  return false;
}

void SelectTool::paint(QPainter& painter) {
  if (!m_dragging || (m_current - m_start).manhattanLength() < kDragPixels) return;
  painter.setPen(QPen(QColor(180, 130, 0), 1, Qt::DashLine));
  painter.setBrush(QColor(255, 215, 0, 50));
  painter.drawRect(QRect(m_start, m_current).normalized());
}

}  // namespace onemap::gui
