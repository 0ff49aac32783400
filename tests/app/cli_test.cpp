// SPDX-License-Identifier: MIT
// End-to-end tests of the quantlens-cli binary.
#include "common/cli_runner.h"
#include "common/litert.h"
#include "common/model_facts.h"
#include "data/npy.h"
#include "data/samples.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace ql;

namespace {

using Run = test::CliRun;
using test::cli;
using test::infoJson;
using test::modelFile;

void checkIo(const QJsonObject& info, const QString& key, const std::vector<test::IoFact>& facts)
{
    const QJsonArray list = info[key].toArray();
    QCOMPARE(list.size(), static_cast<qsizetype>(facts.size()));
    const QJsonArray tensors = info[QStringLiteral("tensors")].toArray();
    for (std::size_t i = 0; i < facts.size(); ++i) {
        const QJsonObject t = tensors[list[static_cast<qsizetype>(i)].toInt()].toObject();
        QJsonArray shape;
        for (auto d : facts[i].shape)
            shape.append(d);
        QCOMPARE(t[QStringLiteral("shape")].toArray(), shape);
        QCOMPARE(t[QStringLiteral("dtype")].toString(), QString::fromStdString(facts[i].dtype));
        if (facts[i].scale) {
            const QJsonObject q = t[QStringLiteral("quantization")].toObject();
            const double s = q[QStringLiteral("scale")].toArray()[0].toDouble();
            QVERIFY(std::abs(s - *facts[i].scale) <= 2e-4 * *facts[i].scale + 6e-7);
            QCOMPARE(q[QStringLiteral("zero_point")].toArray()[0].toInteger(), *facts[i].zeroPoint);
        } else {
            // Float tensors may carry recorded min/max, but no scale.
            QVERIFY(t[QStringLiteral("quantization")].toObject()[QStringLiteral("scale")].toArray().isEmpty());
        }
    }
}

} // namespace

class CliTest : public QObject {
    Q_OBJECT

private slots:
    void infoJsonAgreesWithModelsMd_data()
    {
        QTest::addColumn<int>("index");
        const auto& facts = test::modelFacts();
        for (std::size_t i = 0; i < facts.size(); ++i)
            QTest::newRow(facts[i].file.c_str()) << static_cast<int>(i);
    }

    void infoJsonAgreesWithModelsMd()
    {
        QFETCH(int, index);
        const auto& fact = test::modelFacts()[static_cast<std::size_t>(index)];
        const QJsonObject info = infoJson(modelFile(fact.file));
        QCOMPARE(info[QStringLiteral("schema_version")].toInt(), 3);
        QCOMPARE(info[QStringLiteral("mode")].toString(), QString::fromStdString(fact.mode));
        QCOMPARE(info[QStringLiteral("file_size")].toInteger(), QFileInfo(modelFile(fact.file)).size());
        std::map<std::string, int> counts;
        const QJsonArray ops = info[QStringLiteral("operators")].toArray();
        for (qsizetype i = 0; i < ops.size(); ++i) {
            const QJsonObject op = ops[i].toObject();
            QCOMPARE(op[QStringLiteral("index")].toInt(), i);
            QVERIFY(op[QStringLiteral("inputs")].isArray());
            QVERIFY(op[QStringLiteral("outputs")].isArray());
            ++counts[op[QStringLiteral("op")].toString().toStdString()];
        }
        QCOMPARE(counts, fact.ops);
        checkIo(info, QStringLiteral("inputs"), fact.inputs);
        checkIo(info, QStringLiteral("outputs"), fact.outputs);
        // Bytes by dtype add up to the constant bytes, and the constants fit in the file.
        qint64 sum = 0;
        for (const auto& v : info[QStringLiteral("bytes_by_dtype")].toObject())
            sum += v.toInteger();
        QCOMPARE(sum, info[QStringLiteral("constant_bytes")].toInteger());
        QVERIFY(sum < info[QStringLiteral("file_size")].toInteger());
    }

