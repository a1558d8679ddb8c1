#include "onemap/i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace onemap::i18n {

namespace {
QString& installedLanguage() {
  static QString language = QStringLiteral("en");
  return language;
}
}  // namespace

QString currentLanguage() { return installedLanguage(); }

bool isChinese() { return installedLanguage() == QLatin1String("zh_CN"); }

QStringList availableLanguages() { return {QStringLiteral("zh_CN"), QStringLiteral("en")}; }

QString chooseLanguage(const QString& override) {
  auto normalise = [](const QString& name) -> QString {
    if (name.isEmpty()) return {};
    if (name.startsWith(QLatin1String("zh"), Qt::CaseInsensitive)) return QStringLiteral("zh_CN");
    return QStringLiteral("en");
  };
  if (!override.isEmpty()) return normalise(override);
  const QString env = qEnvironmentVariable("ONEMAP_LANG");
  if (!env.isEmpty()) return normalise(env);
  const QString saved = QSettings().value(QStringLiteral("ui/language")).toString();
  if (!saved.isEmpty()) return normalise(saved);
  return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                          : QStringLiteral("en");
}

bool installTranslations(QCoreApplication& app, const QString& language) {
  installedLanguage() = language;
  if (language == QLatin1String("en")) return true;
  auto* own = new QTranslator(&app);
  const bool loaded = own->load(QStringLiteral(":/i18n/onemap_%1.qm").arg(language));
  if (loaded) app.installTranslator(own);
  auto* qt = new QTranslator(&app);
  if (qt->load(QStringLiteral("qtbase_%1").arg(language),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    app.installTranslator(qt);
  return loaded;
}

}  // namespace onemap::i18n
