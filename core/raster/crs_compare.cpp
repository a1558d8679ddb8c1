#include "onemap/raster/crs_compare.h"

#include <ogr_spatialref.h>

#include <map>
#include <mutex>
#include <utility>

#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/gdal_init.h"

namespace onemap::raster {

bool isSameCrs(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty() || a == b) return true;
  static std::mutex mutex;
  static std::map<std::pair<std::string, std::string>, bool> cache;
  const auto key = a < b ? std::make_pair(a, b) : std::make_pair(b, a);
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  gdal::ensureInitialized();
  gdal::CplErrorCapture quiet;
  OGRSpatialReference first, second;
  bool same = false;
  if (first.SetFromUserInput(a.c_str()) == OGRERR_NONE && second.SetFromUserInput(b.c_str()) == OGRERR_NONE) {
    const char* options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS",
                             nullptr};
    same = first.IsSame(&second, options);
  }
  std::lock_guard lock(mutex);
  cache[key] = same;
  return same;
}

}  // namespace onemap::raster
