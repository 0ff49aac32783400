// SPDX-License-Identifier: MIT
#include "exec/kernels/common.h"

#include <algorithm>
#include <limits>

namespace ql::exec {

int convOutputSize(tflite::Padding padding, int in, int filter, int stride, int dilation)
{
    const int effective = (filter - 1) * dilation + 1;
    if (padding == tflite::Padding::SAME)
        return (in + stride - 1) / stride;
    return (in - effective + stride) / stride;
}

int convPaddingBefore(int in, int filter, int stride, int dilation, int out)
{
    const int effective = (filter - 1) * dilation + 1;
    const int total = (out - 1) * stride + effective - in;
    return std::max(total / 2, 0);
}

Requantizer makeRequantizer(float inputScale, const std::vector<float>& weightScales, float outputScale,
    std::int32_t outputZeroPoint, QuantRange range, Rounding rounding)
{
    Requantizer r;
    r.zeroPoint = outputZeroPoint;
    r.range = range;
    r.rounding = rounding;
    for (const float ws : weightScales) {
        // Reference: the real multiplier in double; XNNPACK: in float.
        const double real =
            static_cast<double>(inputScale) * static_cast<double>(ws) / static_cast<double>(outputScale);
        r.fixed.push_back(quantizeMultiplier(real));
        r.scale.push_back(inputScale * ws / outputScale);
    }
    return r;
}

QuantRange activationRange(tflite::ActivationFunctionType act, const RtTensor& y, Rounding rounding)
{
    const QuantRange t = typeRange(y.dtype);
    if (rounding == Rounding::Xnnpack && y.dtype != model::DType::Int16)
        return xnnActivationRange(act, y.scale(), y.zeroPoint(), t.min, t.max);
    return quantActivationRange(act, y.scale(), y.zeroPoint(), t.min, t.max);
}

std::vector<std::int64_t> readIndexVector(const RtTensor& t)
{
    std::vector<std::int64_t> v(static_cast<std::size_t>(t.count()));
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = t.dtype == model::DType::Int64 ? t.as<std::int64_t>()[i] : t.as<std::int32_t>()[i];
    return v;
}

QuantRange typeRange(model::DType t)
{
    switch (t) {
    case model::DType::Int8: return {-128, 127};
    case model::DType::UInt8: return {0, 255};
    case model::DType::Int16: return {-32768, 32767};
    case model::DType::Int32:
        return {std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()};
    default: return {0, 0};
    }
}

} // namespace ql::exec
