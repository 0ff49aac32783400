// SPDX-License-Identifier: MIT
#include "exec/activation.h"

#include "exec/quant_math.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ql::exec {

using AF = tflite::ActivationFunctionType;

bool isClampActivation(AF a)
{
    return a == AF::NONE || a == AF::RELU || a == AF::RELU6 || a == AF::RELU_N1_TO_1;
}

float applyFloatActivation(AF a, float v)
{
    switch (a) {
    case AF::TANH: return std::tanh(v);
    case AF::RELU: return std::max(0.0f, v);
    case AF::RELU6: return std::clamp(v, 0.0f, 6.0f);
    case AF::RELU_N1_TO_1: return std::clamp(v, -1.0f, 1.0f);
    case AF::SIGN_BIT: return std::signbit(v) ? 1.0f : 0.0f;
    default: return v;
    }
}

FloatRange floatActivationRange(AF a)
{
    constexpr float inf = std::numeric_limits<float>::infinity();
    switch (a) {
    case AF::RELU: return {0.0f, inf};
    case AF::RELU6: return {0.0f, 6.0f};
    case AF::RELU_N1_TO_1: return {-1.0f, 1.0f};
    default: return {-inf, inf};
    }
}

QuantRange quantActivationRange(AF a, float scale, std::int32_t zeroPoint, std::int32_t typeMin, std::int32_t typeMax)
{
    auto q = [&](float v) { return zeroPoint + roundToInt32((v / scale)); };
    switch (a) {
    case AF::RELU: return {std::max(typeMin, zeroPoint), typeMax};
    case AF::RELU6: return {std::max(typeMin, zeroPoint), std::min(typeMax, q(6.0f))};
    case AF::RELU_N1_TO_1: return {std::max(typeMin, q(-1.0f)), std::min(typeMax, q(1.0f))};
    default: return {typeMin, typeMax};
    }
}

} // namespace ql::exec

namespace ql::exec {

QuantRange xnnActivationRange(AF a, float scale, std::int32_t zeroPoint, std::int32_t typeMin, std::int32_t typeMax)
{
    const FloatRange f = floatActivationRange(a);
    auto q = [&](float v, std::int32_t fallback) {
        if (std::isinf(v))
            return fallback;
        return std::clamp(roundHalfEven(v / scale + static_cast<float>(zeroPoint)), typeMin, typeMax);
    };
    return {q(f.min, typeMin), q(f.max, typeMax)};
}

} // namespace ql::exec
