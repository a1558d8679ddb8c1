#pragma once

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <string>

#include "onemap/gui/window_context.h"

class QLabel;

namespace onemap::proj {
class Transform;
}

namespace onemap::gui {

/// The status bar's map readouts: cursor coordinates in the map CRS (decimals to the pixel size),
/// longitude/latitude in degrees or degrees-minutes-seconds (click to switch; remembered), the
/// scale and the CRS name in the UI language with its EPSG code. Owned by the main window; GUI
/// thread only.
class CoordinateStatus : public QObject {
  Q_OBJECT
 public:
  CoordinateStatus(const WindowContext& context, QObject* parent = nullptr);
  ~CoordinateStatus() override;

  /// QSettings key of the lon/lat format ("dms" or "decimal").
  static constexpr const char* kLonLatFormatKey = "ui/lonLatFormat";

  /// 120.5, longitude → 120°30'00.00"E; negative values get W / S.
  static QString formatDms(double degrees, bool longitude);
  /// 120.5, longitude → 120.500000°E.
  static QString formatDecimalDegrees(double degrees, bool longitude, int decimals = 6);
  /// "EPSG:4549 CGCS2000 / 3-degree Gauss-Kruger CM 120E" (Chinese name when the UI is Chinese);
  /// "No CRS" for an empty definition.
  static QString crsLabel(const std::string& crs);
  /// Decimals that resolve `unitsPerPixel` (0 at 10 m/px, 2 at 0.1 m/px...), within [min, max].
  static int decimalsFor(double unitsPerPixel, int min, int max);

  bool showsDms() const { return m_dms; }
  void setShowsDms(bool dms);
  /// Texts currently shown (for tests).
  QString coordinateText() const;
  QString lonLatText() const;
  QString scaleText() const;
  QString crsText() const;
  /// Shows the readouts for a cursor at map coordinates x, y.
  void showCursor(double x, double y);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void updateCrs();
  void updateScale();

  WindowContext m_context;
  QLabel* m_coordinates;
  QLabel* m_lonLat;
  QLabel* m_scale;
  QLabel* m_crs;
  std::unique_ptr<proj::Transform> m_toLonLat;
  bool m_geographic = false;
  bool m_dms = false;
  std::optional<std::pair<double, double>> m_last;
};

}  // namespace onemap::gui
