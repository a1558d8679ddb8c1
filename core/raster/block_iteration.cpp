// Window planning aligned to the file's blocks, and the budgeted block loop.
#include <algorithm>
#include <numeric>

#include "onemap/base/text.h"
#include "onemap/raster/raster_source.h"

namespace onemap::raster {
namespace {

// Windows of at most `maxPixels` for a width x height grid stored in blockW x blockH blocks.
std::vector<Window> planWindows(int width, int height, int blockW, int blockH,
                                std::int64_t maxPixels) {
  std::vector<Window> out;
  if (width <= 0 || height <= 0) return out;
  const std::int64_t budget = std::max<std::int64_t>(1, maxPixels);
  const int bw = std::clamp(blockW, 1, width);
  const int bh = std::clamp(blockH, 1, height);

  if (std::int64_t(width) * bh <= budget) {
    // Whole rows of blocks: as many block rows as fit (full width, strip-friendly).
    const std::int64_t rowsFit = budget / width;
    const int rows = static_cast<int>(std::min<std::int64_t>(height, rowsFit / bh * bh));
    for (int y = 0; y < height; y += rows)
      out.push_back(Window{0, y, width, std::min(rows, height - y)});
    return out;
  }
  if (std::int64_t(bw) * bh <= budget) {
    // A row of blocks is too large: runs of whole blocks along each block row.
    const std::int64_t columnsFit = budget / bh;
    const int columns = static_cast<int>(std::min<std::int64_t>(width, columnsFit / bw * bw));
    for (int y = 0; y < height; y += bh)
      for (int x = 0; x < width; x += columns)
        out.push_back(Window{x, y, std::min(columns, width - x), std::min(bh, height - y)});
    return out;
  }
  // A single block exceeds the budget: split each block, never crossing block boundaries.
  const int w = static_cast<int>(std::min<std::int64_t>(bw, budget));
  const int h = static_cast<int>(std::clamp<std::int64_t>(budget / w, 1, bh));
  for (int by = 0; by < height; by += bh) {
    const int blockBottom = std::min(height, by + bh);
    for (int bx = 0; bx < width; bx += bw) {
      const int blockRight = std::min(width, bx + bw);
      for (int y = by; y < blockBottom; y += h)
        for (int x = bx; x < blockRight; x += w)
          out.push_back(Window{x, y, std::min(w, blockRight - x), std::min(h, blockBottom - y)});
    }
  }
  return out;
}

}  // namespace

std::vector<Window> RasterSource::blockWindows(std::int64_t maxPixels) const {
  const Grid& g = grid();
  const auto [blockW, blockH] = blockSize();
  return planWindows(g.width, g.height, blockW, blockH, maxPixels);
}

Status forEachBlock(const RasterSource& source, std::span<const int> bands,
                    std::int64_t memoryBudgetBytes, Feedback& feedback,
                    const std::function<Status(const Window&, const std::vector<float>&)>& visit) {
  std::vector<int> allBands;
  if (bands.empty()) {
    allBands.resize(static_cast<std::size_t>(source.bandCount()));
    std::iota(allBands.begin(), allBands.end(), 1);
    bands = allBands;
  }
  const auto bytesPerPixel = static_cast<std::int64_t>(bands.size() * sizeof(float));
  const std::int64_t maxPixels = std::max<std::int64_t>(1, memoryBudgetBytes / bytesPerPixel);
  const std::vector<Window> windows = source.blockWindows(maxPixels);
  const std::int64_t total = std::int64_t(source.grid().width) * source.grid().height;
  const std::string display = text::displayPath(source.path());

  std::vector<float> buffer;
  std::int64_t done = 0;
  for (const Window& window : windows) {
    if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled", display);
    if (auto read = source.read(window, bands, buffer); !read) return read;
    if (auto visited = visit(window, buffer); !visited) return visited;
    done += window.pixelCount();
    feedback.setProgress(total > 0 ? double(done) / double(total) : 1.0);
  }
  if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled", display);
  feedback.setProgress(1.0);
  return {};
}

}  // namespace onemap::raster
