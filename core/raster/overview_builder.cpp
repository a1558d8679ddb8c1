#include "onemap/raster/overview_builder.h"

#include <cpl_conv.h>
#include <gdal_priv.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <system_error>

#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/gdal_progress.h"
#include "onemap/raster/gdal_support.h"

namespace onemap::raster {
namespace {

constexpr int kSmallestOverviewSide = 256;

const char* gdalResampling(Resampling resampling) {
  switch (resampling) {
    case Resampling::Nearest: return "NEAREST";
    case Resampling::Bilinear: return "BILINEAR";
    case Resampling::Cubic: return "CUBIC";
    case Resampling::Average: return "AVERAGE";
    case Resampling::Mode: return "MODE";
  }
  return "AVERAGE";
}

/// Sets GDAL configuration options for the calling thread and restores the previous values.
class ScopedThreadConfig {
 public:
  void set(const char* key, const char* value) {
    const char* old = CPLGetThreadLocalConfigOption(key, nullptr);
    m_saved.push_back({key, old != nullptr ? std::optional<std::string>(old) : std::nullopt});
    CPLSetThreadLocalConfigOption(key, value);
  }
  ~ScopedThreadConfig() {
    for (auto it = m_saved.rbegin(); it != m_saved.rend(); ++it)
      CPLSetThreadLocalConfigOption(it->first, it->second ? it->second->c_str() : nullptr);
  }

 private:
  std::vector<std::pair<const char*, std::optional<std::string>>> m_saved;
};

/// A private folder beside the raster, removed with its content when the object goes.
class StagingFolder {
 public:
  explicit StagingFolder(const std::filesystem::path& besides) {
    std::random_device random;
    for (int attempt = 0; attempt < 8 && m_path.empty(); ++attempt) {
      auto candidate = besides.parent_path() /
                       ("." + besides.filename().string() + ".onemap-ovr-" + std::to_string(random() % 1000000));
      std::error_code ec;
      if (std::filesystem::create_directory(candidate, ec)) m_path = candidate;
    }
  }
  ~StagingFolder() {
    std::error_code ec;
    if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
  }
  StagingFolder(const StagingFolder&) = delete;
  StagingFolder& operator=(const StagingFolder&) = delete;
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

/// Single-file formats whose .ovr can be built through a link in a staging folder.
bool isSingleFile(const GDALDataset& dataset) {
  const GDALDriver* driver = const_cast<GDALDataset&>(dataset).GetDriver();
  if (driver == nullptr) return false;
  const std::string name = driver->GetDescription();
  if (name != "GTiff" && name != "JP2OpenJPEG" && name != "COG") return false;
  char** files = const_cast<GDALDataset&>(dataset).GetFileList();
  const int count = CSLCount(files);
  CSLDestroy(files);
  return count == 1;
}

Status runBuild(const std::filesystem::path& openAs, const std::filesystem::path& shown,
                Resampling resampling, Feedback& feedback) {
  auto dataset = detail::openRasterDataset(openAs);
  if (!dataset) {
    Error error = dataset.error();
    error.context = text::displayPath(shown);
    return fail(error);
  }
  const std::vector<int> factors = overviewFactors((*dataset)->GetRasterXSize(), (*dataset)->GetRasterYSize());
  if (factors.empty()) {
    feedback.setProgress(1.0);
    return {};
  }
  ScopedThreadConfig config;
  config.set("COMPRESS_OVERVIEW", "DEFLATE");
  config.set("BIGTIFF_OVERVIEW", "IF_SAFER");
  config.set("USE_RRD", "NO");
  gdal::CplErrorCapture capture;
  const CPLErr err = GDALBuildOverviews(GDALDataset::ToHandle(dataset->get()), gdalResampling(resampling),
                                        int(factors.size()), const_cast<int*>(factors.data()), 0, nullptr,
                                        gdal::progressToFeedback, &feedback);
  // Closing flushes the .ovr; errors while flushing count too.
  dataset->reset();
  if (feedback.isCanceled())
    return fail(ErrorCode::Canceled, "building overviews was canceled", text::displayPath(shown));
  if (err != CE_None || capture.hasFailures())
    return fail(detail::gdalError(capture, ErrorCode::Io, "cannot build overviews", shown,
                                  "Check that the folder is writable and the disk has free space "
                                  "(the overview file needs about a third of the image's size)."));
  feedback.setProgress(1.0);
  return {};
}

void removeQuietly(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::remove(path, ec);
}

}  // namespace

std::filesystem::path externalOverviewPath(const std::filesystem::path& raster) {
  return std::filesystem::path(raster.native() + ".ovr");
}

std::vector<int> overviewFactors(int width, int height) {
  std::vector<int> factors;
  const int longest = std::max(width, height);
  for (int factor = 2; longest / (factor / 2) > kSmallestOverviewSide && factor <= (1 << 20); factor *= 2)
    factors.push_back(factor);
  return factors;
}

Status buildExternalOverviews(const std::filesystem::path& raster, Resampling resampling, Feedback& feedback) {
  const std::filesystem::path target = externalOverviewPath(raster);
  std::error_code ec;
  const bool existedBefore = std::filesystem::exists(target, ec);

  bool singleFile = false;
  {
    auto probe = detail::openRasterDataset(raster);
    if (!probe) return fail(probe.error());
    singleFile = isSingleFile(**probe);
  }

  if (singleFile) {
    StagingFolder staging(raster);
    std::error_code linkError;
    const auto link = staging.path() / raster.filename();
    if (!staging.path().empty())
      std::filesystem::create_symlink(std::filesystem::absolute(raster), link, linkError);
    if (!staging.path().empty() && !linkError) {
      if (auto built = runBuild(link, raster, resampling, feedback); !built) return built;
      const auto staged = externalOverviewPath(link);
      if (!std::filesystem::exists(staged, ec)) return {};  // image too small to need overviews
      std::filesystem::rename(staged, target, ec);
      if (ec)
        return fail(ErrorCode::Io, "cannot move the overview file into place (" + ec.message() + ")",
                    text::displayPath(target), "Check that the folder is writable.");
      return {};
    }
    // No staging folder or no symbolic links here: build in place.
  }
  auto built = runBuild(raster, raster, resampling, feedback);
  if (!built && !existedBefore) removeQuietly(target);
  return built;
}

}  // namespace onemap::raster
