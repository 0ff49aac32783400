// SPDX-License-Identifier: MIT
#include "eval/scores.h"

#include "exec/half.h"

#include <algorithm>
#include <cmath>

namespace ql::eval {

float realValue(const exec::RtTensor& t, std::int64_t i)
{
    const bool scaled = t.scale() > 0.0f;
    auto affine = [&](auto code) {
        const auto c = static_cast<std::int64_t>(code);
        return scaled ? t.scale() * static_cast<float>(c - t.zeroPoint()) : static_cast<float>(c);
    };
    switch (t.dtype) {
    case model::DType::Float32: return t.as<float>()[i];
    case model::DType::Float16: return exec::halfToFloat(t.as<std::uint16_t>()[i]);
    case model::DType::Int8: return affine(t.as<std::int8_t>()[i]);
    case model::DType::UInt8: return affine(t.as<std::uint8_t>()[i]);
    case model::DType::Int16: return affine(t.as<std::int16_t>()[i]);
    case model::DType::Int32: return affine(t.as<std::int32_t>()[i]);
    default: return 0.0f;
    }
}

std::vector<float> realValues(const exec::RtTensor& t)
{
    std::vector<float> v(static_cast<std::size_t>(std::max<std::int64_t>(t.count(), 0)));
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = realValue(t, static_cast<std::int64_t>(i));
    return v;
}

std::vector<double> probabilities(std::span<const float> x)
{
    std::vector<double> p(x.size());
    if (x.empty())
        return p;
    double sum = 0;
    bool inUnitRange = true;
    for (float v : x) {
        inUnitRange = inUnitRange && v >= 0.0f && v <= 1.0f;
        sum += static_cast<double>(v);
    }
    if (inUnitRange && std::abs(sum - 1.0) < kProbabilitySumTolerance) {
        for (std::size_t i = 0; i < x.size(); ++i)
            p[i] = static_cast<double>(x[i]) / sum;
        return p;
    }
    const double m = static_cast<double>(*std::max_element(x.begin(), x.end()));
    sum = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        sum += p[i] = std::exp(static_cast<double>(x[i]) - m);
    for (auto& v : p)
        v /= sum;
    return p;
}

} // namespace ql::eval
