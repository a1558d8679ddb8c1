#include "item_list.h"

#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "item_arrange.h"
#include "layout_document.h"

namespace onemap::designer {

namespace {
enum Column { kName, kVisible, kLocked };
constexpr int kIdRole = Qt::UserRole;
}  // namespace

ItemList::ItemList(LayoutDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_tree(new QTreeWidget) {
  setObjectName(QStringLiteral("itemList"));
  auto* box = new QVBoxLayout(this);
  box->setContentsMargins(0, 0, 0, 0);
  box->addWidget(m_tree);
  m_tree->setColumnCount(3);
  m_tree->setHeaderLabels({tr("Item"), tr("Visible"), tr("Locked")});
  m_tree->setRootIsDecorated(false);
  m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
  m_tree->header()->setSectionResizeMode(kName, QHeaderView::Stretch);
  m_tree->header()->setSectionResizeMode(kVisible, QHeaderView::ResizeToContents);
  m_tree->header()->setSectionResizeMode(kLocked, QHeaderView::ResizeToContents);
  m_tree->header()->setStretchLastSection(false);
  connect(m_tree, &QTreeWidget::itemChanged, this, &ItemList::itemEdited);
  connect(m_tree, &QTreeWidget::itemSelectionChanged, this, [this] {
    if (m_updating) return;
    std::set<std::string> ids;
    for (auto* row : m_tree->selectedItems()) ids.insert(row->data(kName, kIdRole).toString().toStdString());
    m_selected = ids;
    emit selectionChanged(ids);
  });
  connect(document, &LayoutDocument::changed, this, &ItemList::rebuild, Qt::QueuedConnection);  // not inside itemChanged
  rebuild();
}

void ItemList::rebuild() {
  const std::set<std::string>& selected = m_selected;
  m_updating = true;
  m_tree->clear();
  const auto& items = m_document->layout().items;
  for (auto it = items.rbegin(); it != items.rend(); ++it) {
    auto* row = new QTreeWidgetItem(m_tree);
    row->setText(kName, displayName(*it));
    row->setToolTip(kName, typeName(it->type));
    row->setData(kName, kIdRole, QString::fromStdString(it->id));
    row->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemIsUserCheckable);
    row->setCheckState(kVisible, it->visible ? Qt::Checked : Qt::Unchecked);
    row->setCheckState(kLocked, it->locked ? Qt::Checked : Qt::Unchecked);
    row->setSelected(selected.contains(it->id));
  }
  m_updating = false;
}

void ItemList::setSelection(const std::set<std::string>& ids) {
  m_selected = ids;
  m_updating = true;
  for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
    auto* row = m_tree->topLevelItem(i);
    row->setSelected(ids.contains(row->data(kName, kIdRole).toString().toStdString()));
  }
  m_updating = false;
}

void ItemList::itemEdited(QTreeWidgetItem* row, int column) {
  if (m_updating) return;
  const auto* item = m_document->layout().item(row->data(kName, kIdRole).toString().toStdString());
  if (!item) return;
  layout::Item edited = *item;
  QString text;
  if (column == kVisible) {
    edited.visible = row->checkState(kVisible) == Qt::Checked;
    text = edited.visible ? tr("Show Item") : tr("Hide Item");
  } else if (column == kLocked) {
    edited.locked = row->checkState(kLocked) == Qt::Checked;
    text = edited.locked ? tr("Lock Item") : tr("Unlock Item");
  } else {
    edited.name = row->text(kName).trimmed().toStdString();
    if (QString::fromStdString(edited.name) == displayName(*item) && item->name.empty()) return;
    text = tr("Rename Item");
  }
  m_document->changeItem(text, edited);
}

}  // namespace onemap::designer
