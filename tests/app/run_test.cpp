// SPDX-License-Identifier: MIT
// End-to-end tests of `quantlens-cli run` and `bench`.
#include "common/cli_runner.h"
#include "common/model_facts.h"
#include "common/graph_builder.h"
#include "common/op_builder.h"
#include "data/npy.h"
#include "model/writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace ql;

namespace {

using Run = test::CliRun;

Run cli(const QStringList& args)
{
    return test::runCli(args);
}

QString modelFile(const char* f)
{
    return QString::fromStdString(test::modelPath(f));
}

QString writeFloats(const QTemporaryDir& dir, const QString& name, std::vector<std::int64_t> shape, float value)
{
    data::NpyArray a;
    a.dtype = model::DType::Float32;
    a.shape = std::move(shape);
    a.data.resize(static_cast<std::size_t>(a.elementCount() * 4));
    for (std::int64_t i = 0; i < a.elementCount(); ++i)
        std::memcpy(a.data.data() + i * 4, &value, 4);
    const QString path = dir.filePath(name);
    if (!data::writeNpy(path.toStdString(), a).ok())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class RunTest : public QObject {
    Q_OBJECT

private slots:
    void runsAndWritesOutputsInTheirDtype()
    {
        QTemporaryDir dir;
        // sin(1.5708) ~ 1 through the float and the int8 twin of hello_world.
        const QString x = writeFloats(dir, QStringLiteral("x.npy"), {1, 1}, 1.5708f);
        const QString out = dir.filePath(QStringLiteral("out"));
        Run r = cli({QStringLiteral("run"), modelFile("hello_world_twin_float32.tflite"), QStringLiteral("--input"), x,
            QStringLiteral("--output-dir"), out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        const QJsonObject o = json[QStringLiteral("outputs")].toArray()[0].toObject();
        QCOMPARE(o[QStringLiteral("dtype")].toString(), QStringLiteral("float32"));
        auto y = data::readNpy(o[QStringLiteral("file")].toString().toStdString());
        QVERIFY(y.ok());
        float v;
        std::memcpy(&v, y->data.data(), 4);
        QVERIFY(std::abs(v - 1.0f) < 0.1f);

        r = cli({QStringLiteral("run"), modelFile("hello_world_twin_int8_floatio.tflite"), QStringLiteral("--input"), x,
            QStringLiteral("--output-dir"), out, QStringLiteral("--rounding"), QStringLiteral("reference"),
            QStringLiteral("--dump-intermediates")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto j2 = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j2[QStringLiteral("rounding")].toString(), QStringLiteral("reference"));
        // QUANTIZE, 3 x FULLY_CONNECTED, DEQUANTIZE: the int8 activations are dumped too.
        const QJsonArray inter = j2[QStringLiteral("intermediates")].toArray();
        QVERIFY(inter.size() >= 5);
        int int8 = 0;
        for (const auto& e : inter)
            int8 += e.toObject()[QStringLiteral("dtype")].toString() == QStringLiteral("int8");
        QCOMPARE(int8, 4);
        auto y8 = data::readNpy(out.toStdString() + "/out0.npy");
        QVERIFY(y8.ok());
        std::memcpy(&v, y8->data.data(), 4);
        QVERIFY(std::abs(v - 1.0f) < 0.1f);
    }

    void wrongInputsGetClearErrors()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out"));
        const QString wrongShape = writeFloats(dir, QStringLiteral("w.npy"), {1, 2}, 0.5f);
        Run r = cli({QStringLiteral("run"), modelFile("hello_world_twin_float32.tflite"), QStringLiteral("--input"),
            wrongShape, QStringLiteral("--output-dir"), out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("takes float32 [1,1] (its dimensions marked -1 in [-1,1] may vary), the file "
                                               "holds float32 [1,2]")),
            qPrintable(r.err));

        const QString x = writeFloats(dir, QStringLiteral("x.npy"), {1, 1}, 0.5f);
        r = cli({QStringLiteral("run"), modelFile("hello_world_twin_int8.tflite"), QStringLiteral("--input"), x,
            QStringLiteral("--output-dir"), out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("takes int8 [1,1], the file holds float32")), qPrintable(r.err));

        r = cli({QStringLiteral("run"), modelFile("hello_world_twin_float32.tflite"), QStringLiteral("--input"), x,
            QStringLiteral("--input"), x, QStringLiteral("--output-dir"), out});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("the model has 1 input(s), 2 --input given")));

        QFile junk(dir.filePath(QStringLiteral("junk.npy")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not numpy");
        junk.close();
        r = cli({QStringLiteral("run"), modelFile("hello_world_twin_float32.tflite"), QStringLiteral("--input"),
            junk.fileName(), QStringLiteral("--output-dir"), out});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("not a usable .npy file")));

        r = cli({QStringLiteral("run"), modelFile("hello_world_twin_float32.tflite"), QStringLiteral("--input"), x,
            QStringLiteral("--output-dir"), out, QStringLiteral("--rounding"), QStringLiteral("banker")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("--rounding must be")));
    }

    void aBatchResizesTheDynamicDimension()
    {
        // conv_fc_mnist's input is [1,28,28,1] with a shape signature of [-1,28,28,1]: a file with 3
        // images runs as a batch of 3, each row as the image alone gives.
        const QString model = QStringLiteral(QL_SHARED_DIR "/models/wild/conv_fc_mnist_float32.tflite");
        QTemporaryDir dir;
        data::NpyArray batch;
        batch.dtype = model::DType::Float32;
        batch.shape = {3, 28, 28, 1};
        std::vector<float> pixels(3 * 28 * 28);
        for (std::size_t i = 0; i < pixels.size(); ++i)
            pixels[i] = static_cast<float>((i * 7919) % 256) / 255.0f;
        batch.data.resize(pixels.size() * 4);
        std::memcpy(batch.data.data(), pixels.data(), batch.data.size());
        const QString batchFile = dir.filePath(QStringLiteral("batch.npy"));
        QVERIFY(data::writeNpy(batchFile.toStdString(), batch).ok());
        Run r = cli({QStringLiteral("run"), model, QStringLiteral("--input"), batchFile, QStringLiteral("--output-dir"),
            dir.filePath(QStringLiteral("b"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out).object()[QStringLiteral("outputs")].toArray()[0].toObject();
        QCOMPARE(o[QStringLiteral("shape")].toArray(), (QJsonArray{3, 10}));
        auto all = data::readNpy(o[QStringLiteral("file")].toString().toStdString());
        QVERIFY(all.ok());
        for (int row = 0; row < 3; ++row) {
            data::NpyArray one = batch;
            one.shape = {1, 28, 28, 1};
            one.data.assign(batch.data.begin() + row * 28 * 28 * 4, batch.data.begin() + (row + 1) * 28 * 28 * 4);
            const QString f = dir.filePath(QStringLiteral("row%1.npy").arg(row));
            QVERIFY(data::writeNpy(f.toStdString(), one).ok());
            r = cli({QStringLiteral("run"), model, QStringLiteral("--input"), f, QStringLiteral("--output-dir"),
                dir.filePath(QStringLiteral("r%1").arg(row))});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            auto single = data::readNpy(dir.filePath(QStringLiteral("r%1/out0.npy").arg(row)).toStdString());
            QVERIFY(single.ok());
            QCOMPARE(single->shape, (std::vector<std::int64_t>{1, 10}));
            for (int k = 0; k < 10; ++k) {
                float a, b;
                std::memcpy(&a, all->data.data() + (row * 10 + k) * 4, 4);
                std::memcpy(&b, single->data.data() + k * 4, 4);
                QVERIFY2(std::abs(a - b) <= 1e-5f * (1 + std::abs(b)), qPrintable(QStringLiteral("row %1 class %2: %3 vs %4").arg(row).arg(k).arg(a).arg(b)));
            }
        }
        // Only the dynamic dimension may change.
        batch.shape = {3, 28, 27, 1};
        batch.data.resize(3 * 28 * 27 * 4);
        QVERIFY(data::writeNpy(batchFile.toStdString(), batch).ok());
        r = cli({QStringLiteral("run"), model, QStringLiteral("--input"), batchFile, QStringLiteral("--output-dir"),
            dir.filePath(QStringLiteral("b"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("its dimensions marked -1 in [-1,28,28,1] may vary")), qPrintable(r.err));
    }

    void aSignatureIsRunByItsKey()
    {
        // Two signatures: "add" (subgraph 0) and "scale" (subgraph 1), inputs bound by their names.
        test::GraphBuilder b;
        for (const char* name : {"add", "scale"}) {
            const int sg = b.subgraph(name);
            const int x = b.input(sg, "x", model::DType::Float32, {2});
            const int y = b.input(sg, "y", model::DType::Float32, {2});
            const int o = b.tensor(sg, "o", model::DType::Float32, {2});
            tflite::BuiltinOptionsUnion u;
            if (sg == 0)
                u.Set(tflite::AddOptionsT{});
            else
                u.Set(tflite::MulOptionsT{});
            b.op(sg, sg == 0 ? tflite::BuiltinOperator::ADD : tflite::BuiltinOperator::MUL, {x, y}, {o}, u);
            b.output(sg, o);
        }
        b.signature("add", 0, {{"left", 0}, {"right", 1}}, {{"total", 2}});
        b.signature("scale", 1, {{"signal", 0}, {"gain", 1}}, {{"scaled", 2}});
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("two.tflite"));
        QVERIFY(model::writeTflite(b.graph(), model.toStdString()).ok());
        const QString three = writeFloats(dir, QStringLiteral("three.npy"), {2}, 3.0f);
        const QString half = writeFloats(dir, QStringLiteral("half.npy"), {2}, 0.5f);
        Run r = cli({QStringLiteral("run"), model, QStringLiteral("--signature"), QStringLiteral("scale"),
            QStringLiteral("--input"), QStringLiteral("gain=") + half, QStringLiteral("--input"), QStringLiteral("signal=") + three,
            QStringLiteral("--output-dir"), dir.filePath(QStringLiteral("out"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json[QStringLiteral("signature")].toString(), QStringLiteral("scale"));
        QCOMPARE(json[QStringLiteral("subgraph")].toInt(), 1);
        const QJsonObject o = json[QStringLiteral("outputs")].toArray()[0].toObject();
        QCOMPARE(o[QStringLiteral("name")].toString(), QStringLiteral("scaled"));
        auto y = data::readNpy(o[QStringLiteral("file")].toString().toStdString());
        QVERIFY(y.ok());
        float v;
        std::memcpy(&v, y->data.data(), 4);
        QCOMPARE(v, 1.5f);

        r = cli({QStringLiteral("run"), model, QStringLiteral("--signature"), QStringLiteral("sum"), QStringLiteral("--input"),
            three, QStringLiteral("--input"), half, QStringLiteral("--output-dir"), dir.filePath(QStringLiteral("out"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no signature 'sum'")) && r.err.contains(QStringLiteral("scale")), qPrintable(r.err));
        // bench takes it too.
        r = cli({QStringLiteral("bench"), model, QStringLiteral("--signature"), QStringLiteral("scale"), QStringLiteral("--runs"),
            QStringLiteral("3"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void unsupportedOperatorIsNamed()
    {
        // A one-operator model with a custom operator QuantLens does not know: the error names the
        // operator, its index and that it is unknown; a TensorFlow (Flex) operator is named as such.
        QTemporaryDir dir;
        for (const char* code : {"NoSuchOp", "FlexAddV2"}) {
            model::Graph g = test::singleOpGraph(tflite::BuiltinOperator::CUSTOM, {},
                {test::TensorSpec{{1, 4}, model::DType::Float32, 0, 0, {}}},
                {test::TensorSpec{{1, 4}, model::DType::Float32, 0, 0, {}}});
            g.opcodes[0].customCode = code;
            const QString modelPath = dir.filePath(QStringLiteral("custom.tflite"));
            QVERIFY(model::writeTflite(g, modelPath.toStdString()).ok());
            const QString x = writeFloats(dir, QStringLiteral("x.npy"), {1, 4}, 0.5f);
            const Run r = cli({QStringLiteral("run"), modelPath, QStringLiteral("--input"), x,
                QStringLiteral("--output-dir"), dir.filePath(QStringLiteral("o"))});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(QStringLiteral("operator 0 (%1)").arg(QLatin1String(code))), qPrintable(r.err));
            if (std::string(code) == "NoSuchOp")
                QVERIFY2(r.err.contains(QStringLiteral("is not known to QuantLens")), qPrintable(r.err));
            else
                QVERIFY2(r.err.contains(QStringLiteral("needs TensorFlow itself")), qPrintable(r.err));
        }
    }

    void integerLstmRuns()
    {
        // mnist_lstm_int8: int8 in, int16 cell state, int8 softmax probabilities out (scale 1/256,
        // zero point -128), so the dequantized outputs sum to about 1.
        QTemporaryDir dir;
        const QString x = dir.filePath(QStringLiteral("x.npy"));
        data::NpyArray codes;
        codes.dtype = model::DType::Int8;
        codes.shape = {1, 28, 28};
        for (int i = 0; i < 28 * 28; ++i)
            codes.data.push_back(static_cast<std::uint8_t>(static_cast<std::int8_t>(i % 7 == 0 ? 100 : -128)));
        QVERIFY(data::writeNpy(x.toStdString(), codes).ok());
        const QString out = dir.filePath(QStringLiteral("o"));
        for (const char* rounding : {"xnnpack", "reference"}) {
            const Run r = cli({QStringLiteral("run"), modelFile("mnist_lstm_int8.tflite"), QStringLiteral("--input"), x,
                QStringLiteral("--output-dir"), out, QStringLiteral("--rounding"), QLatin1String(rounding)});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            auto y = data::readNpy((out + QStringLiteral("/out0.npy")).toStdString());
            QVERIFY(y.ok());
            QCOMPARE(y->dtype, model::DType::Int8);
            double sum = 0;
            for (int i = 0; i < 10; ++i)
                sum += (reinterpret_cast<const std::int8_t*>(y->data.data())[i] + 128) / 256.0;
            QVERIFY2(std::abs(sum - 1.0) < 0.05, qPrintable(QString::number(sum)));
        }
    }

    void benchReportsLatency()
    {
        const Run r = cli({QStringLiteral("bench"), modelFile("kws_dscnn_int8.tflite"), QStringLiteral("--runs"),
            QStringLiteral("5"), QStringLiteral("--json"), QStringLiteral("--profile")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(o[QStringLiteral("median_ms")].toDouble() > 0);
        QVERIFY(o[QStringLiteral("min_ms")].toDouble() <= o[QStringLiteral("median_ms")].toDouble());
        QCOMPARE(o[QStringLiteral("runs")].toInt(), 5);
        QVERIFY(o[QStringLiteral("arena_bytes")].toDouble() > 0);
        QCOMPARE(o[QStringLiteral("operators")].toArray().size(), 13);
    }
};

QTEST_GUILESS_MAIN(RunTest)
#include "run_test.moc"
