#include <QCoreApplication>
#include <QGuiApplication>

#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <string_view>

#include "cli_io.h"
#include "command.h"
#include "onemap/i18n/translations.h"

using namespace onemap::cli;

namespace {

void printUsage(const std::vector<Command>& commands) {
  printOut(QCoreApplication::translate("onemap-cli", "Usage: onemap-cli COMMAND [OPTIONS] (onemap-cli COMMAND --help for its options)"));
  printOut(QString());
  printOut(QCoreApplication::translate("onemap-cli", "Commands:"));
  for (const auto& c : commands) printOut(QStringLiteral("  %1  %2").arg(c.name, -14).arg(c.summary));
}

}  // namespace

/// Commands that draw text and images (map sheets) need a QGuiApplication for fonts.
bool needsGui(int argc, char** argv) {
  if (argc < 2) return false;
  const std::string_view name = argv[1];
  return name == "export-layout" || name == "export-atlas";
}

/// Qt's GUI layer wants a private runtime folder and warns on stderr without one (cron jobs, CI,
/// ssh sessions): give it the folder it would pick itself, created private, so it stays quiet.
void ensureRuntimeDir() {
  if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) return;
  const std::string dir = "/tmp/runtime-" + std::to_string(::getuid());
  ::mkdir(dir.c_str(), 0700);
  struct stat info {};
  if (::stat(dir.c_str(), &info) == 0 && S_ISDIR(info.st_mode) && info.st_uid == ::getuid() &&
      (info.st_mode & 0077) == 0)
    qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(dir));
}

int main(int argc, char** argv) {
  // The CLI never shows a window: without a chosen platform, draw off screen (no display needed).
  const bool gui = needsGui(argc, argv);
  if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  if (gui) ensureRuntimeDir();
  std::unique_ptr<QCoreApplication> application =
      gui ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
  QCoreApplication& app = *application;
  QCoreApplication::setOrganizationName(QStringLiteral("OneMapAgri"));
  QCoreApplication::setApplicationName(QStringLiteral("onemap-cli"));
  QCoreApplication::setApplicationVersion(QStringLiteral(ONEMAP_VERSION));
  onemap::i18n::installTranslations(app, onemap::i18n::chooseLanguage());

  const auto commands = builtinCommands();
  CommandLine line;
  for (int i = 1; i < argc; ++i) {
    line.raw.emplace_back(argv[i]);
    line.args.append(QString::fromLocal8Bit(argv[i]));
  }
  QStringList& args = line.args;
  if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
    printUsage(commands);
    return args.isEmpty() ? kExitUsage : kExitOk;
  }
  if (args.first() == QLatin1String("--version")) {
    printOut(QStringLiteral("onemap-cli %1").arg(QCoreApplication::applicationVersion()));
    return kExitOk;
  }
  const QString name = args.takeFirst();
  line.raw.erase(line.raw.begin());
  for (const auto& c : commands)
    if (c.name == name) return c.run(line);
  printErr(QCoreApplication::translate("onemap-cli", "onemap-cli: unknown command '%1'").arg(name));
  printUsage(commands);
  return kExitUsage;
}
