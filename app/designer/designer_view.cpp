#include "designer_view.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>
#include <limits>

#include "designer_scene.h"
#include "layout_document.h"
#include "onemap/layout/item_properties.h"

namespace onemap::designer {

namespace {
constexpr int kHandlePx = 8;
constexpr int kDragStartPx = 3;
constexpr double kMinSizeMm = 1.0;
constexpr double kMinZoom = 0.2;
constexpr double kMaxZoom = 80.0;
const QColor kSelectionColor(0, 120, 215);
}  // namespace

DesignerView::DesignerView(DesignerScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent),
      m_scene(scene),
      m_snapLineX(std::numeric_limits<double>::quiet_NaN()),
      m_snapLineY(std::numeric_limits<double>::quiet_NaN()) {
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
  setTransformationAnchor(AnchorUnderMouse);
  setResizeAnchor(AnchorViewCenter);
  setViewportUpdateMode(FullViewportUpdate);
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  setObjectName(QStringLiteral("designerView"));
  connect(document(), &LayoutDocument::changed, this, [this] {
    const std::size_t selected = m_selection.size();
    pruneSelection();
    viewport()->update();
    if (m_selection.size() != selected) emit selectionChanged();  // undo removed selected items
  });
  setZoom(2.0);
}

LayoutDocument* DesignerView::document() const { return m_scene->document(); }

void DesignerView::setSelection(std::set<std::string> ids) {
  if (ids == m_selection) return;
  m_selection = std::move(ids);
  pruneSelection();
  viewport()->update();
  emit selectionChanged();
}

void DesignerView::pruneSelection() {
  const auto& layout = document()->layout();
  std::erase_if(m_selection, [&](const std::string& id) { return !layout.item(id); });
}

void DesignerView::setAddMode(std::optional<layout::ItemType> type) {
  m_addType = type;
  viewport()->setCursor(type ? Qt::CrossCursor : Qt::ArrowCursor);
  emit addModeChanged();
}

double DesignerView::zoom() const { return transform().m11(); }

void DesignerView::setZoom(double pixelsPerMm) {
  pixelsPerMm = std::clamp(pixelsPerMm, kMinZoom, kMaxZoom);
  setTransform(QTransform::fromScale(pixelsPerMm, pixelsPerMm));
  zoomed();
}

void DesignerView::zoomBy(double factor) {
  const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
  scale(target / zoom(), target / zoom());
  zoomed();
}

void DesignerView::fitPage() {
  const auto& layout = document()->layout();
  fitInView(QRectF(-8, -8, layout.pageWidthMm + 16, layout.pageHeightMm + 16), Qt::KeepAspectRatio);
  zoomed();
}

void DesignerView::zoomed() {
  m_scene->setPreviewDotsPerMm(zoom() * devicePixelRatioF());
  emit zoomChanged(zoom());
}

// ---- selection handles

std::vector<QRectF> DesignerView::handleRects(const QRectF& r) const {
  const double s = kHandlePx / zoom();
  const std::vector<QPointF> points{r.topLeft(),     QPointF(r.center().x(), r.top()),    r.topRight(),
                                    QPointF(r.right(), r.center().y()), r.bottomRight(),
                                    QPointF(r.center().x(), r.bottom()), r.bottomLeft(),
                                    QPointF(r.left(), r.center().y())};
  std::vector<QRectF> out;
  for (const auto& p : points) out.emplace_back(p.x() - s / 2, p.y() - s / 2, s, s);
  return out;
}

int DesignerView::handleAt(QPoint viewPos) const {
  if (m_selection.size() != 1) return -1;
  const auto* item = document()->layout().item(*m_selection.begin());
  if (!item || item->locked) return -1;
  const QPointF p = mapToScene(viewPos);
  const auto rects = handleRects(itemRect(*item));
  for (int i = 0; i < int(rects.size()); ++i)
    if (rects[i].adjusted(-1 / zoom(), -1 / zoom(), 1 / zoom(), 1 / zoom()).contains(p)) return i;
  return -1;
}

// ---- mouse

void DesignerView::mousePressEvent(QMouseEvent* event) {
  if (m_editor) commitLabelEdit();
  setFocus();
  m_pressView = event->position().toPoint();
  m_pressScene = mapToScene(m_pressView);
  if (event->button() == Qt::MiddleButton) {
    m_drag = Drag::Pan;
    viewport()->setCursor(Qt::ClosedHandCursor);
    return;
  }
  if (event->button() != Qt::LeftButton) return QGraphicsView::mousePressEvent(event);

  if (m_addType) {
    m_drag = Drag::Create;
    m_dragRect = QRectF(m_pressScene, QSizeF());
    return;
  }
  const auto& layout = document()->layout();
  m_startRects.clear();
  m_handle = handleAt(m_pressView);
  if (m_handle >= 0) {
    m_startRects[*m_selection.begin()] = itemRect(*layout.item(*m_selection.begin()));
    m_drag = Drag::Pending;
    m_pendingDrag = Drag::Resize;
    return;
  }
  const bool additive = event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier);
  if (ItemGraphic* hit = m_scene->itemAt(m_pressScene)) {
    const std::string id = hit->item().id;
    auto ids = m_selection;
    if (additive) {
      if (!ids.erase(id)) ids.insert(id);
    } else if (!ids.contains(id)) {
      ids = {id};
    }
    setSelection(ids);
    for (const auto& sid : m_selection)
      if (const auto* item = layout.item(sid); item && !item->locked) m_startRects[sid] = itemRect(*item);
    m_drag = Drag::Pending;
    m_pendingDrag = m_startRects.empty() ? Drag::None : Drag::Move;
    return;
  }
  if (!additive) setSelection({});
  m_drag = Drag::Pending;
  m_pendingDrag = Drag::Rubber;
  m_dragRect = QRectF(m_pressScene, QSizeF());
}

