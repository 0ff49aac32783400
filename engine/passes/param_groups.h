// SPDX-License-Identifier: MIT
// Which tensors of a graph being quantized must share one scale and zero point, and which values
// those are (internal to engine/passes). The converter's rules (quant/op_rules.h): an operator that
// only moves data gives its output its input's parameters; CONCATENATION, PACK, MAXIMUM, MINIMUM,
// SELECT and PADV2 use one parameter set for their inputs and output, chosen from the output's range
// and pushed back onto the producers (the MLIR quantizer's backward propagation), so that no
// requantization is needed. Tensors whose parameters are already fixed (a fixed-range output such as
// LOGISTIC's, a quantized graph input) keep them: the shared operator then gets an int8-to-int8
// QUANTIZE on that input ("requantize edge").
#pragma once

#include "core/result.h"
#include "model/graph.h"
#include "quant/calibrate.h"
#include "quant/params.h"

#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace ql::passes::detail {

struct ParamGroups {
    // Parameters per tensor of subgraph 0 that belongs to a group (absent: the tensor's own range).
    std::map<int, quant::Params> params;
    // (operator, input slot) pairs whose input keeps its own parameters and is requantized to the
    // operator's shared ones.
    std::set<std::pair<int, int>> requantize;
};

struct GroupInputs {
    const model::Graph* graph = nullptr;
    int subgraph = 0; // the subgraph being quantized; `integer`, `pinnedInput` and `ranges` are its
    std::vector<bool> integer; // per operator of subgraph 0: it becomes integer
    std::vector<bool> pinnedInput; // per tensor: a graph input whose own parameters are fixed
    const std::vector<quant::TensorRange>* ranges = nullptr;
    quant::Scheme activation; // int8 asymmetric or int16 symmetric
    bool int16 = false;
};

Result<ParamGroups> groupParams(const GroupInputs& in);

// Parameters of an activation from its calibrated range (an error names a tensor without one).
Result<quant::Params> ownParams(const GroupInputs& in, int tensor);

// Parameters of a float constant used as data, from its own values.
quant::Params constantParams(const model::Graph& g, const model::Tensor& t, const quant::Scheme& s);

} // namespace ql::passes::detail
