#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "onemap/render/layer_renderer.h"
#include "onemap/render/raster_style.h"

namespace onemap::render {

/// Draws a raster layer: reads exactly the visible window at output resolution (GDAL picks the
/// overview), stretches to 8 bits and draws RGB, grey or one band through a colour ramp
/// (pseudo-colour); nodata is transparent. Rasters in another
/// CRS than the map are warped on the fly onto the output grid.
class RasterLayerRenderer final : public LayerRenderer {
 public:
  RasterLayerRenderer(std::filesystem::path source, RasterStyle style, std::shared_ptr<RasterLayerCache> cache,
                      double opacity);
  QString render(QPainter& painter, const MapSettings& settings, Feedback& feedback) override;
  double opacity() const override { return m_opacity; }

 private:
  std::filesystem::path m_source;
  RasterStyle m_style;
  std::shared_ptr<RasterLayerCache> m_cache;
  double m_opacity;
};

}  // namespace onemap::render
