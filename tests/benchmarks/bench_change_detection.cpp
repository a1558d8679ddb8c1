// End-to-end change detection on the county-size sample (two 20 000² 4-band images, 274 k DLTB
// polygons) against simply reading and decoding both images with GDAL on the same threads.
// Prints seconds (wall and CPU of the process), Mpx/s, the ratio to the plain read, the share of
// the images the block pass read and the peak resident memory.
//
//   bench_change_detection [COUNTY_DIR] [--threads N] [--memory-mb M] [--out PATCHES.gpkg]
//
// --out keeps the patches (else they go to a temporary file, removed at the end).
// COUNTY_DIR defaults to $ONEMAP_COUNTY, else /tmp/county_full (from `onemap-cli make-sample
// --size county`).
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "onemap/change/block_pass_observer.h"  // how much of the images the block pass read
#include "onemap/change/change_detector.h"
#include "onemap/raster/raster_source.h"

using namespace onemap;

namespace {

double peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0;
}

/// CPU seconds (user + system) of the process so far, all threads.
double cpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + 1e-6 * double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

double seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

/// Reads every block of both images (4 bands as float32), `threads` workers taking windows in turn.
double plainRead(const std::filesystem::path& a, const std::filesystem::path& b, int threads) {
  const auto start = std::chrono::steady_clock::now();
  for (const auto& path : {a, b}) {
    auto source = raster::RasterSource::open(path);
    if (!source) {
      std::fprintf(stderr, "%s\n", source.error().text().c_str());
      std::exit(1);
    }
    const auto windows = source->blockWindows(std::int64_t(16) << 20);
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
      auto mine = source->clone();
      std::vector<float> buffer;
      const int bands[] = {1, 2, 3, 4};
      for (std::size_t i = next++; i < windows.size(); i = next++) (void)mine->read(windows[i], bands, buffer);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
  }
  return seconds(start);
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path county = std::getenv("ONEMAP_COUNTY") ? std::getenv("ONEMAP_COUNTY") : "/tmp/county_full";
  int threads = 2;
  std::string memory = "1024";
  std::filesystem::path keep;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) threads = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--memory-mb") && i + 1 < argc) memory = argv[++i];
    else if (!std::strcmp(argv[i], "--out") && i + 1 < argc) keep = argv[++i];
    else county = argv[i];
  }
  change::ChangeInputs in;
  in.before = county / "gf1_before.tif";
  in.after = county / "gf1_after.tif";
  in.cropland = {county / "sample_county.gpkg", "DLTB"};
  in.pbf = LayerRef{county / "sample_county.gpkg", "YJJBNTTB"};
  in.villages = LayerRef{county / "sample_county.gpkg", "CJDCQ"};
  in.redLine = LayerRef{county / "sample_county.gpkg", "STBHHX"};
  in.output = !keep.empty() ? keep
                            : std::filesystem::temp_directory_path() /
                                  ("bench_change_patches_" + std::to_string(getpid()) + ".gpkg");
  in.overwrite = true;
  auto parameters = change::ChangeParameters::fromValues({{"threads", std::to_string(threads)}, {"memory-mb", memory}});
  if (!parameters) {
    std::fprintf(stderr, "%s\n", parameters.error().text().c_str());
    return 2;
  }

  const double cpuStart = cpuSeconds();
  const double read = plainRead(in.before, in.after, threads);
  const double readCpu = cpuSeconds() - cpuStart;
  const double rssAfterRead = peakRssMb();
  Feedback feedback;
  const auto start = std::chrono::steady_clock::now();
  const double detectCpuStart = cpuSeconds();
  change::BlockPassObserver observer;
  auto summary = change::detectChanges(in, *parameters, feedback, &observer);
  const double total = seconds(start);
  const double detectCpu = cpuSeconds() - detectCpuStart;
  if (!summary) {
    std::fprintf(stderr, "%s\n", summary.error().text().c_str());
    return 1;
  }
  const double mpx = double(summary->pixels) / 1e6;
  std::printf("county: %s   threads %d   memory limit %s MB   %.0f Mpx per date\n", county.c_str(), threads,
              memory.c_str(), mpx);
  std::printf("%-58s %9s %9s %9s\n", "case", "seconds", "CPU s", "Mpx/s");
  std::printf("%-58s %9.2f %9.1f %9.1f\n", "read + decode both images with GDAL (baseline)", read, readCpu, mpx / read);
  std::printf("%-58s %9.2f %9.1f %9.1f\n", "detect: end to end (align, classify, patches, attributes)", total,
              detectCpu, mpx / total);
  std::printf("ratio to the plain read: %.2f (target <= 2); CPU time ratio %.2f\n", total / read, detectCpu / readCpu);
  std::printf("the block pass read %.1f %% of each image (the rest lies too far from cropland to matter)\n",
              100.0 * double(observer.pixelsRead) / double(summary->pixels));
  std::printf("patches: %d   peak RSS %.0f MB (after the plain read %.0f MB; limit %s MB)\n", summary->patches,
              peakRssMb(), rssAfterRead, memory.c_str());
  if (keep.empty()) std::filesystem::remove(in.output);
  return 0;
}
