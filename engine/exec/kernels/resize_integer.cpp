// SPDX-License-Identifier: MIT
// RESIZE_BILINEAR on integer codes. The runtimes interpolate the codes themselves (input and output
// must share their quantization where XNNPACK runs it) and differ in how:
//   XNNPACK (LiteRT, quantized int8/uint8): coordinates in float, weights in 11-bit fixed point;
//   TFLite/tflite-micro "ResizeBilinearInteger" (int8, int16; LiteRT's int8 fallback): 10-bit
//     fixed-point coordinates, the 4-tap sum rounded half away from zero;
//   TFLite's uint8 kernels (LiteRT's uint8 fallback, and the reference): float weights, +0.5, truncated.
#include "exec/kernels/resize.h"

#include <cmath>

namespace ql::exec {

namespace {

using model::DType;

template <class T> std::int64_t pixelBase(const ResizeGeometry& g, int b, int yy, int xx, bool input)
{
    const int H = input ? g.inH : g.outH, W = input ? g.inW : g.outW;
    return ((static_cast<std::int64_t>(b) * H + yy) * W + xx) * g.C;
}

template <class T> Prepared xnnpackBilinear(NodeContext& ctx, const ResizeGeometry& g)
{
    struct Tap {
        int i0, i1;
        std::int32_t alpha; // Q11
    };
    auto taps = [&](int in, int out) {
        const int adj = g.alignCorners && out != 1 ? 1 : 0;
        const float sc = static_cast<float>(in - adj) / static_cast<float>(out - adj);
        std::vector<Tap> t;
        for (int o = 0; o < out; ++o) {
            float c;
            if (g.halfPixel)
                c = std::clamp(static_cast<float>(o) * sc + (0.5f * sc - 0.5f), 0.0f, static_cast<float>(in - 1));
            else
                c = std::min(static_cast<float>(o) * sc, static_cast<float>(in - 1));
            const int i0 = static_cast<int>(c);
            t.push_back({i0, std::min(i0 + 1, in - 1), roundHalfEven((c - static_cast<float>(i0)) * 2048.0f)});
        }
        return t;
    };
    const auto ty = taps(g.inH, g.outH), tx = taps(g.inW, g.outW);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* x = tensorAt(rc, in).as<T>();
        T* y = tensorAt(rc, out).as<T>();
        for (int b = 0; b < g.batch; ++b)
            for (int oy = 0; oy < g.outH; ++oy)
                for (int ox = 0; ox < g.outW; ++ox) {
                    const Tap& a = ty[static_cast<std::size_t>(oy)];
                    const Tap& e = tx[static_cast<std::size_t>(ox)];
                    const T* tl = x + pixelBase<T>(g, b, a.i0, e.i0, true);
                    const T* tr = x + pixelBase<T>(g, b, a.i0, e.i1, true);
                    const T* bl = x + pixelBase<T>(g, b, a.i1, e.i0, true);
                    const T* br = x + pixelBase<T>(g, b, a.i1, e.i1, true);
                    T* o = y + pixelBase<T>(g, b, oy, ox, false);
                    for (int c = 0; c < g.C; ++c) {
                        const std::int32_t top = (std::int32_t{tl[c]} * 2048) + (std::int32_t{tr[c]} - tl[c]) * e.alpha;
                        const std::int32_t bot = (std::int32_t{bl[c]} * 2048) + (std::int32_t{br[c]} - bl[c]) * e.alpha;
                        const std::int32_t v = top * 2048 + (bot - top) * a.alpha;
                        o[c] = static_cast<T>((v + (1 << 21)) >> 22);
                    }
                }
    });
}

template <class T> Prepared fixedPointBilinear(NodeContext& ctx, const ResizeGeometry& g)
{
    struct Tap {
        int i0, i1;
        std::int64_t f; // weight of i1 in 1/1024
    };
    auto taps = [&](int in, int out) {
        std::int64_t s10 = (1024LL * in + out / 2) / out;
        if (g.alignCorners && out > 1)
            s10 = (1024LL * (in - 1) + (out - 1) / 2) / (out - 1);
        std::vector<Tap> t;
        for (int o = 0; o < out; ++o) {
            const std::int64_t v = g.halfPixel ? o * s10 + s10 / 2 - 512 : o * s10;
            // The runtimes leave i0 unclamped above and can read past the image (33 -> 513 rows);
            // QuantLens clamps it (docs/arithmetic.md).
            const auto i0 = static_cast<int>(std::clamp<std::int64_t>(std::max<std::int64_t>(v / 1024, 0), 0, in - 1));
            const auto i1 = static_cast<int>(std::min<std::int64_t>((v + 1023) / 1024, in - 1));
            t.push_back({i0, std::max(i1, 0), v - 1024LL * std::max<std::int64_t>(v / 1024, 0)});
        }
        return t;
    };
    const auto ty = taps(g.inH, g.outH), tx = taps(g.inW, g.outW);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* x = tensorAt(rc, in).as<T>();
        T* y = tensorAt(rc, out).as<T>();
        for (int b = 0; b < g.batch; ++b)
            for (int oy = 0; oy < g.outH; ++oy)
                for (int ox = 0; ox < g.outW; ++ox) {
                    const Tap& a = ty[static_cast<std::size_t>(oy)];
                    const Tap& e = tx[static_cast<std::size_t>(ox)];
                    const T* q00 = x + pixelBase<T>(g, b, a.i0, e.i0, true);
                    const T* q01 = x + pixelBase<T>(g, b, a.i0, e.i1, true);
                    const T* q10 = x + pixelBase<T>(g, b, a.i1, e.i0, true);
                    const T* q11 = x + pixelBase<T>(g, b, a.i1, e.i1, true);
                    T* o = y + pixelBase<T>(g, b, oy, ox, false);
                    for (int c = 0; c < g.C; ++c) {
                        const std::int64_t s = q00[c] * (1024 - a.f) * (1024 - e.f) + q10[c] * a.f * (1024 - e.f) +
                            q01[c] * (1024 - a.f) * e.f + q11[c] * a.f * e.f;
                        o[c] = static_cast<T>((s + (s > 0 ? (1 << 19) : -(1 << 19))) / (1 << 20));
                    }
                }
    });
}

