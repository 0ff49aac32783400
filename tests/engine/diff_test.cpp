// SPDX-License-Identifier: MIT
// Comparing two models (eval/diff.h and `quantlens-cli diff`): the converter's int8 VWW MobileNet against
// QuantLens' own int8 export of its float twin matches every operator and reports, for each layer whose
// scales differ, the ratio the two files actually hold; a model against itself differs nowhere; a float
// model against its int8 twin reports the type change; an operator one model lacks is listed as such.
#include "common/cli_runner.h"
#include "common/model_facts.h"
#include "common/own_export.h"
#include "data/npy.h"
#include "eval/diff.h"
#include "eval/diff_outputs.h"
#include "model/reader.h"
#include "model/writer.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

using namespace ql;

namespace {

model::Graph readModel(const std::string& file)
{
    auto g = model::readTflite(test::modelPath(file));
    if (!g)
        qFatal("%s", g.error().message.c_str());
    return std::move(*g);
}

model::Graph ownInt8Export()
{
    auto g = test::ownVwwInt8Export();
    if (!g)
        qFatal("%s", g.error().message.c_str());
    return std::move(*g);
}

const model::Tensor& outputOf(const model::Graph& g, int op)
{
    return g.main().tensors[static_cast<std::size_t>(g.main().operators[static_cast<std::size_t>(op)].outputs[0])];
}

} // namespace

