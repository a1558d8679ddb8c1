#include "property_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <sstream>

#include "item_arrange.h"
#include "layout_document.h"
#include "onemap/gui/color_button.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/layout/item_properties.h"

namespace onemap::designer {

namespace {

QString label(const char* text) { return QCoreApplication::translate("ItemProperty", text); }

std::vector<std::string> splitIds(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, ','))
    if (!part.empty()) out.push_back(part);
  return out;
}

std::string joinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

QString extentText(const std::string& value) {
  const auto parts = QString::fromStdString(value).split(QLatin1Char(','));
  if (parts.size() != 4) return QCoreApplication::translate("PropertyPanel", "(not set: the project's extent)");
  QStringList shown;
  for (const auto& p : parts) shown << QString::number(p.toDouble(), 'f', 1);
  return shown.join(QStringLiteral(", "));
}

}  // namespace

PropertyPanel::PropertyPanel(LayoutDocument* document, gui::ProjectController* project, gui::MapCanvas* canvas,
                             QWidget* parent)
    : QScrollArea(parent), m_document(document), m_project(project), m_canvas(canvas) {
  setObjectName(QStringLiteral("propertyPanel"));
  setWidgetResizable(true);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setMinimumWidth(340);
  connect(document, &LayoutDocument::changed, this, [this] {
    const auto* item = m_document->layout().item(m_itemId);
    if (!m_itemId.empty() && !item) {
      showItem({}, 0);
      return;
    }
    refresh();
  });
  connect(project, &gui::ProjectController::layersChanged, this, &PropertyPanel::rebuild);
  rebuild();
}

void PropertyPanel::showItem(const std::string& id, int count) {
  m_itemId = id;
  m_count = count;
  rebuild();
}

QWidget* PropertyPanel::editor(const std::string& key) const {
  auto it = m_editors.find(key);
  return it == m_editors.end() ? nullptr : it->second;
}

void PropertyPanel::setProp(const std::string& key, const std::string& value) {
  m_document->setItemProp(m_itemId, key, value);
}

std::string PropertyPanel::value(const PropSpec& spec) const {
  const auto* item = m_document->layout().item(m_itemId);
  return item ? item->prop(spec.key, spec.fallback) : spec.fallback;
}

void PropertyPanel::rebuild() {
  m_editors.clear();
  m_refreshers.clear();
  m_content = new QWidget;
  auto* box = new QVBoxLayout(m_content);
  const auto* item = m_document->layout().item(m_itemId);
  if (!item) {
    auto* note = new QLabel(m_count > 1 ? tr("%n items selected.", nullptr, m_count)
                                        : tr("Select an item on the page to edit its properties."));
    note->setWordWrap(true);
    box->addWidget(note);
    box->addStretch();
    setWidget(m_content);
    return;
  }
  auto* general = new QGroupBox(typeName(item->type));
  auto* form = new QFormLayout(general);
  addGeometry(form);
  box->addWidget(general);

  auto* own = new QGroupBox(tr("Properties"));
  auto* ownForm = new QFormLayout(own);
  auto* frame = new QGroupBox(tr("Frame and background"));
  auto* frameForm = new QFormLayout(frame);
  std::set<std::string> common;
  for (const auto& spec : commonPropertySpecs()) common.insert(spec.key);
  for (const auto& spec : propertySpecs(item->type)) addSpec(common.contains(spec.key) ? frameForm : ownForm, spec);
  if (item->type == layout::ItemType::Map) addMapActions(ownForm);
  for (auto* f : {form, ownForm, frameForm}) f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  box->addWidget(own);
  box->addWidget(frame);
  box->addStretch();
  setWidget(m_content);
  refresh();
}

void PropertyPanel::refresh() {
  for (const auto& refresh : m_refreshers) refresh();
}

