// SPDX-License-Identifier: MIT
// The float LSTM cell and the three operators built from it: LSTM (one step), UNIDIRECTIONAL_SEQUENCE_LSTM
// and BIDIRECTIONAL_SEQUENCE_LSTM. Gates i, f, g, o from the input, an optional auxiliary input and the
// previous output; optional peepholes, CIFG (no input gate: i = 1 - f), layer normalization of each
// gate, cell and projection clipping, projection. Weights are float32, or int8 with one scale per tensor
// (dynamic range, "hybrid"): each vector a weight matrix multiplies is then quantized per batch row at
// run time (symmetric, or asymmetric with the operator's asymmetric_quantize_inputs), multiplied in
// int32 and scaled back, as LiteRT's builtin hybrid LSTM does. The integer LSTM (int8 activations,
// int16 cell state) is lstm_integer.cpp.
#include "exec/kernels/hybrid.h"
#include "exec/kernels/hybrid_matrix.h"
#include "exec/kernels/gemm.h"
#include "exec/kernels/kernels.h"
#include "exec/kernels/lstm.h"

#include <array>
#include <cmath>
#include <memory>

namespace ql::exec {

namespace {

using model::DType;

float sigmoid(float v)
{
    return 1.0f / (1.0f + std::exp(-v));
}

// Normalizes a gate to mean 0 and variance 1 (variance plus 1e-8 under the square root).
void normalize(float* v, int n)
{
    float sum = 0;
    for (int i = 0; i < n; ++i)
        sum += v[i];
    const float mean = sum / static_cast<float>(n);
    float sq = 0;
    for (int i = 0; i < n; ++i)
        sq += (v[i] - mean) * (v[i] - mean);
    const float inv = 1.0f / std::sqrt(sq / static_cast<float>(n) + 1e-8f);
    for (int i = 0; i < n; ++i)
        v[i] = (v[i] - mean) * inv;
}

// Where one direction's tensors are among the operator's inputs (-1: that input does not exist).
struct Layout {
    std::array<int, 4> inputWeights{}, recurrentWeights{}, bias{}, layerNorm{-1, -1, -1, -1},
        auxWeights{-1, -1, -1, -1};
    std::array<int, 3> peephole{}; // input, forget, output gates
    int projection = -1, projectionBias = -1, hiddenState = -1, cellState = -1;
};

Layout unidirectionalLayout(int inputCount)
{
    Layout l;
    for (int g = 0; g < 4; ++g) {
        l.inputWeights[static_cast<std::size_t>(g)] = 1 + g;
        l.recurrentWeights[static_cast<std::size_t>(g)] = 5 + g;
        l.bias[static_cast<std::size_t>(g)] = 12 + g;
        if (inputCount == 24)
            l.layerNorm[static_cast<std::size_t>(g)] = 20 + g;
    }
    l.peephole = {9, 10, 11};
    l.projection = 16;
    l.projectionBias = 17;
    l.hiddenState = 18;
    l.cellState = 19;
    return l;
}

// BIDIRECTIONAL_SEQUENCE_LSTM: forward weights at 1..17, backward at 18..34, states 35..38,
// auxiliary input 39 and its weights 40..43 (forward) and 44..47 (backward).
Layout bidirectionalLayout(bool backward)
{
    Layout l = unidirectionalLayout(20);
    const int shift = backward ? 17 : 0;
    for (auto* group : {&l.inputWeights, &l.recurrentWeights, &l.bias})
        for (int& i : *group)
            i += shift;
    for (int& i : l.peephole)
        i += shift;
    l.projection += shift;
    l.projectionBias += shift;
    l.hiddenState = backward ? 37 : 35;
    l.cellState = backward ? 38 : 36;
    for (int g = 0; g < 4; ++g)
        l.auxWeights[static_cast<std::size_t>(g)] = (backward ? 44 : 40) + g;
    return l;
}

// One direction of an LSTM, prepared.
struct Cell {
    int nIn = 0, nAux = 0, nCell = 0, nOut = 0;
    bool cifg = false, layerNorm = false, hybrid = false, asymmetric = false;
    std::array<WeightMatrix, 4> inputWeights, recurrentWeights, auxWeights;
    std::array<std::vector<float>, 3> peephole; // empty: none
    std::array<const float*, 4> bias{}, layerNormWeights{};
    WeightMatrix projection;
    const float* projectionBias = nullptr;
    float cellClip = 0, projClip = 0;
    tflite::ActivationFunctionType act = tflite::ActivationFunctionType::TANH;
    int hiddenState = -1, cellState = -1; // tensor indices
};

struct CellScratch {
    std::vector<float> gates[4], hidden;
    std::vector<std::int8_t> qIn, qAux, qHidden, qCell;
    explicit CellScratch(const Cell& c)
    {
        for (auto& g : gates)
            g.resize(static_cast<std::size_t>(c.nCell));
        hidden.resize(static_cast<std::size_t>(c.nCell));
        qIn.resize(static_cast<std::size_t>(c.nIn));
        qAux.resize(static_cast<std::size_t>(c.nAux));
        qHidden.resize(static_cast<std::size_t>(c.nOut));
        qCell.resize(static_cast<std::size_t>(c.nCell));
    }
};

MatrixOperand operand(const Cell& c, const float* v, int n, std::vector<std::int8_t>& codes)
{
    return matrixOperand(v, n, c.hybrid, c.asymmetric, codes);
}

// One time step of one batch row: reads x (and aux), updates h [nOut] and c [nCell] in place.
void step(const Cell& p, const float* x, const float* aux, float* h, float* c, CellScratch& s)
{
    const MatrixOperand ox = operand(p, x, p.nIn, s.qIn);
    const MatrixOperand oa = aux ? operand(p, aux, p.nAux, s.qAux) : MatrixOperand{};
    const MatrixOperand oh = operand(p, h, p.nOut, s.qHidden);
    const int n = p.nCell;
    // Gate g (0 input, 1 forget, 2 cell, 3 output) from the cell state `peep` reads.
    auto gate = [&](int g, const float* peep) {
        float* v = s.gates[g].data();
        const auto ug = static_cast<std::size_t>(g);
        for (int k = 0; k < n; ++k)
            v[k] = p.layerNorm || !p.bias[ug] ? 0.0f : p.bias[ug][k];
        accumulate(p.inputWeights[ug], ox, v);
        if (aux && p.auxWeights[ug].present())
            accumulate(p.auxWeights[ug], oa, v);
        accumulate(p.recurrentWeights[ug], oh, v);
        const int pi = g == 0 ? 0 : g == 1 ? 1 : g == 3 ? 2 : -1;
        if (pi >= 0 && !p.peephole[static_cast<std::size_t>(pi)].empty())
            for (int k = 0; k < n; ++k)
                v[k] += p.peephole[static_cast<std::size_t>(pi)][static_cast<std::size_t>(k)] * peep[k];
        if (p.layerNorm) {
            normalize(v, n);
            for (int k = 0; k < n; ++k)
                v[k] = v[k] * p.layerNormWeights[ug][k] + (p.bias[ug] ? p.bias[ug][k] : 0.0f);
        }
        for (int k = 0; k < n; ++k)
            v[k] = g == 2 ? applyFloatActivation(p.act, v[k]) : sigmoid(v[k]);
    };
    if (!p.cifg)
        gate(0, c);
    gate(1, c);
    gate(2, c);
    const float* fg = s.gates[1].data();
    const float* ig = s.gates[0].data();
    const float* cg = s.gates[2].data();
    for (int k = 0; k < n; ++k) {
        float cn = fg[k] * c[k];
        cn += cg[k] * (p.cifg ? 1.0f - fg[k] : ig[k]);
        c[k] = p.cellClip > 0 ? std::clamp(cn, -p.cellClip, p.cellClip) : cn;
    }
    gate(3, c);
    float* hc = s.hidden.data();
    for (int k = 0; k < n; ++k)
        hc[k] = s.gates[3][static_cast<std::size_t>(k)] * applyFloatActivation(p.act, c[k]);
    if (!p.projection.present()) {
        std::copy(hc, hc + n, h);
        return;
    }
    for (int j = 0; j < p.nOut; ++j)
        h[j] = p.projectionBias ? p.projectionBias[j] : 0.0f;
    accumulate(p.projection, operand(p, hc, n, s.qCell), h);
    if (p.projClip > 0)
        for (int j = 0; j < p.nOut; ++j)
            h[j] = std::clamp(h[j], -p.projClip, p.projClip);
}

// A float vector of n values at input `i` (float32, or int8 times its scale for peepholes).
Result<std::vector<float>> loadVector(NodeContext& ctx, int i, int n)
{
    std::vector<float> v;
    if (i < 0 || !ctx.hasInput(i))
        return v;
    const RtTensor& t = ctx.in(i);
    if (!t.constant || t.count() != n || (t.dtype != DType::Float32 && t.dtype != DType::Int8))
        return ctx.fail("input " + std::to_string(i) + " must be a float32 or int8 constant of " + std::to_string(n) +
            " values, got " + model::dtypeName(t.dtype) + " " + shapeText(t.shape));
    v.resize(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k)
        v[static_cast<std::size_t>(k)] = t.dtype == DType::Float32
            ? t.as<float>()[k]
            : static_cast<float>(t.as<std::int8_t>()[k]) * t.quantization().scale.at(0);
    return v;
}

Result<const float*> floatConstant(NodeContext& ctx, int i, int n)
{
    if (i < 0 || !ctx.hasInput(i))
        return static_cast<const float*>(nullptr);
    const RtTensor& t = ctx.in(i);
    if (!t.constant || t.dtype != DType::Float32 || t.count() != n)
        return ctx.fail("input " + std::to_string(i) + " must be a float32 constant of " + std::to_string(n) +
            " values, got " + model::dtypeName(t.dtype) + " " + shapeText(t.shape));
    return t.as<float>();
}

struct CellOptions {
    tflite::ActivationFunctionType act;
    float cellClip, projClip;
    bool asymmetric;
};

// Prepares one direction: nIn (and nAux, 0 without auxiliary input) and the batch size B.
Result<Cell> prepareCell(NodeContext& ctx, const Layout& l, int nIn, int nAux, int B, const CellOptions& o)
{
    Cell p;
    p.nIn = nIn;
    p.nAux = nAux;
    p.act = o.act;
    p.cellClip = o.cellClip;
    p.projClip = o.projClip;
    p.asymmetric = o.asymmetric;
    for (int i : {l.inputWeights[1], l.inputWeights[2], l.inputWeights[3], l.recurrentWeights[1],
             l.recurrentWeights[2], l.recurrentWeights[3], l.bias[1], l.bias[2], l.bias[3]})
        if (!ctx.hasInput(i))
            return ctx.fail("required input " + std::to_string(i) + " is omitted");
    const RtTensor& fw = ctx.in(l.inputWeights[1]);
    const RtTensor& fr = ctx.in(l.recurrentWeights[1]);
    if (fw.rank() != 2 || fr.rank() != 2)
        return ctx.fail("forget gate weights must be matrices, got " + shapeText(fw.shape) + " and " + shapeText(fr.shape));
    p.nCell = fw.dim(0);
    p.nOut = fr.dim(1);
    p.cifg = !ctx.hasInput(l.inputWeights[0]);
    for (int g = 0; g < 4; ++g) {
        const auto ug = static_cast<std::size_t>(g);
        if (g == 0 && p.cifg)
            continue;
        if (!ctx.hasInput(l.recurrentWeights[ug]))
            return ctx.fail("required input " + std::to_string(l.recurrentWeights[ug]) + " is omitted");
        if (auto st = loadWeightMatrix(ctx, l.inputWeights[ug], p.nCell, nIn, p.inputWeights[ug]); !st)
            return st.error();
        if (auto st = loadWeightMatrix(ctx, l.recurrentWeights[ug], p.nCell, p.nOut, p.recurrentWeights[ug]); !st)
            return st.error();
        if (nAux > 0)
            if (auto st = loadWeightMatrix(ctx, l.auxWeights[ug], p.nCell, nAux, p.auxWeights[ug]); !st)
                return st.error();
        auto b = floatConstant(ctx, l.bias[ug], p.nCell);
        if (!b)
            return b.error();
        p.bias[ug] = *b;
        if (l.layerNorm[ug] >= 0 && ctx.hasInput(l.layerNorm[ug])) {
            auto ln = floatConstant(ctx, l.layerNorm[ug], p.nCell);
            if (!ln)
                return ln.error();
            p.layerNormWeights[ug] = *ln;
            p.layerNorm = true;
        }
    }
    if (p.layerNorm)
        for (int g = p.cifg ? 1 : 0; g < 4; ++g)
            if (!p.layerNormWeights[static_cast<std::size_t>(g)])
                return ctx.fail("layer normalization needs the coefficients of every gate");
    for (std::size_t k = 0; k < 3; ++k) {
        if (k == 0 && p.cifg)
            continue;
        auto v = loadVector(ctx, l.peephole[k], p.nCell);
        if (!v)
            return v.error();
        p.peephole[k] = std::move(*v);
    }
    if (auto st = loadWeightMatrix(ctx, l.projection, p.nOut, p.nCell, p.projection); !st)
        return st.error();
    auto pb = floatConstant(ctx, l.projectionBias, p.nOut);
    if (!pb)
        return pb.error();
    p.projectionBias = *pb;
    if (!p.projection.present() && p.nOut != p.nCell)
        return ctx.fail("without projection the output size must equal the cell size");
    for (const auto* group : {&p.inputWeights, &p.recurrentWeights, &p.auxWeights})
        for (const auto& w : *group)
            p.hybrid = p.hybrid || w.q != nullptr;
    p.hybrid = p.hybrid || p.projection.q != nullptr;
    for (int i : {l.hiddenState, l.cellState}) {
        if (!ctx.hasInput(i) || ctx.in(i).dtype != DType::Float32)
            return ctx.fail("state input " + std::to_string(i) + " must be a float32 tensor");
    }
    if (ctx.in(l.hiddenState).count() != static_cast<std::int64_t>(B) * p.nOut ||
        ctx.in(l.cellState).count() != static_cast<std::int64_t>(B) * p.nCell)
        return ctx.fail("output and cell state tensors must hold " + std::to_string(B) + " x " +
            std::to_string(p.nOut) + " and " + std::to_string(B) + " x " + std::to_string(p.nCell) + " values");
    p.hiddenState = ctx.inputIndex(l.hiddenState);
    p.cellState = ctx.inputIndex(l.cellState);
    return p;
}

// T steps of B batch rows; element (t, b) is at index(t, b) in time- or batch-major order.
struct Sequence {
    int T = 1, B = 1;
    bool timeMajor = false;
    std::int64_t index(int t, int b) const
    {
        return timeMajor ? static_cast<std::int64_t>(t) * B + b : static_cast<std::int64_t>(b) * T + t;
    }
};

// Runs one direction over a sequence: input element (t, b) at x + index(t, b) * nIn, output at
// y + index(t, b) * outStride + outOffset; backward runs t from T-1 down to 0.
void runDirection(const RunContext& rc, const Cell& p, const Sequence& s, bool backward, const float* x,
    const float* aux, float* y, int outStride, int outOffset)
{
    float* h = tensorAt(rc, p.hiddenState).as<float>();
    float* c = tensorAt(rc, p.cellState).as<float>();
    CellScratch scratch(p);
    for (int b = 0; b < s.B; ++b)
        for (int i = 0; i < s.T; ++i) {
            const int t = backward ? s.T - 1 - i : i;
            const std::int64_t at = s.index(t, b);
            float* hb = h + static_cast<std::int64_t>(b) * p.nOut;
            step(p, x + at * p.nIn, aux ? aux + at * p.nAux : nullptr, hb, c + static_cast<std::int64_t>(b) * p.nCell,
                scratch);
            std::copy(hb, hb + p.nOut, y + at * outStride + outOffset);
        }
}

Prepared prepareOneDirection(NodeContext& ctx, const Sequence& s, const CellOptions& o, int inputRank)
{
    const RtTensor& x = ctx.in(0);
    if (x.rank() != inputRank)
        return ctx.fail("input must have rank " + std::to_string(inputRank) + ", got " + shapeText(x.shape));
    if (ctx.outputCount() != 1 || ctx.out(0).dtype != DType::Float32)
        return ctx.fail("needs one float32 output (" + ctx.dtypes() + ")");
    auto cell = prepareCell(ctx, unidirectionalLayout(ctx.inputCount()), x.dim(-1), 0, s.B, o);
    if (!cell)
        return cell.error();
    std::vector<std::int32_t> shape = x.shape;
    shape.back() = cell->nOut;
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    const int xi = ctx.inputIndex(0), yi = ctx.outputIndex(0);
    auto p = std::make_shared<const Cell>(std::move(*cell));
    return makeKernel([=](const RunContext& rc) {
        runDirection(rc, *p, s, false, tensorAt(rc, xi).as<float>(), nullptr, tensorAt(rc, yi).as<float>(), p->nOut, 0);
    });
}

Status floatInput(NodeContext& ctx)
{
    if (ctx.in(0).dtype != DType::Float32)
        return ctx.fail("input must be float32 here (" + ctx.dtypes() + ")");
    return {};
}

} // namespace

Prepared prepareUnidirectionalLstm(NodeContext& ctx)
{
    if (ctx.inputCount() != 24 && ctx.inputCount() != 20)
        return ctx.fail("has " + std::to_string(ctx.inputCount()) + " inputs, expected 20 or 24");
    if (ctx.outputCount() != 1)
        return ctx.fail("must have one output");
    const auto* o = ctx.op.options.AsUnidirectionalSequenceLSTMOptions();
    if (!o)
        return ctx.fail("has no UnidirectionalSequenceLSTMOptions");
    if (ctx.in(0).dtype == DType::Int8)
        return prepareIntegerLstm(ctx, *o);
    if (auto st = floatInput(ctx); !st)
        return st.error();
    if (o->diagonal_recurrent_tensors)
        return ctx.fail("diagonal recurrent weights are not supported yet");
    if (ctx.in(0).rank() != 3)
        return ctx.fail("input must have rank 3, got " + shapeText(ctx.in(0).shape));
    Sequence s;
    s.timeMajor = o->time_major;
    s.T = s.timeMajor ? ctx.in(0).dim(0) : ctx.in(0).dim(1);
    s.B = s.timeMajor ? ctx.in(0).dim(1) : ctx.in(0).dim(0);
    return prepareOneDirection(
        ctx, s, {o->fused_activation_function, o->cell_clip, o->proj_clip, o->asymmetric_quantize_inputs}, 3);
}

Prepared prepareLstm(NodeContext& ctx)
{
    const auto* o = ctx.op.options.AsLSTMOptions();
    if (!o)
        return ctx.fail("has no LSTMOptions");
    if (o->kernel_type != tflite::LSTMKernelType::FULL)
        return ctx.fail("the basic LSTM kernel (5 inputs, 4 outputs) is not supported; only the full kernel is");
    if (ctx.inputCount() != 24 && ctx.inputCount() != 20)
        return ctx.fail("has " + std::to_string(ctx.inputCount()) + " inputs, expected 20 or 24");
    if (auto st = floatInput(ctx); !st)
        return st.error();
    if (ctx.in(0).rank() != 2)
        return ctx.fail("input must have rank 2, got " + shapeText(ctx.in(0).shape));
    Sequence s;
    s.B = ctx.in(0).dim(0);
    return prepareOneDirection(
        ctx, s, {o->fused_activation_function, o->cell_clip, o->proj_clip, o->asymmetric_quantize_inputs}, 2);
}

Prepared prepareBidirectionalLstm(NodeContext& ctx)
{
    if (ctx.inputCount() != 48)
        return ctx.fail("has " + std::to_string(ctx.inputCount()) + " inputs, expected 48");
    const auto* o = ctx.op.options.AsBidirectionalSequenceLSTMOptions();
    if (!o)
        return ctx.fail("has no BidirectionalSequenceLSTMOptions");
    if (auto st = floatInput(ctx); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    if (x.rank() != 3)
        return ctx.fail("input must have rank 3, got " + shapeText(x.shape));
    const bool merge = o->merge_outputs;
    if (ctx.outputCount() != (merge ? 1 : 2))
        return ctx.fail(std::string("must have ") + (merge ? "one output (merge_outputs)" : "two outputs"));
    for (int i = 0; i < ctx.outputCount(); ++i)
        if (ctx.out(i).dtype != DType::Float32)
            return ctx.fail("outputs must be float32 (" + ctx.dtypes() + ")");
    Sequence s;
    s.timeMajor = o->time_major;
    s.T = s.timeMajor ? x.dim(0) : x.dim(1);
    s.B = s.timeMajor ? x.dim(1) : x.dim(0);
    // With an auxiliary input but no auxiliary weights, the backward cell reads the auxiliary input
    // instead of the input (stacked without cross links).
    const bool hasAux = ctx.hasInput(39);
    const bool auxWeights = ctx.hasInput(41);
    const bool bwReadsAux = hasAux && !auxWeights;
    int nAux = 0;
    if (hasAux) {
        const RtTensor& a = ctx.in(39);
        if (a.dtype != DType::Float32 || a.rank() != 3 || a.dim(0) != x.dim(0) || a.dim(1) != x.dim(1))
            return ctx.fail("the auxiliary input must be float32 of shape [" + std::to_string(x.dim(0)) + "," +
                std::to_string(x.dim(1)) + ",n], got " + shapeText(a.shape));
        nAux = a.dim(2);
    }
    const CellOptions co{o->fused_activation_function, o->cell_clip, o->proj_clip, o->asymmetric_quantize_inputs};
    auto fw = prepareCell(ctx, bidirectionalLayout(false), x.dim(2), auxWeights ? nAux : 0, s.B, co);
    if (!fw)
        return fw.error();
    auto bw = prepareCell(ctx, bidirectionalLayout(true), bwReadsAux ? nAux : x.dim(2), auxWeights ? nAux : 0, s.B, co);
    if (!bw)
        return bw.error();
    std::vector<std::int32_t> shape = x.shape;
    shape.back() = merge ? fw->nOut + bw->nOut : fw->nOut;
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    if (!merge) {
        shape.back() = bw->nOut;
        if (auto st = ctx.setOutputShape(1, shape); !st)
            return st.error();
    }
    const int xi = ctx.inputIndex(0), ai = hasAux ? ctx.inputIndex(39) : -1, y0 = ctx.outputIndex(0),
              y1 = merge ? y0 : ctx.outputIndex(1);
    auto f = std::make_shared<const Cell>(std::move(*fw));
    auto b = std::make_shared<const Cell>(std::move(*bw));
    return makeKernel([=](const RunContext& rc) {
        const float* input = tensorAt(rc, xi).as<float>();
        const float* aux = ai >= 0 ? tensorAt(rc, ai).as<float>() : nullptr;
        const int stride = merge ? f->nOut + b->nOut : f->nOut;
        runDirection(rc, *f, s, false, input, auxWeights ? aux : nullptr, tensorAt(rc, y0).as<float>(), stride, 0);
        runDirection(rc, *b, s, true, bwReadsAux ? aux : input, auxWeights ? aux : nullptr,
            tensorAt(rc, y1).as<float>(), merge ? stride : b->nOut, merge ? f->nOut : 0);
    });
}

} // namespace ql::exec
