// SPDX-License-Identifier: MIT
// What the TFLite metadata (the "TFLITE_METADATA" buffer, a flatbuffer of its own with file identifier
// "M001", written by the TFLite Support metadata writers) says about how to feed an input: its
// NormalizationOptions, input = (value - mean) / std per channel. Read with bounds checks on every offset:
// a damaged or hostile buffer gives nothing, never a crash.
#pragma once

#include "model/graph.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ql::model {

struct InputNormalization {
    std::vector<float> mean, std; // one value, or one per channel
};

// The NormalizationOptions of input `input` of subgraph 0, as the metadata lists its inputs.
std::optional<InputNormalization> inputNormalization(const Graph& g, std::size_t input);

// The same from the metadata buffer's bytes (for tests and tools).
std::optional<InputNormalization> inputNormalization(std::span<const std::uint8_t> metadata, std::size_t input);

} // namespace ql::model
