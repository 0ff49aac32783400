// SPDX-License-Identifier: MIT
// Binary element-wise operators with broadcasting: ADD, SUB, MUL, MAXIMUM, MINIMUM.
#include "exec/kernels/common.h"
#include "quant/op_rules.h"

#include <cmath>
#include <limits>
#include <sstream>
#include <type_traits>

namespace ql::exec {

namespace {

using model::DType;
enum class BinOp { Add, Sub, Mul, Max, Min };

tflite::ActivationFunctionType fusedActivation(NodeContext& ctx)
{
    if (const auto* o = ctx.op.options.AsAddOptions())
        return o->fused_activation_function;
    if (const auto* o = ctx.op.options.AsSubOptions())
        return o->fused_activation_function;
    if (const auto* o = ctx.op.options.AsMulOptions())
        return o->fused_activation_function;
    return tflite::ActivationFunctionType::NONE;
}

Prepared prepareFloat(NodeContext& ctx, BinOp op, Broadcast bc, FloatRange r)
{
    const int a = ctx.inputIndex(0), b = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* x = tensorAt(rc, a).as<float>();
        const float* z = tensorAt(rc, b).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        const std::int64_t n = tensorAt(rc, out).count();
        bc.forEach(n, [&](std::int64_t i, std::int64_t ia, std::int64_t ib) {
            float v;
            switch (op) {
            case BinOp::Add: v = x[ia] + z[ib]; break;
            case BinOp::Sub: v = x[ia] - z[ib]; break;
            case BinOp::Mul: v = x[ia] * z[ib]; break;
            case BinOp::Max: v = std::max(x[ia], z[ib]); break;
            default: v = std::min(x[ia], z[ib]); break;
            }
            y[i] = std::clamp(v, r.min, r.max);
        });
    });
}

// Plain integer arithmetic (int32, int64: shape computations, indices), with the fused activation
// as a clamp.
template <class T> Prepared preparePlainInt(NodeContext& ctx, BinOp op, Broadcast bc, tflite::ActivationFunctionType act)
{
    const FloatRange fr = floatActivationRange(act);
    const T lo = fr.min > -INFINITY ? static_cast<T>(fr.min) : std::numeric_limits<T>::min();
    const T hi = fr.max < INFINITY ? static_cast<T>(fr.max) : std::numeric_limits<T>::max();
    const int a = ctx.inputIndex(0), b = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* x = tensorAt(rc, a).as<T>();
        const T* z = tensorAt(rc, b).as<T>();
        T* y = tensorAt(rc, out).as<T>();
        bc.forEach(tensorAt(rc, out).count(), [&](std::int64_t i, std::int64_t ia, std::int64_t ib) {
            // Wrap-around like the runtimes' C++ arithmetic, without undefined behaviour.
            using U = std::make_unsigned_t<T>;
            T v;
            switch (op) {
            case BinOp::Add: v = static_cast<T>(static_cast<U>(x[ia]) + static_cast<U>(z[ib])); break;
            case BinOp::Sub: v = static_cast<T>(static_cast<U>(x[ia]) - static_cast<U>(z[ib])); break;
            case BinOp::Mul: v = static_cast<T>(static_cast<U>(x[ia]) * static_cast<U>(z[ib])); break;
            case BinOp::Max: v = std::max(x[ia], z[ib]); break;
            default: v = std::min(x[ia], z[ib]); break;
            }
            y[i] = std::clamp(v, lo, hi);
        });
    });
}

// Integer ADD/SUB as TFLite's integer kernels compute them: both inputs are brought to a common
// scale (twice the larger input scale) with `leftShift` extra bits, added, then rescaled.
template <class T>
Prepared prepareIntAddSub(NodeContext& ctx, bool subtract, Broadcast bc, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& z = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const int leftShift = sizeof(T) == 2 ? 15 : 20;
    const double twiceMax = 2.0 * std::max(x.scale(), z.scale());
    const FixedMultiplier m1 = quantizeMultiplier(x.scale() / twiceMax);
    const FixedMultiplier m2 = quantizeMultiplier(z.scale() / twiceMax);
    const double outputMultiplier = quant::addSubOutputMultiplier(x.scale(), z.scale(), y.scale(), y.dtype);
    if (!quant::addSubRescalable(outputMultiplier)) {
        std::ostringstream m;
        if (outputMultiplier > 0.0 && std::isfinite(outputMultiplier))
            m << "the input scales (" << x.scale() << ", " << z.scale() << ") are 2^" << quant::addSubMaxScaleRatioLog2(y.dtype)
              << " or more times the output scale " << y.scale();
        else
            m << "the scales (" << x.scale() << ", " << z.scale() << " -> " << y.scale()
              << ") are too large for LiteRT's kernel to rescale in float (it overflows)";
        m << ": LiteRT's kernel stops the program on such an operator";
        return ctx.fail(m.str());
    }
    const FixedMultiplier mo = quantizeMultiplier(outputMultiplier);
    const std::int32_t zp1 = x.zeroPoint(), zp2 = z.zeroPoint(), zpo = y.zeroPoint();
    const QuantRange r = quantActivationRange(act, y.scale(), zpo, typeRange(y.dtype).min, typeRange(y.dtype).max);
    const int a = ctx.inputIndex(0), b = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, a).as<T>();
        const T* zi = tensorAt(rc, b).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        const std::int64_t n = tensorAt(rc, out).count();
        bc.forEach(n, [&](std::int64_t i, std::int64_t ia, std::int64_t ib) {
            // Valid models stay far inside int32 here; hostile zero points saturate instead of overflowing.
            const std::int64_t s1 = multiplyByQuantizedMultiplier(
                saturate32((std::int64_t{xi[ia]} - zp1) * (std::int64_t{1} << leftShift)), m1);
            const std::int64_t s2 = multiplyByQuantizedMultiplier(
                saturate32((std::int64_t{zi[ib]} - zp2) * (std::int64_t{1} << leftShift)), m2);
            yo[i] = static_cast<T>(addClamped(
                multiplyByQuantizedMultiplier(saturate32(subtract ? s1 - s2 : s1 + s2), mo), zpo, r.min, r.max));
        });
    });
}

