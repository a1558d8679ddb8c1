#pragma once

#include <filesystem>
#include <string>
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
/// Shipped as resources/templates/village_map.onemap-layout (the same layout bound to the
/// conventional layer ids CJDCQ, change_patches and image_after).
layout::Layout villageMapTemplate(const project::Project& project, const std::string& name);

/// A blank layout of the given page size with only a map frame (extent from `project`).
layout::Layout blankLayout(const project::Project& project, const std::string& name, double widthMm,
                           double heightMm);

/// A template (e.g. loaded from a .onemap-layout file) re-bound to `project`: layer ids the
/// project does not have are replaced — the atlas coverage by the village layer, a table's layer
/// by the change-patch layer, an overview's layers by the first raster and the village layer —
/// or dropped from map and legend layer lists; the atlas is switched off without a village layer.
layout::Layout bindTemplate(layout::Layout layout, const project::Project& project);

/// The id of the project's village boundary layer: "CJDCQ" (by id or layer name), else the first
/// polygon layer with a ZLDWDM field; empty when there is none.
std::string villageLayerId(const project::Project& project);

/// The id of the project's change-patch layer: "change_patches" (by id or layer name), else the
/// first vector layer with BHLX and MJ fields; empty when there is none.
std::string changePatchLayerId(const project::Project& project);

/// Where the installed templates are (share/onemap/templates next to the program), for lists of
/// templates to choose from; empty when not found.
std::filesystem::path installedTemplateFolder();

}  // namespace onemap::sheet
