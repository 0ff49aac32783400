// SPDX-License-Identifier: MIT
// Argument parsing and error output shared by the CLI commands.
#pragma once

#include "core/result.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <string>

namespace ql::cli {

struct Args {
    QStringList positional;
    QStringList flags;
    QMap<QString, QStringList> options; // every value given for an option, in order
    QString error;

    QString value(const QString& option, const QString& fallback = {}) const
    {
        const auto it = options.find(option);
        return it == options.end() || it->isEmpty() ? fallback : it->back();
    }
    QStringList values(const QString& option) const { return options.value(option); }
};

// Options in `withValue` take the next argument (and may repeat); `knownFlags` take none.
Args parseArgs(const QStringList& args, const QStringList& withValue, const QStringList& knownFlags);

// The help text of a command (the overview for an unknown or empty name).
QString commandHelp(const QString& command);

inline QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

// Prints "error: MESSAGE" to err and returns the exit status for a model or file that could not be
// used (1).
int fail(QTextStream& err, const std::string& message);
inline int fail(QTextStream& err, const Error& e)
{
    return fail(err, e.message);
}

} // namespace ql::cli
