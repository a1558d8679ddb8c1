#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include "onemap/render/layer_renderer.h"

namespace onemap::project {
struct LayerSpec;
}

namespace onemap::render {

class RasterLayerCache;
class VectorLayerCache;
class VectorCacheBudget;

/// Builds renderers from project layers (a snapshot of their settings) and keeps what each layer
/// resolved once across renders: a raster's bands and stretch, a vector layer's in-memory copy
/// (within a memory budget). Lives on the GUI thread; the caches it hands to renderers are
/// thread-safe.
class RendererFactory {
 public:
  /// Default memory limits of the vector layer copies.
  static constexpr std::size_t kDefaultVectorLayerBytes = std::size_t(256) << 20;
  static constexpr std::size_t kDefaultVectorTotalBytes = std::size_t(512) << 20;

  RendererFactory();
  ~RendererFactory();
  RendererFactory(RendererFactory&&) noexcept;
  RendererFactory& operator=(RendererFactory&&) noexcept;

  std::unique_ptr<LayerRenderer> create(const project::LayerSpec& layer);
  /// Drops what was cached for a layer (after its style or source changed); an unfinished
  /// in-memory copy of it stops being built.
  void invalidate(const std::string& layerId);
  /// Limits the vector layer copies: a layer needing more than `perLayerBytes`, or that would take
  /// the total over `totalBytes`, is drawn from its file instead. 0 turns the copies off.
  void setVectorCacheLimits(std::size_t perLayerBytes, std::size_t totalBytes);
  /// The in-memory copy holder of a vector layer (null before its first renderer was created).
  std::shared_ptr<VectorLayerCache> vectorCache(const std::string& layerId) const;
  /// Bytes held by the vector layer copies.
  std::size_t vectorCacheBytes() const;

 private:
  std::map<std::string, std::shared_ptr<RasterLayerCache>> m_rasterCaches;
  std::map<std::string, std::shared_ptr<VectorLayerCache>> m_vectorCaches;
  std::shared_ptr<VectorCacheBudget> m_vectorBudget;
};

}  // namespace onemap::render
