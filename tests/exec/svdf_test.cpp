// SPDX-License-Identifier: MIT
// SVDF keeps its memory in a variable tensor, which LiteRT.js does not load, so each form is checked here
// against its definition, evaluated independently in this file over several invokes with kept state:
// float (in double), dynamic range (the published hybrid arithmetic: per-row int8 quantization in float,
// int32 products) and integer (int8/int16 codes with the runtimes' fixed-point rescaling). The quantized
// forms are also checked to stay close to the float filter they approximate.
#include "common/graph_builder.h"
#include "exec/hybrid_reference.h"
#include "exec/interpreter.h"
#include "exec/quant_math.h"
#include "passes/quantize.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace ql;
using DT = model::DType;
using AF = tflite::ActivationFunctionType;

namespace {

using test::quantizeRow;
using test::quantizeWeights;
using test::RowCodes;
using test::seeded;

constexpr int kBatch = 2, kInputs = 24, kFilters = 4, kMemory = 3, kInvokes = 4;

struct Weights {
    std::vector<float> feature = seeded(kFilters * kInputs, 0.7f, 4);
    std::vector<float> time = seeded(kFilters * kMemory, 0.6f, 5);
    std::vector<float> bias;
    explicit Weights(int units) : bias(seeded(static_cast<std::size_t>(units), 0.3f, 6)) {}
};

std::vector<float> inputAt(int invoke)
{
    auto v = seeded(kBatch * kInputs, 1.5f, 20u + static_cast<unsigned>(invoke));
    if (invoke == 2) // one batch row all zero: its quantization takes the zero-range branch
        std::fill(v.begin(), v.begin() + kInputs, 0.0f);
    return v;
}

// The float SVDF in double: the output of every invoke, [invoke][batch * units].
std::vector<std::vector<double>> floatDefinition(const Weights& w, int rank, bool withBias, AF act,
    const std::vector<std::vector<float>>& inputs)
{
    const int units = kFilters / rank;
    std::vector<double> mem(kBatch * kFilters * kMemory, 0.0);
    std::vector<std::vector<double>> outputs;
    for (const auto& in : inputs) {
        std::vector<double> y(static_cast<std::size_t>(kBatch * units));
        for (int n = 0; n < kBatch; ++n) {
            std::vector<double> filtered(kFilters);
            for (int f = 0; f < kFilters; ++f) {
                double* m = mem.data() + (n * kFilters + f) * kMemory;
                std::copy(m + 1, m + kMemory, m);
                double a = 0;
                for (int i = 0; i < kInputs; ++i)
                    a += double(w.feature[static_cast<std::size_t>(f * kInputs + i)]) * in[static_cast<std::size_t>(n * kInputs + i)];
                m[kMemory - 1] = a;
                double t = 0;
                for (int k = 0; k < kMemory; ++k)
                    t += double(w.time[static_cast<std::size_t>(f * kMemory + k)]) * m[k];
                filtered[static_cast<std::size_t>(f)] = t;
            }
            for (int u = 0; u < units; ++u) {
                double v = withBias ? double(w.bias[static_cast<std::size_t>(u)]) : 0.0;
                for (int r = 0; r < rank; ++r)
                    v += filtered[static_cast<std::size_t>(u * rank + r)];
                if (act == AF::RELU)
                    v = std::max(0.0, v);
                y[static_cast<std::size_t>(n * units + u)] = v;
            }
        }
        outputs.push_back(std::move(y));
    }
    return outputs;
}

// One SVDF model: x [batch, inputs] -> y [batch, units] with a state [batch, filters * memory].
struct SvdfModel {
    test::GraphBuilder b;
    int sg = 0, x = 0, wf = 0, wt = 0, bias = -1, state = 0, y = 0;
};

std::unique_ptr<exec::Interpreter> interpreter(SvdfModel& m, int rank, AF act, bool asymmetric,
    exec::Rounding rounding, std::string* error)
{
    tflite::SVDFOptionsT o;
    o.rank = rank;
    o.fused_activation_function = act;
    o.asymmetric_quantize_inputs = asymmetric;
    m.b.op(m.sg, tflite::BuiltinOperator::SVDF, {m.x, m.wf, m.wt, m.bias, m.state}, {m.y}, test::opts(o));
    m.b.output(m.sg, m.y);
    exec::InterpreterOptions io;
    io.keepState = true;
    io.rounding = rounding;
    test::writeFuzzSeed(m.b.graph(), "svdf");
    auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(m.b.graph()), io);
    if (!it) {
        *error = it.error().message;
        return nullptr;
    }
    return std::move(*it);
}

