// SPDX-License-Identifier: MIT
#include "cli/cli.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <clocale>

#include <cstdio>
#include <cstring>
#include <memory>

int main(int argc, char** argv)
{
    // `report` lays out text and draws charts for its PDF: that needs fonts, so a GUI application, on
    // Qt's offscreen platform (it never opens a window, and needs no display).
    std::unique_ptr<QCoreApplication> app;
    if (argc > 1 && std::strcmp(argv[1], "report") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
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
