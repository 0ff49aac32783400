// SPDX-License-Identifier: MIT
// Weight analysis: metrics on hand-made tensors with known answers, and the SQNR of every weighted layer
// of the shared float models against an independent per-channel int8 computation.
#include "common/load_model.h"
#include "common/graph_builder.h"
#include "common/model_facts.h"
#include "data/samples.h"
#include "eval/activations.h"
#include "eval/classify.h"
#include "eval/evaluate.h"
#include "eval/metrics.h"
#include "eval/sensitivity.h"
#include "eval/weights.h"
#include "model/graph.h"
#include "model/reader.h"
#include "passes/quantize.h"
#include "quant/calibrate.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <cmath>
#include <cstring>
#include <map>

using namespace ql;

namespace {

// A graph with one FULLY_CONNECTED whose weights are `w` ([rows, cols]).
model::Graph denseWith(const std::vector<float>& w, int rows, int cols)
{
    model::Graph g;
    g.opcodes.push_back({tflite::BuiltinOperator::FULLY_CONNECTED, "", 1});
    g.buffers.emplace_back();
    std::vector<std::uint8_t> bytes(w.size() * 4);
    std::memcpy(bytes.data(), w.data(), bytes.size());
    g.buffers.push_back(model::Buffer::fromOwned(bytes));
    model::Subgraph sg;
    model::Tensor in, wt, out;
    in.name = "in";
    in.shape = {1, cols};
    wt.name = "w";
    wt.shape = {rows, cols};
    wt.buffer = 1;
    out.name = "out";
    out.shape = {1, rows};
    sg.tensors = {in, wt, out};
    sg.inputs = {0};
    sg.outputs = {2};
    model::Operator op;
    op.inputs = {0, 1, -1};
    op.outputs = {2};
    sg.operators.push_back(op);
    g.subgraphs.push_back(sg);
    return g;
}

std::vector<float> uniform(std::size_t n, float lo, float hi)
{
    std::vector<float> v(n);
    std::uint64_t s = 12345;
    for (auto& x : v) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        x = lo + (hi - lo) * static_cast<float>(s >> 40) / 16777216.0f;
    }
    return v;
}

// Independent: per-channel (or per-tensor) symmetric int8, scale = max|w| / 127, in double.
double independentSqnr(const std::vector<float>& w, const std::vector<std::int32_t>& shape, int axis, bool perChannel)
{
    std::int64_t inner = 1;
    for (std::size_t d = static_cast<std::size_t>(axis) + 1; d < shape.size(); ++d)
        inner *= shape[d];
    const std::int64_t channels = perChannel ? shape[static_cast<std::size_t>(axis)] : 1;
    std::vector<double> maxAbs(static_cast<std::size_t>(channels), 0.0);
    auto channel = [&](std::size_t i) {
        return channels == 1 ? 0 : static_cast<std::size_t>((static_cast<std::int64_t>(i) / inner) % channels);
    };
    for (std::size_t i = 0; i < w.size(); ++i)
        maxAbs[channel(i)] = std::max(maxAbs[channel(i)], std::abs(static_cast<double>(w[i])));
    double signal = 0, noise = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const double m = maxAbs[channel(i)];
        const double scale = m > 0 ? m / 127.0 : 1.0;
        const double q = std::clamp(std::round(w[i] / scale), -127.0, 127.0);
        const double e = q * scale - w[i];
        signal += static_cast<double>(w[i]) * w[i];
        noise += e * e;
    }
    return 10.0 * std::log10(signal / noise);
}

} // namespace

