// SPDX-License-Identifier: MIT
// Integer SOFTMAX and LOG_SOFTMAX (docs/arithmetic.md). XNNPACK takes only float softmax, so LiteRT
// runs TFLite's kernels: for 8-bit inputs a float table of exp over the code differences, a float
// sum and a rescale; for int16 two interpolated 513-entry tables (exp and 1/(1+x)) computed in
// double. tflite-micro (--rounding reference) uses gemmlowp fixed point for int8 and the int16
// tables computed in float.
#include "exec/kernels/fixed_activations.h"

#include "exec/fixed_point.h"
#include "exec/lut.h"

#include <array>
#include <cmath>
#include <limits>

namespace ql::exec {

namespace {

using model::DType;

// LiteRT's kernel for 8-bit codes: exp of every possible difference from the row maximum from a float
// table, a float sum in index order, each probability rescaled in float. TO: the output type.
template <class T, class TO> Prepared tableSoftmax(NodeContext& ctx, float beta, int depth, std::int64_t rows)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    auto table = std::make_shared<std::array<float, 256>>();
    const float scale = -x.scale() * beta;
    for (int v = 0; v <= 255; ++v)
        (*table)[static_cast<std::size_t>(255 - v)] = std::exp(scale * static_cast<float>(v));
    const float outScale = y.scale();
    const std::int32_t zp = y.zeroPoint();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, in).as<T>();
        TO* yo = tensorAt(rc, out).as<TO>();
        for (std::int64_t row = 0; row < rows; ++row) {
            const T* xr = xi + row * depth;
            TO* yr = yo + row * depth;
            std::int32_t maxVal = std::numeric_limits<T>::min();
            for (int j = 0; j < depth; ++j)
                maxVal = std::max(maxVal, static_cast<std::int32_t>(xr[j]));
            const float* t = table->data() + (255 - maxVal);
            float sum = 0;
            for (int j = 0; j < depth; ++j)
                sum += t[xr[j]];
            const float inv = 1.0f / (sum * outScale);
            for (int j = 0; j < depth; ++j) {
                const float p = t[xr[j]] * inv;
                // uint8 outputs: add 0.5 and truncate; others: round half away from zero.
                const std::int32_t q = std::is_same_v<TO, std::uint8_t> ? saturatingToInt32(p + 0.5f) : roundToInt32(p);
                yr[j] = static_cast<TO>(std::clamp(q + zp, qmin<TO>(), qmax<TO>()));
            }
        }
    });
}

// int16 -> int16: exp and reciprocal through 513-entry tables. Real: the type the tables (and, for
// LiteRT, the multiplier's product) are computed in.
template <class Real> Prepared int16Softmax(NodeContext& ctx, float beta, int depth, std::int64_t rows)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (x.zeroPoint() != 0 || y.zeroPoint() != 0 || std::abs(y.scale() - 1.0f / 32768) > 0.001f / 32768)
        return ctx.fail("int16 softmax needs zero points 0 and output scale 1/32768");
    const bool lite = std::is_same_v<Real, double>;
    const double product = lite ? static_cast<double>(x.scale() * beta) : static_cast<double>(x.scale()) * beta;
    const FixedMultiplier m = quantizeMultiplier(product / (10.0 / 65535.0));
    const Lut16 expTable = int16Table<Real>(Real(10) / Real(65535), 32767, Real(2) / Real(65535), 0,
        [](Real v) { return static_cast<Real>(std::exp(v)); });
    const Lut16 recipTable = int16Table<Real>(Real(1) / Real(65535), -32768, Real(2) / Real(65535), 0,
        [](Real v) { return Real(1) / (Real(1) + v); });
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const auto* xi = tensorAt(rc, in).as<std::int16_t>();
        auto* yo = tensorAt(rc, out).as<std::int16_t>();
        std::vector<std::int16_t> ex(static_cast<std::size_t>(depth));
        for (std::int64_t row = 0; row < rows; ++row) {
            const std::int16_t* xr = xi + row * depth;
            std::int32_t mx = -32768;
            for (int j = 0; j < depth; ++j)
                mx = std::max<std::int32_t>(mx, xr[j]);
            std::int32_t sum = 0;
            for (int j = 0; j < depth; ++j) {
                const std::int32_t sd = std::clamp(multiplyByQuantizedMultiplier(xr[j] - mx, m) + 32767, -32768, 32767);
                ex[static_cast<std::size_t>(j)] = expTable.lookup(static_cast<std::int16_t>(sd));
                sum += ex[static_cast<std::size_t>(j)];
            }
            const int h = fixed::countLeadingZeros32(static_cast<std::uint32_t>(sum));
            const std::int64_t shifted = ((static_cast<std::int64_t>(sum) << (h - 1)) + (1 << 13)) >> 14;
            const auto sym = static_cast<std::int16_t>(std::clamp<std::int64_t>(shifted - (32768 + 65536), -32768, 32767));
            const std::int32_t rec = recipTable.lookup(sym);
            const int r = 31 - h;
            for (int j = 0; j < depth; ++j) {
                const std::int64_t v = (static_cast<std::int64_t>(ex[static_cast<std::size_t>(j)]) * rec + (std::int64_t{1} << (r - 1))) >> r;
                yo[row * depth + j] = static_cast<std::int16_t>(std::clamp<std::int64_t>(v, 0, 32767));
            }
        }
    });
}

