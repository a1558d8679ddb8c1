#include "gdal_fixtures.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <cstdlib>

namespace onemap::test {
namespace {

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "test fixture failed: %s (%s)\n", what.c_str(), CPLGetLastErrorMsg());
  std::abort();
}

}  // namespace

std::string wktOfEpsg(int epsg) {
  GDALAllRegister();
  OGRSpatialReference srs;
  srs.importFromEPSG(epsg);
  char* wkt = nullptr;
  srs.exportToWkt(&wkt);
  std::string out = wkt ? wkt : "";
  CPLFree(wkt);
  return out;
}

void writeGeoTiff(const std::filesystem::path& path, const GeoTiffSpec& spec) {
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  CPLStringList options;
  options.SetNameValue("TILED", "YES");
  options.SetNameValue("BLOCKXSIZE", "256");
  options.SetNameValue("BLOCKYSIZE", "256");
  options.SetNameValue("COMPRESS", "DEFLATE");
  GDALDataset* ds = driver->Create(path.c_str(), spec.width, spec.height, spec.bands,
                                   GDALGetDataTypeByName(spec.dataType.c_str()), options.List());
  if (ds == nullptr) die("create " + path.string());
  if (spec.epsg != 0) {
    OGRSpatialReference srs;
    srs.importFromEPSG(spec.epsg);
    ds->SetSpatialRef(&srs);
  }
  if (spec.geoTransform.size() == 6) {
    double gt[6];
    for (int i = 0; i < 6; ++i) gt[i] = spec.geoTransform[std::size_t(i)];
    ds->SetGeoTransform(gt);
  }
  std::vector<double> row(std::size_t(spec.width));
  for (int b = 1; b <= spec.bands; ++b) {
    GDALRasterBand* band = ds->GetRasterBand(b);
    if (std::size_t(b) <= spec.descriptions.size()) band->SetDescription(spec.descriptions[std::size_t(b - 1)].c_str());
    for (int y = 0; y < spec.height; ++y) {
      for (int x = 0; x < spec.width; ++x) row[std::size_t(x)] = spec.value(b, x, y);
      if (band->RasterIO(GF_Write, 0, y, spec.width, 1, row.data(), spec.width, 1, GDT_Float64, 0, 0) != CE_None)
        die("write " + path.string());
    }
  }
  GDALClose(ds);
}

void writeVector(const std::filesystem::path& path, const std::string& driverName, const std::string& layerName,
                 int epsg, const std::vector<std::string>& fields, const std::vector<FixtureFeature>& features,
                 const std::vector<std::string>& layerOptions) {
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
  if (driver == nullptr) die("no driver " + driverName);
  GDALDataset* ds = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (ds == nullptr) die("create " + path.string());
  OGRSpatialReference srs;
  if (epsg != 0) {
    srs.importFromEPSG(epsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  }
  CPLStringList options;
  for (const auto& o : layerOptions) options.AddString(o.c_str());
  OGRLayer* layer = ds->CreateLayer(layerName.c_str(), epsg != 0 ? &srs : nullptr, wkbPolygon, options.List());
  if (layer == nullptr) die("create layer " + layerName);
  for (const auto& f : fields) {
    OGRFieldDefn defn(f.c_str(), OFTString);
    defn.SetWidth(50);
    layer->CreateField(&defn);
  }
  for (const auto& feature : features) {
    OGRFeature* ogrFeature = OGRFeature::CreateFeature(layer->GetLayerDefn());
    for (std::size_t i = 0; i < feature.values.size(); ++i) ogrFeature->SetField(int(i), feature.values[i].c_str());
    if (!feature.wkt.empty()) {
      OGRGeometry* g = nullptr;
      if (OGRGeometryFactory::createFromWkt(feature.wkt.c_str(), nullptr, &g) != OGRERR_NONE) die("wkt " + feature.wkt);
      ogrFeature->SetGeometryDirectly(g);
    }
    if (layer->CreateFeature(ogrFeature) != OGRERR_NONE) die("feature in " + path.string());
    OGRFeature::DestroyFeature(ogrFeature);
  }
  GDALClose(ds);
}

void warpGeoTiff(const std::filesystem::path& source, const std::filesystem::path& target, int epsg) {
  GDALAllRegister();
  GDALDatasetH input = GDALOpen(source.string().c_str(), GA_ReadOnly);
  if (!input) {
    std::fprintf(stderr, "fixture: cannot open %s\n", source.string().c_str());
    std::abort();
  }
  const std::string crs = "EPSG:" + std::to_string(epsg);
  const char* arguments[] = {"-t_srs", crs.c_str(), "-r", "bilinear", "-of", "GTiff", nullptr};
  GDALWarpAppOptions* options = GDALWarpAppOptionsNew(const_cast<char**>(arguments), nullptr);
  int failed = 0;
  GDALDatasetH output = GDALWarp(target.string().c_str(), nullptr, 1, &input, options, &failed);
  GDALWarpAppOptionsFree(options);
  if (!output || failed) {
    std::fprintf(stderr, "fixture: cannot warp %s to %s\n", source.string().c_str(), crs.c_str());
    std::abort();
  }
  GDALClose(output);
  GDALClose(input);
}

}  // namespace onemap::test
