// SPDX-License-Identifier: MIT
// Binary element-wise operators with broadcasting beyond ADD/SUB/MUL: DIV, POW, FLOOR_DIV, FLOOR_MOD,
// SQUARED_DIFFERENCE, ATAN2, the comparisons (LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, EQUAL, NOT_EQUAL)
// and LOGICAL_AND / LOGICAL_OR, on float and plain integers; the quantized variants are in
// binary_quantized.cpp.
#include "exec/kernels/binary_math.h"

#include <cmath>
#include <limits>
#include <type_traits>

namespace ql::exec {

namespace {

using model::DType;
using Op = tflite::BuiltinOperator;

// out[i] = f(a[ia], b[ib]) over the broadcast; f may fail (division by zero) by clearing its flag.
template <class TIn, class TOut, class F>
Prepared elementwise(NodeContext& ctx, const Broadcast& bc, F f, const char* failure = "division by zero")
{
    const int a = ctx.inputIndex(0), b = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) -> Status {
        const TIn* x = tensorAt(rc, a).as<TIn>();
        const TIn* z = tensorAt(rc, b).as<TIn>();
        TOut* y = tensorAt(rc, out).as<TOut>();
        bool ok = true;
        bc.forEach(tensorAt(rc, out).count(), [&](std::int64_t i, std::int64_t ia, std::int64_t ib) {
            if constexpr (std::is_same_v<std::invoke_result_t<F, TIn, TIn, bool&>, TOut>) {
                y[i] = f(x[ia], z[ib], ok);
            } else {
                y[i] = static_cast<TOut>(f(x[ia], z[ib], ok));
            }
        });
        if (!ok)
            return Error{failure};
        return {};
    });
}

// A double converted to an integer type as LiteRT's WebAssembly build does it: truncated and saturated
// to int32, then wrapped to the (narrower) type.
template <class T> T fromDouble(double v)
{
    if (!(v == v))
        return 0;
    const double t = std::trunc(v);
    const std::int32_t i = t >= 2147483647.0 ? std::numeric_limits<std::int32_t>::max()
        : t <= -2147483648.0                 ? std::numeric_limits<std::int32_t>::min()
                                             : static_cast<std::int32_t>(t);
    return static_cast<T>(i);
}

template <class T> Prepared arithmetic(NodeContext& ctx, Op op, const Broadcast& bc, FloatRange act)
{
    constexpr bool isFloat = std::is_floating_point_v<T>;
    switch (op) {
    case Op::DIV:
        return elementwise<T, T>(ctx, bc, [act](T x, T z, bool& ok) -> T {
            if constexpr (isFloat) {
                return std::clamp(x / z, act.min, act.max);
            } else {
                if (z == 0) {
                    ok = false;
                    return 0;
                }
                // Integer division truncates toward zero (C++); INT_MIN / -1 wraps as the runtime's.
                if (x == std::numeric_limits<T>::min() && z == -1)
                    return x;
                const T q = static_cast<T>(x / z);
                return static_cast<T>(std::clamp<double>(q, act.min, act.max));
            }
        });
    case Op::FLOOR_DIV:
        // LiteRT fails on a zero divisor for floats too; it floors in double (-2^31 / -1 saturates).
        return elementwise<T, T>(ctx, bc, [](T x, T z, bool& ok) -> T {
            if (z == 0) {
                ok = false;
                return 0;
            }
            if constexpr (isFloat)
                return std::floor(x / z);
            else
                return fromDouble<T>(std::floor(static_cast<double>(x) / static_cast<double>(z)));
        });
    case Op::FLOOR_MOD:
        return elementwise<T, T>(ctx, bc, [](T x, T z, bool& ok) -> T {
            if constexpr (isFloat) {
                T r = std::fmod(x, z);
                if (r != 0 && ((r < 0) != (z < 0)))
                    r += z;
                return r;
            } else {
                if (z == 0) {
                    ok = false;
                    return 0;
                }
                if (z == -1)
                    return 0;
                T r = static_cast<T>(x % z);
                if (r != 0 && ((r < 0) != (z < 0)))
                    r = static_cast<T>(r + z);
                return r;
            }
        });
    case Op::POW:
        return elementwise<T, T>(ctx, bc, [](T x, T z, bool& ok) -> T {
            if constexpr (isFloat) {
                return std::pow(x, z);
            } else {
                if (z < 0) {
                    ok = false; // the runtime refuses negative integer exponents
                    return 0;
                }
                // std::pow in double, converted with saturation (10^10 gives 2^31 - 1).
                return fromDouble<T>(std::pow(static_cast<double>(x), static_cast<double>(z)));
            }
        }, "integer POW does not take negative exponents");
    case Op::ATAN2:
        if constexpr (isFloat)
            return elementwise<T, T>(ctx, bc, [](T x, T z, bool&) -> T { return std::atan2(x, z); });
        else
            return ctx.fail("LiteRT has ATAN2 for float32 only");
    case Op::SQUARED_DIFFERENCE:
        return elementwise<T, T>(ctx, bc, [](T x, T z, bool&) -> T {
            if constexpr (isFloat) {
                const T d = x - z;
                return d * d;
            } else {
                using U = std::make_unsigned_t<T>;
                const U d = static_cast<U>(static_cast<U>(x) - static_cast<U>(z));
                return static_cast<T>(static_cast<U>(d * d));
            }
        });
    default: return ctx.unsupported();
    }
}

