// SPDX-License-Identifier: MIT
// The integer GEMM micro-kernel with AVX-512 VNNI (vpdpwssd on 256-bit vectors through AVX-512 VL, without
// saturation); built with -mavx512f -mavx512vl -mavx512vnni and only called when CPUID and the operating
// system report it (igemm.cpp).
#define QL_IGEMM_KERNEL igemmPanelAvx512Vnni
#define QL_IGEMM_MADD(acc, a, w) _mm256_dpwssd_epi32(acc, a, w)
#include "exec/kernels/igemm_kernel.inc"
