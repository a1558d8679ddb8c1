#include "class_runs.h"

#include <gdal_priv.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <optional>

#include "gdal_support.h"
#include "onemap/base/text.h"
#include "onemap/base/worker_pool.h"
#include "onemap/gdal/cpl_error_capture.h"

namespace onemap::raster::detail {
namespace {

/// Bytes of a thread's strip buffer (whole block rows of the raster).
constexpr std::size_t kStripBytes = std::size_t(16) << 20;

/// The runs of consecutive rows of one strip.
struct Strip {
  std::vector<ClassRun> runs;
  std::vector<std::size_t> counts;  ///< runs per row
};

/// Appends the runs of one row of `width` bytes to `runs`.
void appendRuns(const std::uint8_t* row, int width, std::vector<ClassRun>& runs) {
  int x = 0;
  while (x < width) {
    // Background dominates: skip it eight bytes at a time.
    std::uint64_t word = 0;
    if (x + 8 <= width) std::memcpy(&word, row + x, sizeof word);
    if (x + 8 <= width && word == 0) {
      x += 8;
      continue;
    }
    const std::uint8_t value = row[x];
    const int x0 = x++;
    if (value == 0) continue;
    while (x < width && row[x] == value) ++x;
    runs.push_back({x0, x, value});
  }
}

}  // namespace

std::span<const ClassRun> ClassRuns::row(int y) const {
  return {runs.data() + rowStart[std::size_t(y)], runs.data() + rowStart[std::size_t(y) + 1]};
}

bool ClassRuns::joinsRowAbove(int y) const {
  if (y <= 0 || y >= height) return false;
  const auto above = row(y - 1);
  std::size_t first = 0;
  for (const ClassRun& run : row(y)) {
    // A run above that ends left of this one's corner neighbour touches no later run either.
    while (first < above.size() && above[first].x1 < run.x0) ++first;
    for (std::size_t i = first; i < above.size() && above[i].x0 <= run.x1; ++i)
      if (above[i].value == run.value) return true;
  }
  return false;
}

Result<ClassRuns> readClassRuns(const std::filesystem::path& path, int threads, Feedback& feedback) {
  auto opened = openRasterDataset(path);
  if (!opened) return fail(opened.error());
  GDALDataset& dataset = **opened;
  if (dataset.GetRasterCount() < 1 || dataset.GetRasterBand(1)->GetRasterDataType() != GDT_Byte)
    return fail(ErrorCode::Unsupported, "the class raster is not a single-band byte raster", text::displayPath(path));
  ClassRuns out;
  out.width = dataset.GetRasterXSize();
  out.height = dataset.GetRasterYSize();
  if (dataset.GetGeoTransform(out.geoTransform.data()) != CE_None) out.geoTransform = {0, 1, 0, 0, 0, 1};
  if (const char* wkt = dataset.GetProjectionRef(); wkt != nullptr) out.crsWkt = wkt;
  int blockWidth = 0, blockHeight = 0;
  dataset.GetRasterBand(1)->GetBlockSize(&blockWidth, &blockHeight);
  blockHeight = std::max(1, blockHeight);
  const int blockRows = std::max(1, int(kStripBytes / std::max<std::size_t>(1, std::size_t(out.width) * blockHeight)));
  const int stripRows = std::max(1, std::min(out.height, blockRows * blockHeight));
  const int strips = out.height == 0 ? 0 : (out.height + stripRows - 1) / stripRows;

  std::vector<Strip> parts(std::size_t(strips), Strip{});
  std::atomic<int> next{0}, done{0};
  FirstError errors;
  const auto work = [&] {
    const auto stop = [&](const Error& e) { errors.record(e); };
    auto own = openRasterDataset(path);
    if (!own) return stop(own.error());
    GDALRasterBand* band = (*own)->GetRasterBand(1);
    std::vector<std::uint8_t> buffer;
    for (int s = next++; s < strips; s = next++) {
      if (errors.failed() || feedback.isCanceled()) return;
      const int y0 = s * stripRows, rows = std::min(stripRows, out.height - y0);
      buffer.resize(std::size_t(rows) * std::size_t(out.width));
      gdal::CplErrorCapture capture;
      if (band->RasterIO(GF_Read, 0, y0, out.width, rows, buffer.data(), out.width, rows, GDT_Byte, 0, 0,
                         nullptr) != CE_None)
        return stop(gdalError(capture, ErrorCode::Io, "cannot read the class raster", path));
      Strip& part = parts[std::size_t(s)];
      part.counts.resize(std::size_t(rows));
      for (int y = 0; y < rows; ++y) {
        const std::size_t before = part.runs.size();
        appendRuns(buffer.data() + std::size_t(y) * std::size_t(out.width), out.width, part.runs);
        part.counts[std::size_t(y)] = part.runs.size() - before;
      }
      feedback.setProgress(double(++done) / double(strips));
    }
  };
  runOnThreads(std::min(threads, strips), work);
  if (auto st = errors.status(); !st) return fail(st.error());
  if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled");

  std::size_t total = 0;
  for (const Strip& part : parts) total += part.runs.size();
  out.runs.reserve(total);
  out.rowStart.reserve(std::size_t(out.height) + 1);
  out.rowStart.push_back(0);
  for (Strip& part : parts) {
    out.runs.insert(out.runs.end(), part.runs.begin(), part.runs.end());
    for (std::size_t count : part.counts) out.rowStart.push_back(out.rowStart.back() + count);
    part = Strip{};
  }
  return out;
}

}  // namespace onemap::raster::detail
