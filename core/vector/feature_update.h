#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "onemap/base/error.h"

namespace onemap::vector {

/// Sets text fields of one feature (by FID) of a layer in a UTF-8 format (GeoPackage) in place,
/// in one transaction: all values are written or none. Errors name the file, the layer, the
/// feature or the field: NotFound for a missing feature or field, Io when the file cannot be
/// opened for writing (read-only, locked).
Status updateFeatureFields(const std::filesystem::path& path, const std::string& layer, std::int64_t fid,
                           const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace onemap::vector
