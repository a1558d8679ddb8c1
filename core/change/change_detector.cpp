#include "onemap/change/change_detector.h"

#include <chrono>
#include <optional>
#include <cstdint>
#include <mutex>
#include <random>
#include <system_error>
#include <vector>

#include "class_map.h"
#include "onemap/gdal/block_cache_limit.h"
#include "onemap/base/text.h"
#include "onemap/raster/acquisition_date.h"
#include "onemap/raster/raster_info.h"
#include "patch_writer.h"

namespace onemap::change {
namespace {

/// A scratch folder removed when the run ends, however it ends.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() / ("onemap-change-" + std::to_string(random()));
    std::filesystem::create_directories(m_path, m_error);
  }
  ~ScratchFolder() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  const std::filesystem::path& path() const { return m_path; }
  bool ok() const { return !m_error; }

 private:
  std::filesystem::path m_path;
  std::error_code m_error;
};

/// GDAL's block cache during a run: a few 512 × 512 multi-band tiles per thread and the class
/// map's blocks being written are enough.
constexpr std::int64_t kRunCacheBytes = 64LL * 1024 * 1024;

/// The acquisition date of an image: from its metadata, else from its name (as the detection
/// dialog reads it), else the name itself.
std::string imageDate(const std::filesystem::path& image) {
  raster::RasterInfoOptions options;
  options.computeStatistics = false;
  if (auto info = raster::readRasterInfo(image, options))
    if (auto date = raster::dateFromMetadata(info->metadata)) return *date;
  if (auto date = raster::dateFromFileName(image.filename().string())) return *date;
  return image.stem().string();
}

/// Whether `text` is a date YYYY-MM-DD.
bool isDate(const std::string& text) { return raster::dateFromFileName(text) == text; }

}  // namespace

std::string RunWarning::text() const {
  const auto arg = [&](std::size_t i) { return i < args.size() ? args[i] : std::string(); };
  switch (kind) {
    case Kind::NoDifference: return "the two images do not differ anywhere: there is no change to find";
    case Kind::CoverKept: return "all the ground kept its cover (vegetated or water on both dates): there is no change to find";
    case Kind::SameDate: return "both images are dated " + arg(0) + ": what differs between them is not change over time";
    case Kind::DatesReversed:
      return "the before image (" + arg(0) + ") is later than the after image (" + arg(1) +
             "): change types read before → after; swap them if that is a mistake";
    case Kind::PixelSizes:
      return "the images' pixels differ " + arg(0) + " × in size (" + arg(1) + " m before, " + arg(2) +
             " m after): change smaller than the coarser pixels cannot be seen, and their edges are blurred";
  }
  return {};
}

Result<ChangeSummary> detectChanges(const ChangeInputs& inputs, const ChangeParameters& parameters, Feedback& feedback,
                                    BlockPassObserver* observer) {
  const auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  if (inputs.output.empty()) return fail(ErrorCode::InvalidInput, "no output GeoPackage was given");
  // Never write over an input, whatever its name (the same path, a symbolic or a hard link).
  std::vector<std::filesystem::path> read = {inputs.before, inputs.after, inputs.cropland.path};
  for (const auto* layer : {&inputs.pbf, &inputs.villages, &inputs.redLine})
    if (*layer) read.push_back((*layer)->path);
  for (const auto& input : read)
    if (!input.empty() && std::filesystem::exists(inputs.output, ec) && std::filesystem::equivalent(inputs.output, input, ec))
      return fail(ErrorCode::InvalidInput, "the output is one of the inputs (" + text::displayPath(input) + ")",
                  text::displayPath(inputs.output), "Choose another name for the output GeoPackage.");
  if (std::filesystem::exists(inputs.output, ec) && !inputs.overwrite)
    return fail(ErrorCode::InvalidInput, "the output file exists already", text::displayPath(inputs.output),
                "Choose another name, or allow overwriting it (--overwrite).");
  if (inputs.output.has_parent_path() && !std::filesystem::is_directory(inputs.output.parent_path(), ec))
    return fail(ErrorCode::NotFound, "the output folder does not exist", text::displayPath(inputs.output.parent_path()));
  ChangeInputs run = inputs;
  if (run.beforeDate.empty()) run.beforeDate = imageDate(inputs.before);
  if (run.afterDate.empty()) run.afterDate = imageDate(inputs.after);
  ChangeSummary summary;
  if (isDate(run.beforeDate) && isDate(run.afterDate)) {
    if (run.beforeDate == run.afterDate)
      summary.warnings.push_back({RunWarning::Kind::SameDate, {run.beforeDate}});
    else if (run.beforeDate > run.afterDate)
      summary.warnings.push_back({RunWarning::Kind::DatesReversed, {run.beforeDate, run.afterDate}});
  }

  std::optional<gdal::BlockCacheLimit> cacheLimit;
  if (!parameters.shareBlockCache) cacheLimit.emplace(kRunCacheBytes);
  ScratchFolder scratch;
  if (!scratch.ok())
    return fail(ErrorCode::Io, "cannot create a scratch folder", text::displayPath(scratch.path()),
                "Check the free space of the temporary folder (TMPDIR).");
  const auto classMap = scratch.path() / "classes.tif";
  const auto evidence = scratch.path() / "evidence.tif";
  const std::string croplandFilter = detail::croplandFilter(run.cropland);
  raster::Grid grid;
  Feedback pixels = feedback.subRange(0.0, 0.7);
  if (auto st = detail::writeClassMap(run, parameters, croplandFilter, classMap, evidence, grid, summary, pixels, observer);
      !st)
    return fail(st.error());
  Feedback vectors = feedback.subRange(0.7, 1.0);
  if (auto st = detail::writePatches(run, parameters, croplandFilter, classMap, evidence, grid, summary, vectors); !st) return fail(st.error());
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  feedback.setProgress(1.0);
  return summary;
}

}  // namespace onemap::change
