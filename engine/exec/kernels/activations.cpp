// SPDX-License-Identifier: MIT
// Unary activations: RELU, RELU6, RELU_N1_TO_1, RELU_0_TO_1, LOGISTIC, TANH, LEAKY_RELU, HARD_SWISH.
#include "exec/fixed_point.h"
#include "exec/int16_activations.h"
#include "exec/kernels/fixed_activations.h"

#include <array>
#include <cmath>
#include <limits>

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
    if (ctx.in(0).dtype != ctx.out(0).dtype)
        return ctx.fail("input and output must have the same type: " + ctx.dtypes());
    return ctx.setOutputShape(0, ctx.in(0).shape);
}

// Quantized clamps: requantize (x - zp_in) by s_in / s_out, then clamp to the activation's range.
template <class T> Prepared clampInt(NodeContext& ctx, QuantRange r)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
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
    default: break;
    }
    const RtTensor& y = ctx.out(0);
    const QuantRange q =
        quantActivationRange(act, y.scale(), y.zeroPoint(), typeRange(y.dtype).min, typeRange(y.dtype).max);
    switch (ctx.in(0).dtype) {
    case DType::Int8: return clampInt<std::int8_t>(ctx, q);
    case DType::UInt8: return clampInt<std::uint8_t>(ctx, q);
    case DType::Int16: return clampInt<std::int16_t>(ctx, q);
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
            yo[i] = static_cast<T>(
                addClamped(multiplyByQuantizedMultiplier(v, v >= 0 ? identity : negative), zpOut, r.min, r.max));
        }
    });
}

// LOGISTIC / TANH on 8-bit codes: a 256-entry table built at prepare.
// xnnpack: XNNPACK's table (float steps, round half to even, sigmoid through a double exp);
// reference: TFLite's table (round half away from zero after scaling).
template <class T> Prepared lutUnary(NodeContext& ctx, bool logistic)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    const float sIn = x.scale(), sOut = y.scale();
    const std::int32_t zIn = x.zeroPoint(), zOut = y.zeroPoint();
    const QuantRange r = typeRange(y.dtype);
    const bool xnn = ctx.rounding == Rounding::Xnnpack;
    auto table = std::make_shared<std::array<T, 256>>();
    for (std::int32_t q = std::numeric_limits<T>::min(); q <= std::numeric_limits<T>::max(); ++q) {
        std::int32_t out;
        if (xnn) {
            const float v = (static_cast<float>(q) - static_cast<float>(zIn)) * sIn;
            float w;
            if (logistic) {
                const double e = std::exp(static_cast<double>(v));
                w = v > 100.0f ? 1.0f : v < -100.0f ? 0.0f : static_cast<float>(e / (1.0 + e));
            } else {
                w = std::tanh(v);
            }
            out = roundHalfEven(w * (1.0f / sOut) + static_cast<float>(zOut));
        } else {
            const float v = sIn * static_cast<float>(q - zIn);
            const float w = logistic ? 1.0f / (1.0f + std::exp(-v)) : std::tanh(v);
            out = saturatingToInt32(static_cast<float>(std::round(w * (1.0f / sOut))) + static_cast<float>(zOut));
        }
        (*table)[static_cast<std::uint8_t>(static_cast<T>(q))] = static_cast<T>(std::clamp(out, r.min, r.max));
    }
    const int in = ctx.inputIndex(0), o = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, in).as<T>();
        T* yo = tensorAt(rc, o).as<T>();
        for (std::int64_t i = 0, n = tensorAt(rc, o).count(); i < n; ++i)
            yo[i] = (*table)[static_cast<std::uint8_t>(xi[i])];
    });
}

// HARD_SWISH on 8-bit codes: TFLite's fixed-point kernel, which LiteRT runs in both modes (XNNPACK
// takes float hard-swish only). 16-bit arithmetic with multipliers reduced to 16 bits.
std::int16_t srdhm16(std::int16_t a, std::int16_t b)
{
    if (a == b && a == std::numeric_limits<std::int16_t>::min())
        return std::numeric_limits<std::int16_t>::max();
    const std::int32_t ab = static_cast<std::int32_t>(a) * b;
    const std::int32_t nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
    return static_cast<std::int16_t>((ab + nudge) / (1 << 15));
}

std::int16_t sdhm16(std::int16_t a, std::int16_t b)
{
    if (a == b && a == std::numeric_limits<std::int16_t>::min())
        return std::numeric_limits<std::int16_t>::max();
    return static_cast<std::int16_t>((static_cast<std::int32_t>(a) * b) / (1 << 15));
}

