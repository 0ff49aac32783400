// SPDX-License-Identifier: MIT
// Reading a report back in tests: the words of the command it embeds, and its HTML without the timings a re-run
// changes.
#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace ql::test {

// The words of a shell command as the report writes it (plain words, single-quoted ones, backslash escapes).
inline QStringList shellWords(const QString& command)
{
    QStringList words;
    QString w;
    bool quoted = false, any = false;
    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command[i];
        if (c == QLatin1Char('\'')) {
            quoted = !quoted;
            any = true;
        } else if (c == QLatin1Char('\\') && !quoted && i + 1 < command.size()) {
            w += command[++i];
        } else if (c.isSpace() && !quoted) {
            if (any || !w.isEmpty())
                words << w;
            w.clear();
            any = false;
        } else {
            w += c;
        }
    }
    if (any || !w.isEmpty())
        words << w;
    return words;
}

// The report's HTML without the elements of class "timing".
inline QString withoutTimings(QString html)
{
    return html.remove(QRegularExpression(QStringLiteral("<span class=\"timing\">[^<]*</span>")));
}

} // namespace ql::test
