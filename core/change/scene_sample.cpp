#include "scene_sample.h"

#include <algorithm>
#include <cmath>
#include <future>

namespace onemap::change::detail {

raster::Grid sampleGridOf(const raster::Grid& grid) {
  const int sampleW = std::min(grid.width, 1200);
  const int sampleH = std::max(1, int(std::lround(double(grid.height) * sampleW / grid.width)));
  raster::Grid sampleGrid = grid;
  sampleGrid.width = sampleW;
  sampleGrid.height = sampleH;
  sampleGrid.geoTransform[1] *= double(grid.width) / sampleW;
  sampleGrid.geoTransform[5] *= double(grid.height) / sampleH;
  sampleGrid.geoTransform[2] *= double(grid.width) / sampleW;
  sampleGrid.geoTransform[4] *= double(grid.height) / sampleH;
  return sampleGrid;
}

Result<SceneSample> readSceneSample(const ImagePair& images, const raster::Grid& grid) {
  SceneSample sample;
  sample.grid = grid;
  sample.pixels = std::size_t(grid.width) * std::size_t(grid.height);
  const raster::Window all{0, 0, images.grid().width, images.grid().height};
  // The two dates are read at the same time. (An early return waits for the helper: the future
  // is destroyed before the buffer it writes.)
  std::vector<float>& after = sample.after;
  auto afterSample = std::async(std::launch::async, [&]() -> Status {
    return images.after.readAveraged(all, grid.width, grid.height, images.bands.after, after);
  });
  if (auto st = images.before.readAveraged(all, grid.width, grid.height, images.bands.before, sample.before); !st)
    return fail(st.error());
  if (auto st = afterSample.get(); !st) return fail(st.error());
  return sample;
}

}  // namespace onemap::change::detail
