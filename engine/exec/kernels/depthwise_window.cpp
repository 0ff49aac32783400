// SPDX-License-Identifier: MIT
#include "exec/kernels/depthwise_window.h"

#if defined(__x86_64__) && defined(QL_HAVE_AVX2_DEPTHWISE)
namespace ql::exec {
void accumulateDepthwiseWindowAvx2(
    const DepthwiseWindow& g, const float* x, const float* w, int b, int oy, int ox, float* __restrict acc);
}
#endif

namespace ql::exec {

namespace {

#define QL_DW_WINDOW windowBaseline
#include "exec/kernels/depthwise_window.inc"
#undef QL_DW_WINDOW

using WindowFn = void (*)(const DepthwiseWindow&, const float*, const float*, int, int, int, float*);

WindowFn chooseWindow()
{
#if defined(__x86_64__) && defined(QL_HAVE_AVX2_DEPTHWISE)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2"))
        return accumulateDepthwiseWindowAvx2;
#endif
    return windowBaseline;
}

const WindowFn window = chooseWindow();

} // namespace

void accumulateDepthwiseWindow(
    const DepthwiseWindow& g, const float* x, const float* w, int b, int oy, int ox, float* __restrict acc)
{
    window(g, x, w, b, oy, ox, acc);
}

} // namespace ql::exec
