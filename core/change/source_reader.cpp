#include "source_reader.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "onemap/base/text.h"

namespace onemap::change::detail {

SourceReader::SourceReader(raster::RasterSource source) : m_source(std::move(source)) {}

const raster::Grid& SourceReader::grid() const { return m_source.grid(); }

std::pair<int, int> SourceReader::blockSize() const { return m_source.blockSize(); }

std::string SourceReader::name() const { return text::displayPath(m_source.path()); }

namespace {

/// Marks as no data (NaN) the pixels whose bands are all exactly 0 when none of `bands` declares
/// a nodata value: the fill of a warped or mosaicked image (gdalwarp without -dstnodata, the
/// outside of the after image aligned to the before grid). No land reflects nothing in every band.
void zeroFillIsNoData(const raster::RasterSource& source, std::span<const int> bands, float* out,
                      std::size_t pixels, std::size_t bandStride) {
  if (bands.size() < 3) return;
  for (int band : bands)
    if (source.noData(band)) return;
  // Chunk by chunk, branch-free (the block pass reads every pixel of both dates through here).
  constexpr std::size_t kChunk = 4096;
  std::uint8_t zero[kChunk];
  for (std::size_t k0 = 0; k0 < pixels; k0 += kChunk) {
    const std::size_t n = std::min(kChunk, pixels - k0);
    const float* first = out + k0;
    // Most chunks hold no 0 in their first band at all: one reduction tells.
    unsigned anyFirst = 0;
    for (std::size_t k = 0; k < n; ++k) anyFirst |= unsigned(first[k] == 0.0f);
    if (!anyFirst) continue;
    for (std::size_t k = 0; k < n; ++k) zero[k] = std::uint8_t(first[k] == 0.0f);
    for (std::size_t b = 1; b < bands.size(); ++b) {
      const float* values = out + b * bandStride + k0;
      for (std::size_t k = 0; k < n; ++k) zero[k] &= std::uint8_t(values[k] == 0.0f);
    }
    unsigned any = 0;
    for (std::size_t k = 0; k < n; ++k) any |= zero[k];
    if (!any) continue;
    for (std::size_t k = 0; k < n; ++k)
      if (zero[k])
        for (std::size_t b = 0; b < bands.size(); ++b) out[b * bandStride + k0 + k] = std::numeric_limits<float>::quiet_NaN();
  }
}

}  // namespace

Status SourceReader::readInto(const raster::Window& window, std::span<const int> bands, float* out,
                              std::size_t bandStride) const {
  if (auto st = m_source.readInto(window, bands, out, bandStride); !st) return st;
  zeroFillIsNoData(m_source, bands, out, std::size_t(window.pixelCount()), bandStride);
  return {};
}

Status SourceReader::readAveraged(const raster::Window& window, int width, int height, std::span<const int> bands,
                                  std::vector<float>& out) const {
  return m_source.readResampled(window, width, height, bands, out, raster::Resampling::Average);
}

Result<std::unique_ptr<RasterReader>> SourceReader::clone() const {
  auto copy = m_source.clone();
  if (!copy) return fail(copy.error());
  return std::unique_ptr<RasterReader>(std::make_unique<SourceReader>(std::move(*copy)));
}

}  // namespace onemap::change::detail
