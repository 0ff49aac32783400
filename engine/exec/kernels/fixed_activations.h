// SPDX-License-Identifier: MIT
// Integer activation kernels shared between the activation, softmax and log-softmax operators.
#pragma once

#include "exec/kernels/common.h"

namespace ql::exec {

// tflite-micro's int8 LOGISTIC / TANH (gemmlowp fixed point, input in Q4.27).
Prepared microLogisticTanhInt8(NodeContext& ctx, bool logistic);
// LiteRT's int16 LOGISTIC / TANH for power-of-two input scales: gemmlowp's 16-bit functions on the
// codes read as Q(integerBits).
Prepared gemmlowpLogisticTanhInt16(NodeContext& ctx, bool logistic, int integerBits);
// tflite-micro's int8 SOFTMAX (int8 or int16 output).
Prepared microSoftmax(NodeContext& ctx, float beta, int depth, std::int64_t rows);
// Integer SOFTMAX as the rounding's runtime computes it (softmax_integer.cpp).
Prepared integerSoftmax(NodeContext& ctx, float beta, int depth, std::int64_t rows);
// Quantized LOG_SOFTMAX (softmax_integer.cpp).
Prepared integerLogSoftmax(NodeContext& ctx, int depth, std::int64_t rows);

} // namespace ql::exec
