#include "atlas_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "designer_scene.h"
#include "item_arrange.h"
#include "layout_document.h"
#include "onemap/gui/project_controller.h"
#include "onemap/sheet/atlas_export.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::designer {

AtlasPanel::AtlasPanel(LayoutDocument* document, DesignerScene* scene, gui::ProjectController* project,
                       QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_scene(scene),
      m_project(project),
      m_enabled(new QCheckBox(tr("Generate an atlas (one sheet per feature)"))),
      m_coverage(new QComboBox),
      m_filter(new QLineEdit),
      m_nameField(new QComboBox),
      m_codeField(new QComboBox),
      m_mapItem(new QComboBox),
      m_margin(new QDoubleSpinBox),
      m_mask(new QCheckBox(tr("Dim the map outside the feature"))),
      m_pattern(new QLineEdit),
      m_preview(new QPushButton(tr("Preview Atlas"))),
      m_previous(new QPushButton(tr("◀ Previous"))),
      m_next(new QPushButton(tr("Next ▶"))),
      m_feature(new QComboBox),
      m_status(new QLabel) {
  setObjectName(QStringLiteral("atlasPanel"));
  m_enabled->setObjectName(QStringLiteral("atlasEnabled"));
  m_coverage->setObjectName(QStringLiteral("atlasCoverage"));
  m_filter->setObjectName(QStringLiteral("atlasFilter"));
  m_nameField->setObjectName(QStringLiteral("atlasNameField"));
  m_codeField->setObjectName(QStringLiteral("atlasCodeField"));
  m_feature->setObjectName(QStringLiteral("atlasFeature"));
  m_preview->setObjectName(QStringLiteral("atlasPreview"));
  auto* box = new QVBoxLayout(this);
  box->addWidget(m_enabled);
  auto* settings = new QGroupBox(tr("Coverage"));
  auto* form = new QFormLayout(settings);
  form->addRow(tr("Layer"), m_coverage);
  m_filter->setPlaceholderText(tr("OGR SQL, e.g. ZLDWDM LIKE '320115101%'"));
  form->addRow(tr("Filter"), m_filter);
  for (auto* combo : {m_nameField, m_codeField}) combo->setEditable(true);
  form->addRow(tr("Name field"), m_nameField);
  form->addRow(tr("Code field (sort order)"), m_codeField);
  form->addRow(tr("Map frame"), m_mapItem);
  m_margin->setRange(0, 200);
  m_margin->setDecimals(1);
  m_margin->setSuffix(QStringLiteral(" %"));
  m_margin->setKeyboardTracking(false);
  form->addRow(tr("Margin around the feature"), m_margin);
  form->addRow(QString(), m_mask);
  form->addRow(tr("File names"), m_pattern);
  box->addWidget(settings);
  auto* preview = new QGroupBox(tr("Preview"));
  auto* pv = new QVBoxLayout(preview);
  m_preview->setCheckable(true);
  pv->addWidget(m_preview);
  auto* nav = new QHBoxLayout;
  nav->addWidget(m_previous);
  nav->addWidget(m_next);
  pv->addLayout(nav);
  pv->addWidget(m_feature);
  m_status->setWordWrap(true);
  pv->addWidget(m_status);
  box->addWidget(preview);
  box->addStretch();

  connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
    edit({}, [on](layout::AtlasSettings& a) { a.enabled = on; });
  });
  connect(m_coverage, &QComboBox::activated, this, [this](int i) {
    const std::string id = m_coverage->itemData(i).toString().toStdString();
    edit({}, [id](layout::AtlasSettings& a) { a.coverageLayerId = id; });
  });
  connect(m_filter, &QLineEdit::editingFinished, this, [this] {
    const std::string f = m_filter->text().trimmed().toStdString();
    edit({}, [f](layout::AtlasSettings& a) { a.filter = f; });
  });
  connect(m_nameField, &QComboBox::currentTextChanged, this, [this](const QString& t) {
    edit("atlas:name", [t](layout::AtlasSettings& a) { a.nameField = t.toStdString(); });
  });
  connect(m_codeField, &QComboBox::currentTextChanged, this, [this](const QString& t) {
    edit("atlas:code", [t](layout::AtlasSettings& a) { a.codeField = t.toStdString(); });
  });
  connect(m_mapItem, &QComboBox::activated, this, [this](int i) {
    const std::string id = m_mapItem->itemData(i).toString().toStdString();
    edit({}, [id](layout::AtlasSettings& a) { a.mapItemId = id; });
  });
  connect(m_margin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
    edit("atlas:margin", [v](layout::AtlasSettings& a) { a.marginPercent = v; });
  });
  connect(m_mask, &QCheckBox::toggled, this, [this](bool on) {
    edit({}, [on](layout::AtlasSettings& a) { a.maskOutside = on; });
  });
  connect(m_pattern, &QLineEdit::editingFinished, this, [this] {
    const std::string p = m_pattern->text().trimmed().toStdString();
    if (!p.empty()) edit({}, [p](layout::AtlasSettings& a) { a.fileNamePattern = p; });
  });
  connect(m_preview, &QPushButton::toggled, this, &AtlasPanel::setPreview);
  connect(m_previous, &QPushButton::clicked, this, &AtlasPanel::previous);
  connect(m_next, &QPushButton::clicked, this, &AtlasPanel::next);
  connect(m_feature, &QComboBox::activated, this, &AtlasPanel::setCurrent);
  connect(document, &LayoutDocument::changed, this, &AtlasPanel::refresh);
  connect(project, &gui::ProjectController::layersChanged, this, [this] {
    m_fieldsOf.clear();
    buildCoverageCombo();
    refresh();
  });
  buildCoverageCombo();
  refresh();
}

