#pragma once

#include <QWidget>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "onemap/layout/layout.h"
#include "onemap/sheet/sheet_context.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace onemap::gui {
class ProjectController;
}

namespace onemap::designer {

class DesignerScene;
class LayoutDocument;

/// The layout's atlas (一村一图) settings — coverage layer (polygon layers of the project),
/// filter, name and code fields, driven map frame, margin, mask, file names — and the preview:
/// previous / next / chosen feature fills the page (variables, extent, table). Each settings edit
/// is undoable. GUI thread only.
class AtlasPanel : public QWidget {
  Q_OBJECT
 public:
  AtlasPanel(LayoutDocument* document, DesignerScene* scene, gui::ProjectController* project,
             QWidget* parent = nullptr);

  /// Shows the page for the atlas features (reads them) or as a plain sheet.
  void setPreview(bool on);
  bool isPreviewing() const;
  void next();
  void previous();
  void setCurrent(int index);
  int currentIndex() const { return m_current; }
  int featureCount() const { return int(m_features.size()); }
  const std::vector<sheet::AtlasFeature>& features() const { return m_features; }
  /// The problem met reading the features (empty when none).
  QString error() const;

 signals:
  /// The previewed feature changed (-1: preview off).
  void currentChanged(int index);

 private:
  void buildCoverageCombo();
  void fillFields();
  void refresh();
  void edit(const std::string& mergeKey, const std::function<void(layout::AtlasSettings&)>& apply);
  void reloadFeatures();
  bool isPolygonLayer(const std::string& layerId);

  LayoutDocument* m_document;
  DesignerScene* m_scene;
  gui::ProjectController* m_project;
  QCheckBox* m_enabled;
  QComboBox* m_coverage;
  QLineEdit* m_filter;
  QComboBox* m_nameField;
  QComboBox* m_codeField;
  QComboBox* m_mapItem;
  QDoubleSpinBox* m_margin;
  QCheckBox* m_mask;
  QLineEdit* m_pattern;
  QPushButton* m_preview;
  QPushButton* m_previous;
  QPushButton* m_next;
  QComboBox* m_feature;
  QLabel* m_status;
  std::vector<sheet::AtlasFeature> m_features;
  int m_current = -1;
  bool m_updating = false;
  std::map<std::string, std::pair<std::string, bool>> m_polygonCache;  ///< id → (source, polygonal)
  std::string m_fieldsOf;
  layout::AtlasSettings m_shownAtlas;  ///< the settings the features were read with
};

}  // namespace onemap::designer
