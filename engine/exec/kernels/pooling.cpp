// SPDX-License-Identifier: MIT
// AVERAGE_POOL_2D and MAX_POOL_2D (NHWC): float, int8, uint8, int16; L2_POOL_2D: float.
#include "exec/kernels/common.h"

#include <cmath>
#include <limits>

namespace ql::exec {

namespace {

using model::DType;

struct PoolGeometry {
    int batch, inH, inW, C, outH, outW, fH, fW, strideH, strideW, padTop, padLeft;
    tflite::ActivationFunctionType act;
};

// Checks the operator (one input and output of one type, Pool2DOptions) and computes the window.
Result<PoolGeometry> poolGeometry(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const auto* opts = ctx.op.options.AsPool2DOptions();
    if (!opts)
        return ctx.fail("has no Pool2DOptions");
    const auto& o = *opts;
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (x.dtype != y.dtype)
        return ctx.unsupported();
    if (x.rank() != 4)
        return ctx.fail("input must have rank 4, got " + shapeText(x.shape));
    if (o.stride_h < 1 || o.stride_w < 1 || o.filter_height < 1 || o.filter_width < 1)
        return ctx.fail("strides and filter sizes must be at least 1");
    PoolGeometry g{x.dim(0), x.dim(1), x.dim(2), x.dim(3), 0, 0, o.filter_height, o.filter_width, o.stride_h,
        o.stride_w, 0, 0, o.fused_activation_function};
    g.outH = convOutputSize(o.padding, g.inH, g.fH, g.strideH, 1);
    g.outW = convOutputSize(o.padding, g.inW, g.fW, g.strideW, 1);
    if (g.outH <= 0 || g.outW <= 0)
        return ctx.fail("the window does not fit the input " + shapeText(x.shape));
    if (auto st = ctx.setOutputShape(0, {g.batch, g.outH, g.outW, g.C}); !st)
        return st.error();
    if (o.padding == tflite::Padding::SAME) {
        g.padTop = convPaddingBefore(g.inH, g.fH, g.strideH, 1, g.outH);
        g.padLeft = convPaddingBefore(g.inW, g.fW, g.strideW, 1, g.outW);
    }
    return g;
}

// Calls fn(outIndexBase, window) per output pixel, where window lists the input pixel offsets.
template <class Fn> void forEachWindow(const PoolGeometry& g, Fn&& fn)
{
    for (int b = 0; b < g.batch; ++b)
        for (int oy = 0; oy < g.outH; ++oy)
            for (int ox = 0; ox < g.outW; ++ox) {
                const int y0 = std::max(0, oy * g.strideH - g.padTop);
                const int y1 = std::min(g.inH, oy * g.strideH - g.padTop + g.fH);
                const int x0 = std::max(0, ox * g.strideW - g.padLeft);
                const int x1 = std::min(g.inW, ox * g.strideW - g.padLeft + g.fW);
                const std::int64_t out = ((static_cast<std::int64_t>(b) * g.outH + oy) * g.outW + ox) * g.C;
                const std::int64_t inBase = static_cast<std::int64_t>(b) * g.inH;
                fn(out, inBase, y0, y1, x0, x1);
            }
}

template <class T> Prepared prepareMaxT(NodeContext& ctx, const PoolGeometry& g, tflite::ActivationFunctionType act)
{
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const RtTensor& y = ctx.out(0);
    double lo, hi;
    if constexpr (std::is_same_v<T, float>) {
        const auto r = floatActivationRange(act);
        lo = r.min;
        hi = r.max;
    } else {
        const auto r = activationRange(act, y, ctx.rounding);
        lo = r.min;
        hi = r.max;
    }
    return makeKernel([=](const RunContext& rc) {
        const T* x = tensorAt(rc, in).as<T>();
        T* o = tensorAt(rc, out).as<T>();
        forEachWindow(g, [&](std::int64_t ob, std::int64_t inBase, int y0, int y1, int x0, int x1) {
            for (int c = 0; c < g.C; ++c) {
                T m = std::numeric_limits<T>::lowest();
                for (int iy = y0; iy < y1; ++iy)
                    for (int ix = x0; ix < x1; ++ix)
                        m = std::max(m, x[((inBase + iy) * g.inW + ix) * g.C + c]);
                o[ob + c] = static_cast<T>(std::clamp(static_cast<double>(m), lo, hi));
            }
        });
    });
}

// The mean over the valid window (padding not counted) of x, or of x^2 then its square root (L2_POOL_2D).
Prepared prepareAverageFloat(NodeContext& ctx, const PoolGeometry& g, FloatRange range, bool l2 = false)
{
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* x = tensorAt(rc, in).as<float>();
        float* o = tensorAt(rc, out).as<float>();
        forEachWindow(g, [&](std::int64_t ob, std::int64_t inBase, int y0, int y1, int x0, int x1) {
            const float count = static_cast<float>((y1 - y0) * (x1 - x0));
            for (int c = 0; c < g.C; ++c) {
                float s = 0;
                for (int iy = y0; iy < y1; ++iy)
                    for (int ix = x0; ix < x1; ++ix) {
                        const float v = x[((inBase + iy) * g.inW + ix) * g.C + c];
                        s += l2 ? v * v : v;
                    }
                o[ob + c] = std::clamp(l2 ? std::sqrt(s / count) : s / count, range.min, range.max);
            }
        });
    });
}

