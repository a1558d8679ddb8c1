#pragma once

#include <QWidget>

class QFormLayout;

namespace onemap::project {
struct LayerSpec;
}

namespace onemap::gui {

/// The "Information" tab of the layer properties: source path, format, file size, coordinate
/// system (by name), and for rasters size, pixel size, overviews and bands, for vectors layer,
/// geometry type, feature count, encoding and fields. Reads metadata only (no feature scan).
/// GUI thread only.
class LayerInfoPage : public QWidget {
  Q_OBJECT
 public:
  LayerInfoPage(const project::LayerSpec& layer, QWidget* parent = nullptr);

 private:
  void addRow(const QString& label, const QString& value);
  void addRasterRows(const project::LayerSpec& layer);
  void addVectorRows(const project::LayerSpec& layer);
  QString crsName(const std::string& wkt) const;

  QFormLayout* m_form;
};

}  // namespace onemap::gui
