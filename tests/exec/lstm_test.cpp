// SPDX-License-Identifier: MIT
// The float and dynamic-range LSTMs (LSTM, UNIDIRECTIONAL_SEQUENCE_LSTM, BIDIRECTIONAL_SEQUENCE_LSTM)
// against the LSTM's definition evaluated here in double precision: gates, peepholes, CIFG, layer
// normalization, projection, clipping, auxiliary inputs, both time layouts, state carried across
// invokes. Dynamic-range weights follow the runtime's hybrid definition: each vector a weight matrix
// multiplies is quantized per batch row (symmetric to [-127, 127], or asymmetric to [-128, 127]),
// multiplied in integers and scaled by the two scales. LiteRT refuses the state (variable) tensors
// these operators need, so the definition is the reference (as for the float LSTM model).
#include "common/graph_builder.h"
#include "exec/interpreter.h"
#include "passes/quantize.h"

#include <QTest>

#include <array>
#include <cmath>
#include <cstring>

using namespace ql;
using DT = model::DType;
using Op = tflite::BuiltinOperator;

namespace {

std::vector<float> seeded(std::size_t n, float scale, unsigned seed)
{
    std::vector<float> v(n);
    unsigned x = seed * 2654435761u + 17u;
    for (auto& e : v) {
        x = x * 1664525u + 1013904223u;
        e = scale * (static_cast<float>(x >> 8) / 8388608.0f - 1.0f);
    }
    return v;
}

struct Config {
    const char* name;
    bool hybrid = false, asymmetric = false, cifg = false, peephole = false, layerNorm = false, projection = false;
    float cellClip = 0, projClip = 0;
};

// One weight matrix as the reference uses it: float values, or int8 codes with one scale.
struct Matrix {
    int rows = 0, cols = 0;
    std::vector<float> f;
    std::vector<std::int8_t> q;
    float scale = 1;
};

// The hybrid definition: v quantized per row, integer products, scaled back.
std::vector<double> product(const Matrix& m, const std::vector<double>& v, bool hybrid, bool asymmetric)
{
    std::vector<double> out(static_cast<std::size_t>(m.rows), 0.0);
    if (!hybrid) {
        for (int r = 0; r < m.rows; ++r)
            for (int c = 0; c < m.cols; ++c)
                out[static_cast<std::size_t>(r)] += double(m.f[static_cast<std::size_t>(r * m.cols + c)]) * v[static_cast<std::size_t>(c)];
        return out;
    }
    double lo = 0, hi = 0;
    for (double e : v) {
        lo = std::min(lo, e);
        hi = std::max(hi, e);
    }
    double scale = 1;
    long zp = 0;
    std::vector<long> q(v.size(), 0);
    if (!asymmetric && hi - lo > 0) {
        scale = std::max(-lo, hi) / 127.0;
        for (std::size_t i = 0; i < v.size(); ++i)
            q[i] = std::clamp(std::lround(v[i] / scale), -127L, 127L);
    } else if (asymmetric && hi > lo) {
        scale = (hi - lo) / 255.0;
        zp = std::clamp(std::lround(-128.0 - lo / scale), -128L, 127L);
        for (std::size_t i = 0; i < v.size(); ++i)
            q[i] = std::clamp(zp + std::lround(v[i] / scale), -128L, 127L);
    }
    for (int r = 0; r < m.rows; ++r) {
        long acc = 0;
        for (int c = 0; c < m.cols; ++c)
            acc += long(m.q[static_cast<std::size_t>(r * m.cols + c)]) * (q[static_cast<std::size_t>(c)] - zp);
        out[static_cast<std::size_t>(r)] = double(acc) * scale * double(m.scale);
    }
    return out;
}

double sigmoid(double v)
{
    return 1.0 / (1.0 + std::exp(-v));
}

// One direction: the tensors it adds to the graph and the reference that follows them.
struct Direction {
    Config cfg;
    int nIn = 0, nAux = 0, nCell = 0, nOut = 0;
    std::array<Matrix, 4> wx, wh, wa;
    std::array<std::vector<float>, 4> bias, ln;
    std::array<std::vector<float>, 3> peep;
    Matrix proj;
    std::vector<float> projBias;
    std::vector<double> h, c; // [B x nOut], [B x nCell]