// Integer ADD/SUB as XNNPACK computes them (LiteRT's CPU runtime): both inputs get integer
// multipliers of 21 bits at most, sharing one power-of-two shift chosen from the larger ratio
// s_in / s_out; the sum plus a rounding bias is shifted right arithmetically.
template <class T>
Prepared prepareXnnAddSub(NodeContext& ctx, bool subtract, Broadcast bc, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& z = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const float aScale = x.scale() / y.scale();
    const float bScale = (subtract ? -z.scale() : z.scale()) / y.scale();
    const float maxAbs = std::max(std::abs(aScale), std::abs(bScale));
    if (!std::isfinite(maxAbs) || !(maxAbs > 0))
        return ctx.fail("input and output scales must be positive and finite");
    int exponent = 0;
    std::frexp(maxAbs, &exponent); // maxAbs = m * 2^exponent, m in [0.5, 1)
    const int shift = 20 - (exponent - 1);
    if (shift < 12 || shift > 30)
        return ctx.fail("the input/output scale ratios are outside the range this kernel supports");
    const std::int32_t aMult = saturatingToInt32(std::nearbyint(std::ldexp(aScale, shift)));
    const std::int32_t bMult = saturatingToInt32(std::nearbyint(std::ldexp(bScale, shift)));
    const std::int32_t bias = (std::int32_t{1} << (shift - 1)) - aMult * x.zeroPoint() - bMult * z.zeroPoint();
    const std::int32_t zpo = y.zeroPoint();
    const QuantRange r = activationRange(act, y, Rounding::Xnnpack);
    const int a = ctx.inputIndex(0), b = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, a).as<T>();
        const T* zi = tensorAt(rc, b).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        bc.forEach(tensorAt(rc, out).count(), [&](std::int64_t i, std::int64_t ia, std::int64_t ib) {
            const std::int32_t acc =
                bias + static_cast<std::int32_t>(xi[ia]) * aMult + static_cast<std::int32_t>(zi[ib]) * bMult;
            yo[i] = static_cast<T>(std::clamp((acc >> shift) + zpo, r.min, r.max));
        });
    });
}

template <class T> Prepared prepareIntMul(NodeContext& ctx, Broadcast bc, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& z = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const Rounding rounding = sizeof(T) == 2 ? Rounding::Reference : ctx.rounding;
    auto req =
        makeRequantizer(x.scale(), {z.scale()}, y.scale(), y.zeroPoint(), activationRange(act, y, rounding), rounding);
    // TFLite's MUL computes the real multiplier in float before the fixed-point split.
    req.fixed[0] = quantizeMultiplier(static_cast<double>(x.scale() * z.scale() / y.scale()));
    const std::int32_t zp1 = x.zeroPoint(), zp2 = z.zeroPoint();
    const int a = ctx.inputIndex(0), b = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, a).as<T>();
        const T* zi = tensorAt(rc, b).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        const std::int64_t n = tensorAt(rc, out).count();
        bc.forEach(n, [&](std::int64_t i, std::int64_t ia, std::int64_t ib) {
            const std::int32_t acc =
                (static_cast<std::int32_t>(xi[ia]) - zp1) * (static_cast<std::int32_t>(zi[ib]) - zp2);
            yo[i] = static_cast<T>(req.apply(acc, 0));
        });
    });
}

