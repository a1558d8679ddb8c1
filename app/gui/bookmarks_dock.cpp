#include "onemap/gui/bookmarks_dock.h"

#include <QAction>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QToolBar>
#include <QVBoxLayout>

#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/tool_icons.h"

namespace onemap::gui {

BookmarksDock::BookmarksDock(const WindowContext& context, QWidget* parent)
    : QDockWidget(tr("Bookmarks"), parent),
      m_context(context),
      m_list(new QListWidget(this)),
      m_newAction(new QAction(toolIcon(ToolIcon::Bookmark), tr("New &Bookmark…"), this)) {
  setObjectName(QStringLiteral("bookmarksDock"));
  auto* body = new QWidget(this);
  auto* layout = new QVBoxLayout(body);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* buttons = new QHBoxLayout();
  const auto button = [&](const QString& text, const QString& tip) {
    auto* b = new QToolButton(body);
    b->setText(text);
    b->setToolTip(tip);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buttons->addWidget(b);
    return b;
  };
  QToolButton* add = button(tr("Add"), tr("Save the current view as a bookmark"));
  QToolButton* go = button(tr("Go To"), tr("Zoom to the selected bookmark"));
  QToolButton* rename = button(tr("Rename"), tr("Rename the selected bookmark"));
  QToolButton* remove = button(tr("Delete"), tr("Delete the selected bookmark"));
  buttons->addStretch(1);
  layout->addLayout(buttons);
  m_list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
  m_list->setContextMenuPolicy(Qt::CustomContextMenu);
  m_list->setToolTip(tr("Double-click a bookmark to go there"));
  layout->addWidget(m_list);
  setWidget(body);
  if (context.window) {
    context.window->addDockWidget(Qt::LeftDockWidgetArea, this);
    hide();
  }

  m_newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
  m_newAction->setToolTip(tr("Save the current view as a named bookmark (stored in the project)"));
  connect(m_newAction, &QAction::triggered, this, &BookmarksDock::askNameAndAdd);
  if (context.viewMenu) {
    context.viewMenu->addSeparator();
    context.viewMenu->addAction(m_newAction);
    QAction* toggle = toggleViewAction();
    toggle->setText(tr("Bookmarks Panel"));
    context.viewMenu->addAction(toggle);
  }
  if (context.navigationBar) context.navigationBar->addAction(m_newAction);

  connect(add, &QToolButton::clicked, this, &BookmarksDock::askNameAndAdd);
  connect(go, &QToolButton::clicked, this, [this] { goTo(m_list->currentRow()); });
  connect(rename, &QToolButton::clicked, this, [this] {
    if (QListWidgetItem* item = m_list->currentItem()) m_list->editItem(item);
  });
  connect(remove, &QToolButton::clicked, this, [this] { removeBookmark(m_list->currentRow()); });
  connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) { goTo(m_list->row(item)); });
  connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    if (m_rebuilding) return;
    const QString name = item->text().trimmed();
    const int row = m_list->row(item);
    if (name.isEmpty()) {
      rebuild();  // an empty name is not kept
      return;
    }
    m_context.project->renameBookmark(row, name.toStdString());
  });
  connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint& position) {
    QListWidgetItem* item = m_list->itemAt(position);
    if (item == nullptr) return;
    const int row = m_list->row(item);
    QMenu menu(this);
    menu.addAction(tr("Go To"), this, [this, row] { goTo(row); });
    menu.addAction(tr("Rename"), this, [this, item] { m_list->editItem(item); });
    menu.addAction(tr("Delete"), this, [this, row] { removeBookmark(row); });
    menu.exec(m_list->viewport()->mapToGlobal(position));
  });
  connect(context.project, &ProjectController::bookmarksChanged, this, &BookmarksDock::rebuild);
  connect(context.project, &ProjectController::layersChanged, this, &BookmarksDock::rebuild);
  rebuild();
}

QString BookmarksDock::defaultName() const {
  return tr("Bookmark %1").arg(m_context.project->project().bookmarks.size() + 1);
}

void BookmarksDock::askNameAndAdd() {
  if (m_context.canvas->extent().isEmpty()) {
    QMessageBox::information(this, tr("New Bookmark"), tr("Open a project or add a layer first: there is no view to save."));
    return;
  }
  bool ok = false;
  const QString name = QInputDialog::getText(this, tr("New Bookmark"), tr("Name of the bookmark:"), QLineEdit::Normal,
                                             defaultName(), &ok);
  if (!ok) return;
  addCurrentView(name);
  show();
  raise();
}

void BookmarksDock::addCurrentView(const QString& name) {
  const Extent extent = m_context.canvas->currentSettings().visibleExtent();
  if (extent.isEmpty()) return;
  const QString trimmed = name.trimmed();
  m_context.project->addBookmark((trimmed.isEmpty() ? defaultName() : trimmed).toStdString(), extent);
}

void BookmarksDock::goTo(int index) {
  const auto& bookmarks = m_context.project->project().bookmarks;
  if (index < 0 || index >= int(bookmarks.size())) return;
  m_context.canvas->setExtent(bookmarks[std::size_t(index)].extent);
}

void BookmarksDock::removeBookmark(int index) {
  const auto& bookmarks = m_context.project->project().bookmarks;
  if (index < 0 || index >= int(bookmarks.size())) return;
  m_context.project->removeBookmark(index);
}

void BookmarksDock::rebuild() {
  m_rebuilding = true;
  const auto& bookmarks = m_context.project->project().bookmarks;
  // Items are updated in place when the count is unchanged (a rename arrives from the item's own
  // edit: it must not be deleted under its feet).
  if (m_list->count() != int(bookmarks.size())) {
    m_list->clear();
    for (std::size_t i = 0; i < bookmarks.size(); ++i) {
      auto* item = new QListWidgetItem(toolIcon(ToolIcon::Bookmark), QString(), m_list);
      item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
  }
  for (int i = 0; i < int(bookmarks.size()); ++i) {
    const auto& bookmark = bookmarks[std::size_t(i)];
    QListWidgetItem* item = m_list->item(i);
    const QString name = QString::fromStdString(bookmark.name);
    if (item->text() != name) item->setText(name);
    item->setToolTip(tr("X %1 – %2, Y %3 – %4")
                         .arg(bookmark.extent.minX(), 0, 'f', 1)
                         .arg(bookmark.extent.maxX(), 0, 'f', 1)
                         .arg(bookmark.extent.minY(), 0, 'f', 1)
                         .arg(bookmark.extent.maxY(), 0, 'f', 1));
  }
  m_rebuilding = false;
}

}  // namespace onemap::gui
