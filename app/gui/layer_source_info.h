#pragma once

#include <string>

#include "onemap/base/error.h"
#include "onemap/base/extent.h"
#include "onemap/project/project.h"

namespace onemap::gui {

/// The CRS (WKT) and extent of a project layer's data, read without scanning features.
struct LayerSourceInfo {
  std::string crsWkt;
  Extent extent;
};

/// Reads CRS and extent of a layer's source; errors name the file.
Result<LayerSourceInfo> readLayerSourceInfo(const project::LayerSpec& layer);

}  // namespace onemap::gui
