#include "export_runner.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include "onemap/base/text.h"
#include "onemap/render/renderer_factory.h"
#include "onemap/sheet/sheet_context.h"

namespace onemap::designer {

namespace {

sheet::SheetContext contextOf(const ExportInput& input, render::RendererFactory* factory) {
  sheet::SheetContext context;
  context.project = &input.project;
  context.projectFile = input.projectFile;
  context.mapCrs = input.mapCrs;
  context.renderers = factory;
  context.atlas = input.atlas ? &*input.atlas : nullptr;
  return context;
}

QString pathText(const std::filesystem::path& path) { return QString::fromStdString(text::displayPath(path)); }

}  // namespace

QString atlasSummary(const sheet::AtlasReport& report, const QString& target) {
  QString text;
  if (report.canceled)
    text = QCoreApplication::translate("ExportRunner", "Canceled: %1 of %2 sheets were written to %3.")
               .arg(report.files.size()).arg(report.sheets).arg(target);
  else
    text = QCoreApplication::translate("ExportRunner", "%1 of %2 sheets were written to %3.")
               .arg(int(report.sheets) - int(report.failures.size())).arg(report.sheets).arg(target);
  if (!report.failures.empty()) {
    text += QLatin1Char('\n') +
            QCoreApplication::translate("ExportRunner", "%n sheet(s) failed:", nullptr, int(report.failures.size()));
    for (const auto& failure : report.failures)
      text += QStringLiteral("\n• %1: %2").arg(QString::fromStdString(failure.feature), QString::fromStdString(failure.error));
  }
  return text;
}

ExportRunner::ExportRunner(QWidget* window, QObject* parent) : QObject(parent), m_window(window) {
  connect(&m_watcher, &QFutureWatcher<ExportOutcome>::finished, this, &ExportRunner::done);
  m_poll.setInterval(100);
  connect(&m_poll, &QTimer::timeout, this, [this] {
    if (!m_progress) return;
    m_progress->setValue(int(m_feedback.progress() * 1000));
    const std::string step = m_feedback.step();
    if (!step.empty()) m_progress->setLabelText(QString::fromStdString(step));
  });
}

ExportRunner::~ExportRunner() {
  m_feedback.cancel();
  m_watcher.waitForFinished();
}

void ExportRunner::cancel() { m_feedback.cancel(); }

void ExportRunner::start(const QString& title) {
  m_progress = new QProgressDialog(title, tr("Cancel"), 0, 1000, m_window);
  m_progress->setWindowTitle(title);
  m_progress->setObjectName(QStringLiteral("exportProgress"));
  m_progress->setAttribute(Qt::WA_DeleteOnClose);
  m_progress->setAutoClose(false);
  m_progress->setAutoReset(false);
  m_progress->setMinimumDuration(0);
  m_progress->setWindowModality(Qt::WindowModal);
  connect(m_progress, &QProgressDialog::canceled, this, &ExportRunner::cancel);
  m_progress->show();
  m_poll.start();
}

void ExportRunner::exportSheet(ExportInput input, const std::filesystem::path& file, sheet::ExportOptions options) {
  if (isRunning()) return;
  m_feedback = Feedback();
  m_target = pathText(file);
  start(tr("Exporting %1…").arg(m_target));
  Feedback feedback = m_feedback;
  m_watcher.setFuture(QtConcurrent::run([input = std::move(input), file, options, feedback]() mutable {
    render::RendererFactory factory;
    const auto status = sheet::exportSheet(input.layout, contextOf(input, &factory), file, options, feedback);
    ExportOutcome outcome;
    if (!status) outcome.error = QString::fromStdString(status.error().text());
    return outcome;
  }));
}

void ExportRunner::exportAtlas(ExportInput input, sheet::AtlasOptions options) {
  if (isRunning()) return;
  m_feedback = Feedback();
  m_target = pathText(options.output);
  start(tr("Exporting the atlas to %1…").arg(m_target));
  Feedback feedback = m_feedback;
  m_watcher.setFuture(QtConcurrent::run([input = std::move(input), options, feedback]() mutable {
    render::RendererFactory factory;
    auto report = sheet::exportAtlas(input.layout, contextOf(input, &factory), options, feedback);
    ExportOutcome outcome;
    if (report)
      outcome.report = std::move(*report);
    else
      outcome.error = QString::fromStdString(report.error().text());
    return outcome;
  }));
}

void ExportRunner::done() {
  m_poll.stop();
  if (m_progress) m_progress->close();
  const ExportOutcome outcome = m_watcher.result();
  QString error = outcome.error;
  auto* box = new QMessageBox(m_window);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setObjectName(QStringLiteral("exportResult"));
  if (outcome.report) {
    m_summary = atlasSummary(*outcome.report, m_target);
    box->setWindowTitle(tr("Atlas Export"));
    box->setIcon(outcome.report->failures.empty() ? QMessageBox::Information : QMessageBox::Warning);
    const QStringList lines = m_summary.split(QLatin1Char('\n'));
    box->setText(lines.mid(0, 2).join(QLatin1Char('\n')));
    if (lines.size() > 2) box->setDetailedText(m_summary);
    if (!outcome.report->failures.empty() && error.isEmpty())
      error = tr("%n sheet(s) failed", nullptr, int(outcome.report->failures.size()));
  } else if (!error.isEmpty()) {
    m_summary = error;
    box->setWindowTitle(tr("Export Failed"));
    box->setIcon(QMessageBox::Warning);
    box->setText(error);
  } else {
    m_summary = tr("The sheet was written to %1.").arg(m_target);
    box->setWindowTitle(tr("Export"));
    box->setIcon(QMessageBox::Information);
    box->setText(m_summary);
  }
  box->setModal(false);
  box->show();
  emit finished(error);
}

}  // namespace onemap::designer
