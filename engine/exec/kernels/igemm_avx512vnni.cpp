// SPDX-License-Identifier: MIT
// The integer GEMM micro-kernel with AVX-512 VNNI (vpdpwssd on 256-bit vectors, AVX-512 VL); built with -mavx512f -mavx512vl -mavx512vnni,
// and only called when CPUID and the operating system report it (igemm.cpp). vpdpwssd adds the pairwise
// products to the accumulator in one instruction, without saturation: the same integers as vpmaddwd + vpaddd.
#include <immintrin.h>

#include <cstdint>
#include <cstring>

namespace ql::exec {

namespace {

inline __m256i madd(__m256i acc, __m256i a, __m256i w)
{
    return _mm256_dpwssd_epi32(acc, a, w);
}

#define QL_IGEMM_KERNEL igemmPanelAvx512VnniImpl
#include "exec/kernels/igemm_kernel.inc"
#undef QL_IGEMM_KERNEL

} // namespace

void igemmPanelAvx512Vnni(const std::int16_t* a, std::int64_t m, std::int64_t lda, const std::int16_t* w, int pairs,
    std::int32_t* c, std::int64_t ldc, int cols)
{
    igemmPanelAvx512VnniImpl(a, m, lda, w, pairs, c, ldc, cols);
}

} // namespace ql::exec
