#include "onemap/render/renderer_factory.h"

#include "onemap/project/project.h"
#include "onemap/render/raster_layer_renderer.h"
#include "onemap/render/raster_style.h"
#include "onemap/render/vector_cache.h"
#include "onemap/render/vector_layer_renderer.h"
#include "onemap/render/vector_style.h"

namespace onemap::render {

RendererFactory::RendererFactory()
    : m_vectorBudget(std::make_shared<VectorCacheBudget>(kDefaultVectorLayerBytes, kDefaultVectorTotalBytes)) {}
RendererFactory::~RendererFactory() = default;
RendererFactory::RendererFactory(RendererFactory&&) noexcept = default;
RendererFactory& RendererFactory::operator=(RendererFactory&&) noexcept = default;

std::unique_ptr<LayerRenderer> RendererFactory::create(const project::LayerSpec& layer) {
  if (layer.kind == project::LayerKind::Raster) {
    auto& cache = m_rasterCaches[layer.id];
    if (!cache) cache = std::make_shared<RasterLayerCache>();
    return std::make_unique<RasterLayerRenderer>(layer.source, RasterStyle::fromProperties(layer.style), cache,
                                                 layer.opacity);
  }
  if (!m_vectorBudget)  // moved from
    m_vectorBudget = std::make_shared<VectorCacheBudget>(kDefaultVectorLayerBytes, kDefaultVectorTotalBytes);
  auto& cache = m_vectorCaches[layer.id];
  if (!cache) cache = std::make_shared<VectorLayerCache>(m_vectorBudget);
  return std::make_unique<VectorLayerRenderer>(layer.source, layer.layerName, layer.encoding,
                                               VectorStyle::fromProperties(layer.style), layer.opacity, cache);
}

void RendererFactory::invalidate(const std::string& layerId) {
  m_rasterCaches.erase(layerId);
  m_vectorCaches.erase(layerId);
}

void RendererFactory::setVectorCacheLimits(std::size_t perLayerBytes, std::size_t totalBytes) {
  if (!m_vectorBudget) m_vectorBudget = std::make_shared<VectorCacheBudget>(perLayerBytes, totalBytes);
  m_vectorBudget->setLimits(perLayerBytes, totalBytes);
}

std::shared_ptr<VectorLayerCache> RendererFactory::vectorCache(const std::string& layerId) const {
  auto it = m_vectorCaches.find(layerId);
  return it == m_vectorCaches.end() ? nullptr : it->second;
}

std::size_t RendererFactory::vectorCacheBytes() const { return m_vectorBudget ? m_vectorBudget->used() : 0; }

}  // namespace onemap::render
