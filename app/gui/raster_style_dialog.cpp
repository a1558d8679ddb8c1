#include "onemap/gui/raster_style_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <filesystem>
#include <limits>

#include "onemap/gui/data_read_pool.h"
#include "onemap/gui/layer_info_page.h"
#include "onemap/gui/project_controller.h"
#include "onemap/raster/band_role.h"
#include "onemap/raster/raster_info.h"
#include "onemap/raster/raster_source.h"
#include "onemap/render/color_ramp.h"
#include "onemap/render/legend.h"

namespace onemap::gui {
namespace {

using Mode = render::RasterStyle::Mode;
using Stretch = render::RasterStyle::Stretch;

struct RangeResult {
  std::vector<std::pair<double, double>> ranges;
  QString error;
};

QDoubleSpinBox* valueSpin(QWidget* parent, const QString& name, bool floatData) {
  auto* spin = new QDoubleSpinBox(parent);
  spin->setObjectName(name);
  spin->setDecimals(floatData ? 4 : 0);
  spin->setRange(-1e12, 1e12);
  spin->setMinimumWidth(90);
  return spin;
}

}  // namespace

RasterStyleDialog::RasterStyleDialog(ProjectController* project, std::string layerId, QWidget* parent)
    : QDialog(parent), m_project(project), m_layerId(std::move(layerId)), m_computeTimer(new QTimer(this)) {
  setObjectName(QStringLiteral("rasterStyleDialog"));
  const int index = m_project->layerIndex(m_layerId);
  const auto& layer = m_project->project().layers[std::size_t(index)];
  m_source = layer.source.string();
  setWindowTitle(tr("Layer Properties — %1").arg(QString::fromStdString(layer.name)));
  if (auto source = raster::RasterSource::open(layer.source)) {
    m_bandCount = source->bandCount();
    for (int b = 1; b <= m_bandCount; ++b) {
      const auto role = source->bandRoles().role(b);
      m_roles.push_back(role == raster::BandRole::Unknown ? std::string() : std::string(raster::bandRoleName(role)));
    }
  }
  // Integer images get whole-number ranges; float images (NDVI…) four decimals.
  raster::RasterInfoOptions infoOptions;
  infoOptions.computeStatistics = false;
  if (auto info = raster::readRasterInfo(layer.source, infoOptions))
    for (const auto& b : info->bands)
      if (b.dataType.find("Float") != std::string::npos) m_floatData = true;
  m_computeTimer->setSingleShot(true);
  m_computeTimer->setInterval(150);
  connect(m_computeTimer, &QTimer::timeout, this, &RasterStyleDialog::startCompute);

  auto* tabs = new QTabWidget(this);
  tabs->addTab(createStyleTab(), tr("Style"));
  tabs->addTab(createInfoTab(), tr("Information"));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    apply();
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &RasterStyleDialog::apply);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(tabs);
  layout->addWidget(buttons);
  loadFromLayer();
}

RasterStyleDialog::~RasterStyleDialog() = default;

