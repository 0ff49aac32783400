// SPDX-License-Identifier: MIT
// End-to-end tests of the training, evaluation and analysis commands of quantlens-cli.
#include "common/cli_runner.h"
#include "common/litert.h"
#include "data/npy.h"
#include "data/samples.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace ql;
using test::cli;
using test::infoJson;
using test::modelFile;
using test::writeDimCalibration;
using Run = test::CliRun;

class CliAnalysisTest : public QObject {
    Q_OBJECT

private slots:
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
        const QString dimFile = writeDimCalibration(dir);
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
        const QString dimFile = writeDimCalibration(dir);
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
};

QTEST_GUILESS_MAIN(CliAnalysisTest)
#include "cli_analysis_test.moc"
