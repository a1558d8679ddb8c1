#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/extent.h"
#include "onemap/base/feedback.h"
#include "onemap/raster/band_role.h"

namespace onemap::raster {

/// A pixel grid: size, geotransform and CRS. Two rasters on the same Grid align pixel for pixel.
struct Grid {
  int width = 0;
  int height = 0;
  std::array<double, 6> geoTransform{0, 1, 0, 0, 0, 1};
  std::string crsWkt;
  Extent extent() const;
  double pixelSizeX() const;
  double pixelSizeY() const;
};

/// A rectangle of pixels in a Grid.
struct Window {
  int xOff = 0;
  int yOff = 0;
  int width = 0;
  int height = 0;
  std::int64_t pixelCount() const { return std::int64_t(width) * height; }
};

/// Resampling used when aligning or reading at another resolution.
enum class Resampling { Nearest, Bilinear, Cubic, Average, Mode };
std::optional<Resampling> parseResampling(std::string_view text) noexcept;
/// "nearest", "bilinear", "cubic", "average", "mode" (what parseResampling reads back).
std::string_view resamplingName(Resampling resampling) noexcept;

/// An open raster (file or aligned view of one) read block by block as float32.
/// Owns one GDAL dataset handle: use an instance on one thread at a time; open one per thread
/// (or clone()) for parallel reads.
class RasterSource {
 public:
  /// Opens read-only; errors as readRasterInfo.
  static Result<RasterSource> open(const std::filesystem::path& path);

  RasterSource(RasterSource&&) noexcept;
  RasterSource& operator=(RasterSource&&) noexcept;
  ~RasterSource();

  const std::filesystem::path& path() const;
  const Grid& grid() const;
  int bandCount() const;
  /// Roles guessed from the file; modify with bandRoles().applyOverride().
  BandRoleMap& bandRoles();
  const BandRoleMap& bandRoles() const;
  /// Nodata of band `index` (1-based), if set.
  std::optional<double> noData(int index) const;

  /// Another handle on the same data (for a second thread).
  Result<RasterSource> clone() const;

  /// A virtual view of this raster resampled onto `target` (any CRS/resolution), streaming:
  /// nothing is loaded until blocks are read. Errors: InvalidInput when this raster has no CRS
  /// or does not overlap the target grid (the message names both files).
  Result<RasterSource> alignedTo(const Grid& target,
                                 Resampling resampling = Resampling::Bilinear) const;
  /// As above onto `target`'s grid; error messages name both files. The view reads as float32
  /// with NaN where the source has no data or does not cover the target.
  Result<RasterSource> alignedTo(const RasterSource& target,
                                 Resampling resampling = Resampling::Bilinear) const;

  /// Reads `bands` (1-based) of `window` into `out` as float32, band-sequential
  /// (out[b * window.pixelCount() + row * window.width + col]); nodata pixels become NaN.
  /// Values are the stored ones: band scale/offset are not applied. Errors: InvalidInput for a
  /// window outside the grid or a band that does not exist, Io when GDAL cannot read.
  Status read(const Window& window, std::span<const int> bands, std::vector<float>& out) const;
  /// As read(), into `out` with `bandStride` floats from one band's first pixel to the next's
  /// (each band: `window.height` rows of `window.width` floats): lets a caller append rows to
  /// band planes it keeps, without a copy.
  Status readInto(const Window& window, std::span<const int> bands, float* out, std::size_t bandStride) const;
  /// Reads `window` resampled to `bufferWidth` × `bufferHeight` (GDAL serves it from the best
  /// overview when the buffer is smaller), same layout and nodata handling as read().
  Status readResampled(const Window& window, int bufferWidth, int bufferHeight,
                       std::span<const int> bands, std::vector<float>& out,
                       Resampling resampling = Resampling::Nearest) const;

  /// Windows covering the grid in natural block order, each of at most `maxPixels` pixels and
  /// whole rows of the file's blocks where possible.
  std::vector<Window> blockWindows(std::int64_t maxPixels) const;

  /// Block size of band 1 (the unit blockWindows aligns to).
  std::pair<int, int> blockSize() const;

 private:
  Status readFloat(const Window& window, int bufferWidth, int bufferHeight, std::span<const int> bands, float* out,
                   std::size_t bandStride, Resampling resampling) const;
  struct Impl;  // defined in raster_source_impl.h
  explicit RasterSource(std::unique_ptr<Impl> impl);
  Result<RasterSource> alignedToNamed(const Grid& target, Resampling resampling,
                                      const std::string& targetName) const;
  std::unique_ptr<Impl> m_impl;
};

/// Calls `visit` for every window of `source`, reading `bands` with at most `memoryBudgetBytes`
/// of pixel buffers, reporting progress and stopping with Canceled when `feedback` is canceled.
/// `visit` returning an error stops the iteration with that error. Empty `bands` reads all.
/// Windows hold at most max(1, memoryBudgetBytes / (bands * 4)) pixels.
Status forEachBlock(const RasterSource& source, std::span<const int> bands,
                    std::int64_t memoryBudgetBytes, Feedback& feedback,
                    const std::function<Status(const Window&, const std::vector<float>&)>& visit);

}  // namespace onemap::raster
