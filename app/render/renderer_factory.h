#pragma once

#include <map>
#include <memory>
#include <string>

#include "onemap/render/layer_renderer.h"

namespace onemap::project {
struct LayerSpec;
}

namespace onemap::render {

class RasterLayerCache;

/// Builds renderers from project layers (a snapshot of their settings) and keeps what each layer
/// resolved once (bands, stretch) across renders. Lives on the GUI thread.
class RendererFactory {
 public:
  RendererFactory();
  ~RendererFactory();
  std::unique_ptr<LayerRenderer> create(const project::LayerSpec& layer);
  /// Drops what was cached for a layer (after its style or source changed).
  void invalidate(const std::string& layerId);

 private:
  std::map<std::string, std::shared_ptr<RasterLayerCache>> m_rasterCaches;
};

}  // namespace onemap::render
