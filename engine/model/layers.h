// SPDX-License-Identifier: MIT
// One row per operator of the main subgraph: what the layer table (GUI) and `info` (CLI) show.
#pragma once

#include "model/graph.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ql::model {

struct LayerRow {
    int index = 0;
    std::string op; // "CONV_2D", or the custom code
    std::string inputShape; // of the activation input, "1x28x28x1"
    std::string outputShape; // of output 0
    std::string activationDtype; // dtype of the activation input ("" when there is none)
    std::string outputDtype;
    int weightTensor = -1; // tensor index of the weights, -1 when the layer has none
    std::string weightShape;
    std::string weightDtype; // as stored: "int8", or "float16" behind a DEQUANTIZE, ...
    std::string quantization; // of the weights: "per-tensor s=0.0123 zp=0", "per-channel x12 (dim 0)"
    std::int64_t parameterCount = 0; // elements of all constant inputs
    std::int64_t constantBytes = 0; // bytes of all constant inputs
};

std::vector<LayerRow> describeLayers(const Graph& g);

// "1x28x28x1" ("scalar" for rank 0).
std::string shapeString(const std::vector<std::int32_t>& shape);
// Short text of a tensor's quantization: "", "s=0.0039 zp=-128", "per-channel x12 (dim 0)".
std::string quantizationString(const Quantization& q);

} // namespace ql::model
