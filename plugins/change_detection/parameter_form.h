#pragma once

#include <QWidget>

#include <map>
#include <string>
#include <vector>

#include "onemap/change/change_parameters.h"

class QFormLayout;

namespace onemap::plugins {

/// Editors for the change detector's declared parameters (change::parameterSpecs()): a spin box
/// per number, a check box per switch, labels and tool tips from the declaration, defaults
/// preset. The CLI options come from the same list. GUI thread only.
class ParameterForm : public QWidget {
  Q_OBJECT
 public:
  explicit ParameterForm(QWidget* parent = nullptr);

  /// The current values as name → text (what ChangeParameters::fromValues reads).
  std::map<std::string, std::string> values() const;
  /// Sets one parameter's editor from text (for tests and remembered settings).
  void setValue(const std::string& name, const QString& value);
  /// Back to the declared defaults.
  void resetDefaults();

 private:
  struct Editor {
    change::ParameterSpec spec;
    QWidget* widget = nullptr;
  };
  std::vector<Editor> m_editors;
};

}  // namespace onemap::plugins
