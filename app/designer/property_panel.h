#pragma once

#include <QScrollArea>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "property_specs.h"

class QFormLayout;
class QLabel;

class QComboBox;

namespace onemap::gui {
class MapCanvas;
class ProjectController;
}  // namespace onemap::gui

namespace onemap::designer {

class LayoutDocument;

/// The selected item's properties, generated from its type's PropSpec list: geometry, name,
/// visibility and lock, then every key of item_properties.h with a fitting editor. Each edit is
/// an undoable command (typing in one field merges). GUI thread only.
class PropertyPanel : public QScrollArea {
  Q_OBJECT
 public:
  PropertyPanel(LayoutDocument* document, gui::ProjectController* project, gui::MapCanvas* canvas,
                QWidget* parent = nullptr);

  /// Shows the item `id` (empty: nothing selected; `count` > 1: several selected).
  void showItem(const std::string& id, int count = 1);
  const std::string& itemId() const { return m_itemId; }
  /// The editor of a property key (or "x", "y", "width", "height", "rotation", "name"), for tests.
  QWidget* editor(const std::string& key) const;
  /// Sets the selected map frame's extent to the main map canvas' current extent.
  void setExtentFromCanvas();

 private:
  void rebuild();
  void refresh();
  void addSpec(QFormLayout* form, const PropSpec& spec);
  void addGeometry(QFormLayout* form);
  void addMapActions(QFormLayout* form);
  void setProp(const std::string& key, const std::string& value);
  std::string value(const PropSpec& spec) const;
  /// Writes the combo's chosen item data to the spec's key, and shows the key's value in it.
  void bindCombo(QComboBox* combo, const PropSpec& spec);

  LayoutDocument* m_document;
  gui::ProjectController* m_project;
  gui::MapCanvas* m_canvas;
  std::string m_itemId;
  int m_count = 0;
  QWidget* m_content = nullptr;
  std::map<std::string, QWidget*> m_editors;
  std::vector<std::function<void()>> m_refreshers;
};

}  // namespace onemap::designer
