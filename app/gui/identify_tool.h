#pragma once

#include <QFutureWatcher>
#include <QPoint>
#include <QPointF>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "onemap/base/feedback.h"
#include "onemap/gui/map_tool.h"
#include "onemap/project/project.h"

namespace onemap::gui {

class ProjectController;

/// The value of one raster band at the identified pixel.
struct IdentifiedBand {
  int band = 0;                      ///< 1-based
  QString role;                      ///< "nir" / "近红外", empty when unknown
  double value = 0.0;                ///< stored value (NaN when nodata)
  bool noData = false;
  std::optional<double> noDataValue;
};

/// One vector feature under the cursor: attributes in field order and its geometry (ISO WKB in
/// the map CRS, for highlighting).
struct IdentifiedFeature {
  std::int64_t fid = 0;
  std::vector<std::pair<QString, QString>> attributes;  ///< field name, value as text
  std::vector<unsigned char> wkb;
};

/// What identify found in one layer. A value type built on a worker thread.
struct IdentifyLayerResult {
  std::string layerId;
  QString layerName;
  bool raster = false;
  int pixelColumn = -1;  ///< raster: the pixel read
  int pixelRow = -1;
  std::vector<IdentifiedBand> bands;
  std::vector<IdentifiedFeature> features;
  QString error;  ///< the layer could not be read (names the file)
};

/// Identifies what lies at `mapPoint` (map CRS) in `layers`, given top-most first: for rasters the
/// value of every band at the pixel under the point (the point reprojected into the raster's CRS
/// when it differs), for vectors the features under it (polygons containing it; points and lines
/// within `tolerance` map units). Layers with nothing there are left out. Any thread; stops early
/// when `feedback` is canceled.
std::vector<IdentifyLayerResult> identifyAt(const std::vector<project::LayerSpec>& layers,
                                            const std::string& mapCrs, QPointF mapPoint, double tolerance,
                                            Feedback feedback = Feedback());

/// Identify tool: a click asks every visible layer (top-most first) what is under the cursor, on
/// a worker thread; results() holds the answer when finished() is emitted. Dragging still pans.
/// Owned by the IdentifyDock's window; GUI thread only.
class IdentifyTool : public MapTool {
  Q_OBJECT
 public:
  IdentifyTool(MapCanvas* canvas, ProjectController* project);
  ~IdentifyTool() override;

  /// Search radius around the click for points and lines, in pixels.
  static constexpr double kTolerancePixels = 5.0;

  /// Identifies at a widget pixel (what a click does).
  void identifyAtPixel(QPointF pixel);
  /// Identifies at a map point with a tolerance in map units.
  void identify(QPointF mapPoint, double tolerance);
  bool isBusy() const { return bool(m_watcher); }
  const std::vector<IdentifyLayerResult>& results() const { return m_results; }
  QPointF lastPoint() const { return m_point; }

  void mousePress(QMouseEvent* event) override;
  void mouseRelease(QMouseEvent* event) override;
  QCursor cursor() const override { return QCursor(Qt::WhatsThisCursor); }
  bool allowsDragPan() const override { return true; }

 signals:
  void started(QPointF mapPoint);
  void finished();

 private:
  ProjectController* m_project;
  std::unique_ptr<QFutureWatcher<std::vector<IdentifyLayerResult>>> m_watcher;
  Feedback m_feedback;
  std::vector<IdentifyLayerResult> m_results;
  QPointF m_point;
  QPoint m_pressPixel;
};

}  // namespace onemap::gui
