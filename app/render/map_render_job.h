#pragma once

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <memory>
#include <vector>

#include "onemap/base/feedback.h"
#include "onemap/render/layer_renderer.h"
#include "onemap/render/map_settings.h"

namespace onemap::render {

/// Renders layers in parallel on the render threads (RenderQueue), one image per layer, and
/// composes them in order on a render thread when all are done; finished() then comes on the GUI thread. Created,
/// started, canceled and destroyed on the GUI thread; destroying a running job cancels it and
/// waits for its workers.
class MapRenderJob : public QObject {
  Q_OBJECT
 public:
  MapRenderJob(MapSettings settings, std::vector<std::unique_ptr<LayerRenderer>> layers,
               QObject* parent = nullptr);
  ~MapRenderJob() override;

  void start();
  void cancel();
  bool isActive() const { return m_pending > 0 || m_composing; }
  const MapSettings& settings() const { return m_settings; }
  /// The composed map (valid after finished()).
  const QImage& image() const { return m_image; }
  /// Per-layer problems met while rendering (the map is still composed from the others).
  const QStringList& errors() const { return m_errors; }

  /// Draws `layers` in order straight onto `painter` on the calling thread (print, PDF, tests).
  static QStringList renderSynchronously(QPainter& painter, const MapSettings& settings,
                                         const std::vector<std::unique_ptr<LayerRenderer>>& layers,
                                         Feedback& feedback);

  /// The pool layers render on (Qt's global pool; see RenderQueue), for code that wants to run a
  /// renderer the way a job does.
  static QThreadPool* threadPool();

 signals:
  void finished();

 private:
  struct LayerResult {
    QImage image;
    QString error;
  };
  void layerDone();
  void composed();

  MapSettings m_settings;
  std::vector<std::unique_ptr<LayerRenderer>> m_layers;
  std::vector<std::unique_ptr<QFutureWatcher<LayerResult>>> m_watchers;
  QFutureWatcher<QImage> m_composer;
  Feedback m_feedback;
  int m_pending = 0;
  bool m_composing = false;
  QImage m_image;
  QStringList m_errors;
};

}  // namespace onemap::render
