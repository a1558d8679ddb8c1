#include "onemap/render/map_render_job.h"

#include <QPainter>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include "onemap/render/render_queue.h"

namespace onemap::render {

MapRenderJob::MapRenderJob(MapSettings settings, std::vector<std::unique_ptr<LayerRenderer>> layers,
                           QObject* parent)
    : QObject(parent), m_settings(std::move(settings)), m_layers(std::move(layers)) {}

MapRenderJob::~MapRenderJob() {
  m_feedback.cancel();
  for (auto& w : m_watchers) w->waitForFinished();
  m_composer.waitForFinished();
}

QThreadPool* MapRenderJob::threadPool() {
  RenderQueue::instance();  // sizes the pool
  return QThreadPool::globalInstance();
}

void MapRenderJob::start() {
  m_pending = static_cast<int>(m_layers.size());
  if (m_pending == 0) {
    m_image = QImage(m_settings.outputSize(), QImage::Format_ARGB32_Premultiplied);
    m_image.fill(m_settings.background());
    QMetaObject::invokeMethod(this, &MapRenderJob::finished, Qt::QueuedConnection);
    return;
  }
  for (auto& layer : m_layers) {
    auto watcher = std::make_unique<QFutureWatcher<LayerResult>>();
    connect(watcher.get(), &QFutureWatcherBase::finished, this, &MapRenderJob::layerDone);
    auto promise = std::make_shared<QPromise<LayerResult>>();
    watcher->setFuture(promise->future());
    promise->start();
    LayerRenderer* renderer = layer.get();
    RenderQueue::instance().submit([promise, renderer, settings = m_settings, feedback = m_feedback]() mutable {
      LayerResult result;
      if (!feedback.isCanceled()) {  // a canceled job's layers do not even take their memory
        result.image = QImage(settings.outputSize(), QImage::Format_ARGB32_Premultiplied);
        result.image.fill(Qt::transparent);
        QPainter painter(&result.image);
        result.error = renderer->render(painter, settings, feedback);
      }
      promise->addResult(std::move(result));
      promise->finish();
    });
    m_watchers.push_back(std::move(watcher));
  }
}

void MapRenderJob::cancel() { m_feedback.cancel(); }

void MapRenderJob::layerDone() {
  if (--m_pending > 0) return;
  // Composing a dozen full-size images takes tens of milliseconds: not on the GUI thread.
  std::vector<std::pair<QImage, double>> images;
  for (std::size_t i = 0; i < m_watchers.size(); ++i) {
    const LayerResult result = m_watchers[i]->result();
    if (!result.error.isEmpty()) m_errors << result.error;
    images.emplace_back(result.image, m_layers[i]->opacity());
  }
  m_composing = true;
  connect(&m_composer, &QFutureWatcherBase::finished, this, &MapRenderJob::composed, Qt::UniqueConnection);
  const MapSettings settings = m_settings;
  m_composer.setFuture(QtConcurrent::run(threadPool(), [images = std::move(images), settings] {
    QImage image(settings.outputSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(settings.background());
    QPainter painter(&image);
    for (const auto& [layer, opacity] : images) {
      if (layer.isNull() || opacity <= 0.0) continue;
      painter.setOpacity(opacity);
      painter.drawImage(0, 0, layer);
    }
    painter.end();
    return image;
  }));
}

void MapRenderJob::composed() {
  m_composing = false;
  m_image = m_composer.result();
  // The layer images are in the composed one now; let them go.
  m_watchers.clear();
  emit finished();
}

QStringList MapRenderJob::renderSynchronously(QPainter& painter, const MapSettings& settings,
                                              const std::vector<std::unique_ptr<LayerRenderer>>& layers,
                                              Feedback& feedback) {
  QStringList errors;
  for (const auto& layer : layers) {
    if (feedback.isCanceled()) break;
    painter.save();
    painter.setOpacity(layer->opacity());
    const QString error = layer->render(painter, settings, feedback);
    if (!error.isEmpty()) errors << error;
    painter.restore();
  }
  return errors;
}

}  // namespace onemap::render
