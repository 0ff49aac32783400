// SPDX-License-Identifier: MIT
// Facts about a model for `info`, the layer table and reports: sizes, and which quantization mode
// the file is in.
#pragma once

#include "model/graph.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ql::model {

// The modes the TFLite converter produces, as `info` names them.
enum class QuantMode { Float32, Float16, DynamicRange, Int8, UInt8, Int16x8, Mixed };
std::string quantModeName(QuantMode m); // "float32", "float16", "dynamic-range", "int8", "uint8", "16x8", "mixed"

struct ModeGuess {
    QuantMode mode = QuantMode::Float32;
    std::string reason; // one line: what in the file led to the guess
    int weightedOperators = 0; // 0: the guess goes by the activations alone
    bool smallWeightsFloat = false; // dynamic range / float16 with small weight tensors left in float32
};

// Looks at the weighted operators (convolutions, fully connected, LSTM, ...): the dtype of their
// activation input and of their weights, also when the weights reach them through a DEQUANTIZE.
ModeGuess guessMode(const Graph& g);

// For each tensor of `sg`, the index of the operator that produces it, or -1.
std::vector<int> producerIndex(const Subgraph& sg);

// The constant that feeds tensor `index`: the tensor itself, or the constant input of the
// DEQUANTIZE that produces it (float16 or int8 weights). `tensor` is null when there is none.
struct ConstantSource {
    const Tensor* tensor = nullptr;
    std::int32_t index = -1;
    bool viaDequantize = false;
};
ConstantSource constantSource(
    const Graph& g, const Subgraph& sg, std::int32_t index, const std::vector<int>& producers);

// Index (into op.inputs) of an operator's weight input and of its activation input, or -1.
// `producers` is producerIndex(sg).
int weightInputIndex(tflite::BuiltinOperator op, const Operator& o, const Subgraph& sg, const Graph& g,
    const std::vector<int>& producers);
int activationInputIndex(tflite::BuiltinOperator op);

// Bytes a tensor's data take: the stored bytes for a constant, what its shape needs at run time
// otherwise (0 for types without a fixed size).
std::int64_t tensorBytes(const Graph& g, const Tensor& t);

struct ModelSummary {
    std::uint32_t schemaVersion = 0;
    std::string description;
    std::uint64_t fileSize = 0;
    std::uint64_t constantBytes = 0; // all distinct buffers tensors refer to
    std::map<std::string, std::uint64_t> bytesByDtype; // the same, split by the tensors' dtype
    std::uint64_t associatedFilesBytes = 0;
    std::map<std::string, int> operatorCounts; // over all subgraphs
    ModeGuess mode;
};

ModelSummary summarize(const Graph& g);

} // namespace ql::model
