#include "onemap/sheet/grid_lines.h"

#include <QRectF>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>

#include "onemap/proj/transform.h"
#include "onemap/sheet/frame_view.h"

namespace onemap::sheet {
namespace {

constexpr double kEps = 1e-9;
constexpr std::size_t kMaxLinesPerFamily = 200;

QPointF unit(QPointF v) {
  const double n = std::hypot(v.x(), v.y());
  return n > 0 ? v / n : QPointF(0, 0);
}

/// The part of segment a–b inside `r` (Liang–Barsky), if any.
std::optional<std::pair<QPointF, QPointF>> clipSegment(QPointF a, QPointF b, const QRectF& r) {
  double t0 = 0.0, t1 = 1.0;
  const double dx = b.x() - a.x(), dy = b.y() - a.y();
  const std::array<double, 4> p{-dx, dx, -dy, dy};
  const std::array<double, 4> q{a.x() - r.left(), r.right() - a.x(), a.y() - r.top(), r.bottom() - a.y()};
  for (std::size_t i = 0; i < 4; ++i) {
    if (std::abs(p[i]) < kEps) {
      if (q[i] < 0) return std::nullopt;
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0) t0 = std::max(t0, t);
    else t1 = std::min(t1, t);
    if (t0 > t1) return std::nullopt;
  }
  const QPointF c = a + (b - a) * t0, d = a + (b - a) * t1;
  if (std::hypot(d.x() - c.x(), d.y() - c.y()) < 1e-6) return std::nullopt;
  return std::make_pair(c, d);
}

/// The edge of `r` a border point lies on (the nearest one).
FrameEdge edgeOf(QPointF p, const QRectF& r) {
  const std::array<std::pair<double, FrameEdge>, 4> d{
      std::pair{std::abs(p.y() - r.top()), FrameEdge::Top}, std::pair{std::abs(p.x() - r.right()), FrameEdge::Right},
      std::pair{std::abs(p.y() - r.bottom()), FrameEdge::Bottom}, std::pair{std::abs(p.x() - r.left()), FrameEdge::Left}};
  return std::min_element(d.begin(), d.end(), [](const auto& a, const auto& b) { return a.first < b.first; })->second;
}

/// True when a line along `direction` crosses `edge` at more than 30° (worth a label there).
bool steepOn(FrameEdge edge, QPointF direction) {
  const QPointF along = edge == FrameEdge::Top || edge == FrameEdge::Bottom ? QPointF(1, 0) : QPointF(0, 1);
  return std::abs(along.x() * direction.y() - along.y() * direction.x()) > 0.5 + 1e-6;
}

/// Position of a border point along its edge, for ordering labels left→right / top→bottom.
double alongEdge(const GridTick& t) {
  return t.edge == FrameEdge::Top || t.edge == FrameEdge::Bottom ? t.position.x() : t.position.y();
}

/// Kilometre text: `km` with the decimals the spacing needs; `shortForm` keeps the last two
/// digits of the whole kilometres.
QString kmText(double metres, int decimals, bool shortForm) {
  const double km = metres / 1000.0;
  const double scale = std::pow(10.0, decimals);
  const long long scaled = std::llround(std::abs(km) * scale);
  long long whole = scaled / (long long)scale;
  const long long fraction = scaled % (long long)scale;
  QString text = shortForm ? QStringLiteral("%1").arg(whole % 100, 2, 10, QChar('0')) : QString::number(whole);
  if (decimals > 0) text += '.' + QStringLiteral("%1").arg(fraction, decimals, 10, QChar('0'));
  if (km < 0 && scaled != 0) text.prepend('-');
  return text;
}

int kmDecimals(double interval) {
  int decimals = 0;
  while (decimals < 3 && std::abs(interval / 1000.0 * std::pow(10.0, decimals) -
                                  std::round(interval / 1000.0 * std::pow(10.0, decimals))) > 1e-6)
    ++decimals;
  return decimals;
}

/// Labels ticks that cross steeply; on each edge and for each kind the first and last label are
/// full and the ones between short (km grid) — `label(value, full)` makes the text.
template <class LabelFn>
void labelTicks(std::vector<GridTick>& ticks, LabelFn label) {
  // Steep crossings are labelled; a line crossing every edge it meets at a shallow angle is
  // labelled at its steepest crossing so that no line goes without a value.
  std::map<std::pair<int, double>, std::vector<GridTick*>> lines;
  for (GridTick& t : ticks) {
    t.labelled = steepOn(t.edge, t.direction);
    lines[{int(t.kind), t.value}].push_back(&t);
  }
  for (auto& [key, line] : lines) {
    if (std::any_of(line.begin(), line.end(), [](const GridTick* t) { return t->labelled; })) continue;
    auto steepness = [](const GridTick* t) {
      const bool horizontal = t->edge == FrameEdge::Top || t->edge == FrameEdge::Bottom;
      return horizontal ? std::abs(t->direction.y()) : std::abs(t->direction.x());
    };
    (*std::max_element(line.begin(), line.end(), [&](const GridTick* a, const GridTick* b) { return steepness(a) < steepness(b); }))
        ->labelled = true;
  }
  std::map<std::pair<int, int>, std::vector<GridTick*>> groups;
  for (GridTick& t : ticks)
    if (t.labelled) groups[{int(t.edge), int(t.kind)}].push_back(&t);
  for (auto& [key, group] : groups) {
    std::sort(group.begin(), group.end(), [](const GridTick* a, const GridTick* b) { return alongEdge(*a) < alongEdge(*b); });
    for (std::size_t i = 0; i < group.size(); ++i) group[i]->label = label(*group[i], i == 0 || i + 1 == group.size());
  }
}

void addTicks(GridGeometry& grid, GridTick::Kind kind, double value, QPointF a, QPointF b, const QRectF& frame) {
  for (const auto& [at, other] : {std::pair{a, b}, std::pair{b, a}}) {
    GridTick t;
    t.kind = kind;
    t.edge = edgeOf(at, frame);
    t.position = at;
    t.direction = unit(other - at);
    t.value = value;
    grid.ticks.push_back(t);
  }
}

/// True when segment a–b runs along one of the frame's edges (a grid line on the neatline):
/// it gets no ticks or labels of its own.
bool onBorder(QPointF a, QPointF b, const QRectF& frame) {
  constexpr double tolerance = 1e-3;
  const bool left = std::abs(a.x() - frame.left()) < tolerance && std::abs(b.x() - frame.left()) < tolerance;
  const bool right = std::abs(a.x() - frame.right()) < tolerance && std::abs(b.x() - frame.right()) < tolerance;
  const bool top = std::abs(a.y() - frame.top()) < tolerance && std::abs(b.y() - frame.top()) < tolerance;
  const bool bottom = std::abs(a.y() - frame.bottom()) < tolerance && std::abs(b.y() - frame.bottom()) < tolerance;
  return left || right || top || bottom;
}

bool insideFrame(QPointF p, const QRectF& frame) { return frame.adjusted(0.5, 0.5, -0.5, -0.5).contains(p); }

}  // namespace

double automaticGridInterval(double spanMetres) {
  if (!(spanMetres > 0) || !std::isfinite(spanMetres)) return 1000.0;
  double decade = std::pow(10.0, std::floor(std::log10(spanMetres / 8.0)));
  for (;;) {
    for (double step : {1.0, 2.0, 5.0})
      if (spanMetres / (step * decade) <= 8.0 + 1e-9) return step * decade;
    decade *= 10.0;
  }
}

double automaticGraticuleInterval(double spanDegrees) {
  static const std::array<double, 13> steps{10.0 / 3600, 15.0 / 3600, 30.0 / 3600, 1.0 / 60, 2.0 / 60, 5.0 / 60, 10.0 / 60,
                                            15.0 / 60,   30.0 / 60,   1.0,         2.0,       5.0,       10.0};
  for (double step : steps)
    if (spanDegrees / step <= 6.0 + 1e-9) return step;
  return 30.0;
}

QString degreeLabel(double degrees, bool longitude, double interval) {
  const QChar hemisphere = longitude ? (degrees < 0 ? 'W' : 'E') : (degrees < 0 ? 'S' : 'N');
  const long long total = std::llround(std::abs(degrees) * 3600.0);
  const long long d = total / 3600, m = (total % 3600) / 60, s = total % 60;
  const bool seconds = interval < 1.0 / 60 - kEps || s != 0;
  const bool minutes = seconds || interval < 1.0 - kEps || m != 0;
  QString text = QString::number(d) + QChar(0x00B0);
  if (minutes) text += QStringLiteral("%1").arg(m, 2, 10, QChar('0')) + QChar(0x2032);
  if (seconds) text += QStringLiteral("%1").arg(s, 2, 10, QChar('0')) + QChar(0x2033);
  return text + hemisphere;
}

GridGeometry kilometreGrid(const FrameView& view, double intervalMetres) {
  GridGeometry grid;
  if (!view.isValid()) return grid;
  const QRectF frame(QPointF(0, 0), view.sizeMm);
  const Extent e = view.visibleExtent();
  double interval = intervalMetres > 0 ? intervalMetres
                                       : automaticGridInterval(std::max(view.sizeMm.width(), view.sizeMm.height()) * view.mapUnitsPerMm());
  while (std::max(e.width(), e.height()) / interval > double(kMaxLinesPerFamily)) interval *= 10.0;
  grid.interval = interval;
  const double reach = std::max(e.width(), e.height());
  std::vector<double> xs, ys;
  for (double k = std::ceil(e.minX() / interval); k * interval <= e.maxX(); k += 1.0) xs.push_back(k * interval);
  for (double k = std::ceil(e.minY() / interval); k * interval <= e.maxY(); k += 1.0) ys.push_back(k * interval);
  for (double x : xs) {
    const auto seg = clipSegment(view.toFrame(x, e.minY() - reach), view.toFrame(x, e.maxY() + reach), frame);
    if (!seg || onBorder(seg->first, seg->second, frame)) continue;
    grid.lines.push_back(QPolygonF({seg->first, seg->second}));
    addTicks(grid, GridTick::Kind::Easting, x, seg->first, seg->second, frame);
  }
  for (double y : ys) {
    const auto seg = clipSegment(view.toFrame(e.minX() - reach, y), view.toFrame(e.maxX() + reach, y), frame);
    if (!seg || onBorder(seg->first, seg->second, frame)) continue;
    grid.lines.push_back(QPolygonF({seg->first, seg->second}));
    addTicks(grid, GridTick::Kind::Northing, y, seg->first, seg->second, frame);
  }
  const QPointF origin = view.toFrame(0, 0);
  const QPointF north = unit(view.toFrame(0, 1) - origin), east = unit(view.toFrame(1, 0) - origin);
  for (double x : xs)
    for (double y : ys)
      if (const QPointF p = view.toFrame(x, y); insideFrame(p, frame)) grid.crosses.push_back({p, north, east});
  const int decimals = kmDecimals(interval);
  labelTicks(grid.ticks, [decimals](const GridTick& t, bool full) { return kmText(t.value, decimals, !full); });
  return grid;
}

Result<GridGeometry> graticule(const FrameView& view, const std::string& mapCrs, double intervalDegrees) {
  GridGeometry grid;
  if (!view.isValid()) return grid;
  auto toGeo = proj::Transform::create(mapCrs, "EPSG:4490");
  if (!toGeo) return fail(toGeo.error());
  auto toMap = proj::Transform::create("EPSG:4490", mapCrs);
  if (!toMap) return fail(toMap.error());
  const QRectF frame(QPointF(0, 0), view.sizeMm);
  const Extent geo = toGeo->transformExtent(view.visibleExtent());
  if (geo.isEmpty() || !std::isfinite(geo.width()) || !std::isfinite(geo.height()))
    return fail(ErrorCode::InvalidInput, "the map frame cannot be expressed in longitude and latitude", mapCrs,
                "check the map's coordinate system");
  double interval = intervalDegrees > 0 ? intervalDegrees : automaticGraticuleInterval(std::max(geo.width(), geo.height()));
  while (std::max(geo.width(), geo.height()) / interval > double(kMaxLinesPerFamily)) interval *= 10.0;
  grid.interval = interval;

  auto frameOf = [&](double lon, double lat, QPointF& out) {
    double x = lon, y = lat;
    if (!toMap->apply(x, y) || !std::isfinite(x) || !std::isfinite(y)) return false;
    out = view.toFrame(x, y);
    return true;
  };
  auto geoOf = [&](QPointF p, double& lon, double& lat) {
    const QPointF m = view.toMap(p);
    lon = m.x();
    lat = m.y();
    return toGeo->apply(lon, lat) && std::isfinite(lon) && std::isfinite(lat);
  };
  // Direction of the meridian (longitude fixed) or parallel through (lon, lat) on the frame.
  auto directionAt = [&](bool meridian, double lon, double lat) {
    const double d = interval / 50.0;
    QPointF a, b;
    const bool ok = meridian ? frameOf(lon, lat - d, a) && frameOf(lon, lat + d, b) : frameOf(lon - d, lat, a) && frameOf(lon + d, lat, b);
    return ok ? unit(b - a) : QPointF(0, 0);
  };

  // Edge crossings: sample each edge, find where longitude/latitude pass a multiple of the spacing.
  const std::array<std::pair<QPointF, QPointF>, 4> edges{
      std::pair{frame.topLeft(), frame.topRight()}, std::pair{frame.topRight(), frame.bottomRight()},
      std::pair{frame.bottomRight(), frame.bottomLeft()}, std::pair{frame.bottomLeft(), frame.topLeft()}};
  constexpr int kSamples = 256;
  for (const auto& [from, to] : edges) {
    std::vector<QPointF> points;
    std::vector<std::array<double, 2>> values;
    for (int i = 0; i <= kSamples; ++i) {
      const QPointF p = from + (to - from) * (double(i) / kSamples);
      double lon = 0, lat = 0;
      if (!geoOf(p, lon, lat)) continue;
      points.push_back(p);
      values.push_back({lon, lat});
    }
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
      for (int family = 0; family < 2; ++family) {
        const double f0 = values[i][std::size_t(family)], f1 = values[i + 1][std::size_t(family)];
        const double lo = std::min(f0, f1), hi = std::max(f0, f1);
        for (double k = std::ceil(lo / interval - kEps); k * interval <= hi + kEps * interval; k += 1.0) {
          const double v = k * interval;
          // A value exactly on a sample belongs to the segment that starts there.
          if (std::abs(v - (f1 > f0 ? hi : lo)) < kEps * interval && i + 2 < points.size()) continue;
          const double t = std::abs(f1 - f0) > 0 ? (v - f0) / (f1 - f0) : 0.0;
          GridTick tick;
          tick.kind = family == 0 ? GridTick::Kind::Longitude : GridTick::Kind::Latitude;
          tick.position = points[i] + (points[i + 1] - points[i]) * t;
          tick.edge = edgeOf(tick.position, frame);
          tick.value = v;
          const double otherValue = values[i][std::size_t(1 - family)] * (1 - t) + values[i + 1][std::size_t(1 - family)] * t;
          QPointF dir = family == 0 ? directionAt(true, v, otherValue) : directionAt(false, otherValue, v);
          const QPointF inward = frame.center() - tick.position;
          if (dir.x() * inward.x() + dir.y() * inward.y() < 0) dir = -dir;
          tick.direction = dir;
          grid.ticks.push_back(tick);
        }
      }
    }
  }
  // Drop duplicates at corners (a value met on both edges at the same point).
  std::vector<GridTick> unique;
  for (const GridTick& t : grid.ticks) {
    const bool seen = std::any_of(unique.begin(), unique.end(), [&](const GridTick& u) {
      return u.kind == t.kind && std::abs(u.value - t.value) < kEps && std::hypot(u.position.x() - t.position.x(), u.position.y() - t.position.y()) < 1e-3;
    });
    if (!seen) unique.push_back(t);
  }
  grid.ticks = std::move(unique);