std::int16_t saturatingLeftShift16(std::int16_t v, int amount)
{
    return static_cast<std::int16_t>(
        std::clamp<std::int32_t>(static_cast<std::int32_t>(v) * (1 << amount), -32768, 32767));
}

std::int16_t multiplier16(std::int32_t m)
{
    return m >= std::numeric_limits<std::int32_t>::max() - (1 << 15) ? std::numeric_limits<std::int16_t>::max()
                                                                     : static_cast<std::int16_t>((m + (1 << 15)) >> 16);
}

template <class T> Prepared hardSwishInt(NodeContext& ctx)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    const float hires = (1.0f / 128.0f) * x.scale();
    const FixedMultiplier om = quantizeMultiplier(static_cast<double>(hires / y.scale()));
    const FixedMultiplier rm = quantizeMultiplier(static_cast<double>(hires / (3.0f / 32768.0f)));
    if (om.shift > 0)
        return ctx.fail("the output scale is too small for the input scale (multiplier above 1)");
    const std::int16_t outMult = multiplier16(om.multiplier), reluMult = multiplier16(rm.multiplier);
    const int outExp = om.shift, reluExp = rm.shift;
    const std::int32_t zIn = x.zeroPoint(), zOut = y.zeroPoint();
    const QuantRange r = typeRange(y.dtype);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, in).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i) {
            const auto v = static_cast<std::int16_t>((static_cast<std::int32_t>(xi[i]) - zIn) * (1 << 7));
            const std::int16_t pre = srdhm16(v, outMult);
            std::int16_t relu = v;
            if (reluExp > 0)
                relu = saturatingLeftShift16(relu, reluExp - 1);
            relu = srdhm16(relu, reluMult);
            if (reluExp > 0)
                relu = saturatingLeftShift16(relu, 1);
            if (reluExp < 0)
                relu = static_cast<std::int16_t>(roundingDivideByPot(relu, -reluExp));
            relu = static_cast<std::int16_t>((static_cast<std::int32_t>(relu) + (1 << 15)) >> 1);
            const std::int32_t o = roundingDivideByPot(sdhm16(relu, pre), -outExp) + zOut;
            yo[i] = static_cast<T>(std::clamp(o, r.min, r.max));
        }
    });
}

// LOGISTIC / TANH on int16 (16x8 graphs): TFLite's interpolated table (exec/int16_activations.h).
// The input is brought to the table's units by a power of two when its scale is 2^-12 (TANH also
// 2^-11), otherwise by an integer multiplier and shift; the output scale must be 2^-15.
// LiteRT runs the power-of-two case through gemmlowp's 16-bit fixed-point functions instead.
Prepared int16SigmoidLike(NodeContext& ctx, bool logistic)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (y.dtype != DType::Int16)
        return ctx.unsupported();
    if (x.zeroPoint() != 0 || y.zeroPoint() != 0)
        return ctx.fail("int16 input and output must have zero point 0");
    if (powerOfTwoExponent(y.scale()) != -15)
        return ctx.fail("int16 output scale must be 2^-15, got " + std::to_string(y.scale()));
    Int16ActivationInput in;
    const auto inPower = powerOfTwoExponent(x.scale());
    const bool pot = inPower && (*inPower == -12 || (!logistic && *inPower == -11));
    if (pot) {
        // LiteRT: gemmlowp's 16-bit functions on the codes read as Q3.12 (TANH 2^-11: Q4.11).
        if (ctx.rounding == Rounding::Xnnpack)
            return gemmlowpLogisticTanhInt16(ctx, logistic, 15 + *inPower);
        in = {3 << (12 + *inPower), 0};
    } else {
        double m = static_cast<double>(x.scale()) * 4096.0 * 3.0;
        in.shift = 0;
        while (m <= 32767.0 / 2.0 && in.shift <= 30) {
            ++in.shift;
            m *= 2.0;
        }
        if (!(m < 2147483647.0 / 32768.0))
            return ctx.fail("int16 input scale " + std::to_string(x.scale()) + " is out of range");
        in.multiplier = static_cast<std::int32_t>(m);
    }
    const int xi = ctx.inputIndex(0), yi = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const auto* src = tensorAt(rc, xi).as<std::int16_t>();
        auto* dst = tensorAt(rc, yi).as<std::int16_t>();
        for (std::int64_t i = 0, n = tensorAt(rc, yi).count(); i < n; ++i) {
            const std::int32_t v = scaleInt16ActivationInput(src[i], in);
            dst[i] = logistic ? logisticInt16(v) : tanhInt16(v);
        }
    });
}

