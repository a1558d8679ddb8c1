#pragma once

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QRectF>

#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "onemap/base/feedback.h"
#include "onemap/layout/layout.h"
#include "onemap/project/project.h"
#include "onemap/render/renderer_factory.h"
#include "onemap/sheet/sheet_context.h"

namespace onemap::designer {

/// What one background map-frame render needs: copies of the project and layout (the GUI may
/// edit the originals meanwhile), the item, the atlas feature and the resolution.
struct MapJob {
  project::Project project;
  layout::Layout layout;
  std::string itemId;
  std::optional<sheet::AtlasFeature> atlas;
  std::string mapCrs;
  std::filesystem::path projectFile;
  double dotsPerMm = 4.0;
  double marginMm = 12.0;   ///< room for grid labels outside the frame
};

/// A finished map-frame render: the image of the item's rectangle grown by the margin.
struct MapImage {
  std::string itemId;
  QImage image;
  QRectF pageRect;   ///< page millimetres the image covers
  QString error;
  bool canceled = false;
};

/// Renders the designer's map frames on a worker thread, one frame at a time, with a renderer
/// factory of its own (used only by the running job). Requests made while a frame renders are
/// queued; re-requesting the frame in progress cancels it. GUI-thread object.
class MapPreviewRenderer : public QObject {
  Q_OBJECT
 public:
  /// `makeJob` builds the job for an item id when its turn comes (nullopt: nothing to draw).
  explicit MapPreviewRenderer(std::function<std::optional<MapJob>(const std::string&)> makeJob,
                              QObject* parent = nullptr);
  ~MapPreviewRenderer() override;

  void request(const std::string& itemId);
  /// Drops the factory's cache of a layer (style or source changed), once no job uses it.
  void invalidateLayer(const std::string& layerId);
  bool isBusy() const { return m_running.has_value() || !m_queue.empty(); }

 signals:
  void rendered(const onemap::designer::MapImage& image);
  /// Nothing is rendering or queued any more.
  void idle();

 private:
  void startNext();
  void finished();

  std::function<std::optional<MapJob>(const std::string&)> m_makeJob;
  render::RendererFactory m_factory;
  QFutureWatcher<MapImage> m_watcher;
  std::deque<std::string> m_queue;
  std::optional<std::string> m_running;
  Feedback m_feedback;
  std::set<std::string> m_staleLayers;
};

/// Draws item `job.itemId` of the job's layout (map content, grid, frame) into an image.
MapImage renderMapJob(const MapJob& job, render::RendererFactory& factory, Feedback& feedback);

}  // namespace onemap::designer
