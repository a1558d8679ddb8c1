#pragma once

#include <QDialog>

#include <array>
#include <map>
#include <string>
#include <vector>

#include "onemap/render/raster_style.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTimer;

namespace onemap::gui {

class ProjectController;

/// Style and properties of a raster layer: RGB composite from band roles (true colour, NIR and
/// SWIR false colour presets), single band grey or pseudo-colour with a named ramp, stretch by
/// min/max, percentile or mean ± N·σ computed from overviews on a worker thread, editable
/// min/max per channel; plus source, CRS and size. Writes the layer's style map through
/// ProjectController::setLayerStyle on Apply/OK. Non-modal; GUI thread only.
class RasterStyleDialog : public QDialog {
  Q_OBJECT
 public:
  enum class Preset { TrueColour, NirFalseColour, SwirFalseColour, Grey, PseudoColour };

  RasterStyleDialog(ProjectController* project, std::string layerId, QWidget* parent = nullptr);
  ~RasterStyleDialog() override;

  /// Sets bands and mode for a preset; false (and nothing changes) when the raster lacks a band
  /// the preset needs (e.g. no SWIR band).
  bool applyPreset(Preset preset);
  bool presetAvailable(Preset preset) const;
  void setMode(render::RasterStyle::Mode mode);
  /// 1-based band per channel (one value for grey and pseudo-colour).
  void setBands(const std::vector<int>& bands);
  void setStretch(render::RasterStyle::Stretch method, double lowPercent = 2.0, double highPercent = 98.0,
                  double stdDevFactor = 2.0);
  /// Display range of channel 0..2 (0 for single band modes).
  void setRange(int channel, double min, double max);
  void setRamp(const std::string& ramp);

  /// The layer's style map as the dialog shows it now (other keys of the layer kept).
  std::map<std::string, std::string> styleProperties() const;
  /// True while display ranges are being computed on a worker thread.
  bool isComputing() const;
  /// Writes the style to the layer.
  void apply();

 signals:
  /// Display ranges for the current bands and stretch arrived (the min/max fields are filled).
  void rangesComputed();

 private:
  QWidget* createStyleTab();
  QWidget* createInfoTab();
  void loadFromLayer();
  void updateVisibility();
  void scheduleCompute();
  void startCompute();
  void cancelCompute();
  std::vector<int> currentBands() const;
  std::string bandSpec(int band) const;
  int bandForRole(const std::string& role) const;

  ProjectController* m_project;
  std::string m_layerId;
  std::string m_source;
  std::vector<std::string> m_roles;  ///< role id per band ("" unknown)
  int m_bandCount = 0;
  bool m_floatData = false;

  QComboBox* m_mode;
  std::array<QLabel*, 3> m_channelLabels{};
  std::array<QComboBox*, 3> m_bands{};
  std::array<QDoubleSpinBox*, 3> m_min{};
  std::array<QDoubleSpinBox*, 3> m_max{};
  QLabel* m_rampLabel;
  QComboBox* m_ramp;
  QComboBox* m_stretch;
  QLabel* m_percentLabel;
  QDoubleSpinBox* m_lowPercent;
  QDoubleSpinBox* m_highPercent;
  QLabel* m_factorLabel;
  QDoubleSpinBox* m_factor;
  QLabel* m_status;
  QPushButton* m_cancelCompute;
  std::map<Preset, QPushButton*> m_presets;
  QTimer* m_computeTimer;
  bool m_computing = false;
  bool m_rangesValid = false;
  bool m_loading = false;
  int m_generation = 0;
};

}  // namespace onemap::gui