template <class T> std::vector<T> invoke(exec::Interpreter& it, DT dtype, const std::vector<T>& in, QString* error)
{
    std::vector<std::uint8_t> bytes(in.size() * sizeof(T));
    std::memcpy(bytes.data(), in.data(), bytes.size());
    if (auto st = it.setInput(0, dtype, bytes); !st) {
        *error = QString::fromStdString(st.error().message);
        return {};
    }
    if (auto st = it.invoke(); !st) {
        *error = QString::fromStdString(st.error().message);
        return {};
    }
    const T* out = it.output(0).as<T>();
    return {out, out + it.output(0).count()};
}

QString where(int invoke, int index)
{
    return QStringLiteral("invoke %1 value %2").arg(invoke).arg(index);
}

} // namespace

class SvdfTest : public QObject {
    Q_OBJECT

private slots:
    void floatFollowsItsDefinition_data()
    {
        QTest::addColumn<int>("rank");
        QTest::addColumn<bool>("withBias");
        for (const int rank : {1, 2})
            for (const bool withBias : {true, false})
                QTest::addRow("rank %d%s", rank, withBias ? " bias" : "") << rank << withBias;
    }

    void floatFollowsItsDefinition()
    {
        QFETCH(int, rank);
        QFETCH(bool, withBias);
        const int units = kFilters / rank;
        const AF act = withBias ? AF::RELU : AF::NONE;
        const Weights w(units);
        SvdfModel m;
        m.sg = m.b.subgraph("main");
        m.x = m.b.input(m.sg, "x", DT::Float32, {kBatch, kInputs});
        m.wf = m.b.constant(m.sg, "wf", DT::Float32, {kFilters, kInputs}, w.feature);
        m.wt = m.b.constant(m.sg, "wt", DT::Float32, {kFilters, kMemory}, w.time);
        m.bias = withBias ? m.b.constant(m.sg, "b", DT::Float32, {units}, w.bias) : -1;
        m.state = m.b.tensor(m.sg, "state", DT::Float32, {kBatch, kFilters * kMemory});
        m.b.at(m.sg, m.state).isVariable = true;
        m.y = m.b.tensor(m.sg, "y", DT::Float32, {kBatch, units});
        std::string error;
        auto it = interpreter(m, rank, act, false, exec::Rounding::Xnnpack, &error);
        QVERIFY2(it, error.c_str());
        std::vector<std::vector<float>> inputs;
        for (int k = 0; k < kInvokes; ++k)
            inputs.push_back(inputAt(k));
        const auto want = floatDefinition(w, rank, withBias, act, inputs);
        for (int k = 0; k < kInvokes; ++k) {
            QString runError;
            const auto got = invoke<float>(*it, DT::Float32, inputs[static_cast<std::size_t>(k)], &runError);
            QVERIFY2(runError.isEmpty(), qPrintable(runError));
            for (std::size_t i = 0; i < got.size(); ++i) {
                const double v = want[static_cast<std::size_t>(k)][i];
                QVERIFY2(std::abs(got[i] - v) <= 1e-5 * std::max(1.0, std::abs(v)),
                    qPrintable(where(k, static_cast<int>(i)) + QStringLiteral(": %1 vs %2").arg(got[i]).arg(v)));
            }
        }
    }

    // Dynamic range: int8 weights_feature and weights_time, float everything else.
    void hybridFollowsItsDefinition_data()
    {
        QTest::addColumn<int>("rank");
        QTest::addColumn<bool>("withBias");
        QTest::addColumn<bool>("asymmetric");
        for (const bool asymmetric : {false, true})
            for (const int rank : {1, 2})
                for (const bool withBias : {true, false})
                    QTest::addRow("%s rank %d%s", asymmetric ? "asymmetric" : "symmetric", rank, withBias ? " bias" : "")
                        << rank << withBias << asymmetric;
    }