void PropertyPanel::addGeometry(QFormLayout* form) {
  auto* name = new QLineEdit;
  name->setObjectName(QStringLiteral("name"));
  m_editors["name"] = name;
  form->addRow(tr("Name"), name);
  connect(name, &QLineEdit::textEdited, this, [this](const QString& text) {
    if (const auto* item = m_document->layout().item(m_itemId)) {
      layout::Item edited = *item;
      edited.name = text.toStdString();
      m_document->changeItem(tr("Rename Item"), edited, "name:" + m_itemId);
    }
  });
  m_refreshers.push_back([this, name] {
    const auto* item = m_document->layout().item(m_itemId);
    if (item && name->text().toStdString() != item->name) name->setText(QString::fromStdString(item->name));
  });

  struct Field {
    const char* key;
    QString label;
    double layout::Item::*member;
    double min;
  };
  const std::vector<Field> fields{{"x", tr("X"), &layout::Item::x, -10000},
                                  {"y", tr("Y"), &layout::Item::y, -10000},
                                  {"width", tr("Width"), &layout::Item::width, 1},
                                  {"height", tr("Height"), &layout::Item::height, 1},
                                  {"rotation", tr("Rotation"), &layout::Item::rotation, -360}};
  for (const auto& field : fields) {
    auto* spin = new QDoubleSpinBox;
    spin->setObjectName(QString::fromLatin1(field.key));
    spin->setRange(field.min, field.min < 0 && field.key[0] == 'r' ? 360 : 10000);
    spin->setDecimals(2);
    spin->setKeyboardTracking(false);
    spin->setSuffix(field.key[0] == 'r' ? QStringLiteral(" °") : QStringLiteral(" mm"));
    m_editors[field.key] = spin;
    form->addRow(field.label, spin);
    const auto member = field.member;
    const std::string key = field.key;
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, member, key](double v) {
      if (const auto* item = m_document->layout().item(m_itemId)) {
        layout::Item edited = *item;
        edited.*member = v;
        m_document->changeItem(key == "rotation" ? tr("Rotate Item") : tr("Move or Resize Item"), edited,
                               key + ":" + m_itemId);
      }
    });
    m_refreshers.push_back([this, spin, member] {
      const auto* item = m_document->layout().item(m_itemId);
      if (!item) return;
      QSignalBlocker block(spin);
      spin->setValue(item->*member);
    });
  }
  auto* visible = new QCheckBox(tr("Visible"));
  auto* locked = new QCheckBox(tr("Locked"));
  visible->setObjectName(QStringLiteral("visible"));
  locked->setObjectName(QStringLiteral("locked"));
  m_editors["visible"] = visible;
  m_editors["locked"] = locked;
  auto* flags = new QHBoxLayout;
  flags->addWidget(visible);
  flags->addWidget(locked);
  form->addRow(QString(), flags);
  connect(visible, &QCheckBox::toggled, this, [this](bool on) {
    if (const auto* item = m_document->layout().item(m_itemId)) {
      layout::Item edited = *item;
      edited.visible = on;
      m_document->changeItem(on ? tr("Show Item") : tr("Hide Item"), edited);
    }
  });
  connect(locked, &QCheckBox::toggled, this, [this](bool on) {
    if (const auto* item = m_document->layout().item(m_itemId)) {
      layout::Item edited = *item;
      edited.locked = on;
      m_document->changeItem(on ? tr("Lock Item") : tr("Unlock Item"), edited);
    }
  });
  m_refreshers.push_back([this, visible, locked] {
    const auto* item = m_document->layout().item(m_itemId);
    if (!item) return;
    QSignalBlocker a(visible), b(locked);
    visible->setChecked(item->visible);
    locked->setChecked(item->locked);
  });
}

void PropertyPanel::bindCombo(QComboBox* combo, const PropSpec& spec) {
  const std::string key = spec.key;
  connect(combo, &QComboBox::activated, this, [this, key, combo](int i) {
    setProp(key, combo->itemData(i).toString().toStdString());
  });
  m_refreshers.push_back([this, combo, spec] {
    QSignalBlocker block(combo);
    combo->setCurrentIndex(std::max(0, combo->findData(QString::fromStdString(value(spec)))));
  });
}