    Matrix matrix(int rows, int cols, float range, unsigned seed) const
    {
        Matrix m{rows, cols, seeded(static_cast<std::size_t>(rows * cols), range, seed), {}, 1};
        if (cfg.hybrid) {
            float mx = 0;
            for (float e : m.f)
                mx = std::max(mx, std::abs(e));
            m.scale = mx / 127.0f;
            for (float e : m.f)
                m.q.push_back(static_cast<std::int8_t>(std::lround(e / m.scale)));
        }
        return m;
    }

    Direction(const Config& config, int in, int aux, int cell, int out, unsigned seed)
        : cfg(config), nIn(in), nAux(aux), nCell(cell), nOut(out)
    {
        for (int g = 0; g < 4; ++g) {
            const auto u = static_cast<std::size_t>(g);
            const unsigned s = seed + 10u * static_cast<unsigned>(g);
            wx[u] = matrix(nCell, nIn, 0.6f, s);
            wh[u] = matrix(nCell, nOut, 0.5f, s + 1);
            if (nAux > 0)
                wa[u] = matrix(nCell, nAux, 0.4f, s + 2);
            bias[u] = seeded(static_cast<std::size_t>(nCell), 0.3f, s + 3);
            if (cfg.layerNorm)
                ln[u] = seeded(static_cast<std::size_t>(nCell), 1.0f, s + 4);
        }
        if (cfg.peephole)
            for (std::size_t k = 0; k < 3; ++k)
                peep[k] = seeded(static_cast<std::size_t>(nCell), 0.4f, seed + 50u + static_cast<unsigned>(k));
        if (cfg.projection) {
            proj = matrix(nOut, nCell, 0.7f, seed + 60);
            projBias = seeded(static_cast<std::size_t>(nOut), 0.1f, seed + 61);
        }
    }

    int weights(test::GraphBuilder& b, int sg, const std::string& name, const Matrix& m) const
    {
        if (!cfg.hybrid)
            return b.constant(sg, name, DT::Float32, {m.rows, m.cols}, m.f);
        const int t = b.constant(sg, name, DT::Int8, {m.rows, m.cols}, m.q);
        b.at(sg, t).quantization.scale = {m.scale};
        b.at(sg, t).quantization.zeroPoint = {0};
        return t;
    }

    // Appends this direction's 17 weight inputs (1..17 of a unidirectional LSTM) to `inputs`.
    void addWeights(test::GraphBuilder& b, int sg, const std::string& p, std::vector<std::int32_t>& inputs) const
    {
        for (int g = 0; g < 4; ++g)
            inputs.push_back(g == 0 && cfg.cifg ? -1 : weights(b, sg, p + "wx" + std::to_string(g), wx[static_cast<std::size_t>(g)]));
        for (int g = 0; g < 4; ++g)
            inputs.push_back(g == 0 && cfg.cifg ? -1 : weights(b, sg, p + "wh" + std::to_string(g), wh[static_cast<std::size_t>(g)]));
        for (std::size_t k = 0; k < 3; ++k)
            inputs.push_back(!cfg.peephole || (k == 0 && cfg.cifg)
                    ? -1
                    : b.constant(sg, p + "peep" + std::to_string(k), DT::Float32, {nCell}, peep[k]));
        for (int g = 0; g < 4; ++g)
            inputs.push_back(g == 0 && cfg.cifg ? -1
                                                : b.constant(sg, p + "b" + std::to_string(g), DT::Float32, {nCell},
                                                      bias[static_cast<std::size_t>(g)]));
        inputs.push_back(cfg.projection ? weights(b, sg, p + "proj", proj) : -1);
        inputs.push_back(cfg.projection ? b.constant(sg, p + "projb", DT::Float32, {nOut}, projBias) : -1);
    }

    std::array<int, 2> addState(test::GraphBuilder& b, int sg, const std::string& p, int B) const
    {
        const int hs = b.tensor(sg, p + "h", DT::Float32, {B, nOut});
        const int cs = b.tensor(sg, p + "c", DT::Float32, {B, nCell});
        b.at(sg, hs).isVariable = b.at(sg, cs).isVariable = true;
        return {hs, cs};
    }

    void reset(int B)
    {
        h.assign(static_cast<std::size_t>(B * nOut), 0.0);
        c.assign(static_cast<std::size_t>(B * nCell), 0.0);
    }