  // Lines and crosses.
  std::vector<double> lons, lats;
  for (double k = std::ceil(geo.minX() / interval - kEps); k * interval <= geo.maxX() + kEps; k += 1.0) lons.push_back(k * interval);
  for (double k = std::ceil(geo.minY() / interval - kEps); k * interval <= geo.maxY() + kEps; k += 1.0) lats.push_back(k * interval);
  constexpr int kLineSamples = 48;
  for (double lon : lons) {
    QPolygonF line;
    for (int i = 0; i <= kLineSamples; ++i) {
      QPointF p;
      if (frameOf(lon, geo.minY() - interval + (geo.height() + 2 * interval) * i / kLineSamples, p)) line << p;
    }
    if (line.size() > 1) grid.lines.push_back(line);
  }
  for (double lat : lats) {
    QPolygonF line;
    for (int i = 0; i <= kLineSamples; ++i) {
      QPointF p;
      if (frameOf(geo.minX() - interval + (geo.width() + 2 * interval) * i / kLineSamples, lat, p)) line << p;
    }
    if (line.size() > 1) grid.lines.push_back(line);
  }
  for (double lon : lons)
    for (double lat : lats) {
      QPointF p;
      if (frameOf(lon, lat, p) && insideFrame(p, frame))
        grid.crosses.push_back({p, directionAt(true, lon, lat), directionAt(false, lon, lat)});
    }
  labelTicks(grid.ticks, [interval](const GridTick& t, bool) {
    return degreeLabel(t.value, t.kind == GridTick::Kind::Longitude, interval);
  });
  return grid;
}

}  // namespace onemap::sheet