    void hybridFollowsItsDefinition()
    {
        QFETCH(int, rank);
        QFETCH(bool, withBias);
        QFETCH(bool, asymmetric);
        const int units = kFilters / rank;
        const AF act = withBias ? AF::RELU : AF::NONE;
        const Weights w(units);
        std::vector<std::int8_t> featureCodes, timeCodes;
        const float featureScale = quantizeWeights(w.feature, 127, featureCodes);
        const float timeScale = quantizeWeights(w.time, 127, timeCodes);
        SvdfModel m;
        m.sg = m.b.subgraph("main");
        m.x = m.b.input(m.sg, "x", DT::Float32, {kBatch, kInputs});
        m.wf = m.b.constant(m.sg, "wf", DT::Int8, {kFilters, kInputs}, featureCodes);
        m.b.at(m.sg, m.wf).quantization.scale = {featureScale};
        m.b.at(m.sg, m.wf).quantization.zeroPoint = {0};
        m.wt = m.b.constant(m.sg, "wt", DT::Int8, {kFilters, kMemory}, timeCodes);
        m.b.at(m.sg, m.wt).quantization.scale = {timeScale};
        m.b.at(m.sg, m.wt).quantization.zeroPoint = {0};
        m.bias = withBias ? m.b.constant(m.sg, "b", DT::Float32, {units}, w.bias) : -1;
        m.state = m.b.tensor(m.sg, "state", DT::Float32, {kBatch, kFilters * kMemory});
        m.b.at(m.sg, m.state).isVariable = true;
        m.y = m.b.tensor(m.sg, "y", DT::Float32, {kBatch, units});
        std::string error;
        auto it = interpreter(m, rank, act, asymmetric, exec::Rounding::Xnnpack, &error);
        QVERIFY2(it, error.c_str());

        std::vector<std::vector<float>> inputs;
        for (int k = 0; k < kInvokes; ++k)
            inputs.push_back(inputAt(k));
        const auto exact = floatDefinition(w, rank, withBias, act, inputs);
        std::vector<float> mem(kBatch * kFilters * kMemory, 0.0f);
        double worst = 0, largest = 0;
        for (int k = 0; k < kInvokes; ++k) {
            const auto& in = inputs[static_cast<std::size_t>(k)];
            QString runError;
            const auto got = invoke<float>(*it, DT::Float32, in, &runError);
            QVERIFY2(runError.isEmpty(), qPrintable(runError));
            for (int n = 0; n < kBatch; ++n) {
                const RowCodes row = quantizeRow(in.data() + n * kInputs, kInputs, asymmetric);
                std::vector<float> filtered(kFilters);
                for (int f = 0; f < kFilters; ++f) {
                    std::int32_t dot = 0, codeSum = 0;
                    for (int i = 0; i < kInputs; ++i) {
                        dot += featureCodes[static_cast<std::size_t>(f * kInputs + i)] * row.q[static_cast<std::size_t>(i)];
                        codeSum += featureCodes[static_cast<std::size_t>(f * kInputs + i)];
                    }
                    float* s = mem.data() + (n * kFilters + f) * kMemory;
                    std::copy(s + 1, s + kMemory, s);
                    s[kMemory - 1] = static_cast<float>(dot - row.zero * codeSum) * (row.scale * featureScale);
                    float t = 0;
                    for (int j = 0; j < kMemory; ++j)
                        t += static_cast<float>(timeCodes[static_cast<std::size_t>(f * kMemory + j)]) * timeScale * s[j];
                    filtered[static_cast<std::size_t>(f)] = t;
                }
                for (int u = 0; u < units; ++u) {
                    float v = 0;
                    for (int r = 0; r < rank; ++r)
                        v += filtered[static_cast<std::size_t>(u * rank + r)];
                    if (withBias)
                        v += w.bias[static_cast<std::size_t>(u)];
                    if (act == AF::RELU)
                        v = std::max(0.0f, v);
                    const auto i = static_cast<std::size_t>(n * units + u);
                    QVERIFY2(std::abs(got[i] - v) <= 1e-5f * std::max(1.0f, std::abs(v)),
                        qPrintable(where(k, static_cast<int>(i)) + QStringLiteral(": %1 vs %2").arg(got[i]).arg(v)));
                    worst = std::max(worst, std::abs(got[i] - exact[static_cast<std::size_t>(k)][i]));
                    largest = std::max(largest, std::abs(exact[static_cast<std::size_t>(k)][i]));
                }
            }
        }
        // Dynamic range approximates the float filter: within 3 % of the largest output.
        QVERIFY2(worst <= 0.03 * largest, qPrintable(QStringLiteral("error %1 of %2").arg(worst).arg(largest)));
    }

