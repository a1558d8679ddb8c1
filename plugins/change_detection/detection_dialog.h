#pragma once

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/change/change_detector.h"
#include "onemap/gui/window_context.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace onemap::plugins {

class ParameterForm;

/// The "Detect Cropland Change" dialog: before/after images from the project's rasters (with
/// their band roles), cropland, farmland, village and red-line layers from its vector layers,
/// the detector's declared parameters and the output GeoPackage. Runs the detector in the
/// background with progress and Cancel; on success emits finished() with the result.
class DetectionDialog : public QDialog {
  Q_OBJECT
 public:
  DetectionDialog(const gui::WindowContext& context, QWidget* parent);
  ~DetectionDialog() override;

  /// The inputs as currently chosen (for tests); errors name what is missing.
  Result<change::ChangeInputs> inputs() const;
  ParameterForm* parameterForm() const { return m_parameters; }
  QLineEdit* outputEdit() const { return m_output; }
  /// Starts the run (what the Run button does); false when the inputs are not complete.
  bool run();
  bool isRunning() const { return m_watcher != nullptr; }

 signals:
  /// A run ended with patches written to `output` (the summary as the detector gave it), from
  /// the project layers `beforeLayer` and `afterLayer`.
  void detected(const change::ChangeSummary& summary, const std::filesystem::path& output,
                const QString& beforeLayer, const QString& afterLayer);

 protected:
  void reject() override;

 private:
  void fillLayers();
  void updateBandRoles();
  void browseOutput();
  void runFinished();

  gui::WindowContext m_context;
  QComboBox* m_before;
  QComboBox* m_after;
  QLabel* m_beforeRoles;
  QLabel* m_afterRoles;
  QLineEdit* m_beforeBands;
  QLineEdit* m_afterBands;
  QComboBox* m_cropland;
  QComboBox* m_pbf;
  QComboBox* m_villages;
  QComboBox* m_redLine;
  ParameterForm* m_parameters;
  QLineEdit* m_output;
  QProgressBar* m_progress;
  QLabel* m_status;
  QPushButton* m_runButton;
  QPushButton* m_cancelButton;
  QTimer* m_poll;
  Feedback m_feedback;
  QFutureWatcher<Result<change::ChangeSummary>>* m_watcher = nullptr;
  std::filesystem::path m_running;
  bool m_overwriteConfirmed = false;
};

}  // namespace onemap::plugins