QWidget* RasterStyleDialog::createStyleTab() {
  auto* page = new QWidget(this);
  auto* layout = new QVBoxLayout(page);

  auto* presets = new QHBoxLayout;
  presets->addWidget(new QLabel(tr("Presets:"), page));
  const std::pair<Preset, QString> presetNames[] = {
      {Preset::TrueColour, tr("True colour")},
      {Preset::NirFalseColour, tr("NIR false colour")},
      {Preset::SwirFalseColour, tr("SWIR false colour")},
      {Preset::Grey, tr("Single band grey")},
      {Preset::PseudoColour, tr("Pseudo-colour")},
  };
  for (const auto& [preset, name] : presetNames) {
    auto* button = new QPushButton(name, page);
    button->setObjectName(QStringLiteral("preset%1").arg(int(preset)));
    button->setEnabled(presetAvailable(preset));
    const Preset p = preset;
    connect(button, &QPushButton::clicked, this, [this, p] { applyPreset(p); });
    presets->addWidget(button);
    m_presets[preset] = button;
  }
  presets->addStretch(1);
  layout->addLayout(presets);

  auto* form = new QFormLayout;
  m_mode = new QComboBox(page);
  m_mode->setObjectName(QStringLiteral("renderMode"));
  m_mode->addItem(tr("Multiband colour (RGB)"), int(Mode::Rgb));
  m_mode->addItem(tr("Single band grey"), int(Mode::Grey));
  m_mode->addItem(tr("Single band pseudo-colour"), int(Mode::PseudoColor));
  if (m_bandCount < 3) m_mode->setItemData(0, 0, Qt::UserRole - 1);  // disabled
  form->addRow(tr("Render type:"), m_mode);
  layout->addLayout(form);

  auto* bandsBox = new QGroupBox(tr("Bands and display range"), page);
  auto* grid = new QGridLayout(bandsBox);
  grid->addWidget(new QLabel(tr("Band"), bandsBox), 0, 1);
  grid->addWidget(new QLabel(tr("Min"), bandsBox), 0, 2);
  grid->addWidget(new QLabel(tr("Max"), bandsBox), 0, 3);
  for (int c = 0; c < 3; ++c) {
    m_channelLabels[std::size_t(c)] = new QLabel(bandsBox);
    auto* combo = new QComboBox(bandsBox);
    combo->setObjectName(QStringLiteral("band%1").arg(c));
    for (int b = 1; b <= m_bandCount; ++b) {
      const std::string& role = m_roles[std::size_t(b - 1)];
      combo->addItem(role.empty() ? tr("Band %1").arg(b)
                                  : tr("Band %1 — %2").arg(b).arg(render::bandRoleDisplayName(role)),
                     b);
    }
    m_bands[std::size_t(c)] = combo;
    m_min[std::size_t(c)] = valueSpin(bandsBox, QStringLiteral("min%1").arg(c), m_floatData);
    m_max[std::size_t(c)] = valueSpin(bandsBox, QStringLiteral("max%1").arg(c), m_floatData);
    grid->addWidget(m_channelLabels[std::size_t(c)], c + 1, 0);
    grid->addWidget(combo, c + 1, 1);
    grid->addWidget(m_min[std::size_t(c)], c + 1, 2);
    grid->addWidget(m_max[std::size_t(c)], c + 1, 3);
    connect(combo, &QComboBox::currentIndexChanged, this, &RasterStyleDialog::scheduleCompute);
    for (QDoubleSpinBox* spin : {m_min[std::size_t(c)], m_max[std::size_t(c)]}) {
      // A range typed by the user wins over one still being computed.
      connect(spin, &QDoubleSpinBox::editingFinished, this, [this] {
        if (m_computing) cancelCompute();
        m_rangesValid = true;
      });
    }
  }
  m_rampLabel = new QLabel(tr("Colour ramp:"), bandsBox);
  m_ramp = new QComboBox(bandsBox);
  m_ramp->setObjectName(QStringLiteral("ramp"));
  m_ramp->setIconSize(QSize(80, 14));
  for (const auto& name : render::ColorRamp::names())
    m_ramp->addItem(QIcon(QPixmap::fromImage(render::ColorRamp::byName(name).preview(80, 14))),
                    render::ColorRamp::displayName(name), QString::fromStdString(name));
  grid->addWidget(m_rampLabel, 4, 0);
  grid->addWidget(m_ramp, 4, 1, 1, 3);
  layout->addWidget(bandsBox);

  auto* stretchBox = new QGroupBox(tr("Contrast stretch (computed from overviews)"), page);
  auto* stretchGrid = new QGridLayout(stretchBox);
  m_stretch = new QComboBox(stretchBox);
  m_stretch->setObjectName(QStringLiteral("stretch"));
  m_stretch->addItem(tr("Percentile clip"), int(Stretch::Percentile));
  m_stretch->addItem(tr("Minimum / maximum"), int(Stretch::MinMax));
  m_stretch->addItem(tr("Mean ± N standard deviations"), int(Stretch::StdDev));
  m_percentLabel = new QLabel(tr("Percentiles:"), stretchBox);
  m_lowPercent = new QDoubleSpinBox(stretchBox);
  m_lowPercent->setObjectName(QStringLiteral("lowPercent"));
  m_lowPercent->setRange(0, 49);
  m_lowPercent->setSuffix(QStringLiteral(" %"));
  m_highPercent = new QDoubleSpinBox(stretchBox);
  m_highPercent->setObjectName(QStringLiteral("highPercent"));
  m_highPercent->setRange(51, 100);
  m_highPercent->setSuffix(QStringLiteral(" %"));
  m_factorLabel = new QLabel(tr("N (σ):"), stretchBox);
  m_factor = new QDoubleSpinBox(stretchBox);
  m_factor->setObjectName(QStringLiteral("stdDevFactor"));
  m_factor->setRange(0.5, 5);
  m_factor->setSingleStep(0.5);
  auto* recompute = new QPushButton(tr("Recompute"), stretchBox);
  m_status = new QLabel(stretchBox);
  m_cancelCompute = new QPushButton(tr("Cancel"), stretchBox);
  m_cancelCompute->hide();
  stretchGrid->addWidget(new QLabel(tr("Method:"), stretchBox), 0, 0);
  stretchGrid->addWidget(m_stretch, 0, 1, 1, 2);
  stretchGrid->addWidget(recompute, 0, 3);
  stretchGrid->addWidget(m_percentLabel, 1, 0);
  stretchGrid->addWidget(m_lowPercent, 1, 1);
  stretchGrid->addWidget(m_highPercent, 1, 2);
  stretchGrid->addWidget(m_factorLabel, 2, 0);
  stretchGrid->addWidget(m_factor, 2, 1);
  stretchGrid->addWidget(m_status, 3, 0, 1, 3);
  stretchGrid->addWidget(m_cancelCompute, 3, 3);
  layout->addWidget(stretchBox);
  layout->addStretch(1);

  connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
    updateVisibility();
    scheduleCompute();
  });
  connect(m_stretch, &QComboBox::currentIndexChanged, this, [this] {
    updateVisibility();
    scheduleCompute();
  });
  connect(m_lowPercent, &QDoubleSpinBox::valueChanged, this, &RasterStyleDialog::scheduleCompute);
  connect(m_highPercent, &QDoubleSpinBox::valueChanged, this, &RasterStyleDialog::scheduleCompute);
  connect(m_factor, &QDoubleSpinBox::valueChanged, this, &RasterStyleDialog::scheduleCompute);
  connect(recompute, &QPushButton::clicked, this, &RasterStyleDialog::startCompute);
  connect(m_cancelCompute, &QPushButton::clicked, this, &RasterStyleDialog::cancelCompute);
  return page;
}

