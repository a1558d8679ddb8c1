#pragma once

// Public geos module header: the handle type is opaque so no GEOS header leaks out.
struct GEOSContextHandle_HS;

namespace onemap::geos {

/// The calling thread's GEOS context, created on first use and destroyed at thread exit.
/// GEOS messages raised in it are kept per thread (see lastGeosMessage()).
GEOSContextHandle_HS* threadContext();

/// The last error/notice GEOS raised on this thread (empty if none); cleared on read.
const char* lastGeosMessage();

}  // namespace onemap::geos
