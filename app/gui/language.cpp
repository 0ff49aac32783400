// SPDX-License-Identifier: MIT
#include "gui/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace ql::app {

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("es"), QStringLiteral("fr"),
        QStringLiteral("zh_CN")};
}

QString languageName(const QString& code)
{
    const QLocale l(code);
    QString name = l.nativeLanguageName();
    if (code == QLatin1String("zh_CN"))
        name += QStringLiteral("（简体）");
    return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}

QString savedLanguage()
{
    return QSettings().value(QStringLiteral("language")).toString();
}

void saveLanguage(const QString& code)
{
    QSettings().setValue(QStringLiteral("language"), code);
}

QString installTranslations(QCoreApplication& app, const QString& code)
{
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    // The translations installed before (another language chosen) give way.
    for (auto* old : app.findChildren<QTranslator*>(QStringLiteral("quantlens-translation"), Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    auto* ours = new QTranslator(&app);
    ours->setObjectName(QStringLiteral("quantlens-translation"));
    // QTranslator walks the locale's UI languages (de_AT -> de, zh_Hans_CN -> zh_CN) to the best file.
    if (!ours->load(locale, QStringLiteral("quantlens"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        // No translation for this language (or the C locale): English, with its plural forms ("300 test
        // images", not "300 test image(s)").
        if (ours->load(QStringLiteral("quantlens_en"), QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(ours);
        else
            delete ours;
        QLocale::setDefault(locale);
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    QLocale::setDefault(locale); // numbers and sizes in the same language
    auto* qt = new QTranslator(&app); // Qt's own dialogs and buttons
    qt->setObjectName(QStringLiteral("quantlens-translation"));
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    const QString file = ours->filePath();
    const int underscore = file.indexOf(QLatin1Char('_'));
    const int dot = file.lastIndexOf(QLatin1Char('.'));
    return underscore >= 0 && dot > underscore ? file.mid(underscore + 1, dot - underscore - 1) : code;
}

} // namespace ql::app