QWidget* RasterStyleDialog::createInfoTab() {
  return new LayerInfoPage(m_project->project().layers[std::size_t(m_project->layerIndex(m_layerId))], this);
}

int RasterStyleDialog::bandForRole(const std::string& role) const {
  for (std::size_t i = 0; i < m_roles.size(); ++i)
    if (m_roles[i] == role) return int(i) + 1;
  return 0;
}

std::string RasterStyleDialog::bandSpec(int band) const {
  if (band >= 1 && band <= int(m_roles.size()) && !m_roles[std::size_t(band - 1)].empty())
    return m_roles[std::size_t(band - 1)];
  return std::to_string(band);
}

bool RasterStyleDialog::presetAvailable(Preset preset) const {
  switch (preset) {
    case Preset::TrueColour:
      return bandForRole("red") && bandForRole("green") && bandForRole("blue");
    case Preset::NirFalseColour:
      return bandForRole("nir") && bandForRole("red") && bandForRole("green");
    case Preset::SwirFalseColour:
      return bandForRole("swir1") && bandForRole("nir") && bandForRole("red");
    case Preset::Grey:
    case Preset::PseudoColour:
      return m_bandCount >= 1;
  }
  return false;
}

bool RasterStyleDialog::applyPreset(Preset preset) {
  if (!presetAvailable(preset)) return false;
  switch (preset) {
    case Preset::TrueColour:
      setMode(Mode::Rgb);
      setBands({bandForRole("red"), bandForRole("green"), bandForRole("blue")});
      break;
    case Preset::NirFalseColour:
      setMode(Mode::Rgb);
      setBands({bandForRole("nir"), bandForRole("red"), bandForRole("green")});
      break;
    case Preset::SwirFalseColour:
      setMode(Mode::Rgb);
      setBands({bandForRole("swir1"), bandForRole("nir"), bandForRole("red")});
      break;
    case Preset::Grey:
      setMode(Mode::Grey);
      setBands({bandForRole("nir") ? bandForRole("nir") : 1});
      break;
    case Preset::PseudoColour:
      setMode(Mode::PseudoColor);
      if (m_bandCount == 1) setBands({1});
      setRamp("rdylgn");
      break;
  }
  return true;
}

void RasterStyleDialog::setMode(Mode mode) {
  m_mode->setCurrentIndex(m_mode->findData(int(mode)));
  updateVisibility();
}

