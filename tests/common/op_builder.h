// SPDX-License-Identifier: MIT
// Builds one-operator models in memory, for kernel tests against LiteRT.
#pragma once

#include "model/graph.h"

#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace ql::test {

struct TensorSpec {
    std::vector<std::int32_t> shape;
    model::DType dtype = model::DType::Float32;
    float scale = 0; // 0: not quantized
    std::int64_t zeroPoint = 0;
    std::vector<std::uint8_t> data; // empty: a model input (or the output)
    // Range of the seeded random values of an input (integers: inclusive; lo > hi: the type's full range).
    double lo = 1, hi = 0;
    // Per-channel quantization (replaces scale and zeroPoint when not empty): one scale and zero point
    // per index of dimension channelAxis.
    std::vector<float> channelScales{};
    std::vector<std::int64_t> channelZeroPoints{};
    int channelAxis = 0;

    template <class T>
    static TensorSpec constant(std::vector<std::int32_t> shape, model::DType dtype, const std::vector<T>& values)
    {
        TensorSpec t{std::move(shape), dtype, 0, 0, {}};
        t.data.resize(values.size() * sizeof(T));
        std::memcpy(t.data.data(), values.data(), t.data.size());
        return t;
    }
    TensorSpec& range(double low, double high)
    {
        lo = low;
        hi = high;
        return *this;
    }
};

// What a one-operator graph holds beyond its tensors.
struct OpSpec {
    tflite::BuiltinOperator op = tflite::BuiltinOperator::ADD;
    tflite::BuiltinOptionsUnion options;
    tflite::BuiltinOptions2Union options2;
    std::string customCode; // with op CUSTOM
    std::vector<std::uint8_t> customOptions;
    int version = 1;
};

// A graph with one operator: `inputs` in order (constants become buffers, the others graph inputs),
// `outputs` as graph outputs.
model::Graph singleOpGraph(const OpSpec& op, const std::vector<TensorSpec>& inputs, const std::vector<TensorSpec>& outputs);
model::Graph singleOpGraph(tflite::BuiltinOperator op, const tflite::BuiltinOptionsUnion& options,
    const std::vector<TensorSpec>& inputs, const std::vector<TensorSpec>& outputs, int version = 1);

// Seeded random bytes for one input of `spec` (its dtype, shape and range).
std::vector<std::uint8_t> randomInput(const TensorSpec& spec, std::mt19937& rng);

} // namespace ql::test
