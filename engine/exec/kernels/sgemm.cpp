// SPDX-License-Identifier: MIT
#include "exec/kernels/sgemm.h"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__) && defined(QL_HAVE_AVX2_KERNEL)
namespace ql::exec {
void panelKernelAvx2(const float* a, std::int64_t m, std::int64_t lda, const float* w, const float* bias, int k,
    float* c, std::int64_t ldc, int cols, float lo, float hi);
}
#endif

namespace ql::exec {

namespace {

#define QL_SGEMM_KERNEL panelKernelBaseline
#include "exec/kernels/sgemm_kernel.inc"
#undef QL_SGEMM_KERNEL

using KernelFn = void (*)(
    const float*, std::int64_t, std::int64_t, const float*, const float*, int, float*, std::int64_t, int, float, float);

KernelFn chooseKernel()
{
#if defined(__x86_64__) && defined(QL_HAVE_AVX2_KERNEL)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return panelKernelAvx2;
#endif
    return panelKernelBaseline;
}

const KernelFn panelKernel = chooseKernel();

} // namespace

PackedWeights::PackedWeights(const float* weights, const float* bias, int n, int k)
    : m_n(n)
    , m_k(k)
    , m_panels((n + kPanel - 1) / kPanel)
{
    m_data.assign(static_cast<std::size_t>(m_panels) * k * kPanel, 0.0f);
    m_bias.assign(static_cast<std::size_t>(m_panels) * kPanel, 0.0f);
    for (int j = 0; j < n; ++j) {
        const int p = j / kPanel, lane = j % kPanel;
        for (int i = 0; i < k; ++i)
            m_data[(static_cast<std::size_t>(p) * k + i) * kPanel + lane] =
                weights[static_cast<std::size_t>(j) * k + i];
        if (bias)
            m_bias[static_cast<std::size_t>(p) * kPanel + lane] = bias[j];
    }
}

void PackedWeights::multiply(
    const float* a, std::int64_t m, std::int64_t lda, float* c, std::int64_t ldc, float lo, float hi) const
{
    for (int p = 0; p < m_panels; ++p)
        panelKernel(a, m, lda, m_data.data() + static_cast<std::size_t>(p) * m_k * kPanel, m_bias.data() + p * kPanel,
            m_k, c + p * kPanel, ldc, std::min(kPanel, m_n - p * kPanel), lo, hi);
}

} // namespace ql::exec
