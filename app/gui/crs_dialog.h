#pragma once

#include <QDialog>
#include <QString>

#include <string>

class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace onemap::gui {

class ProjectController;

/// Project ▸ Set Project CRS…: a searchable list of the coordinate systems county offices use,
/// grouped (CGCS2000 geographic, CGCS2000 3° Gauss–Krüger zones with and without zone prefix,
/// 6° zones, WGS 84 and UTM 43N–53N, the CRS of each layer), with Chinese names and the axis
/// order note of the selection. Modal, GUI thread.
class CrsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit CrsDialog(ProjectController* project, QWidget* parent = nullptr);

  /// The chosen CRS as "EPSG:n" (or WKT for a layer's CRS without EPSG code); empty if none.
  QString selectedCrs() const;
  /// Selects the entry for `crs` ("EPSG:4549" or WKT); false when it is not listed.
  bool selectCrs(const QString& crs);
  /// Shows a sentence above the list (why the dialog is offered, e.g. a suggested zone).
  void setMessage(const QString& text);
  /// The entry for an EPSG code (tests; null when not listed).
  QTreeWidgetItem* itemForEpsg(int epsg) const;
  /// Hides entries not matching `text` (code, English or Chinese name, central meridian).
  void setFilter(const QString& text);

  /// Asks for a CRS and applies it to the project; false when canceled.
  static bool chooseProjectCrs(ProjectController* project, QWidget* parent, const QString& message = {},
                               const QString& preselect = {});

 private:
  void populate();
  QTreeWidgetItem* addGroup(const QString& title);
  QTreeWidgetItem* addEpsg(QTreeWidgetItem* group, int epsg);
  void selectionChanged();

  ProjectController* m_project;
  QLabel* m_message;
  QLineEdit* m_search;
  QTreeWidget* m_tree;
  QLabel* m_details;
};

}  // namespace onemap::gui
