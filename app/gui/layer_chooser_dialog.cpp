#include "onemap/gui/layer_chooser_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace onemap::gui {

LayerChooserDialog::LayerChooserDialog(const QString& fileName, const QStringList& layerNames, QWidget* parent)
    : QDialog(parent), m_list(new QListWidget(this)) {
  setWindowTitle(tr("Choose Layers"));
  auto* layout = new QVBoxLayout(this);
  auto* label = new QLabel(tr("“%1” holds %2 layer(s). Tick the ones to add:").arg(fileName).arg(layerNames.size()),
                           this);
  label->setWordWrap(true);
  layout->addWidget(label);
  for (const QString& name : layerNames) {
    auto* item = new QListWidgetItem(name, m_list);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
  }
  layout->addWidget(m_list, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  QPushButton* all = buttons->addButton(tr("Select &All"), QDialogButtonBox::ActionRole);
  QPushButton* none = buttons->addButton(tr("Select &None"), QDialogButtonBox::ActionRole);
  connect(all, &QPushButton::clicked, this, [this] {
    for (int i = 0; i < m_list->count(); ++i) setChecked(i, true);
  });
  connect(none, &QPushButton::clicked, this, [this] {
    for (int i = 0; i < m_list->count(); ++i) setChecked(i, false);
  });
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_list, &QListWidget::itemChanged, this, [this, buttons] {
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosen().empty());
  });
  layout->addWidget(buttons);
  resize(420, 380);
}

std::vector<int> LayerChooserDialog::chosen() const {
  std::vector<int> out;
  for (int i = 0; i < m_list->count(); ++i)
    if (m_list->item(i)->checkState() == Qt::Checked) out.push_back(i);
  return out;
}

void LayerChooserDialog::setChecked(int row, bool checked) {
  if (QListWidgetItem* item = m_list->item(row)) item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

std::optional<std::vector<int>> LayerChooserDialog::choose(QWidget* parent, const QString& fileName,
                                                           const QStringList& layerNames) {
  LayerChooserDialog dialog(fileName, layerNames, parent);
  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  return dialog.chosen();
}

}  // namespace onemap::gui
