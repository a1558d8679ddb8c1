#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "onemap/render/layer_renderer.h"
#include "onemap/render/vector_style.h"

namespace onemap::render {

class VectorLayerCache;

/// Draws a vector layer in the map CRS with its style (single, categorized, graduated fills,
/// labels, scale range) and level of detail for the output resolution. Draws from the layer's
/// in-memory copy (VectorLayerCache) when there is one: the first render that shows a large part
/// of the layer builds it, a zoomed-in first render reads only the visible features from the file
/// (spatial filter) while the copy is built in the background. Large layers drawn onto an image
/// are drawn in horizontal stripes on idle render threads. Built on the GUI thread, used on one
/// worker thread.
class VectorLayerRenderer final : public LayerRenderer {
 public:
  /// What the last render() did, for tests and benchmarks.
  struct Stats {
    bool fromCache = false;
    std::size_t candidates = 0;  ///< features considered (in the view's cells or read from the file)
    std::size_t features = 0;    ///< drawn as geometry
    std::size_t dots = 0;        ///< drawn as one pixel (smaller than a pixel)
    std::size_t points = 0;      ///< vertices passed to the painter
    int stripes = 1;
  };

  /// `cache` may be null (always read from the file).
  VectorLayerRenderer(std::filesystem::path source, std::string layerName, std::string encoding,
                      VectorStyle style, double opacity, std::shared_ptr<VectorLayerCache> cache = nullptr);
  QString render(QPainter& painter, const MapSettings& settings, Feedback& feedback) override;
  double opacity() const override { return m_opacity; }
  const Stats& stats() const { return m_stats; }

 private:
  std::filesystem::path m_source;
  std::string m_layerName;
  std::string m_encoding;
  VectorStyle m_style;
  double m_opacity;
  std::shared_ptr<VectorLayerCache> m_cache;
  Stats m_stats;
};

}  // namespace onemap::render
