#pragma once
// Internal to onemap_change: the clean-up of a window of per-pixel change classes (growth,
// bridging, majority) before it is written.

#include <cstdint>
#include <cstring>
#include <vector>

namespace onemap::change::detail {

/// The first x in [x, end) where `row[x]` is not zero, or `end`: eight bytes at a time over the
/// zeros (flags of change are sparse).
inline int nextNonZero(const std::uint8_t* row, int x, int end) {
  for (; x + 8 <= end; x += 8) {
    std::uint64_t word;
    std::memcpy(&word, row + x, sizeof word);
    if (word != 0) break;
  }
  while (x < end && row[x] == 0) ++x;
  return x;
}

/// Region growing from typed change (hysteresis): a pixel that changed strongly but matches no
/// rule (the earth banks of a new pond, the bare ground between new buildings, the soil of a
/// young orchard) takes the class most of its 8 neighbours carry, for `steps` rounds — so a
/// patch gets its whole changed footprint, while change with no typed seed nearby (harvest,
/// rotation) stays unflagged and growth is bounded to `steps` pixels. Spectral classes (built,
/// water) also take over changed tree pixels next to them: crown texture is computed over a
/// window and rises along the border of any new object (a pond's banks), while built and water
/// are decided by the pixel's own spectrum. Other (untyped change that is reported) seeds no
/// growth and is taken over by typed change beside it.
void growIntoChange(std::vector<std::uint8_t>& classes, const std::vector<std::uint8_t>& changed, int w, int h,
                    int steps, std::vector<std::uint8_t>& scratch);

/// Bridges gaps of up to `gap` pixels outside cropland (field roads, ditches) between pixels of
/// the same change class in a row or column: a new road or pond crossing a field road is one
/// conversion, not pieces each below the minimum area.
void bridgeGaps(std::vector<std::uint8_t>& classes, const std::vector<std::uint8_t>& cropland, int w, int h, int gap,
                std::vector<std::uint8_t>& out, std::vector<std::uint8_t>& any, std::vector<std::uint8_t>& near);

/// 3 × 3 clean-up: a change pixel keeps its class when at least 4 of its 9 neighbourhood pixels
/// share it; a no-change pixel takes the class that holds at least 6 of them (closes holes).
/// Other counts for every class and every class for Other: in a patch of untyped change, typed
/// pixels are not stripped off for being few.
void cleanUp(const std::vector<std::uint8_t>& in, int w, int h, std::vector<std::uint8_t>& out,
             std::vector<std::uint8_t>& any, std::vector<std::uint8_t>& columnOr);

}  // namespace onemap::change::detail
