#pragma once

#include <QPointF>
#include <QPolygonF>
#include <QString>

#include <string>
#include <vector>

#include "onemap/base/error.h"

namespace onemap::sheet {

struct FrameView;

/// A side of a map frame.
enum class FrameEdge { Top, Right, Bottom, Left };

/// A grid line or graticule line meeting the edge of a map frame (frame mm, y down).
struct GridTick {
  enum class Kind { Easting, Northing, Longitude, Latitude };
  Kind kind = Kind::Easting;
  FrameEdge edge = FrameEdge::Top;
  QPointF position;          ///< on the edge
  QPointF direction;         ///< unit vector along the line, into the frame
  double value = 0.0;        ///< metres (km grid) or degrees (graticule)
  bool labelled = false;     ///< the line crosses this edge steeply enough to be labelled here
  QString label;             ///< e.g. "3456" / "56", "120°15′E"
};

/// Where a line of each family crosses inside the frame (for the crosses of a tick-only grid).
struct GridCross {
  QPointF position;
  QPointF first, second;     ///< unit directions of the two lines
};

/// A coordinate grid of a map frame in frame millimetres.
struct GridGeometry {
  double interval = 0.0;             ///< metres or degrees
  std::vector<GridTick> ticks;
  std::vector<GridCross> crosses;
  std::vector<QPolygonF> lines;      ///< the lines across the frame (drawn clipped to it)
};

/// A kilometre-grid spacing of 1, 2 or 5 × 10ⁿ m giving at most 8 lines across `spanMetres`.
double automaticGridInterval(double spanMetres);
/// A graticule spacing (10″, 15″, 30″, 1′, 2′, 5′, 10′, 15′, 30′, 1°, 2°, 5°, 10°) giving at most
/// 6 lines across `spanDegrees`.
double automaticGraticuleInterval(double spanDegrees);

/// The Gauss–Krüger kilometre grid (lines x, y = k · interval in the map CRS, metres) of a frame;
/// `intervalMetres` 0 = automatic. Labels follow the Chinese topographic convention (km): the
/// first and last label on each side in full ("3456"), those between with the last two digits
/// of the kilometres only ("57"); with a spacing under 1 km the decimals follow ("56.5").
GridGeometry kilometreGrid(const FrameView& view, double intervalMetres);

/// The CGCS2000 (EPSG:4490) graticule of a frame drawn in `mapCrs`; `intervalDegrees` 0 =
/// automatic. Labels as 120°15′E / 31°30′N (seconds only when the spacing needs them).
Result<GridGeometry> graticule(const FrameView& view, const std::string& mapCrs, double intervalDegrees);

/// "120°15′E", "31°30′N", "120°15′30″E": a longitude or latitude at a spacing of `interval`.
QString degreeLabel(double degrees, bool longitude, double interval);

}  // namespace onemap::sheet
