// SPDX-License-Identifier: MIT
// The fixed-point arithmetic TFLite's and tflite-micro's integer kernels are defined with (the
// "gemmlowp" functions): values Q(I) held in a signed integer of B bits (32 or 16) with I integer
// bits and B - 1 - I fractional bits. Sums wrap, products are saturating rounding doubling high
// multiplications. Written from docs/arithmetic.md (quantized builtins, section 5.3), which states
// every constant and step; each function below follows that description.
#pragma once

#include "exec/quant_math.h"

#include <cstdint>
#include <limits>
#include <type_traits>

namespace ql::exec::fixed {

// Raw integer type of B bits.
template <int B> using Raw = std::conditional_t<B == 32, std::int32_t, std::int16_t>;

template <int B> constexpr Raw<B> rawMax()
{
    return std::numeric_limits<Raw<B>>::max();
}
template <int B> constexpr Raw<B> rawMin()
{
    return std::numeric_limits<Raw<B>>::min();
}

// Wrapping arithmetic at B bits (two's complement, as the runtimes' C++ computes it on their targets).
template <int B> Raw<B> add(Raw<B> a, Raw<B> b)
{
    using U = std::make_unsigned_t<Raw<B>>;
    return static_cast<Raw<B>>(static_cast<U>(static_cast<U>(a) + static_cast<U>(b)));
}
template <int B> Raw<B> sub(Raw<B> a, Raw<B> b)
{
    using U = std::make_unsigned_t<Raw<B>>;
    return static_cast<Raw<B>>(static_cast<U>(static_cast<U>(a) - static_cast<U>(b)));
}
template <int B> Raw<B> neg(Raw<B> a)
{
    return sub<B>(0, a);
}

template <int B> Raw<B> mul(Raw<B> a, Raw<B> b)
{
    if constexpr (B == 32) {
        return saturatingRoundingDoublingHighMul(a, b);
    } else {
        if (a == b && a == rawMin<16>())
            return rawMax<16>();
        const std::int32_t ab = static_cast<std::int32_t>(a) * b;
        const std::int32_t nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
        return static_cast<std::int16_t>((ab + nudge) / (1 << 15));
    }
}

// Division by 2^e rounding half away from zero (e in [0, B - 1]).
template <int B> Raw<B> rdbpot(Raw<B> x, int e)
{
    const std::int32_t mask = static_cast<std::int32_t>((std::int64_t{1} << e) - 1);
    const std::int32_t remainder = static_cast<std::int32_t>(x) & mask;
    const std::int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return static_cast<Raw<B>>((static_cast<std::int32_t>(x) >> e) + (remainder > threshold ? 1 : 0));
}

// Saturating rounding multiply by 2^e.
template <int B> Raw<B> srmpot(Raw<B> x, int e)
{
    if (e == 0)
        return x;
    if (e < 0)
        return rdbpot<B>(x, -e);
    const std::int64_t t = (std::int64_t{1} << (B - 1 - e)) - 1;
    if (x > t)
        return rawMax<B>();
    if (x < -t)
        return rawMin<B>();
    return static_cast<Raw<B>>(static_cast<std::int64_t>(x) * (std::int64_t{1} << e));
}

// (a + b) / 2 rounded half away from zero, in a wider type.
template <int B> Raw<B> roundingHalfSum(Raw<B> a, Raw<B> b)
{
    const std::int64_t s = static_cast<std::int64_t>(a) + b;
    return static_cast<Raw<B>>((s + (s >= 0 ? 1 : -1)) / 2);
}

// 2^(F + k) with F = B - 1 - I fractional bits.
template <int B> Raw<B> constantPot(int integerBits, int k)
{
    return static_cast<Raw<B>>(std::int64_t{1} << (B - 1 - integerBits + k));
}

// The value 1 in Q(I): the largest raw value for I = 0.
template <int B> Raw<B> one(int integerBits)
{
    return integerBits == 0 ? rawMax<B>() : constantPot<B>(integerBits, 0);
}

// A 32-bit constant as the B-bit raw value (16 bits: rounded down by 16 bits).
template <int B> Raw<B> constant(std::int32_t c)
{
    if constexpr (B == 32)
        return c;
    else
        return static_cast<std::int16_t>(rdbpot<32>(c, 16));
}

template <int B> Raw<B> addSaturatingIf16Bit(Raw<B> a, Raw<B> b)
{
    if constexpr (B == 32)
        return add<32>(a, b);
    else
        return static_cast<std::int16_t>(
            std::clamp<std::int32_t>(static_cast<std::int32_t>(a) + b, rawMin<16>(), rawMax<16>()));
}

// exp(a) for a in [-1/4, 0), Q(0) in and out.
template <int B> Raw<B> expOnIntervalNegativeQuarter(Raw<B> a)
{
    const Raw<B> c = constant<B>(1895147668); // exp(-1/8)
    const Raw<B> third = constant<B>(715827883); // 1/3
    const Raw<B> x = add<B>(a, constantPot<B>(0, -3));
    const Raw<B> x2 = mul<B>(x, x);
    const Raw<B> x3 = mul<B>(x2, x);
    const Raw<B> x4 = mul<B>(x2, x2);
    const Raw<B> x4q = srmpot<B>(x4, -2);
    const Raw<B> p = srmpot<B>(add<B>(mul<B>(add<B>(x4q, x3), third), x2), -1);
    return addSaturatingIf16Bit<B>(c, mul<B>(c, add<B>(x, p)));
}

// exp(a) for a <= 0 given in Q(I); the result in Q(0).
template <int B> Raw<B> expOnNegativeValues(Raw<B> a, int integerBits)
{
    const int F = B - 1 - integerBits;
    const Raw<B> quarter = static_cast<Raw<B>>(std::int64_t{1} << (F - 2));
    const Raw<B> amod = sub<B>(static_cast<Raw<B>>(a & (quarter - 1)), quarter);
    Raw<B> r = expOnIntervalNegativeQuarter<B>(srmpot<B>(amod, integerBits));
    const Raw<B> rem = sub<B>(amod, a);
    static constexpr struct {
        int e;
        std::int32_t c;
    } kSteps[] = {{-2, 1672461947}, {-1, 1302514674}, {0, 790015084}, {1, 290630308}, {2, 39332535}, {3, 720401},
        {4, 242}};
    for (const auto& s : kSteps)
        if (integerBits > s.e && F + s.e >= 0 && F + s.e < B && ((static_cast<std::int64_t>(rem) >> (F + s.e)) & 1))
            r = mul<B>(r, constant<B>(s.c));
    if (integerBits > 5) {
        const std::int64_t clampAt = -(std::int64_t{1} << (F + 5));
        if (a < clampAt)
            r = 0;
    }
    if (a == 0)
        r = one<B>(0);
    return r;
}

// The Newton-Raphson core of the reciprocals below: about 2 / (1 + a), a in [0, 1) as Q(0), result Q(2).
template <int B> Raw<B> reciprocalCore(Raw<B> a)
{
    const Raw<B> h = roundingHalfSum<B>(a, one<B>(0));
    Raw<B> x = add<B>(constant<B>(1515870810), mul<B>(h, constant<B>(-1010580540)));
    for (int i = 0; i < 3; ++i) {
        const Raw<B> hx = mul<B>(h, x);
        const Raw<B> d = sub<B>(one<B>(2), hx);
        x = add<B>(x, srmpot<B>(mul<B>(x, d), 2));
    }
    return x;
}

template <int B> Raw<B> oneOverOnePlusX(Raw<B> a)
{
    return srmpot<B>(reciprocalCore<B>(a), 1);
}

template <int B> Raw<B> oneMinusXOverOnePlusX(Raw<B> a)
{
    return srmpot<B>(sub<B>(reciprocalCore<B>(a), one<B>(2)), 2);
}

// tanh(a) for a in Q(I), result Q(0).
template <int B> Raw<B> tanh(Raw<B> a, int integerBits)
{
    const Raw<B> n = a < 0 ? a : neg<B>(a);
    const Raw<B> t = oneMinusXOverOnePlusX<B>(expOnNegativeValues<B>(n, integerBits + 1));
    if (a == 0)
        return 0;
    return a < 0 ? neg<B>(t) : t;
}

// logistic(a) for a in Q(I), result Q(0).
template <int B> Raw<B> logistic(Raw<B> a, int integerBits)
{
    const Raw<B> m = a > 0 ? a : neg<B>(a);
    const Raw<B> r = oneOverOnePlusX<B>(expOnNegativeValues<B>(neg<B>(m), integerBits));
    if (a == 0)
        return static_cast<Raw<B>>(B == 32 ? (1 << 30) : 16384);
    return a > 0 ? r : sub<B>(one<B>(0), r);
}

// Leading zero bits of a 32-bit value (32 for 0).
inline int countLeadingZeros32(std::uint32_t v)
{
    return v == 0 ? 32 : __builtin_clz(v);
}

// Redundant sign bits of an int32 (31 for 0 and -1).
inline int countLeadingSignBits32(std::int32_t v)
{
    return v >= 0 ? countLeadingZeros32(static_cast<std::uint32_t>(v)) - 1
                  : countLeadingZeros32(static_cast<std::uint32_t>(~v)) - 1;
}

// Division by 2^e rounding half away from zero, for any e >= 0 as LiteRT's WebAssembly build
// computes it: shift counts of 32 or more wrap modulo 32 and the mask keeps all 32 bits.
inline std::int32_t rdbpotWasm(std::int32_t x, int e)
{
    // The mask is formed with a 64-bit shift (count modulo 64) and kept to 32 bits.
    const std::int32_t mask = static_cast<std::int32_t>(static_cast<std::uint32_t>((std::uint64_t{1} << (e & 63)) - 1));
    const std::int32_t remainder = x & mask;
    const std::int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> (e & 31)) + (remainder > threshold ? 1 : 0);
}

