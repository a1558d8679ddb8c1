#pragma once

#include <QGraphicsView>
#include <QPointer>

#include <map>
#include <optional>
#include <set>
#include <string>

#include "item_arrange.h"
#include "onemap/layout/layout.h"

#include <QPlainTextEdit>

namespace onemap::designer {

class DesignerScene;
class LayoutDocument;

/// The page view of the designer: zoom (wheel, fit), selection with handles, moving and resizing
/// with snapping (one undoable command per drag), rubber-band and Shift selection, drawing new
/// items as rectangles, arrow-key nudging and in-place label editing. GUI thread only.
class DesignerView : public QGraphicsView {
  Q_OBJECT
 public:
  DesignerView(DesignerScene* scene, QWidget* parent = nullptr);

  DesignerScene* designerScene() const { return m_scene; }
  LayoutDocument* document() const;

  const std::set<std::string>& selection() const { return m_selection; }
  void setSelection(std::set<std::string> ids);
  /// Draw an item of `type` with the next drag (nullopt: select and move).
  void setAddMode(std::optional<layout::ItemType> type);
  std::optional<layout::ItemType> addMode() const { return m_addType; }

  /// View pixels per page millimetre.
  double zoom() const;
  void setZoom(double pixelsPerMm);
  void zoomBy(double factor);
  void fitPage();

  Snapper& snapper() { return m_snapper; }
  bool snapToGrid() const { return m_snapGrid; }
  void setSnapToGrid(bool on) { m_snapGrid = on; }
  void setSnapToItems(bool on) { m_snapper.toItems = on; }
  void setGridSize(double mm) { m_gridSize = mm; }

  /// Moves the selected unlocked items by (dx, dy) mm in one undoable command.
  void nudge(double dx, double dy);
  /// Opens the in-place text editor on a label.
  void editLabel(const std::string& id);
  /// The open in-place editor, if any (tests type into it).
  QPlainTextEdit* labelEditor() const { return m_editor; }
  void commitLabelEdit();

 signals:
  void selectionChanged();
  /// The user drew the rectangle (page mm) of a new item of `type`.
  void itemDrawn(onemap::layout::ItemType type, const QRectF& rect);
  void addModeChanged();
  void zoomChanged(double pixelsPerMm);
  void deleteRequested();
  /// The mouse is over this page point (mm).
  void cursorMoved(QPointF pageMm);

 protected:
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void drawForeground(QPainter* painter, const QRectF& rect) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  enum class Drag { None, Pending, Move, Resize, Rubber, Create, Pan };
  int handleAt(QPoint viewPos) const;
  std::vector<QRectF> handleRects(const QRectF& pageRect) const;
  void updateDrag(QPointF scenePos, Qt::KeyboardModifiers modifiers);
  void finishDrag();
  void pruneSelection();
  void zoomed();
  void cancelLabelEdit();

  DesignerScene* m_scene;
  std::set<std::string> m_selection;
  std::optional<layout::ItemType> m_addType;
  Snapper m_snapper;
  bool m_snapGrid = true;
  double m_gridSize = 1.0;

  Drag m_drag = Drag::None;
  Drag m_pendingDrag = Drag::None;
  QPoint m_pressView;
  QPointF m_pressScene;
  std::map<std::string, QRectF> m_startRects;
  int m_handle = -1;
  QRectF m_dragRect;
  double m_snapLineX;
  double m_snapLineY;

  QPointer<QPlainTextEdit> m_editor;
  std::string m_editedId;
};

}  // namespace onemap::designer
