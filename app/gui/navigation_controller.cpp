#include "onemap/gui/navigation_controller.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QRegularExpression>
#include <QStatusBar>
#include <QToolBar>

#include <cmath>

#include "onemap/gui/map_canvas.h"
#include "onemap/gui/map_tool.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/tool_icons.h"
#include "onemap/gui/zoom_box_tool.h"
#include "onemap/proj/crs_description.h"

namespace onemap::gui {
namespace {

constexpr double kMetresPerInch = 0.0254;
constexpr double kMetresPerDegreeAtEquator = 6378137.0 * 3.14159265358979323846 / 180.0;

}  // namespace

NavigationController::NavigationController(const WindowContext& context, QObject* parent)
    : QObject(parent), m_context(context), m_zoomBox(new ZoomBoxTool(context.canvas)) {
  setObjectName(QStringLiteral("navigationController"));
  createActions();
  MapCanvas* canvas = m_context.canvas;
  connect(canvas, &MapCanvas::extentChanged, this, [this](const Extent& extent) {
    record(extent);
    showScale();
  });
  connect(canvas, &MapCanvas::renderFinished, this, [this] { showScale(); });
  connect(canvas, &MapCanvas::mapToolChanged, this, [this](MapTool* tool) {
    m_pan->setChecked(tool == nullptr);
    m_zoomBoxAction->setChecked(tool == m_zoomBox);
  });
  // A new project or CRS makes the old extents meaningless.
  connect(m_context.project, &ProjectController::crsChanged, this, [this] {
    m_history.clear();
    m_index = -1;
    m_geographic = false;
    if (auto d = proj::describeCrs(m_context.project->mapCrs())) m_geographic = d->isGeographic;
    updateActions();
  });
  updateActions();
}

const std::vector<int>& NavigationController::fixedScales() {
  static const std::vector<int> scales{2000, 5000, 10000, 25000, 50000, 100000, 250000, 500000};
  return scales;
}

void NavigationController::createActions() {
  MapCanvas* canvas = m_context.canvas;
  QMenu* view = m_context.viewMenu;
  QToolBar* bar = m_context.navigationBar;
  const auto add = [&](QAction* action) {
    if (view) view->addAction(action);
    if (bar) bar->addAction(action);
  };

  m_pan = new QAction(toolIcon(ToolIcon::Pan), tr("&Pan"), this);
  m_pan->setCheckable(true);
  m_pan->setChecked(canvas->mapTool() == nullptr);
  m_pan->setToolTip(tr("Pan the map by dragging (the middle button always pans)"));
  connect(m_pan, &QAction::triggered, this, [canvas] { canvas->setMapTool(nullptr); });
  add(m_pan);

  m_zoomBoxAction = new QAction(toolIcon(ToolIcon::ZoomBox), tr("Zoom &Box"), this);
  m_zoomBoxAction->setCheckable(true);
  m_zoomBoxAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
  m_zoomBoxAction->setToolTip(tr("Drag a rectangle to zoom in; Shift-drag or right-drag zooms out"));
  connect(m_zoomBoxAction, &QAction::triggered, this, [this, canvas](bool checked) {
    canvas->setMapTool(checked ? m_zoomBox : nullptr);
  });
  add(m_zoomBoxAction);

  auto* zoomIn = new QAction(toolIcon(ToolIcon::ZoomIn), tr("Zoom &In"), this);
  zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
  connect(zoomIn, &QAction::triggered, this, &NavigationController::zoomIn);
  add(zoomIn);
  auto* zoomOut = new QAction(toolIcon(ToolIcon::ZoomOut), tr("Zoom &Out"), this);
  zoomOut->setShortcut(QKeySequence::ZoomOut);
  connect(zoomOut, &QAction::triggered, this, &NavigationController::zoomOut);
  add(zoomOut);
  auto* full = new QAction(toolIcon(ToolIcon::FullExtent), tr("Zoom to &Full Extent"), this);
  full->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
  connect(full, &QAction::triggered, this, &NavigationController::zoomToFullExtent);
  add(full);

  m_previous = new QAction(toolIcon(ToolIcon::Previous), tr("Pre&vious Extent"), this);
  m_previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
  connect(m_previous, &QAction::triggered, this, &NavigationController::previousExtent);
  if (view) view->addSeparator();
  add(m_previous);
  m_next = new QAction(toolIcon(ToolIcon::Next), tr("Ne&xt Extent"), this);
  m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
  connect(m_next, &QAction::triggered, this, &NavigationController::nextExtent);
  add(m_next);

  m_scaleBox = new QComboBox();
  m_scaleBox->setObjectName(QStringLiteral("scaleBox"));
  m_scaleBox->setEditable(true);
  m_scaleBox->setInsertPolicy(QComboBox::NoInsert);
  m_scaleBox->setMinimumContentsLength(10);
  m_scaleBox->setToolTip(tr("Map scale: pick one or type e.g. 1:15000 and press Enter"));
  for (int s : fixedScales()) m_scaleBox->addItem(formatScale(s), s);
  connect(m_scaleBox, &QComboBox::activated, this,
          [this](int index) { applyScaleText(m_scaleBox->itemText(index)); });
  connect(m_scaleBox->lineEdit(), &QLineEdit::returnPressed, this,
          [this] { applyScaleText(m_scaleBox->lineEdit()->text()); });
  if (bar) {
    bar->addSeparator();
    bar->addWidget(m_scaleBox);
  } else {
    m_scaleBox->setParent(canvas);
    m_scaleBox->hide();
  }
}

std::optional<double> NavigationController::parseScale(const QString& text) {
  QString t = text.trimmed();
  t.replace(QChar(0xFF1A), QLatin1Char(':'));  // full-width colon from Chinese input methods
  t.remove(QLatin1Char(',')).remove(QChar(0xFF0C)).remove(QLatin1Char(' '));
  static const QRegularExpression pattern(QStringLiteral("^(?:1:)?(\\d+(?:\\.\\d+)?)$"));
  const auto match = pattern.match(t);
  if (!match.hasMatch()) return std::nullopt;
  bool ok = false;
  const double value = match.captured(1).toDouble(&ok);
  if (!ok || value <= 0 || !std::isfinite(value)) return std::nullopt;
  return value;
}

QString NavigationController::formatScale(double denominator) {
  return QStringLiteral("1:%1").arg(qRound64(denominator));
}

double NavigationController::metresPerUnit() const {
  if (!m_geographic) return 1.0;
  const double lat = m_context.canvas->currentSettings().visibleExtent().centerY();
  return kMetresPerDegreeAtEquator * std::max(0.01, std::cos(lat * 3.14159265358979323846 / 180.0));
}

double NavigationController::scale() const {
  const render::MapSettings s = m_context.canvas->currentSettings();
  if (!s.isValid()) return 0.0;
  return s.scaleDenominator() * metresPerUnit();
}

void NavigationController::setScale(double denominator) {
  MapCanvas* canvas = m_context.canvas;
  const render::MapSettings s = canvas->currentSettings();
  if (!s.isValid() || denominator <= 0) return;
  const double unitsPerPixel = denominator * kMetresPerInch / s.dpi() / metresPerUnit();
  const Extent v = s.visibleExtent();
  const double halfW = unitsPerPixel * s.outputSize().width() / 2.0;
  const double halfH = unitsPerPixel * s.outputSize().height() / 2.0;
  canvas->setExtent(Extent(v.centerX() - halfW, v.centerY() - halfH, v.centerX() + halfW, v.centerY() + halfH));
}

void NavigationController::zoomIn() { m_context.canvas->zoomBy(0.5, QRectF(m_context.canvas->rect()).center()); }

void NavigationController::zoomOut() { m_context.canvas->zoomBy(2.0, QRectF(m_context.canvas->rect()).center()); }

void NavigationController::zoomToFullExtent() { m_context.canvas->zoomToFullExtent(); }

void NavigationController::previousExtent() {
  if (canGoBack()) goTo(m_index - 1);
}

void NavigationController::nextExtent() {
  if (canGoForward()) goTo(m_index + 1);
}

void NavigationController::goTo(int index) {
  m_index = index;
  m_navigating = true;
  m_context.canvas->setExtent(m_history[std::size_t(index)]);
  m_navigating = false;
  m_lastRecord.invalidate();  // the next change is a new step, not merged into this one
  updateActions();
}

void NavigationController::record(const Extent& extent) {
  if (m_navigating || extent.isEmpty()) return;
  if (m_index >= 0 && m_history[std::size_t(m_index)] == extent) return;
  // Going somewhere new drops the extents after the current one (like a browser).
  m_history.resize(std::size_t(m_index + 1));
  const bool merge = m_index > 0 && m_lastRecord.isValid() && m_lastRecord.elapsed() < m_mergeMs;
  if (merge) {
    m_history.back() = extent;
  } else {
    m_history.push_back(extent);
    if (int(m_history.size()) > kMaxHistory) m_history.erase(m_history.begin());
  }
  m_index = int(m_history.size()) - 1;
  m_lastRecord.start();
  updateActions();
}

void NavigationController::updateActions() {
  m_previous->setEnabled(canGoBack());
  m_next->setEnabled(canGoForward());
}

void NavigationController::showScale() {
  if (m_scaleBox->lineEdit()->hasFocus()) return;  // the user is typing
  const double s = scale();
  m_scaleBox->setEditText(s > 0 ? formatScale(s) : QString());
}

void NavigationController::applyScaleText(const QString& text) {
  const auto denominator = parseScale(text);
  if (!denominator) {
    if (m_context.statusBar)
      m_context.statusBar->showMessage(
          tr("“%1” is not a scale: type it as 1:10000 or 10000").arg(text), 5000);
    m_scaleBox->lineEdit()->clearFocus();
    showScale();
    return;
  }
  setScale(*denominator);
  m_scaleBox->lineEdit()->clearFocus();
  m_context.canvas->setFocus();
  showScale();
}

}  // namespace onemap::gui
