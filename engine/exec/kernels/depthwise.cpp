// SPDX-License-Identifier: MIT
// DEPTHWISE_CONV_2D: float, full integer (int8 per-channel, uint8, 16x8) and hybrid.
#include "exec/kernels/common.h"
#include "exec/kernels/conv_common.h"
#include "exec/kernels/depthwise_window.h"
#include "exec/kernels/hybrid.h"

namespace ql::exec {

namespace {

using model::DType;

// Calls body(b, oy, ox, channel-start pointer offsets) for every output pixel; body accumulates over
// the valid window positions itself via `forWindow`.
template <class Fn> void forEachPixel(const ConvGeometry& g, ThreadPool* pool, Fn&& fn)
{
    const std::int64_t rows = static_cast<std::int64_t>(g.batch) * g.outH;
    parallelFor(pool, rows, 4, [&](std::int64_t r0, std::int64_t r1) {
        for (std::int64_t r = r0; r < r1; ++r) {
            const int b = static_cast<int>(r / g.outH);
            const int oy = static_cast<int>(r % g.outH);
            for (int ox = 0; ox < g.outW; ++ox)
                fn(b, oy, ox);
        }
    });
}

DepthwiseWindow windowOf(const ConvGeometry& g)
{
    return {g.inH, g.inW, g.inC, g.kH, g.kW, g.strideH, g.strideW, g.padTop, g.padLeft, g.dilH, g.dilW, g.outC,
        g.depthMultiplier};
}

Prepared prepareFloat(NodeContext& ctx, const ConvGeometry& g, FloatRange range)
{
    const int in = ctx.inputIndex(0), w = ctx.inputIndex(1), out = ctx.outputIndex(0);
    const int bias = ctx.hasInput(2) ? ctx.inputIndex(2) : -1;
    return makeKernel([=](const RunContext& rc) {
        const float* x = tensorAt(rc, in).as<float>();
        const float* wd = tensorAt(rc, w).as<float>();
        const float* bd = bias >= 0 ? tensorAt(rc, bias).as<float>() : nullptr;
        float* y = tensorAt(rc, out).as<float>();
        const int C = g.outC;
        const DepthwiseWindow win = windowOf(g);
        forEachPixel(g, rc.pool, [&](int b, int oy, int ox) {
            float* __restrict o = y + ((static_cast<std::int64_t>(b) * g.outH + oy) * g.outW + ox) * C;
            if (bd)
                std::copy(bd, bd + C, o);
            else
                std::fill(o, o + C, 0.0f);
            accumulateDepthwiseWindow(win, x, wd, b, oy, ox, o);
            for (int c = 0; c < C; ++c)
                o[c] = std::min(std::max(o[c], range.min), range.max);
        });
    });
}

template <class TIn, class TW, class TAcc, class TBias>
Prepared prepareInteger(NodeContext& ctx, const ConvGeometry& g, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const auto& wq = w.quantization();
    if (auto st = checkWeightScales(ctx, w, g.outC); !st)
        return st.error();
    const bool is16 = sizeof(TIn) == 2;
    const Rounding rounding = is16 ? Rounding::Reference : ctx.requantRounding();
    auto req =
        makeRequantizer(x.scale(), wq.scale, y.scale(), y.zeroPoint(), activationRange(act, y, rounding), rounding);
    const std::int32_t zpX = x.zeroPoint();
    const std::int32_t zpW = w.zeroPoint();
    const TW* wd = w.as<TW>();
    const TBias* bias = ctx.hasInput(2) ? ctx.in(2).as<TBias>() : nullptr;
    std::vector<TAcc> biasAcc(static_cast<std::size_t>(g.outC));
    for (int c = 0; c < g.outC; ++c)
        biasAcc[static_cast<std::size_t>(c)] = clampBias<TAcc>(bias ? static_cast<TAcc>(bias[c]) : 0);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=, biasAcc = std::move(biasAcc), req = std::move(req)](const RunContext& rc) {
        const TIn* xd = tensorAt(rc, in).as<TIn>();
        TIn* yd = tensorAt(rc, out).as<TIn>();
        const int C = g.outC;
        forEachPixel(g, rc.pool, [&](int b, int oy, int ox) {
            TAcc acc[1024];
            TAcc* heap = nullptr;
            std::vector<TAcc> big;
            if (C > 1024) {
                big.resize(static_cast<std::size_t>(C));
                heap = big.data();
            }
            TAcc* a = heap ? heap : acc;
            for (int c = 0; c < C; ++c)
                a[c] = biasAcc[static_cast<std::size_t>(c)];
            for (int ky = 0; ky < g.kH; ++ky) {
                const int iy = oy * g.strideH - g.padTop + ky * g.dilH;
                if (iy < 0 || iy >= g.inH)
                    continue;
                for (int kx = 0; kx < g.kW; ++kx) {
                    const int ix = ox * g.strideW - g.padLeft + kx * g.dilW;
                    if (ix < 0 || ix >= g.inW)
                        continue;
                    const TIn* xi = xd + ((static_cast<std::int64_t>(b) * g.inH + iy) * g.inW + ix) * g.inC;
                    const TW* wi = wd + (static_cast<std::int64_t>(ky) * g.kW + kx) * C;
                    for (int c = 0; c < C; ++c)
                        a[c] += (static_cast<TAcc>(xi[c / g.depthMultiplier]) - zpX) * (static_cast<TAcc>(wi[c]) - zpW);
                }
            }
            TIn* o = yd + ((static_cast<std::int64_t>(b) * g.outH + oy) * g.outW + ox) * C;
            for (int c = 0; c < C; ++c) {
                const std::int32_t q = req.apply(a[c], static_cast<std::size_t>(c));
                o[c] = static_cast<TIn>(q);
            }
        });
    });
}

