#include "memory_raster.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace onemap::change::detail {

MemoryRaster::MemoryRaster(raster::Grid grid, int bandCount, std::vector<float> values, std::pair<int, int> blockSize,
                           std::string name)
    : m_data(std::make_shared<const Data>(
          Data{std::move(grid), bandCount, std::move(values), blockSize, std::move(name)})) {}

MemoryRaster::MemoryRaster(std::shared_ptr<const Data> data) : m_data(std::move(data)) {}

const raster::Grid& MemoryRaster::grid() const { return m_data->grid; }

std::pair<int, int> MemoryRaster::blockSize() const { return m_data->blockSize; }

std::string MemoryRaster::name() const { return m_data->name; }

Status MemoryRaster::check(const raster::Window& window, std::span<const int> bands) const {
  const raster::Grid& g = m_data->grid;
  if (window.xOff < 0 || window.yOff < 0 || window.width <= 0 || window.height <= 0 ||
      window.xOff + window.width > g.width || window.yOff + window.height > g.height)
    return fail(ErrorCode::InvalidInput, "the window lies outside the raster", m_data->name);
  if (m_data->values.size() != std::size_t(m_data->bandCount) * std::size_t(g.width) * std::size_t(g.height))
    return fail(ErrorCode::InvalidInput, "the raster holds the wrong number of values", m_data->name);
  for (int band : bands)
    if (band < 1 || band > m_data->bandCount)
      return fail(ErrorCode::InvalidInput, "the raster has no band " + std::to_string(band), m_data->name);
  return {};
}

Status MemoryRaster::readInto(const raster::Window& window, std::span<const int> bands, float* out,
                              std::size_t bandStride) const {
  if (auto st = check(window, bands); !st) return st;
  const raster::Grid& g = m_data->grid;
  const std::size_t plane = std::size_t(g.width) * std::size_t(g.height);
  for (std::size_t b = 0; b < bands.size(); ++b) {
    const float* from = m_data->values.data() + std::size_t(bands[b] - 1) * plane;
    for (int y = 0; y < window.height; ++y)
      std::copy_n(from + std::size_t(window.yOff + y) * std::size_t(g.width) + std::size_t(window.xOff),
                  window.width, out + b * bandStride + std::size_t(y) * std::size_t(window.width));
  }
  return {};
}

Status MemoryRaster::readAveraged(const raster::Window& window, int width, int height, std::span<const int> bands,
                                  std::vector<float>& out) const {
  if (auto st = check(window, bands); !st) return st;
  if (width <= 0 || height <= 0) return fail(ErrorCode::InvalidInput, "the sample is empty", m_data->name);
  const raster::Grid& g = m_data->grid;
  const std::size_t plane = std::size_t(g.width) * std::size_t(g.height);
  const std::size_t outPlane = std::size_t(width) * std::size_t(height);
  out.assign(bands.size() * outPlane, std::numeric_limits<float>::quiet_NaN());
  // The pixels [first, last) of `pixels` that output cell `i` of `cells` covers (at least one).
  const auto span = [](int i, int cells, int pixels) {
    const int first = int(std::int64_t(i) * pixels / cells);
    return std::pair<int, int>(first, std::max(first + 1, int(std::int64_t(i + 1) * pixels / cells)));
  };
  for (std::size_t b = 0; b < bands.size(); ++b) {
    const float* from = m_data->values.data() + std::size_t(bands[b] - 1) * plane;
    for (int j = 0; j < height; ++j) {
      const auto [y0, y1] = span(j, height, window.height);
      for (int i = 0; i < width; ++i) {
        const auto [x0, x1] = span(i, width, window.width);
        double sum = 0.0;
        int count = 0;
        for (int y = y0; y < y1; ++y)
          for (int x = x0; x < x1; ++x) {
            const float v = from[std::size_t(window.yOff + y) * std::size_t(g.width) + std::size_t(window.xOff + x)];
            if (std::isnan(v)) continue;
            sum += double(v);
            ++count;
          }
        if (count > 0) out[b * outPlane + std::size_t(j) * std::size_t(width) + std::size_t(i)] = float(sum / count);
      }
    }
  }
  return {};
}

Result<std::unique_ptr<RasterReader>> MemoryRaster::clone() const {
  return std::unique_ptr<RasterReader>(new MemoryRaster(m_data));
}

}  // namespace onemap::change::detail