    void perChannelScalesInJson()
    {
        // seanet conv0: 8 filters, per-channel int8 weights, int64 bias.
        const QJsonObject info = infoJson(modelFile("seanet_conv0_16x8.tflite"));
        const QJsonObject conv = info[QStringLiteral("operators")].toArray()[0].toObject();
        const QJsonArray tensors = info[QStringLiteral("tensors")].toArray();
        const QJsonObject w = tensors[conv[QStringLiteral("inputs")].toArray()[1].toInt()].toObject();
        QCOMPARE(w[QStringLiteral("dtype")].toString(), QStringLiteral("int8"));
        const QJsonObject q = w[QStringLiteral("quantization")].toObject();
        QCOMPARE(q[QStringLiteral("scale")].toArray().size(), 8);
        QCOMPARE(q[QStringLiteral("zero_point")].toArray().size(), 8);
        QCOMPARE(q[QStringLiteral("quantized_dimension")].toInt(), 0);
        QCOMPARE(w[QStringLiteral("bytes")].toInteger(), qint64{8 * 7 * 7 * 2});
        const QJsonObject b = tensors[conv[QStringLiteral("inputs")].toArray()[2].toInt()].toObject();
        QCOMPARE(b[QStringLiteral("dtype")].toString(), QStringLiteral("int64"));
        // VWW int8: depthwise weights are per channel along dimension 3.
        const QJsonObject vww = infoJson(modelFile("vww_mobilenet_v1_025_96_int8.tflite"));
        int depthwise = 0;
        for (const auto& v : vww[QStringLiteral("operators")].toArray()) {
            const QJsonObject op = v.toObject();
            if (op[QStringLiteral("op")].toString() != QStringLiteral("DEPTHWISE_CONV_2D"))
                continue;
            const QJsonObject wt =
                vww[QStringLiteral("tensors")].toArray()[op[QStringLiteral("inputs")].toArray()[1].toInt()].toObject();
            const QJsonArray shape = wt[QStringLiteral("shape")].toArray();
            const QJsonObject wq = wt[QStringLiteral("quantization")].toObject();
            QCOMPARE(wq[QStringLiteral("quantized_dimension")].toInt(), 3);
            QCOMPARE(wq[QStringLiteral("scale")].toArray().size(), shape[3].toInt());
            ++depthwise;
        }
        QCOMPARE(depthwise, 13);
    }

    void infoSaysWhatEightBitDataBecome()
    {
        // A float input with TFLite metadata: its NormalizationOptions (mean 127.5, std 127.5).
        const QJsonObject embedder = infoJson(modelFile("mobilenet_v2_035_96_embedder_dynrange.tflite"));
        const QJsonObject r = embedder[QStringLiteral("input_range")].toObject();
        QCOMPARE(r[QStringLiteral("lo")].toDouble(), -1.0);
        QCOMPARE(r[QStringLiteral("hi")].toDouble(), 1.0);
        QVERIFY(r[QStringLiteral("basis")].toString().contains(QLatin1String("NormalizationOptions")));
        // A quantized input: the span its parameters stand for; a float input without metadata: nothing.
        const QJsonObject r8 = infoJson(modelFile("resnet8_cifar10_int8.tflite"))[QStringLiteral("input_range")].toObject();
        QCOMPARE(r8[QStringLiteral("hi")].toDouble(), 255.0);
        QVERIFY(!infoJson(modelFile("resnet8_cifar10_float32.tflite")).contains(QStringLiteral("input_range")));
        const test::CliRun text = cli({QStringLiteral("info"), modelFile("mobilenet_v2_035_96_embedder_dynrange.tflite")});
        QVERIFY(text.out.contains("Input range: [-1, 1] from the model's metadata"));
    }

