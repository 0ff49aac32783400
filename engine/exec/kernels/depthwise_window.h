// SPDX-License-Identifier: MIT
// The inner loop of the float and 8-bit depthwise convolutions: one output pixel's window products added
// to acc[outC]. A baseline copy and an AVX2 copy (depthwise_window_avx2.cpp, 8 lanes, no FMA so every
// product and sum is rounded exactly as in the baseline copy) are chosen at load time.
#pragma once

#include <cstdint>

namespace ql::exec {

// The geometry the loop needs, as plain values (the AVX2 copy includes no other engine header).
struct DepthwiseWindow {
    int inH, inW, inC, kH, kW, strideH, strideW, padTop, padLeft, dilH, dilW, outC, depthMultiplier;
};

// acc[c] += sum over the window's valid taps of x[iy][ix][c / M] * w[ky][kx][c], image b of x.
void accumulateDepthwiseWindow(
    const DepthwiseWindow& g, const float* x, const float* w, int b, int oy, int ox, float* __restrict acc);

} // namespace ql::exec
