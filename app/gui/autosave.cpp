#include "onemap/gui/autosave.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <algorithm>
#include <system_error>

#include "onemap/gui/project_controller.h"

namespace onemap::gui {
namespace {

constexpr const char* kSuffix = ".autosave";

std::filesystem::file_time_type modificationTime(const std::filesystem::path& path) {
  std::error_code ec;
  const auto time = std::filesystem::last_write_time(path, ec);
  return ec ? std::filesystem::file_time_type::min() : time;
}

}  // namespace

Autosave::Autosave(ProjectController* project, std::function<Extent()> currentExtent, QObject* parent)
    : QObject(parent), m_project(project), m_currentExtent(std::move(currentExtent)) {
  m_unsavedPath = recoveryFolder() /
                  QStringLiteral("unsaved-%1-%2-%3.onemap%4")
                      .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))
                      .arg(QCoreApplication::applicationPid())
                      .arg(QRandomGenerator::global()->generate() % 100000)
                      .arg(QLatin1String(kSuffix))
                      .toStdString();
  m_quiet.setSingleShot(true);
  m_quiet.setInterval(10000);
  connect(&m_quiet, &QTimer::timeout, this, [this] {
    if (m_dirty) writeNow();
  });
  connect(&m_periodic, &QTimer::timeout, this, [this] { writeNow(); });
  setIntervalMinutes(m_intervalMinutes);
  connect(project, &ProjectController::modifiedChanged, this, [this](bool modified) {
    if (modified) changed();
  });
  for (auto signal : {&ProjectController::layersChanged, &ProjectController::appearanceChanged,
                      &ProjectController::crsChanged})
    connect(project, signal, this, &Autosave::changed);
  connect(project, &ProjectController::layerChanged, this, &Autosave::changed);
}

Autosave::~Autosave() = default;

std::filesystem::path Autosave::recoveryPathFor(const std::filesystem::path& projectFile) {
  return std::filesystem::path(projectFile.native() + kSuffix);
}

std::filesystem::path Autosave::recoveryFolder() {
  return std::filesystem::path(
             QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).toStdString()) /
         "recovery";
}

std::optional<std::filesystem::path> Autosave::pendingRecoveryFor(const std::filesystem::path& projectFile) {
  const auto recovery = recoveryPathFor(projectFile);
  std::error_code ec;
  if (!std::filesystem::exists(recovery, ec)) return std::nullopt;
  if (modificationTime(recovery) <= modificationTime(projectFile)) return std::nullopt;
  return recovery;
}

std::vector<std::filesystem::path> Autosave::pendingUnsavedRecoveries() const {
  std::vector<std::filesystem::path> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(recoveryFolder(), ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && name.ends_with(std::string(".onemap") + kSuffix) && entry.path() != m_unsavedPath)
      found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return modificationTime(a) > modificationTime(b); });
  return found;
}

Result<project::Project> Autosave::loadRecovery(const std::filesystem::path& recoveryFile) {
  return project::loadProject(recoveryFile);
}

std::filesystem::path Autosave::currentRecoveryPath() const {
  const auto& file = m_project->fileName();
  return file.empty() ? m_unsavedPath : recoveryPathFor(file);
}

void Autosave::setIntervalMinutes(int minutes) {
  m_intervalMinutes = std::max(0, minutes);
  if (m_intervalMinutes == 0) {
    m_periodic.stop();
    m_quiet.stop();
    return;
  }
  m_periodic.start(m_intervalMinutes * 60 * 1000);
}

void Autosave::setQuietPeriod(std::chrono::milliseconds quiet) { m_quiet.setInterval(int(quiet.count())); }

void Autosave::changed() {
  if (!m_project->isModified() || m_intervalMinutes == 0) return;
  m_dirty = true;
  m_quiet.start();
}

QString Autosave::writeNow() {
  if (!m_project->isModified()) return {};
  project::Project copy = m_project->project();
  if (m_currentExtent) {
    const Extent extent = m_currentExtent();
    if (!extent.isEmpty()) copy.extent = extent;
  }
  const auto target = currentRecoveryPath();
  std::error_code ec;
  std::filesystem::create_directories(target.parent_path(), ec);
  if (auto saved = project::saveProject(copy, target); !saved) return QString::fromStdString(saved.error().text());
  if (m_lastWritten && *m_lastWritten != target) std::filesystem::remove(*m_lastWritten, ec);
  m_lastWritten = target;
  m_dirty = false;
  emit written(QString::fromStdString(target.string()));
  return {};
}

void Autosave::discard() {
  std::error_code ec;
  if (m_lastWritten) std::filesystem::remove(*m_lastWritten, ec);
  m_lastWritten.reset();
  std::filesystem::remove(m_unsavedPath, ec);
  if (!m_project->fileName().empty()) std::filesystem::remove(recoveryPathFor(m_project->fileName()), ec);
  m_dirty = false;
  m_quiet.stop();
}

}  // namespace onemap::gui
