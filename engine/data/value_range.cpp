// SPDX-License-Identifier: MIT
#include "data/value_range.h"

#include "model/tflite_metadata.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace ql::data {

ValueRange valueRange(const SampleSet& set)
{
    if (set.values.empty())
        return {};
    const auto [lo, hi] = std::minmax_element(set.values.begin(), set.values.end());
    return {*lo, *hi};
}

std::optional<ExpectedRange> expectedInputRange(const model::Tensor& input)
{
    const auto& q = input.quantization;
    if (q.scale.size() != 1 || !(q.scale[0] > 0))
        return std::nullopt;
    std::int64_t qmin = 0, qmax = 0;
    switch (input.dtype) {
    case model::DType::Int8: qmin = -128, qmax = 127; break;
    case model::DType::UInt8: qmin = 0, qmax = 255; break;
    case model::DType::Int16: qmin = -32768, qmax = 32767; break;
    default: return std::nullopt;
    }
    const std::int64_t zp = q.zeroPoint.empty() ? 0 : q.zeroPoint[0];
    ExpectedRange e;
    e.range = {static_cast<float>(q.scale[0] * static_cast<double>(qmin - zp)),
        static_cast<float>(q.scale[0] * static_cast<double>(qmax - zp))};
    std::ostringstream os;
    os << "the model's " << model::dtypeName(input.dtype) << " input quantization (scale " << q.scale[0]
       << ", zero point " << zp << ")";
    e.basis = os.str();
    return e;
}

std::optional<ExpectedRange> expectedInputRange(const model::Graph& g)
{
    const auto& sg = g.main();
    if (sg.inputs.size() != 1)
        return std::nullopt;
    const model::Tensor& input = sg.tensors[static_cast<std::size_t>(sg.inputs[0])];
    if (auto e = expectedInputRange(input))
        return e;
    // A float input: the metadata's normalization of 8-bit values, (value - mean) / std.
    if (input.dtype != model::DType::Float32)
        return std::nullopt;
    const auto n = model::inputNormalization(g, 0);
    if (!n)
        return std::nullopt;
    const std::size_t channels = std::max(n->mean.size(), n->std.size());
    ExpectedRange e;
    e.range = {std::numeric_limits<float>::max(), std::numeric_limits<float>::lowest()};
    for (std::size_t c = 0; c < channels; ++c) {
        const float mean = n->mean[std::min(c, n->mean.size() - 1)], stddev = n->std[std::min(c, n->std.size() - 1)];
        e.range.lo = std::min(e.range.lo, (0.0f - mean) / stddev);
        e.range.hi = std::max(e.range.hi, (255.0f - mean) / stddev);
    }
    std::ostringstream os;
    os << "the model's metadata (NormalizationOptions: (value - mean " << n->mean[0] << ") / std " << n->std[0];
    if (channels > 1)
        os << ", per channel; the widest channel's range is used";
    os << ")";
    e.basis = os.str();
    return e;
}

Preprocess preprocessFor(const ValueRange& range)
{
    Preprocess p;
    p.scale = range.span() / 255.0f;
    p.offset = range.lo;
    return p;
}

std::optional<std::string> rangeMismatch(const ValueRange& data, const ValueRange& expected)
{
    if (!(expected.span() > 0))
        return std::nullopt;
    const double ratio = data.span() > 0 ? static_cast<double>(data.span()) / expected.span() : 0.0;
    // Outside: the part of the data's range beyond the expected one, against the data's own span.
    const double outside = std::max(0.0f, expected.lo - data.lo) + std::max(0.0f, data.hi - expected.hi);
    const bool mostlyOutside = data.span() > 0 && outside > 0.5 * data.span();
    if (ratio >= 1.0 / 3.0 && ratio <= 3.0 && !mostlyOutside)
        return std::nullopt;
    std::ostringstream os;
    os << "the data lie in " << describe(data) << " but the model expects " << describe(expected);
    if (ratio > 0 && (ratio < 1.0 / 3.0 || ratio > 3.0))
        os << " (" << (ratio < 1 ? 1 / ratio : ratio) << " times " << (ratio < 1 ? "narrower" : "wider") << ")";
    return os.str();
}

std::string describe(const ValueRange& r)
{
    std::ostringstream os;
    os.precision(3);
    os << "[" << r.lo << ", " << r.hi << "]";
    return os.str();
}

} // namespace ql::data
