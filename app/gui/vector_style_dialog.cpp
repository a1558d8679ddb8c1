#include "onemap/gui/vector_style_dialog.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

#include "onemap/gui/color_button.h"
#include "onemap/gui/layer_info_page.h"
#include "onemap/gui/project_controller.h"
#include "onemap/project/project.h"
#include "onemap/render/color_ramp.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::gui {
namespace {

using Mode = render::VectorStyle::Mode;

bool isNumericType(const std::string& type) {
  return type == "Integer" || type == "Integer64" || type == "Real";
}

}  // namespace

VectorStyleDialog::VectorStyleDialog(ProjectController* project, std::string layerId, QWidget* parent)
    : QDialog(parent), m_project(project), m_layerId(std::move(layerId)) {
  setObjectName(QStringLiteral("vectorStyleDialog"));
  const auto& layer = m_project->project().layers[std::size_t(m_project->layerIndex(m_layerId))];
  setWindowTitle(tr("Layer Properties — %1").arg(QString::fromStdString(layer.name)));
  m_source = {layer.source, layer.layerName, layer.encoding};
  vector::OpenOptions options;
  options.encoding = layer.encoding;
  if (auto reader = vector::FeatureReader::open(layer.source, layer.layerName, options)) {
    for (const auto& f : reader->layer().fields) m_fields.emplace_back(f.name, f.type);
    const std::string& type = reader->layer().geometryType;
    if (type.find("Polygon") != std::string::npos) m_geometry = render::LegendData::Geometry::Polygon;
    else if (type.find("Line") != std::string::npos) m_geometry = render::LegendData::Geometry::Line;
    else if (type.find("Point") != std::string::npos) m_geometry = render::LegendData::Geometry::Point;
  }

  auto* tabs = new QTabWidget(this);
  tabs->addTab(createSymbologyTab(), tr("Symbology"));
  tabs->addTab(createLabelsTab(), tr("Labels"));
  tabs->addTab(createRenderingTab(), tr("Rendering"));
  tabs->addTab(new LayerInfoPage(layer, this), tr("Information"));

  m_preview = new QListWidget(this);
  m_preview->setObjectName(QStringLiteral("legendPreview"));
  m_preview->setIconSize(QSize(24, 16));
  m_preview->setMinimumWidth(220);
  auto* previewBox = new QVBoxLayout;
  previewBox->addWidget(new QLabel(tr("Legend preview"), this));
  previewBox->addWidget(m_preview, 1);
  auto* body = new QHBoxLayout;
  body->addWidget(tabs, 3);
  body->addLayout(previewBox, 1);

  m_status = new QLabel(this);
  m_cancel = new QPushButton(tr("Cancel Reading"), this);
  m_cancel->hide();
  connect(m_cancel, &QPushButton::clicked, this, [this] { m_feedback.cancel(); });
  auto* statusRow = new QHBoxLayout;
  statusRow->addWidget(m_status, 1);
  statusRow->addWidget(m_cancel);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    apply();
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &VectorStyleDialog::apply);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(body, 1);
  layout->addLayout(statusRow);
  layout->addWidget(buttons);
  resize(860, 560);
  loadFromLayer();
}

VectorStyleDialog::~VectorStyleDialog() { m_feedback.cancel(); }

std::vector<std::string> VectorStyleDialog::fieldNames() const {
  std::vector<std::string> out;
  for (const auto& f : m_fields) out.push_back(f.first);
  return out;
}

