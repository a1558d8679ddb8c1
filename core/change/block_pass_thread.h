#pragma once
// Internal to onemap_change: one thread of the block pass.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "block_pass_rules.h"
#include "block_plan.h"
#include "class_map_sink.h"
#include "class_rows.h"
#include "cropland_layer.h"
#include "interior_writer.h"
#include "onemap/base/feedback.h"
#include "onemap/base/worker_pool.h"
#include "raster_reader.h"
#include "step_rows.h"

namespace onemap::change::detail {

/// What the threads of one block pass share.
struct SharedPass {
  const ImagePair& images;
  const CroplandLayer& cropland;
  const BlockPassRules& rules;
  const BlockPlan& plan;
  const CroplandNearness* nearness;  ///< null: every block is read
  int blockWidth;                    ///< columns of the images' blocks
  int pieceColumns;                  ///< columns read at a time when a step reads some runs of blocks
  std::size_t pieceFloats;           ///< floats of the scratch buffer of such reads
  ClassMapSink& sink;
  Feedback& feedback;
  std::mutex writeMutex;
  FirstError errors;  ///< stops the other threads without canceling the caller's feedback
  std::atomic<std::int64_t> donePixels{0};
};

/// One thread of the block pass: its own readers of both dates and of the cropland, and the
/// buffers of its steps (allocated once, at their largest: planBlockPass() counts each of them).
class BlockPassThread {
 public:
  explicit BlockPassThread(SharedPass& pass) : m_pass(pass) {}
  /// Opens the thread's readers and allocates its buffers.
  Status open();
  /// Streams `unit` from top to bottom, step by step. `goOn`: the unit lies below the last one
  /// this thread did, and the rows it holds are those the first step needs. False when the pass
  /// stops (an error, recorded in the shared pass, or a cancel).
  bool run(const Unit& unit, bool goOn);
  /// Pixels of one date this thread read.
  std::int64_t pixelsRead() const { return m_rows.pixelsRead(); }

 private:
  /// One step of `unit`: reads the next rows below those held, and when the halo of the rows
  /// from `outY` on is in, classifies, cleans up and writes them, moves `outY` past them and
  /// drops the rows no later step needs.
  Status step(const Unit& unit, int& outY);

  SharedPass& m_pass;
  std::unique_ptr<RasterReader> m_before, m_after;
  std::optional<raster::PolygonRasterizer> m_crop;
  std::vector<std::pair<int, int>> m_runs;  // columns [x0, x1) of the band a step reads
  StepRows m_rows;
  ClassRows m_classes;
  InteriorWriter m_interior;
};

}  // namespace onemap::change::detail