// 8-bit depthwise convolution with int32 accumulators, computed in float: the input minus its
// zero point and the weights minus theirs are small integers, their products and the sums of a
// window (below 2^24 for windows up to 1032 taps) are exact in float.
template <class TIn>
Prepared prepareInteger8(NodeContext& ctx, const ConvGeometry& g, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    if (static_cast<std::int64_t>(g.kH) * g.kW > 1032)
        return prepareInteger<TIn, TIn, std::int32_t, std::int32_t>(ctx, g, act);
    const auto& wq = w.quantization();
    if (auto st = checkWeightScales(ctx, w, g.outC); !st)
        return st.error();
    const Rounding rounding = ctx.requantRounding();
    auto req = makeRequantizer(
        x.scale(), wq.scale, y.scale(), y.zeroPoint(), activationRange(act, y, rounding), rounding);
    const std::int32_t zpX = x.zeroPoint(), zpW = w.zeroPoint();
    const std::int64_t taps = static_cast<std::int64_t>(g.kH) * g.kW;
    std::vector<float> wf(static_cast<std::size_t>(taps * g.outC));
    const TIn* wd = w.as<TIn>();
    for (std::size_t i = 0; i < wf.size(); ++i)
        wf[i] = static_cast<float>(static_cast<std::int32_t>(wd[i]) - zpW);
    std::vector<std::int32_t> bias(static_cast<std::size_t>(g.outC), 0);
    if (ctx.hasInput(2))
        for (int c = 0; c < g.outC; ++c)
            bias[static_cast<std::size_t>(c)] = clampBias(ctx.in(2).as<std::int32_t>()[c]);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const std::int64_t inCount = x.count();
    auto xf = std::make_shared<std::vector<float>>(static_cast<std::size_t>(inCount));
    return makeKernel([=, wf = std::move(wf), bias = std::move(bias), req = std::move(req)](const RunContext& rc) {
        const TIn* xd = tensorAt(rc, in).as<TIn>();
        float* xs = xf->data();
        for (std::int64_t i = 0; i < inCount; ++i)
            xs[i] = static_cast<float>(static_cast<std::int32_t>(xd[i]) - zpX);
        TIn* yd = tensorAt(rc, out).as<TIn>();
        const int C = g.outC;
        // One output row at a time: the window sums of its pixels (exact integers in float), then one
        // requantization pass over the row.
        const std::int64_t rows = static_cast<std::int64_t>(g.batch) * g.outH;
        const std::int64_t rowSize = static_cast<std::int64_t>(g.outW) * C;
        const DepthwiseWindow win = windowOf(g);
        parallelFor(rc.pool, rows, 4, [&](std::int64_t r0, std::int64_t r1) {
            std::vector<float> acc(static_cast<std::size_t>(rowSize));
            std::vector<std::int32_t> ia(static_cast<std::size_t>(rowSize));
            for (std::int64_t r = r0; r < r1; ++r) {
                const int b = static_cast<int>(r / g.outH), oy = static_cast<int>(r % g.outH);
                std::fill(acc.begin(), acc.end(), 0.0f);
                for (int ox = 0; ox < g.outW; ++ox)
                    accumulateDepthwiseWindow(
                        win, xs, wf.data(), b, oy, ox, acc.data() + static_cast<std::int64_t>(ox) * C);
                for (std::int64_t i = 0; i < rowSize; ++i)
                    ia[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(acc[static_cast<std::size_t>(i)]);
                req.applyRows(ia.data(), bias.data(), g.outW, C, yd + r * rowSize);
            }
        });
    });
}

Prepared prepareHybrid(NodeContext& ctx, const ConvGeometry& g, tflite::ActivationFunctionType act)
{
    const RtTensor& w = ctx.in(1);
    if (!w.constant)
        return ctx.fail("int8 weights must be constants");
    const auto& wq = w.quantization();
    if (auto st = checkWeightScales(ctx, w, g.outC); !st)
        return st.error();
    // LiteRT's hybrid kernel reads one weight scale per output channel whatever the tensor stores.
    if (wq.scale.size() == 1 && g.outC > 1)
        return ctx.fail("has per-tensor int8 weights; LiteRT's hybrid DEPTHWISE_CONV_2D reads one scale per output "
                        "channel and would read past the single scale stored (quantize the weights per channel)");
    // TFLite's hybrid depthwise kernel quantizes each batch element asymmetrically.
    std::vector<float> scales(wq.scale.begin(), wq.scale.end());
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0), wIdx = ctx.inputIndex(1);
    const int bias = ctx.hasInput(2) ? ctx.inputIndex(2) : -1;
    const FloatRange range = floatActivationRange(act);
    const std::int64_t imageSize = static_cast<std::int64_t>(g.inH) * g.inW * g.inC;
    auto qInput = std::make_shared<std::vector<std::int8_t>>(static_cast<std::size_t>(imageSize));
    const bool xnn = ctx.rounding == Rounding::Xnnpack;
    return makeKernel([=](const RunContext& rc) {
        const float* x = tensorAt(rc, in).as<float>();
        const std::int8_t* wd = tensorAt(rc, wIdx).as<std::int8_t>();
        float* y = tensorAt(rc, out).as<float>();
        const float* bd = bias >= 0 ? tensorAt(rc, bias).as<float>() : nullptr;
        const int C = g.outC;
        for (int n = 0; n < g.batch; ++n) {
            const RowQuantization rq = quantizeAsymmetric(x + n * imageSize, imageSize, qInput->data());
            const std::int8_t* xq = qInput->data();
            for (int oy = 0; oy < g.outH; ++oy)
                for (int ox = 0; ox < g.outW; ++ox) {
                    float* o = y + ((static_cast<std::int64_t>(n) * g.outH + oy) * g.outW + ox) * C;
                    for (int c = 0; c < C; ++c) {
                        std::int32_t acc = 0;
                        for (int ky = 0; ky < g.kH; ++ky) {
                            const int iy = oy * g.strideH - g.padTop + ky * g.dilH;
                            if (iy < 0 || iy >= g.inH)
                                continue;
                            for (int kx = 0; kx < g.kW; ++kx) {
                                const int ix = ox * g.strideW - g.padLeft + kx * g.dilW;
                                if (ix < 0 || ix >= g.inW)
                                    continue;
                                const std::int32_t xv =
                                    xq[(static_cast<std::int64_t>(iy) * g.inW + ix) * g.inC + c / g.depthMultiplier];
                                acc += (xv - rq.offset) * wd[(static_cast<std::int64_t>(ky) * g.kW + kx) * C + c];
                            }
                        }
                        // LiteRT runs TFLite's optimized kernel here (XNNPACK does not take hybrid
                        // depthwise): two float products; the reference kernel folds the scales first.
                        const float ws = scales[scales.size() == 1 ? 0 : static_cast<std::size_t>(c)];
                        const float v = (xnn ? static_cast<float>(acc) * rq.scale * ws
                                             : static_cast<float>(acc) * (ws * rq.scale)) +
                            (bd ? bd[c] : 0.0f);
                        o[c] = std::clamp(v, range.min, range.max);
                    }
                }
        }
    });
}

} // namespace