QWidget* VectorStyleDialog::createSymbologyTab() {
  auto* page = new QWidget(this);
  auto* layout = new QVBoxLayout(page);
  auto* form = new QFormLayout;
  m_mode = new QComboBox(page);
  m_mode->setObjectName(QStringLiteral("styleMode"));
  m_mode->addItem(tr("Single symbol"), int(Mode::Single));
  m_mode->addItem(tr("Categorized"), int(Mode::Categorized));
  m_mode->addItem(tr("Graduated"), int(Mode::Graduated));
  form->addRow(tr("Style:"), m_mode);
  m_stroke = new ColorButton(Qt::black, page, true);
  m_stroke->setObjectName(QStringLiteral("strokeColor"));
  m_strokeWidth = new QDoubleSpinBox(page);
  m_strokeWidth->setRange(0, 20);
  m_strokeWidth->setSingleStep(0.5);
  m_strokeWidth->setSuffix(tr(" px"));
  auto* strokeRow = new QHBoxLayout;
  strokeRow->addWidget(m_stroke);
  strokeRow->addWidget(m_strokeWidth);
  strokeRow->addStretch(1);
  form->addRow(tr("Outline:"), strokeRow);
  m_pointSize = new QDoubleSpinBox(page);
  m_pointSize->setRange(1, 60);
  m_pointSize->setSuffix(tr(" px"));
  if (m_geometry == render::LegendData::Geometry::Point || m_geometry == render::LegendData::Geometry::Unknown)
    form->addRow(tr("Point size:"), m_pointSize);
  else
    m_pointSize->hide();
  layout->addLayout(form);

  m_pages = new QStackedWidget(page);
  // Single symbol.
  auto* single = new QWidget(m_pages);
  auto* singleForm = new QFormLayout(single);
  m_fill = new ColorButton(Qt::white, single, true);
  m_fill->setObjectName(QStringLiteral("fillColor"));
  singleForm->addRow(tr("Fill:"), m_fill);
  m_pages->addWidget(single);

  // Categorized.
  auto* categorized = new QWidget(m_pages);
  auto* catLayout = new QVBoxLayout(categorized);
  auto* catRow = new QHBoxLayout;
  m_categoryField = new QComboBox(categorized);
  m_categoryField->setObjectName(QStringLiteral("categoryField"));
  for (const auto& [name, type] : m_fields) m_categoryField->addItem(QString::fromStdString(name));
  auto* landUse = new QPushButton(tr("三调 Land-Use Colours"), categorized);
  landUse->setObjectName(QStringLiteral("landUsePalette"));
  landUse->setToolTip(tr("Colour the 三调 land-use codes (DLBM) present in the layer with the standard colours"));
  auto* classify = new QPushButton(tr("Classify"), categorized);
  classify->setToolTip(tr("One class per distinct value, with well-separated colours"));
  catRow->addWidget(new QLabel(tr("Field:"), categorized));
  catRow->addWidget(m_categoryField, 1);
  catRow->addWidget(landUse);
  catRow->addWidget(classify);
  catLayout->addLayout(catRow);
  m_categories = new QTableWidget(0, 4, categorized);
  m_categories->setObjectName(QStringLiteral("categoryTable"));
  m_categories->setHorizontalHeaderLabels({tr("Colour"), tr("Value"), tr("Label"), tr("Features")});
  m_categories->horizontalHeader()->setStretchLastSection(true);
  m_categories->verticalHeader()->hide();
  m_categories->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_categories->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_categories->setToolTip(tr("Double-click a colour to change it"));
  catLayout->addWidget(m_categories, 1);
  m_pages->addWidget(categorized);

  // Graduated.
  auto* graduated = new QWidget(m_pages);
  auto* gradLayout = new QVBoxLayout(graduated);
  auto* gradForm = new QFormLayout;
  m_classField = new QComboBox(graduated);
  m_classField->setObjectName(QStringLiteral("classField"));
  for (const auto& [name, type] : m_fields)
    if (isNumericType(type)) m_classField->addItem(QString::fromStdString(name));
  for (const auto& [name, type] : m_fields)
    if (!isNumericType(type)) m_classField->addItem(QString::fromStdString(name));
  m_method = new QComboBox(graduated);
  m_method->setObjectName(QStringLiteral("classMethod"));
  m_method->addItem(tr("Quantile (equal count)"), int(Method::Quantile));
  m_method->addItem(tr("Equal interval"), int(Method::EqualInterval));
  m_method->addItem(tr("Natural breaks (Jenks)"), int(Method::NaturalBreaks));
  m_classCount = new QSpinBox(graduated);
  m_classCount->setObjectName(QStringLiteral("classCount"));
  m_classCount->setRange(2, 12);
  m_classCount->setValue(5);
  m_ramp = new QComboBox(graduated);
  m_ramp->setObjectName(QStringLiteral("classRamp"));
  m_ramp->setIconSize(QSize(80, 14));
  for (const auto& name : render::ColorRamp::names())
    m_ramp->addItem(QIcon(QPixmap::fromImage(render::ColorRamp::byName(name).preview(80, 14))),
                    render::ColorRamp::displayName(name), QString::fromStdString(name));
  m_ramp->setCurrentIndex(m_ramp->findData(QStringLiteral("ylorrd")));
  auto* classifyGrad = new QPushButton(tr("Classify"), graduated);
  classifyGrad->setObjectName(QStringLiteral("classifyGraduated"));
  gradForm->addRow(tr("Field:"), m_classField);
  gradForm->addRow(tr("Method:"), m_method);
  gradForm->addRow(tr("Classes:"), m_classCount);
  gradForm->addRow(tr("Colour ramp:"), m_ramp);
  gradLayout->addLayout(gradForm);
  gradLayout->addWidget(classifyGrad, 0, Qt::AlignLeft);
  m_classes = new QTableWidget(0, 4, graduated);
  m_classes->setObjectName(QStringLiteral("classTable"));
  m_classes->setHorizontalHeaderLabels({tr("Colour"), tr("From"), tr("To"), tr("Label")});
  m_classes->horizontalHeader()->setStretchLastSection(true);
  m_classes->verticalHeader()->hide();
  m_classes->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_classes->setToolTip(tr("Double-click a colour to change it"));
  gradLayout->addWidget(m_classes, 1);
  m_pages->addWidget(graduated);
  layout->addWidget(m_pages, 1);

  connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
    m_pages->setCurrentIndex(m_mode->currentIndex());
    styleEdited();
  });
  for (ColorButton* b : {m_fill, m_stroke}) connect(b, &ColorButton::colorChanged, this, &VectorStyleDialog::styleEdited);
  for (QDoubleSpinBox* s : {m_strokeWidth, m_pointSize})
    connect(s, &QDoubleSpinBox::valueChanged, this, &VectorStyleDialog::styleEdited);
  connect(m_categoryField, &QComboBox::currentIndexChanged, this, [this] {
    if (m_loading) return;
    m_style.categories.clear();
    refreshCategoryTable();
    styleEdited();
  });
  connect(landUse, &QPushButton::clicked, this, &VectorStyleDialog::useLandUsePalette);
  connect(classify, &QPushButton::clicked, this, &VectorStyleDialog::classifyUniqueValues);
  connect(m_categories, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    const QString value = m_categories->item(row, 1)->data(Qt::UserRole).toString();
    const QColor chosen = QColorDialog::getColor(m_categories->item(row, 0)->data(Qt::UserRole).value<QColor>(), this);
    if (chosen.isValid()) setCategoryColor(value, chosen);
  });
  connect(classifyGrad, &QPushButton::clicked, this, &VectorStyleDialog::classifyGraduated);
  connect(m_classField, &QComboBox::currentIndexChanged, this, [this] {
    if (!m_loading && m_numbers.count(m_classField->currentText().toStdString())) computeClasses();
  });
  for (QComboBox* c : {m_method, m_ramp})
    connect(c, &QComboBox::currentIndexChanged, this, [this] {
      if (!m_loading) computeClasses();
    });
  connect(m_classCount, &QSpinBox::valueChanged, this, [this] {
    if (!m_loading) computeClasses();
  });
  connect(m_classes, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    if (row < 0 || std::size_t(row) >= m_style.classes.size()) return;
    const QColor chosen = QColorDialog::getColor(m_style.classes[std::size_t(row)].color, this);
    if (!chosen.isValid()) return;
    m_style.classes[std::size_t(row)].color = chosen;
    refreshClassTable();
    styleEdited();
  });
  return page;
}

