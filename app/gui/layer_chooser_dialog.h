#pragma once

#include <QDialog>
#include <QStringList>

#include <optional>
#include <vector>

class QListWidget;

namespace onemap::gui {

/// Lets the user tick which layers of a multi-layer file (GeoPackage, File Geodatabase) to add;
/// all are ticked at first. Modal, GUI thread.
class LayerChooserDialog : public QDialog {
  Q_OBJECT
 public:
  LayerChooserDialog(const QString& fileName, const QStringList& layerNames, QWidget* parent = nullptr);

  /// Positions (in the given list) of the ticked layers.
  std::vector<int> chosen() const;
  void setChecked(int row, bool checked);

  /// Shows the dialog; nullopt when canceled.
  static std::optional<std::vector<int>> choose(QWidget* parent, const QString& fileName,
                                                const QStringList& layerNames);

 private:
  QListWidget* m_list;
};

}  // namespace onemap::gui
