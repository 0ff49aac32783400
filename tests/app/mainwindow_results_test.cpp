// SPDX-License-Identifier: MIT
// File › Open results…: an evaluation measured elsewhere (the merge of a sharded run) shows in Compare with the
// numbers of the file, the model it names opened first when none is; a sensitivity run's selection is kept in
// float with its table in the suggestion dialog; an activation analysis shows in the Errors view; results of another
// model, or a file that is not an evaluation, are refused with a message that names them.
#include "common/cli_runner.h"
#include "compare/comparemodel.h"
#include "gui/comparetab.h"
#include "gui/mainwindow.h"
#include "gui/messagearea.h"
#include "gui/suggestdialog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ql;

namespace {

const QString kData = QStringLiteral("/usr/share/datasets/fashion-mnist/");
const QString kModel = QStringLiteral(QL_SOURCE_DIR "/resources/demo/fashion_mnist_cnn.tflite");

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class MainWindowResultsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A cluster run in miniature: two shards of an evaluation, merged.
        const QStringList eval{QStringLiteral("eval"), kModel, QStringLiteral("--data"),
            kData + QStringLiteral("t10k-images-idx3-ubyte.gz"), QStringLiteral("--labels"),
            kData + QStringLiteral("t10k-labels-idx1-ubyte.gz"), QStringLiteral("--calibration-data"),
            kData + QStringLiteral("train-images-idx3-ubyte.gz"), QStringLiteral("--limit"), QStringLiteral("600"),
            QStringLiteral("--modes"), QStringLiteral("float32,int8,w3"), QStringLiteral("--latency-runs"),
            QStringLiteral("1")};
        QStringList merge{QStringLiteral("merge"), QStringLiteral("--json")};
        for (int i = 0; i < 2; ++i) {
            const QString part = m_dir.filePath(QStringLiteral("part%1.json").arg(i));
            const auto r = test::runCli(eval +
                QStringList{
                    QStringLiteral("--shard"), QStringLiteral("%1/2").arg(i), QStringLiteral("--partial"), part});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            merge << part;
        }
        const auto merged = test::runCli(merge);
        QVERIFY2(merged.code == 0, qPrintable(merged.err));
        m_results = m_dir.filePath(QStringLiteral("eval.json"));
        QVERIFY(writeFile(m_results, merged.out));
        m_json = QJsonDocument::fromJson(merged.out).object();
    }

    // No model open: the one the results name opens, then Compare shows the file's numbers.
    void resultsOpenTheirModelAndShowInCompare()
    {
        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        QVERIFY(w.openResults(m_results));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.front().front().toString(), kModel);
        const auto rows = w.compareModel()->results();
        QVERIFY(rows);
        const QJsonArray modes = m_json[QStringLiteral("modes")].toArray();
        QCOMPARE(rows->size(), static_cast<std::size_t>(modes.size()));
        for (qsizetype i = 0; i < modes.size(); ++i) {
            const QJsonObject m = modes[i].toObject();
            const auto& row = (*rows)[static_cast<std::size_t>(i)];
            QCOMPARE(QString::fromStdString(row.mode), m[QStringLiteral("mode")].toString());
            QCOMPARE(row.result.accuracy, m[QStringLiteral("accuracy")].toDouble());
            QCOMPARE(row.agreement, m[QStringLiteral("agreement")].toDouble());
            QCOMPARE(row.klMean, m[QStringLiteral("kl_mean")].toDouble());
            QCOMPARE(row.sizeBytes, m[QStringLiteral("size_bytes")].toInteger());
            QCOMPARE(row.confusion.size(), static_cast<std::size_t>(10));
            QCOMPARE(QString::fromStdString(row.collapse), m[QStringLiteral("collapse")].toString());
        }
        QVERIFY(!(*rows)[2].collapse.empty()); // the teaching 3-bit mode's collapse warning came along
        QVERIFY2(w.compareTab()->originText().contains(m_results), qPrintable(w.compareTab()->originText()));
        QVERIFY(w.compareTab()->originText().contains(QLatin1String("600")));
        QVERIFY(w.compareTab()->outOfDateText().isEmpty());
    }

    void resultsOfAnotherModelOrNoResultsAreRefused()
    {
        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        w.openFile(kModel);
        QVERIFY(loaded.wait(10000));

        QJsonObject other = m_json;
        other[QStringLiteral("model")] = QStringLiteral("/cluster/models/resnet8.tflite");
        other[QStringLiteral("model_sha256")] = QString(64, QLatin1Char('0'));
        const QString foreign = m_dir.filePath(QStringLiteral("foreign.json"));
        QVERIFY(writeFile(foreign, QJsonDocument(other).toJson()));
        QVERIFY(!w.openResults(foreign));
        QVERIFY(!w.compareModel()->results());
        QVERIFY2(w.messageArea()
                     ->messages()
                     .join(QLatin1Char('\n'))
                     .contains(QLatin1String("another model (resnet8.tflite)")),
            qPrintable(w.messageArea()->messages().join(QLatin1Char('\n'))));

        const QString damaged = m_dir.filePath(QStringLiteral("damaged.json"));
        QVERIFY(writeFile(damaged, "{\"modes\": [{\"mode\": \"int8\"}], \"samples\": 10}"));
        QVERIFY(!w.openResults(damaged));
        QVERIFY(w.messageArea()->messages().join(QLatin1Char('\n')).contains(QLatin1String("damaged.json")));

        // The right results after the refusals: shown, and the messages about the others gone.
        QVERIFY(w.openResults(m_results));
        QVERIFY(w.compareModel()->results());
        QVERIFY(!w.messageArea()->messages().join(QLatin1Char('\n')).contains(QLatin1String("another model")));
    }

    // A sensitivity ranking and selection measured elsewhere: the suggestion dialog shows its table and the layers
    // it selects are kept in float, one undo step.
    void sensitivityResultsKeepTheirSelectionInFloat()
    {
        const QString path = m_dir.filePath(QStringLiteral("sensitivity.json"));
        const auto r = test::runCli({QStringLiteral("sensitivity"), kModel, QStringLiteral("--data"),
            kData + QStringLiteral("t10k-images-idx3-ubyte.gz"), QStringLiteral("--limit"), QStringLiteral("2000"),
            QStringLiteral("--mode"), QStringLiteral("int8"), QStringLiteral("--per-tensor"),
            QStringLiteral("--budget"), QStringLiteral("0"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(writeFile(path, r.out));
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        std::vector<int> selected;
        for (const auto& v : j[QStringLiteral("keep_float")].toArray())
            selected.push_back(v.toInt());
        QVERIFY(!selected.empty());

        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        w.openFile(kModel);
        QVERIFY(loaded.wait(10000));
        const int undoSteps = w.undoStack()->count();
        QVERIFY(w.openResults(path));
        QCOMPARE(w.keptFloat(), selected);
        QCOMPARE(w.undoStack()->count(), undoSteps + 1);
        QCOMPARE(w.suggestDialog()->table()->rowCount(), j[QStringLiteral("layers")].toArray().size());
        QVERIFY(w.suggestDialog()->isVisible());
        QVERIFY2(w.suggestDialog()->summary().contains(QLatin1String("agreement")),
            qPrintable(w.suggestDialog()->summary()));
        w.undoStack()->undo();
        QVERIFY(w.keptFloat().empty());
    }

    // An activation analysis measured elsewhere: its SQNR per operator output in the Errors view.
    void analysisResultsShowInTheErrorsView()
    {
        const QString path = m_dir.filePath(QStringLiteral("analyze.json"));
        const auto r = test::runCli({QStringLiteral("analyze"), kModel, QStringLiteral("--mode"),
            QStringLiteral("int8"), QStringLiteral("--data"), kData + QStringLiteral("t10k-images-idx3-ubyte.gz"),
            QStringLiteral("--analysis-samples"), QStringLiteral("64"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(writeFile(path, r.out));
        std::vector<int> ops;
        for (const auto& v : QJsonDocument::fromJson(r.out).object()[QStringLiteral("activations")].toArray())
            ops.push_back(v.toObject()[QStringLiteral("index")].toInt());
        QVERIFY(!ops.empty());

        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        QSignalSpy ready(&w, &app::MainWindow::quantizedReady);
        w.openFile(kModel);
        QVERIFY(loaded.wait(10000));
        QVERIFY(ready.wait(20000)); // the local analysis first, so that it does not replace the opened one
        QVERIFY(w.openResults(path));
        QCOMPARE(w.activationOperators(), ops);
        QVERIFY2(
            w.activationCaption().contains(QLatin1String("measured elsewhere")), qPrintable(w.activationCaption()));
        QVERIFY(w.activationCaption().contains(path));
    }

private:
    QTemporaryDir m_dir;
    QString m_results;
    QJsonObject m_json;
};

QTEST_MAIN(MainWindowResultsTest)
#include "mainwindow_results_test.moc"
