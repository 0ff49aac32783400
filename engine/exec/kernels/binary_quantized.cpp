// SPDX-License-Identifier: MIT
// Quantized variants of the binary element-wise operators of binary_math.cpp. XNNPACK takes none of
// them, so LiteRT and tflite-micro both run TFLite's integer kernels (docs/arithmetic.md):
//   comparisons: both sides rescaled to a common fixed-point value (shifted left by 8, times their
//     own scale), then compared;
//   DIV: a fixed-point reciprocal of the divisor (Newton-Raphson), then the multiplier; shifts of 32
//     or more behave as in LiteRT's WebAssembly build;
//   SQUARED_DIFFERENCE: both inputs on twice the larger scale, the square rescaled.
#include "exec/kernels/binary_math.h"

#include "exec/fixed_point.h"

namespace ql::exec {

namespace {

using model::DType;
using Op = tflite::BuiltinOperator;

template <class T> const T* dataOf(const RunContext& rc, int i)
{
    return tensorAt(rc, i).as<T>();
}

// The common fixed-point value of a quantized comparison operand.
struct Rescale {
    FixedMultiplier m;
    std::int32_t zeroPoint;
    std::int32_t apply(std::int32_t q) const { return multiplyByQuantizedMultiplier((q - zeroPoint) * 256, m); }
};

template <class T> Prepared compareAs(NodeContext& ctx, Op op, const Broadcast& bc)
{
    const Rescale a{quantizeMultiplier(static_cast<double>(ctx.in(0).scale())), ctx.in(0).zeroPoint()};
    const Rescale b{quantizeMultiplier(static_cast<double>(ctx.in(1).scale())), ctx.in(1).zeroPoint()};
    const int ia = ctx.inputIndex(0), ib = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* x = dataOf<T>(rc, ia);
        const T* z = dataOf<T>(rc, ib);
        bool* y = tensorAt(rc, out).as<bool>();
        bc.forEach(tensorAt(rc, out).count(), [&](std::int64_t i, std::int64_t ja, std::int64_t jb) {
            const std::int32_t u = a.apply(x[ja]), v = b.apply(z[jb]);
            switch (op) {
            case Op::LESS: y[i] = u < v; break;
            case Op::LESS_EQUAL: y[i] = u <= v; break;
            case Op::GREATER: y[i] = u > v; break;
            case Op::GREATER_EQUAL: y[i] = u >= v; break;
            case Op::EQUAL: y[i] = u == v; break;
            default: y[i] = u != v; break;
            }
        });
    });
}

template <class T> Prepared quantizedDiv(NodeContext& ctx, const Broadcast& bc)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& z = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    if (z.quantization().scale.size() > 1)
        return ctx.fail("a per-channel divisor is not supported");
    // The ratio in float, as TFLite computes it before the fixed-point split.
    const FixedMultiplier m = quantizeMultiplier(static_cast<double>(x.scale() / (z.scale() * y.scale())));
    const std::int32_t z1 = x.zeroPoint(), z2 = z.zeroPoint(), zo = y.zeroPoint();
    const auto* o = ctx.op.options.AsDivOptions();
    const QuantRange r = quantActivationRange(o ? o->fused_activation_function : tflite::ActivationFunctionType::NONE,
        y.scale(), zo, typeRange(y.dtype).min, typeRange(y.dtype).max);
    const int ia = ctx.inputIndex(0), ib = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) -> Status {
        const T* xi = dataOf<T>(rc, ia);
        const T* zi = dataOf<T>(rc, ib);
        T* yo = tensorAt(rc, out).as<T>();
        const std::int64_t nz = tensorAt(rc, ib).count();
        for (std::int64_t k = 0; k < nz; ++k)
            if (static_cast<std::int32_t>(zi[k]) == z2)
                return Error{"division by zero (a divisor code equals its zero point)"};
        bc.forEach(tensorAt(rc, out).count(), [&](std::int64_t i, std::int64_t ja, std::int64_t jb) {
            std::int32_t a = static_cast<std::int32_t>(xi[ja]) - z1, b = static_cast<std::int32_t>(zi[jb]) - z2;
            if (b < 0) {
                a = -a;
                b = -b;
            }
            const int h = fixed::countLeadingZeros32(static_cast<std::uint32_t>(b));
            const int rs = 31 - h;
            // 1 / b as a fixed-point reciprocal of b normalised into [1, 2).
            const auto u = static_cast<std::int32_t>((static_cast<std::uint32_t>(b) << h) - 0x80000000u);
            const std::int32_t inv = fixed::oneOverOnePlusX<32>(u);
            const int hr = fixed::countLeadingSignBits32(a);
            const std::int32_t uq = saturatingRoundingDoublingHighMul(
                static_cast<std::int32_t>(static_cast<std::uint32_t>(a) << hr), inv);
            const int t = m.shift - rs - hr;
            const std::int32_t scaled = saturatingRoundingDoublingHighMul(uq, m.multiplier);
            const std::int32_t v = t >= 0 ? static_cast<std::int32_t>(static_cast<std::uint32_t>(scaled) << std::min(t, 31))
                                          : fixed::rdbpotWasm(scaled, -t);
            yo[i] = static_cast<T>(addClamped(v, zo, r.min, r.max));
        });
        return {};
    });
}

