// SPDX-License-Identifier: MIT
// Float functions as XNNPACK evaluates them in LiteRT's CPU runtime, where their results differ from
// the C library's beyond rounding (docs/arithmetic.md): natural log from a rational approximation on
// the mantissa, which gives finite values for +inf, NaN and huge inputs and treats denormals as tiny
// normals.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace ql::exec::xnn {

inline float logf(float x)
{
    // Scaled by (nearly) sqrt(2) so that the exponent rounds up; the two constants multiply to 1 in float.
    constexpr float sqrt2 = 1.4142134190e+00f, sqrtHalf = 7.0710688829e-01f;
    constexpr float ln2 = 0.69314718055994531f;
    x = x * sqrt2;
    std::uint32_t bits;
    std::memcpy(&bits, &x, 4);
    // The exponent, read with the sign bit extended into it: zero (and denormals) give -inf, negative
    // numbers NaN.
    if (x == 0.0f)
        bits |= 0x80000000u;
    const auto shifted = static_cast<std::uint32_t>(static_cast<std::int32_t>(bits & 0xFF800000u) >> 8);
    const std::uint32_t biased = 0x43800000u | shifted; // 256.0f with the exponent in its mantissa
    float e;
    std::memcpy(&e, &biased, 4);
    e = e - 383.0f;
    // The mantissa with exponent zero, moved to [sqrt(1/2) - 1, sqrt(2) - 1).
    const std::uint32_t mbits = (bits & 0x007FFFFFu) | 0x3F800000u;
    float m;
    std::memcpy(&m, &mbits, 4);
    m = m * sqrtHalf - 1.0f;
    float p = m * 1.824996918440e-01f + 1.0f;
    p = m * p + 1.0f;
    p = m * p;
    float q = m * 0.049584995955f + 0.599170029163f;
    q = m * q + 1.5f;
    q = m * q + 1.0f;
    return e * ln2 + p / q;
}

} // namespace ql::exec::xnn
