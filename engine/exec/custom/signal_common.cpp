// SPDX-License-Identifier: MIT
#include "exec/custom/signal_common.h"

#include "exec/custom/options.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <string>

namespace ql::exec::signal {

namespace {

std::int32_t wrap32(std::int64_t v)
{
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
}

// log2(1 + i/128) - i/128 for i = 0 ... 128 with 16 fractional bits: the correction that turns the
// mantissa bits (a straight line between powers of two) into log2. tflite-micro writes these 129
// values out as literals; the formula reproduces every one of them. Entry 129 is padding.
const std::array<std::int32_t, 130>& logCorrection()
{
    static const std::array<std::int32_t, 130> table = [] {
        std::array<std::int32_t, 130> t{};
        for (int i = 0; i <= 128; ++i) {
            const double f = i / 128.0;
            t[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(std::lround(65536.0 * (std::log2(1.0 + f) - f)));
        }
        return t;
    }();
    return table;
}

} // namespace

Result<std::vector<std::int64_t>> readOptions(const NodeContext& ctx, std::initializer_list<IntOption> spec)
{
    auto parsed = FlexOptions::parse(ctx.op.customOptions);
    if (!parsed)
        return ctx.fail(parsed.error().message);
    std::string names;
    for (const auto& o : spec)
        names += (names.empty() ? "" : ", ") + std::string(o.key);
    for (const auto& k : parsed->keys())
        if (std::none_of(spec.begin(), spec.end(), [&](const IntOption& o) { return k == o.key; }))
            return ctx.fail("unexpected option '" + k + "' (the options are " + (names.empty() ? "none" : names) +
                "; tflite-micro reads them by position, so an extra one would shift the others)");
    std::vector<std::int64_t> values;
    for (const auto& o : spec) {
        if (!parsed->has(o.key))
            return ctx.fail("option '" + std::string(o.key) + "' is missing (tflite-micro has no default for it)");
        const auto v = parsed->exactInteger(o.key);
        if (!v)
            return ctx.fail("option '" + std::string(o.key) + "' must be an integer");
        if (*v < o.lo || *v > o.hi)
            return ctx.fail("option '" + std::string(o.key) + "' is " + std::to_string(*v) + ", it must lie in " +
                std::to_string(o.lo) + " .. " + std::to_string(o.hi));
        values.push_back(*v);
    }
    return values;
}

int mostSignificantBit32(std::uint32_t x)
{
    return x == 0 ? 32 : std::bit_width(x);
}

std::uint32_t roundedSqrt64(std::uint64_t x)
{
    // floor(sqrt(x)) from the double estimate, corrected to the exact integer (r <= 2^32 - 1, so the
    // squares below cannot overflow).
    constexpr std::uint64_t kMaxRoot = 0xFFFFFFFFu;
    std::uint64_t r = std::min(static_cast<std::uint64_t>(std::sqrt(static_cast<double>(x))), kMaxRoot);
    while (r * r > x)
        --r;
    while (r < kMaxRoot && (r + 1) * (r + 1) <= x)
        ++r;
    // x - r^2 > r means x is nearer (r + 1)^2 (a tie would need x = r^2 + r + 1/4).
    if (x - r * r > r)
        ++r;
    return static_cast<std::uint32_t>(std::min(r, x < (std::uint64_t{1} << 32) ? std::uint64_t{65535} : kMaxRoot));
}

std::uint32_t fixedLog(std::uint32_t x, std::uint32_t scale)
{
    const auto& table = logCorrection();
    const int e = mostSignificantBit32(x) - 1;
    std::uint32_t frac = x - (std::uint32_t{1} << e);
    frac = e < 16 ? frac << (16 - e) : frac >> (e - 16);
    const std::uint32_t seg = frac >> 9; // 128 segments of the mantissa
    const std::int32_t c0 = table[seg], c1 = table[seg + 1];
    const std::int32_t rel = ((c1 - c0) * static_cast<std::int32_t>(frac - 512 * seg)) >> 16; // floor
    const auto log2 = static_cast<std::uint32_t>((std::int64_t{e} << 16) + frac + c0 + rel);
    // ln = log2 * ln(2), with ln(2) as 45426 / 2^16.
    const auto ln = static_cast<std::uint32_t>((std::uint64_t{45426} * log2 + 32768) >> 16);
    return (scale * ln + 32768u) >> 16;
}

std::int16_t wideDynamicGain(std::uint32_t x, const std::int16_t* lut)
{
    if (x <= 2)
        return lut[x];
    // The table holds, per power of two 2^(k-1), a quadratic in the 10 bits below the leading one.
    const int k = mostSignificantBit32(x);
    const int b = 4 * k - 6;
    const std::int32_t f = static_cast<std::int32_t>((k < 11 ? x << (11 - k) : x >> (k - 11)) & 0x3FF);
    std::int32_t r = (std::int32_t{lut[b + 2]} * f) >> 5;
    r = wrap32(std::int64_t{r} + wrap32(std::int64_t{lut[b + 1]} * 32));
    r = wrap32(std::int64_t{r} * f);
    r = (wrap32(std::int64_t{r} + (1 << 14)) >> 15) + lut[b];
    return static_cast<std::int16_t>(r);
}

std::uint32_t pcanShrink(std::uint32_t v)
{
    return v < 8192 ? (v * v) >> 20 : (v >> 6) - 64;
}

} // namespace ql::exec::signal