    // Full integer: int8 input/output, int8 weights_feature, int16 weights_time and state, int32 bias,
    // quantized as the converter does (weights_time onto [-512, 512], bias at weights_time x state scale).
    void integerFollowsItsDefinition_data()
    {
        QTest::addColumn<int>("rank");
        QTest::addColumn<bool>("withBias");
        QTest::addColumn<int>("rounding");
        for (const int rounding : {static_cast<int>(exec::Rounding::Xnnpack), static_cast<int>(exec::Rounding::Reference)})
            for (const int rank : {1, 2})
                for (const bool withBias : {true, false})
                    QTest::addRow("%s rank %d%s", rounding ? "reference" : "litert", rank, withBias ? " bias" : "")
                        << rank << withBias << rounding;
    }

    void integerFollowsItsDefinition()
    {
        QFETCH(int, rank);
        QFETCH(bool, withBias);
        QFETCH(int, rounding);
        const int units = kFilters / rank;
        const Weights w(units);
        std::vector<std::int8_t> featureCodes;
        std::vector<std::int16_t> timeCodes;
        const float featureScale = quantizeWeights(w.feature, 127, featureCodes);
        const float timeScale = quantizeWeights(w.time, 512, timeCodes);
        const float inScale = 3.0f / 255.0f, stateScale = 6.0f / 32767.0f, outScale = 4.0f / 255.0f;
        const std::int32_t inZero = 2, outZero = -128;
        std::vector<std::int32_t> biasCodes;
        for (const float v : w.bias)
            biasCodes.push_back(static_cast<std::int32_t>(std::lround(v / (timeScale * stateScale))));

        SvdfModel m;
        m.sg = m.b.subgraph("main");
        const auto quantize = [&](int t, float scale, std::int64_t zero) {
            m.b.at(m.sg, t).quantization.scale = {scale};
            m.b.at(m.sg, t).quantization.zeroPoint = {zero};
        };
        m.x = m.b.input(m.sg, "x", DT::Int8, {kBatch, kInputs});
        quantize(m.x, inScale, inZero);
        m.wf = m.b.constant(m.sg, "wf", DT::Int8, {kFilters, kInputs}, featureCodes);
        quantize(m.wf, featureScale, 0);
        m.wt = m.b.constant(m.sg, "wt", DT::Int16, {kFilters, kMemory}, timeCodes);
        quantize(m.wt, timeScale, 0);
        if (withBias) {
            m.bias = m.b.constant(m.sg, "b", DT::Int32, {units}, biasCodes);
            quantize(m.bias, timeScale * stateScale, 0);
        }
        m.state = m.b.tensor(m.sg, "state", DT::Int16, {kBatch, kFilters * kMemory});
        m.b.at(m.sg, m.state).isVariable = true;
        quantize(m.state, stateScale, 0);
        m.y = m.b.tensor(m.sg, "y", DT::Int8, {kBatch, units});
        quantize(m.y, outScale, outZero);
        std::string error;
        auto it = interpreter(m, rank, AF::RELU, false, static_cast<exec::Rounding>(rounding), &error);
        QVERIFY2(it, error.c_str());

        // The definition, with the runtimes' multipliers: s_x * s_wf / s_state and s_state * s_wt / s_y in float.
        const auto m1 = exec::quantizeMultiplier(static_cast<double>(inScale * featureScale / stateScale));
        const auto m2 = exec::quantizeMultiplier(static_cast<double>(stateScale * timeScale / outScale));
        std::vector<std::int32_t> mem(kBatch * kFilters * kMemory, 0);
        std::vector<std::vector<float>> realInputs;
        double worst = 0;
        for (int k = 0; k < kInvokes; ++k) {
            const auto real = inputAt(k);
            std::vector<std::int8_t> in;
            for (const float v : real)
                in.push_back(static_cast<std::int8_t>(std::clamp<long>(std::lround(v / inScale) + inZero, -128, 127)));
            realInputs.emplace_back();
            for (const auto q : in)
                realInputs.back().push_back(static_cast<float>(q - inZero) * inScale);
            QString runError;
            const auto got = invoke<std::int8_t>(*it, DT::Int8, in, &runError);
            QVERIFY2(runError.isEmpty(), qPrintable(runError));
            for (int n = 0; n < kBatch; ++n) {
                std::vector<std::int32_t> filtered(kFilters);
                for (int f = 0; f < kFilters; ++f) {
                    std::int32_t acc = 0;
                    for (int i = 0; i < kInputs; ++i)
                        acc += featureCodes[static_cast<std::size_t>(f * kInputs + i)] * (in[static_cast<std::size_t>(n * kInputs + i)] - inZero);
                    std::int32_t* s = mem.data() + (n * kFilters + f) * kMemory;
                    std::copy(s + 1, s + kMemory, s);
                    s[kMemory - 1] = std::clamp(exec::multiplyByQuantizedMultiplier(acc, m1), -32768, 32767);
                    std::int32_t t = 0;
                    for (int j = 0; j < kMemory; ++j)
                        t += timeCodes[static_cast<std::size_t>(f * kMemory + j)] * s[j];
                    filtered[static_cast<std::size_t>(f)] = t;
                }
                for (int u = 0; u < units; ++u) {
                    std::int32_t v = withBias ? biasCodes[static_cast<std::size_t>(u)] : 0;
                    for (int r = 0; r < rank; ++r)
                        v += filtered[static_cast<std::size_t>(u * rank + r)];
                    const int want = std::clamp(exec::multiplyByQuantizedMultiplier(v, m2) + outZero, -128, 127);
                    const auto i = static_cast<std::size_t>(n * units + u);
                    QVERIFY2(got[i] == want, qPrintable(where(k, static_cast<int>(i)) + QStringLiteral(": %1 vs %2").arg(got[i]).arg(want)));
                }
            }
            // Against the float filter on the same (dequantized) input: within a few output steps.
            const auto exact = floatDefinition(w, rank, withBias, AF::RELU, realInputs).back();
            for (std::size_t i = 0; i < got.size(); ++i)
                worst = std::max(worst, std::abs((got[i] - outZero) * double(outScale) - exact[i]));
        }
        QVERIFY2(worst <= 3 * outScale, qPrintable(QStringLiteral("error %1, output step %2").arg(worst).arg(outScale)));
    }

