#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <filesystem>
#include <map>
#include <memory>

#include "onemap/base/extent.h"
#include "onemap/project/project.h"
#include "onemap/render/renderer_factory.h"

namespace onemap::gui {

/// Owns the open project, its file name and the renderer caches; loads, saves and adds layers,
/// and works out the map CRS and full extent. Lives on the GUI thread.
class ProjectController : public QObject {
  Q_OBJECT
 public:
  explicit ProjectController(QObject* parent = nullptr);
  ~ProjectController() override;

  project::Project& project() { return m_project; }
  const project::Project& project() const { return m_project; }
  render::RendererFactory& renderers() { return m_renderers; }
  const std::filesystem::path& fileName() const { return m_fileName; }

  /// Map CRS as WKT (the project's, else the first layer's); empty when no layer has one.
  const std::string& mapCrs() const { return m_mapCrs; }
  /// Union of all layers' extents in the map CRS.
  Extent fullExtent() const { return m_fullExtent; }

  /// Replaces the project by the file's; returns an error text (empty on success).
  QString openProject(const std::filesystem::path& file);
  /// Saves to `file` (atomic); returns an error text (empty on success).
  QString saveProject(const std::filesystem::path& file);
  /// Adds a raster or vector file (all layers of a multi-layer vector file); returns error text.
  QString addLayerFile(const std::filesystem::path& file);
  /// Adds one prepared layer on top (an analysis result with its style); its id is made unique
  /// and returned, or empty when the source cannot be read (`error` receives why).
  std::string addLayer(project::LayerSpec layer, QString* error = nullptr);
  /// Layers whose source file is missing (names and paths), for the warning after opening.
  QStringList missingFiles() const;

  void setLayerVisible(int index, bool visible);

  // Layer edits. Each marks the project modified and emits layersChanged() (structure) or
  // layerChanged(index) + appearanceChanged() (looks). Indices are drawing order (0 drawn first).
  void removeLayer(int index);
  /// Moves layer `from` so that it ends up at index `to`.
  void moveLayer(int from, int to);
  void renameLayer(int index, const std::string& name);
  void setLayerOpacity(int index, double opacity);
  void setLayerStyle(int index, std::map<std::string, std::string> style);
  void setLayerGroup(int index, const std::string& group);
  /// Points a layer at another file (relocating a missing file); returns an error text.
  QString setLayerSource(int index, const std::filesystem::path& source);
  /// Sets the project CRS ("EPSG:4549", WKT; empty = from the first layer).
  void setProjectCrs(const std::string& crs);
  /// Index of the layer with `id`, or -1.
  int layerIndex(const std::string& id) const;
  /// The layer's extent in the map CRS (empty when unknown).
  Extent layerExtent(int index) const;

  // Bookmarks (project().bookmarks): each edit marks the project modified and emits
  // bookmarksChanged(). Indices are positions in project().bookmarks.
  void addBookmark(const std::string& name, const Extent& extent);
  void removeBookmark(int index);
  void renameBookmark(int index, const std::string& name);

  /// Replaces the whole project (New Project, crash recovery) and its file name (empty = not saved
  /// yet), then emits crsChanged() and layersChanged().
  void resetProject(project::Project project, const std::filesystem::path& fileName, bool modified);

  /// True when the project changed since it was opened or saved.
  bool isModified() const { return m_modified; }
  void setModified(bool modified);

 signals:
  /// The set of layers, their order or the map CRS changed.
  void layersChanged();
  /// Something that changes how the map looks changed (visibility, style).
  void appearanceChanged();
  /// One layer's properties changed (name, visibility, opacity, style, group).
  void layerChanged(int index);
  /// The map CRS changed (layers are now reprojected to it).
  void crsChanged();
  void modifiedChanged(bool modified);
  /// A bookmark was added, removed or renamed.
  void bookmarksChanged();

 private:
  void recomputeCrsAndExtent();
  /// After layers were appended: map CRS and extent, modified flag, signals.
  void layersAdded();

  project::Project m_project;
  std::filesystem::path m_fileName;
  render::RendererFactory m_renderers;
  std::string m_mapCrs;
  Extent m_fullExtent;
  bool m_modified = false;
};

}  // namespace onemap::gui
