// SPDX-License-Identifier: MIT
// The AVX2 integer GEMM micro-kernel (vpmaddwd, vpaddd); built with -mavx2 and only called when
// the processor has it (igemm.cpp checks at load time).
#define QL_IGEMM_KERNEL igemmPanelAvx2
#define QL_IGEMM_MADD(acc, a, w) _mm256_add_epi32(acc, _mm256_madd_epi16(a, w))
#include "exec/kernels/igemm_kernel.inc"
