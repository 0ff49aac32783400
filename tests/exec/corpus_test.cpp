// SPDX-License-Identifier: MIT
// Every real model in ../shared/models and ../shared/models/wild (each signature), run by QuantLens and
// by LiteRT on seeded inputs in the model's own dtypes: integer outputs must be equal, float outputs
// within the budget of the model's kind (common/crosscheck.h). Models LiteRT cannot run (variable
// tensors, custom operators it lacks, TensorFlow operators) are listed with LiteRT's reason; where
// QuantLens runs them, other tests compare them with an independent evaluation (the signal_* and
// audio_preprocessor tests, posenet_* and resize_argmax tests, lstm_reference, the MediaPipe operators'
// op_test cases). The test prints the table.
// QL_CORPUS_SAMPLE=N checks every N-th model only (the sanitizer build).
#include "common/corpus.h"
#include "common/model_facts.h"

#include <QTest>

#include <filesystem>

using namespace ql;

namespace {

std::vector<std::string> corpusModels()
{
    std::vector<std::string> files;
    for (const auto& dir : {test::modelsDir(), test::modelsDir() + "/wild"})
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().extension() == ".tflite")
                files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    const int sample = qEnvironmentVariableIntValue("QL_CORPUS_SAMPLE");
    if (sample > 1) {
        std::vector<std::string> some;
        for (std::size_t i = 0; i < files.size(); i += static_cast<std::size_t>(sample))
            some.push_back(files[i]);
        files = some;
    }
    return files;
}

std::vector<QString>& table()
{
    static std::vector<QString> lines;
    return lines;
}

} // namespace

class CorpusTest : public QObject {
    Q_OBJECT

private slots:
    void everyModel_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("signature");
        for (const auto& f : corpusModels()) {
            auto keys = test::signaturesOf(f);
            if (keys.empty())
                keys.push_back({});
            for (const auto& k : keys) {
                const QString name = QString::fromStdString(std::filesystem::path(f).filename().string()) +
                    (k.empty() ? QString() : QStringLiteral(" [%1]").arg(QString::fromStdString(k)));
                QTest::newRow(qPrintable(name)) << QString::fromStdString(f) << QString::fromStdString(k);
            }
        }
    }

    void everyModel()
    {
        QFETCH(QString, path);
        QFETCH(QString, signature);
        // LiteRT's placeholder signature over subgraph 0 is the subgraph itself.
        const std::string key = signature == QLatin1String("<placeholder signature>") ? std::string() : signature.toStdString();
        const test::CorpusRow row = test::checkCorpusModel(path.toStdString(), key, 1234);
        table().push_back(test::corpusLine(row));
        qInfo("%s", qPrintable(table().back()));
        if (row.litertRuns) {
            // What LiteRT runs, QuantLens runs, with the same results.
            QVERIFY2(row.quantlensRuns, row.quantlensError.c_str());
            QVERIFY2(row.matches(), qPrintable(table().back()));
        } else if (!row.quantlensRuns) {
            // Neither runs it: QuantLens must say which operator stops it.
            QVERIFY2(row.quantlensError.find("operator") != std::string::npos, row.quantlensError.c_str());
        }
    }

    void cleanupTestCase()
    {
        qInfo("corpus: %d model/signature rows", static_cast<int>(table().size()));
        for (const auto& l : table())
            qInfo("  %s", qPrintable(l));
    }
};

QTEST_GUILESS_MAIN(CorpusTest)
#include "corpus_test.moc"
