#pragma once
// Internal to onemap_change: RasterReader over values in memory (tests run the detector on
// scenes they build, without writing files).

#include <memory>

#include "raster_reader.h"

namespace onemap::change::detail {

/// A RasterReader over float values in memory: `bandCount` planes of grid.width × grid.height
/// values, band after band (NaN = no data). Clones share the values.
class MemoryRaster final : public RasterReader {
 public:
  MemoryRaster(raster::Grid grid, int bandCount, std::vector<float> values,
               std::pair<int, int> blockSize = {256, 256}, std::string name = "memory");

  const raster::Grid& grid() const override;
  std::pair<int, int> blockSize() const override;
  std::string name() const override;
  Status readInto(const raster::Window& window, std::span<const int> bands, float* out,
                  std::size_t bandStride) const override;
  /// The mean of the values (NaN left out) over the pixels each output pixel covers (whole
  /// pixels: GDAL would weigh the pixels cut by a cell's edge).
  Status readAveraged(const raster::Window& window, int width, int height, std::span<const int> bands,
                      std::vector<float>& out) const override;
  Result<std::unique_ptr<RasterReader>> clone() const override;

 private:
  struct Data {
    raster::Grid grid;
    int bandCount = 0;
    std::vector<float> values;
    std::pair<int, int> blockSize;
    std::string name;
  };
  explicit MemoryRaster(std::shared_ptr<const Data> data);
  Status check(const raster::Window& window, std::span<const int> bands) const;
  std::shared_ptr<const Data> m_data;
};

}  // namespace onemap::change::detail
