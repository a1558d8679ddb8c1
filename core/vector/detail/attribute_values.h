#pragma once

// Internal to onemap_vector: OGR field values as AttributeValue.

#include <string>
#include <vector>

#include "onemap/vector/feature_reader.h"

class OGRFeature;

namespace onemap::vector::detail {

/// The attributes of `feature` in field order; text as UTF-8 (converted from `recodeFrom` when
/// set), dates as ISO 8601 text, unset/null fields as std::monostate.
std::vector<AttributeValue> readAttributes(const OGRFeature& feature, const std::string& recodeFrom);

/// The attributes at field `indices` only, in that order (a negative index gives null).
std::vector<AttributeValue> readAttributes(const OGRFeature& feature, const std::string& recodeFrom,
                                           const std::vector<int>& indices);

}  // namespace onemap::vector::detail
