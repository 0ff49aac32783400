// SPDX-License-Identifier: MIT
// The definitions the recurrent operators' tests evaluate independently of the engine: seeded values,
// and the dynamic-range ("hybrid") quantization of one batch row as TFLite publishes it.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace ql::test {

// Values in [-scale, scale) from a linear congruential generator: the same on every machine.
inline std::vector<float> seeded(std::size_t n, float scale, unsigned seed)
{
    std::vector<float> v(n);
    unsigned x = seed;
    for (auto& e : v) {
        x = x * 1664525u + 1013904223u;
        e = scale * (static_cast<float>(x >> 8) / 8388608.0f - 1.0f);
    }
    return v;
}

// The hybrid definition: one batch row quantized to int8 in float arithmetic. Symmetric: max|x| onto
// 127. Asymmetric: [min(0, min x), max(0, max x)] onto [-128, 127], the zero point taken from the end
// with the smaller rounding error and rounded, codes = round(zp + x / scale).
struct RowCodes {
    std::vector<std::int32_t> q;
    float scale = 1.0f;
    std::int32_t zero = 0;
};

inline RowCodes quantizeRow(const float* x, int n, bool asymmetric)
{
    RowCodes r;
    r.q.assign(static_cast<std::size_t>(n), 0);
    const auto [lo, hi] = std::minmax_element(x, x + n);
    if (!asymmetric) {
        const float range = std::max(std::abs(*lo), std::abs(*hi));
        if (range == 0.0f)
            return r;
        r.scale = range / 127.0f;
        const float inverse = 127.0f / range;
        for (int i = 0; i < n; ++i)
            r.q[static_cast<std::size_t>(i)] = std::clamp(static_cast<std::int32_t>(std::round(x[i] * inverse)), -127, 127);
        return r;
    }
    const double rmin = std::min(0.0f, *lo), rmax = std::max(0.0f, *hi);
    if (rmin == rmax)
        return r;
    const double scale = (rmax - rmin) / 255.0;
    const double fromMin = -128.0 - rmin / scale, fromMax = 127.0 - rmax / scale;
    const double z = (128.0 + std::abs(rmin / scale) < 127.0 + std::abs(rmax / scale)) ? fromMin : fromMax;
    r.zero = z <= -128.0 ? -128 : z >= 127.0 ? 127 : static_cast<std::int32_t>(std::round(z));
    r.scale = static_cast<float>(scale);
    const float inverse = 1.0f / r.scale;
    for (int i = 0; i < n; ++i)
        r.q[static_cast<std::size_t>(i)] =
            std::clamp(static_cast<std::int32_t>(std::round(static_cast<float>(r.zero) + x[i] * inverse)), -128, 127);
    return r;
}

// Per-tensor int8 codes of w, symmetric with `levels` steps each side (127 for int8, 512 for the
// converter's int16 weights_time); returns the scale.
template <class T> inline float quantizeWeights(const std::vector<float>& w, int levels, std::vector<T>& codes)
{
    float maxAbs = 0;
    for (const float v : w)
        maxAbs = std::max(maxAbs, std::abs(v));
    const float scale = maxAbs / static_cast<float>(levels);
    codes.clear();
    for (const float v : w)
        codes.push_back(static_cast<T>(std::clamp<long>(std::lround(v / scale), -levels, levels)));
    return scale;
}

} // namespace ql::test
