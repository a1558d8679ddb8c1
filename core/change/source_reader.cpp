#include "source_reader.h"

#include "onemap/base/text.h"

namespace onemap::change::detail {

SourceReader::SourceReader(raster::RasterSource source) : m_source(std::move(source)) {}

const raster::Grid& SourceReader::grid() const { return m_source.grid(); }

std::pair<int, int> SourceReader::blockSize() const { return m_source.blockSize(); }

std::string SourceReader::name() const { return text::displayPath(m_source.path()); }

Status SourceReader::readInto(const raster::Window& window, std::span<const int> bands, float* out,
                              std::size_t bandStride) const {
  return m_source.readInto(window, bands, out, bandStride);
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
