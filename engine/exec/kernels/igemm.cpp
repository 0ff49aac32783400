// SPDX-License-Identifier: MIT
#include "exec/kernels/igemm.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <limits>

#if defined(__x86_64__) && defined(QL_HAVE_X86_IGEMM)
#include <cpuid.h>
namespace ql::exec {
void igemmPanelAvx2(const std::int16_t* a, std::int64_t m, std::int64_t lda, const std::int16_t* w, int pairs,
    std::int32_t* c, std::int64_t ldc, int cols);
void igemmPanelAvxVnni(const std::int16_t* a, std::int64_t m, std::int64_t lda, const std::int16_t* w, int pairs,
    std::int32_t* c, std::int64_t ldc, int cols);
void igemmPanelAvx512Vnni(const std::int16_t* a, std::int64_t m, std::int64_t lda, const std::int16_t* w, int pairs,
    std::int32_t* c, std::int64_t ldc, int cols);
} // namespace ql::exec
#endif

namespace ql::exec {

namespace {

constexpr int P = PackedInt16Weights::kPanel;

// The portable kernel, the one the others are tested against: four rows at a time, each pair of k
// deinterleaved into the 16 channels' weights for k and for k+1, then multiply-added in 32-bit lanes
// (GCC/Clang vector extensions: SSE2 or NEON, whatever the target has). Unsigned lanes wrap as the
// vector adds of the x86 paths do (a hostile file can make a sum overflow; defined here).
typedef std::int16_t v16s __attribute__((vector_size(32)));
typedef std::int32_t v16i __attribute__((vector_size(64)));
typedef std::uint32_t v16u __attribute__((vector_size(64)));

inline v16s load16s(const std::int16_t* p)
{
    v16s v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

inline v16u widen(v16s v)
{
    return reinterpret_cast<v16u>(__builtin_convertvector(v, v16i));
}

inline v16u splat(std::int16_t x)
{
    const auto u = static_cast<std::uint32_t>(static_cast<std::int32_t>(x));
    return v16u{u, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u};
}

inline void storeSums(std::int32_t* c, v16u v, int cols)
{
    std::uint32_t tmp[P];
    std::memcpy(tmp, &v, sizeof v);
    for (int j = 0; j < cols; ++j)
        c[j] = static_cast<std::int32_t>(tmp[j]);
}

// R rows (R known at compile time, so the accumulators stay in registers).
template <int R>
inline void scalarRows(const std::int16_t* a, std::int64_t lda, const std::int16_t* w, int pairs, std::int32_t* c,
    std::int64_t ldc, int cols)
{
    v16u acc[R] = {};
    for (int i = 0; i < pairs; ++i) {
        const v16s lo = load16s(w + i * 2 * P), hi = load16s(w + i * 2 * P + P);
        const v16u w0 =
            widen(__builtin_shufflevector(lo, hi, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30));
        const v16u w1 =
            widen(__builtin_shufflevector(lo, hi, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31));
        for (int r = 0; r < R; ++r) {
            const std::int16_t* x = a + r * lda + 2 * i;
            acc[r] += splat(x[0]) * w0 + splat(x[1]) * w1;
        }
    }
    for (int r = 0; r < R; ++r)
        storeSums(c + r * ldc, acc[r], cols);
}

void igemmPanelScalar(const std::int16_t* a, std::int64_t m, std::int64_t lda, const std::int16_t* w, int pairs,
    std::int32_t* c, std::int64_t ldc, int cols)
{
    std::int64_t r = 0;
    for (; r + 4 <= m; r += 4)
        scalarRows<4>(a + r * lda, lda, w, pairs, c + r * ldc, ldc, cols);
    for (; r < m; ++r)
        scalarRows<1>(a + r * lda, lda, w, pairs, c + r * ldc, ldc, cols);
}

using PanelFn = void (*)(
    const std::int16_t*, std::int64_t, std::int64_t, const std::int16_t*, int, std::int32_t*, std::int64_t, int);

#if defined(__x86_64__) && defined(QL_HAVE_X86_IGEMM)
struct X86Features {
    bool avx2 = false, avxVnni = false, avx512Vnni = false;
};

X86Features detect()
{
    X86Features f;
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d))
        return f;
    const bool osxsave = (c >> 27) & 1u, avx = (c >> 28) & 1u;
    if (!osxsave || !avx)
        return f;
    unsigned lo = 0, hi = 0;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    const bool ymmState = (lo & 0x6u) == 0x6u; // SSE and AVX state saved by the OS
    const bool zmmState = (lo & 0xE6u) == 0xE6u; // and the opmask and upper ZMM state
    unsigned b7 = 0, c7 = 0, d7 = 0, a7 = 0;
    if (!ymmState || !__get_cpuid_count(7, 0, &a7, &b7, &c7, &d7))
        return f;
    f.avx2 = (b7 >> 5) & 1u;
    const bool avx512f = (b7 >> 16) & 1u, avx512vl = (b7 >> 31) & 1u, avx512vnni = (c7 >> 11) & 1u;
    f.avx512Vnni = f.avx2 && zmmState && avx512f && avx512vl && avx512vnni;
    unsigned a71 = 0, b71 = 0, c71 = 0, d71 = 0;
    if (a7 >= 1 && __get_cpuid_count(7, 1, &a71, &b71, &c71, &d71))
        f.avxVnni = f.avx2 && ((a71 >> 4) & 1u);
    return f;
}
#endif

std::vector<IgemmPath> detectPaths()
{
    std::vector<IgemmPath> paths{IgemmPath::Scalar};
#if defined(__x86_64__) && defined(QL_HAVE_X86_IGEMM)
    const X86Features f = detect();
    if (f.avx2)
        paths.push_back(IgemmPath::Avx2);
    if (f.avxVnni)
        paths.push_back(IgemmPath::AvxVnni);
    if (f.avx512Vnni)
        paths.push_back(IgemmPath::Avx512Vnni);
#endif
    return paths;
}

const std::vector<IgemmPath>& paths()
{
    static const std::vector<IgemmPath> p = detectPaths();
    return p;
}

// The best path, or the one QL_IGEMM_PATH names when the machine has it (to run a whole test suite or
// benchmark on one path).
IgemmPath initialPath()
{
    if (const char* wanted = std::getenv("QL_IGEMM_PATH"))
        for (const IgemmPath p : paths())
            if (std::strcmp(wanted, igemmPathName(p)) == 0)
                return p;
    return paths().back();
}

std::atomic<IgemmPath>& current()
{
    static std::atomic<IgemmPath> path{initialPath()};
    return path;
}

PanelFn panelFunction(IgemmPath path)
{
    switch (path) {
#if defined(__x86_64__) && defined(QL_HAVE_X86_IGEMM)
    case IgemmPath::Avx2: return igemmPanelAvx2;
    case IgemmPath::AvxVnni: return igemmPanelAvxVnni;
    case IgemmPath::Avx512Vnni: return igemmPanelAvx512Vnni;
#endif
    default: return igemmPanelScalar;
    }
}

} // namespace

