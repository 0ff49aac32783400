// SPDX-License-Identifier: MIT
#include "gui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("QuantLens"));
    QApplication::setApplicationVersion(QStringLiteral(QUANTLENS_VERSION));
    QApplication::setOrganizationName(QStringLiteral("QuantLens"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Explore the quantization of TensorFlow Lite models"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("model"), QApplication::translate("main", "A .tflite model to open"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window to FILE once the model is shown, then quit"),
        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    const QCommandLineOption view(QStringLiteral("view"),
        QApplication::translate("main", "Show this view at start: weights, errors, compare, side-by-side or train"),
        QStringLiteral("VIEW"));
    parser.addOption(view);
    parser.process(app);

    ql::app::MainWindow window;
    if (!parser.isSet(screenshot)) // screenshots show the defaults, not this user's settings
        window.restoreSettings();
    window.show();
    if (parser.isSet(view) && !window.showView(parser.value(view))) {
        fprintf(
            stderr, "%s\n", qPrintable(QApplication::translate("main", "unknown view '%1'").arg(parser.value(view))));
        return 2;
    }
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        auto grabAndQuit = [&window, file] {
            QTimer::singleShot(300, &window, [&window, file] {
                const bool saved = window.grab().save(file);
                QCoreApplication::exit(saved ? 0 : 1);
            });
        };
        QObject::connect(&window, &ql::app::MainWindow::modelLoaded, &window, grabAndQuit);
        QObject::connect(&window, &ql::app::MainWindow::loadFailed, &window, grabAndQuit);
    }
    // Without a model on the command line, the bundled demo opens, so there is something to explore.
    window.openFile(parser.positionalArguments().isEmpty() ? ql::app::MainWindow::demoModelPath()
                                                           : parser.positionalArguments().front());
    return QApplication::exec();
}
