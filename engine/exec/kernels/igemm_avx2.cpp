// SPDX-License-Identifier: MIT
// The AVX2 integer GEMM micro-kernel (vpmaddwd, vpaddd); built with -mavx2 and only called when
// the processor has it (igemm.cpp checks at load time).
#include <immintrin.h>

#include <cstdint>
#include <cstring>

namespace ql::exec {

namespace {

inline __m256i madd(__m256i acc, __m256i a, __m256i w)
{
    return _mm256_add_epi32(acc, _mm256_madd_epi16(a, w));
}

#define QL_IGEMM_KERNEL igemmPanelAvx2Impl
#include "exec/kernels/igemm_kernel.inc"
#undef QL_IGEMM_KERNEL

} // namespace

void igemmPanelAvx2(const std::int16_t* a, std::int64_t m, std::int64_t lda, const std::int16_t* w, int pairs,
    std::int32_t* c, std::int64_t ldc, int cols)
{
    igemmPanelAvx2Impl(a, m, lda, w, pairs, c, ldc, cols);
}

} // namespace ql::exec