const char* igemmPathName(IgemmPath path)
{
    switch (path) {
    case IgemmPath::Scalar: return "scalar";
    case IgemmPath::Avx2: return "avx2";
    case IgemmPath::AvxVnni: return "avx-vnni";
    case IgemmPath::Avx512Vnni: return "avx512-vnni";
    }
    return "unknown";
}

std::vector<IgemmPath> availableIgemmPaths()
{
    return paths();
}

IgemmPath igemmPath()
{
    return current().load(std::memory_order_relaxed);
}

bool setIgemmPath(IgemmPath path)
{
    if (std::find(paths().begin(), paths().end(), path) == paths().end())
        return false;
    current().store(path, std::memory_order_relaxed);
    return true;
}

template <class TW>
PackedInt16Weights::PackedInt16Weights(const TW* weights, int n, int k, std::int32_t zeroPoint)
    : m_n(n)
    , m_k(k)
    , m_pairs((k + 1) / 2)
    , m_panels((n + P - 1) / P)
{
    m_data.assign(static_cast<std::size_t>(m_panels) * m_pairs * 2 * P, 0);
    for (int j = 0; j < n; ++j) {
        const int panel = j / P, lane = j % P;
        for (int i = 0; i < k; ++i) {
            // Saturated only when the caller ignored fits(): never for a zero point it accepts.
            const std::int32_t v = std::clamp<std::int32_t>(
                static_cast<std::int32_t>(weights[static_cast<std::size_t>(j) * k + i]) - zeroPoint,
                std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::int16_t>::max());
            m_data[((static_cast<std::size_t>(panel) * m_pairs + i / 2) * P + lane) * 2 + i % 2] =
                static_cast<std::int16_t>(v);
        }
    }
}

template PackedInt16Weights::PackedInt16Weights(const std::int8_t*, int, int, std::int32_t);
template PackedInt16Weights::PackedInt16Weights(const std::uint8_t*, int, int, std::int32_t);

void PackedInt16Weights::multiply(
    const std::int16_t* a, std::int64_t m, std::int64_t lda, std::int32_t* c, std::int64_t ldc) const
{
    const PanelFn fn = panelFunction(igemmPath());
    for (int p = 0; p < m_panels; ++p)
        fn(a, m, lda, m_data.data() + static_cast<std::size_t>(p) * m_pairs * 2 * P, m_pairs, c + p * P, ldc,
            std::min(P, m_n - p * P));
}

} // namespace ql::exec
