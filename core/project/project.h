#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/extent.h"
#include "onemap/layout/layout.h"

namespace onemap::project {

/// What kind of data a layer shows.
enum class LayerKind { Raster, Vector };

/// One layer of a project: where its data is and how it is drawn. A value type owned by Project;
/// the GUI thread edits it, renderers read snapshots.
struct LayerSpec {
  std::string id;                       ///< unique within the project, stable across saves
  std::string name;                     ///< shown in the layer tree
  LayerKind kind = LayerKind::Raster;
  std::filesystem::path source;         ///< absolute in memory; stored relative to the project file
  std::string layerName;                ///< vector layer inside the source (GeoPackage...), or empty
  std::string encoding;                 ///< vector attribute encoding override, or empty
  std::string group;                    ///< layer-tree group name ("影像/2024"), empty = top level
  bool visible = true;
  double opacity = 1.0;                 ///< 0..1
  std::map<std::string, std::string> style;  ///< renderer properties, e.g. "rgb" = "nir,red,green"
};

/// A named map extent the user can jump back to.
struct Bookmark {
  std::string name;
  Extent extent;
};

/// A OneMap project: layers in drawing order (first drawn first), CRS, view, bookmarks and map
/// sheet layouts.
/// Plain data; owned and edited by the GUI thread.
struct Project {
  std::string title;
  std::string crs;                      ///< project CRS ("EPSG:4549"...); empty = from first layer
  std::optional<Extent> extent;         ///< last view extent in the project CRS
  std::vector<LayerSpec> layers;
  std::vector<Bookmark> bookmarks;
  std::vector<layout::Layout> layouts;  ///< map sheets, by unique name

  /// A layer id not used yet in this project, derived from `base`.
  std::string uniqueLayerId(const std::string& base) const;
  /// The layout named `name`, or null.
  const layout::Layout* findLayout(const std::string& name) const;
  layout::Layout* findLayout(const std::string& name);
  /// A layout name not used yet in this project, derived from `base`.
  std::string uniqueLayoutName(const std::string& base) const;
};

/// File format version written by saveProject.
inline constexpr int kProjectFormatVersion = 1;

/// Reads a project file (.onemap, JSON). Relative layer paths are resolved against the file's
/// folder. Errors name the file and the offending entry.
Result<Project> loadProject(const std::filesystem::path& file);

/// Writes the project to `file` atomically (temporary file, then rename), storing layer paths
/// relative to the file's folder when they are below or beside it.
Status saveProject(const Project& project, const std::filesystem::path& file);

/// Layers whose source file does not exist (for the "missing files" dialog).
std::vector<const LayerSpec*> missingSources(const Project& project);

}  // namespace onemap::project
