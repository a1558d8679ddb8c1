#include "onemap/render/renderer_factory.h"

#include "onemap/project/project.h"
#include "onemap/render/raster_layer_renderer.h"
#include "onemap/render/raster_style.h"
#include "onemap/render/vector_layer_renderer.h"
#include "onemap/render/vector_style.h"

namespace onemap::render {

RendererFactory::RendererFactory() = default;
RendererFactory::~RendererFactory() = default;

std::unique_ptr<LayerRenderer> RendererFactory::create(const project::LayerSpec& layer) {
  if (layer.kind == project::LayerKind::Raster) {
    auto& cache = m_rasterCaches[layer.id];
    if (!cache) cache = std::make_shared<RasterLayerCache>();
    return std::make_unique<RasterLayerRenderer>(layer.source, RasterStyle::fromProperties(layer.style), cache,
                                                 layer.opacity);
  }
  return std::make_unique<VectorLayerRenderer>(layer.source, layer.layerName, layer.encoding,
                                               VectorStyle::fromProperties(layer.style), layer.opacity);
}

void RendererFactory::invalidate(const std::string& layerId) { m_rasterCaches.erase(layerId); }

}  // namespace onemap::render
