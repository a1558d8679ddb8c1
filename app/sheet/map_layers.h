#pragma once

#include <QStringList>

#include <optional>
#include <string>
#include <vector>

#include "onemap/base/extent.h"

namespace onemap::project {
struct Project;
struct LayerSpec;
}  // namespace onemap::project
namespace onemap::layout {
struct Item;
}

namespace onemap::sheet {

struct SheetContext;

/// The project layers a map item draws, in the project's drawing order: the item's "layers" ids
/// when set (hidden layers included), else the project's visible layers. Ids the project does not
/// have are added to `problems` when given.
std::vector<const project::LayerSpec*> mapLayers(const project::Project& project, const layout::Item& map,
                                                 QStringList* problems = nullptr);

/// The CRS a sheet is drawn in: the context's map CRS, else the project's.
std::string sheetCrs(const SheetContext& context);

/// The union of the layers' extents in `crs` (vector: the stored layer extent; raster: the grid),
/// remembered per file and CRS while the file is unchanged; nullopt when none is known.
/// Thread-safe.
std::optional<Extent> layersExtent(const std::vector<const project::LayerSpec*>& layers, const std::string& crs);

}  // namespace onemap::sheet
