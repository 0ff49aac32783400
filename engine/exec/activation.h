// SPDX-License-Identifier: MIT
// Fused activation functions as output ranges.
#pragma once

#include "tflite_generated.h"

#include <cstdint>

namespace ql::exec {

struct FloatRange {
    float min, max;
};
struct QuantRange {
    std::int32_t min, max;
};

// Whether a fused activation is one of the clamps below (TANH/SIGN_BIT fused are not supported).
bool isClampActivation(tflite::ActivationFunctionType a);
FloatRange floatActivationRange(tflite::ActivationFunctionType a);
// A fused activation applied to one float value, TANH and SIGN_BIT included (the recurrent cells take them).
float applyFloatActivation(tflite::ActivationFunctionType a, float v);
// The clamp in the output's integer domain: [typeMin, typeMax] narrowed by RELU / RELU6 / RELU_N1_TO_1.
QuantRange quantActivationRange(
    tflite::ActivationFunctionType a, float scale, std::int32_t zeroPoint, std::int32_t typeMin, std::int32_t typeMax);
// The same clamp as XNNPACK derives it: z added in float before rounding half to even.
QuantRange xnnActivationRange(
    tflite::ActivationFunctionType a, float scale, std::int32_t zeroPoint, std::int32_t typeMin, std::int32_t typeMax);

} // namespace ql::exec
