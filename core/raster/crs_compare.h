#pragma once

#include <string>

namespace onemap::raster {

/// True when two CRS definitions (WKT, PROJJSON, "EPSG:n") describe the same CRS, ignoring axis
/// order and names; an empty definition matches anything (data without a CRS is drawn as is).
/// Results are cached per pair; thread-safe.
bool isSameCrs(const std::string& a, const std::string& b);

}  // namespace onemap::raster
