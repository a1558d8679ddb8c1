#pragma once
// Internal to onemap_change: how the detector reads the two image dates. The block pass and the
// calibration read only through RasterReader: GDAL files in a run (SourceReader), pixels in
// memory in tests (MemoryRaster).

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "band_selection.h"
#include "onemap/base/error.h"
#include "onemap/raster/raster_source.h"

namespace onemap::change::detail {

/// One image date as the detector reads it: float32 values of chosen bands on a grid.
/// One thread reads through a reader at a time; clone() gives another thread its own.
class RasterReader {
 public:
  virtual ~RasterReader() = default;

  /// The grid the values are read on.
  virtual const raster::Grid& grid() const = 0;
  /// Width and height of the blocks the image is stored in: reads of whole blocks decode each once.
  virtual std::pair<int, int> blockSize() const = 0;
  /// The image's name in messages (its file).
  virtual std::string name() const = 0;
  /// Reads `bands` (1-based) of `window` into `out` with `bandStride` floats from one band's first
  /// pixel to the next's (each band: `window.height` rows of `window.width` floats); no data is
  /// NaN. InvalidInput for a window outside the grid or a band that does not exist.
  virtual Status readInto(const raster::Window& window, std::span<const int> bands, float* out,
                          std::size_t bandStride) const = 0;
  /// Reads `bands` of `window` averaged down to `width` × `height` pixels into `out` (resized,
  /// band-sequential; NaN where no value was read): the sample of the scene the rules are set
  /// up on.
  virtual Status readAveraged(const raster::Window& window, int width, int height, std::span<const int> bands,
                              std::vector<float>& out) const = 0;
  /// Another reader of the same values, for another thread.
  virtual Result<std::unique_ptr<RasterReader>> clone() const = 0;
};

/// The two dates compared: the after date read on the before date's grid, and the bands of each.
struct ImagePair {
  const RasterReader& before;
  const RasterReader& after;  ///< on before.grid() (aligned)
  BandSelection bands;
  const raster::Grid& grid() const { return before.grid(); }
};

}  // namespace onemap::change::detail
