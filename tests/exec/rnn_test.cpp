// SPDX-License-Identifier: MIT
// RNN and UNIDIRECTIONAL_SEQUENCE_RNN keep their hidden state in a variable tensor, which LiteRT.js does
// not load, so they are checked here against the cell's definition, h_t = act(b + W x_t + R h_(t-1)),
// evaluated independently over two invokes (the state starts at 0 each time unless the interpreter keeps
// it): in double for float weights, and with the published dynamic-range arithmetic for int8 weights
// (x and h quantized per batch row in float, int32 products, scaled back), which must also stay close to
// the float cell it approximates.
#include "common/graph_builder.h"
#include "exec/hybrid_reference.h"
#include "exec/interpreter.h"
#include "passes/quantize.h"

#include <QTest>

#include <cstring>

using namespace ql;
using DT = model::DType;
using AF = tflite::ActivationFunctionType;
using Op = tflite::BuiltinOperator;

namespace {

constexpr int kBatch = 2, kInputs = 12, kUnits = 6;

double activate(AF act, double s)
{
    return act == AF::TANH ? std::tanh(s) : act == AF::RELU ? std::max(0.0, s) : std::clamp(s, 0.0, 6.0);
}

struct Cell {
    std::vector<float> W = test::seeded(kUnits * kInputs, 0.8f, 1), R = test::seeded(kUnits * kUnits, 0.5f, 2),
                       bias = test::seeded(kUnits, 0.2f, 3);
    std::vector<std::int8_t> qW, qR;
    float sW = 0, sR = 0;
    Cell()
    {
        sW = test::quantizeWeights(W, 127, qW);
        sR = test::quantizeWeights(R, 127, qR);
    }
};

// One direction of a bidirectional RNN: its weights (float and their int8 codes) and bias.
struct Direction {
    int units = 0, inputs = 0;
    std::vector<float> W, R, A, bias;
    std::vector<std::int8_t> qW, qR, qA;
    float sW = 0, sR = 0, sA = 0;
    Direction(int u, int in, unsigned seed)
        : units(u)
        , inputs(in)
        , W(test::seeded(static_cast<std::size_t>(u * in), 0.8f, seed))
        , R(test::seeded(static_cast<std::size_t>(u * u), 0.5f, seed + 1))
        , A(test::seeded(static_cast<std::size_t>(u * in), 0.6f, seed + 2))
        , bias(test::seeded(static_cast<std::size_t>(u), 0.2f, seed + 3))
    {
        sW = test::quantizeWeights(W, 127, qW);
        sR = test::quantizeWeights(R, 127, qR);
        sA = test::quantizeWeights(A, 127, qA);
    }
};

// The float cell in double: h = act(b + W x + A aux + R h).
void floatStep(const Direction& d, AF act, const float* x, const float* aux, std::vector<double>& h)
{
    std::vector<double> next(static_cast<std::size_t>(d.units));
    for (int u = 0; u < d.units; ++u) {
        double s = d.bias[static_cast<std::size_t>(u)];
        for (int i = 0; i < d.inputs; ++i) {
            s += double(d.W[static_cast<std::size_t>(u * d.inputs + i)]) * x[i];
            if (aux)
                s += double(d.A[static_cast<std::size_t>(u * d.inputs + i)]) * aux[i];
        }
        for (int k = 0; k < d.units; ++k)
            s += double(d.R[static_cast<std::size_t>(u * d.units + k)]) * h[static_cast<std::size_t>(k)];
        next[static_cast<std::size_t>(u)] = activate(act, s);
    }
    h = next;
}

// The hybrid cell: the bias, plus each quantized product in turn (input, auxiliary, recurrent).
void hybridProduct(const std::vector<std::int8_t>& q, float scale, int rows, int cols, const float* v, bool asymmetric, float* out)
{
    const test::RowCodes codes = test::quantizeRow(v, cols, asymmetric);
    for (int u = 0; u < rows; ++u) {
        std::int32_t dot = 0, codeSum = 0;
        for (int i = 0; i < cols; ++i) {
            dot += q[static_cast<std::size_t>(u * cols + i)] * codes.q[static_cast<std::size_t>(i)];
            codeSum += q[static_cast<std::size_t>(u * cols + i)];
        }
        out[u] += static_cast<float>(dot - codes.zero * codeSum) * (codes.scale * scale);
    }
}

void hybridStep(const Direction& d, AF act, bool asymmetric, const float* x, const float* aux, std::vector<float>& h)
{
    std::vector<float> next(d.bias);
    hybridProduct(d.qW, d.sW, d.units, d.inputs, x, asymmetric, next.data());
    if (aux)
        hybridProduct(d.qA, d.sA, d.units, d.inputs, aux, asymmetric, next.data());
    hybridProduct(d.qR, d.sR, d.units, d.units, h.data(), asymmetric, next.data());
    for (auto& v : next)
        v = static_cast<float>(activate(act, v));
    h = next;
}

} // namespace

