#pragma once

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QRadioButton;

namespace onemap::designer {

/// Paper size (A0–A5, B4, B5 or custom mm), orientation and export DPI of a layout; with a name
/// field when it creates a new layout ("New Layout…"). GUI thread only.
class PageSetupDialog : public QDialog {
  Q_OBJECT
 public:
  /// `newLayout`: shows the name field and the title "New Layout".
  PageSetupDialog(bool newLayout, QWidget* parent = nullptr);

  void setPage(double widthMm, double heightMm, double dpi);
  double pageWidth() const;
  double pageHeight() const;
  double dpi() const;
  void setLayoutName(const QString& name);
  QString layoutName() const;

 private:
  void paperChosen();
  void orientationChosen();
  void sizeEdited();

  QLineEdit* m_name = nullptr;
  QComboBox* m_paper;
  QRadioButton* m_portrait;
  QRadioButton* m_landscape;
  QDoubleSpinBox* m_width;
  QDoubleSpinBox* m_height;
  QDoubleSpinBox* m_dpi;
  bool m_updating = false;
};

}  // namespace onemap::designer
