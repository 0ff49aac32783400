// SPDX-License-Identifier: MIT
// Sharded evaluation through the CLI: four shards of `eval --shard I/N --partial FILE`, merged in any order,
// print the numbers one `eval` run prints, bit for bit (timings aside), also for a mode that collapses; a missing,
// repeated, foreign or damaged partial is refused and named. A sensitivity run in two sharded stages (ranking, then
// the selection the merged ranking asks for) gives what one run gives.
#include "common/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

const QString kData = QStringLiteral("/usr/share/datasets/fashion-mnist/");

QStringList evalArgs()
{
    return {QStringLiteral("eval"), QStringLiteral(QL_SOURCE_DIR "/resources/demo/fashion_mnist_cnn.tflite"),
        QStringLiteral("--data"), kData + QStringLiteral("t10k-images-idx3-ubyte.gz"), QStringLiteral("--labels"),
        kData + QStringLiteral("t10k-labels-idx1-ubyte.gz"), QStringLiteral("--calibration-data"),
        kData + QStringLiteral("train-images-idx3-ubyte.gz"), QStringLiteral("--limit"), QStringLiteral("2000"),
        QStringLiteral("--modes"), QStringLiteral("float32,float16,int8,16x8,w2"), QStringLiteral("--latency-runs"),
        QStringLiteral("1")};
}

// The JSON of eval / merge without what a re-run changes (run time, latency).
QJsonObject withoutTimings(QJsonObject j)
{
    j.remove(QStringLiteral("seconds"));
    QJsonArray modes;
    for (const auto& m : j[QStringLiteral("modes")].toArray()) {
        QJsonObject o = m.toObject();
        o.remove(QStringLiteral("latency_ms"));
        modes.append(o);
    }
    j[QStringLiteral("modes")] = modes;
    return j;
}

// A sensitivity run without labels (agreement with the float model) whose selection needs variants: int8 with
// per-tensor weights is below the float model's agreement of 1 and the budget is 0.
QStringList sensitivityArgs(const QString& budget = QStringLiteral("0"))
{
    return {QStringLiteral("sensitivity"), QStringLiteral(QL_SOURCE_DIR "/resources/demo/fashion_mnist_cnn.tflite"),
        QStringLiteral("--data"), kData + QStringLiteral("t10k-images-idx3-ubyte.gz"), QStringLiteral("--limit"),
        QStringLiteral("1500"), QStringLiteral("--mode"), QStringLiteral("int8"), QStringLiteral("--per-tensor"),
        QStringLiteral("--budget"), budget};
}

QJsonObject withoutRun(QJsonObject j)
{
    j.remove(QStringLiteral("seconds"));
    j.remove(QStringLiteral("run"));
    return j;
}

