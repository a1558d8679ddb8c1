#include "map_preview.h"

#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

#include "onemap/sheet/layout_renderer.h"

namespace onemap::designer {

namespace {
constexpr double kMaxPixels = 4096.0;  // longest side of a preview image
}

MapImage renderMapJob(const MapJob& job, render::RendererFactory& factory, Feedback& feedback) {
  MapImage out;
  out.itemId = job.itemId;
  const layout::Item* item = job.layout.item(job.itemId);
  if (!item || item->width <= 0 || item->height <= 0) return out;
  const double m = job.marginMm;
  out.pageRect = QRectF(item->x - m, item->y - m, item->width + 2 * m, item->height + 2 * m);
  double dpmm = job.dotsPerMm;
  const double longest = std::max(out.pageRect.width(), out.pageRect.height()) * dpmm;
  if (longest > kMaxPixels) dpmm *= kMaxPixels / longest;
  const QSize size(std::max(1, int(std::ceil(out.pageRect.width() * dpmm))),
                   std::max(1, int(std::ceil(out.pageRect.height() * dpmm))));
  out.image = QImage(size, QImage::Format_ARGB32_Premultiplied);
  out.image.fill(Qt::transparent);
  QPainter painter(&out.image);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  painter.scale(dpmm, dpmm);
  painter.translate(-out.pageRect.topLeft());
  sheet::SheetContext context;
  context.project = &job.project;
  context.projectFile = job.projectFile;
  context.mapCrs = job.mapCrs;
  context.renderers = &factory;
  context.atlas = job.atlas ? &*job.atlas : nullptr;
  context.preview = true;
  out.error = sheet::renderItem(painter, job.layout, *item, context, dpmm, feedback);
  out.canceled = feedback.isCanceled();
  return out;
}

MapPreviewRenderer::MapPreviewRenderer(std::function<std::optional<MapJob>(const std::string&)> makeJob,
                                       QObject* parent)
    : QObject(parent), m_makeJob(std::move(makeJob)) {
  connect(&m_watcher, &QFutureWatcher<MapImage>::finished, this, &MapPreviewRenderer::finished);
}

MapPreviewRenderer::~MapPreviewRenderer() {
  m_feedback.cancel();
  m_watcher.waitForFinished();
}

void MapPreviewRenderer::request(const std::string& itemId) {
  if (m_running == itemId) m_feedback.cancel();
  if (std::find(m_queue.begin(), m_queue.end(), itemId) == m_queue.end()) m_queue.push_back(itemId);
  if (!m_running) startNext();
}

void MapPreviewRenderer::invalidateLayer(const std::string& layerId) {
  if (m_running)
    m_staleLayers.insert(layerId);
  else
    m_factory.invalidate(layerId);
}

void MapPreviewRenderer::startNext() {
  for (const auto& id : m_staleLayers) m_factory.invalidate(id);
  m_staleLayers.clear();
  while (!m_queue.empty()) {
    const std::string id = m_queue.front();
    m_queue.pop_front();
    auto job = m_makeJob(id);
    if (!job) continue;
    m_running = id;
    m_feedback = Feedback();
    Feedback feedback = m_feedback;
    render::RendererFactory* factory = &m_factory;
    m_watcher.setFuture(QtConcurrent::run([job = std::move(*job), factory, feedback]() mutable {
      return renderMapJob(job, *factory, feedback);
    }));
    return;
  }
  emit idle();
}

void MapPreviewRenderer::finished() {
  MapImage image = m_watcher.result();
  m_running.reset();
  if (!image.canceled) emit rendered(image);
  startNext();
}

}  // namespace onemap::designer
