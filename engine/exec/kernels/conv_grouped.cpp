// SPDX-License-Identifier: MIT
// Grouped CONV_2D: the filter has inC / groups input channels, and output channel oc reads input
// channels [group * fC, (group + 1) * fC) with group = oc / (outC / groups). LiteRT sends such a
// convolution to its reference kernel, whose order this follows: the sum over (ky, kx, ic), then the
// bias, then the activation (float), or the int32 / int64 sum requantized per channel (integers).
#include "exec/kernels/conv_common.h"

namespace ql::exec {

namespace {

using model::DType;

// Calls fn(oc, inputOffset) for each tap of output pixel (b, oy, ox) that lies inside the input; the
// offset is that of channel 0 of the tap's input pixel.
template <class Fn> void forEachTap(const ConvGeometry& g, int b, int oy, int ox, Fn&& fn)
{
    for (int ky = 0; ky < g.kH; ++ky) {
        const int iy = oy * g.strideH - g.padTop + ky * g.dilH;
        if (iy < 0 || iy >= g.inH)
            continue;
        for (int kx = 0; kx < g.kW; ++kx) {
            const int ix = ox * g.strideW - g.padLeft + kx * g.dilW;
            if (ix < 0 || ix >= g.inW)
                continue;
            fn(ky * g.kW + kx, ((static_cast<std::int64_t>(b) * g.inH + iy) * g.inW + ix) * g.inC);
        }
    }
}

Prepared prepareGroupedFloat(NodeContext& ctx, const ConvGeometry& g, tflite::ActivationFunctionType act)
{
    const int in = ctx.inputIndex(0), wIdx = ctx.inputIndex(1), out = ctx.outputIndex(0);
    const int bias = ctx.hasInput(2) ? ctx.inputIndex(2) : -1;
    const FloatRange range = floatActivationRange(act);
    const int fC = g.inC / g.groups, perGroup = g.outC / g.groups;
    return makeKernel([=](const RunContext& rc) {
        const float* x = tensorAt(rc, in).as<float>();
        const float* w = tensorAt(rc, wIdx).as<float>();
        const float* bd = bias >= 0 ? tensorAt(rc, bias).as<float>() : nullptr;
        float* y = tensorAt(rc, out).as<float>();
        for (int b = 0; b < g.batch; ++b)
            for (int oy = 0; oy < g.outH; ++oy)
                for (int ox = 0; ox < g.outW; ++ox)
                    for (int oc = 0; oc < g.outC; ++oc) {
                        const int first = (oc / perGroup) * fC;
                        float total = 0;
                        forEachTap(g, b, oy, ox, [&](int tap, std::int64_t at) {
                            const float* wi = w + (static_cast<std::int64_t>(oc) * g.kH * g.kW + tap) * fC;
                            for (int ic = 0; ic < fC; ++ic)
                                total += x[at + first + ic] * wi[ic];
                        });
                        const float v = total + (bd ? bd[oc] : 0.0f);
                        y[((static_cast<std::int64_t>(b) * g.outH + oy) * g.outW + ox) * g.outC + oc] =
                            std::clamp(v, range.min, range.max);
                    }
    });
}

// TAcc: int32 (8-bit inputs) or int64 (16x8 with an int64 bias); Narrow32: a 16x8 sum that LiteRT
// keeps in int32 (its int32 bias).
template <class TIn, class TAcc, class TBias, bool Narrow32>
Prepared prepareGroupedInteger(NodeContext& ctx, const ConvGeometry& g, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const auto& wq = w.quantization();
    if (auto st = checkWeightScales(ctx, w, g.outC); !st)
        return st.error();
    const Rounding rounding = sizeof(TIn) == 2 ? Rounding::Reference : ctx.requantRounding();
    auto req =
        makeRequantizer(x.scale(), wq.scale, y.scale(), y.zeroPoint(), activationRange(act, y, rounding), rounding);
    const std::int64_t zpX = x.zeroPoint();
    const std::int64_t zpW = w.zeroPoint();
    std::vector<std::int64_t> biases(static_cast<std::size_t>(g.outC), 0);
    if (ctx.hasInput(2))
        for (int c = 0; c < g.outC; ++c)
            biases[static_cast<std::size_t>(c)] = static_cast<std::int64_t>(ctx.in(2).as<TBias>()[c]);
    const int in = ctx.inputIndex(0), wIdx = ctx.inputIndex(1), out = ctx.outputIndex(0);
    const int fC = g.inC / g.groups, perGroup = g.outC / g.groups;
    return makeKernel([=, req = std::move(req), biases = std::move(biases)](const RunContext& rc) {
        const TIn* xd = tensorAt(rc, in).as<TIn>();
        const auto* wd = tensorAt(rc, wIdx).data;
        const bool wUnsigned = std::is_same_v<TIn, std::uint8_t>;
        TIn* yd = tensorAt(rc, out).as<TIn>();
        for (int b = 0; b < g.batch; ++b)
            for (int oy = 0; oy < g.outH; ++oy)
                for (int ox = 0; ox < g.outW; ++ox)
                    for (int oc = 0; oc < g.outC; ++oc) {
                        const int first = (oc / perGroup) * fC;
                        std::int64_t sum = 0; // exact: at most kH * kW * fC products of 16 and 8 bits
                        forEachTap(g, b, oy, ox, [&](int tap, std::int64_t at) {
                            const std::int64_t wo = (static_cast<std::int64_t>(oc) * g.kH * g.kW + tap) * fC;
                            for (int ic = 0; ic < fC; ++ic) {
                                const std::int64_t wv = wUnsigned ? static_cast<std::int64_t>(wd[wo + ic])
                                                                  : static_cast<std::int64_t>(static_cast<std::int8_t>(wd[wo + ic]));
                                sum += (static_cast<std::int64_t>(xd[at + first + ic]) - zpX) * (wv - zpW);
                            }
                        });
                        sum += biases[static_cast<std::size_t>(oc)];
                        std::int32_t q;
                        if constexpr (std::is_same_v<TAcc, std::int64_t> && !Narrow32)
                            q = req.apply(sum, static_cast<std::size_t>(oc));
                        else
                            q = req.apply(static_cast<std::int32_t>(sum), static_cast<std::size_t>(oc));
                        yd[((static_cast<std::int64_t>(b) * g.outH + oy) * g.outW + ox) * g.outC + oc] = static_cast<TIn>(q);
                    }
    });
}

} // namespace

Prepared prepareGroupedConv(NodeContext& ctx, const ConvGeometry& g, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const DType bt = ctx.hasInput(2) ? ctx.in(2).dtype : DType::Float32;
    if (x.dtype == DType::Float32 && w.dtype == DType::Float32 && y.dtype == DType::Float32 && bt == DType::Float32)
        return prepareGroupedFloat(ctx, g, act);
    if (!w.constant || (ctx.hasInput(2) && !ctx.in(2).constant))
        return ctx.fail("a grouped integer convolution needs constant weights and bias");
    if (x.dtype == DType::Int8 && w.dtype == DType::Int8 && y.dtype == DType::Int8 && bt == DType::Int32)
        return prepareGroupedInteger<std::int8_t, std::int32_t, std::int32_t, false>(ctx, g, act);
    if (x.dtype == DType::UInt8 && w.dtype == DType::UInt8 && y.dtype == DType::UInt8 && bt == DType::Int32)
        return prepareGroupedInteger<std::uint8_t, std::int32_t, std::int32_t, false>(ctx, g, act);
    if (x.dtype == DType::Int16 && w.dtype == DType::Int8 && y.dtype == DType::Int16 && bt == DType::Int64)
        return prepareGroupedInteger<std::int16_t, std::int64_t, std::int64_t, false>(ctx, g, act);
    if (x.dtype == DType::Int16 && w.dtype == DType::Int8 && y.dtype == DType::Int16 && bt == DType::Int32)
        return prepareGroupedInteger<std::int16_t, std::int32_t, std::int32_t, true>(ctx, g, act);
    return ctx.fail("grouped convolution is not supported for " + ctx.dtypes());
}

} // namespace ql::exec
