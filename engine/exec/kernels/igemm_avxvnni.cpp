// SPDX-License-Identifier: MIT
// The integer GEMM micro-kernel with AVX-VNNI (vpdpwssd on 256-bit vectors: the pairwise products added to
// the accumulator in one instruction, without saturation); built with -mavx2 -mavxvnni and only called
// when CPUID and the operating system report it (igemm.cpp).
#define QL_IGEMM_KERNEL igemmPanelAvxVnni
#define QL_IGEMM_MADD(acc, a, w) _mm256_dpwssd_avx_epi32(acc, a, w)
#include "exec/kernels/igemm_kernel.inc"