// LiteRT's LOG_SOFTMAX for 8-bit codes: a float exp table, the log of the float sum, the result
// rounded half to even.
template <class T> Prepared tableLogSoftmax(NodeContext& ctx, int depth, std::int64_t rows)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    const float s = x.scale(), sOut = y.scale();
    auto table = std::make_shared<std::array<float, 256>>();
    for (int v = 0; v <= 255; ++v)
        (*table)[static_cast<std::size_t>(255 - v)] = std::exp(-s * static_cast<float>(v));
    const float c = s / sOut;
    const std::int32_t zo = y.zeroPoint();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, in).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        for (std::int64_t row = 0; row < rows; ++row) {
            const T* xr = xi + row * depth;
            std::int32_t mx = std::numeric_limits<T>::min();
            for (int j = 0; j < depth; ++j)
                mx = std::max<std::int32_t>(mx, xr[j]);
            float sum = 0;
            for (int j = 0; j < depth; ++j)
                sum += (*table)[static_cast<std::size_t>(255 - mx + xr[j])];
            const float pre = (s * static_cast<float>(mx) + std::log(sum)) / sOut;
            for (int j = 0; j < depth; ++j)
                yo[row * depth + j] = static_cast<T>(
                    std::clamp(roundHalfEven(c * static_cast<float>(xr[j]) - pre) + zo, qmin<T>(), qmax<T>()));
        }
    });
}

// log(x) for x >= 1 given in Q(12), result in Q(5): gemmlowp's log_x_for_x_greater_than_or_equal_to_1.
std::int32_t logAtLeastOne(std::int32_t x)
{
    constexpr int inBits = 12, outBits = 5, acc = outBits + 1;
    constexpr std::int32_t ln2 = 1488522236, sqrtSqrtHalf = 1805811301, sqrtHalf = 1518500250, quarter = 536870912;
    constexpr std::int32_t alphaN = 117049297, alphaD = 127690142, alphaI = 1057819769, alphaF = 638450708;
    auto shiftSat = [](std::int32_t v, int e) { return fixed::srmpot<32>(v, e); };
    auto satAdd = [](std::int64_t a, std::int64_t b) {
        return static_cast<std::int32_t>(std::clamp<std::int64_t>(a + b, INT32_MIN, INT32_MAX));
    };
    const std::int32_t quarterAcc = fixed::srmpot<32>(quarter, -acc);
    const int h = fixed::countLeadingZeros32(static_cast<std::uint32_t>(x));
    const std::int32_t ra = shiftSat(fixed::mul<32>(shiftSat(x, h - 1), sqrtHalf), 1);
    const std::int32_t aa = satAdd(shiftSat(inBits - h, 31 - acc), quarterAcc);
    const std::int32_t zb = fixed::mul<32>(x, sqrtHalf);
    const int hb = fixed::countLeadingZeros32(static_cast<std::uint32_t>(zb)) - 1;
    const std::int32_t rb = shiftSat(x, hb);
    const std::int32_t ab = satAdd(shiftSat(inBits - hb, 31 - acc), -static_cast<std::int64_t>(quarterAcc));
    const std::int32_t r = std::min(ra, rb), z = std::max(aa, ab);
    const std::int32_t p = fixed::roundingHalfSum<32>(r, sqrtSqrtHalf);
    std::int32_t q = fixed::sub<32>(r, sqrtSqrtHalf);
    q = fixed::add<32>(q, q);
    const std::int32_t cs = fixed::mul<32>(q, q);
    const std::int32_t num = fixed::add<32>(fixed::mul<32>(q, r), fixed::mul<32>(fixed::mul<32>(q, cs), alphaN));
    const std::int32_t den = fixed::add<32>(
        fixed::mul<32>(p, fixed::add<32>(fixed::add<32>(alphaI, q), fixed::mul<32>(alphaD, cs))), fixed::mul<32>(alphaF, q));
    const std::int32_t rd = fixed::oneOverOnePlusX<32>(den);
    const std::int32_t ns = fixed::srmpot<32>(num, -acc);
    return fixed::srmpot<32>(fixed::add<32>(fixed::mul<32>(z, ln2), fixed::mul<32>(ns, rd)), acc - outBits);
}