// 1 / sqrt(v) for v >= 0 as a multiplier and exponent (TFLite's GetInvSqrtQuantizedMultiplierExp):
// Newton-Raphson in Q3 after normalising v into [2^27, 2^29).
inline FixedMultiplier invSqrt(std::int32_t v)
{
    if (v <= 1)
        return {std::numeric_limits<std::int32_t>::max(), 0};
    int shift = 11;
    while (v >= (1 << 29)) {
        v /= 4;
        ++shift;
    }
    const int p = (countLeadingZeros32(static_cast<std::uint32_t>(v)) - 1) / 2 - 1;
    shift -= p;
    v = static_cast<std::int32_t>(static_cast<std::uint32_t>(v) << (2 * p));
    const std::int32_t xin = v >> 1;
    const std::int32_t half = rdbpot<32>(xin, 1);
    const std::int32_t threeHalves = (1 << 28) + (1 << 27);
    std::int32_t x = 1 << 28;
    for (int i = 0; i < 5; ++i) {
        const std::int32_t x3 = srmpot<32>(mul<32>(mul<32>(x, x), x), 6);
        x = srmpot<32>(sub<32>(mul<32>(threeHalves, x), mul<32>(half, x3)), 3);
    }
    x = mul<32>(x, 1518500250); // sqrt(1/2)
    if (shift < 0) {
        x = static_cast<std::int32_t>(static_cast<std::uint32_t>(x) << -shift);
        shift = 0;
    }
    return {x, -shift};
}

} // namespace ql::exec::fixed