class RnnTest : public QObject {
    Q_OBJECT

private slots:
    void cellFollowsItsDefinition_data()
    {
        QTest::addColumn<bool>("sequence");
        QTest::addColumn<bool>("timeMajor");
        QTest::addColumn<int>("act");
        QTest::addColumn<int>("weights"); // 0 float, 1 int8 symmetric, 2 int8 asymmetric
        struct Form {
            const char* name;
            bool sequence, timeMajor;
            AF act;
        };
        for (const int weights : {0, 1, 2})
            for (const Form f : {Form{"RNN tanh", false, false, AF::TANH}, Form{"RNN relu", false, false, AF::RELU},
                     Form{"sequence batch-major tanh", true, false, AF::TANH},
                     Form{"sequence time-major relu6", true, true, AF::RELU6}})
                QTest::addRow("%s, %s", f.name, weights == 0 ? "float" : weights == 1 ? "hybrid symmetric" : "hybrid asymmetric")
                    << f.sequence << f.timeMajor << static_cast<int>(f.act) << weights;
    }

    void cellFollowsItsDefinition()
    {
        QFETCH(bool, sequence);
        QFETCH(bool, timeMajor);
        QFETCH(int, act);
        QFETCH(int, weights);
        const AF af = static_cast<AF>(act);
        const bool hybrid = weights > 0, asymmetric = weights == 2;
        const int T = sequence ? 5 : 1;
        const std::vector<std::int32_t> inShape = !sequence ? std::vector<std::int32_t>{kBatch, kInputs}
            : timeMajor ? std::vector<std::int32_t>{T, kBatch, kInputs}
                        : std::vector<std::int32_t>{kBatch, T, kInputs};
        std::vector<std::int32_t> outShape = inShape;
        outShape.back() = kUnits;
        const Cell cell;
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        const int x = b.input(sg, "x", DT::Float32, inShape);
        int w = 0, r = 0;
        if (hybrid) {
            w = b.constant(sg, "w", DT::Int8, {kUnits, kInputs}, cell.qW);
            r = b.constant(sg, "r", DT::Int8, {kUnits, kUnits}, cell.qR);
            b.at(sg, w).quantization.scale = {cell.sW};
            b.at(sg, r).quantization.scale = {cell.sR};
            b.at(sg, w).quantization.zeroPoint = b.at(sg, r).quantization.zeroPoint = {0};
        } else {
            w = b.constant(sg, "w", DT::Float32, {kUnits, kInputs}, cell.W);
            r = b.constant(sg, "r", DT::Float32, {kUnits, kUnits}, cell.R);
        }
        const int bi = b.constant(sg, "b", DT::Float32, {kUnits}, cell.bias);
        const int h = b.tensor(sg, "h", DT::Float32, {kBatch, kUnits});
        b.at(sg, h).isVariable = true;
        const int y = b.tensor(sg, "y", DT::Float32, outShape);
        if (sequence) {
            tflite::SequenceRNNOptionsT o;
            o.time_major = timeMajor;
            o.fused_activation_function = af;
            o.asymmetric_quantize_inputs = asymmetric;
            b.op(sg, Op::UNIDIRECTIONAL_SEQUENCE_RNN, {x, w, r, bi, h}, {y}, test::opts(o));
        } else {
            tflite::RNNOptionsT o;
            o.fused_activation_function = af;
            o.asymmetric_quantize_inputs = asymmetric;
            b.op(sg, Op::RNN, {x, w, r, bi, h}, {y}, test::opts(o));
        }
        b.output(sg, y);
        for (const bool keepState : {false, true}) {
            exec::InterpreterOptions io;
            io.keepState = keepState;
            test::writeFuzzSeed(b.graph(), "rnn");
            auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(b.graph()), io);
            QVERIFY2(it.ok(), it ? "" : it.error().message.c_str());
            const auto input = test::seeded(static_cast<std::size_t>(kBatch * T * kInputs), 2.0f, 9);
            std::vector<std::uint8_t> bytes(input.size() * 4);
            std::memcpy(bytes.data(), input.data(), bytes.size());
            std::vector<double> exactState(static_cast<std::size_t>(kBatch * kUnits), 0.0);
            std::vector<float> hybridState(static_cast<std::size_t>(kBatch * kUnits), 0.0f);
            double worst = 0;
            for (int run = 0; run < 2; ++run) {
                QVERIFY((*it)->setInput(0, DT::Float32, bytes).ok());
                QVERIFY((*it)->invoke().ok());
                if (!keepState) {
                    std::fill(exactState.begin(), exactState.end(), 0.0);
                    std::fill(hybridState.begin(), hybridState.end(), 0.0f);
                }
                const float* got = (*it)->output(0).as<float>();
                for (int t = 0; t < T; ++t)
                    for (int n = 0; n < kBatch; ++n) {
                        const int step = timeMajor ? t * kBatch + n : n * T + t;
                        const float* xt = input.data() + step * kInputs;
                        // The float cell in double.
                        std::vector<double> exact(kUnits);
                        for (int u = 0; u < kUnits; ++u) {
                            double s = cell.bias[static_cast<std::size_t>(u)];
                            for (int i = 0; i < kInputs; ++i)
                                s += double(cell.W[static_cast<std::size_t>(u * kInputs + i)]) * xt[i];
                            for (int k = 0; k < kUnits; ++k)
                                s += double(cell.R[static_cast<std::size_t>(u * kUnits + k)]) * exactState[static_cast<std::size_t>(n * kUnits + k)];
                            exact[static_cast<std::size_t>(u)] = activate(af, s);
                        }
                        std::copy(exact.begin(), exact.end(), exactState.begin() + n * kUnits);
                        // The hybrid cell: bias, plus the input product, plus the recurrent product.
                        std::vector<float> hyb(cell.bias);
                        if (hybrid) {
                            float* hn = hybridState.data() + n * kUnits;
                            hybridProduct(cell.qW, cell.sW, kUnits, kInputs, xt, asymmetric, hyb.data());
                            hybridProduct(cell.qR, cell.sR, kUnits, kUnits, hn, asymmetric, hyb.data());
                            for (int u = 0; u < kUnits; ++u)
                                hn[u] = hyb[static_cast<std::size_t>(u)] = static_cast<float>(activate(af, hyb[static_cast<std::size_t>(u)]));
                        }
                        for (int u = 0; u < kUnits; ++u) {
                            const float g = got[step * kUnits + u];
                            const double want = hybrid ? double(hyb[static_cast<std::size_t>(u)]) : exact[static_cast<std::size_t>(u)];
                            QVERIFY2(std::abs(g - want) <= 1e-5 * std::max(1.0, std::abs(want)),
                                qPrintable(QStringLiteral("run %1 step %2 unit %3: %4 vs %5").arg(run).arg(step).arg(u).arg(g).arg(want)));
                            worst = std::max(worst, std::abs(g - exact[static_cast<std::size_t>(u)]));
                        }
                    }
            }
            // Dynamic range approximates the float cell (activations here stay within a few units).
            QVERIFY2(worst <= (hybrid ? 0.1 : 1e-5), qPrintable(QStringLiteral("largest error %1").arg(worst)));
        }
    }

    // BIDIRECTIONAL_SEQUENCE_RNN as LiteRT runs it: a forward and a backward cell, merged or two outputs,
    // auxiliary input through its own weights or replacing the backward cell's input (time-major only:
    // LiteRT's batch-major kernel keeps the input), and LiteRT's repetition of the whole sequence per
    // time step for dynamic-range weights on a time-major sequence.
    void bidirectionalFollowsLitertsDefinition_data()
    {
        QTest::addColumn<bool>("timeMajor");
        QTest::addColumn<bool>("merge");
        QTest::addColumn<int>("auxMode"); // 0 none, 1 auxiliary weights, 2 auxiliary input without weights
        QTest::addColumn<int>("weights"); // 0 float, 1 int8 symmetric, 2 int8 asymmetric
        QTest::newRow("time-major float") << true << false << 0 << 0;
        QTest::newRow("batch-major float merged, aux weights") << false << true << 1 << 0;
        QTest::newRow("time-major float, aux replaces backward input") << true << false << 2 << 0;
        QTest::newRow("batch-major float, aux input ignored") << false << true << 2 << 0;
        QTest::newRow("time-major hybrid asymmetric merged") << true << true << 0 << 2;
        QTest::newRow("batch-major hybrid symmetric, aux weights") << false << false << 1 << 1;
        QTest::newRow("time-major hybrid asymmetric, aux weights") << true << false << 1 << 2;
    }

    void bidirectionalFollowsLitertsDefinition()
    {
        QFETCH(bool, timeMajor);
        QFETCH(bool, merge);
        QFETCH(int, auxMode);
        QFETCH(int, weights);
        const bool hybrid = weights > 0, asymmetric = weights == 2;
        const int T = 4, fwUnits = 5, bwUnits = 3;
        const AF act = AF::TANH;
        const Direction fw(fwUnits, kInputs, 40), bw(bwUnits, kInputs, 50);
        const std::vector<std::int32_t> inShape = timeMajor ? std::vector<std::int32_t>{T, kBatch, kInputs}
                                                            : std::vector<std::int32_t>{kBatch, T, kInputs};
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        const int x = b.input(sg, "x", DT::Float32, inShape);
        const int aux = auxMode ? b.input(sg, "aux", DT::Float32, inShape) : -1;
        const auto addWeights = [&](const std::string& p, const std::vector<float>& f, const std::vector<std::int8_t>& q,
                                    float scale, std::vector<std::int32_t> shape) {
            if (!hybrid)
                return b.constant(sg, p, DT::Float32, std::move(shape), f);
            const int t = b.constant(sg, p, DT::Int8, std::move(shape), q);
            b.at(sg, t).quantization.scale = {scale};
            b.at(sg, t).quantization.zeroPoint = {0};
            return t;
        };
        std::vector<std::int32_t> inputs{x};
        for (const Direction* d : {&fw, &bw}) {
            const std::string p = d == &fw ? "fw_" : "bw_";
            inputs.push_back(addWeights(p + "w", d->W, d->qW, d->sW, {d->units, kInputs}));
            inputs.push_back(addWeights(p + "r", d->R, d->qR, d->sR, {d->units, d->units}));
            inputs.push_back(b.constant(sg, p + "b", DT::Float32, {d->units}, d->bias));
            const int h = b.tensor(sg, p + "h", DT::Float32, {kBatch, d->units});
            b.at(sg, h).isVariable = true;
            inputs.push_back(h);
        }
        inputs.push_back(aux);
        inputs.push_back(auxMode == 1 ? addWeights("fw_aux", fw.A, fw.qA, fw.sA, {fwUnits, kInputs}) : -1);
        inputs.push_back(auxMode == 1 ? addWeights("bw_aux", bw.A, bw.qA, bw.sA, {bwUnits, kInputs}) : -1);
        std::vector<std::int32_t> outShape = inShape;
        outShape.back() = merge ? fwUnits + bwUnits : fwUnits;
        std::vector<std::int32_t> outputs{b.tensor(sg, "fw_y", DT::Float32, outShape)};
        if (!merge) {
            outShape.back() = bwUnits;
            outputs.push_back(b.tensor(sg, "bw_y", DT::Float32, outShape));
        }
        tflite::BidirectionalSequenceRNNOptionsT o;
        o.time_major = timeMajor;
        o.merge_outputs = merge;
        o.fused_activation_function = act;
        o.asymmetric_quantize_inputs = asymmetric;
        b.op(sg, Op::BIDIRECTIONAL_SEQUENCE_RNN, inputs, outputs, test::opts(o));
        for (const int y : outputs)
            b.output(sg, y);
        exec::InterpreterOptions io;
        io.keepState = true;
        test::writeFuzzSeed(b.graph(), "rnn");
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(b.graph()), io);
        QVERIFY2(it.ok(), it ? "" : it.error().message.c_str());

        std::vector<std::vector<double>> exactState{std::vector<double>(kBatch * fwUnits, 0.0), std::vector<double>(kBatch * bwUnits, 0.0)};
        std::vector<std::vector<float>> hybridState{std::vector<float>(kBatch * fwUnits, 0.0f), std::vector<float>(kBatch * bwUnits, 0.0f)};
        const int passes = hybrid && timeMajor ? T : 1;
        for (int run = 0; run < 2; ++run) {
            const auto in = test::seeded(static_cast<std::size_t>(T * kBatch * kInputs), 2.0f, 60u + static_cast<unsigned>(run));
            const auto auxIn = test::seeded(in.size(), 1.5f, 70u + static_cast<unsigned>(run));
            for (int k = 0; k < (auxMode ? 2 : 1); ++k) {
                std::vector<std::uint8_t> bytes(in.size() * 4);
                std::memcpy(bytes.data(), (k == 0 ? in : auxIn).data(), bytes.size());
                QVERIFY((*it)->setInput(k, DT::Float32, bytes).ok());
            }
            QVERIFY((*it)->invoke().ok());
            // The expected sequences, [direction][position * units + unit].
            std::vector<std::vector<double>> want{std::vector<double>(static_cast<std::size_t>(T * kBatch * fwUnits)),
                std::vector<double>(static_cast<std::size_t>(T * kBatch * bwUnits))};
            for (int pass = 0; pass < passes; ++pass)
                for (int d = 0; d < 2; ++d) {
                    const Direction& dir = d == 0 ? fw : bw;
                    const bool auxAsInput = d == 1 && auxMode == 2 && timeMajor;
                    for (int n = 0; n < kBatch; ++n) {
                        std::vector<double> he(exactState[static_cast<std::size_t>(d)].begin() + n * dir.units,
                            exactState[static_cast<std::size_t>(d)].begin() + (n + 1) * dir.units);
                        std::vector<float> hh(hybridState[static_cast<std::size_t>(d)].begin() + n * dir.units,
                            hybridState[static_cast<std::size_t>(d)].begin() + (n + 1) * dir.units);
                        for (int k = 0; k < T; ++k) {
                            const int t = d == 0 ? k : T - 1 - k;
                            const int at = timeMajor ? t * kBatch + n : n * T + t;
                            const float* xt = (auxAsInput ? auxIn : in).data() + at * kInputs;
                            const float* at2 = auxMode == 1 ? auxIn.data() + at * kInputs : nullptr;
                            if (hybrid) {
                                hybridStep(dir, act, asymmetric, xt, at2, hh);
                                for (int u = 0; u < dir.units; ++u)
                                    want[static_cast<std::size_t>(d)][static_cast<std::size_t>(at * dir.units + u)] = hh[static_cast<std::size_t>(u)];
                            } else {
                                floatStep(dir, act, xt, at2, he);
                                for (int u = 0; u < dir.units; ++u)
                                    want[static_cast<std::size_t>(d)][static_cast<std::size_t>(at * dir.units + u)] = he[static_cast<std::size_t>(u)];
                            }
                        }
                        std::copy(he.begin(), he.end(), exactState[static_cast<std::size_t>(d)].begin() + n * dir.units);
                        std::copy(hh.begin(), hh.end(), hybridState[static_cast<std::size_t>(d)].begin() + n * dir.units);
                    }
                }
            for (int d = 0; d < 2; ++d) {
                const Direction& dir = d == 0 ? fw : bw;
                const float* got = (*it)->output(merge ? 0 : d).as<float>();
                const int step = merge ? fwUnits + bwUnits : dir.units, offset = merge && d == 1 ? fwUnits : 0;
                for (int at = 0; at < T * kBatch; ++at)
                    for (int u = 0; u < dir.units; ++u) {
                        const double g = got[at * step + offset + u];
                        const double w = want[static_cast<std::size_t>(d)][static_cast<std::size_t>(at * dir.units + u)];
                        QVERIFY2(std::abs(g - w) <= 1e-5 * std::max(1.0, std::abs(w)),
                            qPrintable(QStringLiteral("run %1 direction %2 position %3 unit %4: %5 vs %6").arg(run).arg(d).arg(at).arg(u).arg(g).arg(w)));
                    }
            }
        }
    }

    // Dynamic-range quantization writes RNN and UNIDIRECTIONAL_SEQUENCE_RNN as the converter does: input and
    // recurrent weights int8 with one symmetric scale each, both or neither, the bias float,
    // asymmetric_quantize_inputs, version 3.
    void dynamicRangeQuantizesWeightsAsTheConverter_data()
    {
        QTest::addColumn<bool>("sequence");
        QTest::newRow("RNN") << false;
        QTest::newRow("UNIDIRECTIONAL_SEQUENCE_RNN") << true;
    }

    void dynamicRangeQuantizesWeightsAsTheConverter()
    {
        QFETCH(bool, sequence);
        const Cell cell;
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        const std::vector<std::int32_t> inShape = sequence ? std::vector<std::int32_t>{kBatch, 3, kInputs}
                                                           : std::vector<std::int32_t>{kBatch, kInputs};
        std::vector<std::int32_t> outShape = inShape;
        outShape.back() = kUnits;
        const int x = b.input(sg, "x", DT::Float32, inShape);
        const int w = b.constant(sg, "w", DT::Float32, {kUnits, kInputs}, cell.W);
        const int r = b.constant(sg, "r", DT::Float32, {kUnits, kUnits}, cell.R);
        const int bi = b.constant(sg, "b", DT::Float32, {kUnits}, cell.bias);
        const int h = b.tensor(sg, "h", DT::Float32, {kBatch, kUnits});
        b.at(sg, h).isVariable = true;
        const int y = b.tensor(sg, "y", DT::Float32, outShape);
        if (sequence)
            b.op(sg, Op::UNIDIRECTIONAL_SEQUENCE_RNN, {x, w, r, bi, h}, {y}, test::opts(tflite::SequenceRNNOptionsT{}));
        else
            b.op(sg, Op::RNN, {x, w, r, bi, h}, {y}, test::opts(tflite::RNNOptionsT{}));
        b.output(sg, y);
        const model::Graph g = b.graph();
        passes::QuantizeOptions opt;
        opt.mode = passes::Mode::Dynamic;
        opt.dynamicMinElements = 50; // the input weights (72 values) pass, the recurrent ones (36) do not
        auto kept = passes::quantizeGraph(g, opt, {});
        QVERIFY2(kept.ok(), kept ? "" : kept.error().message.c_str());
        for (const int t : kept->graph.main().operators.back().inputs)
            QVERIFY(kept->graph.main().tensors[static_cast<std::size_t>(t)].dtype == DT::Float32);
        QVERIFY(std::any_of(kept->notes.begin(), kept->notes.end(),
            [](const std::string& n) { return n.find("'r' have 36 values") != std::string::npos; }));

        opt.dynamicMinElements = 4;
        auto q = passes::quantizeGraph(g, opt, {});
        QVERIFY2(q.ok(), q ? "" : q.error().message.c_str());
        const model::Graph& qg = q->graph;
        const model::Operator& op = qg.main().operators.back();
        QCOMPARE(qg.opcodes[op.opcodeIndex].version, 3);
        QVERIFY(sequence ? op.options.AsSequenceRNNOptions()->asymmetric_quantize_inputs
                         : op.options.AsRNNOptions()->asymmetric_quantize_inputs);
        for (const auto& [input, codes] : {std::pair{1, &cell.qW}, std::pair{2, &cell.qR}}) {
            const model::Tensor& t = qg.main().tensors[static_cast<std::size_t>(op.inputs[static_cast<std::size_t>(input)])];
            QCOMPARE(t.dtype, DT::Int8);
            QCOMPARE(t.quantization.scale, std::vector<float>{input == 1 ? cell.sW : cell.sR});
            const auto bytes = qg.tensorData(t);
            QCOMPARE(std::vector<std::int8_t>(bytes.begin(), bytes.end()), *codes);
        }
        QCOMPARE(qg.main().tensors[static_cast<std::size_t>(op.inputs[3])].dtype, DT::Float32);
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(qg));
        QVERIFY2(it.ok(), it ? "" : it.error().message.c_str());
        QVERIFY((*it)->invoke().ok());
    }

    // Weights of two types, or of a type LiteRT has no kernel for, are refused by name.
    // LiteRT repeats a hybrid time-major sequence once per time step: a long one (quadratic work) is refused
    // by name instead of running for hours (interpreter_fuzz: 32772 steps timed out); a short one runs.
    void quadraticHybridSequenceIsRefused()
    {
        const auto build = [](int T) {
            const Direction fw(5, kInputs, 40), bw(3, kInputs, 50);
            test::GraphBuilder b;
            const int sg = b.subgraph("main");
            std::vector<std::int32_t> inputs{b.input(sg, "x", DT::Float32, {T, kBatch, kInputs})};
            for (const Direction* d : {&fw, &bw}) {
                const int w = b.constant(sg, "w", DT::Int8, {d->units, kInputs}, d->qW);
                const int r = b.constant(sg, "r", DT::Int8, {d->units, d->units}, d->qR);
                b.at(sg, w).quantization.scale = {d->sW};
                b.at(sg, r).quantization.scale = {d->sR};
                const int h = b.tensor(sg, "h", DT::Float32, {kBatch, d->units});
                b.at(sg, h).isVariable = true;
                inputs.insert(inputs.end(), {w, r, b.constant(sg, "b", DT::Float32, {d->units}, d->bias), h});
            }
            const int y = b.tensor(sg, "y", DT::Float32, {T, kBatch, 8});
            tflite::BidirectionalSequenceRNNOptionsT o;
            o.time_major = true;
            o.merge_outputs = true;
            b.op(sg, Op::BIDIRECTIONAL_SEQUENCE_RNN, inputs, {y}, test::opts(o));
            b.output(sg, y);
            return exec::Interpreter::create(std::make_shared<const model::Graph>(b.graph()));
        };
        QVERIFY(build(8).ok());
        auto refused = build(20000);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("once per time step; 20000 steps") != std::string::npos,
            refused.error().message.c_str());
    }

    void mixedWeightsAreRefused()
    {
        const Cell cell;
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        const int x = b.input(sg, "x", DT::Float32, {kBatch, kInputs});
        const int w = b.constant(sg, "w", DT::Int8, {kUnits, kInputs}, cell.qW);
        b.at(sg, w).quantization.scale = {cell.sW};
        const int r = b.constant(sg, "r", DT::Float32, {kUnits, kUnits}, cell.R);
        const int bi = b.constant(sg, "b", DT::Float32, {kUnits}, cell.bias);
        const int h = b.tensor(sg, "h", DT::Float32, {kBatch, kUnits});
        b.at(sg, h).isVariable = true;
        const int y = b.tensor(sg, "y", DT::Float32, {kBatch, kUnits});
        b.op(sg, Op::RNN, {x, w, r, bi, h}, {y}, test::opts(tflite::RNNOptionsT{}));
        b.output(sg, y);
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(b.graph()));
        QVERIFY(!it.ok());
        QVERIFY2(it.error().message.find("weights must be all float32 or all int8") != std::string::npos, it.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(RnnTest)
#include "rnn_test.moc"
