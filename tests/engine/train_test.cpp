// SPDX-License-Identifier: MIT
// The trainer: backprop against finite differences for every layer type, determinism for a seed,
// export checked against the network itself and against LiteRT, QAT against its integer model, and
// errors in layers and data named. The classic CNN trained on all of Fashion-MNIST: fashion_mnist_test.cpp.
#include "common/litert.h"
#include "data/npy.h"
#include "data/samples.h"
#include "engine/fashion_mnist.h"
#include "eval/classify.h"
#include "model/writer.h"
#include "passes/quantize.h"
#include "quant/calibrate.h"
#include "train/export.h"
#include "train/random.h"
#include "train/trainer.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>

using namespace ql;
using namespace ql::test;
using train::LayerKind;
using train::LayerSpec;

namespace {

LayerSpec layer(LayerKind k)
{
    LayerSpec s;
    s.kind = k;
    return s;
}

// Every layer type, with strides, SAME padding and pooling windows that do not tile the input.
std::vector<LayerSpec> everyLayer()
{
    std::vector<LayerSpec> a;
    a.push_back(layer(LayerKind::Reshape));
    a.back().shape = {9, 9, 1};
    a.push_back(layer(LayerKind::Conv2D));
    a.back().filters = 3;
    a.back().strideH = a.back().strideW = 2;
    a.back().samePadding = true;
    a.push_back(layer(LayerKind::ReLU6));
    a.push_back(layer(LayerKind::AvgPool2D));
    a.back().kernelH = a.back().kernelW = 2;
    a.back().strideH = a.back().strideW = 1;
    a.back().samePadding = true;
    a.push_back(layer(LayerKind::Conv2D));
    a.back().filters = 4;
    a.back().kernelH = a.back().kernelW = 2;
    a.push_back(layer(LayerKind::MaxPool2D));
    a.back().kernelH = a.back().kernelW = 2;
    a.push_back(layer(LayerKind::ReLU));
    a.push_back(layer(LayerKind::Flatten));
    a.push_back(layer(LayerKind::Dropout));
    a.back().rate = 0.25f;
    a.push_back(layer(LayerKind::Dense));
    a.back().units = 5;
    return a;
}

std::vector<float> randomValues(std::size_t n, std::uint64_t seed, float lo, float hi)
{
    train::SplitMix64 g(seed);
    std::vector<float> v(n);
    for (float& x : v)
        x = lo + (hi - lo) * g.uniform();
    return v;
}

double lossOf(const train::Network& net, const std::vector<float>& x, const std::vector<std::int32_t>& y, int n)
{
    train::Workspace ws;
    train::forward(net, x.data(), n, ws, {});
    return train::backward(net, y.data(), n, n, ws, {}).lossSum / n;
}

std::vector<float> allWeights(const train::Network& net)
{
    std::vector<float> w;
    for (const auto& l : net.layers) {
        w.insert(w.end(), l.weights.begin(), l.weights.end());
        w.insert(w.end(), l.bias.begin(), l.bias.end());
    }
    return w;
}

std::vector<float> softmaxRows(const std::vector<float>& z, int classes)
{
    std::vector<float> p(z.size());
    for (std::size_t r = 0; r < z.size() / static_cast<std::size_t>(classes); ++r) {
        const float* zr = z.data() + r * static_cast<std::size_t>(classes);
        const float m = *std::max_element(zr, zr + classes);
        double sum = 0;
        for (int c = 0; c < classes; ++c)
            sum += std::exp(static_cast<double>(zr[c] - m));
        for (int c = 0; c < classes; ++c)
            p[r * static_cast<std::size_t>(classes) + static_cast<std::size_t>(c)] =
                static_cast<float>(std::exp(static_cast<double>(zr[c] - m)) / sum);
    }
    return p;
}

} // namespace

