#pragma once

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <string>

#include "onemap/layout/layout.h"

namespace onemap::gui {
class ProjectController;
}

namespace onemap::designer {

/// One layout being edited: a working copy of the project's layout with its undo stack. Every
/// change is an undoable snapshot command; applying one writes the layout back into the project
/// (ProjectController::project().layouts) and marks the project modified. GUI thread only.
class LayoutDocument : public QObject {
  Q_OBJECT
 public:
  /// Edits the project's layout named `name` (which must exist).
  LayoutDocument(gui::ProjectController* project, const std::string& name, QObject* parent = nullptr);

  const layout::Layout& layout() const { return m_layout; }
  const std::string& name() const { return m_layout.name; }
  QUndoStack* undoStack() { return &m_undo; }
  gui::ProjectController* project() const { return m_project; }

  /// Pushes one undoable change from the current layout to `after`. Consecutive changes with
  /// the same non-empty `mergeKey` (typing in one field, one spin box) merge into one command.
  /// Does nothing when `after` equals the current layout.
  void change(const QString& text, layout::Layout after, const std::string& mergeKey = {});
  /// Replaces one item (by id) in one undoable change.
  void changeItem(const QString& text, const layout::Item& item, const std::string& mergeKey = {});
  /// Sets one property of one item (one undoable change, typing merged).
  void setItemProp(const std::string& itemId, const std::string& key, const std::string& value);

  /// The layout was renamed in the project (Layout Manager): follow the new name.
  void renamed(const std::string& newName);
  /// Compares with the project after it changed outside the designer: false when the layout is
  /// gone or differs (another project was opened); the designer then closes.
  bool matchesProject() const;

  /// Applies a layout snapshot (used by the undo commands).
  void apply(const layout::Layout& layout);

 signals:
  /// The layout changed (any edit, undo or redo).
  void changed();

 private:
  gui::ProjectController* m_project;
  layout::Layout m_layout;
  QUndoStack m_undo;
};

}  // namespace onemap::designer
