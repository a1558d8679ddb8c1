#pragma once

#include <QObject>

#include "onemap/gui/analysis_plugin.h"

namespace onemap::plugins {

/// The change-detection analysis (issue 5) as a Qt plugin: Analysis ▸ Detect Cropland Change…
/// (the dialog), Analysis ▸ Open Change Patches… (review an earlier result) and the results panel;
/// a finished run adds its patch layer to the project, styled by change type.
class ChangeDetectionPlugin : public QObject, public gui::AnalysisPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID OneMapAnalysisPlugin_iid)
  Q_INTERFACES(onemap::gui::AnalysisPlugin)
 public:
  QString pluginName() const override { return QStringLiteral("change detection"); }
  void install(const gui::WindowContext& context) override;
};

}  // namespace onemap::plugins
