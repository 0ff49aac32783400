// SPDX-License-Identifier: MIT
// File › Export report…: the dialog writes the report (HTML, PDF, tables) of the open model on its data set in
// the background, and the command it embeds, run by quantlens-cli from the report's folder, writes the same
// document again (timings aside). The bundled demo lives inside the application, so its model and data are
// copied beside the report for that command, never over a different file. Cancel leaves no report behind;
// without a data set the dialog says what is missing.
#include "common/cli_runner.h"
#include "common/report_text.h"
#include "gui/document.h"
#include "gui/language.h"
#include "gui/mainwindow.h"
#include "gui/reportdialog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The command inside <pre class="command">, entities decoded.
QString embeddedCommand(const QString& html)
{
    const auto m = QRegularExpression(QStringLiteral("<pre class=\"command\">([^<]*)</pre>")).match(html);
    QString c = m.captured(1);
    c.replace(QStringLiteral("&apos;"), QStringLiteral("'"))
        .replace(QStringLiteral("&#39;"), QStringLiteral("'"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return c.trimmed();
}

} // namespace

class MainWindowReportTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The application's version, as the installed programs share it (the report names it).
        const auto version = test::runCli({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QCoreApplication::setApplicationVersion(QString::fromUtf8(version.out).trimmed());
    }

    void theDialogWritesAReportItsCommandWritesAgain()
    {
        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        QSignalSpy finished(&w, &app::MainWindow::reportFinished);
        w.openFile(app::MainWindow::demoModelPath());
        QVERIFY(loaded.wait(10000));
        QVERIFY(w.hasDataSet());
        // One layer kept in float and per-tensor weights: both must reach the command.
        w.setKeepFloat(0, true);
        w.modePanel()->setPerChannel(false);

        QTemporaryDir dir;
        // A different file already has the demo model's name: it stays as it was, the copy takes another name.
        const QString squatter = dir.filePath(QStringLiteral("fashion_mnist_cnn.tflite"));
        {
            QFile f(squatter);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not the demo model");
        }
        const QString html = dir.filePath(QStringLiteral("demo_report.html"));
        w.showReportDialog();
        auto* dialog = w.reportDialog();
        QVERIFY(dialog->isVisible());
        dialog->setPath(html);
        dialog->setWithPdf(true);
        dialog->setWithTables(true);
        dialog->setSensitivity(true, 1.0);
        auto* write = dialog->findChild<QPushButton*>(QStringLiteral("writeReport"));
        QVERIFY(write);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTest::mouseClick(write, Qt::LeftButton);
        if (finished.isEmpty())
            QVERIFY(finished.wait(300000));
        QVERIFY2(finished.back().at(0).toBool(), qPrintable(finished.back().at(1).toString()));
        QVERIFY2(dialog->resultText().contains(QStringLiteral("demo_report.pdf")), qPrintable(dialog->resultText()));
        QVERIFY(dialog->resultText().contains(w.reportCommand()));

        QCOMPARE(readAll(squatter), QByteArray("not the demo model"));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("fashion_mnist_cnn-2.tflite"))));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("demo_report.pdf"))));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("demo_report_tables/modes.csv"))));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("demo_report_tables/sensitivity.csv"))));

        const QString first = QString::fromUtf8(readAll(html));
        QVERIFY(first.contains(QLatin1String("id=\"sensitivity\"")));
        QVERIFY(first.contains(QLatin1String("Ankle boot"))); // the class names of Fashion-MNIST data
        const QString command = embeddedCommand(first);
        QCOMPARE(command, w.reportCommand());
        const QStringList words = test::shellWords(command);
        QVERIFY2(words.size() > 4 && words[0] == QLatin1String("quantlens-cli") && words[1] == QLatin1String("report"),
            qPrintable(command));
        QCOMPARE(words[2], QStringLiteral("fashion_mnist_cnn-2.tflite"));
        QVERIFY(words.contains(QStringLiteral("--per-tensor")));
        QCOMPARE(words[words.indexOf(QStringLiteral("--keep-float")) + 1], QStringLiteral("0"));
        QVERIFY(words.contains(QStringLiteral("--sensitivity")));

        // The command, run from the report's folder, writes the same document (timings aside).
        QVERIFY(QFile::rename(html, dir.filePath(QStringLiteral("from_gui.html"))));
        const auto run = test::runCli(words.mid(1), dir.path());
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QString again = QString::fromUtf8(readAll(html));
        QVERIFY(!again.isEmpty());
        QCOMPARE(test::withoutTimings(again), test::withoutTimings(first));
    }

    void theReportSpeaksTheInterfaceLanguage()
    {
        QCOMPARE(app::installTranslations(*QCoreApplication::instance(), QStringLiteral("de")), QStringLiteral("de"));
        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        QSignalSpy finished(&w, &app::MainWindow::reportFinished);
        w.openFile(app::MainWindow::demoModelPath());
        QVERIFY(loaded.wait(10000));
        QTemporaryDir dir;
        app::Document::ReportSettings s;
        s.html = dir.filePath(QStringLiteral("bericht.html"));
        w.exportReport(s);
        QVERIFY(finished.wait(120000));
        app::installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
        QVERIFY2(finished.back().at(0).toBool(), qPrintable(finished.back().at(1).toString()));
        const QString html = QString::fromUtf8(readAll(s.html));
        QVERIFY(html.contains(QLatin1String("<html lang=\"de\">")));
        // The title is German, the command stays the command.
        QVERIFY(!html.contains(QLatin1String("Quantization report")));
        QVERIFY(html.contains(QLatin1String("quantlens-cli report")));
    }

    void cancelLeavesNoReportAndMissingDataIsNamed()
    {
        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        QSignalSpy finished(&w, &app::MainWindow::reportFinished);
        w.openFile(app::MainWindow::demoModelPath());
        QVERIFY(loaded.wait(10000));
        QTemporaryDir dir;
        app::Document::ReportSettings s;
        s.html = dir.filePath(QStringLiteral("r.html"));
        w.exportReport(s);
        w.document()->cancelReport();
        QVERIFY(finished.wait(120000));
        QVERIFY(!finished.back().at(0).toBool());
        QVERIFY2(finished.back().at(1).toString().contains(QLatin1String("cancelled")),
            qPrintable(finished.back().at(1).toString()));
        QVERIFY(!QFileInfo::exists(s.html));

        // A model without a data set: the dialog says what is missing and nothing is written.
        app::Document doc;
        auto cmd = doc.reportCommand(s, {}, {});
        QVERIFY(!cmd);
        QVERIFY2(
            QString::fromStdString(cmd.error().message).contains(QLatin1String("model")), cmd.error().message.c_str());
        w.document()->setDataSet(nullptr, {});
        const auto before = finished.count();
        w.exportReport(s); // refused at once
        QCOMPARE(finished.count(), before + 1);
        QVERIFY(!finished.back().at(0).toBool());
        QVERIFY2(finished.back().at(1).toString().contains(QLatin1String("data set")),
            qPrintable(finished.back().at(1).toString()));
        QVERIFY(!QFileInfo::exists(s.html));
    }
};

QTEST_MAIN(MainWindowReportTest)
#include "mainwindow_report_test.moc"
