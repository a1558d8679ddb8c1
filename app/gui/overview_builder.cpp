#include "onemap/gui/overview_builder.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include "onemap/base/text.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/settings_dialog.h"
#include "onemap/raster/overview_builder.h"
#include "onemap/raster/raster_info.h"

namespace onemap::gui {
namespace {

QString shownName(const std::filesystem::path& path) {
  return QString::fromStdString(text::displayPath(path.filename()));
}

}  // namespace

OverviewBuilder::OverviewBuilder(const WindowContext& context, QObject* parent)
    : QObject(parent), m_context(context) {
  connect(&m_watcher, &QFutureWatcherBase::finished, this, &OverviewBuilder::buildDone);
  m_progressTimer.setInterval(200);
  connect(&m_progressTimer, &QTimer::timeout, this, &OverviewBuilder::updateProgress);
  if (m_context.statusBar) {
    m_statusWidget = new QWidget(m_context.statusBar);
    auto* layout = new QHBoxLayout(m_statusWidget);
    layout->setContentsMargins(0, 0, 0, 0);
    m_statusLabel = new QLabel(m_statusWidget);
    m_progress = new QProgressBar(m_statusWidget);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(160);
    m_progress->setMaximumHeight(16);
    m_cancel = new QToolButton(m_statusWidget);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelOverviewsButton"));
    connect(m_cancel, &QToolButton::clicked, this, &OverviewBuilder::cancel);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    m_context.statusBar->addPermanentWidget(m_statusWidget);
    m_statusWidget->hide();
  }
}

OverviewBuilder::~OverviewBuilder() {
  m_queue.clear();
  m_feedback.cancel();
  m_watcher.waitForFinished();
}

bool OverviewBuilder::needsOverviews(const std::filesystem::path& raster) {
  raster::RasterInfoOptions options;
  options.computeStatistics = false;
  auto info = raster::readRasterInfo(raster, options);
  if (!info) return false;
  return std::max(info->width, info->height) > kLargeSide && info->overviewSizes.empty();
}

void OverviewBuilder::offerFor(const std::filesystem::path& raster) {
  if (!SettingsDialog::askBuildOverviews()) return;
  raster::RasterInfoOptions options;
  options.computeStatistics = false;
  auto info = raster::readRasterInfo(raster, options);
  if (!info || std::max(info->width, info->height) <= kLargeSide || !info->overviewSizes.empty()) return;
  QMessageBox box(QMessageBox::Question, tr("Build overviews?"),
                  tr("“%1” is %L2 × %L3 pixels and has no overviews, so it draws slowly when zoomed out.\n\n"
                     "Build overviews now? (external .ovr file, your image is not modified)")
                      .arg(shownName(raster))
                      .arg(info->width)
                      .arg(info->height),
                  QMessageBox::Yes | QMessageBox::No, m_context.window);
  box.setDefaultButton(QMessageBox::Yes);
  auto* dontAsk = new QCheckBox(tr("Don't ask again"), &box);
  box.setCheckBox(dontAsk);
  const int answer = box.exec();
  if (dontAsk->isChecked()) QSettings().setValue(QLatin1String(SettingsDialog::kAskOverviewsKey), false);
  if (answer == QMessageBox::Yes) build(raster);
}

void OverviewBuilder::build(const std::filesystem::path& raster) {
  if (raster == m_current && m_watcher.isRunning()) return;
  if (std::find(m_queue.begin(), m_queue.end(), raster) != m_queue.end()) return;
  m_queue.push_back(raster);
  if (!m_watcher.isRunning()) startNext();
}

void OverviewBuilder::cancel() {
  m_queue.clear();
  m_feedback.cancel();
}

void OverviewBuilder::startNext() {
  if (m_queue.empty()) {
    if (m_statusWidget) m_statusWidget->hide();
    m_progressTimer.stop();
    return;
  }
  m_current = m_queue.front();
  m_queue.pop_front();
  m_feedback = Feedback();
  if (m_statusWidget) {
    m_statusLabel->setText(tr("Building overviews for %1…").arg(shownName(m_current)));
    m_progress->setValue(0);
    m_statusWidget->show();
  }
  m_progressTimer.start();
  const std::filesystem::path raster = m_current;
  Feedback feedback = m_feedback;
  m_watcher.setFuture(QtConcurrent::run([raster, feedback]() mutable {
    return raster::buildExternalOverviews(raster, raster::Resampling::Average, feedback);
  }));
}

void OverviewBuilder::updateProgress() {
  if (m_progress) m_progress->setValue(int(m_feedback.progress() * 100.0));
}

void OverviewBuilder::buildDone() {
  const Status result = m_watcher.result();
  const QString raster = QString::fromStdString(text::displayPath(m_current));
  const bool canceled = !result && result.error().code == ErrorCode::Canceled;
  const QString error = result || canceled ? QString() : QString::fromStdString(result.error().text());
  if (result) {
    if (m_context.statusBar)
      m_context.statusBar->showMessage(tr("Overviews for %1 are ready.").arg(shownName(m_current)), 8000);
    // The renderers open the image afresh each time and now find the .ovr.
    if (m_context.project) emit m_context.project->appearanceChanged();
    else if (m_context.canvas) m_context.canvas->refresh();
  } else if (canceled) {
    if (m_context.statusBar) m_context.statusBar->showMessage(tr("Building overviews was canceled."), 5000);
  } else if (m_context.window) {
    QMessageBox::warning(m_context.window, tr("Cannot build overviews"),
                         tr("%1\n\nThe image can still be used; it draws more slowly when zoomed out.").arg(error));
  }
  emit finished(raster, bool(result), canceled, error);
  m_current.clear();
  startNext();
}

}  // namespace onemap::gui
