#pragma once

#include <QDialog>

class QListWidget;
class QPushButton;

namespace onemap::designer {

class DesignerController;

/// The project's layouts: open, duplicate, rename, delete, import a template file
/// (*.onemap-layout) and save one as a template. GUI thread only.
class LayoutManagerDialog : public QDialog {
  Q_OBJECT
 public:
  LayoutManagerDialog(DesignerController* controller, QWidget* parent = nullptr);

  QListWidget* list() const { return m_list; }

 private:
  void refill(const QString& select = {});
  QString current() const;
  void open();
  void duplicate();
  void rename();
  void remove();
  void importTemplate();
  void saveTemplate();

  DesignerController* m_controller;
  QListWidget* m_list;
  std::vector<QPushButton*> m_needSelection;
};

}  // namespace onemap::designer
