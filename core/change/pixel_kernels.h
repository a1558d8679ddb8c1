#pragma once
// Internal to onemap_change: the per-row loops of the block pass, written to vectorise and built
// for AVX2 too (chosen at run time; no FMA, so the same roundings on every machine). The
// attribute that builds them twice is on the definitions only: a declaration carrying it would
// make each caller emit a resolver of its own.

#include <array>
#include <cstddef>
#include <cstdint>

#include "band_selection.h"
#include "onemap/change/pixel_rules.h"
#include "onemap/change/radiometry.h"

namespace onemap::change::detail {

/// after → before radiometry for `n` values of one band: Normalization::apply().
void normalizeBand(const float* in, std::size_t n, const BandMapping& mapping, float* out);

/// Change magnitudes (changeMagnitude()) of `n` pixels of band planes `plane` floats apart, into
/// `out`.
void magnitudesOf(const float* before, const float* after, std::size_t plane, const BandSelection& bands,
                  const std::array<float, 6>& weights, int n, float* out);

/// Mean of the magnitudes over each pixel's 3 × 3 neighbourhood for the pixels [x0, x1) of one
/// row of `n` pixels: `above`, `row` and `below` are the magnitude rows (null at the edge of the
/// buffer; read at [x0 − 1, x1 + 1) only); the neighbourhood is clipped at the buffer's edges.
/// `columnSums` holds `n` floats of scratch.
void meanOfNeighbours(const float* above, const float* row, const float* below, int n, int x0, int x1,
                      float* columnSums, float* out);

/// Flags (1) the pixels of one row that the rules must look at: cropland whose mean change
/// magnitude (`magnitude`) reaches `growThreshold` or whose crown texture rose by `textureRise`.
/// The others are None or Invalid whatever the rules say (the test is the exact negation of
/// that, NaN included). With a before-date texture of 0 it flags a superset (textures are never
/// negative): the block pass's pre-test, which tells where the before date's texture is needed.
/// Whether any is flagged.
bool flagCandidates(const float* magnitude, int n, const float* textureBefore, const float* textureAfter,
                    const std::uint8_t* mask, float growThreshold, float textureRise, std::uint8_t* out);

/// Flags (1) the first `n` pixels of the band planes `before` and `after` (4 planes each, `plane`
/// floats apart) that are cloud on either date (isCloud()); whether there is any.
bool cloudCandidates(const float* before, const float* after, std::size_t plane, std::size_t n,
                     const PixelRuleThresholds& t, std::uint8_t* out);

}  // namespace onemap::change::detail
