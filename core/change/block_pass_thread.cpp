#include "block_pass_thread.h"

#include <algorithm>

#include "rule_reach.h"

namespace onemap::change::detail {

Status BlockPassThread::open() {
  auto before = m_pass.images.before.clone();
  if (!before) return fail(before.error());
  auto after = m_pass.images.after.clone();
  if (!after) return fail(after.error());
  m_before = std::move(*before);
  m_after = std::move(*after);
  if (m_pass.cropland.present()) {
    auto opened = m_pass.cropland.open(m_pass.images.grid());
    if (!opened) return fail(opened.error());
    m_crop.emplace(std::move(*opened));
  }
  const BlockPlan& plan = m_pass.plan;
  m_rows.reserve(m_pass.images.bands.roles.size(), plan.rowStep + 2 * kHalo, plan.maxColumns, m_pass.pieceFloats);
  m_classes.reserve(plan.rowStep, plan.maxColumns);
  m_interior.reserve(plan.rowStep, plan.maxColumns);
  return {};
}

bool BlockPassThread::run(const Unit& unit, bool goOn) {
  const raster::Grid& grid = m_pass.images.grid();
  const int rx0 = std::max(0, unit.x0 - kHalo), rx1 = std::min(grid.width, unit.x1 + kHalo);
  m_rows.startBand(rx0, rx1 - rx0);
  if (!goOn) m_rows.restart(std::max(0, unit.y0 - kHalo));
  for (int outY = unit.y0; outY < unit.y1;) {
    if (m_pass.errors.failed() || m_pass.feedback.isCanceled()) return false;
    if (auto st = step(unit, outY); !st) {
      m_pass.errors.record(st.error());
      return false;
    }
  }
  return true;
}

Status BlockPassThread::step(const Unit& unit, int& outY) {
  const raster::Grid& grid = m_pass.images.grid();
  const BlockPassRules& rules = m_pass.rules;
  const int rx0 = m_rows.x0(), rw = m_rows.width();
  // Read up to the next multiple of the step (a block row boundary).
  const int readEnd = std::min(grid.height, unit.y1 + kHalo);
  const int nextRead = m_rows.end();
  const int readTo = std::min(readEnd, (nextRead / m_pass.plan.rowStep + 1) * m_pass.plan.rowStep);
  const raster::Window rows{rx0, nextRead, rw, readTo - nextRead};
  // The runs of block columns of these rows that cropland lies near enough to.
  if (m_pass.nearness) {
    m_pass.nearness->runsNear(rx0, rx0 + rw, rows.yOff, rows.yOff + rows.height, m_pass.blockWidth, m_runs);
  } else {
    m_runs.clear();
    m_runs.emplace_back(0, rw);
  }
  if (auto st = m_rows.read(rows, m_runs, *m_before, *m_after, m_pass.images.bands, rules, m_pass.blockWidth,
                            m_pass.pieceColumns);
      !st)
    return st;
  // Rows whose whole halo is in the buffer (or that reach the bottom of the image).
  const int bufTop = m_rows.top(), bufEnd = m_rows.end();
  const int outEnd = bufEnd == grid.height ? unit.y1 : std::min(unit.y1, bufEnd - kHalo);
  if (outEnd <= outY) return {};
  // Classes are needed kClassMargin rows beyond the rows written.
  const int c0 = std::max(bufTop, outY - kClassMargin), c1 = std::min(bufEnd, outEnd + kClassMargin);
  if (auto st = m_classes.burnCropland(m_crop ? &*m_crop : nullptr, m_rows, c0, c1); !st) return st;
  if (m_classes.classify(m_rows, m_pass.images.bands, rules)) {
    const raster::Window inner{unit.x0, outY, unit.x1 - unit.x0, outEnd - outY};
    if (auto st = m_interior.write(m_classes, rx0, inner, rules, m_pass.sink, m_pass.writeMutex); !st) return st;
  }
  const double totalPixels = double(grid.width) * double(grid.height);
  m_pass.feedback.setProgress(
      double(m_pass.donePixels += std::int64_t(outEnd - outY) * (unit.x1 - unit.x0)) / totalPixels,
      "change classes");
  outY = outEnd;
  // Keep the rows the next step's halo needs: the cloud candidates of kHalo rows, the pixel
  // values of the kValueRows rows its textures and rules read.
  const int keepFrom = std::max(bufTop, outY - kHalo);
  m_rows.keepFrom(keepFrom, std::max(keepFrom, outY - kValueRows), rules.thresholds.cloudMask);
  return {};
}

}  // namespace onemap::change::detail
