// SPDX-License-Identifier: MIT
// The unary element-wise maths of unary_math.cpp and their quantized variants (unary_quantized.cpp).
#pragma once

#include "exec/kernels/common.h"

namespace ql::exec {

// ABS, NEG, SQUARE, SQRT, RSQRT, EXP, LOG, SIN, COS, FLOOR, CEIL, ROUND, SIGN, LOGICAL_NOT, GELU, ELU.
Prepared prepareUnaryMath(NodeContext& ctx);
// The same operators on quantized int8 / uint8 / int16 tensors.
Prepared prepareQuantizedUnaryMath(NodeContext& ctx, tflite::BuiltinOperator op);

} // namespace ql::exec
