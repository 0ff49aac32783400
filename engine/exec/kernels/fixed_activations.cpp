// SPDX-License-Identifier: MIT
// The fixed-point activations of tflite-micro's reference kernels (--rounding reference) and the
// 16-bit fixed-point LOGISTIC / TANH LiteRT runs for power-of-two input scales (docs/arithmetic.md,
// quantized builtins 5.3-5.5 and 6.6). All arithmetic is exec/fixed_point.h.
#include "exec/kernels/fixed_activations.h"

#include "exec/fixed_point.h"

#include <cmath>

namespace ql::exec {

namespace {

using model::DType;

// A real multiplier d as tflite-micro's "greater than one" split: frexp, mantissa rounded to 31 bits
// (no fix-up when it rounds up to 2^31).
FixedMultiplier splitGreaterThanOne(double d)
{
    int shift = 0;
    const double q = std::frexp(d, &shift);
    const auto m = static_cast<std::int64_t>(std::round(q * static_cast<double>(1LL << 31)));
    return {static_cast<std::int32_t>(std::min<std::int64_t>(m, std::numeric_limits<std::int32_t>::max())), shift};
}

// floor((2^integerBits - 1) * 2^(31 - integerBits) / 2^shift): beyond this distance the result saturates.
std::int32_t inputRadius(int integerBits, int shift, int totalBits = 31)
{
    const double max = (std::ldexp(1.0, integerBits) - 1.0) * std::ldexp(1.0, totalBits - integerBits) / std::ldexp(1.0, shift);
    return static_cast<std::int32_t>(std::floor(std::min(max, 2147483647.0)));
}

} // namespace

Prepared microLogisticTanhInt8(NodeContext& ctx, bool logistic)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (x.dtype != DType::Int8 || y.dtype != DType::Int8)
        return ctx.unsupported();
    if (logistic && y.zeroPoint() != -128)
        return ctx.fail("int8 output must have zero point -128 (scale 1/256)");
    const FixedMultiplier m = splitGreaterThanOne(static_cast<double>(x.scale()) * (1 << 27));
    const std::int32_t radius = inputRadius(4, m.shift);
    const std::int32_t zi = x.zeroPoint();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const auto* xi = tensorAt(rc, in).as<std::int8_t>();
        auto* yo = tensorAt(rc, out).as<std::int8_t>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i) {
            const std::int32_t v = static_cast<std::int32_t>(xi[i]) - zi;
            std::int32_t r;
            if (v <= -radius) {
                r = -128;
            } else if (v >= radius) {
                r = 127;
            } else {
                const std::int32_t a = multiplyByQuantizedMultiplier(v, m); // Q4.27
                r = logistic ? fixed::rdbpot<32>(fixed::logistic<32>(a, 4), 23) - 128
                             : fixed::rdbpot<32>(fixed::tanh<32>(a, 4), 24);
            }
            yo[i] = static_cast<std::int8_t>(std::clamp(r, -128, 127));
        }
    });
}

Prepared gemmlowpLogisticTanhInt16(NodeContext& ctx, bool logistic, int integerBits)
{
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const auto* xi = tensorAt(rc, in).as<std::int16_t>();
        auto* yo = tensorAt(rc, out).as<std::int16_t>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i)
            yo[i] = logistic ? fixed::logistic<16>(xi[i], integerBits) : fixed::tanh<16>(xi[i], integerBits);
    });
}

Prepared microSoftmax(NodeContext& ctx, float beta, int depth, std::int64_t rows)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (x.dtype != DType::Int8 || (y.dtype != DType::Int8 && y.dtype != DType::Int16))
        return ctx.fail("tflite-micro's softmax takes int8 in and int8 or int16 out (" + ctx.dtypes() + ")");
    const bool wide = y.dtype == DType::Int16;
    if (!wide && (y.zeroPoint() != -128 || y.scale() != 1.0f / 256))
        return ctx.fail("int8 output must have scale 1/256 and zero point -128");
    if (wide && (y.zeroPoint() != -32768 || std::abs(y.scale() - 1.0f / 65536) > 0.001f / 65536))
        return ctx.fail("int16 output must have scale 1/65536 and zero point -32768");
    const FixedMultiplier m =
        quantizeMultiplier(std::min(static_cast<double>(beta) * static_cast<double>(x.scale()) * (1 << 26), 2147483647.0));
    if (m.shift < 0)
        return ctx.fail("beta * input scale is too small for tflite-micro's softmax");
    const std::int32_t diffMin = -inputRadius(5, m.shift);
    const int outBits = wide ? 16 : 8;
    const std::int32_t outMin = wide ? -32768 : -128, outMax = wide ? 32767 : 127;
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) -> Status {
        const auto* xi = tensorAt(rc, in).as<std::int8_t>();
        std::uint8_t* yo = tensorAt(rc, out).data;
        for (std::int64_t r = 0; r < rows; ++r) {
            const std::int8_t* row = xi + r * depth;
            std::int32_t mx = -128;
            for (int j = 0; j < depth; ++j)
                mx = std::max<std::int32_t>(mx, row[j]);
            std::int32_t sum = 0; // Q12
            for (int j = 0; j < depth; ++j) {
                const std::int32_t d = row[j] - mx;
                if (d >= diffMin)
                    sum = fixed::add<32>(sum, fixed::rdbpot<32>(
                                                  fixed::expOnNegativeValues<32>(multiplyByQuantizedMultiplier(d, m), 5), 12));
            }
            const int h = fixed::countLeadingZeros32(static_cast<std::uint32_t>(sum));
            const int bits = 12 - h;
            const auto u = static_cast<std::int32_t>((static_cast<std::uint32_t>(sum) << h) - 0x80000000u);
            const std::int32_t scale = fixed::oneOverOnePlusX<32>(u);
            const int k = bits + 31 - outBits;
            if (k < 0 || k > 31)
                return Error{"softmax sum out of range"};
            for (int j = 0; j < depth; ++j) {
                const std::int32_t d = row[j] - mx;
                std::int32_t v = outMin;
                if (d >= diffMin) {
                    const std::int32_t e = fixed::expOnNegativeValues<32>(multiplyByQuantizedMultiplier(d, m), 5);
                    v = std::clamp(fixed::rdbpot<32>(saturatingRoundingDoublingHighMul(scale, e), k) + outMin, outMin, outMax);
                }
                if (wide)
                    reinterpret_cast<std::int16_t*>(yo)[r * depth + j] = static_cast<std::int16_t>(v);
                else
                    reinterpret_cast<std::int8_t*>(yo)[r * depth + j] = static_cast<std::int8_t>(v);
            }
        }
        return {};
    });
}

} // namespace ql::exec