// LOGISTIC (logistic = true) or TANH: float directly, 8-bit codes through a table.
Prepared prepareSigmoidLike(NodeContext& ctx, bool logistic)
{
    if (auto st = checkUnary(ctx); !st)
        return st.error();
    switch (ctx.in(0).dtype) {
    case DType::Float32:
        return logistic ? unaryFloat(ctx, [](float v) { return 1.0f / (1.0f + std::exp(-v)); })
                        : unaryFloat(ctx, [](float v) { return std::tanh(v); });
    case DType::Int8:
        // tflite-micro computes int8 in gemmlowp fixed point; LiteRT through a table.
        return ctx.rounding == Rounding::Reference ? microLogisticTanhInt8(ctx, logistic)
                                                   : lutUnary<std::int8_t>(ctx, logistic);
    case DType::UInt8: return lutUnary<std::uint8_t>(ctx, logistic);
    case DType::Int16: return int16SigmoidLike(ctx, logistic);
    default: return ctx.unsupported();
    }
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
Prepared prepareRelu0To1(NodeContext& ctx)
{
    if (auto st = checkUnary(ctx); !st)
        return st.error();
    const RtTensor& y = ctx.out(0);
    switch (ctx.in(0).dtype) {
    case DType::Float32: return unaryFloat(ctx, [](float v) { return std::clamp(v, 0.0f, 1.0f); });
    case DType::Int8:
    case DType::UInt8: {
        // As TFLite's quantized clamps: [0, 1] in the output's codes, rounded half away from zero.
        if (!(y.scale() > 0))
            return ctx.fail("the output needs a positive scale");
        const QuantRange t = typeRange(y.dtype);
        const QuantRange r{std::max(t.min, y.zeroPoint()),
            std::min(t.max, y.zeroPoint() + static_cast<std::int32_t>(std::round(1.0f / y.scale())))};
        return y.dtype == DType::Int8 ? clampInt<std::int8_t>(ctx, r) : clampInt<std::uint8_t>(ctx, r);
    }
    default: return ctx.fail("RELU_0_TO_1 takes float32, int8 or uint8, not " + model::dtypeName(ctx.in(0).dtype));
    }
}

Prepared prepareLogistic(NodeContext& ctx)
{
    return prepareSigmoidLike(ctx, true);
}

Prepared prepareTanh(NodeContext& ctx)
{
    return prepareSigmoidLike(ctx, false);
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
    if (ctx.in(0).dtype == DType::Int8)
        return hardSwishInt<std::int8_t>(ctx);
    if (ctx.in(0).dtype == DType::UInt8)
        return hardSwishInt<std::uint8_t>(ctx);
    return ctx.unsupported();
}

} // namespace ql::exec

namespace ql::exec {

namespace {

// Quantized PRELU: x >= 0 rescaled by s_in / s_out, x < 0 multiplied by (alpha - z_alpha) and
// rescaled by s_in * s_alpha / s_out. LiteRT forms both ratios in float, tflite-micro in double.
template <class T, class TA = T> Prepared quantizedPrelu(NodeContext& ctx, const Broadcast& bc)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& a = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const bool lite = ctx.rounding == Rounding::Xnnpack;
    const double identity = lite ? static_cast<double>(x.scale() / y.scale()) : static_cast<double>(x.scale()) / y.scale();
    const double slope = lite ? static_cast<double>((x.scale() * a.scale()) / y.scale())
                              : static_cast<double>(x.scale()) * a.scale() / y.scale();
    const FixedMultiplier m1 = quantizeMultiplier(identity), m2 = quantizeMultiplier(slope);
    const std::int32_t zi = x.zeroPoint(), za = a.zeroPoint(), zo = y.zeroPoint();
    const int in = ctx.inputIndex(0), al = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, in).as<T>();
        const TA* ai = tensorAt(rc, al).as<TA>();
        T* yo = tensorAt(rc, out).as<T>();
        bc.forEach(tensorAt(rc, out).count(), [&](std::int64_t i, std::int64_t ix, std::int64_t ia) {
            const std::int32_t v = static_cast<std::int32_t>(xi[ix]) - zi;
            const std::int32_t r = v >= 0 ? multiplyByQuantizedMultiplier(v, m1)
                                          : multiplyByQuantizedMultiplier(v * (static_cast<std::int32_t>(ai[ia]) - za), m2);
            yo[i] = static_cast<T>(addClamped(r, zo, qmin<T>(), qmax<T>()));
        });
    });
}