// tflite-micro's int8 LOG_SOFTMAX in gemmlowp fixed point.
Prepared microLogSoftmax(NodeContext& ctx, int depth, std::int64_t rows)
{
    const RtTensor& x = ctx.in(0);
    const FixedMultiplier m = quantizeMultiplier(std::min(static_cast<double>(x.scale()) * (1 << 26), 2147483647.0));
    if (m.shift < 0)
        return ctx.fail("the input scale is too small for tflite-micro's log-softmax");
    const FixedMultiplier rev = quantizeMultiplier(std::ldexp(1.0, 31 - m.shift) / static_cast<double>(m.multiplier));
    const auto diffMin = static_cast<std::int32_t>(-std::floor(31.0 * std::ldexp(1.0, 26) / std::ldexp(1.0, m.shift)));
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const auto* xi = tensorAt(rc, in).as<std::int8_t>();
        auto* yo = tensorAt(rc, out).as<std::int8_t>();
        for (std::int64_t row = 0; row < rows; ++row) {
            const std::int8_t* xr = xi + row * depth;
            std::int32_t mx = -128;
            for (int j = 0; j < depth; ++j)
                mx = std::max<std::int32_t>(mx, xr[j]);
            std::int32_t sum = 0;
            for (int j = 0; j < depth; ++j) {
                const std::int32_t d = xr[j] - mx;
                if (d >= diffMin)
                    sum = fixed::add<32>(sum, fixed::rdbpot<32>(
                                                  fixed::expOnNegativeValues<32>(multiplyByQuantizedMultiplier(d, m), 5), 12));
            }
            const std::int32_t lse = logAtLeastOne(sum);
            const std::int32_t adjusted =
                std::max(diffMin - 1, multiplyByQuantizedMultiplier(fixed::sub<32>(lse, INT32_MIN), rev));
            for (int j = 0; j < depth; ++j) {
                const std::int32_t d = xr[j] - mx;
                std::int32_t v = -128;
                if (d > adjusted)
                    v = std::clamp(fixed::rdbpot<32>(fixed::sub<32>(multiplyByQuantizedMultiplier(d, m), lse), 22) + 127, -128, 127);
                yo[row * depth + j] = static_cast<std::int8_t>(v);
            }
        }
    });
}

} // namespace

Prepared integerSoftmax(NodeContext& ctx, float beta, int depth, std::int64_t rows)
{
    const DType a = ctx.in(0).dtype, b = ctx.out(0).dtype;
    const RtTensor& y = ctx.out(0);
    if (ctx.rounding == Rounding::Reference) {
        if (a == DType::Int8)
            return microSoftmax(ctx, beta, depth, rows);
        if (a == DType::Int16 && b == DType::Int16)
            return int16Softmax<float>(ctx, beta, depth, rows);
        return ctx.fail("tflite-micro has no softmax for " + ctx.dtypes());
    }
    if (a == DType::Int8 && b == DType::Int8) {
        if (y.zeroPoint() != -128 || std::abs(y.scale() - 1.0f / 256) > 0.001f / 256)
            return ctx.fail("int8 softmax needs output scale 1/256 and zero point -128 (LiteRT refuses others)");
        return tableSoftmax<std::int8_t, std::int8_t>(ctx, beta, depth, rows);
    }
    if (a == DType::UInt8 && b == DType::UInt8)
        return tableSoftmax<std::uint8_t, std::uint8_t>(ctx, beta, depth, rows);
    if (a == DType::Int8 && b == DType::Int16)
        return tableSoftmax<std::int8_t, std::int16_t>(ctx, beta, depth, rows);
    if (a == DType::UInt8 && b == DType::Int16)
        return tableSoftmax<std::uint8_t, std::int16_t>(ctx, beta, depth, rows);
    if (a == DType::Int16 && b == DType::Int16)
        return int16Softmax<double>(ctx, beta, depth, rows);
    return ctx.unsupported();
}

Prepared integerLogSoftmax(NodeContext& ctx, int depth, std::int64_t rows)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (x.dtype != y.dtype || (x.dtype != DType::Int8 && x.dtype != DType::UInt8))
        return ctx.unsupported();
    const std::int32_t expectedZero = x.dtype == DType::Int8 ? 127 : 255;
    if (y.scale() != 16.0f / 256 || y.zeroPoint() != expectedZero)
        return ctx.fail("log-softmax output must have scale 16/256 and zero point " + std::to_string(expectedZero));
    if (ctx.rounding == Rounding::Reference) {
        if (x.dtype != DType::Int8)
            return ctx.fail("tflite-micro has no uint8 log-softmax");
        return microLogSoftmax(ctx, depth, rows);
    }
    return x.dtype == DType::Int8 ? tableLogSoftmax<std::int8_t>(ctx, depth, rows)
                                  : tableLogSoftmax<std::uint8_t>(ctx, depth, rows);
}

} // namespace ql::exec