// Integer average: the sum over the valid window divided by its size, rounded half away from zero
// (TFLite's integer kernels), on the codes: an output quantized unlike the input gets the input's
// codes (LiteRT does not rescale; lint reports it), clamped to the fused activation's range.
template <class T>
Prepared prepareAverageInt(NodeContext& ctx, const PoolGeometry& g, tflite::ActivationFunctionType act)
{
    const RtTensor& y = ctx.out(0);
    const QuantRange r =
        quantActivationRange(act, y.scale(), y.zeroPoint(), typeRange(y.dtype).min, typeRange(y.dtype).max);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xd = tensorAt(rc, in).as<T>();
        T* o = tensorAt(rc, out).as<T>();
        forEachWindow(g, [&](std::int64_t ob, std::int64_t inBase, int y0, int y1, int x0, int x1) {
            const std::int32_t count = (y1 - y0) * (x1 - x0);
            for (int c = 0; c < g.C; ++c) {
                std::int32_t s = 0;
                for (int iy = y0; iy < y1; ++iy)
                    for (int ix = x0; ix < x1; ++ix)
                        s += xd[((inBase + iy) * g.inW + ix) * g.C + c];
                const std::int32_t avg = s > 0 ? (s + count / 2) / count : (s - count / 2) / count;
                o[ob + c] = static_cast<T>(std::clamp(avg, r.min, r.max));
            }
        });
    });
}

} // namespace

Prepared prepareMaxPool(NodeContext& ctx)
{
    auto g = poolGeometry(ctx);
    if (!g)
        return g.error();
    const auto act = g->act;
    switch (ctx.in(0).dtype) {
    case DType::Float32: return prepareMaxT<float>(ctx, *g, act);
    case DType::Int8: return prepareMaxT<std::int8_t>(ctx, *g, act);
    case DType::UInt8: return prepareMaxT<std::uint8_t>(ctx, *g, act);
    case DType::Int16: return prepareMaxT<std::int16_t>(ctx, *g, act);
    default: return ctx.unsupported();
    }
}

Prepared prepareAveragePool(NodeContext& ctx)
{
    auto g = poolGeometry(ctx);
    if (!g)
        return g.error();
    const auto act = g->act;
    switch (ctx.in(0).dtype) {
    case DType::Float32: return prepareAverageFloat(ctx, *g, floatActivationRange(act));
    case DType::Int8: return prepareAverageInt<std::int8_t>(ctx, *g, act);
    case DType::UInt8: return prepareAverageInt<std::uint8_t>(ctx, *g, act);
    case DType::Int16: return prepareAverageInt<std::int16_t>(ctx, *g, act);
    default: return ctx.unsupported();
    }
}

Prepared prepareL2Pool(NodeContext& ctx)
{
    auto g = poolGeometry(ctx);
    if (!g)
        return g.error();
    if (ctx.in(0).dtype != DType::Float32)
        return ctx.fail("LiteRT has L2_POOL_2D for float32 only, not " + model::dtypeName(ctx.in(0).dtype));
    return prepareAverageFloat(ctx, *g, floatActivationRange(g->act), true);
}

} // namespace ql::exec
