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

#include <algorithm>

#include "onemap/gui/abandon_watcher.h"
#include "onemap/gui/data_read_pool.h"
#include "onemap/gui/project_controller.h"
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

/// What the label under an image says about it.
QString factsText(const ImageFacts& facts) {
  if (!facts.error.isEmpty()) return facts.error;
  QString date;
  switch (facts.dateSource) {
    case DateSource::Metadata:
      date = DetectionDialog::tr("Acquired %1 (image metadata)").arg(facts.date.toString(Qt::ISODate));
      break;
    case DateSource::FileName:
      date = DetectionDialog::tr("Acquired %1 (file name)").arg(facts.date.toString(Qt::ISODate));
      break;
    case DateSource::None:
      date = DetectionDialog::tr("Acquisition date unknown");
      break;
  }
  return DetectionDialog::tr("Bands: %1").arg(facts.bands) + QLatin1Char('\n') + date;
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
      m_grid(new QLabel(this)),
      m_dateWarning(new QLabel(this)),
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
  m_before->setObjectName(QStringLiteral("beforeImage"));
  m_after->setObjectName(QStringLiteral("afterImage"));
  setMinimumWidth(640);
  auto* layout = new QVBoxLayout(this);

  auto* images = new QGroupBox(tr("Images"), this);
  auto* imageLayout = new QVBoxLayout(images);
  auto* imageForm = new QFormLayout;
  imageLayout->addLayout(imageForm);
  for (QLineEdit* bands : {m_beforeBands, m_afterBands})
    bands->setPlaceholderText(tr("band roles as guessed; override e.g. blue=1,green=2,red=3,nir=4"));
  imageForm->addRow(tr("Earlier image (前时相):"), m_before);
  imageForm->addRow(QString(), m_beforeRoles);
  imageForm->addRow(tr("Band roles:"), m_beforeBands);
  imageForm->addRow(tr("Later image (后时相):"), m_after);
  imageForm->addRow(QString(), m_afterRoles);
  imageForm->addRow(tr("Band roles:"), m_afterBands);
  // The detector works on the earlier image's grid (the later one is resampled onto it). Below
  // the form, full width: a word-wrapped label in a QFormLayout field gets one line's height.
  m_grid->setObjectName(QStringLiteral("analysisGrid"));
  m_grid->setToolTip(tr("The run works on the earlier image's grid; the later image is resampled onto it."));
  m_grid->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_grid->setWordWrap(true);
  imageLayout->addWidget(m_grid);
  m_dateWarning->setObjectName(QStringLiteral("dateWarning"));
  m_dateWarning->setWordWrap(true);
  m_dateWarning->setStyleSheet(QStringLiteral("QLabel { color: #b00020; font-weight: bold; }"));
  m_dateWarning->hide();
  imageLayout->addWidget(m_dateWarning);
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
  // A choice of the user's ends the proposal by date and reads the newly chosen images.
  for (QComboBox* box : {m_before, m_after})
    connect(box, &QComboBox::currentIndexChanged, this, [this] {
      m_proposeByDate = false;
      inspectImages(false);
    });
  connect(browse, &QPushButton::clicked, this, &DetectionDialog::browseOutput);
  connect(m_output, &QLineEdit::textEdited, this, [this] { m_overwriteConfirmed = false; });
  connect(m_runButton, &QPushButton::clicked, this, &DetectionDialog::run);
  connect(m_cancelButton, &QPushButton::clicked, this, &DetectionDialog::reject);
  connect(m_poll, &QTimer::timeout, this, [this] {
    m_progress->setValue(int(m_feedback.progress() * 100.0));
    const std::string step = m_feedback.step();
    if (!step.empty()) m_status->setText(tr("Running: %1").arg(QString::fromStdString(step)));
  });
  inspectImages(true);
}

DetectionDialog::~DetectionDialog() {
  // A read still running is not waited for: it owns its copies of the paths and deletes its
  // watcher when done.
  gui::abandonWatcher(m_inspection, this);
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
  if (const auto out = defaultOutput(); !out.empty()) {
    m_defaultOutput = QString::fromStdString(out.string());
    m_output->setText(m_defaultOutput);
  }
}

std::filesystem::path DetectionDialog::defaultOutput() const {
  const int index = m_context.project->layerIndex(m_after->currentData().toString().toStdString());
  if (index < 0) return {};
  const auto folder = std::filesystem::absolute(m_context.project->project().layers[std::size_t(index)].source).parent_path();
  std::filesystem::path out = folder / "change_patches.gpkg";
  for (int n = 2; std::filesystem::exists(out); ++n) out = folder / ("change_patches_" + std::to_string(n) + ".gpkg");
  return out;
}

void DetectionDialog::inspectImages(bool survey) {
  // The newest selection wins: an older read is let go (its result never reaches the labels).
  gui::abandonWatcher(m_inspection, this);
  m_beforeFacts.reset();
  m_afterFacts.reset();
  const QString beforeId = m_before->currentData().toString();
  const QString afterId = m_after->currentData().toString();
  std::vector<std::pair<QString, std::filesystem::path>> images;
  const auto add = [&](const QString& id) {
    const int index = m_context.project->layerIndex(id.toStdString());
    if (index < 0 || std::any_of(images.begin(), images.end(), [&](const auto& image) { return image.first == id; }))
      return;
    images.emplace_back(id, m_context.project->project().layers[std::size_t(index)].source);
  };
  add(beforeId);
  add(afterId);
  if (survey)
    for (int i = 0; i < m_after->count(); ++i) add(m_after->itemData(i).toString());
  if (images.empty()) {
    showFacts();
    return;
  }
  m_inspection = std::make_unique<QFutureWatcher<Inspection>>();
  connect(m_inspection.get(), &QFutureWatcherBase::finished, this, [this, survey, beforeId, afterId] {
    const Inspection result = m_inspection->result();
    m_inspection.release()->deleteLater();  // not deleted inside its own signal
    // Only for the selection it was started for (a newer one abandons it, but be sure).
    if (m_before->currentData().toString() != beforeId || m_after->currentData().toString() != afterId) return;
    inspectionFinished(result, survey);
  });
  m_inspection->setFuture(QtConcurrent::run(gui::dataReadPool(), [images, inspector = m_inspector] {
    Inspection result;
    for (const auto& [id, path] : images) result[id] = inspector(path);
    return result;
  }));
  showFacts();
}

