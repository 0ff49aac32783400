// SPDX-License-Identifier: MIT
// Structural checks on a graph: every index in range, shapes sane, constant data the size their
// shape needs, quantization vectors consistent. The reader runs them on every file; passes run them
// on what they build, and the writer before it writes.
#pragma once

#include "core/result.h"
#include "model/graph.h"

namespace ql::model {

// Largest element count a tensor may have (2^31 - 1), so sizes fit the int32 dims TFLite uses.
constexpr std::int64_t kMaxTensorElements = 0x7fffffff;

Status validate(const Graph& g);

// "tensor 3 'conv/weights'": how errors name a tensor.
std::string describeTensor(const Subgraph& sg, std::int64_t index);

// The dimension a per-channel quantization runs along: the stored one, or 0 for the 1-D biases that
// old converters wrote with their filter's dimension (see validate.cpp).
int channelAxis(const Tensor& t);

} // namespace ql::model
