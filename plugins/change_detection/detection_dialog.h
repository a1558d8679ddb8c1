#pragma once

#include <QDialog>
#include <QFutureWatcher>

#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/change/change_detector.h"
#include "onemap/gui/window_context.h"
#include "image_inspection.h"

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
///
/// The images are inspected (band roles, acquisition date, CRS and pixel size in metres) on a
/// worker thread, never on the GUI thread: the labels say "Reading…" meanwhile, and a newer
/// selection abandons the result of an older one. The first inspection reads every raster of
/// the project and proposes the earlier and later image by acquisition date when the dates are
/// known (layer order otherwise); a label warns when the chosen earlier image is not dated
/// before the later one.
class DetectionDialog : public QDialog {
  Q_OBJECT
 public:
  /// Reads one image for the labels; called on a worker thread.
  using ImageInspector = std::function<ImageFacts(const std::filesystem::path&)>;

  DetectionDialog(const gui::WindowContext& context, QWidget* parent);
  ~DetectionDialog() override;

  /// The inputs as currently chosen (for tests); errors name what is missing.
  Result<change::ChangeInputs> inputs() const;
  ParameterForm* parameterForm() const { return m_parameters; }
  QLineEdit* outputEdit() const { return m_output; }
  /// Starts the run (what the Run button does); false when the inputs are not complete.
  bool run();
  bool isRunning() const { return m_watcher != nullptr; }

  /// True while the images chosen are being read (their labels say "Reading…").
  bool isInspecting() const { return m_inspection != nullptr; }
  /// Replaces how an image is read for the labels (tests); used from the next selection on.
  void setImageInspector(ImageInspector inspector) { m_inspector = std::move(inspector); }
  /// What was read of the chosen images; nullopt while reading.
  const std::optional<ImageFacts>& beforeFacts() const { return m_beforeFacts; }
  const std::optional<ImageFacts>& afterFacts() const { return m_afterFacts; }
  /// The labels under the images, the grid line and the date warning (for tests).
  QLabel* beforeInfoLabel() const { return m_beforeRoles; }
  QLabel* afterInfoLabel() const { return m_afterRoles; }
  QLabel* gridLabel() const { return m_grid; }
  QLabel* dateWarningLabel() const { return m_dateWarning; }

 signals:
  /// The chosen images were read and the labels show them (emitted only for the current selection).
  void imagesInspected();
  /// A run ended with patches written to `output` (the summary as the detector gave it), from
  /// the project layers `beforeLayer` and `afterLayer`.
  void detected(const change::ChangeSummary& summary, const std::filesystem::path& output,
                const QString& beforeLayer, const QString& afterLayer);

 protected:
  void reject() override;
  void showEvent(QShowEvent* event) override;

 private:
  /// Layer id → what was read of that image.
  using Inspection = std::map<QString, ImageFacts>;

  void fillLayers();
  std::filesystem::path defaultOutput() const;
  /// Reads the chosen images (`survey`: every raster of the project, to propose the pair by
  /// date) on a worker thread; a read still running for an older selection is abandoned.
  void inspectImages(bool survey);
  void inspectionFinished(const Inspection& result, bool survey);
  void proposeByDate(const Inspection& result);
  void showFacts();
  void growToFit();
  void browseOutput();
  void runFinished();

  gui::WindowContext m_context;
  QComboBox* m_before;
  QComboBox* m_after;
  QLabel* m_beforeRoles;
  QLabel* m_afterRoles;
  QLineEdit* m_beforeBands;
  QLineEdit* m_afterBands;
  QLabel* m_grid;
  QLabel* m_dateWarning;
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
  QString m_runningBefore;
  QString m_runningAfter;
  bool m_overwriteConfirmed = false;
  QString m_defaultOutput;  ///< the output proposed from the later image's folder
  ImageInspector m_inspector = inspectImage;
  std::unique_ptr<QFutureWatcher<Inspection>> m_inspection;
  std::optional<ImageFacts> m_beforeFacts;
  std::optional<ImageFacts> m_afterFacts;
  bool m_proposeByDate = true;  ///< until the user chooses an image or runs
};

}  // namespace onemap::plugins
