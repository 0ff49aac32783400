// SPDX-License-Identifier: MIT
// Unary activations: RELU, RELU6, RELU_N1_TO_1, LOGISTIC, TANH, LEAKY_RELU, HARD_SWISH.
#include "exec/kernels/common.h"

#include <cmath>

namespace ql::exec {

namespace {

using model::DType;

template <class F> Prepared unaryFloat(NodeContext& ctx, F f)
{
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* x = tensorAt(rc, in).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i)
            y[i] = f(x[i]);
    });
}

Status checkUnary(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st;
    if (ctx.in(0).shape != ctx.out(0).shape || ctx.in(0).dtype != ctx.out(0).dtype)
        return ctx.fail("input " + shapeText(ctx.in(0).shape) + " and output " + shapeText(ctx.out(0).shape) +
            " must have the same shape and type");
    return {};
}

// Quantized clamps: requantize (x - zp_in) by s_in / s_out, then clamp to the activation's range.
template <class T> Prepared clampInt(NodeContext& ctx, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    const QuantRange r =
        quantActivationRange(act, y.scale(), y.zeroPoint(), typeRange(y.dtype).min, typeRange(y.dtype).max);
    // LiteRT runs TFLite's built-in kernel for these too: the reference arithmetic, with the ratio
    // computed in float.
    auto req = makeRequantizer(x.scale(), {1.0f}, y.scale(), y.zeroPoint(), r, Rounding::Reference);
    req.fixed[0] = quantizeMultiplier(static_cast<double>(x.scale() / y.scale()));
    const std::int32_t zpIn = x.zeroPoint();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, in).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i)
            yo[i] = static_cast<T>(req.apply(static_cast<std::int32_t>(xi[i]) - zpIn, 0));
    });
}

Prepared prepareClamp(NodeContext& ctx, tflite::ActivationFunctionType act)
{
    if (auto st = checkUnary(ctx); !st)
        return st.error();
    const FloatRange r = floatActivationRange(act);
    switch (ctx.in(0).dtype) {
    case DType::Float32: return unaryFloat(ctx, [r](float v) { return std::clamp(v, r.min, r.max); });
    case DType::Int8: return clampInt<std::int8_t>(ctx, act);
    case DType::UInt8: return clampInt<std::uint8_t>(ctx, act);
    case DType::Int16: return clampInt<std::int16_t>(ctx, act);
    default: return ctx.unsupported();
    }
}

// LEAKY_RELU on integers (TFLite): two multipliers, alpha * s_in / s_out below the input zero point,
// s_in / s_out above it.
template <class T> Prepared leakyInt(NodeContext& ctx, float alpha)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    const float ratio = x.scale() / y.scale();
    if (ctx.rounding == Rounding::Xnnpack && sizeof(T) == 1 && ratio >= 1.0f / 256 && ratio <= 128 &&
        std::abs(alpha * ratio) >= 1.0f / 256 && std::abs(alpha * ratio) <= 128) {
        // XNNPACK: multipliers with 8 fractional bits.
        const std::int32_t pm = roundHalfEven(256.0f * ratio);
        const std::int32_t nm = roundHalfEven(256.0f * (ratio * alpha));
        const std::int32_t zpIn = x.zeroPoint(), zpOut = y.zeroPoint();
        const QuantRange r = typeRange(y.dtype);
        const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
        return makeKernel([=](const RunContext& rc) {
            const T* xi = tensorAt(rc, in).as<T>();
            T* yo = tensorAt(rc, out).as<T>();
            for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i) {
                const std::int32_t v = static_cast<std::int32_t>(xi[i]) - zpIn;
                const std::int32_t q = ((v * (v >= 0 ? pm : nm) + 128) >> 8) + zpOut;
                yo[i] = static_cast<T>(std::clamp(q, r.min, r.max));
            }
        });
    }
    // TFLite computes both ratios in float before turning them into fixed-point multipliers.
    const FixedMultiplier identity = quantizeMultiplier(static_cast<double>(x.scale() / y.scale()));
    const FixedMultiplier negative = quantizeMultiplier(static_cast<double>(x.scale() * alpha / y.scale()));
    const std::int32_t zpIn = x.zeroPoint(), zpOut = y.zeroPoint();
    const QuantRange r = typeRange(y.dtype);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, in).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i) {
            const std::int32_t v = static_cast<std::int32_t>(xi[i]) - zpIn;
            const std::int32_t q = multiplyByQuantizedMultiplier(v, v >= 0 ? identity : negative) + zpOut;
            yo[i] = static_cast<T>(std::clamp(q, r.min, r.max));
        }
    });
}

} // namespace

Prepared prepareRelu(NodeContext& ctx)
{
    return prepareClamp(ctx, tflite::ActivationFunctionType::RELU);
}
Prepared prepareRelu6(NodeContext& ctx)
{
    return prepareClamp(ctx, tflite::ActivationFunctionType::RELU6);
}
Prepared prepareReluN1To1(NodeContext& ctx)
{
    return prepareClamp(ctx, tflite::ActivationFunctionType::RELU_N1_TO_1);
}

Prepared prepareLogistic(NodeContext& ctx)
{
    if (auto st = checkUnary(ctx); !st)
        return st.error();
    if (ctx.in(0).dtype == DType::Float32)
        return unaryFloat(ctx, [](float v) { return 1.0f / (1.0f + std::exp(-v)); });
    return ctx.unsupported();
}

Prepared prepareTanh(NodeContext& ctx)
{
    if (auto st = checkUnary(ctx); !st)
        return st.error();
    if (ctx.in(0).dtype == DType::Float32)
        return unaryFloat(ctx, [](float v) { return std::tanh(v); });
    return ctx.unsupported();
}

Prepared prepareLeakyRelu(NodeContext& ctx)
{
    if (auto st = checkUnary(ctx); !st)
        return st.error();
    const auto* o = ctx.op.options.AsLeakyReluOptions();
    const float alpha = o ? o->alpha : 0.2f;
    switch (ctx.in(0).dtype) {
    case DType::Float32: return unaryFloat(ctx, [alpha](float v) { return v > 0 ? v : v * alpha; });
    case DType::Int8: return leakyInt<std::int8_t>(ctx, alpha);
    case DType::UInt8: return leakyInt<std::uint8_t>(ctx, alpha);
    case DType::Int16: return leakyInt<std::int16_t>(ctx, alpha);
    default: return ctx.unsupported();
    }
}

Prepared prepareHardSwish(NodeContext& ctx)
{
    if (auto st = checkUnary(ctx); !st)
        return st.error();
    if (ctx.in(0).dtype == DType::Float32)
        return unaryFloat(ctx, [](float v) { return v * std::min(6.0f, std::max(0.0f, v + 3.0f)) / 6.0f; });
    return ctx.unsupported();
}

} // namespace ql::exec