Prepared prepareDepthwiseConv2D(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 3, 1); !st)
        return st.error();
    const auto* opts = ctx.op.options.AsDepthwiseConv2DOptions();
    if (!opts)
        return ctx.fail("has no DepthwiseConv2DOptions");
    const auto act = opts->fused_activation_function;
    if (!isClampActivation(act))
        return ctx.fail(
            "fused activation " + std::string(tflite::EnumNameActivationFunctionType(act)) + " is not supported");
    auto geometry = convGeometry(ctx, opts->padding, opts->stride_h, opts->stride_w, opts->dilation_h_factor,
        opts->dilation_w_factor, /*depthwise=*/true, opts->depth_multiplier);
    if (!geometry)
        return geometry.error();
    const ConvGeometry& g = *geometry;
    if (auto st = checkAccumulator(ctx, static_cast<std::int64_t>(g.kH) * g.kW); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    if (x.dtype == DType::Float32 && w.dtype == DType::Float32 && y.dtype == DType::Float32)
        return prepareFloat(ctx, g, floatActivationRange(act));
    if (x.dtype == DType::Float32 && w.dtype == DType::Int8 && y.dtype == DType::Float32)
        return prepareHybrid(ctx, g, act);
    if (auto st = requireConstantWeightsAndBias(ctx); !st)
        return st.error();
    const DType bt = ctx.hasInput(2) ? ctx.in(2).dtype : (x.dtype == DType::Int16 ? DType::Int64 : DType::Int32);
    if (x.dtype == DType::Int8 && w.dtype == DType::Int8 && y.dtype == DType::Int8 && bt == DType::Int32)
        return prepareInteger8<std::int8_t>(ctx, g, act);
    if (x.dtype == DType::UInt8 && w.dtype == DType::UInt8 && y.dtype == DType::UInt8 && bt == DType::Int32)
        return prepareInteger8<std::uint8_t>(ctx, g, act);
    if (x.dtype == DType::Int16 && w.dtype == DType::Int8 && y.dtype == DType::Int16 && bt == DType::Int64)
        return prepareInteger<std::int16_t, std::int8_t, std::int64_t, std::int64_t>(ctx, g, act);
    return ctx.unsupported();
}

} // namespace ql::exec
