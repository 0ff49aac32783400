// SPDX-License-Identifier: MIT
// Full-integer quantization of control-flow bodies: calibration sees a WHILE body's tensors on every
// iteration, the quantizer makes the body's operators integer (its inputs and outputs stay float, as the
// WHILE passes float values), and LiteRT runs the export with outputs equal to QuantLens'. A body the
// calibration data never entered stays float.
#include "common/graph_builder.h"
#include "exec/graph_run.h"
#include "passes/quantize.h"
#include "quant/calibrate.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace ql;
using namespace ql::test;
using DT = model::DType;
using BO = tflite::BuiltinOperator;

namespace {

constexpr int kWidth = 8;

std::vector<float> seededValues(std::size_t n, unsigned seed, float scale)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(-scale, scale);
    std::vector<float> v(n);
    for (auto& x : v)
        x = d(rng);
    return v;
}

// 0.9 I plus small positive couplings, and a positive bias: the values grow from one iteration to the next,
// so each iteration has its own range.
std::vector<float> growingWeights()
{
    auto v = seededValues(kWidth * kWidth, 1, 0.05f);
    for (int o = 0; o < kWidth; ++o)
        for (int k = 0; k < kWidth; ++k)
            v[static_cast<std::size_t>(o * kWidth + k)] += (o == k ? 0.9f : 0.0f) + 0.05f;
    return v;
}
const std::vector<float> kWeights = growingWeights();
const std::vector<float> kBias = [] {
    auto v = seededValues(kWidth, 2, 0.05f);
    for (auto& b : v)
        b += 0.15f;
    return v;
}();
const std::vector<float> kHeadWeights = seededValues(4 * kWidth, 3, 0.5f);

// y = FC(WHILE i < 3 { i += 1; x = relu(W x + b) }(start, x)): the loop's body holds a FULLY_CONNECTED,
// the main graph another after the loop.
model::Graph loopModel(std::int32_t start)
{
    GraphBuilder b;
    const int main = b.subgraph("main"), cond = b.subgraph("cond"), body = b.subgraph("body");
    const int x = b.input(main, "x", DT::Float32, {1, kWidth});
    const int i0 = b.constant<std::int32_t>(main, "start", DT::Int32, {1}, {start});
    const int io = b.tensor(main, "i_out", DT::Int32, {1}), xo = b.tensor(main, "x_out", DT::Float32, {1, kWidth});
    tflite::WhileOptionsT wo;
    wo.cond_subgraph_index = cond;
    wo.body_subgraph_index = body;
    b.op(main, BO::WHILE, {i0, x}, {io, xo}, opts(wo));
    const int hw = b.constant<float>(main, "head_w", DT::Float32, {4, kWidth}, kHeadWeights);
    const int y = b.tensor(main, "y", DT::Float32, {1, 4});
    b.op(main, BO::FULLY_CONNECTED, {xo, hw, -1}, {y}, opts(tflite::FullyConnectedOptionsT{}));
    b.output(main, y);

    const int ci = b.input(cond, "i", DT::Int32, {1});
    b.input(cond, "x", DT::Float32, {1, kWidth});
    const int three = b.constant<std::int32_t>(cond, "three", DT::Int32, {1}, {3});
    const int less = b.tensor(cond, "less", DT::Bool, {1});
    b.op(cond, BO::LESS, {ci, three}, {less});
    b.output(cond, less);

    const int bi = b.input(body, "i", DT::Int32, {1});
    const int bx = b.input(body, "x", DT::Float32, {1, kWidth});
    const int one = b.constant<std::int32_t>(body, "one", DT::Int32, {1}, {1});
    const int w = b.constant<float>(body, "w", DT::Float32, {kWidth, kWidth}, kWeights);
    const int bias = b.constant<float>(body, "b", DT::Float32, {kWidth}, kBias);
    const int ni = b.tensor(body, "i_next", DT::Int32, {1});
    const int nx = b.tensor(body, "x_next", DT::Float32, {1, kWidth});
    b.op(body, BO::ADD, {bi, one}, {ni}, opts(tflite::AddOptionsT{}));
    tflite::FullyConnectedOptionsT fc;
    fc.fused_activation_function = tflite::ActivationFunctionType::RELU;
    b.op(body, BO::FULLY_CONNECTED, {bx, w, bias}, {nx}, opts(fc));
    b.output(body, ni);
    b.output(body, nx);
    return b.graph();
}

data::SampleSet samples(int count, unsigned seed)
{
    data::SampleSet s;
    s.sampleShape = {1, kWidth};
    s.count = count;
    s.values = seededValues(static_cast<std::size_t>(count * kWidth), seed, 1.0f);
    return s;
}

// The loop's values computed here: the range of x_next over iterations [first, last] of every sample.
std::pair<float, float> bodyOutputRange(const data::SampleSet& s, int first, int last)
{
    float lo = INFINITY, hi = -INFINITY;
    for (std::int64_t i = 0; i < s.count; ++i) {
        std::vector<float> x(s.sample(i), s.sample(i) + kWidth);
        for (int it = 0; it <= last; ++it) {
            std::vector<float> next(kWidth);
            for (int o = 0; o < kWidth; ++o) {
                float acc = kBias[static_cast<std::size_t>(o)];
                for (int k = 0; k < kWidth; ++k)
                    acc += kWeights[static_cast<std::size_t>(o * kWidth + k)] * x[static_cast<std::size_t>(k)];
                next[static_cast<std::size_t>(o)] = std::max(acc, 0.0f);
                if (it < first)
                    continue;
                lo = std::min(lo, next[static_cast<std::size_t>(o)]);
                hi = std::max(hi, next[static_cast<std::size_t>(o)]);
            }
            x = next;
        }
    }
    return {lo, hi};
}

