#pragma once

#include <QDialog>

#include "onemap/sheet/atlas_export.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace onemap::designer {

/// Options of an atlas export: format, DPI, one multi-page PDF or one file per feature in a
/// folder, an extra filter and whether existing files may be replaced. GUI thread only.
class AtlasExportDialog : public QDialog {
  Q_OBJECT
 public:
  AtlasExportDialog(double dpi, const QString& folder, QWidget* parent = nullptr);

  /// The chosen options; `output` empty when none was chosen.
  sheet::AtlasOptions options() const;
  void setOutput(const QString& path);

 private:
  void browse();
  void formatChanged();

  QComboBox* m_format;
  QSpinBox* m_dpi;
  QCheckBox* m_single;
  QLineEdit* m_output;
  QLineEdit* m_filter;
  QCheckBox* m_overwrite;
  bool m_confirmedFile = false;  ///< the file dialog already asked about replacing the PDF
};

}  // namespace onemap::designer
