// SPDX-License-Identifier: MIT
#include "gui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

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
    parser.process(app);

    ql::app::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().front());
    return QApplication::exec();
}