template <class T> Prepared comparison(NodeContext& ctx, Op op, const Broadcast& bc)
{
    switch (op) {
    case Op::LESS: return elementwise<T, bool>(ctx, bc, [](T x, T z, bool&) { return x < z; });
    case Op::LESS_EQUAL: return elementwise<T, bool>(ctx, bc, [](T x, T z, bool&) { return x <= z; });
    case Op::GREATER: return elementwise<T, bool>(ctx, bc, [](T x, T z, bool&) { return x > z; });
    case Op::GREATER_EQUAL: return elementwise<T, bool>(ctx, bc, [](T x, T z, bool&) { return x >= z; });
    case Op::EQUAL: return elementwise<T, bool>(ctx, bc, [](T x, T z, bool&) { return x == z; });
    case Op::NOT_EQUAL: return elementwise<T, bool>(ctx, bc, [](T x, T z, bool&) { return x != z; });
    default: return ctx.unsupported();
    }
}

tflite::ActivationFunctionType divActivation(const NodeContext& ctx)
{
    if (const auto* o = ctx.op.options.AsDivOptions())
        return o->fused_activation_function;
    return tflite::ActivationFunctionType::NONE;
}

} // namespace

bool isComparison(tflite::BuiltinOperator op)
{
    return op == Op::LESS || op == Op::LESS_EQUAL || op == Op::GREATER || op == Op::GREATER_EQUAL ||
        op == Op::EQUAL || op == Op::NOT_EQUAL;
}

Prepared prepareBinaryMath(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const Op op = ctx.graph.opcodeOf(ctx.op);
    const DType ta = ctx.in(0).dtype, tb = ctx.in(1).dtype, ty = ctx.out(0).dtype;
    if (ta != tb)
        return ctx.unsupported();
    auto bc = makeBroadcast(ctx);
    if (!bc)
        return bc.error();
    const bool quantized = ctx.in(0).meta->quantization.hasScale() && ta != DType::Float32 && ta != DType::Int32 &&
        ta != DType::Int64;
    if (isComparison(op)) {
        if (ty != DType::Bool)
            return ctx.unsupported();
        if (quantized)
            return prepareQuantizedComparison(ctx, op, *bc);
        // LiteRT rescales 8-bit inputs always; without quantization parameters it aborts.
        if (ta == DType::Int8 || ta == DType::UInt8)
            return ctx.fail("LiteRT compares " + model::dtypeName(ta) + " tensors only with quantization parameters");
        switch (ta) {
        case DType::Float32: return comparison<float>(ctx, op, *bc);
        case DType::Int32: return comparison<std::int32_t>(ctx, op, *bc);
        case DType::Int64: return comparison<std::int64_t>(ctx, op, *bc);
        case DType::Int16: return comparison<std::int16_t>(ctx, op, *bc);
        case DType::Bool:
            if (op == Op::EQUAL || op == Op::NOT_EQUAL)
                return comparison<bool>(ctx, op, *bc);
            break;
        default: break;
        }
        return ctx.unsupported();
    }
    if (op == Op::LOGICAL_AND || op == Op::LOGICAL_OR) {
        if (ta != DType::Bool || ty != DType::Bool)
            return ctx.unsupported();
        if (op == Op::LOGICAL_AND)
            return elementwise<bool, bool>(ctx, *bc, [](bool x, bool z, bool&) { return x && z; });
        return elementwise<bool, bool>(ctx, *bc, [](bool x, bool z, bool&) { return x || z; });
    }
    if (ty != ta)
        return ctx.unsupported();
    if (quantized)
        return prepareQuantizedBinaryMath(ctx, op, *bc);
    const FloatRange act = floatActivationRange(op == Op::DIV ? divActivation(ctx) : tflite::ActivationFunctionType::NONE);
    switch (ta) {
    case DType::Float32: return arithmetic<float>(ctx, op, *bc, act);
    case DType::Int32: return arithmetic<std::int32_t>(ctx, op, *bc, act);
    case DType::Int64:
        // LiteRT has int64 FLOOR_MOD only (no DIV, POW, FLOOR_DIV or SQUARED_DIFFERENCE).
        if (op != Op::FLOOR_MOD)
            break;
        return arithmetic<std::int64_t>(ctx, op, *bc, act);
    case DType::Int16:
    case DType::Int8:
        if (op != Op::FLOOR_DIV && op != Op::FLOOR_MOD)
            break;
        return ta == DType::Int16 ? arithmetic<std::int16_t>(ctx, op, *bc, act)
                                  : arithmetic<std::int8_t>(ctx, op, *bc, act);
    default: break;
    }
    return ctx.unsupported();
}

} // namespace ql::exec