bool AtlasPanel::isPolygonLayer(const std::string& layerId) {
  const int index = m_project->layerIndex(layerId);
  if (index < 0) return false;
  const auto& layer = m_project->project().layers[std::size_t(index)];
  if (layer.kind != project::LayerKind::Vector) return false;
  auto& cached = m_polygonCache[layerId];
  if (cached.first != layer.source.string() + ":" + layer.layerName) {
    vector::OpenOptions options;
    options.encoding = layer.encoding;
    auto reader = vector::FeatureReader::open(layer.source, layer.layerName, options);
    cached.first = layer.source.string() + ":" + layer.layerName;
    cached.second = reader && reader->layer().geometryType.find("Polygon") != std::string::npos;
  }
  return cached.second;
}

void AtlasPanel::buildCoverageCombo() {
  QSignalBlocker block(m_coverage);
  m_coverage->clear();
  for (const auto& layer : m_project->project().layers)
    if (isPolygonLayer(layer.id)) m_coverage->addItem(QString::fromStdString(layer.name), QString::fromStdString(layer.id));
}

void AtlasPanel::fillFields() {
  const auto& atlas = m_document->layout().atlas;
  if (m_fieldsOf == atlas.coverageLayerId) return;
  m_fieldsOf = atlas.coverageLayerId;
  QStringList fields;
  const int index = m_project->layerIndex(atlas.coverageLayerId);
  if (index >= 0) {
    const auto& layer = m_project->project().layers[std::size_t(index)];
    vector::OpenOptions options;
    options.encoding = layer.encoding;
    if (auto reader = vector::FeatureReader::open(layer.source, layer.layerName, options))
      for (const auto& field : reader->layer().fields) fields << QString::fromStdString(field.name);
  }
  for (auto* combo : {m_nameField, m_codeField}) {
    QSignalBlocker block(combo);
    combo->clear();
    combo->addItems(fields);
  }
}

