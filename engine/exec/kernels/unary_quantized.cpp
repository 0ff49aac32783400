// SPDX-License-Identifier: MIT
// Quantized variants of the unary element-wise maths.
#include "exec/kernels/unary_math.h"

namespace ql::exec {

Prepared prepareQuantizedUnaryMath(NodeContext& ctx, tflite::BuiltinOperator)
{
    return ctx.unsupported();
}

} // namespace ql::exec
