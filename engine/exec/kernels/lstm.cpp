// SPDX-License-Identifier: MIT
// UNIDIRECTIONAL_SEQUENCE_LSTM, float: gates i, f, g, o from the input and the previous output,
// optional peepholes, CIFG (no input gate: i = 1 - f), cell and projection clipping, projection.
// Layer-normalized and integer LSTMs are not supported yet.
#include "exec/kernels/common.h"

#include <cmath>

namespace ql::exec {

namespace {

using model::DType;

float applyActivation(tflite::ActivationFunctionType a, float v)
{
    using AF = tflite::ActivationFunctionType;
    switch (a) {
    case AF::TANH: return std::tanh(v);
    case AF::RELU: return std::max(0.0f, v);
    case AF::RELU6: return std::clamp(v, 0.0f, 6.0f);
    case AF::RELU_N1_TO_1: return std::clamp(v, -1.0f, 1.0f);
    case AF::SIGN_BIT: return std::signbit(v) ? 1.0f : 0.0f;
    default: return v;
    }
}

float sigmoid(float v)
{
    return 1.0f / (1.0f + std::exp(-v));
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
    const RtTensor& x = ctx.in(0);
    if (x.dtype != DType::Float32)
        return ctx.fail("integer (quantized) LSTM is not supported yet (" + ctx.dtypes() + ")");
    for (int i = 20; i < ctx.inputCount(); ++i)
        if (ctx.hasInput(i))
            return ctx.fail("layer-normalized LSTM is not supported yet");
    for (int i = 1; i < 18; ++i)
        if (ctx.hasInput(i) && (ctx.in(i).dtype != DType::Float32 || !ctx.in(i).constant))
            return ctx.fail("weights and biases must be float32 constants (" + ctx.dtypes() + ")");
    if (x.rank() != 3)
        return ctx.fail("input must have rank 3, got " + shapeText(x.shape));
    const bool timeMajor = o->time_major;
    const int T = timeMajor ? x.dim(0) : x.dim(1);
    const int B = timeMajor ? x.dim(1) : x.dim(0);
    const int nIn = x.dim(2);
    for (int i : {2, 3, 4, 6, 7, 8, 13, 14, 15})
        if (!ctx.hasInput(i))
            return ctx.fail("required input " + std::to_string(i) + " is omitted");
    const int nCell = ctx.in(2).dim(0);
    const int nOut = ctx.in(6).dim(1);
    const bool cifg = !ctx.hasInput(1);
    const bool peephole = ctx.hasInput(10);
    const bool projection = ctx.hasInput(16);
    auto expect = [&](int i, std::vector<std::int32_t> shape) -> Status {
        if (ctx.hasInput(i) && ctx.in(i).shape != shape)
            return ctx.fail("input " + std::to_string(i) + " has shape " + shapeText(ctx.in(i).shape) + ", expected " +
                shapeText(shape));
        return {};
    };
    for (int i = 1; i <= 4; ++i)
        if (auto st = expect(i, {nCell, nIn}); !st)
            return st.error();
    for (int i = 5; i <= 8; ++i)
        if (auto st = expect(i, {nCell, nOut}); !st)
            return st.error();
    for (int i : {9, 10, 11, 12, 13, 14, 15})
        if (auto st = expect(i, {nCell}); !st)
            return st.error();
    if (auto st = expect(16, {nOut, nCell}); !st)
        return st.error();
    if (auto st = expect(17, {nOut}); !st)
        return st.error();
    if (!projection && nOut != nCell)
        return ctx.fail("without projection the output size must equal the cell size");
    if (!ctx.hasInput(18) || !ctx.hasInput(19) || ctx.in(18).count() != static_cast<std::int64_t>(B) * nOut ||
        ctx.in(19).count() != static_cast<std::int64_t>(B) * nCell)
        return ctx.fail("output and cell state tensors must hold " + std::to_string(B) + " x state values");
    const RtTensor& y = ctx.out(0);
    if (y.count() != static_cast<std::int64_t>(B) * T * nOut || y.dtype != DType::Float32)
        return ctx.fail("output " + shapeText(y.shape) + " does not hold " + std::to_string(B * T) + " x " +
            std::to_string(nOut) + " values");
    std::vector<int> idx(ctx.op.inputs.begin(), ctx.op.inputs.end());
    const int out = ctx.outputIndex(0);
    const auto act = o->fused_activation_function;
    const float cellClip = o->cell_clip, projClip = o->proj_clip;
    return makeKernel([=](const RunContext& rc) {
        auto w = [&](int i) -> const float* {
            return idx[static_cast<std::size_t>(i)] >= 0 ? tensorAt(rc, idx[static_cast<std::size_t>(i)]).as<float>()
                                                         : nullptr;
        };
        const float* input = w(0);
        float* h = tensorAt(rc, idx[18]).as<float>();
        float* c = tensorAt(rc, idx[19]).as<float>();
        float* yo = tensorAt(rc, out).as<float>();
        std::vector<float> gi(static_cast<std::size_t>(nCell)), gf(gi), gg(gi), go(gi), hc(gi);
        auto gate = [&](std::vector<float>& g, const float* wx, const float* wh, const float* bias, const float* xt,
                        const float* hb) {
            for (int k = 0; k < nCell; ++k) {
                float s = bias ? bias[k] : 0.0f;
                for (int i = 0; i < nIn; ++i)
                    s += wx[static_cast<std::int64_t>(k) * nIn + i] * xt[i];
                for (int i = 0; i < nOut; ++i)
                    s += wh[static_cast<std::int64_t>(k) * nOut + i] * hb[i];
                g[static_cast<std::size_t>(k)] = s;
            }
        };
        for (int t = 0; t < T; ++t)
            for (int b = 0; b < B; ++b) {
                const std::int64_t step =
                    timeMajor ? static_cast<std::int64_t>(t) * B + b : static_cast<std::int64_t>(b) * T + t;
                const float* xt = input + step * nIn;
                float* hb = h + static_cast<std::int64_t>(b) * nOut;
                float* cb = c + static_cast<std::int64_t>(b) * nCell;
                if (!cifg)
                    gate(gi, w(1), w(5), w(12), xt, hb);
                gate(gf, w(2), w(6), w(13), xt, hb);
                gate(gg, w(3), w(7), w(14), xt, hb);
                gate(go, w(4), w(8), w(15), xt, hb);
                for (int k = 0; k < nCell; ++k) {
                    const auto u = static_cast<std::size_t>(k);
                    float f = gf[u] + (peephole ? w(10)[k] * cb[k] : 0.0f);
                    f = sigmoid(f);
                    float i = cifg ? 1.0f - f : sigmoid(gi[u] + (peephole && w(9) ? w(9)[k] * cb[k] : 0.0f));
                    float cn = f * cb[k] + i * applyActivation(act, gg[u]);
                    if (cellClip > 0)
                        cn = std::clamp(cn, -cellClip, cellClip);
                    cb[k] = cn;
                    const float og = sigmoid(go[u] + (peephole && w(11) ? w(11)[k] * cn : 0.0f));
                    hc[u] = og * applyActivation(act, cn);
                }
                if (projection) {
                    const float* pw = w(16);
                    const float* pb = w(17);
                    for (int j = 0; j < nOut; ++j) {
                        float s = pb ? pb[j] : 0.0f;
                        for (int k = 0; k < nCell; ++k)
                            s += pw[static_cast<std::int64_t>(j) * nCell + k] * hc[static_cast<std::size_t>(k)];
                        hb[j] = projClip > 0 ? std::clamp(s, -projClip, projClip) : s;
                    }
                } else {
                    std::copy(hc.begin(), hc.end(), hb);
                }
                std::copy(hb, hb + nOut, yo + step * nOut);
            }
    });
}

} // namespace ql::exec
