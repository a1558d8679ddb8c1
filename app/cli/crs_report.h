#pragma once

#include <QString>

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "onemap/base/extent.h"

namespace onemap::cli {

/// Text lines describing a dataset's CRS (EPSG, names, axis order) or its absence, with a
/// suggestion from the coordinates when it has none.
QString crsText(const std::string& wkt, int epsg, const Extent& extent);
/// The same as JSON: {"epsg", "name_en", "name_zh", "axis_order", "gauss_kruger", "suggestion"}.
nlohmann::json crsJson(const std::string& wkt, int epsg, const Extent& extent);
/// "118.5012°E – 119.1234°E, 31.8000°N – 32.1000°N"
QString lonLatText(const std::optional<Extent>& lonLat);
/// Extent as JSON array [minX, minY, maxX, maxY] (null when empty).
nlohmann::json extentJson(const Extent& extent);

}  // namespace onemap::cli
