#include "onemap/render/raster_layer_renderer.h"

#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include "onemap/base/text.h"
#include "onemap/render/color_ramp.h"
#include "onemap/raster/crs_compare.h"
#include "onemap/raster/raster_source.h"

namespace onemap::render {
namespace {

QImage toImage(const std::vector<float>& pixels, int width, int height,
               const std::vector<std::pair<double, double>>& stretch, const std::vector<QRgb>* ramp) {
  QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
  const std::size_t count = std::size_t(width) * std::size_t(height);
  const bool rgb = stretch.size() >= 3 && ramp == nullptr;
  auto scale = [&](std::size_t band, float v) -> int {
    const auto [lo, hi] = stretch[band];
    const double t = (double(v) - lo) / (hi - lo);
    return std::clamp(int(std::lround(t * 255.0)), 0, 255);
  };
  for (int y = 0; y < height; ++y) {
    auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
    for (int x = 0; x < width; ++x) {
      const std::size_t i = std::size_t(y) * std::size_t(width) + std::size_t(x);
      const float r = pixels[i];
      const float g = rgb ? pixels[count + i] : r;
      const float b = rgb ? pixels[2 * count + i] : r;
      if (std::isnan(r) || std::isnan(g) || std::isnan(b)) {
        line[x] = qRgba(0, 0, 0, 0);
        continue;
      }
      if (ramp != nullptr) {
        line[x] = (*ramp)[std::size_t(scale(0, r))];
        continue;
      }
      line[x] = rgb ? qRgb(scale(0, r), scale(1, g), scale(2, b)) : qRgb(scale(0, r), scale(0, r), scale(0, r));
    }
  }
  return image;
}

}  // namespace

RasterLayerRenderer::RasterLayerRenderer(std::filesystem::path source, RasterStyle style,
                                         std::shared_ptr<RasterLayerCache> cache, double opacity)
    : m_source(std::move(source)), m_style(std::move(style)), m_cache(std::move(cache)), m_opacity(opacity) {}

QString RasterLayerRenderer::render(QPainter& painter, const MapSettings& settings, Feedback& feedback) {
  auto source = raster::RasterSource::open(m_source);
  if (!source) return QString::fromStdString(source.error().text());
  std::string error;
  const auto resolved = m_cache->resolve(*source, m_style, &error);
  if (!resolved) return QString::fromStdString(text::displayPath(m_source) + ": " + error);
  if (feedback.isCanceled()) return {};

  const raster::Grid& grid = source->grid();
  const Extent view = settings.visibleExtent();
  std::vector<float> pixels;
  QRectF target;
  int bufferWidth = 0;
  int bufferHeight = 0;

  if (raster::isSameCrs(grid.crsWkt, settings.crs())) {
    const auto& gt = grid.geoTransform;
    const Extent visible = view.intersected(grid.extent());
    if (visible.isEmpty()) return {};
    // Pixel window covering the visible part, snapped outwards to whole source pixels.
    const int x0 = std::clamp(int(std::floor((visible.minX() - gt[0]) / gt[1])), 0, grid.width);
    const int x1 = std::clamp(int(std::ceil((visible.maxX() - gt[0]) / gt[1])), 0, grid.width);
    const int y0 = std::clamp(int(std::floor((visible.maxY() - gt[3]) / gt[5])), 0, grid.height);
    const int y1 = std::clamp(int(std::ceil((visible.minY() - gt[3]) / gt[5])), 0, grid.height);
    if (x1 <= x0 || y1 <= y0) return {};
    const Extent windowExtent(gt[0] + x0 * gt[1], gt[3] + y1 * gt[5], gt[0] + x1 * gt[1], gt[3] + y0 * gt[5]);
    target = settings.toPixel(windowExtent);
    bufferWidth = std::max(1, std::min(x1 - x0, int(std::ceil(target.width()))));
    bufferHeight = std::max(1, std::min(y1 - y0, int(std::ceil(target.height()))));
    const raster::Window window{x0, y0, x1 - x0, y1 - y0};
    if (auto st = source->readResampled(window, bufferWidth, bufferHeight, resolved->bands, pixels,
                                        raster::Resampling::Nearest);
        !st)
      return QString::fromStdString(st.error().text());
  } else {
    raster::Grid output;
    output.width = settings.outputSize().width();
    output.height = settings.outputSize().height();
    const double upp = settings.mapUnitsPerPixel();
    output.geoTransform = {view.minX(), upp, 0.0, view.maxY(), 0.0, -upp};
    output.crsWkt = settings.crs();
    auto warped = source->alignedTo(output, raster::Resampling::Nearest);
    if (!warped) {
      // Not overlapping the view is not an error worth showing.
      return warped.error().code == ErrorCode::InvalidInput ? QString() : QString::fromStdString(warped.error().text());
    }
    bufferWidth = output.width;
    bufferHeight = output.height;
    target = QRectF(0, 0, bufferWidth, bufferHeight);
    if (auto st = warped->read(raster::Window{0, 0, bufferWidth, bufferHeight}, resolved->bands, pixels); !st)
      return QString::fromStdString(st.error().text());
  }
  if (feedback.isCanceled()) return {};
  std::vector<QRgb> ramp;
  if (m_style.mode == RasterStyle::Mode::PseudoColor) ramp = ColorRamp::byName(m_style.ramp).lookupTable();
  const QImage image =
      toImage(pixels, bufferWidth, bufferHeight, resolved->stretch, ramp.empty() ? nullptr : &ramp);
  painter.save();
  painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
  painter.drawImage(target, image);
  painter.restore();
  return {};
}

}  // namespace onemap::render
