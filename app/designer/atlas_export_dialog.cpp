#include "atlas_export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace onemap::designer {

AtlasExportDialog::AtlasExportDialog(double dpi, const QString& folder, QWidget* parent)
    : QDialog(parent),
      m_format(new QComboBox),
      m_dpi(new QSpinBox),
      m_single(new QCheckBox(tr("One multi-page PDF file"))),
      m_output(new QLineEdit(folder)),
      m_filter(new QLineEdit),
      m_overwrite(new QCheckBox(tr("Replace existing files"))) {
  setWindowTitle(tr("Export Atlas"));
  setObjectName(QStringLiteral("atlasExportDialog"));
  auto* form = new QFormLayout(this);
  m_format->addItem(tr("PDF"), int(sheet::ExportFormat::Pdf));
  m_format->addItem(tr("PNG image (georeferenced)"), int(sheet::ExportFormat::Png));
  m_format->addItem(tr("GeoTIFF"), int(sheet::ExportFormat::GeoTiff));
  form->addRow(tr("Format"), m_format);
  m_dpi->setRange(30, 1200);
  m_dpi->setValue(int(dpi));
  m_dpi->setSuffix(QStringLiteral(" DPI"));
  form->addRow(tr("Resolution"), m_dpi);
  form->addRow(QString(), m_single);
  auto* row = new QHBoxLayout;
  auto* browseButton = new QPushButton(tr("Browse…"));
  row->addWidget(m_output, 1);
  row->addWidget(browseButton);
  form->addRow(tr("Output"), row);
  m_filter->setPlaceholderText(tr("optional, e.g. ZLDWDM LIKE '320115101%'"));
  form->addRow(tr("Only features matching"), m_filter);
  form->addRow(QString(), m_overwrite);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(browseButton, &QPushButton::clicked, this, &AtlasExportDialog::browse);
  connect(m_format, &QComboBox::currentIndexChanged, this, &AtlasExportDialog::formatChanged);
  connect(m_single, &QCheckBox::toggled, this, [this] {
    m_confirmedFile = false;
    formatChanged();
  });
  connect(m_output, &QLineEdit::textEdited, this, [this] { m_confirmedFile = false; });
  formatChanged();
  resize(520, sizeHint().height());
}

void AtlasExportDialog::formatChanged() {
  const bool pdf = m_format->currentData().toInt() == int(sheet::ExportFormat::Pdf);
  m_single->setEnabled(pdf);
  if (!pdf) m_single->setChecked(false);
  m_output->setPlaceholderText(m_single->isChecked() ? tr("the PDF file") : tr("a folder for one file per feature"));
}

void AtlasExportDialog::browse() {
  if (m_single->isChecked()) {
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Atlas to PDF"), m_output->text(), tr("PDF (*.pdf)"));
    if (file.isEmpty()) return;
    m_output->setText(file.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive) ? file : file + QStringLiteral(".pdf"));
    m_confirmedFile = true;  // the dialog asked before choosing an existing file
  } else {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for the Atlas Sheets"), m_output->text());
    if (!folder.isEmpty()) m_output->setText(folder);
  }
}

void AtlasExportDialog::setOutput(const QString& path) { m_output->setText(path); }

sheet::AtlasOptions AtlasExportDialog::options() const {
  sheet::AtlasOptions options;
  options.format = sheet::ExportFormat(m_format->currentData().toInt());
  options.dpi = m_dpi->value();
  options.singleFile = m_single->isChecked();
  options.output = m_output->text().trimmed().toStdString();
  options.extraFilter = m_filter->text().trimmed().toStdString();
  options.overwrite = m_overwrite->isChecked() || (options.singleFile && m_confirmedFile);
  return options;
}

}  // namespace onemap::designer