class TrainTest : public QObject {
    Q_OBJECT

private slots:
    void gradientsMatchFiniteDifferences()
    {
        auto arch = everyLayer();
        arch[8].rate = 0.0f; // dropout is random while training; its backward is checked by determinism
        auto net = train::buildNetwork(arch, {81}, 3);
        QVERIFY2(net.ok(), net.ok() ? "" : net.error().message.c_str());
        QCOMPARE(net->layers[1].out, (train::Shape{5, 5, 3}));
        QCOMPARE(net->layers[3].out, (train::Shape{5, 5, 3}));
        QCOMPARE(net->layers[4].out, (train::Shape{4, 4, 4}));
        QCOMPARE(net->layers[5].out, (train::Shape{2, 2, 4}));
        for (auto& l : net->layers) // non-zero biases so the ReLU/ReLU6 kinks and the bias paths are exercised
            for (std::size_t k = 0; k < l.bias.size(); ++k)
                l.bias[k] = 0.1f * static_cast<float>(static_cast<int>(k % 3) - 1);
        const int n = 3;
        const auto x = randomValues(static_cast<std::size_t>(n) * 81, 11, 0.0f, 1.0f);
        const std::vector<std::int32_t> y{1, 4, 2};
        train::Workspace ws;
        train::forward(*net, x.data(), n, ws, {});
        train::backward(*net, y.data(), n, n, ws, {});
        int checked = 0;
        for (std::size_t li = 0; li < net->layers.size(); ++li) {
            if (!net->layers[li].hasParameters())
                continue;
            for (int which = 0; which < 2; ++which) {
                auto& params = which == 0 ? net->layers[li].weights : net->layers[li].bias;
                const auto& grads = which == 0 ? ws.dWeights[li] : ws.dBias[li];
                QCOMPARE(grads.size(), params.size());
                for (std::size_t k = 0; k < params.size(); k += std::max<std::size_t>(1, params.size() / 7)) {
                    const float keep = params[k];
                    const float eps = 2e-4f; // small: a larger step crosses ReLU kinks of near-dead units
                    params[k] = keep + eps;
                    const double up = lossOf(*net, x, y, n);
                    params[k] = keep - eps;
                    const double down = lossOf(*net, x, y, n);
                    params[k] = keep;
                    const double numeric = (up - down) / (2.0 * static_cast<double>(eps));
                    const double analytic = grads[k];
                    QVERIFY2(std::abs(numeric - analytic) <= 2e-3 + 0.03 * std::abs(numeric),
                        qPrintable(QStringLiteral("layer %1 %2[%3]: numeric %4, backprop %5")
                                       .arg(li)
                                       .arg(which == 0 ? QStringLiteral("weights") : QStringLiteral("bias"))
                                       .arg(k)
                                       .arg(numeric)
                                       .arg(analytic)));
                    ++checked;
                }
            }
        }
        QVERIFY(checked >= 30);
    }

    void sameSeedSameWeights()
    {
        const auto set = fashion("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", 1500);
        auto arch = train::classicArchitecture();
        arch.insert(arch.begin() + 5, layer(LayerKind::Dropout));
        arch[5].rate = 0.2f;
        auto run = [&](std::uint64_t seed, int threads) {
            auto net = train::buildNetwork(arch, {28, 28}, seed);
            if (!net)
                qFatal("%s", net.error().message.c_str());
            train::TrainOptions o;
            o.epochs = 1;
            o.seed = seed;
            o.threads = threads;
            if (auto r = train::train(*net, set, nullptr, o); !r)
                qFatal("%s", r.error().message.c_str());
            return allWeights(*net);
        };
        const auto a = run(7, 2);
        const auto b = run(7, 2);
        const auto c = run(7, 1);
        const auto d = run(8, 2);
        QCOMPARE(a.size(), std::size_t{20410});
        QVERIFY(std::memcmp(a.data(), b.data(), a.size() * 4) == 0);
        QVERIFY2(std::memcmp(a.data(), c.data(), a.size() * 4) == 0, "one thread gives other weights than two");
        int differ = 0;
        for (std::size_t k = 0; k < a.size(); ++k)
            differ += a[k] != d[k];
        QVERIFY(differ > 20000);
    }

