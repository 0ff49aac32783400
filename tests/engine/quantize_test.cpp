// SPDX-License-Identifier: MIT
// Post-training quantization: the weights and biases the TFLite converter wrote in the shared twins
// are reproduced bit for bit, and every exported mode of every float shared model loads in LiteRT
// and gives the same outputs as QuantLens' interpreter.
#include "common/load_model.h"
#include "common/crosscheck.h"
#include "common/model_facts.h"
#include "data/samples.h"
#include "exec/interpreter.h"
#include "model/reader.h"
#include "model/writer.h"
#include "passes/quantize.h"
#include "quant/calibrate.h"
#include "quant/params.h"

#include <QTemporaryDir>
#include <QTest>

#include <clocale>

#include <cstring>
#include <random>

using namespace ql;
using Op = tflite::BuiltinOperator;

namespace {

bool isWeighted(Op op)
{
    return op == Op::CONV_2D || op == Op::DEPTHWISE_CONV_2D || op == Op::FULLY_CONNECTED;
}

// The operators of `g` that compute something (QUANTIZE / DEQUANTIZE at the edges left out).
std::vector<const model::Operator*> computeOps(const model::Graph& g)
{
    std::vector<const model::Operator*> ops;
    for (const auto& op : g.main().operators)
        if (g.opcodeOf(op) != Op::QUANTIZE && g.opcodeOf(op) != Op::DEQUANTIZE)
            ops.push_back(&op);
    return ops;
}

// The converter's calibrated ranges, read back from the min/max it stored in the int8 twin, for
// the float twin's tensors (matched operator by operator).
std::vector<quant::TensorRange> twinRanges(const model::Graph& f, const model::Graph& q)
{
    std::vector<quant::TensorRange> r(f.main().tensors.size());
    const auto fo = computeOps(f), qo = computeOps(q);
    if (fo.size() != qo.size())
        qFatal("twins have %zu and %zu operators", fo.size(), qo.size());
    auto take = [&](int ft, int qt) {
        const auto& qq = q.main().tensors[static_cast<std::size_t>(qt)].quantization;
        if (!qq.min.empty() && !qq.max.empty())
            r[static_cast<std::size_t>(ft)] = {true, qq.min[0], qq.max[0], qq.min[0], qq.max[0]};
    };
    take(fo.front()->inputs[0], qo.front()->inputs[0]);
    for (std::size_t i = 0; i < fo.size(); ++i)
        for (std::size_t k = 0; k < fo[i]->outputs.size(); ++k)
            take(fo[i]->outputs[k], qo[i]->outputs[k]);
    return r;
}

std::vector<std::uint8_t> bytesOf(const model::Graph& g, int t)
{
    const auto d = g.tensorData(g.main().tensors[static_cast<std::size_t>(t)]);
    return {d.begin(), d.end()};
}

// Compares the weights (and biases, when `biases`) of every weighted operator of a and b.
QString compareWeights(const model::Graph& a, const model::Graph& b, bool biases)
{
    const auto ao = computeOps(a), bo = computeOps(b);
    if (ao.size() != bo.size())
        return QStringLiteral("%1 vs %2 operators").arg(ao.size()).arg(bo.size());
    for (std::size_t i = 0; i < ao.size(); ++i) {
        if (!isWeighted(a.opcodeOf(*ao[i])))
            continue;
        for (int slot : biases ? std::vector<int>{1, 2} : std::vector<int>{1}) {
            const int ta = ao[i]->inputs[static_cast<std::size_t>(slot)],
                      tb = bo[i]->inputs[static_cast<std::size_t>(slot)];
            const auto& x = a.main().tensors[static_cast<std::size_t>(ta)];
            const auto& y = b.main().tensors[static_cast<std::size_t>(tb)];
            if (x.dtype != y.dtype)
                return QStringLiteral("operator %1 input %2: %3 vs %4")
                    .arg(i)
                    .arg(slot)
                    .arg(QString::fromStdString(model::dtypeName(x.dtype)),
                        QString::fromStdString(model::dtypeName(y.dtype)));
            if (x.quantization.scale != y.quantization.scale || x.quantization.zeroPoint != y.quantization.zeroPoint ||
                (x.quantization.perChannel() && x.quantization.quantizedDimension != y.quantization.quantizedDimension))
                return QStringLiteral("operator %1 input %2: quantization parameters differ").arg(i).arg(slot);
            const auto da = bytesOf(a, ta), db = bytesOf(b, tb);
            if (da != db) {
                std::size_t n = 0;
                for (std::size_t k = 0; k < std::min(da.size(), db.size()); ++k)
                    n += da[k] != db[k];
                return QStringLiteral("operator %1 input %2: %3 bytes differ").arg(i).arg(slot).arg(n);
            }
        }
    }
    return {};
}

// Random calibration samples in the model's input range.
data::SampleSet randomSamples(const model::Graph& g, float lo, float hi, int count, unsigned seed)
{
    const auto& in = g.main().tensors[static_cast<std::size_t>(g.main().inputs[0])];
    data::SampleSet s;
    s.sampleShape.assign(in.shape.begin(), in.shape.end());
    s.count = count;
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(lo, hi);
    s.values.resize(static_cast<std::size_t>(count * s.sampleSize()));
    for (auto& v : s.values)
        v = d(rng);
    return s;
}

const test::CrossCheckModel& tableEntry(const std::string& file)
{
    for (const auto& m : test::crossCheckModels())
        if (m.file == file)
            return m;
    qFatal("%s is not in the cross-check table", file.c_str());
}

struct Exported {
    model::Graph graph;
    double sizeRatio = 0;
};

Exported exportMode(const std::string& file, passes::QuantizeOptions o)
{
    const model::Graph f = test::loadModel(file.c_str());
    const auto& m = tableEntry(file);
    std::vector<quant::TensorRange> ranges;
    if (passes::needsCalibration(o.mode)) {
        auto r = quant::calibrate(f, randomSamples(f, m.inputMin, m.inputMax, 8, 3), o.calibration);
        if (!r)
            qFatal("%s: %s", file.c_str(), r.error().message.c_str());
        ranges = std::move(*r);
    }
    auto q = passes::quantizeGraph(f, o, ranges);
    if (!q)
        qFatal("%s: %s", file.c_str(), q.error().message.c_str());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("q.tflite"));
    if (!model::writeTflite(q->graph, path.toStdString()).ok())
        qFatal("cannot write");
    auto back = model::readTflite(path.toStdString());
    if (!back)
        qFatal("%s: the exported model does not read back: %s", file.c_str(), back.error().message.c_str());
    return {std::move(*back),
        static_cast<double>(QFileInfo(path).size()) /
            static_cast<double>(QFileInfo(QString::fromStdString(test::modelPath(file))).size())};
}

} // namespace

