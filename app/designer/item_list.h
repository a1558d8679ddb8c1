#pragma once

#include <QWidget>

#include <set>
#include <string>

class QTreeWidget;
class QTreeWidgetItem;

namespace onemap::designer {

class LayoutDocument;

/// The layout's items, topmost first: visibility and lock check boxes, names editable in place,
/// selection kept in step with the page view. Raise and lower are the window's actions.
/// GUI thread only.
class ItemList : public QWidget {
  Q_OBJECT
 public:
  explicit ItemList(LayoutDocument* document, QWidget* parent = nullptr);

  void setSelection(const std::set<std::string>& ids);
  QTreeWidget* tree() const { return m_tree; }

 signals:
  void selectionChanged(const std::set<std::string>& ids);

 private:
  void rebuild();
  void itemEdited(QTreeWidgetItem* row, int column);

  LayoutDocument* m_document;
  QTreeWidget* m_tree;
  std::set<std::string> m_selected;
  bool m_updating = false;
};

}  // namespace onemap::designer
