// SPDX-License-Identifier: MIT
// Unary element-wise maths: ABS, NEG, SQUARE, SQRT, RSQRT, EXP, LOG, SIN, COS, FLOOR, CEIL, ROUND,
// SIGN, LOGICAL_NOT, GELU, ELU on float and plain integers; the quantized variants are in
// unary_quantized.cpp.
#include "exec/kernels/unary_math.h"

#include "exec/xnn_math.h"

#include <cmath>
#include <type_traits>

namespace ql::exec {

namespace {

using model::DType;
using Op = tflite::BuiltinOperator;

template <class TIn, class TOut, class F> Prepared mapElements(NodeContext& ctx, F f)
{
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const TIn* x = tensorAt(rc, in).as<TIn>();
        TOut* y = tensorAt(rc, out).as<TOut>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i)
            y[i] = f(x[i]);
    });
}

Prepared floatMath(NodeContext& ctx, Op op)
{
    switch (op) {
    case Op::ABS: return mapElements<float, float>(ctx, [](float v) { return std::fabs(v); });
    case Op::NEG: return mapElements<float, float>(ctx, [](float v) { return -v; });
    case Op::SQUARE: return mapElements<float, float>(ctx, [](float v) { return v * v; });
    case Op::SQRT: return mapElements<float, float>(ctx, [](float v) { return std::sqrt(v); });
    case Op::RSQRT: return mapElements<float, float>(ctx, [](float v) { return 1.0f / std::sqrt(v); });
    case Op::EXP: return mapElements<float, float>(ctx, [](float v) { return std::exp(v); });
    case Op::LOG:
        // XNNPACK's log gives finite values for +inf and huge inputs (log(inf) = 88.376); TFLite's
        // reference kernel is the C library's.
        if (ctx.rounding == Rounding::Xnnpack)
            return mapElements<float, float>(ctx, [](float v) { return xnn::logf(v); });
        return mapElements<float, float>(ctx, [](float v) { return std::log(v); });
    case Op::SIN: return mapElements<float, float>(ctx, [](float v) { return std::sin(v); });
    case Op::COS: return mapElements<float, float>(ctx, [](float v) { return std::cos(v); });
    case Op::FLOOR: return mapElements<float, float>(ctx, [](float v) { return std::floor(v); });
    case Op::CEIL: return mapElements<float, float>(ctx, [](float v) { return std::ceil(v); });
    // Half to even, as TFLite's RoundToNearest and XNNPACK's bankers rounding.
    case Op::ROUND: return mapElements<float, float>(ctx, [](float v) { return std::nearbyint(v); });
    case Op::SIGN:
        return mapElements<float, float>(ctx, [](float v) { return static_cast<float>((v > 0.0f) - (v < 0.0f)); });
    case Op::ELU: return mapElements<float, float>(ctx, [](float v) { return v < 0.0f ? std::expm1(v) : v; });
    case Op::GELU: {
        const auto* o = ctx.op.options.AsGeluOptions();
        if (o && o->approximate)
            return mapElements<float, float>(ctx, [](float v) {
                constexpr float k = 0.7978845608028654f; // sqrt(2 / pi)
                return 0.5f * v * (1.0f + std::tanh(k * (v + 0.044715f * v * v * v)));
            });
        return mapElements<float, float>(ctx, [](float v) {
            return static_cast<float>(0.5 * v * (1.0 + std::erf(static_cast<double>(v) * 0.7071067811865476)));
        });
    }
    default: return ctx.unsupported();
    }
}

template <class T> Prepared integerMath(NodeContext& ctx, Op op)
{
    using U = std::make_unsigned_t<T>;
    // The integer types LiteRT's kernels take: ABS int16 (unquantized) and int32 (int8 only quantized),
    // NEG int8 to int64, SIGN int32; SQUARE is float only.
    constexpr int bits = 8 * sizeof(T);
    const bool taken = (op == Op::ABS && (bits == 16 || bits == 32)) || op == Op::NEG || (op == Op::SIGN && bits == 32);
    if (!taken)
        return ctx.fail("LiteRT has no " + ctx.graph.opName(ctx.op) + " for " + model::dtypeName(ctx.in(0).dtype));
    switch (op) {
    // Wrapping like C++ on two's complement: abs(INT_MIN) and -INT_MIN stay INT_MIN.
    case Op::ABS: return mapElements<T, T>(ctx, [](T v) { return v < 0 ? static_cast<T>(U(0) - static_cast<U>(v)) : v; });
    case Op::NEG: return mapElements<T, T>(ctx, [](T v) { return static_cast<T>(U(0) - static_cast<U>(v)); });
    case Op::SQUARE:
        return mapElements<T, T>(ctx, [](T v) { return static_cast<T>(static_cast<U>(v) * static_cast<U>(v)); });
    case Op::SIGN: return mapElements<T, T>(ctx, [](T v) { return static_cast<T>((v > 0) - (v < 0)); });
    default: return ctx.unsupported();
    }
}

} // namespace

Prepared prepareUnaryMath(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const DType t = x.dtype;
    const Op op = ctx.graph.opcodeOf(ctx.op);
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    if (op == Op::LOGICAL_NOT) {
        if (t != DType::Bool || ctx.out(0).dtype != DType::Bool)
            return ctx.unsupported();
        return mapElements<bool, bool>(ctx, [](bool v) { return !v; });
    }
    if (ctx.out(0).dtype != t)
        return ctx.unsupported();
    if (x.meta->quantization.hasScale() && (t == DType::Int8 || t == DType::UInt8 || t == DType::Int16))
        return prepareQuantizedUnaryMath(ctx, op);
    switch (t) {
    case DType::Float32: return floatMath(ctx, op);
    case DType::Int32: return integerMath<std::int32_t>(ctx, op);
    case DType::Int64: return integerMath<std::int64_t>(ctx, op);
    case DType::Int16: return integerMath<std::int16_t>(ctx, op);
    case DType::Int8: return integerMath<std::int8_t>(ctx, op);
    default: return ctx.unsupported();
    }
}

} // namespace ql::exec
