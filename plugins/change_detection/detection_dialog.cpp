#include "detection_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

#include "onemap/gui/project_controller.h"
#include "onemap/raster/raster_source.h"
#include "parameter_form.h"

namespace onemap::plugins {
namespace {

/// The first layer whose layer or display name contains one of `hints` (case-insensitive).
int guessIndex(const QComboBox* box, const QStringList& hints, int fallback) {
  for (const QString& hint : hints)
    for (int i = 0; i < box->count(); ++i)
      if (box->itemText(i).contains(hint, Qt::CaseInsensitive) ||
          box->itemData(i, Qt::UserRole + 1).toString().compare(hint, Qt::CaseInsensitive) == 0)
        return i;
  return fallback;
}

}  // namespace

DetectionDialog::DetectionDialog(const gui::WindowContext& context, QWidget* parent)
    : QDialog(parent),
      m_context(context),
      m_before(new QComboBox(this)),
      m_after(new QComboBox(this)),
      m_beforeRoles(new QLabel(this)),
      m_afterRoles(new QLabel(this)),
      m_beforeBands(new QLineEdit(this)),
      m_afterBands(new QLineEdit(this)),
      m_cropland(new QComboBox(this)),
      m_pbf(new QComboBox(this)),
      m_villages(new QComboBox(this)),
      m_redLine(new QComboBox(this)),
      m_parameters(new ParameterForm(this)),
      m_output(new QLineEdit(this)),
      m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)),
      m_runButton(new QPushButton(tr("&Run"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)),
      m_poll(new QTimer(this)) {
  setWindowTitle(tr("Detect Cropland Change (非农化 / 非粮化)"));
  setMinimumWidth(640);
  auto* layout = new QVBoxLayout(this);

  auto* images = new QGroupBox(tr("Images"), this);
  auto* imageForm = new QFormLayout(images);
  for (QLineEdit* bands : {m_beforeBands, m_afterBands})
    bands->setPlaceholderText(tr("band roles as guessed; override e.g. blue=1,green=2,red=3,nir=4"));
  imageForm->addRow(tr("Earlier image (前时相):"), m_before);
  imageForm->addRow(QString(), m_beforeRoles);
  imageForm->addRow(tr("Band roles:"), m_beforeBands);
  imageForm->addRow(tr("Later image (后时相):"), m_after);
  imageForm->addRow(QString(), m_afterRoles);
  imageForm->addRow(tr("Band roles:"), m_afterBands);
  layout->addWidget(images);

  auto* layers = new QGroupBox(tr("Layers"), this);
  auto* layerForm = new QFormLayout(layers);
  layerForm->addRow(tr("Cropland (耕地, DLTB):"), m_cropland);
  layerForm->addRow(tr("Permanent basic farmland:"), m_pbf);
  layerForm->addRow(tr("Village boundaries:"), m_villages);
  layerForm->addRow(tr("Ecological red line:"), m_redLine);
  layout->addWidget(layers);

  auto* parameters = new QGroupBox(tr("Parameters"), this);
  auto* parameterLayout = new QVBoxLayout(parameters);
  parameterLayout->addWidget(m_parameters);
  layout->addWidget(parameters);

  auto* outputRow = new QHBoxLayout;
  auto* browse = new QPushButton(tr("Browse…"), this);
  outputRow->addWidget(new QLabel(tr("Output GeoPackage:"), this));
  outputRow->addWidget(m_output, 1);
  outputRow->addWidget(browse);
  layout->addLayout(outputRow);

  m_progress->setRange(0, 100);
  m_progress->hide();
  m_status->setWordWrap(true);
  layout->addWidget(m_progress);
  layout->addWidget(m_status);

  auto* buttons = new QDialogButtonBox(this);
  buttons->addButton(m_runButton, QDialogButtonBox::AcceptRole);
  buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);
  layout->addWidget(buttons);

  fillLayers();
  connect(m_before, &QComboBox::currentIndexChanged, this, &DetectionDialog::updateBandRoles);
  connect(m_after, &QComboBox::currentIndexChanged, this, &DetectionDialog::updateBandRoles);
  connect(browse, &QPushButton::clicked, this, &DetectionDialog::browseOutput);
  connect(m_output, &QLineEdit::textEdited, this, [this] { m_overwriteConfirmed = false; });
  connect(m_runButton, &QPushButton::clicked, this, &DetectionDialog::run);
  connect(m_cancelButton, &QPushButton::clicked, this, &DetectionDialog::reject);
  connect(m_poll, &QTimer::timeout, this, [this] {
    m_progress->setValue(int(m_feedback.progress() * 100.0));
    const std::string step = m_feedback.step();
    if (!step.empty()) m_status->setText(tr("Running: %1").arg(QString::fromStdString(step)));
  });
  updateBandRoles();
}

