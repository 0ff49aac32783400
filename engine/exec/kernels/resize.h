// SPDX-License-Identifier: MIT
// RESIZE_BILINEAR's geometry, shared by the float kernel (resize.cpp) and the integer ones
// (resize_integer.cpp).
#pragma once

#include "exec/kernels/common.h"

namespace ql::exec {

struct ResizeGeometry {
    int batch, inH, inW, C, outH, outW;
    bool alignCorners, halfPixel;
};

// RESIZE_BILINEAR on int8, uint8 and int16 codes, with the arithmetic of the runtime that would run
// it (see docs/arithmetic.md).
Prepared prepareIntegerResizeBilinear(NodeContext& ctx, const ResizeGeometry& g);

} // namespace ql::exec
