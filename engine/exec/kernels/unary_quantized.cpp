// SPDX-License-Identifier: MIT
// Quantized unary maths (docs/arithmetic.md). XNNPACK takes only ELU among these (int8, its own
// table); everything else runs TFLite's kernels in LiteRT:
//   ABS: |q - z_in| rescaled; NEG: the code negated (quantization ignored, as the runtimes do);
//   SQRT: computed in float and truncated; RSQRT int8: a fixed-point inverse square root;
//   EXP, LOG, GELU, ELU and RSQRT int16: lookup tables (256 entries for 8-bit codes, 513
//   interpolated entries for 16-bit ones).
#include "exec/kernels/unary_math.h"

#include "exec/fixed_point.h"
#include "exec/lut.h"

#include <cmath>
#include <functional>

namespace ql::exec {

namespace {

using model::DType;
using Op = tflite::BuiltinOperator;

template <class T> Prepared applyTable(NodeContext& ctx, Lut8<T> table)
{
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* x = tensorAt(rc, in).as<T>();
        T* y = tensorAt(rc, out).as<T>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i)
            y[i] = table[static_cast<std::uint8_t>(x[i])];
    });
}

Prepared applyTable16(NodeContext& ctx, Lut16 table)
{
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const auto* x = tensorAt(rc, in).as<std::int16_t>();
        auto* y = tensorAt(rc, out).as<std::int16_t>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i)
            y[i] = table.lookup(x[i]);
    });
}

// A function of the real value through TFLite's tables: 256 entries for int8 / uint8, 513 for int16.
Prepared tabulated(NodeContext& ctx, const std::function<float(float)>& f, bool int16ZeroPointsZero = true)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    switch (x.dtype) {
    case DType::Int8: return applyTable(ctx, tfliteTable<std::int8_t>(x.scale(), x.zeroPoint(), y.scale(), y.zeroPoint(), f));
    case DType::UInt8:
        return applyTable(ctx, tfliteTable<std::uint8_t>(x.scale(), x.zeroPoint(), y.scale(), y.zeroPoint(), f));
    case DType::Int16:
        if (int16ZeroPointsZero && (x.zeroPoint() != 0 || y.zeroPoint() != 0))
            return ctx.fail("int16 input and output must have zero point 0");
        return applyTable16(ctx, int16Table<float>(x.scale(), x.zeroPoint(), y.scale(), y.zeroPoint(), f));
    default: return ctx.unsupported();
    }
}

template <class T> Prepared quantizedAbs(NodeContext& ctx)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (sizeof(T) == 2 && (x.zeroPoint() != 0 || y.zeroPoint() != 0))
        return ctx.fail("int16 input and output must have zero point 0");
    const bool sameScale = x.scale() == y.scale();
    const FixedMultiplier m = quantizeMultiplier(static_cast<double>(x.scale() / y.scale()));
    const std::int32_t zi = x.zeroPoint(), zo = y.zeroPoint();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, in).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i) {
            const std::int32_t v = std::abs(static_cast<std::int32_t>(xi[i]) - zi);
            const std::int32_t r = sameScale ? v : multiplyByQuantizedMultiplier(v, m);
            yo[i] = static_cast<T>(addClamped(r, zo, qmin<T>(), qmax<T>()));
        }
    });
}

template <class T> Prepared rawNegation(NodeContext& ctx)
{
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, in).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i)
            yo[i] = static_cast<T>(-static_cast<std::int32_t>(xi[i]));
    });
}

template <class T> Prepared quantizedSqrt(NodeContext& ctx)
{
    const float sIn = ctx.in(0).scale(), sOut = ctx.out(0).scale();
    const std::int32_t zi = ctx.in(0).zeroPoint(), zo = ctx.out(0).zeroPoint();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) -> Status {
        const T* xi = tensorAt(rc, in).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i) {
            const float d = sIn * static_cast<float>(static_cast<std::int32_t>(xi[i]) - zi);
            if (d < 0)
                return Error{"the square root of a negative value (code " + std::to_string(xi[i]) + ")"};
            const auto t = saturatingToInt32(std::trunc(std::sqrt(d) / sOut));
            yo[i] = static_cast<T>(addClamped(t, zo, qmin<T>(), qmax<T>()));
        }
        return {};
    });
}

