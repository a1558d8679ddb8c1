#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <filesystem>
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
  /// Layers whose source file is missing (names and paths), for the warning after opening.
  QStringList missingFiles() const;

  void setLayerVisible(int index, bool visible);

 signals:
  /// The set of layers, their order or the map CRS changed.
  void layersChanged();
  /// Something that changes how the map looks changed (visibility, style).
  void appearanceChanged();

 private:
  void recomputeCrsAndExtent();

  project::Project m_project;
  std::filesystem::path m_fileName;
  render::RendererFactory m_renderers;
  std::string m_mapCrs;
  Extent m_fullExtent;
};

}  // namespace onemap::gui