class DiffTest : public QObject {
    Q_OBJECT

private slots:
    void convertersInt8AgainstOwnExportReportsEveryScaleChange()
    {
        const model::Graph a = readModel("vww_mobilenet_v1_025_96_int8.tflite");
        const model::Graph b = ownInt8Export();
        const auto d = eval::diffModels(a, b);
        QCOMPARE(d.matches.size(), a.main().operators.size());
        QVERIFY(d.onlyA.empty() && d.onlyB.empty());
        int byName = 0, scaleChanges = 0;
        for (const auto& m : d.matches) {
            QCOMPARE(m.a, m.b); // same network, same order
            byName += m.byName;
            QCOMPARE(a.opName(a.main().operators[static_cast<std::size_t>(m.a)]), m.op);
            // The reported output change is exactly what the two files hold.
            const auto& ta = outputOf(a, m.a);
            const auto& tb = outputOf(b, m.b);
            const double sa = ta.quantization.scale[0], sb = tb.quantization.scale[0];
            const double ratio = std::max(sa / sb, sb / sa);
            const auto out = std::find_if(m.tensors.begin(), m.tensors.end(), [](const auto& t) { return t.role == "output"; });
            const bool differs = ratio > 1 + 1e-6 || ta.quantization.zeroPoint != tb.quantization.zeroPoint;
            QCOMPARE(out != m.tensors.end(), differs);
            if (out != m.tensors.end()) {
                QVERIFY(std::abs(out->scaleRatio - ratio) < 1e-9 * ratio);
                QCOMPARE(out->scaleA, ta.quantization.scale);
                QCOMPARE(out->scaleB, tb.quantization.scale);
                scaleChanges += ratio > 1 + 1e-6;
            }
            // Weights quantized the converter's way: per channel, codes at most one step apart.
            if (m.op == "CONV_2D" || m.op == "DEPTHWISE_CONV_2D") {
                QVERIFY(m.weightMaxLsb.has_value());
                QVERIFY2(*m.weightMaxLsb <= 1.0 + 1e-6, qPrintable(QString::number(*m.weightMaxLsb)));
            }
        }
        QVERIFY(byName >= 30); // the converter renamed the output (SOFTMAX -> Identity_int8) at most
        QVERIFY(scaleChanges >= 20); // random calibration images, not the converter's data set
        QCOMPARE(d.changed, static_cast<int>(std::count_if(d.matches.begin(), d.matches.end(), [](const auto& m) { return m.changed(); })));

        // The CLI says the same, as JSON and as text.
        QTemporaryDir dir;
        const QString own = dir.filePath(QStringLiteral("own_int8.tflite"));
        QVERIFY(model::writeTflite(b, own.toStdString()).ok());
        const QString converter = QString::fromStdString(test::modelPath("vww_mobilenet_v1_025_96_int8.tflite"));
        const auto run = test::cli({QStringLiteral("diff"), converter, own, QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject j = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(j[QStringLiteral("matched")].toInt(), static_cast<int>(d.matches.size()));
        QCOMPARE(j[QStringLiteral("changed")].toInt(), d.changed);
        const QJsonArray ops = j[QStringLiteral("operators")].toArray();
        QCOMPARE(ops.size(), d.changed);
        const QJsonObject first = ops.first().toObject();
        QCOMPARE(first[QStringLiteral("a")].toInt(), d.matches.front().a);
        const QJsonObject firstOut = first[QStringLiteral("tensors")].toArray().first().toObject();
        QCOMPARE(firstOut[QStringLiteral("role")].toString(), QStringLiteral("output"));
        QVERIFY(std::abs(firstOut[QStringLiteral("scale_ratio")].toDouble() - d.matches.front().tensors.front().scaleRatio) < 1e-9);
        const auto text = test::cli({QStringLiteral("diff"), converter, own});
        QVERIFY(text.code == 0);
        QVERIFY2(QString::fromUtf8(text.out).contains(QStringLiteral("#0 -> #0 CONV_2D")), text.out.constData());
        QVERIFY(QString::fromUtf8(text.out).contains(QStringLiteral("output: scale ")));
    }

    // Both models on the same samples: every pair's outputs compared; a model against itself agrees exactly.
    void outputsOnTheSameSamples()
    {
        const model::Graph a = readModel("vww_mobilenet_v1_025_96_int8.tflite");
        const model::Graph b = ownInt8Export();
        data::SampleSet data;
        data.sampleShape = {96, 96, 3};
        data.count = 6;
        std::mt19937 rng(11);
        std::uniform_real_distribution<float> u(0.0f, 1.0f);
        for (int i = 0; i < 6 * 96 * 96 * 3; ++i)
            data.values.push_back(u(rng));
        const auto d = eval::diffModels(a, b);
        auto r = eval::compareOutputs(a, b, d, data, 4);
        QVERIFY2(r.ok(), r ? "" : r.error().message.c_str());
        QCOMPARE(r->samples, std::int64_t{4});
        QCOMPARE(r->pairs.size(), d.matches.size());
        for (const auto& p : r->pairs) {
            QVERIFY(p.compared);
            QVERIFY(std::isfinite(p.sqnrDb)); // different scales: never bit-equal
            QVERIFY(p.cosine > 0.9); // yet the same network
        }
        QVERIFY(r->top1Agreement >= 0 && r->top1Agreement <= 1);

        auto same = eval::compareOutputs(a, a, eval::diffModels(a, a), data, 3);
        QVERIFY(same.ok());
        QCOMPARE(same->top1Agreement, 1.0);
        for (const auto& p : same->pairs) {
            QVERIFY(std::isinf(p.sqnrDb));
            QCOMPARE(p.maxAbsDiff, 0.0);
        }

        // The CLI: --data adds the outputs object.
        QTemporaryDir dir;
        const QString own = dir.filePath(QStringLiteral("own_int8.tflite"));
        QVERIFY(model::writeTflite(b, own.toStdString()).ok());
        data::NpyArray npy;
        npy.dtype = model::DType::Float32;
        npy.shape = {6, 96, 96, 3};
        npy.data.resize(data.values.size() * 4);
        std::memcpy(npy.data.data(), data.values.data(), npy.data.size());
        const QString npyPath = dir.filePath(QStringLiteral("data.npy"));
        QVERIFY(data::writeNpy(npyPath.toStdString(), npy).ok());
        const auto run = test::cli({QStringLiteral("diff"), QString::fromStdString(test::modelPath("vww_mobilenet_v1_025_96_int8.tflite")),
            own, QStringLiteral("--data"), npyPath, QStringLiteral("--samples"), QStringLiteral("4"), QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject outputs = QJsonDocument::fromJson(run.out).object()[QStringLiteral("outputs")].toObject();
        QCOMPARE(outputs[QStringLiteral("samples")].toInt(), 4);
        const QJsonArray pairs = outputs[QStringLiteral("pairs")].toArray();
        QCOMPARE(pairs.size(), static_cast<qsizetype>(r->pairs.size()));
        QVERIFY(std::abs(pairs.first().toObject()[QStringLiteral("sqnr_db")].toDouble() - r->pairs.front().sqnrDb) < 1e-9);
        // Data that does not fit model A's input: a clear error, exit status 1.
        const auto bad = test::cli({QStringLiteral("diff"), own, own, QStringLiteral("--data"),
            QString::fromStdString(test::modelPath("../models/MODELS.md"))});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("data")), qPrintable(bad.err));
    }

    void aModelAgainstItselfDiffersNowhere()
    {
        const model::Graph a = readModel("mobilenet_v2_100_224_int8_uint8io.tflite");
        const auto d = eval::diffModels(a, a);
        QCOMPARE(d.matches.size(), a.main().operators.size());
        QCOMPARE(d.changed, 0);
        for (const auto& m : d.matches) {
            QCOMPARE(m.a, m.b);
            QVERIFY(m.byName);
            if (m.weightMaxLsb)
                QCOMPARE(*m.weightMaxLsb, 0.0);
        }
    }

    void floatAgainstInt8ReportsTheTypeChange()
    {
        const model::Graph f = readModel("vww_mobilenet_v1_025_96_float32.tflite");
        const model::Graph q = readModel("vww_mobilenet_v1_025_96_int8.tflite");
        const auto d = eval::diffModels(f, q);
        QCOMPARE(d.matches.size(), f.main().operators.size());
        for (const auto& m : d.matches) {
            const auto out = std::find_if(m.tensors.begin(), m.tensors.end(), [](const auto& t) { return t.role == "output"; });
            QVERIFY(out != m.tensors.end());
            QCOMPARE(out->dtypeA, std::string("float32"));
            QCOMPARE(out->dtypeB, std::string("int8"));
            QCOMPARE(out->scaleRatio, 0.0); // only B has a scale
        }
    }

    void anOperatorOnlyOneModelHasIsListed()
    {
        // The converter's int8 file against itself with its last operator (SOFTMAX) removed.
        const model::Graph a = readModel("vww_mobilenet_v1_025_96_int8.tflite");
        model::Graph b = a;
        auto& sg = b.subgraphs.front();
        const int last = static_cast<int>(sg.operators.size()) - 1;
        sg.outputs = sg.operators.back().inputs;
        sg.operators.pop_back();
        const auto d = eval::diffModels(a, b);
        QCOMPARE(d.onlyA, std::vector<int>{last});
        QVERIFY(d.onlyB.empty());
        QCOMPARE(d.changed, 0);
    }
};

QTEST_GUILESS_MAIN(DiffTest)
#include "diff_test.moc"