    void rewriteWithABatch()
    {
        // vww int8 with a batch of 3: LiteRT runs it, and each row equals a batch-1 run of that sample.
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("b3.tflite"));
        Run r = cli({QStringLiteral("rewrite"), modelFile("vww_mobilenet_v1_025_96_int8.tflite"),
            QStringLiteral("--batch"), QStringLiteral("3"), QStringLiteral("-o"), out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject info = infoJson(out);
        const auto tensors = info[QStringLiteral("tensors")].toArray();
        QCOMPARE(tensors[info[QStringLiteral("inputs")].toArray()[0].toInt()].toObject()[QStringLiteral("shape")],
            QJsonValue(QJsonArray{3, 96, 96, 3}));
        data::NpyArray x;
        x.dtype = model::DType::Int8;
        x.shape = {3, 96, 96, 3};
        x.data.resize(3 * 96 * 96 * 3);
        for (std::size_t i = 0; i < x.data.size(); ++i)
            x.data[i] = static_cast<std::uint8_t>((i * 2654435761u) >> 13);
        const QString xf = dir.filePath(QStringLiteral("x.npy"));
        QVERIFY(data::writeNpy(xf.toStdString(), x).ok());
        const auto batched = test::runLitert(out, {xf});
        QVERIFY2(batched.ok, qPrintable(batched.error));
        QCOMPARE(batched.outputs[0].shape, (std::vector<std::int64_t>{3, 2}));
        for (int k = 0; k < 3; ++k) {
            data::NpyArray one = x;
            one.shape[0] = 1;
            one.data.assign(x.data.begin() + k * 96 * 96 * 3, x.data.begin() + (k + 1) * 96 * 96 * 3);
            const QString of = dir.filePath(QStringLiteral("x%1.npy").arg(k));
            QVERIFY(data::writeNpy(of.toStdString(), one).ok());
            const QString od = dir.filePath(QStringLiteral("o%1").arg(k));
            r = cli({QStringLiteral("run"), modelFile("vww_mobilenet_v1_025_96_int8.tflite"), QStringLiteral("--input"),
                of, QStringLiteral("--output-dir"), od});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            auto y = data::readNpy((od + QStringLiteral("/out0.npy")).toStdString());
            QVERIFY(y.ok());
            QCOMPARE(y->data[0], batched.outputs[0].data[static_cast<std::size_t>(2 * k)]);
            QCOMPARE(y->data[1], batched.outputs[0].data[static_cast<std::size_t>(2 * k + 1)]);
        }
        // An operator that may mix samples is refused, by name.
        r = cli({QStringLiteral("rewrite"), modelFile("mnist_lstm_float32.tflite"), QStringLiteral("--batch"),
            QStringLiteral("4"), QStringLiteral("-o"), out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("UNIDIRECTIONAL_SEQUENCE_LSTM")), qPrintable(r.err));
    }

    void infoTable()
    {
        const Run r = cli({QStringLiteral("info"), modelFile("kws_dscnn_int8.tflite")});
        QCOMPARE(r.code, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY(text.contains(QStringLiteral("Mode:        int8")));
        QVERIFY(text.contains(QStringLiteral("DEPTHWISE_CONV_2D")));
        QVERIFY(text.contains(QStringLiteral("per-channel x")));
        QVERIFY(text.contains(QStringLiteral("1x49x10x1 int8 (s=0.584703 zp=83)")));
    }

    void rewriteRoundTrip()
    {
        QTemporaryDir dir;
        for (const char* file :
            {"mobilenet_v1_025_224_uint8.tflite", "mnist_lstm_int8.tflite", "blazeface_short_range_float16.tflite"}) {
            for (bool external : {false, true}) {
                const QString out = dir.filePath(QStringLiteral("copy.tflite"));
                QStringList args{QStringLiteral("rewrite"), modelFile(file), QStringLiteral("-o"), out};
                if (external)
                    args << QStringLiteral("--external-buffers");
                const Run r = cli(args);
                QVERIFY2(r.code == 0, qPrintable(r.err));
                QJsonObject a = infoJson(modelFile(file));
                QJsonObject b = infoJson(out);
                for (const char* key : {"operators", "tensors", "inputs", "outputs", "signature_defs", "metadata",
                         "mode", "bytes_by_dtype", "description", "associated_files_bytes"})
                    QVERIFY2(a[QLatin1String(key)] == b[QLatin1String(key)], key);
            }
        }
    }

    void badInputsFailClearly()
    {
        QTemporaryDir dir;
        QFile src(modelFile("resnet8_cifar10_int8.tflite"));
        QVERIFY(src.open(QIODevice::ReadOnly));
        const QByteArray full = src.readAll();
        const QString truncated = dir.filePath(QStringLiteral("truncated.tflite"));
        QFile t(truncated);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(full.left(full.size() / 2));
        t.close();

        Run r = cli({QStringLiteral("info"), truncated});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("truncated.tflite: damaged or truncated model")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());

        r = cli({QStringLiteral("info"), dir.filePath(QStringLiteral("missing.tflite")), QStringLiteral("--json")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("missing.tflite: cannot open")));

        // A failed rewrite leaves an existing output file alone.
        const QString existing = dir.filePath(QStringLiteral("keep.tflite"));
        QFile k(existing);
        QVERIFY(k.open(QIODevice::WriteOnly));
        k.write("precious");
        k.close();
        r = cli({QStringLiteral("rewrite"), truncated, QStringLiteral("-o"), existing});
        QCOMPARE(r.code, 1);
        QVERIFY(k.open(QIODevice::ReadOnly));
        QCOMPARE(k.readAll(), QByteArray("precious"));

        r = cli({QStringLiteral("rewrite"), modelFile("hello_world_twin_int8.tflite"), QStringLiteral("-o"),
            QStringLiteral("/nonexistent-dir/out.tflite")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("/nonexistent-dir/out.tflite")));
    }

    void quantizeCommand()
    {
        QTemporaryDir dir;
        // Calibration samples for hello_world: x in [0, 2 pi], a leading sample dimension.
        data::NpyArray x;
        x.shape = {50, 1, 1};
        for (int i = 0; i < 50; ++i) {
            const float v = 6.28f * static_cast<float>(i) / 49.0f;
            const auto* b = reinterpret_cast<const std::uint8_t*>(&v);
            x.data.insert(x.data.end(), b, b + 4);
        }
        const QString samples = dir.filePath(QStringLiteral("x.npy"));
        QVERIFY(data::writeNpy(samples.toStdString(), x).ok());
        const QString src = dir.filePath(QStringLiteral("hw.tflite"));
        QVERIFY(QFile::copy(modelFile("hello_world_twin_float32.tflite"), src));
        const QString out = dir.filePath(QStringLiteral("hw_int8.tflite"));
        // Per-tensor dense weights: on a 16-unit network a scale per unit costs more bytes than int8 saves.
        Run r = cli({QStringLiteral("quantize"), src, QStringLiteral("--mode"), QStringLiteral("int8"),
            QStringLiteral("--calibration-data"), samples, QStringLiteral("-o"), out, QStringLiteral("--json"),
            QStringLiteral("--per-tensor-dense")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j[QStringLiteral("mode")].toString(), QStringLiteral("int8"));
        QVERIFY(j[QStringLiteral("size_ratio")].toDouble() < 1.0);
        const QJsonObject info = infoJson(out);
        QCOMPARE(info[QStringLiteral("mode")].toString(), QStringLiteral("int8"));
        QVERIFY(info[QStringLiteral("description")].toString().contains(
            QStringLiteral("calibration minmax on 50 samples")));

        // Never over the input, and a failed run leaves an existing output alone.
        QFile original(src);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray before = original.readAll();
        original.close();
        r = cli({QStringLiteral("quantize"), src, QStringLiteral("--mode"), QStringLiteral("float16"),
            QStringLiteral("-o"), src});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("is the input model")), qPrintable(r.err));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(original.readAll(), before);
        original.close();
        r = cli({QStringLiteral("quantize"), src, QStringLiteral("--mode"), QStringLiteral("16x8"),
            QStringLiteral("-o"), out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("needs calibration data")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("--calibration-data FILE")), qPrintable(r.err));
        QCOMPARE(infoJson(out)[QStringLiteral("mode")].toString(), QStringLiteral("int8"));
        // Keep-float by the numbering info prints: operator 0 of the float-I/O int8 autoencoder is a QUANTIZE
        // the quantizer places itself, an error that says so (and asks for no data: the file carries its ranges).
        r = cli({QStringLiteral("quantize"), modelFile("ad01_autoencoder_int8_floatio.tflite"), QStringLiteral("--mode"),
            QStringLiteral("int8"), QStringLiteral("--keep-float"), QStringLiteral("0"), QStringLiteral("-o"),
            dir.filePath(QStringLiteral("k.tflite"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("operator 0 (QUANTIZE)")) && !r.err.contains(QStringLiteral("--calibration-data")),
            qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("k.tflite"))));

        // Samples that do not fit the model input: both shapes in the message.
        data::NpyArray wrong = x;
        wrong.shape = {10, 5};
        const QString bad = dir.filePath(QStringLiteral("bad.npy"));
        QVERIFY(data::writeNpy(bad.toStdString(), wrong).ok());
        r = cli({QStringLiteral("quantize"), src, QStringLiteral("--mode"), QStringLiteral("int8"),
            QStringLiteral("--calibration-data"), bad, QStringLiteral("-o"), dir.filePath(QStringLiteral("b.tflite"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("[5]")) && r.err.contains(QStringLiteral("[1,1]")), qPrintable(r.err));
        r = cli({QStringLiteral("quantize"), src, QStringLiteral("--mode"), QStringLiteral("int4"),
            QStringLiteral("-o"), dir.filePath(QStringLiteral("c.tflite"))});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("mode must be")));
    }

