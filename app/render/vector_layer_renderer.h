#pragma once

#include <filesystem>
#include <string>

#include "onemap/render/layer_renderer.h"
#include "onemap/render/vector_style.h"

namespace onemap::render {

/// Draws a vector layer: reads only features in the visible extent (spatial filter), reprojects
/// them to the map CRS and draws polygons, lines and points with one symbol.
class VectorLayerRenderer final : public LayerRenderer {
 public:
  VectorLayerRenderer(std::filesystem::path source, std::string layerName, std::string encoding,
                      VectorStyle style, double opacity);
  QString render(QPainter& painter, const MapSettings& settings, Feedback& feedback) override;
  double opacity() const override { return m_opacity; }

 private:
  std::filesystem::path m_source;
  std::string m_layerName;
  std::string m_encoding;
  VectorStyle m_style;
  double m_opacity;
};

}  // namespace onemap::render
