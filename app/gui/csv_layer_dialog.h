#pragma once

#include <QDialog>
#include <QStringList>

#include <filesystem>

class QComboBox;
class QRadioButton;

namespace onemap::gui {

/// Asks which columns of a CSV file hold the geometry (X/Y or WKT) when OneMap did not recognise
/// them, and records the answer in a "<name>.csvt" column-type file beside the CSV (the CSV itself
/// is not changed; GDAL and QGIS read the .csvt too). Modal, GUI thread.
class CsvLayerDialog : public QDialog {
  Q_OBJECT
 public:
  CsvLayerDialog(const std::filesystem::path& csv, const QStringList& columns, QWidget* parent = nullptr);

  /// True for a .csv file.
  static bool isCsv(const std::filesystem::path& file);
  /// Column names from the CSV's header line (comma, semicolon or tab separated; UTF-8 or GBK).
  static QStringList readColumns(const std::filesystem::path& csv);
  /// The .csvt text for `columns` with `x`/`y` as coordinates or `wkt` as geometry.
  static QString columnTypes(const QStringList& columns, const QString& x, const QString& y, const QString& wkt);
  /// Writes "<name>.csvt" beside the CSV; returns an error text (empty on success).
  static QString writeColumnTypes(const std::filesystem::path& csv, const QString& types);
  /// Shows the dialog for `csv` and writes the .csvt; false when canceled or nothing to ask.
  static bool describe(const std::filesystem::path& csv, QWidget* parent);

  QString xColumn() const;
  QString yColumn() const;
  QString wktColumn() const;

 private:
  QRadioButton* m_useXy;
  QRadioButton* m_useWkt;
  QComboBox* m_x;
  QComboBox* m_y;
  QComboBox* m_wkt;
};

}  // namespace onemap::gui