    void quantizeWithAFolderOfImages()
    {
        // Five 40x40 RGB images in two class folders calibrate the 28x28 MNIST model (made grey and
        // scaled); the description names the folder and the sample count.
        QTemporaryDir dir;
        const QString images = dir.filePath(QStringLiteral("images"));
        for (int i = 0; i < 5; ++i) {
            const QString cls = images + (i < 3 ? QStringLiteral("/a") : QStringLiteral("/b"));
            QVERIFY(QDir().mkpath(cls));
            QImage img(40, 40, QImage::Format_RGB32);
            img.fill(Qt::black);
            for (int y = 5 + i; y < 20 + i; ++y)
                for (int x = 8 + 3 * i; x < 20 + 3 * i; ++x)
                    img.setPixel(x, y, qRgb(255, 255, 255));
            QVERIFY(img.save(cls + QStringLiteral("/img%1.png").arg(i)));
        }
        const QString out = dir.filePath(QStringLiteral("q.tflite"));
        Run r = cli({QStringLiteral("quantize"), modelFile("mnist_cnn_float32.tflite"), QStringLiteral("--mode"),
            QStringLiteral("int8"), QStringLiteral("--calibration-data"), images, QStringLiteral("-o"), out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(
            infoJson(out)[QStringLiteral("description")].toString().contains(QStringLiteral("on 5 samples of images")),
            qPrintable(infoJson(out)[QStringLiteral("description")].toString()));
        // The input range comes from the images: black 0 to white 1 (pixels / 255).
        const QJsonObject info = infoJson(out);
        const int input = info[QStringLiteral("inputs")].toArray().at(0).toInt();
        const QJsonObject q =
            info[QStringLiteral("tensors")].toArray().at(input).toObject()[QStringLiteral("quantization")].toObject();
        const double scale = q[QStringLiteral("scale")].toArray().at(0).toDouble();
        QVERIFY2(std::abs(scale - 1.0 / 255) < 1e-6, qPrintable(QString::number(scale)));

        // An empty folder and an unreadable image are named.
        const QString empty = dir.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        r = cli({QStringLiteral("quantize"), modelFile("mnist_cnn_float32.tflite"), QStringLiteral("--mode"),
            QStringLiteral("int8"), QStringLiteral("--calibration-data"), empty, QStringLiteral("-o"), out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no images")), qPrintable(r.err));
        QFile junk(images + QStringLiteral("/a/zz_broken.png"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a png");
        junk.close();
        r = cli({QStringLiteral("quantize"), modelFile("mnist_cnn_float32.tflite"), QStringLiteral("--mode"),
            QStringLiteral("int8"), QStringLiteral("--calibration-data"), images, QStringLiteral("-o"), out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("zz_broken.png")), qPrintable(r.err));
    }

    void usageErrors()
    {
        QCOMPARE(cli({}).code, 2);
        QCOMPARE(cli({QStringLiteral("frobnicate")}).code, 2);
        const Run unknown =
            cli({QStringLiteral("info"), modelFile("hello_world_twin_int8.tflite"), QStringLiteral("--jsn")});
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("unknown option --jsn")));
        QCOMPARE(cli({QStringLiteral("rewrite"), modelFile("hello_world_twin_int8.tflite")}).code, 2);
        for (const char* command :
            {"info", "rewrite", "run", "bench", "quantize", "analyze", "eval", "sensitivity", "train"}) {
            const Run h = cli({QStringLiteral("help"), QLatin1String(command)});
            QVERIFY2(h.code == 0 && h.out.startsWith("Usage: quantlens-cli " + QByteArray(command) + " "), command);
        }
        const Run help = cli({QStringLiteral("info"), QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("--json"));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "cli_test.moc"