    // Dynamic-range quantization writes an SVDF as the converter does: weights_feature and weights_time
    // int8 with one symmetric scale each (max |w| / 127), both or neither (the kernel reads both as one
    // type; a note says why the operator stays float), asymmetric_quantize_inputs, version 4.
    void dynamicRangeQuantizesWeightsAsTheConverter()
    {
        const Weights w(kFilters);
        SvdfModel m;
        m.sg = m.b.subgraph("main");
        m.x = m.b.input(m.sg, "x", DT::Float32, {kBatch, kInputs});
        m.wf = m.b.constant(m.sg, "wf", DT::Float32, {kFilters, kInputs}, w.feature);
        m.wt = m.b.constant(m.sg, "wt", DT::Float32, {kFilters, kMemory}, w.time);
        m.bias = m.b.constant(m.sg, "b", DT::Float32, {kFilters}, w.bias);
        m.state = m.b.tensor(m.sg, "state", DT::Float32, {kBatch, kFilters * kMemory});
        m.b.at(m.sg, m.state).isVariable = true;
        m.y = m.b.tensor(m.sg, "y", DT::Float32, {kBatch, kFilters});
        std::string error;
        QVERIFY2(interpreter(m, 1, AF::RELU, false, exec::Rounding::Xnnpack, &error), error.c_str());
        const model::Graph g = m.b.graph();

        passes::QuantizeOptions opt;
        opt.mode = passes::Mode::Dynamic;
        opt.dynamicMinElements = 50; // weights_feature (96 values) passes, weights_time (12) does not
        auto kept = passes::quantizeGraph(g, opt, {});
        QVERIFY2(kept.ok(), kept ? "" : kept.error().message.c_str());
        for (const int t : kept->graph.main().operators.back().inputs)
            QVERIFY(t < 0 || kept->graph.main().tensors[static_cast<std::size_t>(t)].dtype == DT::Float32);
        QVERIFY(std::any_of(kept->notes.begin(), kept->notes.end(),
            [](const std::string& n) { return n.find("'wt' have 12 values") != std::string::npos; }));

        opt.dynamicMinElements = 4;
        auto q = passes::quantizeGraph(g, opt, {});
        QVERIFY2(q.ok(), q ? "" : q.error().message.c_str());
        const model::Graph& qg = q->graph;
        const model::Operator& op = qg.main().operators.back();
        QCOMPARE(qg.opcodeOf(op), tflite::BuiltinOperator::SVDF);
        QCOMPARE(qg.opcodes[op.opcodeIndex].version, 4);
        QVERIFY(op.options.AsSVDFOptions()->asymmetric_quantize_inputs);
        for (const auto& [input, values] : {std::pair{1, &w.feature}, std::pair{2, &w.time}}) {
            const model::Tensor& t = qg.main().tensors[static_cast<std::size_t>(op.inputs[static_cast<std::size_t>(input)])];
            QCOMPARE(t.dtype, DT::Int8);
            std::vector<std::int8_t> want;
            QCOMPARE(t.quantization.scale, std::vector<float>{quantizeWeights(*values, 127, want)});
            QCOMPARE(t.quantization.zeroPoint, std::vector<std::int64_t>{0});
            const auto bytes = qg.tensorData(t);
            QCOMPARE(std::vector<std::int8_t>(bytes.begin(), bytes.end()), want);
        }
        QCOMPARE(qg.main().tensors[static_cast<std::size_t>(op.inputs[3])].dtype, DT::Float32);
        // The exported operator runs (as the hybrid kernel checked above).
        exec::InterpreterOptions io;
        io.keepState = true;
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(qg), io);
        QVERIFY2(it.ok(), it ? "" : it.error().message.c_str());
        QString runError;
        QCOMPARE(invoke<float>(**it, DT::Float32, inputAt(0), &runError).size(), std::size_t{kBatch * kFilters});
        QVERIFY2(runError.isEmpty(), qPrintable(runError));
    }

    // What the runtimes refuse, refused by name: LiteRT's integer SVDF takes only RELU (tflite-micro any);
    // mixed float and int8 weights; an int8 state.
    void refusalsNameTheProblem()
    {
        const auto build = [](DT inType, DT featureType, DT timeType, DT stateType, AF act, exec::Rounding rounding) {
            SvdfModel m;
            m.sg = m.b.subgraph("main");
            const auto quantize = [&](int t) {
                if (m.b.at(m.sg, t).dtype != DT::Float32) {
                    m.b.at(m.sg, t).quantization.scale = {0.01f};
                    m.b.at(m.sg, t).quantization.zeroPoint = {0};
                }
            };
            m.x = m.b.input(m.sg, "x", inType, {kBatch, kInputs});
            quantize(m.x);
            m.wf = m.b.constantBytes(m.sg, "wf", featureType, {kFilters, kInputs},
                std::vector<std::uint8_t>(static_cast<std::size_t>(model::denseBytes(featureType, kFilters * kInputs)), 1));
            quantize(m.wf);
            m.wt = m.b.constantBytes(m.sg, "wt", timeType, {kFilters, kMemory},
                std::vector<std::uint8_t>(static_cast<std::size_t>(model::denseBytes(timeType, kFilters * kMemory)), 1));
            quantize(m.wt);
            m.state = m.b.tensor(m.sg, "state", stateType, {kBatch, kFilters * kMemory});
            m.b.at(m.sg, m.state).isVariable = true;
            quantize(m.state);
            m.y = m.b.tensor(m.sg, "y", inType, {kBatch, kFilters});
            quantize(m.y);
            std::string error;
            auto it = interpreter(m, 1, act, false, rounding, &error);
            return it ? std::string() : error;
        };
        const auto X = exec::Rounding::Xnnpack, R = exec::Rounding::Reference;
        QCOMPARE(build(DT::Int8, DT::Int8, DT::Int16, DT::Int16, AF::RELU, X), std::string());
        const auto none = build(DT::Int8, DT::Int8, DT::Int16, DT::Int16, AF::NONE, X);
        QVERIFY2(none.find("only with a RELU activation, got NONE") != std::string::npos, none.c_str());
        QCOMPARE(build(DT::Int8, DT::Int8, DT::Int16, DT::Int16, AF::NONE, R), std::string());
        const auto int8State = build(DT::Int8, DT::Int8, DT::Int8, DT::Int8, AF::RELU, X);
        QVERIFY2(int8State.find("int16 weights_time and state, got int8 and int8") != std::string::npos, int8State.c_str());
        const auto mixed = build(DT::Float32, DT::Int8, DT::Float32, DT::Float32, AF::NONE, X);
        QVERIFY2(mixed.find("must both be float32 or both int8") != std::string::npos, mixed.c_str());
        QCOMPARE(build(DT::Float32, DT::Int8, DT::Int8, DT::Float32, AF::NONE, X), std::string());
    }
};

QTEST_GUILESS_MAIN(SvdfTest)
#include "svdf_test.moc"
