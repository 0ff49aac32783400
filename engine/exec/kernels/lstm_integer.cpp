// SPDX-License-Identifier: MIT
// UNIDIRECTIONAL_SEQUENCE_LSTM, float: gates i, f, g, o from the input and the previous output,
// optional peepholes, CIFG (no input gate: i = 1 - f), cell and projection clipping, projection.
// Integer (int8 activations, int8 weights, int16 cell state): the arithmetic of tflite-micro's LSTM,
// see integerLstmStep. Layer-normalized LSTMs are not supported yet.
#include "exec/int16_activations.h"
#include "exec/kernels/common.h"

#include <array>
#include <cmath>

namespace ql::exec {

namespace {

using model::DType;

// Everything one integer LSTM step needs, computed when the graph is prepared.
struct IntegerLstm {
    int nIn = 0, nCell = 0;
    std::int32_t inputZeroPoint = 0, hiddenZeroPoint = 0;
    // Gates in the order input, forget, cell, output: input weights [nCell x nIn], recurrent weights
    // [nCell x nCell], bias (may be null), and the multipliers that bring each product sum to Q3.12.
    std::array<const std::int8_t*, 4> inputWeights{}, recurrentWeights{};
    std::array<const std::int32_t*, 4> bias{};
    std::array<FixedMultiplier, 4> inputMultiplier{}, recurrentMultiplier{};
    FixedMultiplier forgetTimesCell, inputTimesCellGate, outputTimesTanhCell;
    Int16ActivationInput cellTanhInput;
    std::int16_t cellClip = 0; // 0: no clipping
};

std::int16_t saturate16(std::int32_t v)
{
    return static_cast<std::int16_t>(std::clamp<std::int32_t>(v, -32768, 32767));
}

// One gate: both fully connected products requantized to int16 Q3.12 separately, added with
// saturation, then the activation to Q0.15.
void integerLstmGate(
    const IntegerLstm& p, int g, const std::int8_t* x, const std::int8_t* h, bool tanhGate, std::int16_t* out)
{
    const Int16ActivationInput gateInput = int16ActivationInputForPower(-12);
    for (int k = 0; k < p.nCell; ++k) {
        std::int32_t ax = p.bias[static_cast<std::size_t>(g)] ? p.bias[static_cast<std::size_t>(g)][k] : 0;
        const std::int8_t* wx = p.inputWeights[static_cast<std::size_t>(g)] + static_cast<std::int64_t>(k) * p.nIn;
        for (int i = 0; i < p.nIn; ++i)
            ax += static_cast<std::int32_t>(wx[i]) * (static_cast<std::int32_t>(x[i]) - p.inputZeroPoint);
        std::int32_t ah = 0;
        const std::int8_t* wh =
            p.recurrentWeights[static_cast<std::size_t>(g)] + static_cast<std::int64_t>(k) * p.nCell;
        for (int i = 0; i < p.nCell; ++i)
            ah += static_cast<std::int32_t>(wh[i]) * (static_cast<std::int32_t>(h[i]) - p.hiddenZeroPoint);
        const std::int16_t fx =
            saturate16(multiplyByQuantizedMultiplier(ax, p.inputMultiplier[static_cast<std::size_t>(g)]));
        const std::int16_t fh =
            saturate16(multiplyByQuantizedMultiplier(ah, p.recurrentMultiplier[static_cast<std::size_t>(g)]));
        const std::int32_t v = scaleInt16ActivationInput(saturate16(fx + fh), gateInput);
        out[k] = tanhGate ? tanhInt16(v) : logisticInt16(v);
    }
}

// One time step of one sequence: reads x (nIn codes), updates h (int8) and c (int16) in place.
// scratch holds 4 x nCell values.
void integerLstmStep(const IntegerLstm& p, const std::int8_t* x, std::int8_t* h, std::int16_t* c, std::int16_t* scratch)
{
    std::int16_t* gi = scratch;
    std::int16_t* gf = gi + p.nCell;
    std::int16_t* gg = gf + p.nCell;
    std::int16_t* go = gg + p.nCell;
    integerLstmGate(p, 1, x, h, false, gf);
    integerLstmGate(p, 0, x, h, false, gi);
    integerLstmGate(p, 2, x, h, true, gg);
    for (int k = 0; k < p.nCell; ++k) {
        const std::int16_t kept = saturate16(multiplyByQuantizedMultiplier(gf[k] * c[k], p.forgetTimesCell));
        const std::int16_t added = saturate16(multiplyByQuantizedMultiplier(gi[k] * gg[k], p.inputTimesCellGate));
        std::int16_t cn = saturate16(kept + added);
        if (p.cellClip > 0)
            cn = std::clamp<std::int16_t>(cn, static_cast<std::int16_t>(-p.cellClip), p.cellClip);
        c[k] = cn;
    }
    // The output gate still sees the previous hidden state.
    integerLstmGate(p, 3, x, h, false, go);
    for (int k = 0; k < p.nCell; ++k) {
        const std::int16_t t = tanhInt16(scaleInt16ActivationInput(c[k], p.cellTanhInput));
        const std::int32_t v = multiplyByQuantizedMultiplier(t * go[k], p.outputTimesTanhCell) + p.hiddenZeroPoint;
        h[k] = static_cast<std::int8_t>(std::clamp<std::int32_t>(v, -128, 127));
    }
}

double interGateScale(double a, double b, double out)
{
    return a * b / out;
}

} // namespace

Prepared prepareIntegerLstm(NodeContext& ctx, const tflite::UnidirectionalSequenceLSTMOptionsT& o)
{
    const RtTensor& x = ctx.in(0);
    for (int i = 20; i < ctx.inputCount(); ++i)
        if (ctx.hasInput(i))
            return ctx.fail("layer-normalized integer LSTM is not supported yet");
    for (int i : {9, 10, 11})
        if (ctx.hasInput(i))
            return ctx.fail("integer LSTM with peephole connections is not supported yet");
    if (ctx.hasInput(16) || ctx.hasInput(17))
        return ctx.fail("integer LSTM with a projection is not supported yet");
    for (int i : {1, 2, 3, 4, 5, 6, 7, 8, 18, 19})
        if (!ctx.hasInput(i))
            return ctx.fail(i == 1 ? "integer LSTM without an input gate (CIFG) is not supported yet"
                                   : "required input " + std::to_string(i) + " is omitted");
    const RtTensor& h = ctx.in(18);
    const RtTensor& c = ctx.in(19);
    const RtTensor& y = ctx.out(0);
    if (x.dtype != DType::Int8 || h.dtype != DType::Int8 || c.dtype != DType::Int16 || y.dtype != DType::Int8)
        return ctx.fail(
            "integer LSTM needs int8 input, output and hidden state and an int16 cell state (" + ctx.dtypes() + ")");
    if (x.rank() != 3)
        return ctx.fail("input must have rank 3, got " + shapeText(x.shape));
    const bool timeMajor = o.time_major;
    const int T = timeMajor ? x.dim(0) : x.dim(1);
    const int B = timeMajor ? x.dim(1) : x.dim(0);
    IntegerLstm p;
    p.nIn = x.dim(2);
    p.nCell = ctx.in(2).rank() == 2 ? ctx.in(2).dim(0) : 0;
    for (int g = 0; g < 4; ++g) {
        const RtTensor& wx = ctx.in(1 + g);
        const RtTensor& wh = ctx.in(5 + g);
        if (wx.shape != std::vector<std::int32_t>{p.nCell, p.nIn} ||
            wh.shape != std::vector<std::int32_t>{p.nCell, p.nCell})
            return ctx.fail("gate " + std::to_string(g) + " weights have shapes " + shapeText(wx.shape) + " and " +
                shapeText(wh.shape) + ", expected [" + std::to_string(p.nCell) + "," + std::to_string(p.nIn) +
                "] and [" + std::to_string(p.nCell) + "," + std::to_string(p.nCell) + "]");
        for (const RtTensor* w : {&wx, &wh}) {
            if (w->dtype != DType::Int8 || !w->constant)
                return ctx.fail("integer LSTM weights must be int8 constants (" + ctx.dtypes() + ")");
            if (w->quantization().scale.size() != 1 || w->zeroPoint() != 0)
                return ctx.fail("integer LSTM weights must be quantized per tensor and symmetrically");
        }
        p.inputWeights[static_cast<std::size_t>(g)] = wx.as<std::int8_t>();
        p.recurrentWeights[static_cast<std::size_t>(g)] = wh.as<std::int8_t>();
        if (ctx.hasInput(12 + g)) {
            const RtTensor& b = ctx.in(12 + g);
            if (b.dtype != DType::Int32 || !b.constant || b.shape != std::vector<std::int32_t>{p.nCell})
                return ctx.fail("gate bias " + std::to_string(12 + g) + " must be an int32 constant of shape [" +
                    std::to_string(p.nCell) + "]");
            p.bias[static_cast<std::size_t>(g)] = b.as<std::int32_t>();
        }
        // The gate sums in Q3.12 (2^-12), as tflite-micro fixes them when there is no layer norm.
        p.inputMultiplier[static_cast<std::size_t>(g)] =
            quantizeMultiplier(static_cast<double>(x.scale()) * static_cast<double>(wx.scale()) / 0x1p-12);
        p.recurrentMultiplier[static_cast<std::size_t>(g)] =
            quantizeMultiplier(static_cast<double>(h.scale()) * static_cast<double>(wh.scale()) / 0x1p-12);
    }
    if (auto st = checkAccumulator(ctx, std::max(p.nIn, p.nCell)); !st)
        return st.error();
    for (int g = 0; g < 4; ++g)
        if (const std::int32_t* b = p.bias[static_cast<std::size_t>(g)])
            for (int k = 0; k < p.nCell; ++k)
                if (b[k] != clampBias(b[k]))
                    return ctx.fail("gate bias " + std::to_string(12 + g) + " is out of range");
    if (h.count() != static_cast<std::int64_t>(B) * p.nCell || c.count() != static_cast<std::int64_t>(B) * p.nCell)
        return ctx.fail("hidden and cell state tensors must hold " + std::to_string(B) + " x " +
            std::to_string(p.nCell) + " values");
    {
        std::vector<std::int32_t> shape = x.shape;
        shape.back() = p.nCell;
        if (auto st = ctx.setOutputShape(0, shape); !st)
            return st.error();
    }
    // The cell state scale must be a power of two (checked as TFLite does, to 1e-3 in log2).
    const float cs = c.scale();
    const auto power = powerOfTwoExponent(cs);
    if (!power || *power < -15 || *power > 0)
        return ctx.fail("cell state scale " + std::to_string(cs) + " is not a power of two between 2^-15 and 1");
    p.cellTanhInput = int16ActivationInputForPower(*power);
    // The file format has no SIGMOID activation, so the cell gate is always TANH here.
    if (o.fused_activation_function != tflite::ActivationFunctionType::TANH)
        return ctx.fail(std::string("integer LSTM cell activation must be TANH, not ") +
            tflite::EnumNameActivationFunctionType(o.fused_activation_function));
    p.inputZeroPoint = x.zeroPoint();
    p.hiddenZeroPoint = h.zeroPoint();
    constexpr double q15 = 0x1p-15;
    p.forgetTimesCell = quantizeMultiplier(interGateScale(q15, cs, cs));
    p.inputTimesCellGate = quantizeMultiplier(interGateScale(q15, q15, cs));
    p.outputTimesTanhCell = quantizeMultiplier(interGateScale(q15, q15, h.scale()));
    if (o.cell_clip > 0)
        p.cellClip = static_cast<std::int16_t>(
            std::clamp(static_cast<double>(o.cell_clip) / static_cast<double>(cs), -32768.0, 32767.0));
    const int xi = ctx.inputIndex(0), hi = ctx.inputIndex(18), ci = ctx.inputIndex(19), yi = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const auto* input = tensorAt(rc, xi).as<std::int8_t>();
        auto* hidden = tensorAt(rc, hi).as<std::int8_t>();
        auto* cell = tensorAt(rc, ci).as<std::int16_t>();
        auto* out = tensorAt(rc, yi).as<std::int8_t>();
        std::vector<std::int16_t> scratch(static_cast<std::size_t>(4 * p.nCell));
        for (int t = 0; t < T; ++t)
            for (int b = 0; b < B; ++b) {
                const std::int64_t step =
                    timeMajor ? static_cast<std::int64_t>(t) * B + b : static_cast<std::int64_t>(b) * T + t;
                std::int8_t* hb = hidden + static_cast<std::int64_t>(b) * p.nCell;
                integerLstmStep(
                    p, input + step * p.nIn, hb, cell + static_cast<std::int64_t>(b) * p.nCell, scratch.data());
                std::copy(hb, hb + p.nCell, out + step * p.nCell);
            }
    });
}

} // namespace ql::exec
