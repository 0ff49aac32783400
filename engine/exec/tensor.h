// SPDX-License-Identifier: MIT
// Run-time tensors: dtype, shape and where the data live while the interpreter runs.
#pragma once

#include "model/graph.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ql::exec {

// How integer kernels requantize (see docs/arithmetic.md).
enum class Rounding {
    Reference, // TFLite reference kernels / tflite-micro: fixed-point multiplier, double rounding
    Xnnpack, // LiteRT's CPU runtime: requantization in float, round half to even
};
std::string roundingName(Rounding r);

struct RtTensor {
    model::DType dtype = model::DType::Float32;
    std::vector<std::int32_t> shape;
    std::uint8_t* data = nullptr;
    std::int64_t bytes = 0;
    const model::Tensor* meta = nullptr; // name and quantization
    bool constant = false;

    template <class T> T* as() const { return reinterpret_cast<T*>(data); }
    std::int64_t count() const
    {
        std::int64_t n = 1;
        for (auto d : shape)
            n *= d;
        return n;
    }
    int rank() const { return static_cast<int>(shape.size()); }
    std::int32_t dim(int i) const { return shape[static_cast<std::size_t>(i < 0 ? i + rank() : i)]; }
    float scale() const { return meta && !meta->quantization.scale.empty() ? meta->quantization.scale[0] : 0.0f; }
    std::int32_t zeroPoint() const
    {
        return meta && !meta->quantization.zeroPoint.empty()
            ? static_cast<std::int32_t>(meta->quantization.zeroPoint[0])
            : 0;
    }
    const model::Quantization& quantization() const { return meta->quantization; }
};

// "[1,28,28,1]"
std::string shapeText(const std::vector<std::int32_t>& shape);

} // namespace ql::exec