void RasterStyleDialog::setBands(const std::vector<int>& bands) {
  for (std::size_t c = 0; c < bands.size() && c < 3; ++c) {
    const int i = m_bands[c]->findData(bands[c]);
    if (i >= 0) m_bands[c]->setCurrentIndex(i);
  }
  scheduleCompute();
}

void RasterStyleDialog::setStretch(Stretch method, double lowPercent, double highPercent, double stdDevFactor) {
  m_stretch->setCurrentIndex(m_stretch->findData(int(method)));
  m_lowPercent->setValue(lowPercent);
  m_highPercent->setValue(highPercent);
  m_factor->setValue(stdDevFactor);
  updateVisibility();
  scheduleCompute();
}

void RasterStyleDialog::setRange(int channel, double min, double max) {
  if (channel < 0 || channel > 2) return;
  cancelCompute();
  m_min[std::size_t(channel)]->setValue(min);
  m_max[std::size_t(channel)]->setValue(max);
  m_rangesValid = true;
}

void RasterStyleDialog::setRamp(const std::string& ramp) {
  const int i = m_ramp->findData(QString::fromStdString(ramp));
  if (i >= 0) m_ramp->setCurrentIndex(i);
}

void RasterStyleDialog::updateVisibility() {
  const auto mode = Mode(m_mode->currentData().toInt());
  const bool rgb = mode == Mode::Rgb;
  const QString names[] = {tr("Red"), tr("Green"), tr("Blue")};
  for (int c = 0; c < 3; ++c) {
    const bool shown = rgb || c == 0;
    m_channelLabels[std::size_t(c)]->setText(rgb ? names[c] : tr("Band"));
    m_channelLabels[std::size_t(c)]->setVisible(shown);
    m_bands[std::size_t(c)]->setVisible(shown);
    m_min[std::size_t(c)]->setVisible(shown);
    m_max[std::size_t(c)]->setVisible(shown);
  }
  m_rampLabel->setVisible(mode == Mode::PseudoColor);
  m_ramp->setVisible(mode == Mode::PseudoColor);
  const auto stretch = Stretch(m_stretch->currentData().toInt());
  m_percentLabel->setVisible(stretch == Stretch::Percentile);
  m_lowPercent->setVisible(stretch == Stretch::Percentile);
  m_highPercent->setVisible(stretch == Stretch::Percentile);
  m_factorLabel->setVisible(stretch == Stretch::StdDev);
  m_factor->setVisible(stretch == Stretch::StdDev);
}

void RasterStyleDialog::loadFromLayer() {
  m_loading = true;
  const int index = m_project->layerIndex(m_layerId);
  const auto& layer = m_project->project().layers[std::size_t(index)];
  const auto style = render::RasterStyle::fromProperties(layer.style);
  auto resolve = [this](const std::string& spec) {
    if (!spec.empty() && std::isdigit(static_cast<unsigned char>(spec[0]))) return std::atoi(spec.c_str());
    const auto role = raster::parseBandRole(spec);
    return role ? bandForRole(std::string(raster::bandRoleName(*role))) : 0;
  };
  std::vector<int> bands;
  if (style.mode == Mode::PseudoColor) {
    bands.push_back(resolve(!style.band.empty() ? style.band : !style.bandSpecs.empty() ? style.bandSpecs[0] : "1"));
  } else if (!style.bandSpecs.empty()) {
    for (const auto& spec : style.bandSpecs) bands.push_back(resolve(spec));
  } else if (presetAvailable(Preset::TrueColour)) {
    bands = {bandForRole("red"), bandForRole("green"), bandForRole("blue")};
  } else {
    bands = m_bandCount >= 3 ? std::vector<int>{1, 2, 3} : std::vector<int>{1};
  }
  Mode mode = style.mode;
  if (mode == Mode::Rgb && (bands.size() < 3 || m_bandCount < 3)) mode = Mode::Grey;
  setMode(mode);
  setBands(bands);
  setRamp(style.ramp);
  setStretch(style.stretch, style.lowPercent, style.highPercent, style.stdDevFactor);
  m_loading = false;
  m_computeTimer->stop();
  if (mode == Mode::PseudoColor && style.min && style.max) {
    setRange(0, *style.min, *style.max);
  } else if (mode != Mode::PseudoColor && !style.stretchValues.empty() &&
             style.stretchValues.size() == (mode == Mode::Rgb ? 3u : 1u)) {
    for (std::size_t c = 0; c < style.stretchValues.size(); ++c)
      setRange(int(c), style.stretchValues[c].first, style.stretchValues[c].second);
  } else {
    startCompute();
  }
}

