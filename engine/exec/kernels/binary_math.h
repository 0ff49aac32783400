// SPDX-License-Identifier: MIT
// The binary element-wise operators of binary_math.cpp and their quantized variants
// (binary_quantized.cpp).
#pragma once

#include "exec/kernels/common.h"

namespace ql::exec {

bool isComparison(tflite::BuiltinOperator op);
// DIV, POW, FLOOR_DIV, FLOOR_MOD, SQUARED_DIFFERENCE, comparisons, LOGICAL_AND / LOGICAL_OR.
Prepared prepareBinaryMath(NodeContext& ctx);
// Comparisons of quantized int8 / uint8 / int16 tensors (both sides rescaled to a common scale).
Prepared prepareQuantizedComparison(NodeContext& ctx, tflite::BuiltinOperator op, const Broadcast& bc);
// DIV (uint8, int8) and SQUARED_DIFFERENCE (int8, int16) on quantized tensors.
Prepared prepareQuantizedBinaryMath(NodeContext& ctx, tflite::BuiltinOperator op, const Broadcast& bc);

} // namespace ql::exec
