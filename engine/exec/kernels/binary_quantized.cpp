// SPDX-License-Identifier: MIT
// Quantized variants of the binary element-wise operators of binary_math.cpp.
#include "exec/kernels/binary_math.h"

namespace ql::exec {

Prepared prepareQuantizedComparison(NodeContext& ctx, tflite::BuiltinOperator, const Broadcast&)
{
    return ctx.unsupported();
}

Prepared prepareQuantizedBinaryMath(NodeContext& ctx, tflite::BuiltinOperator, const Broadcast&)
{
    return ctx.unsupported();
}

} // namespace ql::exec
