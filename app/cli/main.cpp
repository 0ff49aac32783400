// SPDX-License-Identifier: MIT
#include "cli/cli.h"

#include <QCoreApplication>
#include <clocale>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::setlocale(LC_NUMERIC, "C"); // Qt adopted the environment's locale; numbers stay in C format
    QCoreApplication::setApplicationName(QStringLiteral("quantlens-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUANTLENS_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = ql::cli::run(QCoreApplication::arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return code;
}
