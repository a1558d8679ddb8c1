#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/raster/raster_source.h"

namespace onemap::raster {

/// A single-band byte GeoTIFF (tiled, sparse, ZSTD or DEFLATE) written window by window on a
/// Grid: the scratch class map of an analysis. One thread at a time.
class ByteRasterWriter {
 public:
  static Result<ByteRasterWriter> create(const std::filesystem::path& path, const Grid& grid);
  ByteRasterWriter(ByteRasterWriter&&) noexcept;
  ByteRasterWriter& operator=(ByteRasterWriter&&) noexcept;
  ~ByteRasterWriter();

  /// Writes `values` (window.pixelCount() bytes, row-major) at `window`.
  Status write(const Window& window, const std::vector<std::uint8_t>& values);
  /// Flushes and closes the file.
  Status close();

 private:
  struct Impl;
  explicit ByteRasterWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

/// One polygon of connected pixels sharing a non-zero value (ISO WKB, in the raster's CRS).
struct ValuePolygon {
  int value = 0;
  std::vector<unsigned char> wkb;
};

/// Turns band 1 of the byte raster `path` (a ByteRasterWriter file) into polygons: 8-connected
/// pixels of equal non-zero value become one polygon each (zero is background), exactly as one
/// GDALPolygonize call on the whole raster makes them. The file is read once; bands of rows that
/// no polygon crosses are polygonized on up to `threads` threads. The polygons are then handed to
/// `visit` one by one on the calling thread, in GDALPolygonize's order. Canceled when `feedback` is.
Status polygonizeClasses(const std::filesystem::path& path, int threads, Feedback& feedback,
                         const std::function<Status(ValuePolygon&&)>& visit);

}  // namespace onemap::raster
