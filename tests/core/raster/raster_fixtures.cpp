#include "raster_fixtures.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "onemap/gdal/gdal_init.h"

namespace onemap::raster::fixtures {
namespace {

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "fixture: %s\n", what.c_str());
  std::abort();
}

}  // namespace

double defaultPixel(int band, int column, int row) { return band * 10000.0 + row * 100.0 + column; }

void writeGeoTiff(const std::filesystem::path& path, const TiffSpec& spec) {
  gdal::ensureInitialized();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  CPLStringList options;
  for (const auto& option : spec.creationOptions) options.AddString(option.c_str());
  GDALDataset* dataset = driver->Create(path.string().c_str(), spec.width, spec.height, spec.bands,
                                        spec.type, options.List());
  if (dataset == nullptr) die("cannot create " + path.string());
  if (spec.writeGeoTransform) {
    std::array<double, 6> gt = spec.geoTransform;
    dataset->SetGeoTransform(gt.data());
  }
  if (spec.epsg != 0) {
    OGRSpatialReference srs;
    srs.importFromEPSG(spec.epsg);
    dataset->SetSpatialRef(&srs);
  }
  for (const auto& [key, value] : spec.metadata)
    dataset->SetMetadataItem(key.c_str(), value.c_str());
  std::vector<double> row(static_cast<std::size_t>(spec.width));
  for (int b = 1; b <= spec.bands; ++b) {
    GDALRasterBand* band = dataset->GetRasterBand(b);
    if (spec.noData) band->SetNoDataValue(*spec.noData);
    if (static_cast<std::size_t>(b) <= spec.descriptions.size())
      band->SetDescription(spec.descriptions[static_cast<std::size_t>(b - 1)].c_str());
    for (int y = 0; y < spec.height; ++y) {
      for (int x = 0; x < spec.width; ++x) row[static_cast<std::size_t>(x)] = spec.pixel(b, x, y);
      if (band->RasterIO(GF_Write, 0, y, spec.width, 1, row.data(), spec.width, 1, GDT_Float64, 0,
                         0, nullptr) != CE_None)
        die("cannot write " + path.string());
    }
  }
  if (!spec.overviewFactors.empty()) {
    std::vector<int> factors = spec.overviewFactors;
    if (dataset->BuildOverviews("AVERAGE", static_cast<int>(factors.size()), factors.data(), 0,
                                nullptr, nullptr, nullptr, nullptr) != CE_None)
      die("cannot build overviews in " + path.string());
  }
  GDALClose(dataset);
}

void truncateFile(const std::filesystem::path& path, double fraction) {
  const auto size = std::filesystem::file_size(path);
  std::filesystem::resize_file(path, static_cast<std::uintmax_t>(double(size) * fraction));
}

void writeText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

}  // namespace onemap::raster::fixtures
