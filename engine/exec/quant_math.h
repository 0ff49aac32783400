// SPDX-License-Identifier: MIT
// Integer requantization arithmetic of the two runtimes QuantLens reproduces (docs/arithmetic.md).
//
// Reference (TFLite reference kernels, tflite-micro): a real multiplier m is stored as a Q31
// fixed-point mantissa and a power-of-two exponent; x * m is computed as a saturating rounding
// doubling high multiplication followed by a rounding right shift (two roundings).
// XNNPACK (LiteRT CPU): x * m is computed in float32 and rounded half to even.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>

namespace ql::exec {

// Rounds to nearest int32 with the given rounding already applied by the caller's function; NaN
// becomes 0 and values outside int32 saturate (hostile models may carry zero or infinite scales).
inline std::int32_t saturatingToInt32(double v)
{
    if (!(v == v))
        return 0;
    if (v >= 2147483647.0)
        return std::numeric_limits<std::int32_t>::max();
    if (v <= -2147483648.0)
        return std::numeric_limits<std::int32_t>::min();
    return static_cast<std::int32_t>(v);
}

// round(v) half away from zero, saturated.
inline std::int32_t roundToInt32(double v)
{
    return saturatingToInt32(std::round(v));
}

// v + zeroPoint clamped to [lo, hi], computed without int32 overflow (hostile parameters can push a
// requantized value to the ends of the int32 range).
inline std::int32_t addClamped(std::int64_t v, std::int32_t zeroPoint, std::int32_t lo, std::int32_t hi)
{
    return static_cast<std::int32_t>(std::clamp<std::int64_t>(v + zeroPoint, lo, hi));
}

inline std::int32_t saturate32(std::int64_t v)
{
    return static_cast<std::int32_t>(std::clamp<std::int64_t>(
        v, std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()));
}

// The exponent of a power-of-two scale, accepted as TFLite's CheckedLog2 does (log2 within 1e-3 of
// an integer); nothing for other scales.
inline std::optional<int> powerOfTwoExponent(float scale)
{
    if (!(scale > 0))
        return std::nullopt;
    const float l = std::log2(scale);
    const auto power = static_cast<int>(std::lround(l));
    if (std::abs(l - static_cast<float>(power)) >= 1e-3f)
        return std::nullopt;
    return power;
}

struct FixedMultiplier {
    std::int32_t multiplier = 0; // Q31 mantissa in [2^30, 2^31) (0 for m = 0)
    int shift = 0; // power of two: > 0 shifts left, < 0 right
};

// The mantissa/exponent split of a real multiplier, as TFLite's QuantizeMultiplier does it
// (frexp, round half away from zero, mantissa 2^31 folded into the exponent; tiny values flush to 0).
inline FixedMultiplier quantizeMultiplier(double m)
{
    if (!(m > 0.0)) // zero, negative or NaN
        return {};
    if (!std::isfinite(m) || m >= 1073741824.0)
        return {std::numeric_limits<std::int32_t>::max(), 30};
    int shift = 0;
    const double q = std::frexp(m, &shift);
    auto fixed = static_cast<std::int64_t>(std::round(q * (1LL << 31)));
    if (fixed == (1LL << 31)) {
        fixed /= 2;
        ++shift;
    }
    if (shift < -31) {
        shift = 0;
        fixed = 0;
    }
    if (shift > 30) {
        shift = 30;
        fixed = (1LL << 31) - 1;
    }
    return {static_cast<std::int32_t>(fixed), shift};
}

inline std::int32_t saturatingRoundingDoublingHighMul(std::int32_t a, std::int32_t b)
{
    if (a == b && a == std::numeric_limits<std::int32_t>::min())
        return std::numeric_limits<std::int32_t>::max();
    const std::int64_t ab = static_cast<std::int64_t>(a) * b;
    const std::int64_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
    return static_cast<std::int32_t>((ab + nudge) / (1LL << 31));
}

// Division by 2^exponent rounding half away from zero.
inline std::int32_t roundingDivideByPot(std::int32_t x, int exponent)
{
    const std::int32_t mask = static_cast<std::int32_t>((1LL << exponent) - 1);
    const std::int32_t remainder = x & mask;
    const std::int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

inline std::int32_t multiplyByQuantizedMultiplier(std::int32_t x, const FixedMultiplier& m)
{
    const int left = m.shift > 0 ? m.shift : 0;
    const int right = m.shift > 0 ? 0 : -m.shift;
    // The left shift happens in 32 bits in TFLite; wrap-around is the defined behaviour there.
    const auto shifted = static_cast<std::int32_t>(static_cast<std::uint32_t>(x) << left);
    return roundingDivideByPot(saturatingRoundingDoublingHighMul(shifted, m.multiplier), right);
}

// The 64-bit accumulator variant of the 16x8 kernels: the multiplier is reduced to 16 bits and the
// product rounded once.
inline std::int32_t multiplyByQuantizedMultiplier64(std::int64_t x, const FixedMultiplier& m)
{
    // TFLite requires |x| < 2^47 and a shift below 8; out-of-spec values (hostile models) saturate.
    constexpr std::int64_t kLimit = std::int64_t{1} << 47;
    x = std::clamp(x, -kLimit, kLimit - 1);
    const std::int32_t reduced = m.multiplier < 0x7FFF0000 ? (m.multiplier + (1 << 15)) >> 16 : 0x7FFF;
    const int totalShift = std::clamp(15 - m.shift, 1, 62);
    const std::int64_t rounded = x * reduced + (std::int64_t{1} << (totalShift - 1));
    return static_cast<std::int32_t>(rounded >> totalShift);
}

// ruy's requantization (LiteRT's optimized integer GEMM kernels): one rounding shift of the 64-bit
// product, half rounded up: (x * multiplier + 2^(30 - shift)) >> (31 - shift).
inline std::int32_t multiplyByQuantizedMultiplierSingle(std::int32_t x, const FixedMultiplier& m)
{
    const int totalShift = std::clamp(31 - m.shift, 1, 62);
    const std::int64_t rounded =
        static_cast<std::int64_t>(x) * m.multiplier + (std::int64_t{1} << (totalShift - 1));
    return static_cast<std::int32_t>(std::clamp<std::int64_t>(rounded >> totalShift, INT32_MIN, INT32_MAX));
}

// Round half to even in float, as XNNPACK's requantization does.
inline std::int32_t roundHalfEven(float v)
{
    return saturatingToInt32(std::nearbyint(v));
}

// XNNPACK-style requantization of an int32 accumulator: scale in float, clamp in float to the output
// range shifted by the zero point, round half to even, add the zero point.
inline std::int32_t requantizeFloat(
    std::int32_t acc, float scale, std::int32_t zeroPoint, std::int32_t qmin, std::int32_t qmax)
{
    float v = static_cast<float>(acc) * scale;
    v = std::clamp(
        v, static_cast<float>(std::int64_t{qmin} - zeroPoint), static_cast<float>(std::int64_t{qmax} - zeroPoint));
    return addClamped(roundHalfEven(v), zeroPoint, qmin, qmax);
}

inline std::int32_t requantizeFixed(
    std::int32_t acc, const FixedMultiplier& m, std::int32_t zeroPoint, std::int32_t qmin, std::int32_t qmax)
{
    return addClamped(multiplyByQuantizedMultiplier(acc, m), zeroPoint, qmin, qmax);
}

template <class T> constexpr std::int32_t qmin()
{
    return std::numeric_limits<T>::min();
}
template <class T> constexpr std::int32_t qmax()
{
    return std::numeric_limits<T>::max();
}

} // namespace ql::exec
