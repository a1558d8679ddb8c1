#include "step_rows.h"

#include <algorithm>

#include "pixel_kernels.h"

namespace onemap::change::detail {
namespace {

/// Pixels normalised and tested for cloud at a time (their planes stay in cache in between).
constexpr std::size_t kChunk = 2048;

}  // namespace

void StepRows::reserve(std::size_t bandCount, int capacity, int maxColumns, std::size_t pieceFloats) {
  m_bandCount = bandCount;
  m_capacity = capacity;
  const std::size_t columns = std::size_t(maxColumns);
  m_before.reserve(bandCount * std::size_t(capacity) * columns);
  m_after.reserve(bandCount * std::size_t(capacity) * columns);
  m_cloudRaw.resize(std::size_t(capacity) * columns);
  m_piece.resize(pieceFloats);
}

void StepRows::startBand(int x0, int width) {
  m_x0 = x0;
  m_width = width;
  m_plane = std::size_t(m_capacity) * std::size_t(width);
  m_before.resize(m_bandCount * m_plane);
  m_after.resize(m_bandCount * m_plane);
}

void StepRows::restart(int top) {
  m_top = top;
  m_rows = 0;
}

Status StepRows::read(const raster::Window& rows, const std::vector<std::pair<int, int>>& runs,
                      const RasterReader& before, const RasterReader& after, const BandSelection& bands,
                      const BlockPassRules& rules, int blockWidth, int pieceColumns) {
  const std::size_t bandCount = m_bandCount, plane = m_plane, RW = std::size_t(m_width);
  const int rw = m_width, rx0 = m_x0;
  const bool cloudMask = rules.thresholds.cloudMask;
  const PixelRuleThresholds& cloudCandidate = rules.cloudCandidate;
  float* const vb = m_before.data();
  float* const va = m_after.data();
  std::uint8_t* const cloudRaw = m_cloudRaw.data();
  const std::size_t newPixels = std::size_t(rows.pixelCount());
  const std::size_t at = std::size_t(m_rows) * RW;
  if (runs.size() == 1 && runs[0] == std::pair<int, int>(0, rw)) {
    // Straight into the band planes after the rows kept.
    if (auto st = before.readInto(rows, bands.before, vb + at, plane); !st) return st;
    if (auto st = after.readInto(rows, bands.after, va + at, plane); !st) return st;
    // The after date on the before date's radiometry, and the cloud candidates of the new
    // rows (kept with the rows, like the pixels), chunk by chunk while they are in cache.
    for (std::size_t k = 0; k < newPixels; k += kChunk) {
      const std::size_t n = std::min(kChunk, newPixels - k);
      for (std::size_t band = 0; band < bandCount; ++band) {
        float* values = va + band * plane + at + k;
        normalizeBand(values, n, rules.normalization.bands[band], values);
      }
      if (cloudMask) cloudCandidates(vb + at + k, va + at + k, plane, n, cloudCandidate, cloudRaw + at + k);
    }
    m_read += std::int64_t(newPixels);
  } else {
    // Columns no run reads: zero (finite, not cloud) on both dates.
    for (int y = 0; y < rows.height; ++y) {
      const std::size_t row = at + std::size_t(y) * RW;
      int from = 0;
      for (std::size_t r = 0; r <= runs.size(); ++r) {
        const int to = r < runs.size() ? runs[r].first : rw;
        if (to > from) {
          for (std::size_t band = 0; band < bandCount; ++band) {
            std::fill_n(vb + band * plane + row + std::size_t(from), to - from, 0.0f);
            std::fill_n(va + band * plane + row + std::size_t(from), to - from, 0.0f);
          }
          std::fill_n(cloudRaw + row + std::size_t(from), to - from, std::uint8_t(0));
        }
        if (r < runs.size()) from = runs[r].second;
      }
    }
    // The runs, a few blocks' columns at a time through the scratch buffer.
    float* const piece = m_piece.data();
    for (const auto& [x0, x1] : runs)
      for (int p0 = x0; p0 < x1;) {
        const int p1 = std::min(x1, ((rx0 + p0) / blockWidth) * blockWidth + pieceColumns - rx0);
        const raster::Window part{rx0 + p0, rows.yOff, p1 - p0, rows.height};
        const std::size_t pw = std::size_t(part.width), pn = std::size_t(part.pixelCount());
        if (auto st = before.readInto(part, bands.before, piece, pn); !st) return st;
        for (std::size_t band = 0; band < bandCount; ++band)
          for (int y = 0; y < rows.height; ++y)
            std::copy_n(piece + band * pn + std::size_t(y) * pw, pw,
                        vb + band * plane + at + std::size_t(y) * RW + std::size_t(p0));
        if (auto st = after.readInto(part, bands.after, piece, pn); !st) return st;
        for (int y = 0; y < rows.height; ++y) {
          const std::size_t k = at + std::size_t(y) * RW + std::size_t(p0);
          for (std::size_t band = 0; band < bandCount; ++band)
            normalizeBand(piece + band * pn + std::size_t(y) * pw, pw, rules.normalization.bands[band],
                          va + band * plane + k);
          if (cloudMask) cloudCandidates(vb + k, va + k, plane, pw, cloudCandidate, cloudRaw + k);
        }
        m_read += std::int64_t(pn);
        p0 = p1;
      }
  }
  m_rows += rows.height;
  return {};
}

void StepRows::keepFrom(int keepFrom, int valuesFrom, bool cloudMask) {
  const std::size_t RW = std::size_t(m_width), plane = m_plane;
  const int end = m_top + m_rows;
  const std::size_t drop = std::size_t(keepFrom - m_top) * RW, keep = std::size_t(end - keepFrom) * RW;
  const std::size_t stale = std::size_t(valuesFrom - keepFrom) * RW;
  if (drop > 0) {
    for (std::size_t band = 0; band < m_bandCount; ++band) {
      std::copy_n(m_before.data() + band * plane + drop + stale, keep - stale, m_before.data() + band * plane + stale);
      std::copy_n(m_after.data() + band * plane + drop + stale, keep - stale, m_after.data() + band * plane + stale);
    }
    if (cloudMask) std::copy_n(m_cloudRaw.data() + drop, keep, m_cloudRaw.data());
  }
  m_top = keepFrom;
  m_rows = end - keepFrom;
}

}  // namespace onemap::change::detail
