#pragma once

#include <QObject>

#include "onemap/gui/window_context.h"

class QAction;
class QMenu;

namespace onemap::gui {

class SwipeTool;
class SideBySideView;

/// Compare two dates: the swipe (卷帘) tool and the linked side-by-side view, with their actions in
/// the Tools and View menus and on the map tool bar. A child of the main window; GUI thread only.
class CompareController : public QObject {
  Q_OBJECT
 public:
  CompareController(const WindowContext& context, QObject* parent);

  SwipeTool* swipeTool() const { return m_swipe; }
  SideBySideView* sideBySide() const { return m_sideBySide; }
  QAction* swipeAction() const { return m_swipeAction; }
  QAction* sideBySideAction() const { return m_sideBySideAction; }

 private:
  void toggleSwipe(bool on);
  void fillSwipeLayerMenu();

  WindowContext m_context;
  SwipeTool* m_swipe;
  SideBySideView* m_sideBySide;
  QAction* m_swipeAction = nullptr;
  QAction* m_sideBySideAction = nullptr;
  QMenu* m_swipeLayerMenu = nullptr;
};

}  // namespace onemap::gui
