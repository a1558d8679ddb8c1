#pragma once

#include <QString>

#include <nlohmann/json_fwd.hpp>

namespace onemap::raster {
struct RasterInfo;
}
namespace onemap::vector {
struct VectorInfo;
}

namespace onemap::cli {

/// Human-readable report of a raster (translated labels, Chinese and English CRS names).
QString rasterInfoText(const raster::RasterInfo& info);
/// Human-readable report of a vector dataset.
QString vectorInfoText(const vector::VectorInfo& info);
/// Machine-readable report (stable English keys) for `--json`.
nlohmann::json rasterInfoJson(const raster::RasterInfo& info);
nlohmann::json vectorInfoJson(const vector::VectorInfo& info);

}  // namespace onemap::cli