std::vector<int> RasterStyleDialog::currentBands() const {
  const auto mode = Mode(m_mode->currentData().toInt());
  std::vector<int> out;
  for (int c = 0; c < (mode == Mode::Rgb ? 3 : 1); ++c) out.push_back(m_bands[std::size_t(c)]->currentData().toInt());
  return out;
}

void RasterStyleDialog::scheduleCompute() {
  if (m_loading) return;
  ++m_generation;  // a computation in flight is for settings that no longer apply
  m_rangesValid = false;
  m_computeTimer->start();
}

bool RasterStyleDialog::isComputing() const { return m_computing || m_computeTimer->isActive(); }

void RasterStyleDialog::cancelCompute() {
  ++m_generation;
  m_computeTimer->stop();
  m_computing = false;
  m_status->clear();
  m_cancelCompute->hide();
}

void RasterStyleDialog::startCompute() {
  m_computeTimer->stop();
  const std::vector<int> bands = currentBands();
  if (bands.empty() || std::find(bands.begin(), bands.end(), 0) != bands.end()) {
    m_computing = false;
    return;
  }
  render::RasterStyle style;
  style.stretch = Stretch(m_stretch->currentData().toInt());
  style.lowPercent = m_lowPercent->value();
  style.highPercent = m_highPercent->value();
  style.stdDevFactor = m_factor->value();
  const int generation = ++m_generation;
  m_computing = true;
  m_rangesValid = false;
  m_status->setText(tr("Computing statistics from overviews…"));
  m_cancelCompute->show();
  auto* watcher = new QFutureWatcher<RangeResult>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    if (generation != m_generation) return;
    const RangeResult result = watcher->result();
    m_computing = false;
    m_cancelCompute->hide();
    if (!result.error.isEmpty()) {
      m_status->setText(tr("Could not compute statistics: %1").arg(result.error));
      return;
    }
    m_status->clear();
    for (std::size_t c = 0; c < result.ranges.size() && c < 3; ++c) {
      m_min[c]->setValue(result.ranges[c].first);
      m_max[c]->setValue(result.ranges[c].second);
    }
    m_rangesValid = true;
    emit rangesComputed();
  });
  const std::filesystem::path path = m_source;
  watcher->setFuture(QtConcurrent::run(dataReadPool(), [path, bands, style] {
    RangeResult out;
    auto source = raster::RasterSource::open(path);
    if (!source) {
      out.error = QString::fromStdString(source.error().text());
      return out;
    }
    auto ranges = render::computeDisplayRanges(*source, bands, style);
    if (!ranges) out.error = QString::fromStdString(ranges.error().text());
    else out.ranges = *ranges;
    return out;
  }));
}

std::map<std::string, std::string> RasterStyleDialog::styleProperties() const {
  const int index = m_project->layerIndex(m_layerId);
  std::map<std::string, std::string> properties;
  if (index >= 0) properties = m_project->project().layers[std::size_t(index)].style;
  render::RasterStyle style;
  style.mode = Mode(m_mode->currentData().toInt());
  style.stretch = Stretch(m_stretch->currentData().toInt());
  style.lowPercent = m_lowPercent->value();
  style.highPercent = m_highPercent->value();
  style.stdDevFactor = m_factor->value();
  const auto bands = currentBands();
  if (style.mode == Mode::PseudoColor) {
    style.band = bandSpec(bands.front());
    style.ramp = m_ramp->currentData().toString().toStdString();
    if (m_rangesValid) {
      style.min = m_min[0]->value();
      style.max = m_max[0]->value();
    }
  } else {
    for (int b : bands) style.bandSpecs.push_back(bandSpec(b));
    if (m_rangesValid)
      for (std::size_t c = 0; c < bands.size(); ++c) style.stretchValues.emplace_back(m_min[c]->value(), m_max[c]->value());
  }
  style.writeTo(properties);
  return properties;
}

void RasterStyleDialog::apply() {
  const int index = m_project->layerIndex(m_layerId);
  if (index < 0) return;
  m_project->setLayerStyle(index, styleProperties());
}

}  // namespace onemap::gui