class AnalysisTest : public QObject {
    Q_OBJECT

private slots:
    void samplesOfAnotherSizeRunAModelWithOpenDimensions()
    {
        // A fully convolutional head: MEAN over height and width of a [1,-1,-1,2] input (stored
        // [1,4,4,2]). Samples of 6x5x2 run at that size: the class scores are the channel means.
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        const int x = b.input(sg, "image", model::DType::Float32, {1, 4, 4, 2});
        b.at(sg, x).shapeSignature = {1, -1, -1, 2};
        const int axes = b.constant<std::int32_t>(sg, "axes", model::DType::Int32, {2}, {1, 2});
        const int y = b.tensor(sg, "scores", model::DType::Float32, {1, 2});
        tflite::BuiltinOptionsUnion u;
        u.Set(tflite::ReducerOptionsT{});
        b.op(sg, tflite::BuiltinOperator::MEAN, {x, axes}, {y}, u);
        b.output(sg, y);
        const model::Graph& g = b.graph();

        data::SampleSet set;
        set.sampleShape = {6, 5, 2};
        set.count = 3;
        for (int i = 0; i < 3 * 60; ++i)
            set.values.push_back(static_cast<float>((i * 37) % 11) / 10.0f);
        const auto shape = data::inputShapeFor(set, g.main().tensors[static_cast<std::size_t>(x)]);
        QVERIFY(shape.ok());
        QCOMPARE(*shape, (std::vector<std::int32_t>{1, 6, 5, 2}));
        auto r = eval::classify(g, set, {}, {}, nullptr);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->classes, 2);
        for (int s = 0; s < 3; ++s)
            for (int c = 0; c < 2; ++c) {
                double mean = 0;
                for (int p = 0; p < 30; ++p)
                    mean += set.values[static_cast<std::size_t>(s * 60 + p * 2 + c)] / 30.0;
                QVERIFY(std::abs(r->outputs[static_cast<std::size_t>(s * 2 + c)] - mean) < 1e-6);
            }
        // Calibration runs at that size too: the output's range is that of the channel means.
        auto ranges = quant::calibrate(g, set, {});
        QVERIFY2(ranges.ok(), ranges.ok() ? "" : ranges.error().message.c_str());
        QVERIFY((*ranges)[static_cast<std::size_t>(y)].valid);

