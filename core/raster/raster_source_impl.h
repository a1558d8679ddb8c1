#pragma once
// Internal to onemap_raster: the state behind a RasterSource.

#include <filesystem>
#include <optional>
#include <utility>
#include <vector>

#include "onemap/gdal/handles.h"
#include "onemap/raster/raster_source.h"

namespace onemap::raster {

/// The GDAL dataset and what was read from it once; moves with the RasterSource.
struct RasterSource::Impl {
  /// One resampling step from the file to this view (replayed by clone()).
  struct AlignStep {
    Grid target;
    Resampling resampling = Resampling::Bilinear;
    std::string targetName;
  };

  /// Reads grid, nodata, block size and band roles from `dataset`.
  Impl(std::filesystem::path filePath, gdal::DatasetPtr openDataset);

  std::filesystem::path path;
  gdal::DatasetPtr dataset;
  Grid grid;
  BandRoleMap roles;
  std::vector<std::optional<double>> noData;
  std::pair<int, int> blockSize{0, 0};
  std::vector<AlignStep> steps;
};

}  // namespace onemap::raster
