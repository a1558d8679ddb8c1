#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace onemap::gui {

/// Settings ▸ Options…: interface language (saved as "ui/language", applied at the next start),
/// whether to offer building overviews for large rasters, and the autosave interval. Reads and
/// writes QSettings; modal, GUI thread.
class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit SettingsDialog(QWidget* parent = nullptr);

  /// Writes the choices to QSettings; true when the language changed (a restart applies it).
  bool apply();

  // QSettings keys and defaults shared with the features that read them.
  static constexpr const char* kLanguageKey = "ui/language";
  static constexpr const char* kAskOverviewsKey = "raster/askBuildOverviews";
  static constexpr const char* kAutosaveMinutesKey = "project/autosaveMinutes";
  static constexpr int kDefaultAutosaveMinutes = 2;
  /// Autosave interval in minutes from the settings (0 = off).
  static int autosaveMinutes();
  /// Whether to offer building overviews when a large raster without them is added.
  static bool askBuildOverviews();

  /// Shows the dialog; after a language change offers to restart the application now (reopening
  /// `projectFile` when given; the window's close handling asks about unsaved changes first).
  static void showOptions(QWidget* parent, const QString& projectFile = {});

 private:
  QComboBox* m_language;
  QCheckBox* m_askOverviews;
  QSpinBox* m_autosave;
};

}  // namespace onemap::gui
