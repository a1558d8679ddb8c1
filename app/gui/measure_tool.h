#pragma once

#include <QPointF>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

#include "onemap/gui/map_tool.h"

class QAction;

namespace onemap::proj {
class Transform;
}

namespace onemap::gui {

class ProjectController;
struct WindowContext;

/// Lengths (m) and areas (m²) of a measured line or polygon, planar in the map CRS and
/// ellipsoidal (geodesics on the CGCS2000 ellipsoid). A value type.
struct Measurement {
  bool planarValid = false;       ///< false when the map CRS is not projected in metres
  bool ellipsoidalValid = false;  ///< false when the map CRS cannot be converted to lon/lat
  double lastSegmentPlanar = 0.0;
  double lastSegmentEllipsoidal = 0.0;
  double lengthPlanar = 0.0;       ///< along the line; for an area, the perimeter (closed)
  double lengthEllipsoidal = 0.0;
  double areaPlanar = 0.0;         ///< polygon only
  double areaEllipsoidal = 0.0;
};

/// Measures the distance along clicked points or the area of a clicked polygon: click adds a
/// vertex, double-click or right-click finishes, Esc clears (a second Esc leaves the tool).
/// Shows segment and total length in m/km and area in m², 亩 and ha, both planar and
/// ellipsoidal, in a box on the map. Owned by the canvas; GUI thread only.
class MeasureTool : public MapTool {
  Q_OBJECT
 public:
  enum class Mode { Distance, Area };

  MeasureTool(MapCanvas* canvas, ProjectController* project);
  ~MeasureTool() override;

  /// Creates the tool with its Tools-menu and tool-bar actions (Measure Distance, Measure Area).
  static MeasureTool* install(const WindowContext& context);

  Mode mode() const { return m_mode; }
  void setMode(Mode mode);
  /// Vertices clicked so far, in map coordinates.
  const std::vector<QPointF>& points() const { return m_points; }
  bool isFinished() const { return m_finished; }
  /// Measurement of the clicked vertices (without the cursor).
  Measurement measurement() const { return measure(m_points); }
  /// Measurement of arbitrary map-CRS vertices in the current mode.
  Measurement measure(const std::vector<QPointF>& points) const;
  /// The lines shown in the result box (with the cursor as a provisional vertex while drawing).
  QStringList resultLines() const;

  /// 532.1 → "532.10 m", 12345 → "12.345 km".
  static QString formatLength(double metres);
  /// 6666.7 → "6,666.70 m² = 10.00 亩 = 0.6667 ha" (thousands separators of the UI locale).
  static QString formatArea(double squareMetres);

  void addPoint(QPointF mapPoint);
  void finish();
  void clear();

  void mousePress(QMouseEvent* event) override;
  void mouseMove(QMouseEvent* event) override;
  void mouseDoubleClick(QMouseEvent* event) override;
  bool keyPress(QKeyEvent* event) override;
  void paint(QPainter& painter) override;
  QCursor cursor() const override { return QCursor(Qt::CrossCursor); }
  void deactivated() override;

 signals:
  void measurementChanged();

 private:
  void updateCrs();
  std::vector<QPointF> livePoints() const;

  ProjectController* m_project;
  Mode m_mode = Mode::Distance;
  std::vector<QPointF> m_points;
  std::optional<QPointF> m_cursor;
  bool m_finished = false;
  std::unique_ptr<proj::Transform> m_toLonLat;
  bool m_planarValid = false;
  QString m_crsName;
};

}  // namespace onemap::gui
