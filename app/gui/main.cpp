// SPDX-License-Identifier: MIT
#include "graph/graphview.h"
#include "gui/language.h"
#include "gui/mainwindow.h"
#include "gui/sidebyside.h"
#include "gui/trainview.h"
#include "layers/layertablemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <memory>
#include <utility>

#include <clocale>
#include <cstdio>
#include <memory>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    // QApplication adopts the environment's C locale; numbers in files, JSON and options stay in C format.
    std::setlocale(LC_NUMERIC, "C");
    QApplication::setApplicationName(QStringLiteral("QuantLens"));
    QApplication::setApplicationVersion(QStringLiteral(QUANTLENS_VERSION));
    QApplication::setOrganizationName(QStringLiteral("QuantLens"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.quantlens.QuantLens"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/quantlens.svg")));
    // The language chosen in Edit › Language, or the system's; --language below overrides it.
    QString language;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--language") && i + 1 < argc)
            language = QString::fromLocal8Bit(argv[i + 1]);
        else if (arg.startsWith(QLatin1String("--language=")))
            language = arg.mid(11);
    }
    ql::app::installTranslations(app, language.isEmpty() ? ql::app::savedLanguage() : language);

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
    const QCommandLineOption compare(QStringLiteral("compare"),
        QApplication::translate("main", "Compare the model with this second model (the Diff view)"),
        QApplication::translate("main", "model"));
    parser.addOption(compare);
    const QCommandLineOption view(QStringLiteral("view"),
        QApplication::translate("main", "Show this view at start: weights, graph, errors, compare, side-by-side, train or diff"),
        QStringLiteral("VIEW"));
    parser.addOption(view);
    const QCommandLineOption languageOption(QStringLiteral("language"),
        QApplication::translate("main", "Use this language for this run: en, de, es, fr or zh_CN"),
        QStringLiteral("CODE"));
    parser.addOption(languageOption);
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
    // --compare: once the model is analysed, compare it with the second one (the Diff tab shows the result).
    const bool comparing = parser.isSet(compare);
    if (comparing) {
        auto started = std::make_shared<bool>(false);
        QObject::connect(&window, &ql::app::MainWindow::analysisFinished, &window,
            [&window, other = parser.value(compare), started] {
                if (!std::exchange(*started, true))
                    window.compareWith(other);
            });
    }
    if (parser.isSet(screenshot)) {
        // A picture of the view once it shows real results: the analysis for Weights and Errors, an evaluation
        // of every mode for Compare, a run for Side by side, a short training for Train. The window title and
        // what it shows go to stdout, so that scripts can check them.
        const QString file = parser.value(screenshot);
        const QString shown = parser.isSet(view) ? parser.value(view) : QStringLiteral("weights");
        auto grabAndQuit = [&window, file] {
            QTimer::singleShot(400, &window, [&window, file] {
                const bool saved = window.grab().save(file);
                std::printf("window \"%s\": %d layers, %s\n", qPrintable(window.windowTitle()),
                    window.layerModel()->rowCount(), saved ? "saved" : "NOT saved");
                std::fflush(stdout);
                QCoreApplication::exit(saved ? 0 : 1);
            });
        };
        auto once = std::make_shared<bool>(false);
        QObject::connect(&window, &ql::app::MainWindow::analysisFinished, &window, [&window, shown, grabAndQuit, once, comparing] {
            if (*once)
                return;
            *once = true;
            if (shown == QLatin1String("compare")) {
                QObject::connect(&window, &ql::app::MainWindow::evaluationFinished, &window, grabAndQuit);
                window.evaluateAllModes();
            } else if (shown == QLatin1String("side-by-side")) {
                // Runs once the quantized model is built (below), then the picture follows the run.
                QObject::connect(window.sideBySide(), &ql::app::SideBySideView::ran, &window, grabAndQuit);
            } else if (shown == QLatin1String("train")) {
                QObject::connect(window.trainView(), &ql::app::TrainView::finished, &window, grabAndQuit);
                window.trainView()->setEpochs(4, 1);
                window.trainView()->setTrainLimit(12000);
                window.trainView()->start();
            } else if (shown == QLatin1String("diff") && comparing) {
                QObject::connect(&window, &ql::app::MainWindow::diffReady, &window, [grabAndQuit](bool ok, const QString& message) {
                    if (!ok) {
                        std::fprintf(stderr, "%s\n", qPrintable(message));
                        QCoreApplication::exit(1);
                        return;
                    }
                    grabAndQuit();
                });
            } else if (shown == QLatin1String("graph") && !window.graphView()->isLaidOut()) {
                QObject::connect(window.graphView(), &ql::widgets::GraphView::laidOut, &window, grabAndQuit);
            } else {
                grabAndQuit();
            }
        });
        QObject::connect(
            &window, &ql::app::MainWindow::loadFailed, &window, [file](const QString&, const QString& why) {
                std::fprintf(stderr, "%s\n", qPrintable(why));
                QCoreApplication::exit(1); // no picture of an error: scripts must notice
            });
        if (shown == QLatin1String("side-by-side")) {
            auto ran = std::make_shared<bool>(false);
            QObject::connect(&window, &ql::app::MainWindow::quantizedReady, &window, [&window, ran] {
                if (!*ran) {
                    *ran = true;
                    window.sideBySide()->runSample(0);
                }
            });
        }
    }
    // Without a model on the command line, the bundled demo opens, so there is something to explore.
    window.openFile(parser.positionalArguments().isEmpty() ? ql::app::MainWindow::demoModelPath()
                                                           : parser.positionalArguments().front());
    return QApplication::exec();
}
