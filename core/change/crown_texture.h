#pragma once
// Internal to onemap_change: the isotropic crown texture of one date's NIR plane.

#include <cstdint>
#include <vector>

namespace onemap::change::detail {

constexpr int kTextureRadius = 2;  // 5 × 5 crown texture window
/// Columns of the strips textureOf() works on (its ring of row sums stays in cache).
constexpr int kTextureStripWidth = 256;
/// Strips of kTextureStripWidth columns across `w` columns.
inline int textureStrips(int w) { return (w + kTextureStripWidth - 1) / kTextureStripWidth; }

/// Buffers of textureOf(), kept per thread: rows of one strip of kTextureStripWidth columns.
struct TextureScratch {
  // Ring of kTaps rows of row sums per quantity: 0 values, 1–4 squared differences per
  // direction; with missing pixels also 5 valid pixels and 6–9 valid pairs per direction.
  std::vector<float> ring, line, pairLine, column[10], best, mean;
  std::vector<int> inside[2];  // insideCount(x, w, dx) for dx = 0, 1
  std::vector<int> unevenColumns;  // columns x where inside[0][x] != inside[1][x]
};

/// Isotropic crown texture of `values` (a w × h plane, row stride w) for rows [r0, r1) into
/// `out` ((r1 − r0) × w): the root mean square difference between neighbouring pixels in the
/// direction where it is smallest (of 0°, 90°, 45°, 135°; diagonal steps scaled to unit
/// distance), relative to the window mean, over a (2·kTextureRadius + 1)² window clipped at the
/// plane's edges. Crop rows, field boundaries, roads and edges shifted by misregistration are
/// anisotropic — along them the neighbours agree — so they score about as low as smooth ground;
/// tree crowns on soil (a 2-D pattern of blobs a few pixels across) differ in every direction.
/// A plain 5 × 5 coefficient of variation could not tell the crowns of a whole-field orchard
/// from the boundary of any field.
///
/// The sums, in float: per row over [x − r, x + r] (clipped), then per column the sum of those
/// row sums over [y − r, y + r], always added from left to right and top to bottom — so a
/// pixel's texture is the same bit for bit whichever unit of the block pass computes it (the
/// class map does not depend on the memory limit or the threads). Strips of kTextureStripWidth
/// columns are done one after the other, with a ring of kTaps rows of row sums each.
/// Built for AVX2 too (chosen at run time): eight floats per instruction; no FMA, so the same
/// roundings.
///
/// With `need` (flags, row-major: need[(y − r0) · textureStrips(w) + s]), only the strips s of
/// the rows y flagged are computed, the same bits as without; the others are 0.
void textureOf(const float* values, int w, int h, int r0, int r1, float* out, TextureScratch& t,
               const std::uint8_t* need = nullptr);

}  // namespace onemap::change::detail