void PropertyPanel::addSpec(QFormLayout* form, const PropSpec& spec) {
  const std::string key = spec.key;
  QWidget* widget = nullptr;
  switch (spec.kind) {
    case PropKind::Text: {
      auto* edit = new QLineEdit;
      edit->setPlaceholderText(tr("(default)"));
      connect(edit, &QLineEdit::textEdited, this, [this, key](const QString& t) { setProp(key, t.toStdString()); });
      m_refreshers.push_back([this, edit, spec] {
        const QString v = QString::fromStdString(value(spec));
        if (edit->text() != v) edit->setText(v);
      });
      widget = edit;
      break;
    }
    case PropKind::MultiText: {
      auto* edit = new QPlainTextEdit;
      edit->setMaximumHeight(90);
      edit->setToolTip(
          tr("Variables: {village_name} {village_code} {date} {date_cn} {scale} {crs_name} {project_title} {page} {field:NAME}"));
      connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, key] {
        if (m_document->layout().item(m_itemId)) setProp(key, edit->toPlainText().toStdString());
      });
      m_refreshers.push_back([this, edit, spec] {
        const QString v = QString::fromStdString(value(spec));
        if (edit->toPlainText() != v) {
          QSignalBlocker block(edit);
          edit->setPlainText(v);
        }
      });
      widget = edit;
      break;
    }
    case PropKind::Number: {
      auto* spin = new QDoubleSpinBox;
      spin->setRange(spec.min, spec.max);
      spin->setDecimals(spec.decimals);
      spin->setSuffix(QString::fromUtf8(spec.suffix));
      spin->setKeyboardTracking(false);
      if (spec.key == std::string(layout::keys::kScale)) spin->setSpecialValueText(tr("Fit the extent"));
      if (spec.key == std::string(layout::keys::kGridInterval) ||
          spec.key == std::string(layout::keys::kGraticuleInterval) ||
          spec.key == std::string(layout::keys::kSegmentLength))
        spin->setSpecialValueText(tr("Automatic"));
      connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key](double v) { setProp(key, formatNumber(v)); });
      m_refreshers.push_back([this, spin, spec] {
        QSignalBlocker block(spin);
        spin->setValue(QString::fromStdString(value(spec)).toDouble());
      });
      widget = spin;
      break;
    }
    case PropKind::Flag: {
      auto* check = new QCheckBox;
      connect(check, &QCheckBox::toggled, this, [this, key](bool on) { setProp(key, on ? "true" : "false"); });
      m_refreshers.push_back([this, check, spec] {
        QSignalBlocker block(check);
        check->setChecked(value(spec) == "true");
      });
      widget = check;
      break;
    }
    case PropKind::Color:
    case PropKind::OptionalColor: {
      auto* row = new QWidget;
      auto* h = new QHBoxLayout(row);
      h->setContentsMargins(0, 0, 0, 0);
      auto* use = spec.kind == PropKind::OptionalColor ? new QCheckBox : nullptr;
      auto* button = new gui::ColorButton(Qt::black, row, true);
      if (use) h->addWidget(use);
      h->addWidget(button, 1);
      auto store = [this, key, use, button] {
        setProp(key, use && !use->isChecked() ? "none" : button->color().name(
                         button->color().alpha() == 255 ? QColor::HexRgb : QColor::HexArgb).toStdString());
      };
      connect(button, &gui::ColorButton::colorChanged, this, [use, store] {
        if (use) use->setChecked(true);
        store();
      });
      if (use) connect(use, &QCheckBox::toggled, this, store);
      m_refreshers.push_back([this, use, button, spec] {
        const std::string v = value(spec);
        QSignalBlocker a(button);
        if (use) {
          QSignalBlocker b(use);
          use->setChecked(v != "none" && !v.empty());
        }
        const QColor c(QString::fromStdString(v));
        if (c.isValid()) button->setColor(c);
      });
      widget = row;
      break;
    }
    case PropKind::Choice: {
      auto* combo = new QComboBox;
      for (const auto& [v, text] : spec.choices) combo->addItem(label(text), QString::fromStdString(v));
      bindCombo(combo, spec);
      widget = combo;
      break;
    }
    case PropKind::Layer:
    case PropKind::MapItem: {
      auto* combo = new QComboBox;
      if (spec.kind == PropKind::Layer) {
        combo->addItem(tr("(none)"), QString());
        for (const auto& layer : m_project->project().layers)
          if (layer.kind == project::LayerKind::Vector)
            combo->addItem(QString::fromStdString(layer.name), QString::fromStdString(layer.id));
      } else {
        combo->addItem(key == layout::keys::kOverviewOf ? tr("(not an overview)") : tr("(main map)"), QString());
        for (const auto& other : m_document->layout().items)
          if (other.type == layout::ItemType::Map && other.id != m_itemId)
            combo->addItem(displayName(other), QString::fromStdString(other.id));
      }
      bindCombo(combo, spec);
      widget = combo;
      break;
    }
    case PropKind::Layers: {
      auto* button = new QToolButton;
      button->setPopupMode(QToolButton::InstantPopup);
      button->setToolButtonStyle(Qt::ToolButtonTextOnly);
      button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
      auto* menu = new QMenu(button);
      button->setMenu(menu);
      auto* all = menu->addAction(tr("The project's visible layers"));
      all->setCheckable(true);
      menu->addSeparator();
      std::vector<std::pair<QAction*, std::string>> actions;
      for (const auto& layer : m_project->project().layers) {
        auto* a = menu->addAction(QString::fromStdString(layer.name));
        a->setCheckable(true);
        actions.emplace_back(a, layer.id);
      }
      connect(all, &QAction::triggered, this, [this, key] { setProp(key, ""); });
      for (const auto& [action, id] : actions)
        connect(action, &QAction::triggered, this, [this, key, actions] {
          std::vector<std::string> ids;
          for (const auto& [a, layerId] : actions)
            if (a->isChecked()) ids.push_back(layerId);
          setProp(key, joinIds(ids));
        });
      m_refreshers.push_back([this, button, all, actions, spec] {
        const auto ids = splitIds(value(spec));
        all->setChecked(ids.empty());
        QStringList names;
        for (const auto& [a, id] : actions) {
          a->setChecked(std::find(ids.begin(), ids.end(), id) != ids.end());
          if (a->isChecked()) names << a->text();
        }
        button->setText(ids.empty() ? all->text() : names.join(QStringLiteral(", ")));
      });
      widget = button;
      break;
    }
    case PropKind::File: {
      auto* row = new QWidget;
      auto* h = new QHBoxLayout(row);
      h->setContentsMargins(0, 0, 0, 0);
      auto* edit = new QLineEdit;
      edit->setPlaceholderText(tr("(built-in)"));
      auto* browse = new QPushButton(tr("Browse…"));
      h->addWidget(edit, 1);
      h->addWidget(browse);
      connect(edit, &QLineEdit::editingFinished, this, [this, key, edit] { setProp(key, edit->text().toStdString()); });
      connect(browse, &QPushButton::clicked, this, [this, key] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose Image"), QString(),
                                                          tr("Images (*.svg *.png *.jpg *.jpeg *.bmp *.gif)"));
        if (file.isEmpty()) return;
        std::filesystem::path path = file.toStdString();
        const auto folder = m_project->fileName().parent_path();
        if (!folder.empty()) {
          const auto relative = path.lexically_relative(folder);
          if (!relative.empty() && *relative.begin() != "..") path = relative;
        }
        setProp(key, path.generic_string());
      });
      m_refreshers.push_back([this, edit, spec] {
        const QString v = QString::fromStdString(value(spec));
        if (edit->text() != v && !edit->hasFocus()) edit->setText(v);
      });
      widget = row;
      break;
    }
    case PropKind::Extent: {
      auto* edit = new QLineEdit;
      edit->setReadOnly(true);
      m_refreshers.push_back([this, edit, spec] { edit->setText(extentText(value(spec))); });
      widget = edit;
      break;
    }
  }
  if (auto* combo = qobject_cast<QComboBox*>(widget)) {
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
  }
  widget->setMinimumWidth(0);
  widget->setSizePolicy(QSizePolicy::Ignored, widget->sizePolicy().verticalPolicy());
  widget->setObjectName(QString::fromStdString(key));
  m_editors[key] = widget;
  form->addRow(label(spec.label), widget);
}

