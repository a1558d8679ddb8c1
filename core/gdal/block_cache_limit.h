#pragma once

#include <cstdint>

namespace onemap::gdal {

/// GDAL's current block cache size in bytes (what a memory budget must leave room for).
std::int64_t blockCacheBytes();

/// Lowers GDAL's process-wide block cache to `bytes` while it lives (never raises it): for a
/// streaming analysis that reads each block once, cached blocks beyond a few per thread are only
/// memory counted against its memory limit. Limits overlapping in time share one setting; the
/// last to end restores the previous size. Thread-safe.
class BlockCacheLimit {
 public:
  explicit BlockCacheLimit(std::int64_t bytes);
  ~BlockCacheLimit();
  BlockCacheLimit(const BlockCacheLimit&) = delete;
  BlockCacheLimit& operator=(const BlockCacheLimit&) = delete;
};

}  // namespace onemap::gdal
