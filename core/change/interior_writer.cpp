#include "interior_writer.h"

#include <algorithm>

#include "class_cleanup.h"
#include "rule_reach.h"

namespace onemap::change::detail {

void InteriorWriter::reserve(int rowStep, int maxColumns) {
  const std::size_t columns = std::size_t(maxColumns);
  const std::size_t written = std::size_t(rowStep + kHalo) * columns;
  const std::size_t classRows = std::size_t(rowStep + kHalo + 2 * kClassMargin) * columns;
  m_scratchClasses.reserve(classRows);
  m_cleaned.reserve(classRows);
  m_interior.reserve(written);
  m_interiorEvidence.reserve(written);
}

Status InteriorWriter::write(ClassRows& rows, int bandX0, const raster::Window& inner, const BlockPassRules& rules,
                             ClassMapSink& sink, std::mutex& lock) {
  const int rw = rows.width(), ch = rows.rows();
  const std::size_t RW = std::size_t(rw);
  std::vector<std::uint8_t>& classes = rows.classes();
  growIntoChange(classes, rows.changed(), rw, ch, rules.growSteps, m_scratchClasses);
  bridgeGaps(classes, rows.mask(), rw, ch, rules.gap, m_scratchClasses, m_rowFlags, m_columnNear);
  cleanUp(classes, rw, ch, m_cleaned, m_rowFlags, m_columnOr);
  m_interior.resize(std::size_t(inner.pixelCount()));
  m_interiorEvidence.resize(m_interior.size());
  const int width = inner.width;  // a local: byte stores could alias `inner`
  const int rowOffset = inner.yOff - rows.top(), columnOffset = inner.xOff - bandX0;
  for (int y = 0; y < inner.height; ++y) {
    const std::size_t from = std::size_t(y + rowOffset) * RW + std::size_t(columnOffset);
    const std::uint8_t* const src = m_cleaned.data() + from;
    const std::uint8_t* const strength = rows.evidence().data() + from;
    std::uint8_t* const dst = m_interior.data() + std::size_t(y) * std::size_t(width);
    std::uint8_t* const dstStrength = m_interiorEvidence.data() + std::size_t(y) * std::size_t(width);
    std::copy_n(src, width, dst);
    // The evidence of change pixels only (both loads unconditional, so the loop vectorises).
    for (int x = 0; x < width; ++x) dstStrength[x] = std::uint8_t(strength[x] & (src[x] != 0 ? 0xFF : 0x00));
  }
  const bool anyOut = nextNonZero(m_interior.data(), 0, int(m_interior.size())) < int(m_interior.size());
  // The class map is sparse: windows never written read as 0 (no change).
  if (!anyOut) return {};
  std::lock_guard guard(lock);
  return sink.write(inner, m_interior, m_interiorEvidence);
}

}  // namespace onemap::change::detail
