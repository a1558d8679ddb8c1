#include "onemap/gui/side_by_side_view.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/project/project.h"

namespace onemap::gui {

SideBySideView::SideBySideView(const WindowContext& context, QObject* parent)
    : QObject(parent), m_context(context) {}

SideBySideView::~SideBySideView() = default;

std::map<std::string, SideBySideView::Side> SideBySideView::defaultSides(const project::Project& project) {
  std::map<std::string, Side> sides;
  int rasters = 0;
  // Prefer visible rasters; hidden ones only when fewer than two are shown.
  for (const bool visibleOnly : {true, false}) {
    for (auto it = project.layers.rbegin(); it != project.layers.rend() && rasters < 2; ++it) {
      if (it->kind != project::LayerKind::Raster || (visibleOnly && !it->visible) || sides.contains(it->id)) continue;
      sides[it->id] = rasters == 0 ? Right : Left;
      ++rasters;
    }
  }
  return sides;
}

SideBySideView::Side SideBySideView::side(const std::string& layerId) const {
  const auto it = m_sides.find(layerId);
  return it == m_sides.end() ? Both : it->second;
}

void SideBySideView::setSide(const std::string& layerId, Side side) {
  m_sides[layerId] = side;
  if (!isOpen()) return;
  leftCanvas()->refresh();
  m_right->refresh();
}

void SideBySideView::open() {
  if (isOpen() || !m_context.window) return;
  m_sides = defaultSides(m_context.project->project());
  QMainWindow* window = m_context.window;
  MapCanvas* left = leftCanvas();
  // The map area becomes a splitter holding the main canvas and a second one.
  QWidget* central = window->takeCentralWidget();
  m_splitter = new QSplitter(Qt::Horizontal);
  m_splitter->setObjectName(QStringLiteral("sideBySideSplitter"));
  m_right = new MapCanvas(m_context.project);
  m_right->setObjectName(QStringLiteral("rightCanvas"));
  // Whatever the window had as its map area (the canvas) goes into the left pane.
  QWidget* mapArea = central ? central : left;
  m_splitter->addWidget(makePane(mapArea, Left, tr("Left")));
  m_splitter->addWidget(makePane(m_right, Right, tr("Right")));
  m_splitter->setChildrenCollapsible(false);
  window->setCentralWidget(m_splitter);
  m_splitter->setSizes({1000, 1000});
  mapArea->show();

  left->setLayerFilter([this](const project::LayerSpec& layer) { return (side(layer.id) & Left) != 0; });
  m_right->setLayerFilter([this](const project::LayerSpec& layer) { return (side(layer.id) & Right) != 0; });
  m_right->setExtent(left->extent().isEmpty() ? m_context.project->fullExtent() : left->extent());

  MapCanvas* right = m_right;
  connect(left, &MapCanvas::renderStarted, this,
          [this, left, right](const render::MapSettings& s) { follow(left, right, s); });
  connect(right, &MapCanvas::renderStarted, this,
          [this, left, right](const render::MapSettings& s) { follow(right, left, s); });
  connect(left, &MapCanvas::cursorMoved, right, [right](double x, double y) { right->setCrosshair(QPointF(x, y)); });
  connect(right, &MapCanvas::cursorMoved, left, [left](double x, double y) { left->setCrosshair(QPointF(x, y)); });
  connect(left, &MapCanvas::cursorLeft, right, [right] { right->setCrosshair(std::nullopt); });
  connect(right, &MapCanvas::cursorLeft, left, [left] { left->setCrosshair(std::nullopt); });
  emit openChanged(true);
}

void SideBySideView::close() {
  if (!isOpen()) return;
  QMainWindow* window = m_context.window;
  MapCanvas* left = leftCanvas();
  disconnect(left, nullptr, this, nullptr);
  left->setLayerFilter({});
  left->setCrosshair(std::nullopt);
  // Give the left pane's map widget back to the window, then drop the splitter and second canvas.
  QWidget* pane = m_splitter->widget(0);
  QWidget* mapArea = pane->layout()->count() > 1 ? pane->layout()->itemAt(1)->widget() : nullptr;
  QWidget* splitter = window->takeCentralWidget();
  if (mapArea) {
    mapArea->setParent(nullptr);
    window->setCentralWidget(mapArea);
    mapArea->show();
  }
  m_right = nullptr;
  delete splitter;
  left->refresh();
  emit openChanged(false);
}

QWidget* SideBySideView::makePane(QWidget* content, Side side, const QString& title) {
  auto* pane = new QWidget;
  auto* layout = new QVBoxLayout(pane);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  auto* header = new QWidget(pane);
  auto* headerLayout = new QHBoxLayout(header);
  headerLayout->setContentsMargins(6, 2, 6, 2);
  auto* label = new QLabel(title, header);
  QFont bold = label->font();
  bold.setBold(true);
  label->setFont(bold);
  headerLayout->addWidget(label);
  auto* layers = new QToolButton(header);
  layers->setText(tr("Layers"));
  layers->setToolTip(tr("Choose the layers drawn in this view"));
  layers->setPopupMode(QToolButton::InstantPopup);
  layers->setObjectName(side == Left ? QStringLiteral("leftLayersButton") : QStringLiteral("rightLayersButton"));
  auto* menu = new QMenu(layers);
  layers->setMenu(menu);
  connect(menu, &QMenu::aboutToShow, this, [this, layers, side] { fillLayerMenu(layers, side); });
  headerLayout->addWidget(layers);
  headerLayout->addStretch(1);
  if (side == Right) {
    auto* closeButton = new QToolButton(header);
    closeButton->setText(tr("Close Side-by-Side View"));
    connect(closeButton, &QToolButton::clicked, this, &SideBySideView::close);
    headerLayout->addWidget(closeButton);
  }
  layout->addWidget(header);
  layout->addWidget(content, 1);
  return pane;
}

void SideBySideView::fillLayerMenu(QToolButton* button, Side side) {
  QMenu* menu = button->menu();
  menu->clear();
  const auto& layers = m_context.project->project().layers;
  if (layers.empty()) menu->addAction(tr("(no layers)"))->setEnabled(false);
  for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
    QAction* action = menu->addAction(QString::fromStdString(it->name));
    action->setCheckable(true);
    action->setChecked((this->side(it->id) & side) != 0);
    const std::string id = it->id;
    connect(action, &QAction::toggled, this, [this, id, side](bool on) {
      const int current = this->side(id);
      setSide(id, Side(on ? (current | side) : (current & ~side)));
    });
  }
}

void SideBySideView::follow(MapCanvas* from, MapCanvas* to, const render::MapSettings& settings) {
  if (m_syncing || !to || !settings.isValid() || to->width() <= 0 || to->height() <= 0) return;
  const double upp = settings.mapUnitsPerPixel();
  const Extent& v = settings.visibleExtent();
  const double halfW = to->width() * upp / 2.0;
  const double halfH = to->height() * upp / 2.0;
  const Extent wanted(v.centerX() - halfW, v.centerY() - halfH, v.centerX() + halfW, v.centerY() + halfH);
  const render::MapSettings now = to->currentSettings();
  if (now.isValid()) {
    const Extent& have = now.visibleExtent();
    const double tolerance = upp * 0.01;
    if (std::abs(have.minX() - wanted.minX()) < tolerance && std::abs(have.maxX() - wanted.maxX()) < tolerance &&
        std::abs(have.minY() - wanted.minY()) < tolerance && std::abs(have.maxY() - wanted.maxY()) < tolerance)
      return;
  }
  Q_UNUSED(from);
  m_syncing = true;
  to->setExtent(wanted);
  m_syncing = false;
}

}  // namespace onemap::gui