    void exportRunsLikeTheNetworkInQuantLensAndLitert()
    {
        auto arch = everyLayer();
        auto net = train::buildNetwork(arch, {9, 9}, 5);
        QVERIFY(net.ok());
        for (auto& l : net->layers)
            for (std::size_t k = 0; k < l.bias.size(); ++k)
                l.bias[k] = 0.05f * static_cast<float>(k);
        const int n = 4;
        const auto x = randomValues(static_cast<std::size_t>(n) * 81, 21, 0.0f, 1.0f);
        train::Workspace ws;
        train::forward(*net, x.data(), n, ws, {}); // not training: dropout is the identity
        const auto expected = softmaxRows(ws.act.back(), 5);

        train::ExportOptions eo;
        eo.batch = n;
        auto g = train::toGraph(*net, eo);
        QVERIFY2(g.ok(), g.ok() ? "" : g.error().message.c_str());
        // Dropout exports as nothing; ReLU6 fuses into the first convolution, ReLU stays a RELU after pooling.
        std::vector<std::string> ops;
        for (const auto& op : g->main().operators)
            ops.push_back(g->opName(op));
        QCOMPARE(ops,
            (std::vector<std::string>{"RESHAPE", "CONV_2D", "AVERAGE_POOL_2D", "CONV_2D", "MAX_POOL_2D", "RELU",
                "RESHAPE", "FULLY_CONNECTED", "SOFTMAX"}));
        QCOMPARE(g->main().operators[1].options.AsConv2DOptions()->fused_activation_function,
            tflite::ActivationFunctionType::RELU6);

        data::SampleSet set;
        set.sampleShape = {9, 9};
        set.count = n;
        set.values = x;
        eval::ClassifyOptions co;
        co.threads = 1;
        auto ours = eval::classify(*g, set, co);
        QVERIFY2(ours.ok(), ours.ok() ? "" : ours.error().message.c_str());
        for (std::size_t k = 0; k < expected.size(); ++k)
            QVERIFY2(std::abs(ours->outputs[k] - expected[k]) < 1e-5f, qPrintable(QString::number(k)));

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("every_layer.tflite"));
        QVERIFY(model::writeTflite(*g, file.toStdString()).ok());
        data::NpyArray in;
        in.shape = {n, 9, 9};
        in.data.resize(x.size() * 4);
        std::memcpy(in.data.data(), x.data(), in.data.size());
        const QString inFile = dir.filePath(QStringLiteral("x.npy"));
        QVERIFY(data::writeNpy(inFile.toStdString(), in).ok());
        const auto lr = test::runLitert(file, {inFile});
        QVERIFY2(lr.ok, qPrintable(lr.error));
        QCOMPARE(lr.outputs[0].elementCount(), static_cast<std::int64_t>(expected.size()));
        const auto* y = reinterpret_cast<const float*>(lr.outputs[0].data.data());
        for (std::size_t k = 0; k < expected.size(); ++k)
            QVERIFY2(std::abs(y[k] - expected[k]) < 1e-5f, qPrintable(QString::number(k)));
    }

    void fakeQuantizedNetworkPredictsLikeItsIntegerModel()
    {
        const auto trainSet = fashion("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", 3000);
        const auto testSet = fashion("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", 500);
        auto net = train::buildNetwork(train::classicArchitecture(), {28, 28}, 1);
        QVERIFY(net.ok());
        train::TrainOptions o;
        o.epochs = 1;
        QVERIFY(train::train(*net, trainSet, nullptr, o).ok());
        QVERIFY(train::enableFakeQuant(*net, trainSet, 256).ok());
        o.learningRate = 1e-4f;
        QVERIFY(train::train(*net, trainSet, nullptr, o).ok());
        // Input, the fused conv+ReLU output and the logits are quantization points; pooling and reshapes
        // share their input's range.
        QVERIFY(net->ranges[0].valid && net->ranges[3].valid && net->ranges[6].valid);
        QVERIFY(!net->ranges[1].valid && !net->ranges[4].valid && !net->ranges[5].valid);
        QCOMPARE(net->ranges[3].lo, 0.0f); // after ReLU

        train::Workspace ws;
        std::vector<std::vector<float>> qw = train::fakeQuantWeights(*net);
        train::StepContext ctx;
        ctx.quantWeights = &qw;
        train::forward(*net, testSet.values.data(), static_cast<int>(testSet.count), ws, ctx);
        const auto simulated = argmaxRows(ws.act.back(), 10);

        auto g = train::toGraph(*net);
        QVERIFY(g.ok());
        const auto recorded = quant::recordedRanges(*g);
        QCOMPARE(std::count_if(recorded.begin(), recorded.end(), [](const auto& r) { return r.valid; }), 6L);
        passes::QuantizeOptions qo;
        qo.mode = passes::Mode::Int8;
        qo.io = passes::IoType::Float;
        qo.perChannelDense = true;
        auto q = passes::quantizeGraph(*g, qo, recorded);
        QVERIFY2(q.ok(), q.ok() ? "" : q.error().message.c_str());
        auto c = eval::classify(q->graph, testSet);
        QVERIFY(c.ok());
        int agree = 0;
        for (std::size_t i = 0; i < simulated.size(); ++i)
            agree += simulated[i] == c->top1[i];
        qInfo("QAT: fake-quantized network and its int8 model agree on %d of %zu test images", agree, simulated.size());
        QVERIFY(agree >= 495);
        // The integer model's input scale is the learned input range over 255 levels.
        const auto& qin = q->graph.main().tensors[static_cast<std::size_t>(q->graph.main().operators[0].outputs[0])];
        QCOMPARE(qin.dtype, model::DType::Int8);
        QVERIFY(std::abs(qin.quantization.scale[0] - (net->ranges[0].hi - net->ranges[0].lo) / 255.0f) < 1e-6f);
    }

    void layerAndDataErrorsNameTheProblem()
    {
        auto dense3d = train::classicArchitecture();
        dense3d.erase(dense3d.begin() + 4); // no flatten
        auto r = train::buildNetwork(dense3d, {28, 28}, 1);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("layer 4 (dense 10)") != std::string::npos &&
                r.error().message.find("flatten") != std::string::npos,
            r.error().message.c_str());
        auto big = train::classicArchitecture();
        big[1].kernelH = 40;
        r = train::buildNetwork(big, {28, 28}, 1);
        QVERIFY(!r.ok() && r.error().message.find("does not fit in 28") != std::string::npos);
        r = train::buildNetwork(train::classicArchitecture(), {32, 32}, 1);
        QVERIFY(!r.ok() && r.error().message.find("cannot reshape 1024 values into 28x28x1") != std::string::npos);

        auto net = train::buildNetwork(train::classicArchitecture(), {28, 28}, 1);
        QVERIFY(net.ok());
        data::SampleSet s;
        s.sampleShape = {28, 28};
        s.count = 2;
        s.values.assign(2 * 784, 0.5f);
        s.labels = {3, 12};
        auto t = train::train(*net, s, nullptr, {});
        QVERIFY(!t.ok());
        QVERIFY2(t.error().message == "the training set: label 12 of sample 1 is outside the network's 10 classes",
            t.error().message.c_str());
        s.labels.clear();
        t = train::train(*net, s, nullptr, {});
        QVERIFY(!t.ok() && t.error().message.find("has no labels") != std::string::npos);
        s.sampleShape = {27, 29};
        s.labels = {1, 2};
        s.values.assign(2 * 27 * 29, 0.5f);
        t = train::train(*net, s, nullptr, {});
        QVERIFY(!t.ok() && t.error().message.find("27x29 do not fit the network input 28x28") != std::string::npos);
        std::atomic<bool> cancel{true};
        s.sampleShape = {28, 28};
        s.values.assign(2 * 784, 0.5f);
        t = train::train(*net, s, nullptr, {}, {}, &cancel);
        QVERIFY(!t.ok() && t.error().message == "training cancelled");
    }
};

QTEST_GUILESS_MAIN(TrainTest)
#include "train_test.moc"
