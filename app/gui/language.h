// SPDX-License-Identifier: MIT
// The user interface language: the system locale's unless one was chosen (Edit › Language, saved in the
// settings, or --language on the command line). Translations are compiled into the application (:/i18n).
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace ql::app {

// Codes QuantLens ships translations for, plus "en" (the source language): en, de, es, fr, zh_CN.
QStringList availableLanguages();
// The language's own name: "Deutsch", "中文（简体）".
QString languageName(const QString& code);
// The code chosen in the settings ("" for the system's).
QString savedLanguage();
void saveLanguage(const QString& code);
// Installs QuantLens' and Qt's own translations for `code` ("" = the system locale's best match) and returns
// the language actually used ("en" when nothing matched). Translations installed by an earlier call are removed.
QString installTranslations(QCoreApplication& app, const QString& code);

} // namespace ql::app
