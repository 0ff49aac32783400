// SPDX-License-Identifier: MIT
// Dynamic-range ("hybrid") arithmetic: float activations quantized to int8 at run time, multiplied
// with int8 weights, scaled back to float (TFLite's builtin hybrid kernels).
#pragma once

#include "exec/kernels/common.h"

#include <cstdint>
#include <vector>

namespace ql::exec {

struct RowQuantization {
    float scale = 1.0f; // real value of one step
    std::int32_t offset = 0; // zero point (0 for symmetric)
};

// Symmetric: [-max|x|, max|x|] onto [-127, 127].
RowQuantization quantizeSymmetric(const float* x, std::int64_t n, std::int8_t* q);
// Asymmetric: [min(0, min x), max(0, max x)] onto [-128, 127] with a nudged zero point.
RowQuantization quantizeAsymmetric(const float* x, std::int64_t n, std::int8_t* q);

// XNNPACK's dynamic ("qd8") quantization of one group of float values onto [-128, 127]: asymmetric,
// all in float, rounded half to even. Returns the dequantization scale and zero point.
RowQuantization quantizeQd8(const float* x, std::int64_t n, std::int8_t* q);

// Float outputs of a hybrid product, `rows` rows of `channels`: y = clamp((acc - offset * rowSums[c]) *
// scale * scales[c] + bias[c]) with the row's quantization (rq[r * rqStep]; rqStep 0 when one serves all
// rows). XNNPACK multiplies by the two scales in turn, TFLite's kernels by their product
// (`xnnpackOrder`). scales: one, or one per channel; bias: null for none.
void dequantizeHybridRows(const std::int32_t* acc, std::int64_t rows, int channels, const RowQuantization* rq,
    std::int64_t rqStep, const std::int32_t* rowSums, const std::vector<float>& scales, const float* bias,
    bool xnnpackOrder, FloatRange range, float* y);

Prepared prepareHybridFullyConnected(
    NodeContext& ctx, int batch, int depth, int units, tflite::ActivationFunctionType act, bool asymmetricInputs);

} // namespace ql::exec