void DesignerView::mouseMoveEvent(QMouseEvent* event) {
  const QPointF scenePos = mapToScene(event->position().toPoint());
  emit cursorMoved(scenePos);
  if (m_drag == Drag::Pan) {
    const QPoint delta = event->position().toPoint() - m_pressView;
    m_pressView = event->position().toPoint();
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
    return;
  }
  if (m_drag == Drag::None) {
    if (!m_addType) viewport()->setCursor(handleAt(event->position().toPoint()) >= 0 ? Qt::SizeAllCursor : Qt::ArrowCursor);
    return QGraphicsView::mouseMoveEvent(event);
  }
  if (m_drag == Drag::Pending) {
    if ((event->position().toPoint() - m_pressView).manhattanLength() < kDragStartPx) return;
    m_drag = m_pendingDrag;
    std::set<std::string> moving;
    for (const auto& [id, rect] : m_startRects) moving.insert(id);
    m_snapper.grid = m_snapGrid ? m_gridSize : 0.0;
    m_snapper.tolerance = 6.0 / zoom();
    m_snapper.collect(document()->layout(), moving);
  }
  updateDrag(scenePos, event->modifiers());
}

void DesignerView::updateDrag(QPointF p, Qt::KeyboardModifiers modifiers) {
  m_snapLineX = m_snapLineY = std::numeric_limits<double>::quiet_NaN();
  const bool free = modifiers & Qt::AltModifier;  // Alt: no snapping
  auto snapX = [&](double x) { return free ? x : m_snapper.snapX(x, &m_snapLineX); };
  auto snapY = [&](double y) { return free ? y : m_snapper.snapY(y, &m_snapLineY); };
  switch (m_drag) {
    case Drag::Move: {
      QPointF delta = p - m_pressScene;
      if (modifiers & Qt::ShiftModifier) {  // constrain to one axis
        if (std::abs(delta.x()) > std::abs(delta.y())) delta.setY(0); else delta.setX(0);
      }
      QRectF bounds;
      for (const auto& [id, rect] : m_startRects) bounds = bounds.isNull() ? rect : bounds.united(rect);
      if (!free) delta += m_snapper.snapMove(bounds.translated(delta), &m_snapLineX, &m_snapLineY);
      for (const auto& [id, rect] : m_startRects)
        if (ItemGraphic* g = m_scene->graphic(id)) g->setPreviewRect(rect.translated(delta));
      break;
    }
    case Drag::Resize: {
      const auto& [id, start] = *m_startRects.begin();
      double left = start.left(), right = start.right(), top = start.top(), bottom = start.bottom();
      const int h = m_handle;
      if (h == 0 || h == 6 || h == 7) left = std::min(snapX(p.x()), right - kMinSizeMm);
      if (h == 2 || h == 3 || h == 4) right = std::max(snapX(p.x()), left + kMinSizeMm);
      if (h == 0 || h == 1 || h == 2) top = std::min(snapY(p.y()), bottom - kMinSizeMm);
      if (h == 4 || h == 5 || h == 6) bottom = std::max(snapY(p.y()), top + kMinSizeMm);
      if (ItemGraphic* g = m_scene->graphic(id)) g->setPreviewRect(QRectF(QPointF(left, top), QPointF(right, bottom)));
      break;
    }
    case Drag::Create: {
      const QPointF a(snapX(m_pressScene.x()), snapY(m_pressScene.y()));
      const QPointF b(snapX(p.x()), snapY(p.y()));
      m_dragRect = QRectF(a, b).normalized();
      break;
    }
    case Drag::Rubber: m_dragRect = QRectF(m_pressScene, p).normalized(); break;
    default: break;
  }
  viewport()->update();
}