DetectionDialog::~DetectionDialog() {
  if (m_watcher) {
    m_feedback.cancel();
    m_watcher->waitForFinished();
  }
}

void DetectionDialog::fillLayers() {
  const auto& layers = m_context.project->project().layers;
  // Without a cropland layer every pixel is a candidate (as `onemap-cli detect` without --cropland);
  // it is the default unless a layer looks like 三调 land use or cropland.
  m_cropland->addItem(tr("(none: every pixel is a candidate)"), QString());
  for (QComboBox* optional : {m_pbf, m_villages, m_redLine}) optional->addItem(tr("(none)"), QString());
  // Top-most layer first, as in the Layers panel.
  for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
    const QString name = QString::fromStdString(it->name);
    const QString id = QString::fromStdString(it->id);
    if (it->kind == project::LayerKind::Raster) {
      m_before->addItem(name, id);
      m_after->addItem(name, id);
      continue;
    }
    for (QComboBox* box : {m_cropland, m_pbf, m_villages, m_redLine}) {
      box->addItem(name, id);
      box->setItemData(box->count() - 1, QString::fromStdString(it->layerName), Qt::UserRole + 1);
    }
  }
  // The later image is usually the top raster, the earlier the one below it.
  m_after->setCurrentIndex(0);
  m_before->setCurrentIndex(m_before->count() > 1 ? 1 : 0);
  m_cropland->setCurrentIndex(guessIndex(m_cropland, {QStringLiteral("DLTB"), QStringLiteral("地类图斑"), QStringLiteral("耕地")}, 0));
  m_pbf->setCurrentIndex(guessIndex(m_pbf, {QStringLiteral("YJJBNTTB"), QStringLiteral("永久基本农田")}, 0));
  m_villages->setCurrentIndex(guessIndex(m_villages, {QStringLiteral("CJDCQ"), QStringLiteral("村")}, 0));
  m_redLine->setCurrentIndex(guessIndex(m_redLine, {QStringLiteral("STBHHX"), QStringLiteral("红线")}, 0));
  if (m_before->count() > 0) {
    const int index = m_context.project->layerIndex(m_after->currentData().toString().toStdString());
    if (index >= 0) {
      const auto folder = std::filesystem::absolute(layers[std::size_t(index)].source).parent_path();
      std::filesystem::path out = folder / "change_patches.gpkg";
      for (int n = 2; std::filesystem::exists(out); ++n) out = folder / ("change_patches_" + std::to_string(n) + ".gpkg");
      m_output->setText(QString::fromStdString(out.string()));
    }
  }
}

void DetectionDialog::updateBandRoles() {
  const auto roles = [this](QComboBox* box, QLabel* label) {
    const int index = m_context.project->layerIndex(box->currentData().toString().toStdString());
    if (index < 0) return label->clear();
    auto source = raster::RasterSource::open(m_context.project->project().layers[std::size_t(index)].source);
    label->setText(source ? tr("Bands: %1").arg(QString::fromStdString(source->bandRoles().summary()))
                          : QString::fromStdString(source.error().text()));
  };
  roles(m_before, m_beforeRoles);
  roles(m_after, m_afterRoles);
}

void DetectionDialog::browseOutput() {
  const QString file = QFileDialog::getSaveFileName(this, tr("Save Change Patches"), m_output->text(),
                                                    tr("GeoPackage (*.gpkg)"));
  if (file.isEmpty()) return;
  m_output->setText(file.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive) ? file : file + QStringLiteral(".gpkg"));
  m_overwriteConfirmed = true;  // the file dialog asked already
}