void AtlasPanel::refresh() {
  m_updating = true;
  const auto& layout = m_document->layout();
  const auto& atlas = layout.atlas;
  fillFields();
  {
    QSignalBlocker a(m_enabled), b(m_coverage), c(m_nameField), d(m_codeField), e(m_mapItem), f(m_margin),
        g(m_mask);
    m_enabled->setChecked(atlas.enabled);
    m_coverage->setCurrentIndex(m_coverage->findData(QString::fromStdString(atlas.coverageLayerId)));
    if (!m_filter->hasFocus()) m_filter->setText(QString::fromStdString(atlas.filter));
    m_nameField->setCurrentText(QString::fromStdString(atlas.nameField));
    m_codeField->setCurrentText(QString::fromStdString(atlas.codeField));
    m_mapItem->clear();
    m_mapItem->addItem(tr("(main map)"), QString());
    for (const auto& item : layout.items)
      if (item.type == layout::ItemType::Map && item.prop("overview_of").empty())
        m_mapItem->addItem(displayName(item), QString::fromStdString(item.id));
    m_mapItem->setCurrentIndex(std::max(0, m_mapItem->findData(QString::fromStdString(atlas.mapItemId))));
    m_margin->setValue(atlas.marginPercent);
    m_mask->setChecked(atlas.maskOutside);
    if (!m_pattern->hasFocus()) m_pattern->setText(QString::fromStdString(atlas.fileNamePattern));
  }
  m_updating = false;
  m_preview->setEnabled(!atlas.coverageLayerId.empty());
  // Settings that select or order the features: read them again.
  if (isPreviewing() && (m_shownAtlas.coverageLayerId != atlas.coverageLayerId || m_shownAtlas.filter != atlas.filter ||
                         m_shownAtlas.nameField != atlas.nameField || m_shownAtlas.codeField != atlas.codeField))
    reloadFeatures();
  m_shownAtlas = atlas;
  m_previous->setEnabled(isPreviewing() && m_current > 0);
  m_next->setEnabled(isPreviewing() && m_current + 1 < featureCount());
  m_feature->setEnabled(isPreviewing());
}

void AtlasPanel::edit(const std::string& mergeKey, const std::function<void(layout::AtlasSettings&)>& apply) {
  if (m_updating) return;
  layout::Layout after = m_document->layout();
  apply(after.atlas);
  m_document->change(tr("Change Atlas Settings"), std::move(after), mergeKey);
}

bool AtlasPanel::isPreviewing() const { return m_preview->isChecked(); }

QString AtlasPanel::error() const { return m_status->property("error").toString(); }

void AtlasPanel::setPreview(bool on) {
  if (m_preview->isChecked() != on) {
    m_preview->setChecked(on);  // comes back here through toggled()
    return;
  }
  if (on) {
    reloadFeatures();
  } else {
    m_features.clear();
    m_current = -1;
    m_feature->clear();
    m_status->clear();
    m_scene->setAtlasFeature(std::nullopt);
    emit currentChanged(-1);
  }
  refresh();
}

void AtlasPanel::reloadFeatures() {
  const std::string previousCode = m_current >= 0 && m_current < featureCount() ? m_features[m_current].code : "";
  Feedback feedback;
  auto features = sheet::readAtlasFeatures(m_project->project(), m_document->layout().atlas, m_project->mapCrs(),
                                           {}, feedback);
  m_features.clear();
  m_feature->clear();
  m_status->setProperty("error", QString());
  if (!features) {
    const QString text = QString::fromStdString(features.error().text());
    m_status->setText(text);
    m_status->setProperty("error", text);
  } else {
    m_features = std::move(*features);
  }
  for (const auto& f : m_features)
    m_feature->addItem(QStringLiteral("%1 %2").arg(QString::fromStdString(f.code), QString::fromStdString(f.name)));
  int index = m_features.empty() ? -1 : 0;
  for (int i = 0; i < featureCount(); ++i)
    if (!previousCode.empty() && m_features[i].code == previousCode) index = i;
  m_current = -1;
  setCurrent(index);
}

void AtlasPanel::setCurrent(int index) {
  if (index < 0 || index >= featureCount()) {
    m_scene->setAtlasFeature(std::nullopt);
    if (m_features.empty() && error().isEmpty()) m_status->setText(tr("No feature matches the atlas settings."));
    emit currentChanged(-1);
    return;
  }
  m_current = index;
  m_feature->setCurrentIndex(index);
  m_status->setText(tr("Sheet %1 of %2").arg(index + 1).arg(featureCount()));
  m_scene->setAtlasFeature(m_features[std::size_t(index)]);
  m_previous->setEnabled(m_current > 0);
  m_next->setEnabled(m_current + 1 < featureCount());
  emit currentChanged(index);
}

void AtlasPanel::next() {
  if (m_current + 1 < featureCount()) setCurrent(m_current + 1);
}

void AtlasPanel::previous() {
  if (m_current > 0) setCurrent(m_current - 1);
}

}  // namespace onemap::designer
