#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace onemap::raster {

/// The acquisition date in a raster's metadata: the first of ACQUISITION_DATE, DATE_ACQUIRED or
/// SENSING_TIME that starts with a real calendar date ("2024-05-18T02:41:07Z" → "2024-05-18").
std::optional<std::string> dateFromMetadata(const std::vector<std::pair<std::string, std::string>>& metadata);

/// The first real calendar date YYYY-MM-DD in a file name that is not part of a longer number
/// ("nanjing_L5TM_2002-07-12_6band.tif" → "2002-07-12").
std::optional<std::string> dateFromFileName(std::string_view name);

}  // namespace onemap::raster