void DetectionDialog::inspectionFinished(const Inspection& result, bool survey) {
  if (survey && m_proposeByDate) proposeByDate(result);
  m_proposeByDate = false;
  const auto factsOf = [&](const QComboBox* box) -> std::optional<ImageFacts> {
    const auto it = result.find(box->currentData().toString());
    if (it == result.end()) return std::nullopt;
    return it->second;
  };
  m_beforeFacts = factsOf(m_before);
  m_afterFacts = factsOf(m_after);
  showFacts();
  emit imagesInspected();
}

void DetectionDialog::proposeByDate(const Inspection& result) {
  // Both boxes list the same rasters, top layer first.
  std::vector<QDate> dates;
  for (int i = 0; i < m_after->count(); ++i) {
    const auto it = result.find(m_after->itemData(i).toString());
    dates.push_back(it == result.end() ? QDate() : it->second.date);
  }
  const auto pair = plugins::proposeByDate(dates);
  if (!pair || (pair->before == m_before->currentIndex() && pair->after == m_after->currentIndex())) return;
  const bool outputProposed = !m_output->text().isEmpty() && m_output->text() == m_defaultOutput;
  {
    // The survey read these images already: no new read.
    const QSignalBlocker blockBefore(m_before), blockAfter(m_after);
    m_before->setCurrentIndex(pair->before);
    m_after->setCurrentIndex(pair->after);
  }
  // The output goes beside the later image, unless the user chose it.
  if (outputProposed && !m_overwriteConfirmed)
    if (const auto out = defaultOutput(); !out.empty()) {
      m_defaultOutput = QString::fromStdString(out.string());
      m_output->setText(m_defaultOutput);
    }
}

void DetectionDialog::showFacts() {
  const auto show = [this](const QComboBox* box, QLabel* label, const std::optional<ImageFacts>& facts) {
    if (m_context.project->layerIndex(box->currentData().toString().toStdString()) < 0) return label->clear();
    label->setText(facts ? factsText(*facts) : tr("Reading…"));
  };
  show(m_before, m_beforeRoles, m_beforeFacts);
  show(m_after, m_afterRoles, m_afterFacts);

  const QString grid = m_context.project->layerIndex(m_before->currentData().toString().toStdString()) < 0 ? QString()
                       : !m_beforeFacts                ? tr("Reading…")
                       : m_beforeFacts->grid           ? gridText(*m_beforeFacts->grid)
                       : m_beforeFacts->gridError.isEmpty() ? m_beforeFacts->error
                                                            : m_beforeFacts->gridError;
  m_grid->setText(grid.isEmpty() ? QString() : tr("Analysis grid (the earlier image's): %1").arg(grid));

  // The run takes the images as chosen; say so when their dates disagree with that.
  QString warning;
  if (m_beforeFacts && m_afterFacts && m_before->currentData() != m_after->currentData() &&
      m_beforeFacts->date.isValid() && m_afterFacts->date.isValid()) {
    const QString before = m_beforeFacts->date.toString(Qt::ISODate);
    const QString after = m_afterFacts->date.toString(Qt::ISODate);
    if (m_beforeFacts->date > m_afterFacts->date)
      warning = tr("The earlier image is dated %1, after the later image (%2): swap the two images?").arg(before, after);
    else if (m_beforeFacts->date == m_afterFacts->date)
      warning = tr("Both images are dated %1: choose images of two different dates.").arg(before);
  }
  m_dateWarning->setText(warning);
  m_dateWarning->setVisible(!warning.isEmpty());
  if (isVisible()) growToFit();
}

void DetectionDialog::growToFit() {
  // A window's size ignores the height its word-wrapped labels need at its width (Qt sizes
  // top-level windows from size hints), so the other rows would be squeezed: grow to it, never shrink.
  QLayout* top = layout();
  if (!top) return;
  top->activate();
  const int needed = top->hasHeightForWidth() ? top->totalHeightForWidth(width()) : top->totalSizeHint().height();
  if (needed > height()) resize(width(), needed);
}

void DetectionDialog::showEvent(QShowEvent* event) {
  QDialog::showEvent(event);
  growToFit();
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
  // The images as run, whatever the boxes show when it ends (a late proposal by date included).
  m_proposeByDate = false;
  m_runningBefore = m_before->currentData().toString();
  m_runningAfter = m_after->currentData().toString();
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
  QString message = tr("%1 change patches found in %2 s.").arg(result->patches).arg(result->seconds, 0, 'f', 1);
  if (const QString grid = gridText(QString::fromStdString(result->crs), result->geographicGrid, result->pixelWidthM,
                                    result->pixelHeightM);
      !grid.isEmpty())
    message += QLatin1Char(' ') + tr("Grid: %1.").arg(grid);
  m_status->setText(message);
  emit detected(*result, m_running, m_runningBefore, m_runningAfter);
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
