#include "layout_manager_dialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "designer_controller.h"
#include "designer_window.h"
#include "layout_document.h"
#include "onemap/gui/project_controller.h"

namespace onemap::designer {

LayoutManagerDialog::LayoutManagerDialog(DesignerController* controller, QWidget* parent)
    : QDialog(parent), m_controller(controller), m_list(new QListWidget) {
  setWindowTitle(tr("Layout Manager"));
  setObjectName(QStringLiteral("layoutManager"));
  auto* row = new QHBoxLayout(this);
  row->addWidget(m_list, 1);
  auto* buttons = new QVBoxLayout;
  auto button = [&](const QString& text, void (LayoutManagerDialog::*slot)(), bool needsSelection) {
    auto* b = new QPushButton(text);
    buttons->addWidget(b);
    connect(b, &QPushButton::clicked, this, slot);
    if (needsSelection) m_needSelection.push_back(b);
  };
  button(tr("Open"), &LayoutManagerDialog::open, true);
  button(tr("Duplicate"), &LayoutManagerDialog::duplicate, true);
  button(tr("Rename…"), &LayoutManagerDialog::rename, true);
  button(tr("Delete"), &LayoutManagerDialog::remove, true);
  buttons->addSpacing(12);
  button(tr("Import Template…"), &LayoutManagerDialog::importTemplate, false);
  button(tr("Save as Template…"), &LayoutManagerDialog::saveTemplate, true);
  buttons->addStretch();
  auto* close = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
  buttons->addWidget(close);
  row->addLayout(buttons);
  connect(m_list, &QListWidget::itemDoubleClicked, this, &LayoutManagerDialog::open);
  connect(m_list, &QListWidget::currentRowChanged, this, [this](int r) {
    for (auto* b : m_needSelection) b->setEnabled(r >= 0);
  });
  connect(controller, &DesignerController::layoutsChanged, this, [this] { refill(current()); });
  refill();
  resize(480, 320);
}

void LayoutManagerDialog::refill(const QString& select) {
  m_list->clear();
  for (const auto& name : m_controller->layoutNames()) m_list->addItem(name);
  const auto found = m_list->findItems(select, Qt::MatchExactly);
  m_list->setCurrentRow(found.isEmpty() ? (m_list->count() ? 0 : -1) : m_list->row(found.first()));
  for (auto* b : m_needSelection) b->setEnabled(m_list->currentRow() >= 0);
}

QString LayoutManagerDialog::current() const {
  return m_list->currentItem() ? m_list->currentItem()->text() : QString();
}

void LayoutManagerDialog::open() {
  if (!current().isEmpty()) m_controller->openDesigner(current().toStdString());
}

void LayoutManagerDialog::duplicate() {
  if (current().isEmpty()) return;
  refill(QString::fromStdString(m_controller->duplicateLayout(current().toStdString())));
}

void LayoutManagerDialog::rename() {
  const QString name = current();
  if (name.isEmpty()) return;
  bool ok = false;
  const QString newName = QInputDialog::getText(this, tr("Rename Layout"), tr("New name:"), QLineEdit::Normal, name, &ok).trimmed();
  if (!ok || newName.isEmpty() || newName == name) return;
  const QString error = m_controller->renameLayout(name.toStdString(), newName.toStdString());
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Rename Layout"), error);
  refill(newName);
}

void LayoutManagerDialog::remove() {
  const QString name = current();
  if (name.isEmpty()) return;
  if (QMessageBox::question(this, tr("Delete Layout"), tr("Delete the layout “%1” from the project?").arg(name)) !=
      QMessageBox::Yes)
    return;
  m_controller->removeLayout(name.toStdString());
  refill();
}

void LayoutManagerDialog::importTemplate() {
  const QString file = QFileDialog::getOpenFileName(this, tr("Import Layout Template"), QString(),
                                                    tr("OneMap layout templates (*.onemap-layout)"));
  if (file.isEmpty()) return;
  auto name = m_controller->importTemplate(file.toStdString());
  if (!name) {
    QMessageBox::warning(this, tr("Import Layout Template"), QString::fromStdString(name.error().text()));
    return;
  }
  refill(QString::fromStdString(*name));
}

void LayoutManagerDialog::saveTemplate() {
  const QString name = current();
  if (name.isEmpty()) return;
  const QString file = QFileDialog::getSaveFileName(this, tr("Save Layout as Template"), name + QStringLiteral(".onemap-layout"),
                                                    tr("OneMap layout templates (*.onemap-layout)"));
  if (file.isEmpty()) return;
  const auto status = m_controller->saveTemplate(name.toStdString(), file.toStdString(), true);  // the dialog asked
  if (!status) QMessageBox::warning(this, tr("Save as Template"), QString::fromStdString(status.error().text()));
}

}  // namespace onemap::designer
