// SPDX-License-Identifier: MIT
// The AVX2 copy of the depthwise window loop; built with -mavx2 only (no FMA: the same roundings as the
// baseline copy) and only called when the processor has AVX2 (depthwise_window.cpp checks at load time).
#include "exec/kernels/depthwise_window.h"

namespace ql::exec {

namespace {
#define QL_DW_WINDOW windowAvx2
#include "exec/kernels/depthwise_window.inc"
#undef QL_DW_WINDOW
} // namespace

void accumulateDepthwiseWindowAvx2(
    const DepthwiseWindow& g, const float* x, const float* w, int b, int oy, int ox, float* __restrict acc)
{
    windowAvx2(g, x, w, b, oy, ox, acc);
}

} // namespace ql::exec
