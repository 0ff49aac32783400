// SPDX-License-Identifier: MIT
// QUANTIZE (float -> integer, integer -> integer), DEQUANTIZE (integer or float16 -> float) and FAKE_QUANT
// (float -> float through a quantization grid, as models converted from old quantization-aware training keep it).
#include "exec/half.h"
#include "exec/kernels/common.h"
#include "model/validate.h"

#include <array>
#include <cmath>
#include <type_traits>

namespace ql::exec {

namespace {

using model::DType;

template <class TOut> Prepared quantizeFromFloat(NodeContext& ctx)
{
    const RtTensor& y = ctx.out(0);
    const float scale = y.scale();
    if (!(scale > 0))
        return ctx.fail("output scale must be positive");
    const std::int32_t zp = y.zeroPoint();
    const QuantRange r = typeRange(y.dtype);
    const Rounding rounding = ctx.rounding;
    const float inv = 1.0f / scale;
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* x = tensorAt(rc, in).as<float>();
        TOut* o = tensorAt(rc, out).as<TOut>();
        const std::int64_t n = tensorAt(rc, out).count();
        if constexpr (std::is_same_v<TOut, std::int16_t>) {
            // XNNPACK has no int16 QUANTIZE: LiteRT runs TFLite's optimized kernel, which divides
            // in double (the reference kernel in float).
            if (rounding == Rounding::Xnnpack) {
                for (std::int64_t i = 0; i < n; ++i) {
                    // NaN converts to 0 (WebAssembly's saturating conversion), then the zero point.
                    const double v = std::isnan(x[i]) ? 0.0 : std::round(static_cast<double>(x[i]) / static_cast<double>(scale));
                    o[i] = static_cast<TOut>(std::clamp(static_cast<std::int64_t>(std::clamp(v, -1e9, 1e9)) + zp,
                        static_cast<std::int64_t>(r.min), static_cast<std::int64_t>(r.max)));
                }
                return;
            }
        }
        if (rounding == Rounding::Reference) {
            // TFLite: round(x / scale) half away from zero, then the zero point.
            for (std::int64_t i = 0; i < n; ++i)
                o[i] = static_cast<TOut>(std::clamp(roundToInt32((x[i] / scale)) + zp, r.min, r.max));
        } else {
            // XNNPACK: x * (1 / scale), clamped, rounded half to even.
            for (std::int64_t i = 0; i < n; ++i) {
                if (std::isnan(x[i])) { // LiteRT's WebAssembly XNNPACK: NaN saturates by its sign bit
                    o[i] = static_cast<TOut>(std::signbit(x[i]) ? r.min : r.max);
                    continue;
                }
                const float v = std::clamp(x[i] * inv, static_cast<float>(r.min - zp), static_cast<float>(r.max - zp));
                o[i] = static_cast<TOut>(roundHalfEven(v) + zp);
            }
        }
    });
}

// An integer-to-integer conversion `convert(code)`: for an 8-bit input, a table of its 256 codes computed
// once at prepare; otherwise element by element.
template <class TIn, class TOut, class F> Prepared conversionKernel(NodeContext& ctx, F convert)
{
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    if constexpr (sizeof(TIn) == 1) {
        std::array<TOut, 256> table{};
        for (int code = 0; code < 256; ++code)
            table[static_cast<std::size_t>(code)] = static_cast<TOut>(
                convert(static_cast<std::int32_t>(static_cast<TIn>(static_cast<std::uint8_t>(code)))));
        return makeKernel([=](const RunContext& rc) {
            const auto* xi = reinterpret_cast<const std::uint8_t*>(tensorAt(rc, in).as<TIn>());
            TOut* o = tensorAt(rc, out).as<TOut>();
            for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i)
                o[i] = table[xi[i]];
        });
    } else {
        return makeKernel([=](const RunContext& rc) {
            const TIn* xi = tensorAt(rc, in).as<TIn>();
            TOut* o = tensorAt(rc, out).as<TOut>();
            for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i)
                o[i] = static_cast<TOut>(convert(static_cast<std::int32_t>(xi[i])));
        });
    }
}

template <class TIn, class TOut> Prepared requantize(NodeContext& ctx)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    const float ratio = x.scale() / y.scale();
    const std::int32_t zpIn = x.zeroPoint();
    if (ctx.rounding == Rounding::Xnnpack && std::is_same_v<TIn, TOut> && sizeof(TIn) == 1 && ratio >= 1.0f / 256 &&
        ratio <= 128) {
        // XNNPACK's same-type convert: a multiplier with 8 fractional bits.
        const std::int32_t mult = roundHalfEven(256.0f * ratio);
        const std::int32_t zpOut = y.zeroPoint();
        const QuantRange r = typeRange(y.dtype);
        return conversionKernel<TIn, TOut>(ctx, [=](std::int32_t code) {
            return std::clamp((((code - zpIn) * mult + 128) >> 8) + zpOut, r.min, r.max);
        });
    }
    // Everything else runs TFLite's built-in kernel in both runtimes: the fixed-point multiplier.
    const auto req =
        makeRequantizer(x.scale(), {1.0f}, y.scale(), y.zeroPoint(), typeRange(y.dtype), Rounding::Reference);
    return conversionKernel<TIn, TOut>(ctx, [=](std::int32_t code) { return req.apply(code - zpIn, 0); });
}