class QuantizeTest : public QObject {
    Q_OBJECT

private slots:
    void int8MatchesConverterTwins_data()
    {
        QTest::addColumn<QString>("floatFile");
        QTest::addColumn<QString>("twinFile");
        QTest::newRow("ad01") << QStringLiteral("ad01_autoencoder_float32.tflite")
                              << QStringLiteral("ad01_autoencoder_int8.tflite");
        QTest::newRow("ad01 float io") << QStringLiteral("ad01_autoencoder_float32.tflite")
                                       << QStringLiteral("ad01_autoencoder_int8_floatio.tflite");
        QTest::newRow("vww") << QStringLiteral("vww_mobilenet_v1_025_96_float32.tflite")
                             << QStringLiteral("vww_mobilenet_v1_025_96_int8.tflite");
        QTest::newRow("resnet8") << QStringLiteral("resnet8_cifar10_float32.tflite")
                                 << QStringLiteral("resnet8_cifar10_int8.tflite");
    }

    void int8MatchesConverterTwins()
    {
        // With the converter's own calibrated ranges, every int8 weight, weight scale, int32 bias and
        // bias scale is identical (vww includes 971 channels whose scale the bias rule enlarges).
        QFETCH(QString, floatFile);
        QFETCH(QString, twinFile);
        const model::Graph f = test::loadModel(floatFile.toStdString().c_str());
        const model::Graph t = test::loadModel(twinFile.toStdString().c_str());
        passes::QuantizeOptions o;
        o.mode = passes::Mode::Int8;
        o.perChannelDense = false; // the twins' converter wrote FULLY_CONNECTED weights per tensor
        auto q = passes::quantizeGraph(f, o, twinRanges(f, t));
        QVERIFY2(q.ok(), q.ok() ? "" : q.error().message.c_str());
        const QString diff = compareWeights(q->graph, t, true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // Activation parameters too, where the twin stored its ranges.
        const auto qo = computeOps(q->graph), to = computeOps(t);
        for (std::size_t i = 0; i < qo.size(); ++i) {
            const auto& a = q->graph.main().tensors[static_cast<std::size_t>(qo[i]->outputs[0])].quantization;
            const auto& b = t.main().tensors[static_cast<std::size_t>(to[i]->outputs[0])].quantization;
            QVERIFY2(
                a.scale == b.scale && a.zeroPoint == b.zeroPoint, qPrintable(QStringLiteral("operator %1").arg(i)));
        }
    }

    void int8WeightsDoNotDependOnCalibrationData()
    {
        // Random calibration data: the weights (not the biases) still equal the converter's where no
        // bias adjustment is involved (resnet8 has none).
        const model::Graph f = test::loadModel("resnet8_cifar10_float32.tflite");
        const model::Graph t = test::loadModel("resnet8_cifar10_int8.tflite");
        auto ranges = quant::calibrate(f, randomSamples(f, 0, 255, 4, 9), {});
        QVERIFY(ranges.ok());
        passes::QuantizeOptions o;
        o.perChannelDense = false; // as the twin
        auto q = passes::quantizeGraph(f, o, *ranges);
        QVERIFY(q.ok());
        const QString diff = compareWeights(q->graph, t, false);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void dynamicMatchesConverterTwins_data()
    {
        QTest::addColumn<QString>("floatFile");
        QTest::addColumn<QString>("twinFile");
        QTest::newRow("ad01") << QStringLiteral("ad01_autoencoder_float32.tflite")
                              << QStringLiteral("ad01_autoencoder_dynrange.tflite");
        QTest::newRow("mnist_cnn") << QStringLiteral("mnist_cnn_float32.tflite")
                                   << QStringLiteral("mnist_cnn_dynrange.tflite");
    }

    void dynamicMatchesConverterTwins()
    {
        QFETCH(QString, floatFile);
        QFETCH(QString, twinFile);
        const model::Graph f = test::loadModel(floatFile.toStdString().c_str());
        const model::Graph t = test::loadModel(twinFile.toStdString().c_str());
        passes::QuantizeOptions o;
        o.mode = passes::Mode::Dynamic;
        o.perChannelDense = false; // the twins' converter wrote FULLY_CONNECTED weights per tensor
        auto q = passes::quantizeGraph(f, o);
        QVERIFY(q.ok());
        // Weights of 1024+ elements int8 per tensor, smaller ones (mnist_cnn's conv) and biases float.
        const QString diff = compareWeights(q->graph, t, true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void exportedModesRunInLitert_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("io");
        for (const char* file : {"hello_world_twin_float32.tflite", "mnist_cnn_float32.tflite",
                 "resnet8_cifar10_float32.tflite", "ad01_autoencoder_float32.tflite",
                 "vww_mobilenet_v1_025_96_float32.tflite", "mobilenet_like_tiny_float32.tflite"})
            for (const char* mode : {"float16", "dynamic", "int8", "int8/uint8", "int8/float", "16x8", "16x8/float"}) {
                const QString m = QLatin1String(mode);
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(file), m)))
                    << QString(QLatin1String(file)) << m.section(QLatin1Char('/'), 0, 0)
                    << m.section(QLatin1Char('/'), 1, 1);
            }
    }