QJsonObject json(const test::CliRun& r)
{
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

class ShardTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (int i = 0; i < 4; ++i) {
            const auto r = test::runCli(evalArgs() +
                QStringList{
                    QStringLiteral("--shard"), QStringLiteral("%1/4").arg(i), QStringLiteral("--partial"), part(i)});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QVERIFY2(r.out.contains("samples " + QByteArray::number(500 * i)), r.out.constData());
        }
    }

    void mergedShardsEqualOneRun()
    {
        const auto single = test::runCli(evalArgs() + QStringList{QStringLiteral("--json")});
        QVERIFY2(single.code == 0, qPrintable(single.err));
        const auto merged =
            test::runCli({QStringLiteral("merge"), part(2), part(0), part(3), part(1), QStringLiteral("--json")});
        QVERIFY2(merged.code == 0, qPrintable(merged.err));
        const QJsonObject a = withoutTimings(json(single)), b = withoutTimings(json(merged));
        QCOMPARE(b[QStringLiteral("samples")].toInteger(), 2000);
        const QJsonArray modes = a[QStringLiteral("modes")].toArray();
        QCOMPARE(modes.size(), 5);
        // The teaching 2-bit mode collapses: the merged run names it and its causes as the single run does.
        const QString collapse = modes[4].toObject()[QStringLiteral("collapse")].toString();
        QVERIFY2(collapse.contains(QLatin1String("too coarse")), qPrintable(collapse));
        for (qsizetype i = 0; i < modes.size(); ++i)
            QVERIFY2(b[QStringLiteral("modes")].toArray()[i] == modes[i],
                qPrintable(QStringLiteral("mode %1:\n%2\n%3")
                               .arg(modes[i].toObject()[QStringLiteral("mode")].toString(),
                                   QString::fromUtf8(QJsonDocument(modes[i].toObject()).toJson()),
                                   QString::fromUtf8(
                                       QJsonDocument(b[QStringLiteral("modes")].toArray()[i].toObject()).toJson()))));
        QCOMPARE(b, a);
    }

    void aMissingRepeatedOrForeignShardIsRefused()
    {
        auto r = test::runCli({QStringLiteral("merge"), part(0), part(1), part(2)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("shard 3/4 is missing")), qPrintable(r.err));
        r = test::runCli({QStringLiteral("merge"), part(0), part(1), part(1), part(2), part(3)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("shard 1/4 is given twice")), qPrintable(r.err));

        // A shard of another option set (per-tensor weights).
        const QString foreign = m_dir.filePath(QStringLiteral("foreign.json"));
        r = test::runCli(evalArgs() +
            QStringList{QStringLiteral("--per-tensor"), QStringLiteral("--shard"), QStringLiteral("3/4"),
                QStringLiteral("--partial"), foreign});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = test::runCli({QStringLiteral("merge"), part(0), part(1), part(2), foreign});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("another run")), qPrintable(r.err));

        // A damaged partial: cut in the middle.
        QFile whole(part(3));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        const QString cut = m_dir.filePath(QStringLiteral("cut.json"));
        QFile c(cut);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(bytes.left(bytes.size() / 2));
        c.close();
        r = test::runCli({QStringLiteral("merge"), part(0), part(1), part(2), cut});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(cut), qPrintable(r.err));

        // Shard arguments that cannot work.
        r = test::runCli(evalArgs() +
            QStringList{QStringLiteral("--shard"), QStringLiteral("4/4"), QStringLiteral("--partial"),
                m_dir.filePath(QStringLiteral("x.json"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("0 <= I < N")), qPrintable(r.err));
        r = test::runCli(evalArgs() + QStringList{QStringLiteral("--shard"), QStringLiteral("1/4")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("--partial")), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.json"))));
    }

    void shardedSensitivityEqualsOneRun()
    {
        const auto single = test::runCli(sensitivityArgs() + QStringList{QStringLiteral("--json")});
        QVERIFY2(single.code == 0, qPrintable(single.err));
        const QJsonObject one = json(single);
        QCOMPARE(one[QStringLiteral("metric")].toString(), QStringLiteral("agreement"));
        QVERIFY(!one[QStringLiteral("keep_float")].toArray().isEmpty()); // the selection stage has work
        QStringList ranking{QStringLiteral("merge")}, both{QStringLiteral("merge")};
        for (int i = 2; i >= 0; --i) {
            const auto r = test::runCli(sensitivityArgs() +
                QStringList{QStringLiteral("--shard"), QStringLiteral("%1/3").arg(i), QStringLiteral("--partial"),
                    sens(QStringLiteral("rank"), i)});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            ranking << sens(QStringLiteral("rank"), i);
        }
        const auto merged = test::runCli(ranking + QStringList{QStringLiteral("--json")});
        QVERIFY2(merged.code == 0, qPrintable(merged.err));
        const QJsonObject rank = json(merged);
        QCOMPARE(rank[QStringLiteral("complete")].toBool(), false);
        QCOMPARE(rank[QStringLiteral("layers")], one[QStringLiteral("layers")]);
        QCOMPARE(rank[QStringLiteral("selection_order")], one[QStringLiteral("selection_order")]);
        QFile rankingFile(m_dir.filePath(QStringLiteral("ranking.json")));
        QVERIFY(rankingFile.open(QIODevice::WriteOnly));
        rankingFile.write(merged.out);
        rankingFile.close();
        for (int i = 0; i < 3; ++i) {
            const auto r = test::runCli(sensitivityArgs() +
                QStringList{QStringLiteral("--shard"), QStringLiteral("%1/3").arg(i), QStringLiteral("--partial"),
                    sens(QStringLiteral("select"), i), QStringLiteral("--ranking"), rankingFile.fileName()});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            both << sens(QStringLiteral("select"), i) << sens(QStringLiteral("rank"), i);
        }
        const auto all = test::runCli(both + QStringList{QStringLiteral("--json")});
        QVERIFY2(all.code == 0, qPrintable(all.err));
        QCOMPARE(withoutRun(json(all)), withoutRun(one));

        // Refused: a selection shard missing, the selection alone, a ranking of another run (another budget), eval
        // and sensitivity partials together.
        auto r = test::runCli(QStringList{QStringLiteral("merge"), sens(QStringLiteral("rank"), 0),
            sens(QStringLiteral("rank"), 1), sens(QStringLiteral("rank"), 2), sens(QStringLiteral("select"), 0),
            sens(QStringLiteral("select"), 2)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("selection stage: shard 1/3 is missing")), qPrintable(r.err));
        r = test::runCli(QStringList{QStringLiteral("merge"), sens(QStringLiteral("select"), 0),
            sens(QStringLiteral("select"), 1), sens(QStringLiteral("select"), 2)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("ranking stage")), qPrintable(r.err));
        r = test::runCli(sensitivityArgs(QStringLiteral("0.5")) +
            QStringList{QStringLiteral("--shard"), QStringLiteral("0/3"), QStringLiteral("--partial"),
                sens(QStringLiteral("other"), 0), QStringLiteral("--ranking"), rankingFile.fileName()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("another run")), qPrintable(r.err));
        QVERIFY(!QFile::exists(sens(QStringLiteral("other"), 0)));
        r = test::runCli(QStringList{QStringLiteral("merge"), sens(QStringLiteral("rank"), 0), part(0)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("cannot merge")), qPrintable(r.err));
    }

    // Calibration once: `calibrate` writes the ranges, --ranges uses exactly them (the same numbers as calibrating
    // in the command, the same quantized file byte for byte), and ranges of another model or beside calibration
    // options are refused.
    void rangesCalibratedOnceTravelWithTheJob()
    {
        const QString model = QStringLiteral(QL_SOURCE_DIR "/resources/demo/fashion_mnist_cnn.tflite");
        const QString ranges = m_dir.filePath(QStringLiteral("ranges.json"));
        const QStringList calibration{QStringLiteral("--calibration-data"),
            kData + QStringLiteral("train-images-idx3-ubyte.gz"), QStringLiteral("--samples"), QStringLiteral("300"),
            QStringLiteral("--calibration"), QStringLiteral("percentile:99.9")};
        auto r = test::runCli(QStringList{QStringLiteral("calibrate"), model, QStringLiteral("-o"), ranges} + calibration);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("percentile:99.9, 300 samples"), r.out.constData());

        const QStringList eval{QStringLiteral("eval"), model, QStringLiteral("--data"),
            kData + QStringLiteral("t10k-images-idx3-ubyte.gz"), QStringLiteral("--labels"),
            kData + QStringLiteral("t10k-labels-idx1-ubyte.gz"), QStringLiteral("--limit"), QStringLiteral("1000"),
            QStringLiteral("--modes"), QStringLiteral("float32,int8,16x8"), QStringLiteral("--latency-runs"),
            QStringLiteral("1"), QStringLiteral("--json")};
        const auto calibrated = test::runCli(eval + calibration);
        const auto fromFile = test::runCli(eval + QStringList{QStringLiteral("--ranges"), ranges});
        QVERIFY2(calibrated.code == 0 && fromFile.code == 0, qPrintable(calibrated.err + fromFile.err));
        QJsonObject a = withoutTimings(json(calibrated)), b = withoutTimings(json(fromFile));
        QVERIFY2(b[QStringLiteral("notes")].toArray().first().toString().contains(ranges), fromFile.out.constData());
        a.remove(QStringLiteral("notes"));
        b.remove(QStringLiteral("notes"));
        QCOMPARE(b, a);

        const QString q1 = m_dir.filePath(QStringLiteral("q1.tflite")), q2 = m_dir.filePath(QStringLiteral("q2.tflite"));
        r = test::runCli(QStringList{QStringLiteral("quantize"), model, QStringLiteral("--mode"), QStringLiteral("int8"),
                             QStringLiteral("-o"), q1} + calibration);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = test::runCli({QStringLiteral("quantize"), model, QStringLiteral("--mode"), QStringLiteral("int8"),
            QStringLiteral("-o"), q2, QStringLiteral("--ranges"), ranges});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f1(q1), f2(q2);
        QVERIFY(f1.open(QIODevice::ReadOnly) && f2.open(QIODevice::ReadOnly));
        QCOMPARE(f2.readAll(), f1.readAll());

        // Refused: calibration options beside --ranges, ranges of another model, a damaged file.
        r = test::runCli(eval + QStringList{QStringLiteral("--ranges"), ranges, QStringLiteral("--samples"),
                                    QStringLiteral("10")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("--samples belongs to `quantlens-cli calibrate`")), qPrintable(r.err));
        const QString other = m_dir.filePath(QStringLiteral("other.tflite"));
        QVERIFY(QFile::copy(q1, other));
        QStringList onOther = eval;
        onOther[1] = other;
        r = test::runCli(onOther + QStringList{QStringLiteral("--ranges"), ranges});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("calibrated for another model")), qPrintable(r.err));
        QFile whole(ranges);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        const QString cut = m_dir.filePath(QStringLiteral("cut-ranges.json"));
        QFile c(cut);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(bytes.left(bytes.size() - 20));
        c.close();
        r = test::runCli(eval + QStringList{QStringLiteral("--ranges"), cut});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(cut) && r.err.contains(QLatin1String("not a file of activation ranges")),
            qPrintable(r.err));
    }

    // A shard decodes only its own images: a damaged image outside its share does not stop it, and the shard that
    // holds it names it.
    void aShardReadsOnlyItsOwnSamples()
    {
        const QString model = QStringLiteral(QL_SOURCE_DIR "/resources/demo/fashion_mnist_cnn.tflite");
        const QString ranges = m_dir.filePath(QStringLiteral("folder-ranges.json"));
        auto r = test::runCli({QStringLiteral("calibrate"), model, QStringLiteral("--calibration-data"),
            kData + QStringLiteral("train-images-idx3-ubyte.gz"), QStringLiteral("-o"), ranges});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString folder = m_dir.filePath(QStringLiteral("images"));
        QVERIFY(QDir().mkpath(folder));
        for (int i = 0; i < 8; ++i) {
            QFile f(folder + QStringLiteral("/img%1.pgm").arg(i));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray pixels(28 * 28, '\0');
            for (qsizetype k = 0; k < pixels.size(); ++k)
                pixels[k] = static_cast<char>((k * (i + 3)) % 251);
            f.write("P5\n28 28\n255\n");
            f.write(i == 6 ? QByteArray("damaged") : pixels); // the sixth image of the second share
        }
        const QStringList eval{QStringLiteral("eval"), model, QStringLiteral("--data"), folder, QStringLiteral("--ranges"),
            ranges, QStringLiteral("--modes"), QStringLiteral("float32,int8"), QStringLiteral("--latency-runs"),
            QStringLiteral("1")};
        r = test::runCli(eval + QStringList{QStringLiteral("--shard"), QStringLiteral("0/2"), QStringLiteral("--partial"),
                                    m_dir.filePath(QStringLiteral("folder0.json"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("samples 0..3 of 8"), r.out.constData());
        r = test::runCli(eval + QStringList{QStringLiteral("--shard"), QStringLiteral("1/2"), QStringLiteral("--partial"),
                                    m_dir.filePath(QStringLiteral("folder1.json"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("img6.pgm")), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("folder1.json"))));
    }

    // The activation analysis in shards: every sample's statistics folded in sample order give one run's metrics,
    // clipped shares and histograms (also when the histograms' first four samples span two shards).
    void shardedActivationAnalysisEqualsOneRun_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("samples");
        QTest::addColumn<int>("shards");
        QTest::newRow("int8, 300 samples in 3") << QStringLiteral("int8") << QStringLiteral("300") << 3;
        QTest::newRow("dynamic, 10 samples in 4") << QStringLiteral("dynamic") << QStringLiteral("10") << 4;
    }

    void shardedActivationAnalysisEqualsOneRun()
    {
        QFETCH(QString, mode);
        QFETCH(QString, samples);
        QFETCH(int, shards);
        const QStringList analyze{QStringLiteral("analyze"),
            QStringLiteral(QL_SOURCE_DIR "/resources/demo/fashion_mnist_cnn.tflite"), QStringLiteral("--mode"), mode,
            QStringLiteral("--data"), kData + QStringLiteral("t10k-images-idx3-ubyte.gz"),
            QStringLiteral("--analysis-samples"), samples};
        const auto single = test::runCli(analyze + QStringList{QStringLiteral("--json")});
        QVERIFY2(single.code == 0, qPrintable(single.err));
        QStringList merge{QStringLiteral("merge"), QStringLiteral("--json")};
        for (int i = shards - 1; i >= 0; --i) {
            const QString partial = m_dir.filePath(QStringLiteral("analyze-%1-%2.json").arg(mode).arg(i));
            const auto r = test::runCli(analyze +
                QStringList{QStringLiteral("--shard"), QStringLiteral("%1/%2").arg(i).arg(shards),
                    QStringLiteral("--partial"), partial});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            merge << partial;
        }
        const auto merged = test::runCli(merge);
        QVERIFY2(merged.code == 0, qPrintable(merged.err));
        QJsonObject a = json(single), b = json(merged);
        for (auto* j : {&a, &b}) {
            j->remove(QStringLiteral("weight_analysis_ms"));
            j->remove(QStringLiteral("activation_analysis_ms"));
        }
        QVERIFY(!a[QStringLiteral("activations")].toArray().isEmpty());
        QCOMPARE(b, a);
        // Without one shard, the merge names it.
        merge.removeLast();
        const auto missing = test::runCli(merge);
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains(QLatin1String("shard 0/")), qPrintable(missing.err));
    }

private:
    QString sens(const QString& stage, int i) const
    {
        return m_dir.filePath(QStringLiteral("%1%2.json").arg(stage).arg(i));
    }
    QString part(int i) const { return m_dir.filePath(QStringLiteral("part%1.json").arg(i)); }
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(ShardTest)
#include "shard_test.moc"
