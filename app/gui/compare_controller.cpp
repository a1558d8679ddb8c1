#include "onemap/gui/compare_controller.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QPainter>
#include <QStatusBar>
#include <QToolBar>

#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/side_by_side_view.h"
#include "onemap/gui/swipe_tool.h"
#include "onemap/project/project.h"

namespace onemap::gui {
namespace {

// Small drawn icons: a frame split by a divider (swipe) or two frames (side by side).
QIcon compareIcon(bool twoFrames) {
  QPixmap pixmap(32, 32);
  pixmap.fill(Qt::transparent);
  QPainter p(&pixmap);
  p.setRenderHint(QPainter::Antialiasing, true);
  if (twoFrames) {
    p.fillRect(QRectF(3, 7, 12, 18), QColor(120, 160, 90));
    p.fillRect(QRectF(17, 7, 12, 18), QColor(190, 140, 90));
    p.setPen(QPen(QColor(50, 50, 50), 1.5));
    p.drawRect(QRectF(3, 7, 12, 18));
    p.drawRect(QRectF(17, 7, 12, 18));
  } else {
    p.fillRect(QRectF(4, 6, 12, 20), QColor(120, 160, 90));
    p.fillRect(QRectF(16, 6, 12, 20), QColor(190, 140, 90));
    p.setPen(QPen(QColor(50, 50, 50), 1.5));
    p.drawRect(QRectF(4, 6, 24, 20));
    p.setPen(QPen(Qt::white, 2.5));
    p.drawLine(QPointF(16, 3), QPointF(16, 29));
  }
  return QIcon(pixmap);
}

}  // namespace

CompareController::CompareController(const WindowContext& context, QObject* parent)
    : QObject(parent),
      m_context(context),
      m_swipe(new SwipeTool(context.canvas, context.project)),
      m_sideBySide(new SideBySideView(context, this)) {
  m_swipeAction = new QAction(compareIcon(false), tr("S&wipe"), this);
  m_swipeAction->setObjectName(QStringLiteral("swipeAction"));
  m_swipeAction->setCheckable(true);
  m_swipeAction->setToolTip(tr("Swipe: show one image left of a divider you drag over the map (O flips the divider)"));
  connect(m_swipeAction, &QAction::toggled, this, &CompareController::toggleSwipe);
  connect(m_swipe, &MapTool::activeChanged, m_swipeAction, &QAction::setChecked);

  m_swipeLayerMenu = new QMenu(tr("Swipe &Layer"), m_context.window);
  m_swipeLayerMenu->setObjectName(QStringLiteral("swipeLayerMenu"));
  connect(m_swipeLayerMenu, &QMenu::aboutToShow, this, &CompareController::fillSwipeLayerMenu);

  m_sideBySideAction = new QAction(compareIcon(true), tr("Side-by-Side &View"), this);
  m_sideBySideAction->setObjectName(QStringLiteral("sideBySideAction"));
  m_sideBySideAction->setCheckable(true);
  m_sideBySideAction->setToolTip(tr("Two linked maps side by side, e.g. the earlier image left and the later one right"));
  connect(m_sideBySideAction, &QAction::toggled, this, [this](bool on) {
    if (on == m_sideBySide->isOpen()) return;
    if (on) m_sideBySide->open();
    else m_sideBySide->close();
  });
  connect(m_sideBySide, &SideBySideView::openChanged, m_sideBySideAction, &QAction::setChecked);

  if (m_context.toolsMenu) {
    m_context.toolsMenu->addSeparator();
    m_context.toolsMenu->addAction(m_swipeAction);
    m_context.toolsMenu->addMenu(m_swipeLayerMenu);
  }
  if (m_context.viewMenu) {
    m_context.viewMenu->addSeparator();
    m_context.viewMenu->addAction(m_sideBySideAction);
  }
  if (m_context.toolsBar) {
    m_context.toolsBar->addAction(m_swipeAction);
    m_context.toolsBar->addAction(m_sideBySideAction);
  }
}

void CompareController::toggleSwipe(bool on) {
  MapCanvas* canvas = m_context.canvas;
  if (!on) {
    if (canvas->mapTool() == m_swipe) canvas->setMapTool(nullptr);
    return;
  }
  if (canvas->mapTool() == m_swipe) return;
  if (SwipeTool::defaultLayer(m_context.project->project()).empty() && m_swipe->layerId().empty()) {
    if (m_context.statusBar)
      m_context.statusBar->showMessage(tr("Swipe needs a raster layer: add the images of the two dates first."), 8000);
    m_swipeAction->setChecked(false);
    return;
  }
  canvas->setMapTool(m_swipe);
  if (m_context.statusBar)
    m_context.statusBar->showMessage(tr("Drag the divider to compare; O flips it, right-click chooses the layer, Esc stops."), 8000);
}

void CompareController::fillSwipeLayerMenu() {
  m_swipeLayerMenu->clear();
  auto* group = new QActionGroup(m_swipeLayerMenu);
  const auto& layers = m_context.project->project().layers;
  const std::string current =
      m_swipe->layerId().empty() ? SwipeTool::defaultLayer(m_context.project->project()) : m_swipe->layerId();
  for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
    if (it->kind != project::LayerKind::Raster) continue;
    QAction* action = m_swipeLayerMenu->addAction(QString::fromStdString(it->name));
    action->setCheckable(true);
    action->setChecked(it->id == current);
    action->setActionGroup(group);
    const std::string id = it->id;
    connect(action, &QAction::triggered, this, [this, id] {
      m_swipe->setLayerId(id);
      if (m_context.canvas->mapTool() != m_swipe) m_swipeAction->setChecked(true);
    });
  }
  if (m_swipeLayerMenu->isEmpty()) m_swipeLayerMenu->addAction(tr("(no raster layers)"))->setEnabled(false);
}

}  // namespace onemap::gui
