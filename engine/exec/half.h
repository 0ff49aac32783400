// SPDX-License-Identifier: MIT
// IEEE 754 binary16 <-> binary32.
#pragma once

#include <cstdint>
#include <cstring>

namespace ql::exec {

inline float halfToFloat(std::uint16_t h)
{
    const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000) << 16;
    const std::uint32_t exp = (h >> 10) & 0x1f;
    std::uint32_t mant = h & 0x3ff;
    std::uint32_t bits;
    if (exp == 0) {
        if (mant == 0) {
            bits = sign;
        } else { // subnormal: normalize
            int e = -1;
            do {
                ++e;
                mant <<= 1;
            } while ((mant & 0x400) == 0);
            bits = sign | static_cast<std::uint32_t>(127 - 15 - e) << 23 | (mant & 0x3ff) << 13;
        }
    } else if (exp == 0x1f) {
        bits = sign | 0x7f800000u | mant << 13; // inf / NaN
    } else {
        bits = sign | (exp + 127 - 15) << 23 | mant << 13;
    }
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

// Round to nearest even; overflow to infinity.
inline std::uint16_t floatToHalf(float f)
{
    std::uint32_t x;
    std::memcpy(&x, &f, 4);
    const std::uint16_t sign = static_cast<std::uint16_t>((x >> 16) & 0x8000);
    const std::uint32_t absx = x & 0x7fffffffu;
    if (absx >= 0x7f800000u) // inf or NaN
        return static_cast<std::uint16_t>(sign | 0x7c00 | (absx > 0x7f800000u ? 0x200 : 0));
    if (absx >= 0x477ff000u) // rounds to >= 65520: infinity
        return static_cast<std::uint16_t>(sign | 0x7c00);
    if (absx < 0x38800000u) { // below the smallest normal half: subnormal or zero
        if (absx < 0x33000000u)
            return sign;
        const std::uint32_t e = absx >> 23;
        const std::uint32_t m = (absx & 0x7fffff) | 0x800000;
        const int shift = static_cast<int>(126 - e); // 14 + (127 - 15 - e) ... brings to 10-bit subnormal
        const std::uint32_t half = m >> (shift + 0);
        const std::uint32_t rem = m & ((1u << shift) - 1);
        const std::uint32_t mid = 1u << (shift - 1);
        std::uint32_t r = half;
        if (rem > mid || (rem == mid && (half & 1)))
            ++r;
        return static_cast<std::uint16_t>(sign | r);
    }
    std::uint32_t r = absx - 0x38000000u; // rebias exponent 127 -> 15
    const std::uint32_t rem = r & 0x1fff;
    r >>= 13;
    if (rem > 0x1000 || (rem == 0x1000 && (r & 1)))
        ++r;
    return static_cast<std::uint16_t>(sign | r);
}

} // namespace ql::exec
