#include "onemap/gdal/gdal_init.h"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>

namespace onemap::gdal {

void ensureInitialized() {
  static std::once_flag once;
  std::call_once(once, [] {
    // EPSG:4490 and the CGCS2000 Gauss-Krüger CRSs are northing-first in the EPSG registry;
    // OneMap always works in easting/longitude-first order.
    CPLSetConfigOption("OSR_DEFAULT_AXIS_MAPPING_STRATEGY", "TRADITIONAL_GIS_ORDER");
    // Keep GDAL's own messages off stderr: they are captured per call and turned into Errors.
    CPLSetErrorHandler(CPLQuietErrorHandler);
    // GDAL's block cache defaults to 5 % of RAM (1.2 GB on a 24 GB machine); OneMap reads block
    // by block and keeps its own bounds, so 256 MB is plenty. A user's GDAL_CACHEMAX still wins.
    if (CPLGetConfigOption("GDAL_CACHEMAX", nullptr) == nullptr) GDALSetCacheMax64(256LL * 1024 * 1024);
    GDALAllRegister();
  });
}

}  // namespace onemap::gdal
