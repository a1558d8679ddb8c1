#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "main_window.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_file_controller.h"
#include "onemap/i18n/translations.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("OneMapAgri"));
  QApplication::setApplicationName(QStringLiteral("onemap"));
  QApplication::setApplicationVersion(QStringLiteral(ONEMAP_VERSION));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("OneMap Agri desktop GIS"));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("UI language: zh_CN or en"),
                                      QStringLiteral("LANG"));
  const QCommandLineOption screenshotOption(
      QStringLiteral("screenshot"),
      QStringLiteral("Save a screenshot of the window to FILE once the map is drawn, then quit"),
      QStringLiteral("FILE"));
  parser.addOption(langOption);
  parser.addOption(screenshotOption);
  parser.addPositionalArgument(QStringLiteral("FILES"), QStringLiteral("Project (.onemap) or data files to open"));
  parser.process(app);
  onemap::i18n::installTranslations(app, onemap::i18n::chooseLanguage(parser.value(langOption)));

  onemap::shell::MainWindow window;
  window.show();
  const bool screenshot = parser.isSet(screenshotOption);
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.empty() || arg[0] == '-') {
      if (arg == "--lang" || arg == "--screenshot") ++i;
      continue;
    }
    window.openPath(std::filesystem::path(arg), screenshot);
  }
  // After a crash: offer the unsaved project's recovery copy (only when nothing was opened).
  if (!screenshot) QTimer::singleShot(0, &window, [&window] { window.fileController()->offerStartupRecovery(); });
  if (screenshot) {
    const QString file = parser.value(screenshotOption);
    QObject::connect(window.canvas(), &onemap::gui::MapCanvas::renderFinished, &window, [&window, file] {
      QTimer::singleShot(200, &window, [&window, file] {
        window.grab().save(file);
        QApplication::quit();
      });
    });
    QTimer::singleShot(60000, &app, [] { QApplication::exit(1); });
  }
  return app.exec();
}
