// SPDX-License-Identifier: MIT
// Running the quantlens-cli binary from end-to-end tests.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace ql::test {

struct CliRun {
    int code = -1; // -1: crashed or did not finish
    QByteArray out;
    QString err;
};

inline CliRun runCli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(QL_CLI_PATH), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        QString::fromUtf8(p.readAllStandardError())};
}

} // namespace ql::test