    // One step for batch row `row`: the definition.
    void step(int row, const std::vector<double>& x, const std::vector<double>* aux)
    {
        std::vector<double> hPrev(h.begin() + row * nOut, h.begin() + (row + 1) * nOut);
        double* cs = c.data() + row * nCell;
        auto gate = [&](int g, bool cell) {
            const auto u = static_cast<std::size_t>(g);
            std::vector<double> v(static_cast<std::size_t>(nCell), 0.0);
            const auto px = product(wx[u], x, cfg.hybrid, cfg.asymmetric);
            const auto ph = product(wh[u], hPrev, cfg.hybrid, cfg.asymmetric);
            const auto pa = aux && nAux > 0 ? product(wa[u], *aux, cfg.hybrid, cfg.asymmetric) : std::vector<double>(v.size(), 0.0);
            const int pi = g == 0 ? 0 : g == 1 ? 1 : g == 3 ? 2 : -1;
            for (std::size_t k = 0; k < v.size(); ++k) {
                v[k] = px[k] + pa[k] + ph[k] + (cfg.layerNorm ? 0.0 : double(bias[u][k]));
                if (cfg.peephole && pi >= 0)
                    v[k] += double(peep[static_cast<std::size_t>(pi)][k]) * cs[k];
            }
            if (cfg.layerNorm) {
                double mean = 0, var = 0;
                for (double e : v)
                    mean += e / nCell;
                for (double e : v)
                    var += (e - mean) * (e - mean) / nCell;
                for (std::size_t k = 0; k < v.size(); ++k)
                    v[k] = (v[k] - mean) / std::sqrt(var + 1e-8) * double(ln[u][k]) + double(bias[u][k]);
            }
            for (double& e : v)
                e = cell ? std::tanh(e) : sigmoid(e);
            return v;
        };
        const auto f = gate(1, false);
        const auto i = cfg.cifg ? std::vector<double>{} : gate(0, false);
        const auto g = gate(2, true);
        for (int k = 0; k < nCell; ++k) {
            const auto u = static_cast<std::size_t>(k);
            double cn = f[u] * cs[k] + g[u] * (cfg.cifg ? 1.0 - f[u] : i[u]);
            if (cfg.cellClip > 0)
                cn = std::clamp(cn, -double(cfg.cellClip), double(cfg.cellClip));
            cs[k] = cn;
        }
        const auto o = gate(3, false);
        std::vector<double> hc(static_cast<std::size_t>(nCell));
        for (int k = 0; k < nCell; ++k)
            hc[static_cast<std::size_t>(k)] = o[static_cast<std::size_t>(k)] * std::tanh(cs[k]);
        std::vector<double> out = hc;
        if (cfg.projection) {
            out = product(proj, hc, cfg.hybrid, cfg.asymmetric);
            for (int j = 0; j < nOut; ++j) {
                out[static_cast<std::size_t>(j)] += double(projBias[static_cast<std::size_t>(j)]);
                if (cfg.projClip > 0)
                    out[static_cast<std::size_t>(j)] = std::clamp(out[static_cast<std::size_t>(j)], -double(cfg.projClip), double(cfg.projClip));
            }
        }
        std::copy(out.begin(), out.end(), h.begin() + row * nOut);
    }
};

std::vector<std::uint8_t> bytesOf(const std::vector<float>& v)
{
    std::vector<std::uint8_t> b(v.size() * 4);
    std::memcpy(b.data(), v.data(), b.size());
    return b;
}

std::vector<double> slice(const std::vector<float>& v, std::int64_t at, int n)
{
    return {v.begin() + at * n, v.begin() + (at + 1) * n};
}

const Config kConfigs[] = {
    {"float"},
    {"float cifg peephole clip", false, false, true, true, false, false, 0.8f},
    {"float layer norm projection", false, false, false, false, true, true, 0, 0.3f},
    {"hybrid", true},
    {"hybrid asymmetric peephole projection", true, true, false, true, false, true},
    {"hybrid layer norm cifg", true, false, true, false, true},
};

// Compares got against the reference within float's reach of the double definition.
bool close(float got, double want, QString& why, const QString& where)
{
    if (std::abs(double(got) - want) <= 2e-4 * std::max(1.0, std::abs(want)))
        return true;
    why = QStringLiteral("%1: %2 vs %3").arg(where).arg(double(got), 0, 'g', 9).arg(want, 0, 'g', 9);
    return false;
}

} // namespace