QWidget* VectorStyleDialog::createLabelsTab() {
  auto* page = new QWidget(this);
  auto* form = new QFormLayout(page);
  m_labelField = new QComboBox(page);
  m_labelField->setObjectName(QStringLiteral("labelField"));
  m_labelField->addItem(tr("(no labels)"), QString());
  for (const auto& [name, type] : m_fields) m_labelField->addItem(QString::fromStdString(name), QString::fromStdString(name));
  m_labelSize = new QDoubleSpinBox(page);
  m_labelSize->setRange(4, 48);
  m_labelSize->setSuffix(tr(" pt"));
  m_labelColor = new ColorButton(Qt::black, page);
  m_halo = new QCheckBox(tr("White halo around the text"), page);
  form->addRow(tr("Label with field:"), m_labelField);
  form->addRow(tr("Text size:"), m_labelSize);
  form->addRow(tr("Text colour:"), m_labelColor);
  form->addRow(QString(), m_halo);
  auto* note = new QLabel(tr("Labels that would overlap are left out; larger features are labelled first."), page);
  note->setWordWrap(true);
  form->addRow(QString(), note);
  connect(m_labelField, &QComboBox::currentIndexChanged, this, &VectorStyleDialog::styleEdited);
  connect(m_labelSize, &QDoubleSpinBox::valueChanged, this, &VectorStyleDialog::styleEdited);
  connect(m_labelColor, &ColorButton::colorChanged, this, &VectorStyleDialog::styleEdited);
  connect(m_halo, &QCheckBox::toggled, this, &VectorStyleDialog::styleEdited);
  return page;
}

