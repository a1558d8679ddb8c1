#include "vector_fixtures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "onemap/gdal/gdal_init.h"
#include "onemap/gdal/handles.h"

namespace onemap::vector::test {

bool writeDataset(const std::filesystem::path& path, const std::string& driverName,
                  const std::vector<FixtureLayer>& layers) {
  gdal::ensureInitialized();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
  EXPECT_NE(driver, nullptr) << driverName;
  if (driver == nullptr) return false;
  gdal::DatasetPtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  EXPECT_TRUE(dataset) << CPLGetLastErrorMsg();
  if (!dataset) return false;
  for (const FixtureLayer& spec : layers) {
    gdal::SpatialReferencePtr crs;
    if (!spec.crs.empty()) {
      crs.reset(new OGRSpatialReference());
      crs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
      EXPECT_EQ(crs->SetFromUserInput(spec.crs.c_str()), OGRERR_NONE);
    }
    CPLStringList options;
    for (const std::string& option : spec.creationOptions) options.AddString(option.c_str());
    OGRLayer* layer = dataset->CreateLayer(spec.name.c_str(), crs.get(), spec.geometryType, options.List());
    EXPECT_NE(layer, nullptr) << CPLGetLastErrorMsg();
    if (layer == nullptr) return false;
    for (const FixtureField& field : spec.fields) {
      OGRFieldDefn defn(field.name.c_str(), field.type);
      if (field.width > 0) defn.SetWidth(field.width);
      EXPECT_EQ(layer->CreateField(&defn), OGRERR_NONE) << CPLGetLastErrorMsg();
    }
    const std::size_t count = std::max(spec.rows.size(), spec.wkts.size());
    for (std::size_t i = 0; i < count; ++i) {
      gdal::FeaturePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
      if (i < spec.rows.size())
        for (std::size_t f = 0; f < spec.rows[i].size(); ++f) {
          if (spec.rows[i][f].empty())
            feature->SetFieldNull(static_cast<int>(f));
          else
            feature->SetField(static_cast<int>(f), spec.rows[i][f].c_str());
        }
      if (i < spec.wkts.size() && !spec.wkts[i].empty()) {
        OGRGeometry* geometry = nullptr;
        EXPECT_EQ(OGRGeometryFactory::createFromWkt(spec.wkts[i].c_str(), crs.get(), &geometry), OGRERR_NONE)
            << spec.wkts[i];
        feature->SetGeometryDirectly(geometry);
      }
      EXPECT_EQ(layer->CreateFeature(feature.get()), OGRERR_NONE) << CPLGetLastErrorMsg();
    }
  }
  return true;
}

void writeFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string squareWkt(double x, double y, double size) {
  std::ostringstream out;
  out.precision(15);
  out << "POLYGON((" << x << ' ' << y << ',' << x + size << ' ' << y << ',' << x + size << ' ' << y + size
      << ',' << x << ' ' << y + size << ',' << x << ' ' << y << "))";
  return out.str();
}

std::string densifiedCellWkt(double lon0, double lat0, double lon1, double lat1, int steps) {
  std::ostringstream out;
  out.precision(15);
  out << "POLYGON((";
  const auto point = [&out](double lon, double lat) { out << lon << ' ' << lat << ','; };
  for (int i = 0; i < steps; ++i) point(lon0 + (lon1 - lon0) * i / steps, lat0);
  for (int i = 0; i < steps; ++i) point(lon1, lat0 + (lat1 - lat0) * i / steps);
  for (int i = 0; i < steps; ++i) point(lon1 - (lon1 - lon0) * i / steps, lat1);
  for (int i = 0; i < steps; ++i) point(lon0, lat1 - (lat1 - lat0) * i / steps);
  out << lon0 << ' ' << lat0 << "))";
  return out.str();
}

double ellipsoidalCellArea(double lon0, double lat0, double lon1, double lat1, double semiMajor,
                           double inverseFlattening) {
  const double f = 1.0 / inverseFlattening;
  const double e2 = f * (2.0 - f);
  const double e = std::sqrt(e2);
  const double b = semiMajor * (1.0 - f);
  const auto q = [&](double latDeg) {
    const double s = std::sin(latDeg * std::numbers::pi / 180.0);
    return s / (1.0 - e2 * s * s) + std::log((1.0 + e * s) / (1.0 - e * s)) / (2.0 * e);
  };
  const double dLon = (lon1 - lon0) * std::numbers::pi / 180.0;
  return b * b / 2.0 * dLon * (q(lat1) - q(lat0));
}

}  // namespace onemap::vector::test
