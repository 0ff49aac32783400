// SPDX-License-Identifier: MIT
// The AVX2 + FMA copy of the float GEMM micro-kernel; built with -mavx2 -mfma and only called when
// the processor has both (sgemm.cpp checks at load time).
#include <cstdint>
#include <cstring>

namespace ql::exec {

namespace {
#define QL_SGEMM_KERNEL panelKernelAvx2Impl
#include "exec/kernels/sgemm_kernel.inc"
#undef QL_SGEMM_KERNEL
} // namespace

void panelKernelAvx2(const float* a, std::int64_t m, std::int64_t lda, const float* w, const float* bias, int k,
    float* c, std::int64_t ldc, int cols, float lo, float hi)
{
    panelKernelAvx2Impl(a, m, lda, w, bias, k, c, ldc, cols, lo, hi);
}

} // namespace ql::exec
