// Block-wise reading throughput of onemap::raster with a memory bound, against GDAL's own
// whole-band read, on a generated 4-band UInt16 tiled DEFLATE GeoTIFF. Prints Mpx/s.
#include <benchmark/benchmark.h>

#include <cmath>

#include "gdal_fixtures.h"
#include "onemap/raster/raster_source.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

const std::filesystem::path& benchImage() {
  static test::TempDir dir;
  static const std::filesystem::path path = [] {
    test::GeoTiffSpec spec;
    spec.width = 4096;
    spec.height = 4096;
    spec.bands = 4;
    spec.value = [](int b, int x, int y) { return 1000 + b * 50 + ((x * 7 + y * 13) % 97); };
    const auto p = dir / "bench.tif";
    test::writeGeoTiff(p, spec);
    return p;
  }();
  return path;
}

void BM_ForEachBlock(benchmark::State& state) {
  auto source = raster::RasterSource::open(benchImage());
  if (!source) {
    state.SkipWithError(source.error().text().c_str());
    return;
  }
  const int bands[] = {1, 2, 3, 4};
  const std::int64_t budget = state.range(0) * 1024 * 1024;
  double checksum = 0;
  for (auto _ : state) {
    Feedback feedback;
    auto status = raster::forEachBlock(*source, bands, budget, feedback,
                                       [&](const raster::Window&, const std::vector<float>& pixels) -> Status {
                                         checksum += pixels[0];
                                         return {};
                                       });
    if (!status) state.SkipWithError(status.error().text().c_str());
  }
  benchmark::DoNotOptimize(checksum);
  const double pixels = double(source->grid().width) * source->grid().height;
  state.counters["Mpx/s"] = benchmark::Counter(pixels / 1e6, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["budget_MiB"] = double(state.range(0));
}
BENCHMARK(BM_ForEachBlock)->Arg(16)->Arg(64)->Arg(256)->Unit(benchmark::kMillisecond);

void BM_OverviewRead(benchmark::State& state) {
  auto source = raster::RasterSource::open(benchImage());
  if (!source) {
    state.SkipWithError(source.error().text().c_str());
    return;
  }
  const int bands[] = {3, 2, 1};
  std::vector<float> out;
  for (auto _ : state) {
    auto status = source->readResampled(raster::Window{0, 0, 4096, 4096}, 1600, 1600, bands, out);
    if (!status) state.SkipWithError(status.error().text().c_str());
  }
}
BENCHMARK(BM_OverviewRead)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