    void exportedModesRunInLitert()
    {
        QFETCH(QString, file);
        QFETCH(QString, mode);
        QFETCH(QString, io);
        passes::QuantizeOptions o;
        o.mode = *passes::parseMode(mode.toStdString());
        if (!io.isEmpty())
            o.io = *passes::parseIo(io.toStdString(), o.mode);
        const Exported e = exportMode(file.toStdString(), o);
        qInfo("%s %s: %.3fx the float file", qPrintable(file), qPrintable(mode), e.sizeRatio);
        const auto& m = tableEntry(file.toStdString());
        const test::ModelKind kind = o.mode == passes::Mode::Float16 ? test::ModelKind::Float
            : o.mode == passes::Mode::Dynamic                        ? test::ModelKind::Hybrid
                                                                     : test::ModelKind::Integer;
        for (unsigned seed : {1u, 2u}) {
            const QString problem = test::checkAgainstLitert(
                e.graph, kind, m.inputMin, m.inputMax, seed, file.toStdString() + " " + mode.toStdString());
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    void sizesAreNoLargerThanTheConverters()
    {
        passes::QuantizeOptions int8;
        int8.perChannelDense = false; // as the twins (per-channel FULLY_CONNECTED adds a scale per unit)
        passes::QuantizeOptions half;
        half.mode = passes::Mode::Float16;
        // The converter's twins: vww int8 0.385x its float file, ad01 int8 0.259x.
        QVERIFY(exportMode("vww_mobilenet_v1_025_96_float32.tflite", int8).sizeRatio <= 0.385);
        QVERIFY(exportMode("ad01_autoencoder_float32.tflite", int8).sizeRatio <= 0.26);
        for (const char* f : {"vww_mobilenet_v1_025_96_float32.tflite", "ad01_autoencoder_float32.tflite",
                 "resnet8_cifar10_float32.tflite"})
            QVERIFY2(exportMode(f, half).sizeRatio <= 0.55, f);
    }

    void calibrationMethodsClipInsideTheObservedRange()
    {
        const model::Graph f = test::loadModel("resnet8_cifar10_float32.tflite");
        const auto samples = randomSamples(f, 0, 255, 6, 5);
        auto minmax = quant::calibrate(f, samples, {});
        QVERIFY(minmax.ok());
        for (const char* method : {"percentile:99", "mse", "kl", "moving-average"}) {
            auto opts = quant::parseCalibration(method);
            QVERIFY(opts.ok());
            auto r = quant::calibrate(f, samples, *opts);
            QVERIFY(r.ok());
            int narrower = 0;
            for (std::size_t t = 0; t < r->size(); ++t) {
                const auto& a = (*r)[t];
                const auto& b = (*minmax)[t];
                QCOMPARE(a.valid, b.valid);
                if (!a.valid)
                    continue;
                QVERIFY(a.lo >= b.lo && a.hi <= b.hi && a.lo <= a.hi);
                narrower += a.hi - a.lo < 0.999f * (b.hi - b.lo);
            }
            QVERIFY2(narrower > 0, method); // each method clips somewhere
        }
    }

    void fashionMnistAccuracyPerModeAndCalibration()
    {
        // The Fashion-MNIST model exists only as a dynamic-range file: dequantized to float first.
        const std::string dir = "/usr/share/datasets/fashion-mnist/";
        auto test = data::loadSamples(dir + "t10k-images-idx3-ubyte.gz", {}, 500);
        QVERIFY2(test.ok(), test.ok() ? "" : test.error().message.c_str());
        QVERIFY(data::loadLabels(*test, dir + "t10k-labels-idx1-ubyte.gz").ok());
        auto train = data::loadSamples(dir + "train-images-idx3-ubyte.gz", {}, 100);
        QVERIFY(train.ok());
        auto f = passes::dequantizeGraph(test::loadModel("fashion_mnist_cnn_dynrange.tflite"));
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
        QVERIFY(!passes::isQuantized(*f));

        auto evaluate = [&](const model::Graph& g, std::vector<int>* top) {
            auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(g));
            if (!it)
                qFatal("%s", it.error().message.c_str());
            int correct = 0;
            for (std::int64_t i = 0; i < test->count; ++i) {
                const auto* p = reinterpret_cast<const std::uint8_t*>(test->sample(i));
                if (!(*it)->setInput(0, model::DType::Float32, std::span(p, 784 * 4)).ok() || !(*it)->invoke().ok())
                    qFatal("run failed");
                const float* y = (*it)->output(0).as<float>();
                const int t = static_cast<int>(std::max_element(y, y + 10) - y);
                correct += t == test->labels[static_cast<std::size_t>(i)];
                if (top)
                    top->push_back(t);
            }
            return 100.0 * correct / static_cast<double>(test->count);
        };
        std::vector<int> floatTop;
        const double floatAcc = evaluate(*f, &floatTop);
        qInfo("fashion_mnist (dequantized float): %.1f%% on %lld test images", floatAcc,
            static_cast<long long>(test->count));
        QVERIFY(floatAcc >= 85.0);
        struct Case {
            const char* mode;
            const char* calibration;
        };
        for (const Case c : {Case{"float16", "minmax"}, Case{"dynamic", "minmax"}, Case{"int8", "minmax"},
                 Case{"int8", "moving-average"}, Case{"int8", "percentile:99.99"}, Case{"int8", "mse"},
                 Case{"int8", "kl"}, Case{"16x8", "minmax"}}) {
            passes::QuantizeOptions o;
            o.mode = *passes::parseMode(c.mode);
            o.io = passes::IoType::Float;
            o.calibration = *quant::parseCalibration(c.calibration);
            std::vector<quant::TensorRange> ranges;
            if (passes::needsCalibration(o.mode)) {
                auto r = quant::calibrate(*f, *train, o.calibration);
                QVERIFY(r.ok());
                ranges = std::move(*r);
            }
            auto q = passes::quantizeGraph(*f, o, ranges);
            QVERIFY(q.ok());
            std::vector<int> top;
            const double acc = evaluate(q->graph, &top);
            int agree = 0;
            for (std::size_t i = 0; i < top.size(); ++i)
                agree += top[i] == floatTop[i];
            const double agreement = 100.0 * agree / static_cast<double>(top.size());
            qInfo("fashion_mnist %s (%s): %.1f%% top-1, %.1f%% agreement with float", c.mode, c.calibration, acc,
                agreement);
            QVERIFY2(acc >= floatAcc - 3.0 && agreement >= 95.0, c.mode);
        }
    }

    void errorsNameTheProblem()
    {
        const model::Graph f = test::loadModel("mnist_cnn_float32.tflite");
        data::SampleSet wrong;
        wrong.sampleShape = {32, 32};
        wrong.count = 2;
        wrong.values.assign(2 * 32 * 32, 0.5f);
        auto r = quant::calibrate(f, wrong, {});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("[32,32]") != std::string::npos &&
                r.error().message.find("[1,28,28]") != std::string::npos,
            r.error().message.c_str());
        passes::QuantizeOptions o;
        auto q = passes::quantizeGraph(f, o);
        QVERIFY(!q.ok());
        QVERIFY(q.error().message.find("calibration") != std::string::npos);
        auto again = passes::quantizeGraph(test::loadModel("resnet8_cifar10_int8.tflite"), o);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.find("already quantized") != std::string::npos);
        // Dequantized, the int8 twin is a float graph again, close to the float twin's outputs.
        auto deq = passes::dequantizeGraph(test::loadModel("resnet8_cifar10_int8.tflite"));
        QVERIFY(deq.ok());
        QVERIFY(!passes::isQuantized(*deq));
        QCOMPARE(computeOps(*deq).size(), computeOps(test::loadModel("resnet8_cifar10_float32.tflite")).size());
        QVERIFY(!quant::parseCalibration("percentile:20").ok());
        QVERIFY(!passes::parseMode("int4").ok());
    }

    void calibrationOptionsIgnoreTheUserLocale()
    {
        // Qt applications adopt the environment's locale; under de_DE strtod would read "99.9" as 99.
        const std::string before = std::setlocale(LC_NUMERIC, nullptr);
        QVERIFY2(std::setlocale(LC_NUMERIC, "de_DE.UTF-8") != nullptr, "packaging/setup.sh generates de_DE.UTF-8");
        auto c = quant::parseCalibration("percentile:99.9");
        std::setlocale(LC_NUMERIC, before.c_str());
        QVERIFY2(c.ok(), c ? "" : c.error().message.c_str());
        QCOMPARE(c->percentile, 99.9);
        QCOMPARE(c->describe(), std::string("percentile:99.9"));
    }
};

QTEST_GUILESS_MAIN(QuantizeTest)
#include "quantize_test.moc"
