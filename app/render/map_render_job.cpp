#include "onemap/render/map_render_job.h"

#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

namespace onemap::render {

MapRenderJob::MapRenderJob(MapSettings settings, std::vector<std::unique_ptr<LayerRenderer>> layers,
                           QObject* parent)
    : QObject(parent), m_settings(std::move(settings)), m_layers(std::move(layers)) {}

MapRenderJob::~MapRenderJob() {
  m_feedback.cancel();
  for (auto& w : m_watchers) w->waitForFinished();
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
    LayerRenderer* renderer = layer.get();
    const MapSettings settings = m_settings;
    Feedback feedback = m_feedback;
    watcher->setFuture(QtConcurrent::run([renderer, settings, feedback]() mutable {
      LayerResult result;
      result.image = QImage(settings.outputSize(), QImage::Format_ARGB32_Premultiplied);
      result.image.fill(Qt::transparent);
      QPainter painter(&result.image);
      result.error = renderer->render(painter, settings, feedback);
      return result;
    }));
    m_watchers.push_back(std::move(watcher));
  }
}

void MapRenderJob::cancel() { m_feedback.cancel(); }

void MapRenderJob::layerDone() {
  if (--m_pending > 0) return;
  m_image = QImage(m_settings.outputSize(), QImage::Format_ARGB32_Premultiplied);
  m_image.fill(m_settings.background());
  QPainter painter(&m_image);
  for (std::size_t i = 0; i < m_watchers.size(); ++i) {
    const LayerResult result = m_watchers[i]->result();
    if (!result.error.isEmpty()) m_errors << result.error;
    painter.setOpacity(m_layers[i]->opacity());
    painter.drawImage(0, 0, result.image);
  }
  painter.end();
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