// TFLite's uint8 kernels: float coordinates and weights, +0.5 and truncation. The optimized kernel
// (LiteRT) sums (y0,x0), (y0,x1), (y1,x0), (y1,x1) with one product per weight; the reference one sums
// (y0,x0), (y1,x0), (y0,x1), (y1,x1) multiplying by the row weight first.
Prepared floatWeightsUint8(NodeContext& ctx, const ResizeGeometry& g, bool optimized)
{
    struct Tap {
        int i0, i1;
        float d;
    };
    auto taps = [&](int in, int out) {
        float scale = static_cast<float>(in) / static_cast<float>(out);
        if (g.alignCorners && out > 1)
            scale = static_cast<float>(in - 1) / static_cast<float>(out - 1);
        std::vector<Tap> t;
        for (int o = 0; o < out; ++o) {
            const float v = g.halfPixel ? (static_cast<float>(o) + 0.5f) * scale - 0.5f : static_cast<float>(o) * scale;
            const int i0 = std::max(static_cast<int>(std::floor(v)), 0);
            const int i1 = std::min(static_cast<int>(std::ceil(v)), in - 1);
            t.push_back({i0, i1, v - static_cast<float>(i0)});
        }
        return t;
    };
    const auto ty = taps(g.inH, g.outH), tx = taps(g.inW, g.outW);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const std::uint8_t* x = tensorAt(rc, in).as<std::uint8_t>();
        std::uint8_t* y = tensorAt(rc, out).as<std::uint8_t>();
        for (int b = 0; b < g.batch; ++b)
            for (int oy = 0; oy < g.outH; ++oy)
                for (int ox = 0; ox < g.outW; ++ox) {
                    const Tap& a = ty[static_cast<std::size_t>(oy)];
                    const Tap& e = tx[static_cast<std::size_t>(ox)];
                    const std::uint8_t* q00 = x + pixelBase<std::uint8_t>(g, b, a.i0, e.i0, true);
                    const std::uint8_t* q01 = x + pixelBase<std::uint8_t>(g, b, a.i0, e.i1, true);
                    const std::uint8_t* q10 = x + pixelBase<std::uint8_t>(g, b, a.i1, e.i0, true);
                    const std::uint8_t* q11 = x + pixelBase<std::uint8_t>(g, b, a.i1, e.i1, true);
                    std::uint8_t* o = y + pixelBase<std::uint8_t>(g, b, oy, ox, false);
                    const float ry = 1.0f - a.d, rx = 1.0f - e.d;
                    for (int c = 0; c < g.C; ++c) {
                        float acc;
                        if (optimized) {
                            const float w00 = ry * rx, w01 = ry * e.d, w10 = a.d * rx, w11 = a.d * e.d;
                            acc = static_cast<float>(q00[c]) * w00;
                            acc = acc + static_cast<float>(q01[c]) * w01;
                            acc = acc + static_cast<float>(q10[c]) * w10;
                            acc = acc + static_cast<float>(q11[c]) * w11;
                        } else {
                            acc = (static_cast<float>(q00[c]) * ry) * rx;
                            acc = acc + (static_cast<float>(q10[c]) * a.d) * rx;
                            acc = acc + (static_cast<float>(q01[c]) * ry) * e.d;
                            acc = acc + (static_cast<float>(q11[c]) * a.d) * e.d;
                        }
                        acc = acc + 0.5f;
                        o[c] = static_cast<std::uint8_t>(std::clamp(acc, 0.0f, 255.0f));
                    }
                }
    });
}

} // namespace

Prepared prepareIntegerResizeBilinear(NodeContext& ctx, const ResizeGeometry& g)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (g.alignCorners && g.halfPixel)
        return ctx.fail("align_corners and half_pixel_centers cannot both be set");
    const bool quantized = x.meta->quantization.scale.size() == 1 && y.meta->quantization.scale.size() == 1;
    if (ctx.rounding == Rounding::Xnnpack && quantized && (x.dtype == DType::Int8 || x.dtype == DType::UInt8)) {
        // XNNPACK takes it, and refuses to build it when the quantizations differ, which leaves the
        // whole model unprepared in LiteRT.
        if (!sameQuantization(x, y))
            return ctx.fail("input (scale " + std::to_string(x.scale()) + ", zero point " + std::to_string(x.zeroPoint()) +
                ") and output (scale " + std::to_string(y.scale()) + ", zero point " + std::to_string(y.zeroPoint()) +
                ") must be quantized alike: LiteRT cannot prepare this operator");
        return x.dtype == DType::Int8 ? xnnpackBilinear<std::int8_t>(ctx, g) : xnnpackBilinear<std::uint8_t>(ctx, g);
    }
    switch (x.dtype) {
    case DType::Int8: return fixedPointBilinear<std::int8_t>(ctx, g);
    case DType::Int16: return fixedPointBilinear<std::int16_t>(ctx, g);
    case DType::UInt8: return floatWeightsUint8(ctx, g, ctx.rounding == Rounding::Xnnpack);
    default: return ctx.unsupported();
    }
}

} // namespace ql::exec