Result<change::ChangeInputs> DetectionDialog::inputs() const {
  const auto& layers = m_context.project->project().layers;
  const auto layerOf = [&](const QComboBox* box) -> const project::LayerSpec* {
    const int index = m_context.project->layerIndex(box->currentData().toString().toStdString());
    return index < 0 ? nullptr : &layers[std::size_t(index)];
  };
  const auto* before = layerOf(m_before);
  const auto* after = layerOf(m_after);
  const auto* cropland = layerOf(m_cropland);
  if (!before || !after)
    return fail(ErrorCode::InvalidInput, tr("Add the two image dates to the project first (File ▸ Add Layer).").toStdString());
  if (before == after)
    return fail(ErrorCode::InvalidInput, tr("Choose two different images for the earlier and the later date.").toStdString());
  if (m_output->text().trimmed().isEmpty())
    return fail(ErrorCode::InvalidInput, tr("Choose the output GeoPackage.").toStdString());
  change::ChangeInputs in;
  in.before = before->source;
  in.after = after->source;
  in.beforeBands = m_beforeBands->text().trimmed().toStdString();
  in.afterBands = m_afterBands->text().trimmed().toStdString();
  if (cropland) in.cropland = {cropland->source, cropland->layerName};
  if (const auto* l = layerOf(m_pbf)) in.pbf = LayerRef{l->source, l->layerName};
  if (const auto* l = layerOf(m_villages)) in.villages = LayerRef{l->source, l->layerName};
  if (const auto* l = layerOf(m_redLine)) in.redLine = LayerRef{l->source, l->layerName};
  in.output = std::filesystem::path(m_output->text().trimmed().toStdString());
  in.overwrite = m_overwriteConfirmed;
  return in;
}

bool DetectionDialog::run() {
  if (m_watcher) return false;
  auto in = inputs();
  if (!in) {
    m_status->setText(QString::fromStdString(in.error().text()));
    return false;
  }
  auto parameters = change::ChangeParameters::fromValues(m_parameters->values());
  if (!parameters) {
    m_status->setText(QString::fromStdString(parameters.error().text()));
    return false;
  }
  if (std::filesystem::exists(in->output) && !in->overwrite) {
    if (QMessageBox::question(this, tr("Replace File?"),
                              tr("%1 exists already. Replace it with the new patches?")
                                  .arg(QString::fromStdString(in->output.string()))) != QMessageBox::Yes)
      return false;
    in->overwrite = m_overwriteConfirmed = true;
  }
  // The map keeps drawing while the run streams: it keeps GDAL's block cache (the run's memory
  // limit counts it).
  parameters->shareBlockCache = true;
  m_feedback = Feedback();
  m_running = in->output;
  m_watcher = new QFutureWatcher<Result<change::ChangeSummary>>(this);
  connect(m_watcher, &QFutureWatcherBase::finished, this, &DetectionDialog::runFinished);
  Feedback feedback = m_feedback;
  m_watcher->setFuture(QtConcurrent::run([inputs = *in, parameters = *parameters, feedback]() mutable {
    return change::detectChanges(inputs, parameters, feedback);
  }));
  m_progress->setValue(0);
  m_progress->show();
  m_status->setText(tr("Running…"));
  m_runButton->setEnabled(false);
  m_poll->start(150);
  return true;
}

void DetectionDialog::runFinished() {
  m_poll->stop();
  const Result<change::ChangeSummary> result = m_watcher->result();
  m_watcher->deleteLater();
  m_watcher = nullptr;
  m_runButton->setEnabled(true);
  m_progress->hide();
  if (!result) {
    m_status->setText(result.error().code == ErrorCode::Canceled
                          ? tr("Canceled; nothing was written.")
                          : tr("Detection failed: %1").arg(QString::fromStdString(result.error().text())));
    return;
  }
  m_status->setText(tr("%1 change patches found in %2 s.").arg(result->patches).arg(result->seconds, 0, 'f', 1));
  emit detected(*result, m_running, m_before->currentData().toString(), m_after->currentData().toString());
  accept();
}

void DetectionDialog::reject() {
  if (m_watcher) {
    m_feedback.cancel();  // runFinished reports it; the dialog stays for the message
    m_status->setText(tr("Canceling…"));
    return;
  }
  QDialog::reject();
}

}  // namespace onemap::plugins