int countOps(const model::Graph& g, int sg, BO code, DT outType)
{
    int n = 0;
    for (const auto& op : g.subgraphs[static_cast<std::size_t>(sg)].operators)
        n += g.opcodeOf(op) == code &&
            g.subgraphs[static_cast<std::size_t>(sg)].tensors[static_cast<std::size_t>(op.outputs[0])].dtype == outType;
    return n;
}

} // namespace

class QuantizeSubgraphsTest : public QObject {
    Q_OBJECT

private slots:
    void calibrationSeesEveryIterationOfALoopBody()
    {
        const model::Graph g = loopModel(0);
        const data::SampleSet cal = samples(8, 4);
        auto ranges = quant::calibrate(g, cal, {});
        QVERIFY2(ranges.ok(), ranges.ok() ? "" : ranges.error().message.c_str());
        QCOMPARE(ranges->size(), quant::rangeOffsets(g).back());
        const auto body = quant::subgraphRanges(g, *ranges, 2);
        QCOMPARE(body.size(), g.subgraphs[2].tensors.size());
        const model::Operator& fc = g.subgraphs[2].operators[1];
        const quant::TensorRange& out = body[static_cast<std::size_t>(fc.outputs[0])];
        QVERIFY(out.valid);
        // Three iterations, all seen: neither the first nor the last alone gives this range.
        const auto [lo, hi] = bodyOutputRange(cal, 0, 2);
        QCOMPARE_LE(std::abs(out.lo - lo), 1e-5f);
        QCOMPARE_LE(std::abs(out.hi - hi), 1e-5f);
        for (int only : {0, 2}) {
            const auto [oneLo, oneHi] = bodyOutputRange(cal, only, only);
            QVERIFY(std::abs(oneHi - hi) > 1e-3f || std::abs(oneLo - lo) > 1e-3f);
        }
        QVERIFY(body[static_cast<std::size_t>(fc.inputs[0])].valid); // the body's own input
    }

    void aLoopBodyBecomesIntegerAndRunsInLitertAsInQuantLens()
    {
        const model::Graph g = loopModel(0);
        auto ranges = quant::calibrate(g, samples(8, 4), {});
        QVERIFY(ranges.ok());
        // Both I/O types; FULLY_CONNECTED per channel and per tensor (LiteRT runs the body's on its own
        // kernel, not XNNPACK: one rounding shift, which the per-channel case showed).
        for (const auto& [io, perChannel] : {std::pair{passes::IoType::Float, true}, std::pair{passes::IoType::Native, true},
                 std::pair{passes::IoType::Native, false}}) {
            passes::QuantizeOptions o;
            o.mode = passes::Mode::Int8;
            o.io = io;
            o.perChannelDense = perChannel;
            auto q = passes::quantizeGraph(g, o, *ranges);
            QVERIFY2(q.ok(), q.ok() ? "" : q.error().message.c_str());
            const model::Graph& e = q->graph;
            QCOMPARE(countOps(e, 2, BO::FULLY_CONNECTED, DT::Int8), 1); // the body's
            QCOMPARE(countOps(e, 0, BO::FULLY_CONNECTED, DT::Int8), 1); // the head
            // The body's inputs and outputs stay float: the WHILE passes float values.
            for (auto t : e.subgraphs[2].outputs)
                QVERIFY(e.subgraphs[2].tensors[static_cast<std::size_t>(t)].dtype != DT::Int8);
            auto it = interpreter(e);
            QVERIFY(it);
            const auto in = it->input(0);
            for (unsigned seed : {11u, 12u, 13u}) {
                std::vector<data::NpyArray> inputs;
                if (in.dtype == DT::Float32) {
                    inputs.push_back(array<float>(DT::Float32, {1, kWidth}, seededValues(kWidth, seed, 1.0f)));
                } else {
                    std::vector<std::int8_t> codes;
                    for (float v : seededValues(kWidth, seed, 100.0f))
                        codes.push_back(static_cast<std::int8_t>(v));
                    inputs.push_back(array<std::int8_t>(DT::Int8, {1, kWidth}, codes));
                }
                const auto ours = run(*it, inputs);
                QVERIFY(!ours.empty());
                const auto ref = litert(e, inputs, {}, kControlFlow);
                QVERIFY2(ref.ok, qPrintable(ref.error));
                QString why;
                QVERIFY2(sameArrays(ours, ref.outputs, why), qPrintable(why));
            }
        }
    }

    void aBodyTheCalibrationNeverEnteredStaysFloat()
    {
        const model::Graph g = loopModel(5); // the condition fails at once
        auto ranges = quant::calibrate(g, samples(8, 4), {});
        QVERIFY(ranges.ok());
        QVERIFY(std::none_of(quant::subgraphRanges(g, *ranges, 2).begin(), quant::subgraphRanges(g, *ranges, 2).end(),
            [](const quant::TensorRange& r) { return r.valid; }));
        passes::QuantizeOptions o;
        o.mode = passes::Mode::Int8;
        auto q = passes::quantizeGraph(g, o, *ranges);
        QVERIFY2(q.ok(), q.ok() ? "" : q.error().message.c_str());
        QCOMPARE(countOps(q->graph, 2, BO::FULLY_CONNECTED, DT::Float32), 1);
        QCOMPARE(countOps(q->graph, 0, BO::FULLY_CONNECTED, DT::Int8), 1);
    }
};

QTEST_GUILESS_MAIN(QuantizeSubgraphsTest)
#include "quantize_subgraphs_test.moc"
