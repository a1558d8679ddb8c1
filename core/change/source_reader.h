#pragma once
// Internal to onemap_change: RasterReader over a raster::RasterSource.

#include "raster_reader.h"

namespace onemap::change::detail {

/// A RasterReader over a raster::RasterSource: an image file, or the view of one aligned to
/// another image's grid.
class SourceReader final : public RasterReader {
 public:
  explicit SourceReader(raster::RasterSource source);

  const raster::Grid& grid() const override;
  std::pair<int, int> blockSize() const override;
  std::string name() const override;
  Status readInto(const raster::Window& window, std::span<const int> bands, float* out,
                  std::size_t bandStride) const override;
  /// GDAL's average resampling (served from overviews when the image has them).
  Status readAveraged(const raster::Window& window, int width, int height, std::span<const int> bands,
                      std::vector<float>& out) const override;
  Result<std::unique_ptr<RasterReader>> clone() const override;

 private:
  raster::RasterSource m_source;
};

}  // namespace onemap::change::detail
