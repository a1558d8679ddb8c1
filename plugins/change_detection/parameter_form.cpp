#include "parameter_form.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

#include <cmath>

namespace onemap::plugins {
namespace {

// The declaration lives in core (English, no Qt); its texts are listed here for lupdate and
// translated at run time by their English text, so a renamed label shows up as untranslated.
[[maybe_unused]] constexpr const char* kDeclaredTexts[] = {
    QT_TRANSLATE_NOOP("ParameterSpec", "Minimum patch area (m²)"),
    QT_TRANSLATE_NOOP("ParameterSpec",
                      "Patches smaller than this are dropped (三调 minimum mapping unit for agricultural land: 400 m²)."),
    QT_TRANSLATE_NOOP("ParameterSpec", "Sensitivity"),
    QT_TRANSLATE_NOOP("ParameterSpec",
                      "Scales the automatic (Otsu) change threshold: above 1 finds more change, below 1 fewer false alarms."),
    QT_TRANSLATE_NOOP("ParameterSpec", "Tree texture threshold"),
    QT_TRANSLATE_NOOP("ParameterSpec",
                      "Rise of the relative NIR crown texture (5 × 5, in the direction of least variation) above which "
                      "vegetation counts as newly planted trees/orchard."),
    QT_TRANSLATE_NOOP("ParameterSpec", "Memory limit (MB)"),
    QT_TRANSLATE_NOOP("ParameterSpec", "Upper bound for the memory a run uses; the images are streamed in blocks that fit."),
    QT_TRANSLATE_NOOP("ParameterSpec", "Threads"),
    QT_TRANSLATE_NOOP("ParameterSpec", "Worker threads for the block computations."),
    QT_TRANSLATE_NOOP("ParameterSpec", "Flag bare soil (推土)"),
    QT_TRANSLATE_NOOP("ParameterSpec",
                      "Also report cropland turned to bare soil; off by default because harvest looks the same."),
    QT_TRANSLATE_NOOP("ParameterSpec", "Mask clouds and shadows"),
    QT_TRANSLATE_NOOP("ParameterSpec", "Ignore pixels that are cloud or cloud shadow on either date."),
    QT_TRANSLATE_NOOP("ParameterSpec", "Report all change (其他)"),
    QT_TRANSLATE_NOOP("ParameterSpec",
                      "Also report strong change that converts no cropland (regrowth, water receding, built ground "
                      "rebuilt) as BHLX 其他; for comparing with references that label every change."),
};

QString translated(const std::string& text) { return QCoreApplication::translate("ParameterSpec", text.c_str()); }

}  // namespace

ParameterForm::ParameterForm(QWidget* parent) : QWidget(parent) {
  auto* layout = new QFormLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  for (const auto& spec : change::parameterSpecs()) {
    Editor editor{spec, nullptr};
    switch (spec.type) {
      case change::ParameterSpec::Type::Boolean:
        editor.widget = new QCheckBox(this);
        break;
      case change::ParameterSpec::Type::Integer: {
        auto* box = new QSpinBox(this);
        box->setRange(int(spec.minimum), int(spec.maximum));
        editor.widget = box;
        break;
      }
      case change::ParameterSpec::Type::Number: {
        auto* box = new QDoubleSpinBox(this);
        box->setRange(spec.minimum, spec.maximum);
        const double span = spec.maximum - spec.minimum;
        box->setDecimals(span > 1000 ? 0 : 2);
        box->setSingleStep(span > 1000 ? 100.0 : 0.05);
        editor.widget = box;
        break;
      }
    }
    editor.widget->setObjectName(QString::fromStdString(spec.name));
    editor.widget->setToolTip(translated(spec.help));
    layout->addRow(translated(spec.label), editor.widget);
    m_editors.push_back(editor);
  }
  resetDefaults();
}

void ParameterForm::resetDefaults() {
  for (const auto& e : m_editors) {
    if (auto* check = qobject_cast<QCheckBox*>(e.widget)) check->setChecked(e.spec.defaultValue != 0.0);
    else if (auto* spin = qobject_cast<QSpinBox*>(e.widget)) spin->setValue(int(e.spec.defaultValue));
    else if (auto* number = qobject_cast<QDoubleSpinBox*>(e.widget)) number->setValue(e.spec.defaultValue);
  }
}

std::map<std::string, std::string> ParameterForm::values() const {
  std::map<std::string, std::string> out;
  for (const auto& e : m_editors) {
    if (auto* check = qobject_cast<QCheckBox*>(e.widget)) out[e.spec.name] = check->isChecked() ? "true" : "false";
    else if (auto* spin = qobject_cast<QSpinBox*>(e.widget)) out[e.spec.name] = std::to_string(spin->value());
    else if (auto* number = qobject_cast<QDoubleSpinBox*>(e.widget))
      out[e.spec.name] = QString::number(number->value(), 'g', 10).toStdString();
  }
  return out;
}

void ParameterForm::setValue(const std::string& name, const QString& value) {
  for (const auto& e : m_editors) {
    if (e.spec.name != name) continue;
    if (auto* check = qobject_cast<QCheckBox*>(e.widget))
      check->setChecked(value == QLatin1String("true") || value == QLatin1String("1"));
    else if (auto* spin = qobject_cast<QSpinBox*>(e.widget)) spin->setValue(value.toInt());
    else if (auto* number = qobject_cast<QDoubleSpinBox*>(e.widget)) number->setValue(value.toDouble());
  }
}

}  // namespace onemap::plugins