// Quantized L2_NORMALIZATION: the sum of squared centred codes per row, its fixed-point inverse
// square root, the row rescaled onto the fixed output scale 1/128.
template <class T> Prepared quantizedL2Normalization(NodeContext& ctx, int depth, std::int64_t rows)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    const std::int32_t expectedZero = std::is_same_v<T, std::int8_t> ? 0 : 128;
    if (y.scale() != 1.0f / 128 || y.zeroPoint() != expectedZero)
        return ctx.fail("the output must have scale 1/128 and zero point " + std::to_string(expectedZero));
    const std::int32_t zi = x.zeroPoint();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, in).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        for (std::int64_t r = 0; r < rows; ++r) {
            std::int32_t acc = 0;
            for (int i = 0; i < depth; ++i) {
                const std::int32_t d = static_cast<std::int32_t>(xi[r * depth + i]) - zi;
                acc += d * d;
            }
            const FixedMultiplier inv = fixed::invSqrt(acc);
            for (int i = 0; i < depth; ++i) {
                const std::int32_t d = static_cast<std::int32_t>(xi[r * depth + i]) - zi;
                std::int32_t v;
                if constexpr (std::is_same_v<T, std::int8_t>)
                    v = std::clamp(multiplyByQuantizedMultiplier(d, {inv.multiplier, inv.shift + 7}), -128, 127);
                else
                    v = std::clamp(128 + fixed::rdbpot<32>(saturatingRoundingDoublingHighMul(128 * d, inv.multiplier), -inv.shift),
                        0, 255);
                yo[r * depth + i] = static_cast<T>(v);
            }
        }
    });
}

} // namespace

Prepared preparePrelu(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& a = ctx.in(1);
    const model::DType t = x.dtype;
    // LiteRT reads an int16 input's alpha as int8 (16x8); tflite-micro takes alpha of the input's type.
    const bool int8Alpha = t == model::DType::Int16 && a.dtype == model::DType::Int8;
    if ((a.dtype != t && !int8Alpha) || ctx.out(0).dtype != t)
        return ctx.unsupported();
    if (t == model::DType::Int16 && !int8Alpha && ctx.rounding == Rounding::Xnnpack)
        return ctx.fail("LiteRT reads the alpha of an int16 PRELU as int8; an int16 alpha gives garbage there");
    auto bc = makeBroadcast(ctx);
    if (!bc)
        return bc.error();
    if (t == model::DType::Float32) {
        const int in = ctx.inputIndex(0), al = ctx.inputIndex(1), out = ctx.outputIndex(0);
        return makeKernel([=, b = *bc](const RunContext& rc) {
            const float* xi = tensorAt(rc, in).as<float>();
            const float* ai = tensorAt(rc, al).as<float>();
            float* yo = tensorAt(rc, out).as<float>();
            b.forEach(tensorAt(rc, out).count(), [&](std::int64_t i, std::int64_t ix, std::int64_t ia) {
                yo[i] = xi[ix] >= 0 ? xi[ix] : xi[ix] * ai[ia];
            });
        });
    }
    if (t == model::DType::Int8)
        return quantizedPrelu<std::int8_t>(ctx, *bc);
    if (t == model::DType::Int16)
        return int8Alpha ? quantizedPrelu<std::int16_t, std::int8_t>(ctx, *bc) : quantizedPrelu<std::int16_t>(ctx, *bc);
    if (t == model::DType::UInt8 && ctx.rounding == Rounding::Xnnpack)
        return quantizedPrelu<std::uint8_t>(ctx, *bc);
    return ctx.unsupported();
}

Prepared prepareL2Normalization(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    if (ctx.out(0).dtype != x.dtype || x.rank() < 1)
        return ctx.unsupported();
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const int depth = x.dim(-1);
    const std::int64_t rows = depth ? x.count() / depth : 0;
    if (x.dtype == model::DType::Int8)
        return quantizedL2Normalization<std::int8_t>(ctx, depth, rows);
    if (x.dtype == model::DType::UInt8 && ctx.rounding == Rounding::Xnnpack)
        return quantizedL2Normalization<std::uint8_t>(ctx, depth, rows);
    if (x.dtype != model::DType::Float32)
        return ctx.unsupported();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* xi = tensorAt(rc, in).as<float>();
        float* yo = tensorAt(rc, out).as<float>();
        for (std::int64_t r = 0; r < rows; ++r) {
            float s = 0;
            for (int i = 0; i < depth; ++i)
                s += xi[r * depth + i] * xi[r * depth + i];
            const float inv = 1.0f / std::sqrt(std::max(s, 1e-6f));
            for (int i = 0; i < depth; ++i)
                yo[r * depth + i] = xi[r * depth + i] * inv;
        }
    });
}

} // namespace ql::exec
