#pragma once

#include <QDockWidget>

#include "onemap/gui/window_context.h"

class QAction;
class QListWidget;
class QListWidgetItem;

namespace onemap::gui {

/// The Bookmarks panel: saves the current view under a name (kept in the project file), lists
/// the project's bookmarks, goes to one on double-click, renames in place and deletes.
/// Owned by the main window; GUI thread only.
class BookmarksDock : public QDockWidget {
  Q_OBJECT
 public:
  BookmarksDock(const WindowContext& context, QWidget* parent = nullptr);

  QListWidget* list() const { return m_list; }
  QAction* newBookmarkAction() const { return m_newAction; }

  /// Adds the current view as a bookmark named `name` (a default name when empty).
  void addCurrentView(const QString& name);
  /// Zooms the map to bookmark `index`.
  void goTo(int index);
  void removeBookmark(int index);

 private:
  void askNameAndAdd();
  void rebuild();
  QString defaultName() const;

  WindowContext m_context;
  QListWidget* m_list;
  QAction* m_newAction;
  bool m_rebuilding = false;
};

}  // namespace onemap::gui
