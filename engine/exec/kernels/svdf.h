// SPDX-License-Identifier: MIT
// SVDF's shapes, shared by its float/hybrid kernel (svdf.cpp) and its integer kernel (svdf_integer.cpp).
#pragma once

#include "exec/kernels/common.h"

namespace ql::exec {

// batch, input size, filters (rank x units), memory size (the state holds batch x filters x memory).
struct SvdfShape {
    int batch = 0, inputs = 0, filters = 0, memory = 0, rank = 0, units = 0;
};

// The integer SVDF (int8 input and output, int16 weights_time and state); `s` checked by prepareSvdf.
Prepared prepareIntegerSvdf(NodeContext& ctx, const SvdfShape& s, const tflite::SVDFOptionsT& o);

} // namespace ql::exec