void DesignerView::mouseReleaseEvent(QMouseEvent* event) {
  if (m_drag == Drag::Pan) {
    m_drag = Drag::None;
    viewport()->setCursor(m_addType ? Qt::CrossCursor : Qt::ArrowCursor);
    return;
  }
  if (event->button() != Qt::LeftButton) return QGraphicsView::mouseReleaseEvent(event);
  finishDrag();
}

void DesignerView::finishDrag() {
  const Drag drag = m_drag;
  m_drag = Drag::None;
  m_snapLineX = m_snapLineY = std::numeric_limits<double>::quiet_NaN();
  viewport()->update();
  if (drag == Drag::Move || drag == Drag::Resize) {
    layout::Layout after = document()->layout();
    for (const auto& [id, start] : m_startRects)
      if (auto* item = after.item(id))
        if (ItemGraphic* g = m_scene->graphic(id)) setItemRect(*item, g->pageRect());
    const QString text = drag == Drag::Move ? tr("Move Items") : tr("Resize Item");
    document()->change(text, std::move(after));
    for (const auto& [id, start] : m_startRects)  // unchanged: back to the model
      if (ItemGraphic* g = m_scene->graphic(id)) g->setItem(*document()->layout().item(id));
  } else if (drag == Drag::Create || (drag == Drag::Pending && m_addType)) {
    const layout::ItemType type = *m_addType;
    QRectF rect = m_dragRect;
    if (rect.width() < 2 || rect.height() < 2) {  // a click: default size at the point
      const QSizeF size = defaultItemSize(type);
      rect = QRectF(QPointF(m_snapper.snapX(m_pressScene.x(), &m_snapLineX),
                            m_snapper.snapY(m_pressScene.y(), &m_snapLineY)), size);
    }
    setAddMode(std::nullopt);
    emit itemDrawn(type, rect);
  } else if (drag == Drag::Rubber) {
    auto ids = m_selection;
    for (const auto& item : document()->layout().items)
      if (item.visible && m_dragRect.intersects(itemRect(item))) ids.insert(item.id);
    setSelection(ids);
  }
  m_startRects.clear();
  m_dragRect = QRectF();
}

void DesignerView::mouseDoubleClickEvent(QMouseEvent* event) {
  ItemGraphic* hit = m_scene->itemAt(mapToScene(event->position().toPoint()));
  if (hit && hit->item().type == layout::ItemType::Label && !hit->item().locked) {
    m_drag = Drag::None;
    setSelection({hit->item().id});
    editLabel(hit->item().id);
    return;
  }
  QGraphicsView::mouseDoubleClickEvent(event);
}

void DesignerView::wheelEvent(QWheelEvent* event) {
  if (event->modifiers() & Qt::ShiftModifier) return QGraphicsView::wheelEvent(event);  // scroll
  const int delta = event->angleDelta().y();
  if (delta == 0) return;
  zoomBy(std::pow(1.0015, double(delta)));
}

void DesignerView::keyPressEvent(QKeyEvent* event) {
  const double step = (event->modifiers() & Qt::ShiftModifier) ? 10.0
                      : (event->modifiers() & Qt::AltModifier) ? 0.1 : 1.0;
  switch (event->key()) {
    case Qt::Key_Left: return nudge(-step, 0);
    case Qt::Key_Right: return nudge(step, 0);
    case Qt::Key_Up: return nudge(0, -step);
    case Qt::Key_Down: return nudge(0, step);
    case Qt::Key_Delete:
    case Qt::Key_Backspace: emit deleteRequested(); return;
    case Qt::Key_Escape:
      if (m_addType) setAddMode(std::nullopt); else setSelection({});
      return;
    default: QGraphicsView::keyPressEvent(event);
  }
}

