#include "onemap/gui/measure_tool.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineF>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolBar>

#include <cmath>

#include "onemap/base/units.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/tool_icons.h"
#include "onemap/gui/window_context.h"
#include "onemap/i18n/translations.h"
#include "onemap/proj/crs_description.h"
#include "onemap/proj/geodesic.h"
#include "onemap/proj/transform.h"

namespace onemap::gui {
namespace {

double planarLength(const std::vector<QPointF>& points, bool closed) {
  double total = 0.0;
  for (std::size_t i = 1; i < points.size(); ++i) total += std::hypot(points[i].x() - points[i - 1].x(), points[i].y() - points[i - 1].y());
  if (closed && points.size() > 2)
    total += std::hypot(points.front().x() - points.back().x(), points.front().y() - points.back().y());
  return total;
}

double shoelaceArea(const std::vector<QPointF>& points) {
  if (points.size() < 3) return 0.0;
  double twice = 0.0;
  // Relative to the first vertex: GK coordinates are large, differences keep the precision.
  const QPointF o = points.front();
  for (std::size_t i = 0; i < points.size(); ++i) {
    const QPointF a = points[i] - o;
    const QPointF b = points[(i + 1) % points.size()] - o;
    twice += a.x() * b.y() - b.x() * a.y();
  }
  return std::abs(twice) / 2.0;
}

}  // namespace

MeasureTool::MeasureTool(MapCanvas* canvas, ProjectController* project) : MapTool(canvas), m_project(project) {
  setObjectName(QStringLiteral("measureTool"));
  connect(project, &ProjectController::crsChanged, this, [this] {
    updateCrs();
    clear();
  });
  connect(project, &ProjectController::layersChanged, this, &MeasureTool::updateCrs);
  updateCrs();
}

MeasureTool::~MeasureTool() = default;

MeasureTool* MeasureTool::install(const WindowContext& context) {
  auto* tool = new MeasureTool(context.canvas, context.project);
  auto* distance = new QAction(toolIcon(ToolIcon::MeasureLine), tr("Measure &Distance"), tool);
  distance->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
  distance->setToolTip(tr("Measure a distance: click points, double-click to finish, Esc to clear"));
  auto* area = new QAction(toolIcon(ToolIcon::MeasureArea), tr("Measure &Area"), tool);
  area->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
  area->setToolTip(tr("Measure an area in m², 亩 and ha: click the corners, double-click to finish"));
  for (QAction* action : {distance, area}) {
    action->setCheckable(true);
    if (context.toolsMenu) context.toolsMenu->addAction(action);
    if (context.toolsBar) context.toolsBar->addAction(action);
  }
  const auto activate = [tool, canvas = context.canvas](Mode mode, bool checked) {
    if (!checked) {
      if (canvas->mapTool() == tool) canvas->setMapTool(nullptr);
      return;
    }
    tool->setMode(mode);
    canvas->setMapTool(tool);
  };
  QObject::connect(distance, &QAction::triggered, tool, [activate](bool c) { activate(Mode::Distance, c); });
  QObject::connect(area, &QAction::triggered, tool, [activate](bool c) { activate(Mode::Area, c); });
  const auto sync = [tool, distance, area, canvas = context.canvas] {
    const bool active = canvas->mapTool() == tool;
    distance->setChecked(active && tool->mode() == Mode::Distance);
    area->setChecked(active && tool->mode() == Mode::Area);
  };
  QObject::connect(context.canvas, &MapCanvas::mapToolChanged, tool, sync);
  QObject::connect(tool, &MeasureTool::measurementChanged, tool, sync);
  return tool;
}

void MeasureTool::setMode(Mode mode) {
  if (mode == m_mode) return;
  m_mode = mode;
  clear();
}

void MeasureTool::updateCrs() {
  const std::string& crs = m_project->mapCrs();
  m_toLonLat.reset();
  m_planarValid = false;
  m_crsName.clear();
  if (crs.empty()) return;
  if (auto d = proj::describeCrs(crs)) {
    m_planarValid = !d->isGeographic && (d->linearUnit.empty() || d->linearUnit == "metre");
    m_crsName = d->epsg > 0 ? QStringLiteral("EPSG:%1").arg(d->epsg)
                            : QString::fromStdString(i18n::isChinese() ? d->nameZh : d->nameEn);
  }
  if (auto t = proj::Transform::create(crs, "EPSG:4490")) m_toLonLat = std::make_unique<proj::Transform>(std::move(*t));
}

Measurement MeasureTool::measure(const std::vector<QPointF>& points) const {
  Measurement m;
  const bool area = m_mode == Mode::Area;
  m.planarValid = m_planarValid;
  if (m_planarValid) {
    m.lengthPlanar = planarLength(points, area);
    if (points.size() >= 2)
      m.lastSegmentPlanar = std::hypot(points.back().x() - points[points.size() - 2].x(),
                                       points.back().y() - points[points.size() - 2].y());
    if (area) m.areaPlanar = shoelaceArea(points);
  }
  if (m_toLonLat) {
    std::vector<proj::LonLat> lonLat;
    lonLat.reserve(points.size());
    bool ok = true;
    for (const QPointF& p : points) {
      double x = p.x();
      double y = p.y();
      if (!m_toLonLat->apply(x, y) || !std::isfinite(x) || !std::isfinite(y)) {
        ok = false;
        break;
      }
      lonLat.push_back({x, y});
    }
    m.ellipsoidalValid = ok;
    if (ok) {
      if (area) {
        m.lengthEllipsoidal = proj::geodesicPerimeter(lonLat);
        m.areaEllipsoidal = proj::geodesicArea(lonLat);
      } else {
        m.lengthEllipsoidal = proj::geodesicLength(lonLat);
      }
      if (lonLat.size() >= 2)
        m.lastSegmentEllipsoidal = proj::geodesicDistance(lonLat[lonLat.size() - 2], lonLat.back());
    }
  }
  return m;
}

QString MeasureTool::formatLength(double metres) {
  const QLocale locale;
  if (std::abs(metres) < 1000.0) return tr("%1 m").arg(locale.toString(metres, 'f', 2));
  return tr("%1 km").arg(locale.toString(metres / 1000.0, 'f', 3));
}

QString MeasureTool::formatArea(double squareMetres) {
  const QLocale locale;
  return tr("%1 m² = %2 亩 = %3 ha")
      .arg(locale.toString(squareMetres, 'f', 2), locale.toString(units::squareMetresToMu(squareMetres), 'f', 2),
           locale.toString(units::squareMetresToHectares(squareMetres), 'f', 4));
}

std::vector<QPointF> MeasureTool::livePoints() const {
  std::vector<QPointF> points = m_points;
  if (!m_finished && m_cursor && !points.empty()) points.push_back(*m_cursor);
  return points;
}

QStringList MeasureTool::resultLines() const {
  QStringList lines;
  const std::vector<QPointF> points = livePoints();
  const Measurement m = measure(points);
  const QString planar = tr("planar, %1 plane").arg(m_crsName);
  const QString ellipsoidal = tr("ellipsoidal, CGCS2000 ellipsoid");
  if (m_mode == Mode::Distance) {
    lines << tr("Distance");
    if (points.size() >= 2) {
      if (m.planarValid) lines << tr("Segment: %1").arg(formatLength(m.lastSegmentPlanar));
      else if (m.ellipsoidalValid) lines << tr("Segment: %1").arg(formatLength(m.lastSegmentEllipsoidal));
      if (m.planarValid) lines << tr("Total (%1): %2").arg(planar, formatLength(m.lengthPlanar));
      if (m.ellipsoidalValid) lines << tr("Total (%1): %2").arg(ellipsoidal, formatLength(m.lengthEllipsoidal));
    }
  } else {
    lines << tr("Area");
    if (points.size() >= 3) {
      if (m.planarValid) lines << tr("Area (%1): %2").arg(planar, formatArea(m.areaPlanar));
      if (m.ellipsoidalValid) lines << tr("Area (%1): %2").arg(ellipsoidal, formatArea(m.areaEllipsoidal));
      if (m.planarValid) lines << tr("Perimeter (%1): %2").arg(planar, formatLength(m.lengthPlanar));
      else if (m.ellipsoidalValid)
        lines << tr("Perimeter (%1): %2").arg(ellipsoidal, formatLength(m.lengthEllipsoidal));
    }
  }
  if (m_points.empty() || m_finished)
    lines << tr("Click to add points; double-click or right-click finishes; Esc clears.");
  return lines;
}

void MeasureTool::addPoint(QPointF mapPoint) {
  if (m_finished) clear();
  m_points.push_back(mapPoint);
  canvas()->update();
  emit measurementChanged();
}

void MeasureTool::finish() {
  if (m_points.empty()) return;
  m_finished = true;
  canvas()->update();
  emit measurementChanged();
}

void MeasureTool::clear() {
  m_points.clear();
  m_finished = false;
  canvas()->update();
  emit measurementChanged();
}

void MeasureTool::mousePress(QMouseEvent* event) {
  if (event->button() == Qt::RightButton) {
    finish();
    return;
  }
  if (event->button() != Qt::LeftButton) return;
  addPoint(canvas()->toMap(event->position()));
}

void MeasureTool::mouseMove(QMouseEvent* event) {
  m_cursor = canvas()->toMap(event->position());
  if (!m_points.empty() && !m_finished) canvas()->update();
}

void MeasureTool::mouseDoubleClick(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  // The first click of the double-click already added the vertex; when the platform also sent
  // the second press, drop the duplicate it added.
  const std::size_t n = m_points.size();
  if (n >= 2) {
    const QTransform toPixel = canvas()->mapToPixelTransform();
    if (QLineF(toPixel.map(m_points[n - 1]), toPixel.map(m_points[n - 2])).length() < 3.0) m_points.pop_back();
  }
  finish();
}

bool MeasureTool::keyPress(QKeyEvent* event) {
  if (event->key() == Qt::Key_Escape && !m_points.empty()) {
    clear();
    return true;
  }
  if (event->key() == Qt::Key_Backspace && !m_points.empty() && !m_finished) {
    m_points.pop_back();
    canvas()->update();
    emit measurementChanged();
    return true;
  }
  return false;
}

void MeasureTool::deactivated() {
  m_cursor.reset();
  clear();
}

void MeasureTool::paint(QPainter& painter) {
  painter.setRenderHint(QPainter::Antialiasing, true);
  const QTransform toPixel = canvas()->mapToPixelTransform();
  const std::vector<QPointF> points = livePoints();
  QPolygonF pixels;
  for (const QPointF& p : points) pixels << toPixel.map(p);
  if (!pixels.isEmpty()) {
    const QColor line(220, 38, 38);
    if (m_mode == Mode::Area && pixels.size() >= 3) {
      painter.setPen(Qt::NoPen);
      painter.setBrush(QColor(220, 38, 38, 50));
      painter.drawPolygon(pixels);
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(Qt::white, 4.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (m_mode == Mode::Area && pixels.size() >= 3) painter.drawPolygon(pixels);
    else painter.drawPolyline(pixels);
    painter.setPen(QPen(line, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (m_mode == Mode::Area && pixels.size() >= 3) painter.drawPolygon(pixels);
    else painter.drawPolyline(pixels);
    painter.setPen(QPen(line, 1.5));
    painter.setBrush(Qt::white);
    for (int i = 0; i < int(m_points.size()); ++i) painter.drawEllipse(pixels[i], 3.5, 3.5);
  }
  // Result box in the top-left corner.
  const QStringList lines = resultLines();
  QFont font = painter.font();
  const QFontMetrics metrics(font);
  int width = 0;
  for (const QString& l : lines) width = std::max(width, metrics.horizontalAdvance(l));
  const int lineHeight = metrics.height();
  const QRect box(10, 10, width + 20, lineHeight * int(lines.size()) + 14);
  painter.setPen(QPen(QColor(0, 0, 0, 90), 1));
  painter.setBrush(QColor(255, 255, 255, 225));
  painter.drawRoundedRect(box, 5, 5);
  painter.setPen(QColor(30, 30, 30));
  for (int i = 0; i < int(lines.size()); ++i) {
    QFont f = font;
    f.setBold(i == 0);
    painter.setFont(f);
    painter.drawText(QPoint(box.left() + 10, box.top() + 7 + metrics.ascent() + i * lineHeight), lines[i]);
  }
}

}  // namespace onemap::gui
