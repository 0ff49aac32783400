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

Run cli(const QStringList& args)
{
    return test::runCli(args);
}

QJsonObject infoJson(const QString& path)
{
    const Run r = cli({QStringLiteral("info"), path, QStringLiteral("--json")});
    if (r.code != 0)
        qFatal("info failed: %s", qPrintable(r.err));
    QJsonParseError e{};
    const auto doc = QJsonDocument::fromJson(r.out, &e);
    if (e.error != QJsonParseError::NoError)
        qFatal("info --json printed no JSON: %s", qPrintable(e.errorString()));
    return doc.object();
}

QString modelFile(const std::string& file)
{
    return QString::fromStdString(test::modelPath(file));
}

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
        Run r = cli({QStringLiteral("quantize"), src, QStringLiteral("--mode"), QStringLiteral("int8"),
            QStringLiteral("--calibration-data"), samples, QStringLiteral("-o"), out, QStringLiteral("--json")});
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
        QCOMPARE(infoJson(out)[QStringLiteral("mode")].toString(), QStringLiteral("int8"));

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

    void trainCommand()
    {
        const QString d = QStringLiteral("/usr/share/datasets/fashion-mnist/");
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("small.tflite"));
        const QStringList data{QStringLiteral("--data"), d + QStringLiteral("train-images-idx3-ubyte.gz"),
            QStringLiteral("--labels"), d + QStringLiteral("train-labels-idx1-ubyte.gz")};
        const QStringList test{QStringLiteral("--test-data"), d + QStringLiteral("t10k-images-idx3-ubyte.gz"),
            QStringLiteral("--test-labels"), d + QStringLiteral("t10k-labels-idx1-ubyte.gz")};
        Run r = cli(QStringList{QStringLiteral("train")} + data + test +
            QStringList{QStringLiteral("--limit"), QStringLiteral("3000"), QStringLiteral("--epochs"),
                QStringLiteral("1"), QStringLiteral("--qat-epochs"), QStringLiteral("1"),
                QStringLiteral("--int8-outputs"), QStringLiteral("--json"), QStringLiteral("-o"), out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QVERIFY(lines.size() >= 3);
        QCOMPARE(QJsonDocument::fromJson(lines.front()).object().value(QStringLiteral("event")).toString(),
            QStringLiteral("progress"));
        const QJsonObject j = QJsonDocument::fromJson(lines.back()).object();
        QCOMPARE(j[QStringLiteral("event")].toString(), QStringLiteral("result"));
        QCOMPARE(j[QStringLiteral("parameters")].toInt(), 20410);
        QCOMPARE(j[QStringLiteral("train_samples")].toInt(), 3000);
        QCOMPARE(j[QStringLiteral("epochs")].toArray().size(), 2);
        QVERIFY(j[QStringLiteral("epochs")].toArray()[1].toObject()[QStringLiteral("qat")].toBool());
        const QJsonObject models = j[QStringLiteral("models")].toObject();
        for (const char* key : {"float", "ptq_int8", "qat_int8", "float_finetuned"}) {
            const QJsonObject m = models[QLatin1String(key)].toObject();
            QVERIFY2(m[QStringLiteral("accuracy")].toDouble() > 0.7, key);
        }
        for (const char* suffix : {"", "-qat", "-ptq-int8", "-qat-int8"})
            QVERIFY2(
                QFileInfo::exists(dir.filePath(QStringLiteral("small%1.tflite").arg(QLatin1String(suffix)))), suffix);
        // The int8 files are much smaller than the float one.
        QVERIFY(models[QStringLiteral("qat_int8")].toObject()[QStringLiteral("bytes")].toInt() <
            models[QStringLiteral("float")].toObject()[QStringLiteral("bytes")].toInt() / 3);
        const QJsonObject info = infoJson(out);
        QVERIFY(info[QStringLiteral("description")].toString().contains(QStringLiteral("seed 1, 1 epochs")));

        // The QAT model carries its activation ranges: int8 quantization needs no calibration data.
        const QString q = dir.filePath(QStringLiteral("from-qat.tflite"));
        r = cli({QStringLiteral("quantize"), dir.filePath(QStringLiteral("small-qat.tflite")), QStringLiteral("--mode"),
            QStringLiteral("int8"), QStringLiteral("-o"), q, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("6 activation ranges come from the model itself"), r.out.constData());
        // ...but a float model without them still does.
        r = cli({QStringLiteral("quantize"), out, QStringLiteral("--mode"), QStringLiteral("int8"),
            QStringLiteral("-o"), dir.filePath(QStringLiteral("x.tflite"))});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("needs calibration data")));

        // A layer list in JSON; mistakes in it name the layer and the key.
        const QString arch = dir.filePath(QStringLiteral("arch.json"));
        auto writeArch = [&](const QByteArray& text) {
            QFile f(arch);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
        };
        writeArch(R"({"layers": [{"type": "reshape", "shape": [28, 28, 1]},
            {"type": "conv2d", "filters": 4, "kernel": 5, "strides": 2, "padding": "same", "activation": "relu6"},
            {"type": "average_pool2d", "pool": 2}, {"type": "flatten"}, {"type": "dropout", "rate": 0.1},
            {"type": "dense", "units": 10}]})");
        const QString custom = dir.filePath(QStringLiteral("custom.tflite"));
        r = cli(QStringList{QStringLiteral("train")} + data +
            QStringList{QStringLiteral("--limit"), QStringLiteral("500"), QStringLiteral("--epochs"),
                QStringLiteral("1"), QStringLiteral("--arch"), arch, QStringLiteral("--logits"), QStringLiteral("-o"),
                custom});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("conv2d 4 5x5 stride 2x2 same, relu6, average_pool2d 2x2 valid"), r.out.constData());
        const QJsonObject ci = infoJson(custom);
        const int outTensor = ci[QStringLiteral("outputs")].toArray()[0].toInt();
        QCOMPARE(ci[QStringLiteral("tensors")].toArray()[outTensor].toObject()[QStringLiteral("name")].toString(),
            QStringLiteral("logits"));

        writeArch(R"({"layers": [{"type": "reshape", "shape": [28, 28, 1]}, {"type": "conv2d", "filter": 4}]})");
        r = cli(QStringList{QStringLiteral("train")} + data +
            QStringList{QStringLiteral("--arch"), arch, QStringLiteral("-o"), custom});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("layer 1: needs 'filters'")), qPrintable(r.err));
        writeArch(R"([{"type": "flatten"}, {"type": "dense", "units": 10, "activaton": "relu"}])");
        r = cli(QStringList{QStringLiteral("train")} + data +
            QStringList{QStringLiteral("--arch"), arch, QStringLiteral("-o"), custom});
        QCOMPARE(r.code, 1);
        QVERIFY2(
            r.err.contains(QStringLiteral("layer 1: unknown key 'activaton' for a dense layer")), qPrintable(r.err));
        writeArch(R"([{"type": "flatten"}, {"type": "dense", "units": 3}])");
        r = cli(QStringList{QStringLiteral("train")} + data +
            QStringList{QStringLiteral("--arch"), arch, QStringLiteral("-o"), custom});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("label 9 of sample 0 is outside the network's 3 classes")),
            qPrintable(r.err));

        // Images and labels that do not belong together.
        r = cli({QStringLiteral("train"), QStringLiteral("--data"), d + QStringLiteral("t10k-images-idx3-ubyte.gz"),
            QStringLiteral("--labels"), d + QStringLiteral("train-labels-idx1-ubyte.gz"), QStringLiteral("-o"),
            custom});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("training data")), qPrintable(r.err));
        QCOMPARE(cli({QStringLiteral("train"), QStringLiteral("-o"), custom}).code, 2);
    }

    void evalCommand()
    {
        // The Fashion-MNIST model as a real user shipped it (dynamic range), every mode, 1000 test images.
        const QString d = QStringLiteral("/usr/share/datasets/fashion-mnist/");
        const QString model = modelFile("fashion_mnist_cnn_dynrange.tflite");
        Run r = cli({QStringLiteral("eval"), model, QStringLiteral("--data"),
            d + QStringLiteral("t10k-images-idx3-ubyte.gz"), QStringLiteral("--labels"),
            d + QStringLiteral("t10k-labels-idx1-ubyte.gz"), QStringLiteral("--calibration-data"),
            d + QStringLiteral("train-images-idx3-ubyte.gz"), QStringLiteral("--limit"), QStringLiteral("1000"),
            QStringLiteral("--latency-runs"), QStringLiteral("3"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j[QStringLiteral("samples")].toInt(), 1000);
        const QJsonArray modes = j[QStringLiteral("modes")].toArray();
        QStringList names;
        QMap<QString, QJsonObject> byName;
        for (const auto& m : modes) {
            const QJsonObject o = m.toObject();
            names << o[QStringLiteral("mode")].toString();
            byName[names.back()] = o;
            QVERIFY2(o[QStringLiteral("accuracy")].toDouble() > 0.88, qPrintable(names.back()));
            QVERIFY2(o[QStringLiteral("agreement")].toDouble() >= 0.98, qPrintable(names.back()));
            QVERIFY(o[QStringLiteral("collapse")].isNull());
            qint64 total = 0;
            for (const auto& row : o[QStringLiteral("confusion")].toArray())
                for (const auto& v : row.toArray())
                    total += v.toInteger();
            QCOMPARE(total, qint64{1000});
            QVERIFY(o[QStringLiteral("top5")].toDouble() >= o[QStringLiteral("accuracy")].toDouble());
        }
        QCOMPARE(names,
            (QStringList{QStringLiteral("float32"), QStringLiteral("float16"), QStringLiteral("dynamic"),
                QStringLiteral("int8"), QStringLiteral("16x8"), QStringLiteral("original")}));
        const double floatBytes = byName[QStringLiteral("float32")][QStringLiteral("size_bytes")].toDouble();
        QVERIFY(byName[QStringLiteral("float16")][QStringLiteral("size_bytes")].toDouble() < 0.55 * floatBytes);
        QVERIFY(byName[QStringLiteral("int8")][QStringLiteral("size_bytes")].toDouble() < 0.3 * floatBytes);
        QCOMPARE(byName[QStringLiteral("float32")][QStringLiteral("kl_mean")].toDouble(), 0.0);
        QVERIFY(byName[QStringLiteral("int8")][QStringLiteral("kl_mean")].toDouble() > 0.0);
        QVERIFY(byName[QStringLiteral("int8")][QStringLiteral("bytes_by_dtype")].toObject().contains(
            QStringLiteral("int8")));

        // The file as shipped scores the same in LiteRT on the same 1000 images (two runs of a batch of 500).
        QTemporaryDir dir;
        const QString batched = dir.filePath(QStringLiteral("b500.tflite"));
        QCOMPARE(cli({QStringLiteral("rewrite"), model, QStringLiteral("--batch"), QStringLiteral("500"),
                         QStringLiteral("-o"), batched})
                     .code,
            0);
        auto images = data::loadSamples((d + QStringLiteral("t10k-images-idx3-ubyte.gz")).toStdString(), {}, 1000);
        QVERIFY(images.ok());
        QVERIFY(data::loadLabels(*images, (d + QStringLiteral("t10k-labels-idx1-ubyte.gz")).toStdString()).ok());
        int correct = 0;
        for (int part = 0; part < 2; ++part) {
            data::NpyArray x;
            x.shape = {500, 28, 28, 1};
            x.data.resize(500 * 784 * 4);
            std::memcpy(x.data.data(), images->sample(part * 500), x.data.size());
            const QString xf = dir.filePath(QStringLiteral("x%1.npy").arg(part));
            QVERIFY(data::writeNpy(xf.toStdString(), x).ok());
            const auto lr = test::runLitert(batched, {xf});
            QVERIFY2(lr.ok, qPrintable(lr.error));
            const auto* y = reinterpret_cast<const float*>(lr.outputs[0].data.data());
            for (int k = 0; k < 500; ++k)
                correct += static_cast<int>(std::max_element(y + k * 10, y + k * 10 + 10) - (y + k * 10)) ==
                    images->labels[static_cast<std::size_t>(part * 500 + k)];
        }
        qInfo("fashion_mnist_cnn_dynrange as shipped: QuantLens %.1f%%, LiteRT %.1f%% on 1000 test images",
            100.0 * byName[QStringLiteral("original")][QStringLiteral("accuracy")].toDouble(), correct / 10.0);
        QCOMPARE(qRound(1000 * byName[QStringLiteral("original")][QStringLiteral("accuracy")].toDouble()), correct);

        // Calibration data unlike the evaluation data: a collapse, blamed on the clipped input.
        data::NpyArray dim;
        dim.shape = {10, 28, 28};
        dim.data.resize(10 * 784 * 4);
        for (int i = 0; i < 10 * 784; ++i) {
            const float v = 0.01f * static_cast<float>(i % 97) / 97.0f;
            std::memcpy(dim.data.data() + i * 4, &v, 4);
        }
        const QString dimFile = dir.filePath(QStringLiteral("dim.npy"));
        QVERIFY(data::writeNpy(dimFile.toStdString(), dim).ok());
        r = cli(
            {QStringLiteral("eval"), model, QStringLiteral("--data"), d + QStringLiteral("t10k-images-idx3-ubyte.gz"),
                QStringLiteral("--labels"), d + QStringLiteral("t10k-labels-idx1-ubyte.gz"),
                QStringLiteral("--calibration-data"), dimFile, QStringLiteral("--modes"), QStringLiteral("int8"),
                QStringLiteral("--limit"), QStringLiteral("300"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray m2 = QJsonDocument::fromJson(r.out).object()[QStringLiteral("modes")].toArray();
        QCOMPARE(m2.size(), 2); // float32 is always evaluated as the reference
        const QString collapse = m2[1].toObject()[QStringLiteral("collapse")].toString();
        QVERIFY2(collapse.contains(QStringLiteral("tensor 'serving_default_input_layer_1:0'")) &&
                collapse.contains(QStringLiteral("outside the calibrated range [0.0000, 0.0099]")),
            qPrintable(collapse));

        // Teaching modes: any weight precision, float activations; 2-bit weights collapse and say why.
        r = cli({QStringLiteral("eval"), QStringLiteral(QL_SOURCE_DIR "/resources/demo/fashion_mnist_cnn.tflite"),
            QStringLiteral("--data"), d + QStringLiteral("t10k-images-idx3-ubyte.gz"), QStringLiteral("--labels"),
            d + QStringLiteral("t10k-labels-idx1-ubyte.gz"), QStringLiteral("--modes"), QStringLiteral("w8,w2"),
            QStringLiteral("--limit"), QStringLiteral("500"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray m3 = QJsonDocument::fromJson(r.out).object()[QStringLiteral("modes")].toArray();
        QCOMPARE(m3.size(), 3);
        QVERIFY(m3[1].toObject()[QStringLiteral("agreement")].toDouble() >= 0.98);
        QVERIFY(m3[1].toObject()[QStringLiteral("collapse")].isNull());
        QVERIFY2(m3[2].toObject()[QStringLiteral("collapse")].toString().contains(
                     QStringLiteral("2-bit weights are too coarse")),
            qPrintable(m3[2].toObject()[QStringLiteral("collapse")].toString()));
        QCOMPARE(cli({QStringLiteral("eval"), model, QStringLiteral("--data"),
                         d + QStringLiteral("t10k-images-idx3-ubyte.gz"), QStringLiteral("--modes"),
                         QStringLiteral("w1"), QStringLiteral("--limit"), QStringLiteral("5")})
                     .code,
            1);

        // Data that does not fit the model.
        r = cli({QStringLiteral("eval"), modelFile("vww_mobilenet_v1_025_96_int8.tflite"), QStringLiteral("--data"),
            d + QStringLiteral("t10k-images-idx3-ubyte.gz"), QStringLiteral("--limit"), QStringLiteral("10")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("data: the samples have shape [28,28]")) &&
                r.err.contains(QStringLiteral("[1,96,96,3]")),
            qPrintable(r.err));
    }

    void analyzeAndSensitivityCommands()
    {
        const QString d = QStringLiteral("/usr/share/datasets/fashion-mnist/");
        const QString model = modelFile("fashion_mnist_cnn_dynrange.tflite");
        const QStringList data{QStringLiteral("--data"), d + QStringLiteral("t10k-images-idx3-ubyte.gz")};
        const QStringList calib{QStringLiteral("--calibration-data"), d + QStringLiteral("train-images-idx3-ubyte.gz")};
        // Weights and activations in int8: every weighted layer has both, the verdicts are good.
        Run r = cli(QStringList{QStringLiteral("analyze"), model, QStringLiteral("--mode"), QStringLiteral("int8"),
                        QStringLiteral("--json")} +
            data + calib);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j[QStringLiteral("layers")].toArray().size(), 4);
        QCOMPARE(j[QStringLiteral("activations")].toArray().size(), 8);
        for (const auto& v : j[QStringLiteral("layers")].toArray()) {
            const QJsonObject l = v.toObject();
            QCOMPARE(l[QStringLiteral("verdict")].toString(), QStringLiteral("good"));
            const QJsonObject w = l[QStringLiteral("weights")].toObject();
            for (const char* key : {"num_elements", "stddev", "mean_error", "max_abs_error", "mean_squared_error",
                     "rmse_over_scale", "sqnr_db", "cosine"})
                QVERIFY2(w.contains(QLatin1String(key)), key);
            const QJsonObject act = l[QStringLiteral("activations")].toObject();
            QCOMPARE(act[QStringLiteral("dtype")].toString(), QStringLiteral("int8"));
            // Local error is this tensor's rounding alone; the propagated error adds everything upstream.
            const double local = act[QStringLiteral("local")].toObject()[QStringLiteral("sqnr_db")].toDouble();
            const double propagated =
                act[QStringLiteral("propagated")].toObject()[QStringLiteral("sqnr_db")].toDouble();
            QVERIFY2(local > 35 && propagated > 30 && propagated < local + 1, qPrintable(QString::number(local)));
            const double ros = act[QStringLiteral("local")].toObject()[QStringLiteral("rmse_over_scale")].toDouble();
            QVERIFY2(ros > 0.1 && ros < 0.32, qPrintable(QString::number(ros))); // ReLU zeros are exact
            qint64 counted = 0;
            for (const auto& c : l[QStringLiteral("histograms")]
                                     .toObject()[QStringLiteral("float")]
                                     .toObject()[QStringLiteral("counts")]
                                     .toArray())
                counted += c.toInteger();
            QCOMPARE(counted, static_cast<qint64>(w[QStringLiteral("num_elements")].toInteger()));
        }
        // Dynamic range: float activations, local error only where a hybrid operator quantizes its input.
        r = cli(QStringList{QStringLiteral("analyze"), model, QStringLiteral("--mode"), QStringLiteral("dynamic"),
                    QStringLiteral("--json"), QStringLiteral("--no-histograms")} +
            data);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        j = QJsonDocument::fromJson(r.out).object();
        const QJsonArray acts = j[QStringLiteral("activations")].toArray();
        QVERIFY(acts[0].toObject()[QStringLiteral("local")].toObject()[QStringLiteral("sqnr_db")].isNull()); // exact
        QVERIFY(
            !acts[1].toObject()[QStringLiteral("local")].toObject()[QStringLiteral("sqnr_db")].isNull()); // feeds a
                                                                                                          // hybrid conv
        // A teaching scheme: 4-bit weights.
        r = cli({QStringLiteral("analyze"), model, QStringLiteral("--bits"), QStringLiteral("4"),
            QStringLiteral("--asymmetric"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j[QStringLiteral("scheme")].toString(), QStringLiteral("int4 asymmetric per-channel"));
        const QJsonObject w4 =
            j[QStringLiteral("layers")].toArray()[1].toObject()[QStringLiteral("weights")].toObject();
        QCOMPARE(w4[QStringLiteral("qmin")].toInt(), -8);
        QCOMPARE(w4[QStringLiteral("qmax")].toInt(), 7);
        QVERIFY(w4[QStringLiteral("sqnr_db")].toDouble() < 25.0);
        QCOMPARE(cli({QStringLiteral("analyze"), model, QStringLiteral("--bits"), QStringLiteral("1")}).code, 1);

        // Sensitivity with calibration data unlike the test data (the input range is far too narrow): keeping the
        // first convolution float (so its input stays float) is what helps, and the selection says so.
        QTemporaryDir dir;
        data::NpyArray dim;
        dim.shape = {10, 28, 28};
        dim.data.resize(10 * 784 * 4);
        for (int i = 0; i < 10 * 784; ++i) {
            const float v = 0.01f * static_cast<float>(i % 97) / 97.0f;
            std::memcpy(dim.data.data() + i * 4, &v, 4);
        }
        const QString dimFile = dir.filePath(QStringLiteral("dim.npy"));
        QVERIFY(data::writeNpy(dimFile.toStdString(), dim).ok());
        r = cli(
            QStringList{QStringLiteral("sensitivity"), model, QStringLiteral("--mode"), QStringLiteral("int8"),
                QStringLiteral("--labels"), d + QStringLiteral("t10k-labels-idx1-ubyte.gz"), QStringLiteral("--limit"),
                QStringLiteral("300"), QStringLiteral("--calibration-data"), dimFile, QStringLiteral("--json")} +
            data);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j[QStringLiteral("metric")].toString(), QStringLiteral("accuracy"));
        QVERIFY(j[QStringLiteral("quantized")].toDouble() < 0.3);
        QCOMPARE(j[QStringLiteral("layers")].toArray().size(), 4);
        QCOMPARE(j[QStringLiteral("layers")].toArray()[0].toObject()[QStringLiteral("index")].toInt(), 0);
        QCOMPARE(j[QStringLiteral("keep_float")].toArray()[0].toInt(), 0);
        QVERIFY(j[QStringLiteral("selection")].toDouble() > 0.8);
        // Without labels: agreement with the float model.
        r = cli(QStringList{QStringLiteral("sensitivity"), model, QStringLiteral("--mode"), QStringLiteral("dynamic"),
                    QStringLiteral("--limit"), QStringLiteral("200"), QStringLiteral("--json")} +
            data);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j[QStringLiteral("metric")].toString(), QStringLiteral("agreement"));
        QCOMPARE(j[QStringLiteral("float")].toDouble(), 1.0);
        QVERIFY(j[QStringLiteral("within_budget")].toBool());
    }

    void evalOnAFolderOfImages()
    {
        // Five test images of each Fashion-MNIST class as grey PNGs in folders 0..9: eval labels them by folder
        // and scores them exactly as the same images read from IDX.
        const QString d = QStringLiteral("/usr/share/datasets/fashion-mnist/");
        auto images = data::loadSamples((d + QStringLiteral("t10k-images-idx3-ubyte.gz")).toStdString(), {}, 500);
        QVERIFY(images.ok());
        QVERIFY(data::loadLabels(*images, (d + QStringLiteral("t10k-labels-idx1-ubyte.gz")).toStdString()).ok());
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("fashion"));
        int perClass[10] = {};
        data::NpyArray picked, pickedLabels;
        picked.dtype = model::DType::UInt8;
        pickedLabels.dtype = model::DType::UInt8;
        for (std::int64_t i = 0; i < images->count; ++i) {
            const int label = images->labels[static_cast<std::size_t>(i)];
            if (perClass[label] == 5)
                continue;
            QImage img(28, 28, QImage::Format_Grayscale8);
            for (int y = 0; y < 28; ++y)
                for (int x = 0; x < 28; ++x)
                    img.scanLine(y)[x] = static_cast<uchar>(std::lround(images->sample(i)[y * 28 + x] * 255.0f));
            const QString cls = root + QLatin1Char('/') + QString::number(label);
            QVERIFY(QDir().mkpath(cls));
            QVERIFY(img.save(cls + QStringLiteral("/%1.png").arg(i)));
            for (int k = 0; k < 784; ++k)
                picked.data.push_back(static_cast<std::uint8_t>(std::lround(images->sample(i)[k] * 255.0f)));
            pickedLabels.data.push_back(static_cast<std::uint8_t>(label));
            ++perClass[label];
        }
        QCOMPARE(pickedLabels.data.size(), std::size_t{50});
        // The same 50 images as .npy, in folder order (class by class, file names in numeric order).
        std::vector<std::size_t> order(50);
        for (std::size_t k = 0; k < 50; ++k)
            order[k] = k;
        std::stable_sort(
            order.begin(), order.end(), [&](auto a, auto b) { return pickedLabels.data[a] < pickedLabels.data[b]; });
        data::NpyArray x, y;
        x.dtype = y.dtype = model::DType::UInt8;
        x.shape = {50, 28, 28};
        y.shape = {50};
        for (auto k : order) {
            x.data.insert(x.data.end(), picked.data.begin() + static_cast<std::ptrdiff_t>(k * 784),
                picked.data.begin() + static_cast<std::ptrdiff_t>((k + 1) * 784));
            y.data.push_back(pickedLabels.data[k]);
        }
        const QString xf = dir.filePath(QStringLiteral("x.npy")), yf = dir.filePath(QStringLiteral("y.npy"));
        QVERIFY(data::writeNpy(xf.toStdString(), x).ok());
        QVERIFY(data::writeNpy(yf.toStdString(), y).ok());
        const QString demo = QStringLiteral(QL_SOURCE_DIR "/resources/demo/fashion_mnist_cnn.tflite");
        const Run fromFolder =
            cli({QStringLiteral("eval"), demo, QStringLiteral("--data"), root, QStringLiteral("--modes"),
                QStringLiteral("float32,int8"), QStringLiteral("--calibration-data"), xf, QStringLiteral("--json")});
        QVERIFY2(fromFolder.code == 0, qPrintable(fromFolder.err));
        const Run fromNpy = cli({QStringLiteral("eval"), demo, QStringLiteral("--data"), xf, QStringLiteral("--labels"),
            yf, QStringLiteral("--modes"), QStringLiteral("float32,int8"), QStringLiteral("--calibration-data"), xf,
            QStringLiteral("--json")});
        QVERIFY2(fromNpy.code == 0, qPrintable(fromNpy.err));
        const QJsonArray a = QJsonDocument::fromJson(fromFolder.out).object()[QStringLiteral("modes")].toArray();
        const QJsonArray b = QJsonDocument::fromJson(fromNpy.out).object()[QStringLiteral("modes")].toArray();
        QCOMPARE(a.size(), 2);
        for (int m = 0; m < 2; ++m) {
            QVERIFY(a[m].toObject()[QStringLiteral("accuracy")].toDouble() > 0.7);
            QCOMPARE(a[m].toObject()[QStringLiteral("accuracy")].toDouble(),
                b[m].toObject()[QStringLiteral("accuracy")].toDouble());
            QCOMPARE(a[m].toObject()[QStringLiteral("confusion")], b[m].toObject()[QStringLiteral("confusion")]);
        }
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