class LstmTest : public QObject {
    Q_OBJECT

private slots:
    void unidirectionalFollowsTheDefinition_data()
    {
        QTest::addColumn<int>("config");
        QTest::addColumn<bool>("timeMajor");
        QTest::addColumn<bool>("sequence");
        for (int i = 0; i < static_cast<int>(std::size(kConfigs)); ++i) {
            QTest::addRow("%s, batch-major", kConfigs[i].name) << i << false << true;
            QTest::addRow("%s, time-major", kConfigs[i].name) << i << true << true;
            QTest::addRow("%s, LSTM step", kConfigs[i].name) << i << false << false;
        }
    }

    void unidirectionalFollowsTheDefinition()
    {
        QFETCH(int, config);
        QFETCH(bool, timeMajor);
        QFETCH(bool, sequence);
        const Config& cfg = kConfigs[config];
        const int B = 2, T = sequence ? 4 : 1, nIn = 5, nCell = 6, nOut = cfg.projection ? 3 : nCell;
        Direction d(cfg, nIn, 0, nCell, nOut, 100);
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        const std::vector<std::int32_t> inShape = !sequence ? std::vector<std::int32_t>{B, nIn}
            : timeMajor ? std::vector<std::int32_t>{T, B, nIn}
                        : std::vector<std::int32_t>{B, T, nIn};
        std::vector<std::int32_t> outShape = inShape;
        outShape.back() = nOut;
        std::vector<std::int32_t> inputs{b.input(sg, "x", DT::Float32, inShape)};
        d.addWeights(b, sg, "", inputs);
        const auto state = d.addState(b, sg, "", B);
        inputs.push_back(state[0]);
        inputs.push_back(state[1]);
        for (int g = 0; g < 4; ++g)
            inputs.push_back(cfg.layerNorm && !(g == 0 && cfg.cifg)
                    ? b.constant(sg, "ln" + std::to_string(g), DT::Float32, {nCell}, d.ln[static_cast<std::size_t>(g)])
                    : -1);
        const int y = b.tensor(sg, "y", DT::Float32, outShape);
        if (sequence) {
            tflite::UnidirectionalSequenceLSTMOptionsT o;
            o.fused_activation_function = tflite::ActivationFunctionType::TANH;
            o.cell_clip = cfg.cellClip;
            o.proj_clip = cfg.projClip;
            o.time_major = timeMajor;
            o.asymmetric_quantize_inputs = cfg.asymmetric;
            b.op(sg, Op::UNIDIRECTIONAL_SEQUENCE_LSTM, inputs, {y}, test::opts(o));
        } else {
            tflite::LSTMOptionsT o;
            o.fused_activation_function = tflite::ActivationFunctionType::TANH;
            o.cell_clip = cfg.cellClip;
            o.proj_clip = cfg.projClip;
            o.asymmetric_quantize_inputs = cfg.asymmetric;
            b.op(sg, Op::LSTM, inputs, {y}, test::opts(o));
        }
        b.output(sg, y);
        exec::InterpreterOptions io;
        io.keepState = true;
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(b.graph()), io);
        QVERIFY2(it.ok(), it ? "" : it.error().message.c_str());
        d.reset(B);
        for (int run = 0; run < 2; ++run) {
            const auto x = seeded(static_cast<std::size_t>(B * T * nIn), 2.0f, 7u + static_cast<unsigned>(run));
            QVERIFY((*it)->setInput(0, DT::Float32, bytesOf(x)).ok());
            QVERIFY((*it)->invoke().ok());
            const float* got = (*it)->output(0).as<float>();
            for (int n = 0; n < B; ++n)
                for (int t = 0; t < T; ++t) {
                    const std::int64_t at = timeMajor ? t * B + n : n * T + t;
                    d.step(n, slice(x, at, nIn), nullptr);
                    for (int j = 0; j < nOut; ++j) {
                        QString why;
                        QVERIFY2(close(got[at * nOut + j], d.h[static_cast<std::size_t>(n * nOut + j)], why,
                                     QStringLiteral("run %1 batch %2 step %3 unit %4").arg(run).arg(n).arg(t).arg(j)),
                            qPrintable(why));
                    }
                }
        }
    }

    void bidirectionalFollowsTheDefinition_data()
    {
        QTest::addColumn<int>("config");
        QTest::addColumn<bool>("timeMajor");
        QTest::addColumn<bool>("merge");
        QTest::addColumn<int>("aux"); // 0 none, 1 cross-linked (aux weights), 2 backward reads aux
        for (int i : {0, 1, 3, 4}) {
            QTest::addRow("%s, time-major, merged", kConfigs[i].name) << i << true << true << 0;
            QTest::addRow("%s, batch-major, two outputs", kConfigs[i].name) << i << false << false << 0;
            QTest::addRow("%s, aux weights", kConfigs[i].name) << i << true << false << 1;
            QTest::addRow("%s, backward reads aux", kConfigs[i].name) << i << false << true << 2;
        }
    }

    void bidirectionalFollowsTheDefinition()
    {
        QFETCH(int, config);
        QFETCH(bool, timeMajor);
        QFETCH(bool, merge);
        QFETCH(int, aux);
        const Config& cfg = kConfigs[config];
        const int B = 2, T = 3, nIn = 4, nAux = 3, nCell = 5;
        const int nFw = cfg.projection ? 3 : nCell, nBw = cfg.projection ? 2 : nCell;
        Direction fw(cfg, nIn, aux == 1 ? nAux : 0, nCell, nFw, 200);
        Direction bw(cfg, aux == 2 ? nAux : nIn, aux == 1 ? nAux : 0, nCell, nBw, 300);
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        auto shape = [&](int last) {
            return timeMajor ? std::vector<std::int32_t>{T, B, last} : std::vector<std::int32_t>{B, T, last};
        };
        std::vector<std::int32_t> inputs{b.input(sg, "x", DT::Float32, shape(nIn))};
        fw.addWeights(b, sg, "fw", inputs);
        bw.addWeights(b, sg, "bw", inputs);
        const auto fs = fw.addState(b, sg, "fw", B), bs = bw.addState(b, sg, "bw", B);
        inputs.insert(inputs.end(), {fs[0], fs[1], bs[0], bs[1]});
        inputs.push_back(aux > 0 ? b.input(sg, "aux", DT::Float32, shape(nAux)) : -1);
        for (Direction* d : {&fw, &bw})
            for (int g = 0; g < 4; ++g)
                inputs.push_back(aux == 1 && !(g == 0 && cfg.cifg)
                        ? d->weights(b, sg, "aux" + std::to_string(g) + (d == &fw ? "fw" : "bw"), d->wa[static_cast<std::size_t>(g)])
                        : -1);
        QCOMPARE(inputs.size(), std::size_t{48});
        const int y0 = b.tensor(sg, "y0", DT::Float32, shape(merge ? nFw + nBw : nFw));
        std::vector<std::int32_t> outputs{y0};
        if (!merge)
            outputs.push_back(b.tensor(sg, "y1", DT::Float32, shape(nBw)));
        tflite::BidirectionalSequenceLSTMOptionsT o;
        o.fused_activation_function = tflite::ActivationFunctionType::TANH;
        o.cell_clip = cfg.cellClip;
        o.proj_clip = cfg.projClip;
        o.time_major = timeMajor;
        o.merge_outputs = merge;
        o.asymmetric_quantize_inputs = cfg.asymmetric;
        b.op(sg, Op::BIDIRECTIONAL_SEQUENCE_LSTM, inputs, outputs, test::opts(o));
        for (int out : outputs)
            b.output(sg, out);
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(b.graph()));
        QVERIFY2(it.ok(), it ? "" : it.error().message.c_str());
        const auto x = seeded(static_cast<std::size_t>(B * T * nIn), 1.5f, 11);
        const auto a = seeded(static_cast<std::size_t>(B * T * nAux), 1.0f, 12);
        QVERIFY((*it)->setInput(0, DT::Float32, bytesOf(x)).ok());
        if (aux > 0)
            QVERIFY((*it)->setInput(1, DT::Float32, bytesOf(a)).ok());
        QVERIFY((*it)->invoke().ok());
        fw.reset(B);
        bw.reset(B);
        const int stride = merge ? nFw + nBw : nFw;
        for (int n = 0; n < B; ++n)
            for (int i = 0; i < T; ++i) {
                for (const bool backward : {false, true}) {
                    const int t = backward ? T - 1 - i : i;
                    const std::int64_t at = timeMajor ? t * B + n : n * T + t;
                    Direction& d = backward ? bw : fw;
                    const auto auxRow = slice(a, at, nAux);
                    d.step(n, backward && aux == 2 ? auxRow : slice(x, at, nIn), aux == 1 ? &auxRow : nullptr);
                    const float* got = (*it)->output(backward && !merge ? 1 : 0).as<float>();
                    const int width = backward && !merge ? nBw : stride;
                    const int offset = backward && merge ? nFw : 0;
                    for (int j = 0; j < d.nOut; ++j) {
                        QString why;
                        QVERIFY2(close(got[at * width + offset + j], d.h[static_cast<std::size_t>(n * d.nOut + j)], why,
                                     QStringLiteral("%1 batch %2 step %3 unit %4")
                                         .arg(backward ? "backward" : "forward").arg(n).arg(t).arg(j)),
                            qPrintable(why));
                    }
                }
            }
    }

    // Dynamic-range quantization writes an LSTM as the converter does: weights 1-11 and 16 int8, one
    // symmetric scale each (zero point 0, codes in [-127, 127]), biases float, asymmetric_quantize_inputs,
    // version 3 (sequence) / 4 (step); and the exported model computes the hybrid definition with those
    // very weights. With weights below the size threshold the whole operator stays float, with a note.
    void dynamicRangeQuantizesWeightsAsTheConverter_data()
    {
        QTest::addColumn<bool>("sequence");
        QTest::newRow("UNIDIRECTIONAL_SEQUENCE_LSTM") << true;
        QTest::newRow("LSTM") << false;
    }

    void dynamicRangeQuantizesWeightsAsTheConverter()
    {
        QFETCH(bool, sequence);
        const Config floatCfg{"float", false, false, false, true, false, true};
        const Config hybridCfg{"hybrid", true, true, false, true, false, true};
        const int B = 2, T = sequence ? 3 : 1, nIn = 5, nCell = 6, nOut = 4;
        Direction f(floatCfg, nIn, 0, nCell, nOut, 500), h(hybridCfg, nIn, 0, nCell, nOut, 500);
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        const std::vector<std::int32_t> inShape = sequence ? std::vector<std::int32_t>{B, T, nIn} : std::vector<std::int32_t>{B, nIn};
        std::vector<std::int32_t> inputs{b.input(sg, "x", DT::Float32, inShape)};
        f.addWeights(b, sg, "", inputs);
        const auto state = f.addState(b, sg, "", B);
        inputs.insert(inputs.end(), {state[0], state[1]});
        std::vector<std::int32_t> outShape = inShape;
        outShape.back() = nOut;
        const int y = b.tensor(sg, "y", DT::Float32, outShape);
        if (sequence) {
            tflite::UnidirectionalSequenceLSTMOptionsT o;
            o.fused_activation_function = tflite::ActivationFunctionType::TANH;
            b.op(sg, Op::UNIDIRECTIONAL_SEQUENCE_LSTM, inputs, {y}, test::opts(o));
        } else {
            tflite::LSTMOptionsT o;
            o.fused_activation_function = tflite::ActivationFunctionType::TANH;
            b.op(sg, Op::LSTM, inputs, {y}, test::opts(o));
        }
        b.output(sg, y);
        const model::Graph g = b.graph();

        passes::QuantizeOptions opt;
        opt.mode = passes::Mode::Dynamic;
        // Below the default threshold of 1024 elements: the whole operator stays float, and says why.
        {
            auto kept = passes::quantizeGraph(g, opt, {});
            QVERIFY2(kept.ok(), kept ? "" : kept.error().message.c_str());
            for (const int t : kept->graph.main().operators.back().inputs)
                QVERIFY(t < 0 || kept->graph.main().tensors[static_cast<std::size_t>(t)].dtype == DT::Float32);
            bool noted = false;
            for (const auto& n : kept->notes)
                noted = noted || n.find("all together or not at all") != std::string::npos;
            QVERIFY(noted);
        }
        opt.dynamicMinElements = 4; // every weight, the 6-value peepholes too
        auto q = passes::quantizeGraph(g, opt, {});
        QVERIFY2(q.ok(), q ? "" : q.error().message.c_str());
        const model::Graph& qg = q->graph;
        const model::Operator& op = qg.main().operators.back();
        QCOMPARE(qg.opcodeOf(op), sequence ? Op::UNIDIRECTIONAL_SEQUENCE_LSTM : Op::LSTM);
        QCOMPARE(qg.opcodes[op.opcodeIndex].version, sequence ? 3 : 4);
        QVERIFY(sequence ? op.options.AsUnidirectionalSequenceLSTMOptions()->asymmetric_quantize_inputs
                         : op.options.AsLSTMOptions()->asymmetric_quantize_inputs);
        for (std::size_t k = 1; k < op.inputs.size(); ++k) {
            if (op.inputs[k] < 0 || k == 18 || k == 19)
                continue;
            const model::Tensor& t = qg.main().tensors[static_cast<std::size_t>(op.inputs[k])];
            const bool weight = k <= 11 || k == 16;
            QCOMPARE(t.dtype, weight ? DT::Int8 : DT::Float32);
            if (!weight)
                continue;
            QCOMPARE(t.quantization.scale.size(), std::size_t{1});
            QCOMPARE(t.quantization.zeroPoint, std::vector<std::int64_t>{0});
            const auto bytes = qg.tensorData(t);
            for (const auto c : bytes)
                QVERIFY(static_cast<std::int8_t>(c) >= -127);
            if (k >= 9 && k <= 11) // the reference takes the peepholes as the runtime reads them: code x scale
                for (int u = 0; u < nCell; ++u)
                    h.peep[k - 9][static_cast<std::size_t>(u)] =
                        static_cast<float>(static_cast<std::int8_t>(bytes[static_cast<std::size_t>(u)])) * t.quantization.scale[0];
        }

        exec::InterpreterOptions io;
        io.keepState = true;
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(qg), io);
        QVERIFY2(it.ok(), it ? "" : it.error().message.c_str());
        h.reset(B);
        for (int run = 0; run < 2; ++run) {
            const auto x = seeded(static_cast<std::size_t>(B * T * nIn), 2.0f, 31u + static_cast<unsigned>(run));
            QVERIFY((*it)->setInput(0, DT::Float32, bytesOf(x)).ok());
            QVERIFY((*it)->invoke().ok());
            const float* got = (*it)->output(0).as<float>();
            for (int n = 0; n < B; ++n)
                for (int t = 0; t < T; ++t) {
                    const std::int64_t at = n * T + t;
                    h.step(n, slice(x, at, nIn), nullptr);
                    for (int j = 0; j < nOut; ++j) {
                        QString why;
                        QVERIFY2(close(got[at * nOut + j], h.h[static_cast<std::size_t>(n * nOut + j)], why,
                                     QStringLiteral("run %1 batch %2 step %3 unit %4").arg(run).arg(n).arg(t).arg(j)),
                            qPrintable(why));
                    }
                }
        }
    }

    void badWeightsAreNamed()
    {
        // Per-channel int8 weights are not what the runtime's hybrid LSTM reads: refused by name.
        const Config cfg{"hybrid", true};
        Direction d(cfg, 3, 0, 4, 4, 400);
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        std::vector<std::int32_t> inputs{b.input(sg, "x", DT::Float32, {1, 2, 3})};
        d.addWeights(b, sg, "", inputs);
        b.at(sg, inputs[2]).quantization.scale = {0.1f, 0.1f, 0.1f, 0.1f};
        b.at(sg, inputs[2]).quantization.zeroPoint = {0, 0, 0, 0};
        const auto state = d.addState(b, sg, "", 1);
        inputs.insert(inputs.end(), {state[0], state[1]});
        const int y = b.tensor(sg, "y", DT::Float32, {1, 2, 4});
        b.op(sg, Op::UNIDIRECTIONAL_SEQUENCE_LSTM, inputs, {y}, test::opts(tflite::UnidirectionalSequenceLSTMOptionsT{}));
        b.output(sg, y);
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(b.graph()));
        QVERIFY(!it.ok());
        QVERIFY2(it.error().message.find("need one scale and zero point 0") != std::string::npos, it.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(LstmTest)
#include "lstm_test.moc"
