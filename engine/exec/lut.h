// SPDX-License-Identifier: MIT
// Lookup tables for quantized unary functions, built the way each runtime builds them
// (docs/arithmetic.md):
//   TFLite's 8-bit table: x = s_in * (q - z_in) in float, f(x) * (1 / s_out) rounded half away from
//     zero, plus z_out;
//   XNNPACK's 8-bit table: the same steps but the zero point added before rounding half to even;
//   TFLite's 16-bit table: 513 samples of f over the input range with a bias that makes linear
//     interpolation exact at half steps, then interpolated per input value.
#pragma once

#include "exec/quant_math.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

namespace ql::exec {

// 256 entries indexed by the code's byte (static_cast<uint8_t>(q)).
template <class T> using Lut8 = std::array<T, 256>;

template <class T, class F> Lut8<T> tfliteTable(float sIn, std::int32_t zIn, float sOut, std::int32_t zOut, F f)
{
    Lut8<T> t{};
    const float inv = 1.0f / sOut;
    for (std::int32_t q = std::numeric_limits<T>::min(); q <= std::numeric_limits<T>::max(); ++q) {
        const float x = sIn * static_cast<float>(q - zIn);
        const float r = std::round(static_cast<float>(f(x)) * inv);
        const auto v = saturatingToInt32(static_cast<float>(r + static_cast<float>(zOut)));
        t[static_cast<std::uint8_t>(static_cast<T>(q))] =
            static_cast<T>(std::clamp<std::int32_t>(v, qmin<T>(), qmax<T>()));
    }
    return t;
}

template <class T, class F> Lut8<T> xnnpackTable(float sIn, std::int32_t zIn, float sOut, std::int32_t zOut, F f)
{
    Lut8<T> t{};
    const float inv = 1.0f / sOut;
    for (std::int32_t q = std::numeric_limits<T>::min(); q <= std::numeric_limits<T>::max(); ++q) {
        const float x = (static_cast<float>(q) - static_cast<float>(zIn)) * sIn;
        const float w = static_cast<float>(f(x));
        const auto v = roundHalfEven(w * inv + static_cast<float>(zOut));
        t[static_cast<std::uint8_t>(static_cast<T>(q))] =
            static_cast<T>(std::clamp<std::int32_t>(v, qmin<T>(), qmax<T>()));
    }
    return t;
}

// TFLite's interpolated int16 table. `Real` is the type the table is computed in: LiteRT uses double,
// tflite-micro float.
struct Lut16 {
    std::array<std::int16_t, 513> entries{};

    std::int16_t lookup(std::int16_t v) const
    {
        const std::int32_t index = 256 + (v >> 7);
        const std::int32_t offset = v & 0x7F;
        const std::int32_t base = entries[static_cast<std::size_t>(index)];
        const std::int32_t slope = entries[static_cast<std::size_t>(index + 1)] - base;
        return static_cast<std::int16_t>(base + ((slope * offset + 64) >> 7));
    }
};

template <class Real, class F>
Lut16 int16Table(Real sIn, std::int32_t zIn, Real sOut, std::int32_t zOut, F f)
{
    const Real inMin = sIn * static_cast<Real>(-32768 - zIn), inMax = sIn * static_cast<Real>(32767 - zIn);
    const Real outMin = sOut * static_cast<Real>(-32768 - zOut), outMax = sOut * static_cast<Real>(32767 - zOut);
    const Real step = (inMax - inMin) / Real(512);
    const Real half = step / Real(2);
    const Real inv = Real(65536) / (outMax - outMin);
    auto round = [](Real v) { return std::round(v); };
    auto clamp16 = [](Real v) {
        return static_cast<std::int16_t>(std::clamp<Real>(v, Real(-32768), Real(32767)));
    };
    Lut16 t;
    for (int i = 0; i < 512; ++i) {
        const Real x = inMin + static_cast<Real>(i) * step;
        const Real v = static_cast<Real>(f(x));
        const Real vm = static_cast<Real>(f(x + half));
        const Real vn = static_cast<Real>(f(inMin + static_cast<Real>(i + 1) * step));
        const Real sample = round(v * inv);
        const Real interp = round((vn * inv + round(v * inv)) / Real(2));
        const Real mid = round(vm * inv);
        const Real bias = round((interp - mid) / Real(2));
        t.entries[static_cast<std::size_t>(i)] = clamp16(sample - bias);
    }
    t.entries[512] = clamp16(round(static_cast<Real>(f(inMax)) * inv));
    return t;
}

} // namespace ql::exec