QWidget* VectorStyleDialog::createRenderingTab() {
  auto* page = new QWidget(this);
  auto* form = new QFormLayout(page);
  m_opacity = new QSlider(Qt::Horizontal, page);
  m_opacity->setObjectName(QStringLiteral("fillOpacity"));
  m_opacity->setRange(0, 100);
  auto* opacityValue = new QLabel(page);
  connect(m_opacity, &QSlider::valueChanged, opacityValue, [opacityValue](int v) { opacityValue->setText(QStringLiteral("%1 %").arg(v)); });
  auto* opacityRow = new QHBoxLayout;
  opacityRow->addWidget(m_opacity, 1);
  opacityRow->addWidget(opacityValue);
  form->addRow(tr("Fill opacity:"), opacityRow);
  auto scaleSpin = [page](const QString& name) {
    auto* spin = new QSpinBox(page);
    spin->setObjectName(name);
    spin->setRange(0, 100000000);
    spin->setSingleStep(1000);
    spin->setPrefix(QStringLiteral("1:"));
    spin->setSpecialValueText(tr("no limit"));
    spin->setGroupSeparatorShown(true);
    return spin;
  };
  m_minScale = scaleSpin(QStringLiteral("minScale"));
  m_maxScale = scaleSpin(QStringLiteral("maxScale"));
  form->addRow(tr("Hide when zoomed out beyond:"), m_minScale);
  form->addRow(tr("Hide when zoomed in beyond:"), m_maxScale);
  auto* note = new QLabel(tr("Example: 1:50,000 and 1:500 draw the layer only between those scales."), page);
  note->setWordWrap(true);
  form->addRow(QString(), note);
  connect(m_opacity, &QSlider::valueChanged, this, &VectorStyleDialog::styleEdited);
  connect(m_minScale, &QSpinBox::valueChanged, this, &VectorStyleDialog::styleEdited);
  connect(m_maxScale, &QSpinBox::valueChanged, this, &VectorStyleDialog::styleEdited);
  return page;
}

void VectorStyleDialog::loadFromLayer() {
  m_loading = true;
  const auto& layer = m_project->project().layers[std::size_t(m_project->layerIndex(m_layerId))];
  m_style = render::VectorStyle::fromProperties(layer.style);
  m_mode->setCurrentIndex(m_mode->findData(int(m_style.mode)));
  m_pages->setCurrentIndex(m_mode->currentIndex());
  m_fill->setColor(m_style.fill);
  m_stroke->setColor(m_style.stroke);
  m_strokeWidth->setValue(m_style.strokeWidth);
  m_pointSize->setValue(m_style.pointSize);
  if (!m_style.categoryField.empty()) m_categoryField->setCurrentText(QString::fromStdString(m_style.categoryField));
  if (!m_style.classField.empty()) m_classField->setCurrentText(QString::fromStdString(m_style.classField));
  m_classCount->setValue(std::clamp(int(m_style.classes.size()), 2, 12));
  if (int i = m_labelField->findData(QString::fromStdString(m_style.labelField)); i >= 0) m_labelField->setCurrentIndex(i);
  m_labelSize->setValue(m_style.labelSize);
  m_labelColor->setColor(m_style.labelColor);
  m_halo->setChecked(m_style.labelHalo.alpha() > 0);
  m_opacity->setValue(int(std::lround(m_style.fillOpacity * 100)));
  m_minScale->setValue(int(m_style.minScale));
  m_maxScale->setValue(int(m_style.maxScale));
  m_loading = false;
  // The values present are known at once when the legend already read them.
  if (!m_style.categoryField.empty()) {
    std::vector<render::DistinctValue> cached;
    if (render::cachedDistinctValues(m_source, m_style.categoryField, cached)) {
      m_distinct = std::move(cached);
      m_distinctField = m_style.categoryField;
    }
  }
  refreshCategoryTable();
  refreshClassTable();
  refreshPreview();
}

void VectorStyleDialog::readStyleFromWidgets() {
  m_style.mode = Mode(m_mode->currentData().toInt());
  m_style.fill = m_fill->color();
  m_style.stroke = m_stroke->color();
  m_style.strokeWidth = m_strokeWidth->value();
  m_style.pointSize = m_pointSize->value();
  m_style.categoryField = m_categoryField->currentText().toStdString();
  m_style.classField = m_classField->currentText().toStdString();
  m_style.labelField = m_labelField->currentData().toString().toStdString();
  m_style.labelSize = m_labelSize->value();
  m_style.labelColor = m_labelColor->color();
  m_style.labelHalo = m_halo->isChecked() ? QColor(255, 255, 255) : QColor(0, 0, 0, 0);
  m_style.fillOpacity = m_opacity->value() / 100.0;
  m_style.minScale = m_minScale->value();
  m_style.maxScale = m_maxScale->value();
}

