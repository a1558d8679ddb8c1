#include "block_pass.h"

#include <algorithm>
#include <atomic>
#include <vector>

#include "block_pass_thread.h"
#include "block_plan.h"
#include "onemap/gdal/block_cache_limit.h"

namespace onemap::change::detail {
namespace {

/// Image blocks read at a time when a step reads only some runs of block columns (their pixels
/// go through a scratch buffer of that many blocks' columns).
constexpr int kPieceColumns = 1024;

/// The units of a plan, claimed one at a time by the threads: first the one below the unit a
/// thread has just done (it goes on with the rows it holds, as if the two were one unit), else
/// the first one left.
class UnitQueue {
 public:
  explicit UnitQueue(const std::vector<Unit>& units) : m_units(units), m_taken(units.size()) {}
  /// Whether this call took unit `u` (false when it does not exist or was taken).
  bool claim(std::size_t u) { return u < m_taken.size() && !m_taken[u].exchange(true); }
  /// The first unit left, now taken; units().size() when none is left.
  std::size_t claimFirst() {
    std::size_t u = 0;
    while (u < m_taken.size() && !claim(u)) ++u;
    return u;
  }
  /// The unit right below unit `u`; units().size() when there is none.
  std::size_t below(std::size_t u) const {
    for (std::size_t v = 0; v < m_units.size(); ++v)
      if (m_units[v].x0 == m_units[u].x0 && m_units[v].y0 == m_units[u].y1) return v;
    return m_units.size();
  }
  const std::vector<Unit>& units() const { return m_units; }

 private:
  const std::vector<Unit>& m_units;
  std::vector<std::atomic<bool>> m_taken;
};

}  // namespace

Status runBlockPass(const ImagePair& images, const CroplandLayer& cropland, const BlockPassRules& rules,
                    const ChangeParameters& parameters, ClassMapSink& sink, Feedback& feedback,
                    BlockPassObserver* observer) {
  feedback.setProgress(0.0, "change classes");
  const raster::Grid& grid = images.grid();
  const std::size_t bandCount = images.bands.roles.size();
  const int threads = std::max(1, parameters.threads);
  // Blocks of the images that lie farther than kHalo from every cropland pixel are not read
  // (their pixels are zero in the buffers): on a tiled image only; a strip is decoded whole.
  const int blockWidth = std::clamp(images.before.blockSize().first, 1, grid.width);
  const bool skipFarBlocks = observer == nullptr || observer->skipFarBlocks;
  const CroplandNearness* nearness =
      rules.nearness && blockWidth < grid.width && skipFarBlocks ? &*rules.nearness : nullptr;
  const int pieceColumns = std::min(grid.width, std::max(1, kPieceColumns / blockWidth) * blockWidth);
  // The scratch buffer of such reads (one piece of all bands) is planned with the step the plan
  // would have without it (a plan with it has the same step or a smaller one).
  const auto scratchFloats = [&](const BlockPlan& p) {
    return nearness ? std::int64_t(bandCount) * std::min(p.rowStep, grid.height) * pieceColumns : std::int64_t(0);
  };
  const auto planWith = [&](std::int64_t scratchBytes) {
    return planBlockPass(grid, images.before.blockSize(), threads, int(bandCount), parameters.memoryMb,
                         gdal::blockCacheBytes(), scratchBytes);
  };
  const BlockPlan plan = planWith(4 * scratchFloats(planWith(0)));
  SharedPass pass{images,      cropland, rules, plan, nearness, blockWidth, pieceColumns,
                  std::size_t(scratchFloats(plan)), sink, feedback};
  UnitQueue queue(plan.units);
  std::atomic<std::int64_t> pixelsRead{0};
  const auto work = [&]() {
    BlockPassThread thread(pass);
    if (auto st = thread.open(); !st) return pass.errors.record(st.error());
    bool goOn = false;
    for (std::size_t u = queue.claimFirst(); u < plan.units.size();) {
      if (!thread.run(plan.units[u], goOn)) return;
      // Go on with the unit below if nobody took it: the rows held are those its first step needs.
      const std::size_t down = queue.below(u);
      goOn = queue.claim(down);
      u = goOn ? down : queue.claimFirst();
    }
    pixelsRead += thread.pixelsRead();
  };
  runOnThreads(threads, work);
  if (observer) observer->pixelsRead = pixelsRead.load();
  if (auto st = pass.errors.status(); !st) return st;
  if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled");
  return {};
}

}  // namespace onemap::change::detail