void DesignerView::nudge(double dx, double dy) {
  layout::Layout after = document()->layout();
  for (auto& item : after.items)
    if (m_selection.contains(item.id) && !item.locked) {
      item.x += dx;
      item.y += dy;
    }
  document()->change(tr("Nudge Items"), std::move(after));
}

// ---- drawing the selection

void DesignerView::drawForeground(QPainter* painter, const QRectF&) {
  painter->save();
  painter->setRenderHint(QPainter::Antialiasing, false);
  const auto& layout = document()->layout();
  const double px = 1.0 / zoom();
  for (const auto& id : m_selection) {
    const ItemGraphic* g = m_scene->graphic(id);
    const auto* item = layout.item(id);
    if (!g || !item) continue;
    const QRectF r = g->pageRect();
    painter->setPen(QPen(item->locked ? QColor(200, 60, 0) : kSelectionColor, 0, Qt::DashLine));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(r);
    if (item->locked) {
      painter->setBrush(QColor(200, 60, 0));
      painter->drawRect(QRectF(r.topLeft(), QSizeF(5 * px, 5 * px)));
    } else if (m_selection.size() == 1) {
      painter->setPen(QPen(kSelectionColor, 0));
      painter->setBrush(Qt::white);
      for (const auto& h : handleRects(r)) painter->drawRect(h);
    }
  }
  if ((m_drag == Drag::Rubber || m_drag == Drag::Create) && !m_dragRect.isNull()) {
    painter->setPen(QPen(kSelectionColor, 0, Qt::DashLine));
    painter->setBrush(QColor(0, 120, 215, m_drag == Drag::Rubber ? 30 : 15));
    painter->drawRect(m_dragRect);
  }
  painter->setPen(QPen(QColor(220, 0, 180), 0));
  if (!std::isnan(m_snapLineX)) painter->drawLine(QPointF(m_snapLineX, -20), QPointF(m_snapLineX, layout.pageHeightMm + 20));
  if (!std::isnan(m_snapLineY)) painter->drawLine(QPointF(-20, m_snapLineY), QPointF(layout.pageWidthMm + 20, m_snapLineY));
  painter->restore();
}

// ---- in-place label editing

void DesignerView::editLabel(const std::string& id) {
  const auto* item = document()->layout().item(id);
  if (!item) return;
  cancelLabelEdit();
  m_editedId = id;
  m_editor = new QPlainTextEdit(viewport());
  m_editor->setObjectName(QStringLiteral("labelEditor"));
  m_editor->setPlainText(QString::fromStdString(item->prop(layout::keys::kText)));
  m_editor->setToolTip(tr("Ctrl+Enter or click outside to apply, Esc to cancel"));
  QRect rect = mapFromScene(itemRect(*item)).boundingRect();
  rect.setHeight(std::max(rect.height(), 40));
  rect.setWidth(std::max(rect.width(), 160));
  m_editor->setGeometry(rect);
  m_editor->installEventFilter(this);
  m_editor->show();
  m_editor->setFocus();
  m_editor->selectAll();
}

void DesignerView::commitLabelEdit() {
  if (!m_editor) return;
  const std::string text = m_editor->toPlainText().toStdString();
  const std::string id = m_editedId;
  cancelLabelEdit();
  if (const auto* item = document()->layout().item(id)) {
    layout::Item edited = *item;
    edited.props[layout::keys::kText] = text;
    document()->changeItem(tr("Edit Label Text"), edited);
  }
}

void DesignerView::cancelLabelEdit() {
  if (!m_editor) return;
  QPlainTextEdit* editor = m_editor;
  m_editor = nullptr;
  editor->removeEventFilter(this);
  editor->hide();
  editor->deleteLater();
  setFocus();
}

bool DesignerView::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_editor) {
    if (event->type() == QEvent::KeyPress) {
      auto* key = static_cast<QKeyEvent*>(event);
      if (key->key() == Qt::Key_Escape) {
        cancelLabelEdit();
        return true;
      }
      if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
        commitLabelEdit();
        return true;
      }
    } else if (event->type() == QEvent::FocusOut) {
      commitLabelEdit();
    }
  }
  return QGraphicsView::eventFilter(watched, event);
}

}  // namespace onemap::designer
