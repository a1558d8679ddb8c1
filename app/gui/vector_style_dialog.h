#pragma once

#include <QDialog>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "onemap/base/feedback.h"
#include "onemap/render/field_values.h"
#include "onemap/render/legend.h"
#include "onemap/render/vector_style.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace onemap::gui {

class ColorButton;
class ProjectController;

/// Style and properties of a vector layer: single symbol (fill, stroke, width, point size),
/// categorized (field, built-in 三调 land-use colours, unique values with a qualitative palette,
/// editable colours), graduated (numeric field, quantile / equal interval / natural breaks,
/// 2–12 classes, colour ramp), labels (field, size, colour, halo), scale range and fill opacity,
/// with a live legend preview and the layer's source, CRS and size. Attribute values are read
/// on a worker thread (progress, Cancel). Writes the style map through
/// ProjectController::setLayerStyle on Apply/OK. Non-modal; GUI thread only.
class VectorStyleDialog : public QDialog {
  Q_OBJECT
 public:
  enum class Method { Quantile, EqualInterval, NaturalBreaks };

  VectorStyleDialog(ProjectController* project, std::string layerId, QWidget* parent = nullptr);
  ~VectorStyleDialog() override;

  void setMode(render::VectorStyle::Mode mode);
  void setFillColor(const QColor& color);
  void setStrokeColor(const QColor& color);
  void setStrokeWidth(double width);
  void setPointSize(double size);
  /// Categorized: the field whose values pick the colour.
  void setCategoryField(const QString& field);
  /// Categorized with the built-in 三调 colours; reads the codes present (asynchronously).
  void useLandUsePalette();
  /// Categorized: one class per distinct value with a qualitative palette (asynchronously).
  void classifyUniqueValues();
  /// Overrides the colour of one category value.
  void setCategoryColor(const QString& value, const QColor& color);
  /// Graduated settings; classifyGraduated() (asynchronous) computes the classes.
  void setGraduated(const QString& field, Method method, int classes, const QString& ramp);
  void classifyGraduated();
  void setLabels(const QString& field, double size, const QColor& color, bool halo);
  /// Scale range as 1:N denominators (0 = no limit): drawn when maxScale ≤ scale ≤ minScale.
  void setScaleRange(double minScale, double maxScale);
  void setFillOpacity(double opacity);

  /// The layer's style map as the dialog shows it now (other keys of the layer kept).
  std::map<std::string, std::string> styleProperties() const;
  /// The legend preview as shown now.
  std::vector<render::LegendEntry> previewEntries() const;
  /// True while attribute values are being read.
  bool isBusy() const { return m_busy; }
  void apply();

 signals:
  /// A classification finished (categories or graduated classes are in the table).
  void classified();

 private:
  QWidget* createSymbologyTab();
  QWidget* createLabelsTab();
  QWidget* createRenderingTab();
  void loadFromLayer();
  void readStyleFromWidgets();
  void refreshCategoryTable();
  void refreshClassTable();
  void refreshPreview();
  void styleEdited();
  void readDistinct(const QString& field, bool landUse);
  void readNumbers(const QString& field);
  void computeClasses();
  void showFillIfHidden();
  void startRead(const QString& what);
  void finishRead();
  std::vector<std::string> fieldNames() const;

  ProjectController* m_project;
  std::string m_layerId;
  render::FieldSource m_source;
  std::vector<std::pair<std::string, std::string>> m_fields;  ///< name, type
  render::LegendData::Geometry m_geometry = render::LegendData::Geometry::Unknown;
  render::VectorStyle m_style;
  std::vector<render::DistinctValue> m_distinct;  ///< values of the category field, when read
  std::string m_distinctField;
  std::map<std::string, std::vector<double>> m_numbers;  ///< numeric values per field, when read

  QComboBox* m_mode;
  QStackedWidget* m_pages;
  ColorButton* m_fill;
  ColorButton* m_stroke;
  QDoubleSpinBox* m_strokeWidth;
  QDoubleSpinBox* m_pointSize;
  QComboBox* m_categoryField;
  QTableWidget* m_categories;
  QComboBox* m_classField;
  QComboBox* m_method;
  QSpinBox* m_classCount;
  QComboBox* m_ramp;
  QTableWidget* m_classes;
  QComboBox* m_labelField;
  QDoubleSpinBox* m_labelSize;
  ColorButton* m_labelColor;
  QCheckBox* m_halo;
  QSlider* m_opacity;
  QSpinBox* m_minScale;
  QSpinBox* m_maxScale;
  QListWidget* m_preview;
  QLabel* m_status;
  QPushButton* m_cancel;
  Feedback m_feedback;
  bool m_busy = false;
  bool m_loading = false;
  int m_generation = 0;
};

}  // namespace onemap::gui
