#include "onemap/gdal/block_cache_limit.h"

#include <gdal.h>

#include <mutex>

#include "onemap/gdal/gdal_init.h"

namespace onemap::gdal {
namespace {

std::mutex s_mutex;
int s_active = 0;
std::int64_t s_previous = 0;

}  // namespace

std::int64_t blockCacheBytes() {
  ensureInitialized();
  return GDALGetCacheMax64();
}

BlockCacheLimit::BlockCacheLimit(std::int64_t bytes) {
  ensureInitialized();
  std::lock_guard lock(s_mutex);
  if (s_active++ == 0) {
    s_previous = GDALGetCacheMax64();
    if (bytes < s_previous) GDALSetCacheMax64(bytes);
  }
}

BlockCacheLimit::~BlockCacheLimit() {
  std::lock_guard lock(s_mutex);
  if (--s_active == 0) GDALSetCacheMax64(s_previous);
}

}  // namespace onemap::gdal