        // A fixed dimension that differs is refused, and the error says which may vary.
        set.sampleShape = {6, 5, 3};
        set.values.resize(3 * 90);
        const auto bad = data::checkSamplesFit(set, g.main().tensors[static_cast<std::size_t>(x)]);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.find("dimensions marked -1 in [1,-1,-1,2] may differ") != std::string::npos,
            bad.error().message.c_str());
    }

    void metricsKnownAnswers()
    {
        const std::vector<float> x{1, 2, 3}, y{1.5f, 2, 2.5f};
        const auto m = eval::errorMetrics(x, y, std::vector<float>{0.5f});
        QCOMPARE(m.numElements, std::int64_t{3});
        QCOMPARE(m.meanError, 0.0);
        QVERIFY(std::abs(m.meanSquaredError - 0.5 / 3) < 1e-12);
        QVERIFY(std::abs(m.stddev - std::sqrt(0.5 / 3)) < 1e-12);
        QCOMPARE(m.maxAbsError, 0.5);
        QVERIFY(std::abs(m.sqnrDb - 10 * std::log10(14 / 0.5)) < 1e-9);
        QVERIFY(std::abs(m.cosine - 13.0 / std::sqrt(14.0 * 12.5)) < 1e-12);
        QVERIFY(std::abs(m.rmseOverScale - std::sqrt(0.5 / 3) / 0.5) < 1e-12);
        const auto exact = eval::errorMetrics(x, x);
        QVERIFY(std::isinf(exact.sqnrDb) && exact.sqnrDb > 0);
        QCOMPARE(exact.maxAbsError, 0.0);
        QVERIFY(std::isnan(exact.rmseOverScale)); // no scale given
        const auto h = eval::histogram(std::vector<float>{-1, 0, 0.49f, 0.5f, 1, 2}, -1, 1, 4);
        QCOMPARE(h.counts, (std::vector<std::int64_t>{1, 0, 2, 2}));
        QCOMPARE(h.above, std::int64_t{1});
    }

    void onTheGridIsExactAndUniformIsRoundingNoise()
    {
        // Every value k * 2^-7 for k in -127..127: exactly on the int8 grid (scale = max|w| / 127 = 2^-7).
        std::vector<float> grid;
        for (int k = -127; k <= 127; ++k)
            grid.push_back(static_cast<float>(k) * 0.0078125f);
        auto a = eval::analyzeWeights(denseWith(grid, 1, 255), {});
        QVERIFY(a.ok());
        QCOMPARE(a->size(), std::size_t{1});
        QCOMPARE((*a)[0].metrics.maxAbsError, 0.0);
        QVERIFY(std::isinf((*a)[0].metrics.sqnrDb));
        QCOMPARE((*a)[0].verdict, eval::Verdict::Good);

        // Uniform weights: RMSE / scale = 1/sqrt(12), SQNR near 6.02 b + 4.77 - 20 log10(1) for full scale.
        const auto u = uniform(200000, -1.0f, 1.0f);
        a = eval::analyzeWeights(denseWith(u, 1, 200000), {});
        QVERIFY(a.ok());
        const auto& L = (*a)[0];
        qInfo("uniform int8: RMSE/scale %.4f, SQNR %.2f dB", L.metrics.rmseOverScale, L.metrics.sqnrDb);
        QVERIFY(std::abs(L.metrics.rmseOverScale - 1.0 / std::sqrt(12.0)) < 0.002);
        // Signal power 1/3, noise power scale^2 / 12 with scale = 1/127: SQNR = 10 log10(4 * 127^2) = 48.1 dB.
        QVERIFY(std::abs(L.metrics.sqnrDb - 10.0 * std::log10(4.0 * 127 * 127)) < 0.05);
        std::int64_t total = 0;
        for (auto c : L.floatHistogram.counts)
            total += c;
        QCOMPARE(total, std::int64_t{200000});

        // Teaching schemes on the same tensor: every bit width gives rounding noise; asymmetric uses 2^b levels.
        for (int bits : {2, 3, 4, 6, 12, 16})
            for (bool symmetric : {true, false}) {
                eval::WeightAnalysisOptions o;
                o.teaching = quant::Scheme{bits, symmetric, false};
                auto t = eval::analyzeWeights(denseWith(u, 1, 200000), o);
                QVERIFY(t.ok());
                const auto& T = (*t)[0];
                QCOMPARE(T.qmax - T.qmin + 1, symmetric ? (1 << bits) - 1 : (1 << bits));
                QVERIFY2(std::abs(T.metrics.rmseOverScale - 0.2887) < 0.01,
                    qPrintable(QStringLiteral("%1 bits: %2").arg(bits).arg(T.metrics.rmseOverScale)));
            }
        eval::WeightAnalysisOptions bad;
        bad.teaching = quant::Scheme{17, true, true};
        QVERIFY(!eval::analyzeWeights(denseWith(u, 1, 200000), bad).ok());
    }

    void perTensorOverMismatchedChannelsIsSuspect()
    {
        // 4 channels, one 40x wider than the others.
        std::vector<float> w = uniform(4 * 1000, -0.05f, 0.05f);
        for (int i = 2000; i < 3000; ++i)
            w[static_cast<std::size_t>(i)] *= 40.0f;
        eval::WeightAnalysisOptions o;
        o.perChannelDense = false; // int8 as older converters: FULLY_CONNECTED per tensor
        auto a = eval::analyzeWeights(denseWith(w, 4, 1000), o);
        QVERIFY(a.ok());
        QCOMPARE((*a)[0].verdict, eval::Verdict::Suspect);
        QVERIFY2(
            (*a)[0].reason.find("channel 2 has a range 40x the median") != std::string::npos, (*a)[0].reason.c_str());
        QCOMPARE((*a)[0].channels.size(), std::size_t{4});
        o.perChannelDense = true;
        a = eval::analyzeWeights(denseWith(w, 4, 1000), o);
        QCOMPARE((*a)[0].verdict, eval::Verdict::Good);
        QCOMPARE((*a)[0].params.scale.size(), std::size_t{4});
        // dynamic: small tensors stay float; float16: tiny error.
        o.mode = passes::Mode::Dynamic;
        o.dynamicMinElements = 5000;
        a = eval::analyzeWeights(denseWith(w, 4, 1000), o);
        QVERIFY(!(*a)[0].quantized && (*a)[0].metrics.maxAbsError == 0.0);
        o.mode = passes::Mode::Float16;
        a = eval::analyzeWeights(denseWith(w, 4, 1000), o);
        QVERIFY((*a)[0].quantized && (*a)[0].metrics.sqnrDb > 60.0 && (*a)[0].params.scale.empty());
    }

    void sharedModelsAgreeWithAnIndependentComputation()
    {
        int layers = 0;
        for (const char* file : {"vww_mobilenet_v1_025_96_float32.tflite", "mobilenet_v1_025_224_float32.tflite",
                 "resnet8_cifar10_float32.tflite", "ad01_autoencoder_float32.tflite", "mnist_cnn_float32.tflite"}) {
            const model::Graph g = test::loadModel(file);
            auto a = eval::analyzeWeights(g, {});
            QVERIFY(a.ok());
            for (const auto& L : *a) {
                const auto& t = g.main().tensors[static_cast<std::size_t>(L.tensor)];
                std::vector<float> w(static_cast<std::size_t>(t.elementCount()));
                std::memcpy(w.data(), g.tensorData(t).data(), w.size() * 4);
                // int8 by default: every weighted layer per output channel (FULLY_CONNECTED too).
                const int axis = L.opName == "DEPTHWISE_CONV_2D" ? 3 : 0;
                const double expected = independentSqnr(w, t.shape, axis, true);
                QVERIFY2(std::abs(L.metrics.sqnrDb - expected) < 0.01,
                    qPrintable(QStringLiteral("%1 op %2: %3 vs %4 dB")
                                   .arg(QLatin1String(file))
                                   .arg(L.op)
                                   .arg(L.metrics.sqnrDb)
                                   .arg(expected)));
                ++layers;
            }
        }
        QVERIFY(layers >= 70);
    }

    void longWorkReportsProgressAndCancels()
    {
        auto f = passes::dequantizeGraph(test::loadModel("fashion_mnist_cnn_dynrange.tflite"));
        QVERIFY(f.ok());
        const std::string dir = "/usr/share/datasets/fashion-mnist/";
        auto s = data::loadSamples(dir + "t10k-images-idx3-ubyte.gz", {}, 200);
        QVERIFY(s.ok());
        QVERIFY(data::loadLabels(*s, dir + "t10k-labels-idx1-ubyte.gz").ok());
        auto ranges = quant::calibrate(*f, *s, {});
        QVERIFY(ranges.ok());
        std::atomic<bool> cancel{true};

        eval::EvaluateOptions eo;
        eo.modes = {"float32", "int8"};
        eo.latencyRuns = 1;
        std::map<std::string, std::int64_t> done;
        auto e = eval::evaluateModes(
            *f, nullptr, *s, *ranges, eo, [&](const std::string& m, std::int64_t d, std::int64_t t) {
                QCOMPARE(t, std::int64_t{200});
                done[m] = std::max(done[m], d);
            });
        QVERIFY(e.ok());
        QCOMPARE(done["float32"], std::int64_t{200});
        QCOMPARE(done["int8"], std::int64_t{200});
        e = eval::evaluateModes(*f, nullptr, *s, *ranges, eo, {}, &cancel);
        QVERIFY(!e.ok() && e.error().message.find("cancelled") != std::string::npos);

        passes::QuantizeOptions qo;
        qo.io = passes::IoType::Float;
        auto q = passes::quantizeGraph(*f, qo, *ranges);
        QVERIFY(q.ok());
        std::int64_t seen = 0;
        auto a = eval::analyzeActivations(*f, q->graph, *s, {}, [&](std::int64_t d, std::int64_t t) {
            QCOMPARE(t, std::int64_t{32});
            seen = d;
        });
        QVERIFY(a.ok());
        QCOMPARE(seen, std::int64_t{32});
        QCOMPARE(a->size(), std::size_t{8});
        a = eval::analyzeActivations(*f, q->graph, *s, {}, {}, &cancel);
        QVERIFY(!a.ok() && a.error().message.find("cancelled") != std::string::npos);

        eval::SensitivityOptions so;
        so.quantize.mode = passes::Mode::Int8;
        int calls = 0;
        auto r = eval::sensitivity(*f, *s, *ranges, so, [&](int, int) { ++calls; });
        QVERIFY(r.ok());
        QCOMPARE(calls, r->runs);
        QCOMPARE(r->layers.size(), std::size_t{4});
        r = eval::sensitivity(*f, *s, *ranges, so, {}, &cancel);
        QVERIFY(!r.ok() && r.error().message.find("cancelled") != std::string::npos);
    }

    void vwwInAllModesIsFast()
    {
        const model::Graph g = test::loadModel("vww_mobilenet_v1_025_96_float32.tflite");
        QElapsedTimer t;
        t.start();
        for (auto mode : {passes::Mode::Float16, passes::Mode::Dynamic, passes::Mode::Int8, passes::Mode::Int16x8}) {
            eval::WeightAnalysisOptions o;
            o.mode = mode;
            auto a = eval::analyzeWeights(g, o);
            QVERIFY(a.ok());
            QCOMPARE(a->size(), std::size_t{28});
        }
        qInfo("weight analysis of vww in four modes: %lld ms (this build)", static_cast<long long>(t.elapsed()));
    }
};

QTEST_GUILESS_MAIN(AnalysisTest)
#include "analysis_test.moc"
