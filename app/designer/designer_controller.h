#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <filesystem>
#include <map>
#include <string>

#include "onemap/base/error.h"
#include "onemap/gui/window_context.h"
#include "onemap/layout/layout.h"

class QMenu;

namespace onemap::designer {

class DesignerWindow;

/// The Map Sheets (地图输出) menu of the main window: new village sheet (一村一图) and new
/// layouts, the Layout Manager, one entry per layout, and the open designer windows (one per
/// layout). Layouts live in the project; every change here marks it modified. A child of the
/// main window; GUI thread only.
class DesignerController : public QObject {
  Q_OBJECT
 public:
  DesignerController(const gui::WindowContext& context, QObject* parent);

  QMenu* menu() const { return m_menu; }
  /// The project's layout names, in order.
  QStringList layoutNames() const;
  /// Opens (or raises) the designer of layout `name`; null when there is no such layout.
  DesignerWindow* openDesigner(const std::string& name);
  /// The open designer of layout `name`, or null.
  DesignerWindow* designer(const std::string& name) const;

  /// Adds the standard 一村一图 sheet bound to the project (name made unique) and opens it.
  std::string newVillageSheet(const std::string& name);
  /// Adds a blank layout of the given page and opens it; returns its (unique) name.
  std::string newLayout(const std::string& name, double widthMm, double heightMm, double dpi);
  /// Copies a layout under a new unique name; returns it (empty when `name` does not exist).
  std::string duplicateLayout(const std::string& name);
  /// Renames a layout (and its open designer); returns an error text, empty on success.
  QString renameLayout(const std::string& name, const std::string& newName);
  /// Removes a layout from the project and closes its designer.
  void removeLayout(const std::string& name);
  /// Adds the layout of a template file (name made unique); returns its name.
  Result<std::string> importTemplate(const std::filesystem::path& file);
  /// Saves layout `name` as a template file.
  Status saveTemplate(const std::string& name, const std::filesystem::path& file, bool overwrite);

  /// Menu actions that ask for input first.
  void newVillageSheetDialog();
  void newLayoutDialog();
  void showManager();

 signals:
  void layoutsChanged();

 private:
  void fillMenu();
  void projectChanged();
  /// Appends `layout` under a unique name, marks the project modified, opens the designer.
  std::string addLayout(layout::Layout layout);

  gui::WindowContext m_context;
  QMenu* m_menu;
  std::map<std::string, QPointer<DesignerWindow>> m_windows;
};

}  // namespace onemap::designer