Prepared rsqrtInt8(NodeContext& ctx)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    const FixedMultiplier m = quantizeMultiplier(1.0 / static_cast<double>(std::sqrt(x.scale()) * y.scale()));
    const std::int32_t zi = x.zeroPoint(), zo = y.zeroPoint();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) -> Status {
        const auto* xi = tensorAt(rc, in).as<std::int8_t>();
        auto* yo = tensorAt(rc, out).as<std::int8_t>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i) {
            const std::int32_t v = static_cast<std::int32_t>(xi[i]) - zi;
            if (v < 0)
                return Error{"the inverse square root of a negative value (code " + std::to_string(xi[i]) + ")"};
            if (v == 0) {
                yo[i] = 127;
                continue;
            }
            const FixedMultiplier inv = fixed::invSqrt(v);
            const std::int32_t d = multiplyByQuantizedMultiplier(1, {inv.multiplier, inv.shift + 20});
            yo[i] = static_cast<std::int8_t>(
                addClamped(multiplyByQuantizedMultiplier(d, {m.multiplier, m.shift - 20}), zo, -128, 127));
        }
        return {};
    });
}

Prepared quantizedElu(NodeContext& ctx)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (x.dtype != DType::Int8)
        return ctx.unsupported();
    if (ctx.rounding == Rounding::Xnnpack) // XNNPACK's table, expm1
        return applyTable(ctx, xnnpackTable<std::int8_t>(x.scale(), x.zeroPoint(), y.scale(), y.zeroPoint(),
                                   [](float v) { return v < 0 ? std::expm1(v) : v; }));
    // tflite-micro: exp minus one in float.
    return applyTable(ctx, tfliteTable<std::int8_t>(x.scale(), x.zeroPoint(), y.scale(), y.zeroPoint(),
                               [](float v) { return v < 0 ? std::exp(v) - 1.0f : v; }));
}

Prepared quantizedGelu(NodeContext& ctx)
{
    const auto* o = ctx.op.options.AsGeluOptions();
    if (o && o->approximate)
        return tabulated(
            ctx,
            [](float x) {
                const auto k = static_cast<float>(2.0 / std::sqrt(3.141592653589793) * 0.7071067811865476);
                return (0.5f * x) * (1.0f + std::tanh(k * (x + ((0.044715f * x) * x) * x)));
            },
            false);
    return tabulated(
        ctx, [](float x) { return (0.5f * x) * std::erfc(x * (-1.0f / std::sqrt(2.0f))); }, false);
}

} // namespace

Prepared prepareQuantizedUnaryMath(NodeContext& ctx, tflite::BuiltinOperator op)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    const DType t = x.dtype;
    const bool reference = ctx.rounding == Rounding::Reference;
    // tflite-micro has float-only kernels for most of these.
    auto microLacks = [&]() { return ctx.fail("tflite-micro has no " + ctx.graph.opName(ctx.op) + " kernel for " + model::dtypeName(t)); };
    switch (op) {
    case Op::ABS:
        if (t == DType::Int8)
            return quantizedAbs<std::int8_t>(ctx);
        if (t == DType::Int16)
            return quantizedAbs<std::int16_t>(ctx);
        break;
    case Op::NEG:
        if (reference)
            return microLacks();
        if (t == DType::Int8)
            return rawNegation<std::int8_t>(ctx);
        if (t == DType::Int16)
            return rawNegation<std::int16_t>(ctx);
        break;
    case Op::SQRT:
        if (reference)
            return microLacks();
        if (t == DType::Int8)
            return quantizedSqrt<std::int8_t>(ctx);
        if (t == DType::Int16)
            return quantizedSqrt<std::int16_t>(ctx);
        break;
    case Op::RSQRT:
        if (t == DType::Int8)
            return rsqrtInt8(ctx);
        if (t == DType::Int16 && !reference) {
            const float sOut = y.scale();
            return tabulated(ctx, [sOut](float v) { return v <= 0 ? 32767.0f * sOut : 1.0f / std::sqrt(v); });
        }
        break;
    case Op::EXP:
        if (reference)
            return microLacks();
        if (t == DType::Int8 || t == DType::Int16)
            return tabulated(ctx, [](float v) { return std::exp(v); });
        break;
    case Op::LOG: {
        if (reference)
            return microLacks();
        const auto lowest = static_cast<float>(typeRange(t).min - y.zeroPoint()) * y.scale();
        if (t == DType::Int8 || t == DType::Int16)
            return tabulated(ctx, [lowest](float v) { return v <= 0 ? lowest : std::log(v); });
        break;
    }
    case Op::GELU:
        if (reference)
            return microLacks();
        return quantizedGelu(ctx);
    case Op::ELU: return quantizedElu(ctx);
    default: break;
    }
    return ctx.unsupported();
}

} // namespace ql::exec
