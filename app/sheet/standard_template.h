#pragma once

#include <vector>

#include "onemap/layout/layout.h"

namespace onemap::project {
struct Project;
}

namespace onemap::sheet {

/// The standard 一村一图 village map sheet (A3 landscape, conventional Chinese style: title,
/// map frame with kilometre grid, legend, scale bar, north arrow, patch statistics table,
/// producer block, inset overview), bound to `project`: the atlas covers its village layer
/// (CJDCQ, else the first polygon layer with a 12-digit code field) and the table summarises its
/// change-patch layer when there is one. Named `name` (made unique by the caller).
layout::Layout villageMapTemplate(const project::Project& project, const std::string& name);

/// A blank layout of the given page size with only a map frame (extent from `project`).
layout::Layout blankLayout(const project::Project& project, const std::string& name, double widthMm,
                           double heightMm);

}  // namespace onemap::sheet
