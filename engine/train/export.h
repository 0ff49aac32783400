// SPDX-License-Identifier: MIT
// A trained network as a float32 TFLite graph: RESHAPE, CONV_2D / FULLY_CONNECTED with fused ReLU or
// ReLU6, MAX_POOL_2D / AVERAGE_POOL_2D, RELU / RELU6, and SOFTMAX on the class scores. After
// quantization-aware training the learned activation ranges are recorded as each tensor's
// quantization min/max, where the integer quantizer (quant::recordedRanges) picks them up.
#pragma once

#include "core/result.h"
#include "model/graph.h"
#include "train/network.h"

#include <string>

namespace ql::train {

struct ExportOptions {
    int batch = 1; // leading dimension of the input
    bool softmax = true; // end in SOFTMAX (probabilities) rather than the logits
    bool recordRanges = true; // write the QAT activation ranges as min/max (when the network has them)
    std::string description; // the model's description; a default names the architecture
};

Result<model::Graph> toGraph(const Network& net, const ExportOptions& options = {});

} // namespace ql::train
