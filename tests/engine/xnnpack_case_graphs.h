// SPDX-License-Identifier: MIT
// The graphs the XNNPACK support cases are made of (xnnpack_support_cases.cpp): tensor specifications
// (float, quantized, constant), one-operator graphs with per-channel or odd parameters, builtin
// options, and the two-operator models that dequantize a constant in front of their consumer.
#pragma once

#include "common/graph_builder.h"
#include "common/op_builder.h"
#include "model/graph.h"

#include <cstdint>
#include <vector>

namespace ql::test::xnnpack_graphs {

using DT = model::DType;
using Op = tflite::BuiltinOperator;
using Act = tflite::ActivationFunctionType;

// Tensor specifications: float32, of another type, quantized; constants (int32 values, float values,
// int8/uint8 codes, an int32 bias).
TensorSpec f32(std::vector<std::int32_t> s);
TensorSpec typed(std::vector<std::int32_t> s, DT t);
TensorSpec q(std::vector<std::int32_t> s, float scale, std::int64_t zp, DT t = DT::Int8);
TensorSpec i32c(std::vector<std::int32_t> s, std::vector<std::int32_t> v);
TensorSpec f32c(std::vector<std::int32_t> s);
// Constant int8 (or uint8) codes with the given parameters.
TensorSpec q8c(std::vector<std::int32_t> s, float scale, std::int64_t zp, DT t = DT::Int8);
TensorSpec biasc(int n, float scale);

model::Graph one(Op op, tflite::BuiltinOptionsUnion o, std::vector<TensorSpec> in, std::vector<TensorSpec> out);

// Per-channel parameters for tensor `t` of subgraph 0 (inputs come first in singleOpGraph).
model::Graph channels(model::Graph g, int t, std::vector<float> scales, std::vector<std::int64_t> zps, int axis);
model::Graph scaleOf(model::Graph g, int t, float scale);

// Builtin options.
tflite::BuiltinOptionsUnion conv(Act a = Act::NONE, int stride = 1);
tflite::BuiltinOptionsUnion dw(int multiplier = 1);
tflite::BuiltinOptionsUnion fc(Act a = Act::NONE, bool keepDims = false);
tflite::BuiltinOptionsUnion pool(int filter, int stride);
tflite::BuiltinOptionsUnion reducer();
tflite::BuiltinOptionsUnion concat(int axis);
tflite::BuiltinOptionsUnion sliceOpts(int shrink = 0);
tflite::BuiltinOptionsUnion splitOpts(int n);
tflite::BuiltinOptionsUnion softmax(float beta);
tflite::BuiltinOptionsUnion leaky(float alpha);
template <class T> tflite::BuiltinOptionsUnion blockOpts(int b)
{
    T o;
    o.block_size = b;
    return opts(o);
}
tflite::BuiltinOptionsUnion tconvOpts();
tflite::BuiltinOptionsUnion bmm(bool adjY = false);

// The 2-D convolution families on [1,5,5,3] -> [1,5,5,4] (3x3 SAME): activations `x`/`y` with
// weights `w` and bias `b`.
model::Graph conv2d(TensorSpec x, TensorSpec w, TensorSpec b, TensorSpec y, Act a = Act::NONE);
model::Graph convNoBias(TensorSpec x, TensorSpec w, TensorSpec y);
model::Graph fcGraph(TensorSpec x, TensorSpec w, TensorSpec y, tflite::BuiltinOptionsUnion o = fc());

// Unary and binary operators on [2,3,8].
inline const std::vector<std::int32_t> kShape{2, 3, 8};
model::Graph unary(Op op, TensorSpec x, TensorSpec y, tflite::BuiltinOptionsUnion o = {});
model::Graph binary(Op op, TensorSpec a, TensorSpec b, TensorSpec y, tflite::BuiltinOptionsUnion o = {});

// A constant of `dt` (float16 codes or int8 codes) dequantized to float32, feeding `consumer`'s
// second input, or a graph output when `consumer` is ADD with nothing else: the two-operator models.
model::Graph dequantizeInto(DT dt, Op consumer, bool perChannel = false);

} // namespace ql::test::xnnpack_graphs
