#pragma once
// Internal to onemap_change: the rows of pixel values one thread of the block pass holds.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "block_pass_rules.h"
#include "raster_reader.h"

namespace onemap::change::detail {

/// The rows of both dates a thread holds while it streams a band of columns from top to bottom
/// in steps: each selected band as a plane of float (the after date on the before date's
/// radiometry), and the cloud candidates of each pixel (when the rules mask clouds). A step
/// appends the rows it reads below those held; keepFrom() drops the rows no later step needs.
class StepRows {
 public:
  /// Allocates the buffers once, at their largest: `capacity` rows of `maxColumns` columns of
  /// `bandCount` bands, and `pieceFloats` floats of scratch for reads of some runs of columns.
  void reserve(std::size_t bandCount, int capacity, int maxColumns, std::size_t pieceFloats);
  /// Holds the columns [x0, x0 + width) of the grid from now on (rows already held stay).
  void startBand(int x0, int width);
  /// Drops the rows held: the next read starts at row `top`.
  void restart(int top);
  /// Reads `rows` (below those held, over the band's columns) of the runs of columns `runs`
  /// ([a, b) from the band's first column; the other columns are 0 on both dates, finite and
  /// not cloud): the before date through `before`, the after date through `after` normalised by
  /// `rules`, and their cloud candidates. Runs whose columns do not span the band are read a few
  /// blocks (`pieceColumns` columns from a multiple of `blockWidth`) at a time.
  Status read(const raster::Window& rows, const std::vector<std::pair<int, int>>& runs, const RasterReader& before,
              const RasterReader& after, const BandSelection& bands, const BlockPassRules& rules, int blockWidth,
              int pieceColumns);
  /// Keeps the rows from `keepFrom` on: their cloud candidates and, from `valuesFrom` on, their
  /// pixel values (the planes keep stale values above that row, which nothing reads).
  void keepFrom(int keepFrom, int valuesFrom, bool cloudMask);

  int top() const { return m_top; }            ///< first row held
  int rows() const { return m_rows; }          ///< rows held
  int end() const { return m_top + m_rows; }   ///< the row below the last one held
  int x0() const { return m_x0; }              ///< first column of the band
  int width() const { return m_width; }        ///< columns of the band
  std::size_t plane() const { return m_plane; }  ///< floats from one band's plane to the next
  const float* before() const { return m_before.data(); }
  const float* after() const { return m_after.data(); }
  const std::uint8_t* cloudFlags() const { return m_cloudRaw.data(); }  ///< cloud candidates
  /// Pixels of one date read so far.
  std::int64_t pixelsRead() const { return m_read; }

 private:
  std::size_t m_bandCount = 0;
  int m_capacity = 0;
  int m_x0 = 0, m_width = 0;
  std::size_t m_plane = 0;
  int m_top = 0, m_rows = 0;
  std::int64_t m_read = 0;
  std::vector<float> m_before, m_after, m_piece;
  std::vector<std::uint8_t> m_cloudRaw;
};

}  // namespace onemap::change::detail