void VectorStyleDialog::styleEdited() {
  if (m_loading) return;
  readStyleFromWidgets();
  refreshPreview();
}

std::map<std::string, std::string> VectorStyleDialog::styleProperties() const {
  std::map<std::string, std::string> properties;
  const int index = m_project->layerIndex(m_layerId);
  if (index >= 0) properties = m_project->project().layers[std::size_t(index)].style;
  render::VectorStyle style = m_style;
  if (style.mode != Mode::Categorized) {
    style.categoryField.clear();
    style.categories.clear();
    style.landUsePalette = false;
  }
  if (style.mode != Mode::Graduated) {
    style.classField.clear();
    style.classes.clear();
  }
  style.writeTo(properties);
  return properties;
}

std::vector<render::LegendEntry> VectorStyleDialog::previewEntries() const {
  project::LayerSpec layer = m_project->project().layers[std::size_t(m_project->layerIndex(m_layerId))];
  layer.style = styleProperties();
  render::LegendData legendData;
  legendData.geometry = m_geometry;
  if (m_distinctField == m_style.categoryField) legendData.categories = m_distinct;
  return render::legendEntries(layer, &legendData);
}

void VectorStyleDialog::refreshPreview() {
  m_preview->clear();
  for (const auto& entry : previewEntries())
    m_preview->addItem(new QListWidgetItem(QIcon(QPixmap::fromImage(render::legendSymbol(entry, QSize(24, 16)))), entry.label));
}

// --- programmatic editing (also used by the widgets) -----------------------------------------

void VectorStyleDialog::setMode(Mode mode) { m_mode->setCurrentIndex(m_mode->findData(int(mode))); }
void VectorStyleDialog::setFillColor(const QColor& color) { m_fill->setColor(color); }
void VectorStyleDialog::setStrokeColor(const QColor& color) { m_stroke->setColor(color); }
void VectorStyleDialog::setStrokeWidth(double width) { m_strokeWidth->setValue(width); }
void VectorStyleDialog::setPointSize(double size) { m_pointSize->setValue(size); }
void VectorStyleDialog::setCategoryField(const QString& field) { m_categoryField->setCurrentText(field); }

void VectorStyleDialog::setCategoryColor(const QString& value, const QColor& color) {
  m_style.categories[value.toStdString()] = color;
  refreshCategoryTable();
  styleEdited();
}

void VectorStyleDialog::useLandUsePalette() {
  setMode(Mode::Categorized);
  const auto names = fieldNames();
  if (std::find(names.begin(), names.end(), "DLBM") != names.end() && m_categoryField->currentText() != QLatin1String("DLBM"))
    m_categoryField->setCurrentText(QStringLiteral("DLBM"));
  readDistinct(m_categoryField->currentText(), true);
}

void VectorStyleDialog::classifyUniqueValues() {
  setMode(Mode::Categorized);
  readDistinct(m_categoryField->currentText(), false);
}

void VectorStyleDialog::setGraduated(const QString& field, Method method, int classes, const QString& ramp) {
  m_loading = true;
  m_classField->setCurrentText(field);
  m_method->setCurrentIndex(m_method->findData(int(method)));
  m_classCount->setValue(classes);
  m_ramp->setCurrentIndex(m_ramp->findData(ramp));
  m_loading = false;
  setMode(Mode::Graduated);
  styleEdited();
}

void VectorStyleDialog::classifyGraduated() {
  setMode(Mode::Graduated);
  const QString field = m_classField->currentText();
  if (m_numbers.count(field.toStdString())) computeClasses();
  else readNumbers(field);
}

void VectorStyleDialog::setLabels(const QString& field, double size, const QColor& color, bool halo) {
  m_labelField->setCurrentIndex(std::max(0, m_labelField->findData(field)));
  m_labelSize->setValue(size);
  m_labelColor->setColor(color);
  m_halo->setChecked(halo);
  styleEdited();
}

void VectorStyleDialog::setScaleRange(double minScale, double maxScale) {
  m_minScale->setValue(int(minScale));
  m_maxScale->setValue(int(maxScale));
}

void VectorStyleDialog::setFillOpacity(double opacity) { m_opacity->setValue(int(std::lround(opacity * 100))); }

void VectorStyleDialog::apply() {
  readStyleFromWidgets();
  const int index = m_project->layerIndex(m_layerId);
  if (index >= 0) m_project->setLayerStyle(index, styleProperties());
}

}  // namespace onemap::gui
