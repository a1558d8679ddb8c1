#pragma once

#include <QString>
#include <QtPlugin>

#include "onemap/gui/window_context.h"

namespace onemap::gui {

/// A thematic analysis delivered as a Qt plugin: it adds its commands (menu actions, docks) to a
/// main window. Implementations are QObjects with Q_PLUGIN_METADATA(IID OneMapAnalysisPlugin_iid)
/// and Q_INTERFACES(onemap::gui::AnalysisPlugin); the shell installs every plugin it finds.
class AnalysisPlugin {
 public:
  virtual ~AnalysisPlugin() = default;
  /// A short English name for logs ("change detection").
  virtual QString pluginName() const = 0;
  /// Adds the plugin's actions to `context`'s menus; objects it creates are owned by context.window.
  virtual void install(const WindowContext& context) = 0;
};

}  // namespace onemap::gui

#define OneMapAnalysisPlugin_iid "org.onemapagri.AnalysisPlugin/1.0"
Q_DECLARE_INTERFACE(onemap::gui::AnalysisPlugin, OneMapAnalysisPlugin_iid)
