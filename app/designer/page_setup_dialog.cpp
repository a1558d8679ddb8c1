#include "page_setup_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

#include <cmath>

#include "onemap/layout/layout.h"

namespace onemap::designer {

PageSetupDialog::PageSetupDialog(bool newLayout, QWidget* parent)
    : QDialog(parent),
      m_paper(new QComboBox),
      m_portrait(new QRadioButton(tr("Portrait"))),
      m_landscape(new QRadioButton(tr("Landscape"))),
      m_width(new QDoubleSpinBox),
      m_height(new QDoubleSpinBox),
      m_dpi(new QDoubleSpinBox) {
  setWindowTitle(newLayout ? tr("New Layout") : tr("Page Setup"));
  auto* form = new QFormLayout(this);
  if (newLayout) {
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("layoutName"));
    form->addRow(tr("Name"), m_name);
  }
  for (const auto& paper : layout::standardPaperSizes())
    m_paper->addItem(QStringLiteral("%1 (%2 × %3 mm)").arg(QString::fromStdString(paper.name)).arg(paper.widthMm).arg(paper.heightMm),
                     QString::fromStdString(paper.name));
  m_paper->addItem(tr("Custom"), QString());
  m_paper->setObjectName(QStringLiteral("paper"));
  form->addRow(tr("Paper"), m_paper);
  auto* orientation = new QHBoxLayout;
  orientation->addWidget(m_portrait);
  orientation->addWidget(m_landscape);
  form->addRow(tr("Orientation"), orientation);
  for (auto* spin : {m_width, m_height}) {
    spin->setRange(10, 5000);
    spin->setDecimals(1);
    spin->setSuffix(QStringLiteral(" mm"));
  }
  m_width->setObjectName(QStringLiteral("pageWidth"));
  m_height->setObjectName(QStringLiteral("pageHeight"));
  form->addRow(tr("Width"), m_width);
  form->addRow(tr("Height"), m_height);
  m_dpi->setRange(30, 2400);
  m_dpi->setDecimals(0);
  m_dpi->setSuffix(QStringLiteral(" DPI"));
  form->addRow(tr("Export resolution"), m_dpi);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_paper, &QComboBox::currentIndexChanged, this, &PageSetupDialog::paperChosen);
  connect(m_portrait, &QRadioButton::toggled, this, &PageSetupDialog::orientationChosen);
  connect(m_width, &QDoubleSpinBox::valueChanged, this, &PageSetupDialog::sizeEdited);
  connect(m_height, &QDoubleSpinBox::valueChanged, this, &PageSetupDialog::sizeEdited);
  if (m_name)
    connect(m_name, &QLineEdit::textChanged, this, [this, buttons](const QString& text) {
      buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
  setPage(420, 297, 300);
}

void PageSetupDialog::setPage(double widthMm, double heightMm, double dpi) {
  m_updating = true;
  m_width->setValue(widthMm);
  m_height->setValue(heightMm);
  m_dpi->setValue(dpi);
  (widthMm > heightMm ? m_landscape : m_portrait)->setChecked(true);
  m_updating = false;
  sizeEdited();
}

double PageSetupDialog::pageWidth() const { return m_width->value(); }
double PageSetupDialog::pageHeight() const { return m_height->value(); }
double PageSetupDialog::dpi() const { return m_dpi->value(); }
void PageSetupDialog::setLayoutName(const QString& name) {
  if (m_name) m_name->setText(name);
}
QString PageSetupDialog::layoutName() const { return m_name ? m_name->text().trimmed() : QString(); }

void PageSetupDialog::paperChosen() {
  if (m_updating) return;
  const auto paper = layout::paperSize(m_paper->currentData().toString().toStdString());
  if (!paper) return;
  m_updating = true;
  const bool landscape = m_landscape->isChecked();
  m_width->setValue(landscape ? paper->heightMm : paper->widthMm);
  m_height->setValue(landscape ? paper->widthMm : paper->heightMm);
  m_updating = false;
}

void PageSetupDialog::orientationChosen() {
  if (m_updating) return;
  const double w = m_width->value(), h = m_height->value();
  const bool landscape = m_landscape->isChecked();
  if ((landscape && w < h) || (!landscape && w > h)) {
    m_updating = true;
    m_width->setValue(h);
    m_height->setValue(w);
    m_updating = false;
  }
}

void PageSetupDialog::sizeEdited() {
  if (m_updating) return;
  // Pick the matching paper name (either orientation), else Custom.
  const double w = std::min(m_width->value(), m_height->value());
  const double h = std::max(m_width->value(), m_height->value());
  int index = m_paper->count() - 1;
  const auto& papers = layout::standardPaperSizes();
  for (int i = 0; i < int(papers.size()); ++i)
    if (std::abs(papers[i].widthMm - w) < 0.5 && std::abs(papers[i].heightMm - h) < 0.5) index = i;
  m_updating = true;
  m_paper->setCurrentIndex(index);
  if (m_width->value() != m_height->value()) (m_width->value() > m_height->value() ? m_landscape : m_portrait)->setChecked(true);
  m_updating = false;
}

}  // namespace onemap::designer
