#include "onemap/gui/coordinate_status.h"

#include <QEvent>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>

#include <algorithm>
#include <cmath>

#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/i18n/translations.h"
#include "onemap/proj/crs_description.h"
#include "onemap/proj/transform.h"

namespace onemap::gui {
namespace {

constexpr double kPi = 3.14159265358979323846;

QLabel* makeLabel(QWidget* parent, const QString& objectName) {
  auto* label = new QLabel(parent);
  label->setObjectName(objectName);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

}  // namespace

CoordinateStatus::CoordinateStatus(const WindowContext& context, QObject* parent)
    : QObject(parent),
      m_context(context),
      m_coordinates(makeLabel(context.statusBar, QStringLiteral("coordinateLabel"))),
      m_lonLat(makeLabel(context.statusBar, QStringLiteral("lonLatLabel"))),
      m_scale(makeLabel(context.statusBar, QStringLiteral("scaleLabel"))),
      m_crs(makeLabel(context.statusBar, QStringLiteral("crsLabel"))) {
  setObjectName(QStringLiteral("coordinateStatus"));
  m_dms = QSettings().value(QLatin1String(kLonLatFormatKey)).toString() == QLatin1String("dms");
  m_lonLat->setTextInteractionFlags(Qt::NoTextInteraction);
  m_lonLat->setCursor(Qt::PointingHandCursor);
  m_lonLat->setToolTip(tr("Longitude and latitude (CGCS2000). Click to switch between decimal degrees "
                          "and degrees-minutes-seconds."));
  m_lonLat->installEventFilter(this);
  m_coordinates->setToolTip(tr("Cursor position in the map coordinate system"));
  m_crs->setToolTip(tr("Map coordinate system (layers in other systems are reprojected to it)"));
  // Wide enough for a GK coordinate with decimals, so the bar does not jump while moving.
  m_coordinates->setMinimumWidth(m_coordinates->fontMetrics().horizontalAdvance(
      QStringLiteral("X 40500000.00  Y 3500000.00 ")));
  m_lonLat->setMinimumWidth(
      m_lonLat->fontMetrics().horizontalAdvance(QStringLiteral("120°30'00.00\"E  32°30'00.00\"N ")));
  if (QStatusBar* bar = context.statusBar) {
    bar->addWidget(m_coordinates);
    bar->addWidget(m_lonLat);
    bar->addPermanentWidget(m_scale);
    bar->addPermanentWidget(m_crs);
  }
  connect(context.canvas, &MapCanvas::cursorMoved, this, &CoordinateStatus::showCursor);
  connect(context.canvas, &MapCanvas::extentChanged, this, &CoordinateStatus::updateScale);
  connect(context.canvas, &MapCanvas::renderFinished, this, &CoordinateStatus::updateScale);
  connect(context.project, &ProjectController::crsChanged, this, &CoordinateStatus::updateCrs);
  connect(context.project, &ProjectController::layersChanged, this, &CoordinateStatus::updateCrs);
  updateCrs();
}

CoordinateStatus::~CoordinateStatus() = default;

QString CoordinateStatus::formatDms(double degrees, bool longitude) {
  const QChar hemisphere = longitude ? (degrees < 0 ? QLatin1Char('W') : QLatin1Char('E'))
                                     : (degrees < 0 ? QLatin1Char('S') : QLatin1Char('N'));
  // Work in hundredths of a second so that rounding carries into minutes and degrees.
  const long long hundredths = std::llround(std::abs(degrees) * 360000.0);
  const long long d = hundredths / 360000;
  const long long m = (hundredths / 6000) % 60;
  const long long s = hundredths % 6000;
  return QStringLiteral("%1°%2'%3.%4\"%5")
      .arg(d)
      .arg(m, 2, 10, QLatin1Char('0'))
      .arg(s / 100, 2, 10, QLatin1Char('0'))
      .arg(s % 100, 2, 10, QLatin1Char('0'))
      .arg(hemisphere);
}

QString CoordinateStatus::formatDecimalDegrees(double degrees, bool longitude, int decimals) {
  const QChar hemisphere = longitude ? (degrees < 0 ? QLatin1Char('W') : QLatin1Char('E'))
                                     : (degrees < 0 ? QLatin1Char('S') : QLatin1Char('N'));
  return QStringLiteral("%1°%2").arg(std::abs(degrees), 0, 'f', decimals).arg(hemisphere);
}

QString CoordinateStatus::crsLabel(const std::string& crs) {
  if (crs.empty()) return tr("No CRS");
  auto d = proj::describeCrs(crs);
  if (!d) return tr("Unknown CRS");
  const QString name = QString::fromStdString(i18n::isChinese() && !d->nameZh.empty() ? d->nameZh : d->nameEn);
  return d->epsg > 0 ? QStringLiteral("EPSG:%1 %2").arg(d->epsg).arg(name) : name;
}

int CoordinateStatus::decimalsFor(double unitsPerPixel, int min, int max) {
  if (!(unitsPerPixel > 0) || !std::isfinite(unitsPerPixel)) return max;
  return std::clamp(1 - int(std::floor(std::log10(unitsPerPixel))), min, max);
}

void CoordinateStatus::setShowsDms(bool dms) {
  m_dms = dms;
  QSettings().setValue(QLatin1String(kLonLatFormatKey), dms ? QStringLiteral("dms") : QStringLiteral("decimal"));
  if (m_last) showCursor(m_last->first, m_last->second);
}

QString CoordinateStatus::coordinateText() const { return m_coordinates->text(); }
QString CoordinateStatus::lonLatText() const { return m_lonLat->text(); }
QString CoordinateStatus::scaleText() const { return m_scale->text(); }
QString CoordinateStatus::crsText() const { return m_crs->text(); }

void CoordinateStatus::showCursor(double x, double y) {
  m_last = std::pair{x, y};
  const double upp = m_context.canvas->currentSettings().mapUnitsPerPixel();
  if (m_geographic) {
    const int decimals = decimalsFor(upp, 4, 9);
    m_coordinates->setText(tr("X %1  Y %2").arg(x, 0, 'f', decimals).arg(y, 0, 'f', decimals));
  } else {
    const int decimals = decimalsFor(upp, 0, 3);
    m_coordinates->setText(tr("X %1  Y %2").arg(x, 0, 'f', decimals).arg(y, 0, 'f', decimals));
  }
  double lon = x;
  double lat = y;
  if (!m_toLonLat || !m_toLonLat->apply(lon, lat) || !std::isfinite(lon) || !std::isfinite(lat)) {
    m_lonLat->clear();
    return;
  }
  if (m_dms) {
    m_lonLat->setText(QStringLiteral("%1  %2").arg(formatDms(lon, true), formatDms(lat, false)));
  } else {
    // Decimals matching the pixel size in degrees (1° ≈ 111 km).
    const double degreesPerPixel = m_geographic ? upp : upp / (111320.0 * std::max(0.01, std::cos(lat * kPi / 180)));
    const int decimals = decimalsFor(degreesPerPixel, 4, 8);
    m_lonLat->setText(QStringLiteral("%1  %2").arg(formatDecimalDegrees(lon, true, decimals),
                                                   formatDecimalDegrees(lat, false, decimals)));
  }
}

bool CoordinateStatus::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_lonLat && event->type() == QEvent::MouseButtonPress) {
    setShowsDms(!m_dms);
    return true;
  }
  return QObject::eventFilter(watched, event);
}

void CoordinateStatus::updateCrs() {
  const std::string& crs = m_context.project->mapCrs();
  m_crs->setText(crsLabel(crs));
  m_toLonLat.reset();
  m_geographic = false;
  if (crs.empty()) return;
  if (auto d = proj::describeCrs(crs)) m_geographic = d->isGeographic;
  if (auto t = proj::Transform::create(crs, "EPSG:4490")) m_toLonLat = std::make_unique<proj::Transform>(std::move(*t));
  updateScale();
}

void CoordinateStatus::updateScale() {
  const render::MapSettings s = m_context.canvas->currentSettings();
  if (!s.isValid()) {
    m_scale->clear();
    return;
  }
  double denominator = s.scaleDenominator();
  if (m_geographic)
    denominator *= 6378137.0 * kPi / 180.0 * std::max(0.01, std::cos(s.visibleExtent().centerY() * kPi / 180.0));
  m_scale->setText(tr("Scale 1:%1").arg(qRound64(denominator)));
}

}  // namespace onemap::gui
