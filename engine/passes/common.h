// SPDX-License-Identifier: MIT
// Helpers shared by the quantization passes (internal to engine/passes).
#pragma once

#include "model/graph.h"
#include "passes/quantize.h"
#include "quant/calibrate.h"
#include "quant/params.h"

#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace ql::passes::detail {

template <class T> std::vector<std::uint8_t> toBytes(const std::vector<T>& v)
{
    std::vector<std::uint8_t> b(v.size() * sizeof(T));
    if (!v.empty())
        std::memcpy(b.data(), v.data(), b.size());
    return b;
}

inline std::vector<float> floatsOf(const model::Graph& g, const model::Tensor& t)
{
    const auto d = g.tensorData(t);
    std::vector<float> v(d.size() / 4);
    if (!v.empty())
        std::memcpy(v.data(), d.data(), v.size() * 4);
    return v;
}

// Whether operator input k is given (not omitted as -1).
inline bool hasInput(const model::Operator& op, int k)
{
    return k >= 0 && k < static_cast<int>(op.inputs.size()) && op.inputs[static_cast<std::size_t>(k)] >= 0;
}

inline void setQuant(model::Tensor& t, const quant::Params& p)
{
    t.quantization = {};
    t.quantization.scale = p.scale;
    t.quantization.zeroPoint = p.zeroPoint;
    t.quantization.quantizedDimension = p.perChannel() ? p.axis : 0;
}

// Whether operator i is named in `keep` (its index, its op type or one of its output tensor names).
bool matchesKeep(const model::Graph& g, const model::Subgraph& sg, int i, const std::vector<std::string>& keep);

// int8 / 16x8: the integer graph (inputs, weights, activations, outputs), before unused tensors and
// buffers are dropped.
Result<QuantizeResult> quantizeInteger(
    const model::Graph& in, const QuantizeOptions& o, const std::vector<quant::TensorRange>& ranges);

} // namespace ql::passes::detail