// MAXIMUM / MINIMUM on integers compare the codes, whatever the tensors' scales and zero points
// (LiteRT's kernel never reads them; lint reports inputs quantized unlike the output).
template <class T> Prepared prepareIntMinMax(NodeContext& ctx, bool isMax, Broadcast bc)
{
    const int a = ctx.inputIndex(0), b = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, a).as<T>();
        const T* zi = tensorAt(rc, b).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        bc.forEach(tensorAt(rc, out).count(), [&](std::int64_t i, std::int64_t ia, std::int64_t ib) {
            yo[i] = isMax ? std::max(xi[ia], zi[ib]) : std::min(xi[ia], zi[ib]);
        });
    });
}

// LiteRT hands quantized ADD/SUB to XNNPACK when both input/output scale ratios lie in
// [1/1024, 256); otherwise TFLite's own kernel runs (the reference arithmetic).
bool xnnpackTakesAddSub(const NodeContext& ctx)
{
    if (ctx.rounding != Rounding::Xnnpack)
        return false;
    const float out = ctx.out(0).scale();
    for (int i = 0; i < 2; ++i) {
        const float r = ctx.in(i).scale() / out;
        if (!(r >= 1.0f / 1024.0f && r < 256.0f))
            return false;
    }
    return true;
}

Prepared prepareBinary(NodeContext& ctx, BinOp op)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    auto bc = makeBroadcast(ctx);
    if (!bc)
        return bc.error();
    const auto act = fusedActivation(ctx);
    if (!isClampActivation(act))
        return ctx.fail(
            "fused activation " + std::string(tflite::EnumNameActivationFunctionType(act)) + " is not supported");
    const DType t = ctx.out(0).dtype;
    if (ctx.in(0).dtype != t || ctx.in(1).dtype != t)
        return ctx.unsupported();
    if (t == DType::Float32)
        return prepareFloat(ctx, op, *bc, floatActivationRange(act));
    if (t == DType::Int32)
        return preparePlainInt<std::int32_t>(ctx, op, *bc, act);
    if (t == DType::Int64)
        return preparePlainInt<std::int64_t>(ctx, op, *bc, act);
    if (!ctx.in(0).meta->quantization.hasScale() && (op == BinOp::Max || op == BinOp::Min)) {
        if (t == DType::Int8)
            return preparePlainInt<std::int8_t>(ctx, op, *bc, act);
        if (t == DType::Int16)
            return preparePlainInt<std::int16_t>(ctx, op, *bc, act);
    }
    switch (op) {
    case BinOp::Add:
    case BinOp::Sub:
        if (t == DType::Int8)
            return xnnpackTakesAddSub(ctx) ? prepareXnnAddSub<std::int8_t>(ctx, op == BinOp::Sub, *bc, act)
                                           : prepareIntAddSub<std::int8_t>(ctx, op == BinOp::Sub, *bc, act);
        if (t == DType::UInt8)
            return xnnpackTakesAddSub(ctx) ? prepareXnnAddSub<std::uint8_t>(ctx, op == BinOp::Sub, *bc, act)
                                           : prepareIntAddSub<std::uint8_t>(ctx, op == BinOp::Sub, *bc, act);
        if (t == DType::Int16)
            return usesPotInt16AddSub(ctx) ? preparePotInt16AddSub(ctx, op == BinOp::Sub, *bc, act)
                                           : prepareIntAddSub<std::int16_t>(ctx, op == BinOp::Sub, *bc, act);
        break;
    case BinOp::Mul:
        if (t == DType::Int8)
            return prepareIntMul<std::int8_t>(ctx, *bc, act);
        if (t == DType::UInt8)
            return prepareIntMul<std::uint8_t>(ctx, *bc, act);
        if (t == DType::Int16)
            return prepareIntMul<std::int16_t>(ctx, *bc, act);
        break;
    case BinOp::Max:
    case BinOp::Min:
        if (t == DType::Int8)
            return prepareIntMinMax<std::int8_t>(ctx, op == BinOp::Max, *bc);
        if (t == DType::UInt8)
            return prepareIntMinMax<std::uint8_t>(ctx, op == BinOp::Max, *bc);
        if (t == DType::Int16)
            return prepareIntMinMax<std::int16_t>(ctx, op == BinOp::Max, *bc);
        break;
    }
    return ctx.unsupported();
}

} // namespace

Prepared prepareAdd(NodeContext& ctx)
{
    return prepareBinary(ctx, BinOp::Add);
}
Prepared prepareSub(NodeContext& ctx)
{
    return prepareBinary(ctx, BinOp::Sub);
}
Prepared prepareMul(NodeContext& ctx)
{
    return prepareBinary(ctx, BinOp::Mul);
}
Prepared prepareMaximum(NodeContext& ctx)
{
    return prepareBinary(ctx, BinOp::Max);
}
Prepared prepareMinimum(NodeContext& ctx)
{
    return prepareBinary(ctx, BinOp::Min);
}

} // namespace ql::exec
