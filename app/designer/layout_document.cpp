#include "layout_document.h"

#include <QUndoCommand>

#include "onemap/gui/project_controller.h"

namespace onemap::designer {

namespace {

/// An edit as the layouts before and after it (layouts are small: a few dozen items).
class SnapshotCommand : public QUndoCommand {
 public:
  SnapshotCommand(LayoutDocument* document, const QString& text, layout::Layout before,
                  layout::Layout after, std::string mergeKey)
      : QUndoCommand(text),
        m_document(document),
        m_before(std::move(before)),
        m_after(std::move(after)),
        m_mergeKey(std::move(mergeKey)) {}

  void undo() override { m_document->apply(m_before); }
  void redo() override { m_document->apply(m_after); }
  int id() const override { return m_mergeKey.empty() ? -1 : 1; }
  bool mergeWith(const QUndoCommand* other) override {
    const auto* next = static_cast<const SnapshotCommand*>(other);
    if (next->m_mergeKey != m_mergeKey) return false;
    m_after = next->m_after;
    return true;
  }

 private:
  LayoutDocument* m_document;
  layout::Layout m_before;
  layout::Layout m_after;
  std::string m_mergeKey;
};

}  // namespace

LayoutDocument::LayoutDocument(gui::ProjectController* project, const std::string& name, QObject* parent)
    : QObject(parent), m_project(project) {
  if (const auto* stored = project->project().findLayout(name)) m_layout = *stored;
  m_layout.name = name;
}

void LayoutDocument::change(const QString& text, layout::Layout after, const std::string& mergeKey) {
  after.name = m_layout.name;
  if (after == m_layout) return;
  m_undo.push(new SnapshotCommand(this, text, m_layout, std::move(after), mergeKey));
}

void LayoutDocument::changeItem(const QString& text, const layout::Item& item, const std::string& mergeKey) {
  layout::Layout after = m_layout;
  if (auto* target = after.item(item.id)) *target = item;
  change(text, std::move(after), mergeKey);
}

void LayoutDocument::setItemProp(const std::string& itemId, const std::string& key, const std::string& value) {
  const auto* item = m_layout.item(itemId);
  if (!item) return;
  layout::Item edited = *item;
  edited.props[key] = value;
  changeItem(tr("Change %1").arg(QString::fromStdString(key)), edited, "prop:" + itemId + ":" + key);
}

void LayoutDocument::renamed(const std::string& newName) {
  m_layout.name = newName;
  emit changed();
}

bool LayoutDocument::matchesProject() const {
  const auto* stored = m_project->project().findLayout(m_layout.name);
  return stored && *stored == m_layout;
}

void LayoutDocument::apply(const layout::Layout& snapshot) {
  const std::string name = m_layout.name;
  m_layout = snapshot;
  m_layout.name = name;  // a rename in the Layout Manager is not undone with the items
  auto& project = m_project->project();
  if (auto* stored = project.findLayout(name))
    *stored = m_layout;
  else
    project.layouts.push_back(m_layout);
  m_project->setModified(true);
  emit changed();
}

}  // namespace onemap::designer
