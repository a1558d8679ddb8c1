#pragma once

#include <QPainterPath>

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "onemap/base/extent.h"
#include "onemap/layout/layout_variables.h"

namespace onemap::project {
struct Project;
}
namespace onemap::render {
class RendererFactory;
}

namespace onemap::sheet {

/// The coverage feature an atlas sheet is drawn for (a village): its attributes and outline in
/// the map CRS. A value type; any thread.
struct AtlasFeature {
  std::string code;                               ///< AtlasSettings::codeField value
  std::string name;                               ///< AtlasSettings::nameField value
  std::map<std::string, std::string> attributes;  ///< every field, as text
  Extent extent;                                  ///< of the outline, map CRS
  QPainterPath outline;                           ///< polygon(s) in map coordinates (y up)
  std::vector<unsigned char> wkb;                 ///< the same geometry as ISO WKB, map CRS
  int index = 0;                                  ///< 0-based position in the atlas
  int count = 1;                                  ///< sheets in the atlas
};

/// What drawing a layout needs besides the layout itself. The renderer factory is used only on
/// the thread that draws (the GUI thread for previews), or by several drawing threads when
/// `renderersMutex` is set (the atlas export shares one factory, hence one copy of each layer).
struct SheetContext {
  const project::Project* project = nullptr;
  std::filesystem::path projectFile;       ///< resolves relative picture paths; may be empty
  std::string mapCrs;                      ///< map CRS (EPSG id or WKT) all layers are drawn in
  render::RendererFactory* renderers = nullptr;  ///< null: a temporary factory per map frame
  std::mutex* renderersMutex = nullptr;    ///< held around renderers->create() when set
  layout::Variables variables;             ///< extra values and overrides ({page}, {date}...)
  const AtlasFeature* atlas = nullptr;     ///< the sheet's coverage feature, or null
  bool preview = false;                    ///< designer preview: may draw rasters coarser
};

/// The folder relative item paths (pictures, SVGs) are resolved against.
std::filesystem::path resolveItemPath(const SheetContext& context, const std::string& path);

}  // namespace onemap::sheet
