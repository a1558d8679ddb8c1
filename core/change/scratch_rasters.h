#pragma once
// Internal to onemap_change: the class map written to scratch GeoTIFFs for the patch stages.

#include <filesystem>

#include "class_map_sink.h"
#include "onemap/raster/class_raster.h"

namespace onemap::change::detail {

/// A ClassMapSink writing two sparse byte GeoTIFFs on the grid: the classes and the evidence.
class ScratchRasters final : public ClassMapSink {
 public:
  static Result<ScratchRasters> create(const std::filesystem::path& classes, const std::filesystem::path& evidence,
                                       const raster::Grid& grid);
  Status write(const raster::Window& window, const std::vector<std::uint8_t>& classes,
               const std::vector<std::uint8_t>& evidence) override;
  /// Flushes and closes both files.
  Status close();

 private:
  ScratchRasters(raster::ByteRasterWriter classes, raster::ByteRasterWriter evidence);
  raster::ByteRasterWriter m_classes, m_evidence;
};

}  // namespace onemap::change::detail