template <class TIn> Prepared dequantizeInteger(NodeContext& ctx)
{
    const RtTensor& x = ctx.in(0);
    const auto& q = x.quantization();
    if (q.scale.empty())
        return ctx.fail("input has no quantization scale");
    // Per-channel (weights) or per-tensor.
    std::int64_t inner = 1, channels = 1;
    if (q.scale.size() > 1) {
        channels = static_cast<std::int64_t>(q.scale.size());
        for (int d = model::channelAxis(*x.meta) + 1; d < x.rank(); ++d)
            inner *= x.dim(d);
    }
    std::vector<float> scales(q.scale.begin(), q.scale.end());
    std::vector<std::int32_t> zps;
    for (std::size_t c = 0; c < scales.size(); ++c)
        zps.push_back(q.zeroPoint.empty() ? 0 : static_cast<std::int32_t>(q.zeroPoint[c]));
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const TIn* xi = tensorAt(rc, in).as<TIn>();
        float* o = tensorAt(rc, out).as<float>();
        const std::int64_t n = tensorAt(rc, out).count();
        for (std::int64_t i = 0; i < n; ++i) {
            const auto c = static_cast<std::size_t>(channels == 1 ? 0 : (i / inner) % channels);
            o[i] = static_cast<float>(static_cast<std::int32_t>(xi[i]) - zps[c]) * scales[c];
        }
    });
}

} // namespace

Prepared prepareQuantize(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    if (y.quantization().scale.size() > 1)
        return ctx.fail("per-channel quantization of activations is not supported");
    const DType a = x.dtype, b = y.dtype;
    if (a == DType::Float32) {
        if (b == DType::Int8)
            return quantizeFromFloat<std::int8_t>(ctx);
        if (b == DType::UInt8)
            return quantizeFromFloat<std::uint8_t>(ctx);
        if (b == DType::Int16)
            return quantizeFromFloat<std::int16_t>(ctx);
    }
    if (a == DType::Int8 && b == DType::Int8)
        return requantize<std::int8_t, std::int8_t>(ctx);
    if (a == DType::UInt8 && b == DType::Int8)
        return requantize<std::uint8_t, std::int8_t>(ctx);
    if (a == DType::Int8 && b == DType::UInt8)
        return requantize<std::int8_t, std::uint8_t>(ctx);
    if (a == DType::UInt8 && b == DType::UInt8)
        return requantize<std::uint8_t, std::uint8_t>(ctx);
    if (a == DType::Int16 && b == DType::Int16)
        return requantize<std::int16_t, std::int16_t>(ctx);
    if (a == DType::Int16 && b == DType::Int8)
        return requantize<std::int16_t, std::int8_t>(ctx);
    if (a == DType::Int8 && b == DType::Int16)
        return requantize<std::int8_t, std::int16_t>(ctx);
    if (a == DType::UInt8 && b == DType::Int16)
        return requantize<std::uint8_t, std::int16_t>(ctx);
    if (a == DType::Int32 && b == DType::Int16)
        return requantize<std::int32_t, std::int16_t>(ctx);
    if (a == DType::Int16 && b == DType::Int32)
        return requantize<std::int16_t, std::int32_t>(ctx);
    if (a == DType::Int32 && b == DType::Int8)
        return requantize<std::int32_t, std::int8_t>(ctx);
    return ctx.unsupported();
}

Prepared prepareDequantize(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    if (ctx.out(0).dtype != DType::Float32)
        return ctx.fail("output must be float32");
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    switch (x.dtype) {
    case DType::Float16:
        return makeKernel([=](const RunContext& rc) {
            const auto* h = tensorAt(rc, in).as<std::uint16_t>();
            float* o = tensorAt(rc, out).as<float>();
            for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i)
                o[i] = halfToFloat(h[i]);
        });
    case DType::Int8: return dequantizeInteger<std::int8_t>(ctx);
    case DType::UInt8: return dequantizeInteger<std::uint8_t>(ctx);
    case DType::Int16: return dequantizeInteger<std::int16_t>(ctx);
    default: return ctx.unsupported();
    }
}

// FAKE_QUANT: the range [min, max] nudged so that 0 is on the grid of 2^num_bits codes, then each value clamped to it and rounded to the grid (half away from zero), in float.
Prepared prepareFakeQuant(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    if (ctx.in(0).dtype != DType::Float32 || ctx.out(0).dtype != DType::Float32)
        return ctx.fail("FAKE_QUANT takes and gives float32 (" + ctx.dtypes() + ")");
    const auto* o = ctx.op.options.AsFakeQuantOptions();
    if (!o)
        return ctx.fail("has no FakeQuantOptions");
    if (o->narrow_range)
        return ctx.fail("FAKE_QUANT with narrow_range is not supported (LiteRT refuses it too)");
    if (o->num_bits < 2 || o->num_bits > 16)
        return ctx.fail("num_bits must be 2 to 16, got " + std::to_string(o->num_bits));
    if (!(o->max > o->min) || !std::isfinite(o->max - o->min))
        return ctx.fail("the range [" + std::to_string(o->min) + ", " + std::to_string(o->max) + "] is empty");
    if (auto st = ctx.setOutputShape(0, ctx.in(0).shape); !st)
        return st.error();
    const float qmin = 0.0f;
    const float qmax = static_cast<float>((1 << o->num_bits) - 1);
    const float scale = (o->max - o->min) / (qmax - qmin);
    const float zpFromMin = qmin - o->min / scale;
    const float zp = zpFromMin < qmin ? qmin : (zpFromMin > qmax ? qmax : std::round(zpFromMin));
    const float lo = (qmin - zp) * scale, hi = (qmax - zp) * scale;
    const float inv = 1.0f / scale;
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* x = tensorAt(rc, in).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i) {
            const float shifted = std::min(hi, std::max(lo, x[i])) - lo;
            y[i] = std::round(shifted * inv) * scale + lo;
        }
    });
}

} // namespace ql::exec