template <class T> Prepared quantizedSquaredDifference(NodeContext& ctx, const Broadcast& bc, int leftShift)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& z = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const double twice = 2.0 * std::max(x.scale(), z.scale());
    const FixedMultiplier m1 = quantizeMultiplier(x.scale() / twice);
    const FixedMultiplier m2 = quantizeMultiplier(z.scale() / twice);
    const double outReal = twice * twice / ((1 << 14) * static_cast<double>(y.scale()));
    if (ctx.rounding == Rounding::Xnnpack && !(outReal < 1.0))
        return ctx.fail("the output scale is too small for the inputs' (LiteRT aborts on this operator)");
    const FixedMultiplier mo = quantizeMultiplier(outReal);
    const std::int32_t z1 = x.zeroPoint(), z2 = z.zeroPoint(), zo = y.zeroPoint();
    const QuantRange r = typeRange(y.dtype);
    const int ia = ctx.inputIndex(0), ib = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = dataOf<T>(rc, ia);
        const T* zi = dataOf<T>(rc, ib);
        T* yo = tensorAt(rc, out).as<T>();
        bc.forEach(tensorAt(rc, out).count(), [&](std::int64_t i, std::int64_t ja, std::int64_t jb) {
            const std::int32_t a = multiplyByQuantizedMultiplier((static_cast<std::int32_t>(xi[ja]) - z1) * (1 << leftShift), m1);
            const std::int32_t b = multiplyByQuantizedMultiplier((static_cast<std::int32_t>(zi[jb]) - z2) * (1 << leftShift), m2);
            const std::int32_t d = a - b;
            yo[i] = static_cast<T>(addClamped(multiplyByQuantizedMultiplier(d * d, mo), zo, r.min, r.max));
        });
    });
}

// LiteRT orders quantized int16 values by their raw codes (only EQUAL and NOT_EQUAL rescale them).
Prepared compareInt16Codes(NodeContext& ctx, Op op, const Broadcast& bc)
{
    const int ia = ctx.inputIndex(0), ib = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const auto* x = dataOf<std::int16_t>(rc, ia);
        const auto* z = dataOf<std::int16_t>(rc, ib);
        bool* y = tensorAt(rc, out).as<bool>();
        bc.forEach(tensorAt(rc, out).count(), [&](std::int64_t i, std::int64_t ja, std::int64_t jb) {
            switch (op) {
            case Op::LESS: y[i] = x[ja] < z[jb]; break;
            case Op::LESS_EQUAL: y[i] = x[ja] <= z[jb]; break;
            case Op::GREATER: y[i] = x[ja] > z[jb]; break;
            default: y[i] = x[ja] >= z[jb]; break;
            }
        });
    });
}

} // namespace

Prepared prepareQuantizedComparison(NodeContext& ctx, tflite::BuiltinOperator op, const Broadcast& bc)
{
    switch (ctx.in(0).dtype) {
    case DType::Int8: return compareAs<std::int8_t>(ctx, op, bc);
    case DType::UInt8: return compareAs<std::uint8_t>(ctx, op, bc);
    case DType::Int16:
        if (ctx.rounding == Rounding::Reference)
            return ctx.fail("tflite-micro has no int16 comparison (" + ctx.dtypes() + ")");
        if (op != Op::EQUAL && op != Op::NOT_EQUAL)
            return compareInt16Codes(ctx, op, bc);
        return compareAs<std::int16_t>(ctx, op, bc);
    default: return ctx.unsupported();
    }
}

Prepared prepareQuantizedBinaryMath(NodeContext& ctx, tflite::BuiltinOperator op, const Broadcast& bc)
{
    const DType t = ctx.in(0).dtype;
    if (op == Op::DIV) {
        if (t == DType::Int8)
            return quantizedDiv<std::int8_t>(ctx, bc);
        if (t == DType::UInt8 && ctx.rounding == Rounding::Xnnpack)
            return quantizedDiv<std::uint8_t>(ctx, bc);
        if (t == DType::Int16 && ctx.rounding == Rounding::Xnnpack)
            return quantizedDiv<std::int16_t>(ctx, bc);
    }
    if (op == Op::SQUARED_DIFFERENCE) {
        if (t == DType::Int8)
            return quantizedSquaredDifference<std::int8_t>(ctx, bc, 7);
        if (t == DType::Int16 && ctx.rounding == Rounding::Reference)
            return quantizedSquaredDifference<std::int16_t>(ctx, bc, 0);
    }
    if ((op == Op::FLOOR_DIV || op == Op::FLOOR_MOD) && (t == DType::Int8 || t == DType::Int16))
        return ctx.fail("the runtimes run " + std::string(op == Op::FLOOR_DIV ? "FLOOR_DIV" : "FLOOR_MOD") +
            " on the codes of quantized tensors, which has no meaning; QuantLens refuses it");
    return ctx.unsupported();
}

} // namespace ql::exec
