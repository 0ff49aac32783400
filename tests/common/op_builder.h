// SPDX-License-Identifier: MIT
// Builds one-operator models in memory, for kernel tests against LiteRT.
#pragma once

#include "model/graph.h"

#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

namespace ql::test {

struct TensorSpec {
    std::vector<std::int32_t> shape;
    model::DType dtype = model::DType::Float32;
    float scale = 0; // 0: not quantized
    std::int64_t zeroPoint = 0;
    std::vector<std::uint8_t> data; // empty: a model input (or the output)

    template <class T>
    static TensorSpec constant(std::vector<std::int32_t> shape, model::DType dtype, const std::vector<T>& values)
    {
        TensorSpec t{std::move(shape), dtype, 0, 0, {}};
        t.data.resize(values.size() * sizeof(T));
        std::memcpy(t.data.data(), values.data(), t.data.size());
        return t;
    }
};

// A graph with one operator: `inputs` in order (constants become buffers, the others graph inputs),
// `outputs` as graph outputs.
model::Graph singleOpGraph(tflite::BuiltinOperator op, const tflite::BuiltinOptionsUnion& options,
    const std::vector<TensorSpec>& inputs, const std::vector<TensorSpec>& outputs, int version = 1);

} // namespace ql::test
