// SPDX-License-Identifier: MIT
#include "exec/custom/signal_fft.h"

#include <array>
#include <cmath>
#include <numbers>

namespace ql::exec::signal {

namespace {

using Cpx = Q15RealFft::Cpx;

// Q15 primitives of kissfft's FIXED_POINT=16 build. Products of two int16 are taken in int32; with
// twiddles of magnitude at most 32767 no sum of two products (plus the rounding half) overflows.
std::int16_t wrap16(std::int32_t v)
{
    return static_cast<std::int16_t>(v);
}

std::int16_t roundQ15(std::int32_t p)
{
    return wrap16((p + (1 << 14)) >> 15);
}

Cpx mul(Cpx a, Cpx b)
{
    return {roundQ15(a.r * b.r - a.i * b.i), roundQ15(a.r * b.i + a.i * b.r)};
}

Cpx add(Cpx a, Cpx b)
{
    return {wrap16(a.r + b.r), wrap16(a.i + b.i)};
}

Cpx sub(Cpx a, Cpx b)
{
    return {wrap16(a.r - b.r), wrap16(a.i - b.i)};
}

// The per-stage scaling: multiplies by floor(32767 / k) in Q15, which is close to, but not exactly, a
// division by k.
Cpx divide(Cpx c, int k)
{
    const std::int32_t q = 32767 / k;
    return {roundQ15(c.r * q), roundQ15(c.i * q)};
}

// Q15 of a cosine or sine: round half up of 32767 v, in double.
std::int16_t quantize(double v)
{
    return static_cast<std::int16_t>(std::floor(0.5 + 32767.0 * v));
}

// kissfft's radix plan for n points: 4 as often as possible, then 2, 3, 5, 7, ...; once the candidate
// passes floor(sqrt(n)) the remaining length is taken as one radix.
std::vector<std::pair<int, int>> factorize(int n)
{
    std::vector<std::pair<int, int>> stages;
    const int root = static_cast<int>(std::floor(std::sqrt(static_cast<double>(n))));
    int p = 4;
    while (n > 1) {
        while (n % p) {
            p = p == 4 ? 2 : (p == 2 ? 3 : p + 2);
            if (p > root)
                p = n;
        }
        n /= p;
        stages.emplace_back(p, n);
    }
    return stages;
}

} // namespace

std::optional<std::string> Q15RealFft::unsupportedLength(std::int64_t fftLength)
{
    if (fftLength < 4 || fftLength > kMaxLength || fftLength % 2)
        return "fft_length " + std::to_string(fftLength) + " is not supported (an even length from 4 to " +
            std::to_string(kMaxLength) + ")";
    for (const auto& [p, m] : factorize(static_cast<int>(fftLength / 2)))
        if (p > 5)
            return "fft_length " + std::to_string(fftLength) + " is not supported: half of it has the prime factor " +
                std::to_string(p) + ", which tflite-micro's kissfft cannot run (only 2, 3 and 5)";
    return std::nullopt;
}

Q15RealFft::Q15RealFft(int fftLength)
    : m_n(fftLength / 2)
    , m_stages(factorize(fftLength / 2))
{
    constexpr double pi = std::numbers::pi;
    const auto n = static_cast<double>(m_n);
    // The phases are computed in the order kissfft writes them: a different order rounds differently
    // in the last bit of the double and can move a quantised twiddle by one.
    m_twiddles.resize(static_cast<std::size_t>(m_n));
    for (int i = 0; i < m_n; ++i) {
        const double phase = (-2.0 * pi * i) / n;
        m_twiddles[static_cast<std::size_t>(i)] = {quantize(std::cos(phase)), quantize(std::sin(phase))};
    }
    m_super.resize(static_cast<std::size_t>(m_n / 2));
    for (int i = 0; i < m_n / 2; ++i) {
        const double phase = -pi * (static_cast<double>(i + 1) / n + 0.5);
        m_super[static_cast<std::size_t>(i)] = {quantize(std::cos(phase)), quantize(std::sin(phase))};
    }
}

void Q15RealFft::butterfly2(Cpx* f, int stride, int m) const
{
    for (int k = 0; k < m; ++k) {
        const Cpx a = divide(f[k], 2);
        const Cpx t = mul(divide(f[k + m], 2), m_twiddles[static_cast<std::size_t>(k * stride)]);
        f[k + m] = sub(a, t);
        f[k] = add(a, t);
    }
}

void Q15RealFft::butterfly3(Cpx* f, int stride, int m) const
{
    const Cpx e = m_twiddles[static_cast<std::size_t>(stride * m)];
    for (int k = 0; k < m; ++k) {
        const Cpx f0 = divide(f[k], 3);
        const Cpx s1 = mul(divide(f[k + m], 3), m_twiddles[static_cast<std::size_t>(k * stride)]);
        const Cpx s2 = mul(divide(f[k + 2 * m], 3), m_twiddles[static_cast<std::size_t>(2 * k * stride)]);
        const Cpx sum = add(s1, s2);
        Cpx diff = sub(s1, s2);
        // The half is taken of the (already wrapped) int16 sum, as an arithmetic shift.
        const Cpx g = {wrap16(f0.r - (sum.r >> 1)), wrap16(f0.i - (sum.i >> 1))};
        diff = {roundQ15(diff.r * e.i), roundQ15(diff.i * e.i)};
        f[k] = add(f0, sum);
        f[k + 2 * m] = {wrap16(g.r + diff.i), wrap16(g.i - diff.r)};
        f[k + m] = {wrap16(g.r - diff.i), wrap16(g.i + diff.r)};
    }
}

void Q15RealFft::butterfly4(Cpx* f, int stride, int m) const
{
    for (int k = 0; k < m; ++k) {
        Cpx f0 = divide(f[k], 4);
        const Cpx s0 = mul(divide(f[k + m], 4), m_twiddles[static_cast<std::size_t>(k * stride)]);
        const Cpx s1 = mul(divide(f[k + 2 * m], 4), m_twiddles[static_cast<std::size_t>(2 * k * stride)]);
        const Cpx s2 = mul(divide(f[k + 3 * m], 4), m_twiddles[static_cast<std::size_t>(3 * k * stride)]);
        const Cpx s5 = sub(f0, s1);
        f0 = add(f0, s1);
        const Cpx s3 = add(s0, s2);
        const Cpx s4 = sub(s0, s2);
        f[k + 2 * m] = sub(f0, s3);
        f[k] = add(f0, s3);
        f[k + m] = {wrap16(s5.r + s4.i), wrap16(s5.i - s4.r)};
        f[k + 3 * m] = {wrap16(s5.r - s4.i), wrap16(s5.i + s4.r)};
    }
}

void Q15RealFft::butterfly5(Cpx* f, int stride, int m) const
{
    const Cpx ya = m_twiddles[static_cast<std::size_t>(stride * m)];
    const Cpx yb = m_twiddles[static_cast<std::size_t>(2 * stride * m)];
    const auto s = [](std::int16_t a, std::int16_t b) -> std::int32_t { return roundQ15(a * b); };
    for (int u = 0; u < m; ++u) {
        const Cpx f0 = divide(f[u], 5);
        std::array<Cpx, 5> t{};
        for (int j = 1; j < 5; ++j)
            t[j] = mul(divide(f[u + j * m], 5), m_twiddles[static_cast<std::size_t>(j * u * stride)]);
        const Cpx s7 = add(t[1], t[4]), s10 = sub(t[1], t[4]);
        const Cpx s8 = add(t[2], t[3]), s9 = sub(t[2], t[3]);
        f[u] = {wrap16(f0.r + s7.r + s8.r), wrap16(f0.i + s7.i + s8.i)};
        const Cpx a = {wrap16(f0.r + s(s7.r, ya.r) + s(s8.r, yb.r)), wrap16(f0.i + s(s7.i, ya.r) + s(s8.i, yb.r))};
        const Cpx b = {wrap16(s(s10.i, ya.i) + s(s9.i, yb.i)), wrap16(-s(s10.r, ya.i) - s(s9.r, yb.i))};
        f[u + m] = sub(a, b);
        f[u + 4 * m] = add(a, b);
        const Cpx c = {wrap16(f0.r + s(s7.r, yb.r) + s(s8.r, ya.r)), wrap16(f0.i + s(s7.i, yb.r) + s(s8.i, ya.r))};
        const Cpx d = {wrap16(-s(s10.i, yb.i) + s(s9.i, ya.i)), wrap16(s(s10.r, yb.i) - s(s9.r, ya.i))};
        f[u + 2 * m] = add(c, d);
        f[u + 3 * m] = sub(c, d);
    }
}

// Decimation in time, recursively: each of the p sub-sequences (every p-th input from inPos) is
// transformed into consecutive blocks of m outputs, then one radix-p butterfly pass combines them.
void Q15RealFft::transform(Cpx* out, const Cpx* in, int inPos, int stride, std::size_t level) const
{
    const auto [p, m] = m_stages[level];
    if (m == 1) {
        for (int k = 0; k < p; ++k)
            out[k] = in[inPos + k * stride];
    } else {
        for (int k = 0; k < p; ++k)
            transform(out + k * m, in, inPos + k * stride, stride * p, level + 1);
    }
    switch (p) {
    case 2: butterfly2(out, stride, m); break;
    case 3: butterfly3(out, stride, m); break;
    case 4: butterfly4(out, stride, m); break;
    default: butterfly5(out, stride, m); break; // unsupportedLength admits no other radix
    }
}

void Q15RealFft::apply(const std::int16_t* in, std::int16_t* out) const
{
    const auto n = static_cast<std::size_t>(m_n);
    // The real sequence as n complex points (x[2j], x[2j+1]).
    std::vector<Cpx> z(n), t(n);
    for (std::size_t j = 0; j < n; ++j)
        z[j] = {in[2 * j], in[2 * j + 1]};
    transform(t.data(), z.data(), 0, 1, 0);

    // Split the n-point transform of the pairs into the n + 1 bins of the real input.
    const auto put = [&](std::size_t bin, std::int16_t re, std::int16_t im) {
        out[2 * bin] = re;
        out[2 * bin + 1] = im;
    };
    const Cpx d = divide(t[0], 2);
    put(0, wrap16(d.r + d.i), 0);
    put(n, wrap16(d.r - d.i), 0);
    for (std::size_t k = 1; k <= n / 2; ++k) {
        const Cpx a = divide(t[k], 2);
        const Cpx b = divide({t[n - k].r, wrap16(-t[n - k].i)}, 2);
        const Cpx sum = add(a, b);
        const Cpx tw = mul(sub(a, b), m_super[k - 1]);
        // Halves of un-wrapped int sums; at k = n/2 both lines write the same bin and the second wins.
        put(k, wrap16((sum.r + tw.r) >> 1), wrap16((sum.i + tw.i) >> 1));
        put(n - k, wrap16((sum.r - tw.r) >> 1), wrap16((tw.i - sum.i) >> 1));
    }
}

} // namespace ql::exec::signal
