#include "scratch_rasters.h"

namespace onemap::change::detail {

ScratchRasters::ScratchRasters(raster::ByteRasterWriter classes, raster::ByteRasterWriter evidence)
    : m_classes(std::move(classes)), m_evidence(std::move(evidence)) {}

Result<ScratchRasters> ScratchRasters::create(const std::filesystem::path& classes,
                                              const std::filesystem::path& evidence, const raster::Grid& grid) {
  auto classWriter = raster::ByteRasterWriter::create(classes, grid);
  if (!classWriter) return fail(classWriter.error());
  auto evidenceWriter = raster::ByteRasterWriter::create(evidence, grid);
  if (!evidenceWriter) return fail(evidenceWriter.error());
  return ScratchRasters(std::move(*classWriter), std::move(*evidenceWriter));
}

Status ScratchRasters::write(const raster::Window& window, const std::vector<std::uint8_t>& classes,
                             const std::vector<std::uint8_t>& evidence) {
  if (auto st = m_classes.write(window, classes); !st) return st;
  return m_evidence.write(window, evidence);
}

Status ScratchRasters::close() {
  if (auto st = m_classes.close(); !st) return st;
  return m_evidence.close();
}

}  // namespace onemap::change::detail
