#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace onemap::i18n {

/// Languages the UI ships complete: "zh_CN" and "en" (English is the source language).
QStringList availableLanguages();

/// The language to use: `override` if given ("zh_CN", "en"), else the ONEMAP_LANG environment
/// variable, else the saved setting, else the system locale (Chinese locales → zh_CN, else en).
QString chooseLanguage(const QString& override = {});

/// Installs OneMap's and Qt's translators for `language` on the application (GUI thread, once,
/// before widgets are created). Returns false if the language's catalogue could not be loaded.
bool installTranslations(QCoreApplication& app, const QString& language);

/// The language installed by installTranslations ("en" before any call).
QString currentLanguage();

/// True when the UI language is Chinese (to pick between bilingual texts coming from core).
bool isChinese();

}  // namespace onemap::i18n
