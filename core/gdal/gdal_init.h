#pragma once

namespace onemap::gdal {

/// Registers all GDAL/OGR drivers once per process and sets OneMap's global GDAL defaults
/// (traditional GIS axis order for every spatial reference, quiet error output, a 256 MB block
/// cache unless GDAL_CACHEMAX is set).
/// Thread-safe; call before any GDAL use. Every open function in core calls it.
void ensureInitialized();

}  // namespace onemap::gdal