void PropertyPanel::addMapActions(QFormLayout* form) {
  auto* fromCanvas = new QPushButton(tr("Set Extent from Main Map Canvas"));
  fromCanvas->setObjectName(QStringLiteral("extentFromCanvas"));
  fromCanvas->setEnabled(m_canvas != nullptr);
  auto* toCanvas = new QPushButton(tr("Show Extent in Main Map"));
  connect(fromCanvas, &QPushButton::clicked, this, &PropertyPanel::setExtentFromCanvas);
  connect(toCanvas, &QPushButton::clicked, this, [this] {
    const auto* item = m_document->layout().item(m_itemId);
    if (!item || !m_canvas) return;
    const auto parts = QString::fromStdString(item->prop(layout::keys::kExtent)).split(QLatin1Char(','));
    if (parts.size() == 4)
      m_canvas->setExtent(Extent(parts[0].toDouble(), parts[1].toDouble(), parts[2].toDouble(), parts[3].toDouble()));
  });
  m_refreshers.push_back([this, fromCanvas] {
    const auto* item = m_document->layout().item(m_itemId);
    fromCanvas->setEnabled(m_canvas && item && item->prop(layout::keys::kLockExtent) != "true");
  });
  form->addRow(fromCanvas);
  form->addRow(toCanvas);
}

void PropertyPanel::setExtentFromCanvas() {
  const auto* item = m_document->layout().item(m_itemId);
  if (!item || item->type != layout::ItemType::Map || !m_canvas) return;
  const Extent e = m_canvas->extent();
  if (e.isEmpty()) return;
  layout::Item edited = *item;
  edited.props[layout::keys::kExtent] = formatNumber(e.minX()) + "," + formatNumber(e.minY()) + "," +
                                        formatNumber(e.maxX()) + "," + formatNumber(e.maxY());
  m_document->changeItem(tr("Set Map Extent from Canvas"), edited);
}

}  // namespace onemap::designer
