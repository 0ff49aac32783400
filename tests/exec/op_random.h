// SPDX-License-Identifier: MIT
// Randomly drawn one-operator cases of the operators real models are built from: shapes, broadcasting,
// strides, dilation, padding, fused activations, options, scales and zero points, in float, int8,
// uint8, int16 (16x8) and dynamic range. A case is a function of (seed, index), so a failure is
// reproduced from its name alone and becomes a fixed op_test case.
#pragma once

#include "exec/op_cases.h"

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace ql::test::random_ops {

class Dice {
public:
    explicit Dice(std::uint32_t seed)
        : m_rng(seed)
    {
    }
    int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    double real(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(m_rng); }
    // 10^x with x uniform in [lo, hi].
    double decades(double lo, double hi) { return std::pow(10.0, real(lo, hi)); }
    bool chance(double p) { return real(0, 1) < p; }
    template <class T> const T& pick(const std::vector<T>& v) { return v[static_cast<std::size_t>(between(0, static_cast<int>(v.size()) - 1))]; }
    std::mt19937& engine() { return m_rng; }

private:
    std::mt19937 m_rng;
};

// The number formats of a case's activations (and weights).
enum class Numbers {
    Float,
    Int8, // int8 activations, per-channel int8 weights, int32 bias
    UInt8, // uint8 activations and per-tensor weights, int32 bias
    Int16, // int16 activations (zero point 0), per-channel int8 weights, int64 bias
    Hybrid, // float activations, int8 weights (dynamic range)
};
std::string numbersName(Numbers n);
// The activation formats of operators without weights: float, int8 (twice as likely), uint8, int16.
Numbers activationNumbers(Dice& d);
model::DType activationType(Numbers n);

// An activation tensor of `n` (float: no quantization) whose real values span about ±magnitude.
TensorSpec activation(Dice& d, std::vector<std::int32_t> shape, Numbers n, double magnitude);
// The same quantization as `like`, another shape.
TensorSpec sameAs(const TensorSpec& like, std::vector<std::int32_t> shape);
// Seeded constant values of `spec` (its type, shape and range).
TensorSpec filled(TensorSpec spec, Dice& d);
std::string shapeText(const std::vector<std::int32_t>& s);
// A shape of `rank` dimensions, each in [1, largest].
std::vector<std::int32_t> randomShape(Dice& d, int rank, int largest);
// A shape that broadcasts to `out`: some dimensions 1, sometimes a lower rank.
std::vector<std::int32_t> broadcastFrom(Dice& d, const std::vector<std::int32_t>& out);
// The shape two broadcasting shapes make: the larger rank, the larger of each dimension.
std::vector<std::int32_t> broadcastShape(const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b);
// The output of a data-movement operator: usually the input's parameters (what the converter writes),
// sometimes (`own`) its own, which the runtimes must then treat alike (requantize or refuse).
TensorSpec movedOutput(Dice& d, const TensorSpec& in, std::vector<std::int32_t> shape, Numbers n, bool& own);
// A dimension or an index as a vector position.
inline std::size_t at(int i)
{
    return static_cast<std::size_t>(i);
}

// Generators, one per operator family (op_random_conv.cpp, op_random_elementwise.cpp,
// op_random_layout.cpp, op_random_movement.cpp,
// op_random_math.cpp, op_random_indexing.cpp).
OpCase randomConv2d(Dice& d);
OpCase randomDepthwise(Dice& d);
OpCase randomFullyConnected(Dice& d);
OpCase randomTransposeConv(Dice& d);
OpCase randomPool(Dice& d);
OpCase randomBinary(Dice& d);
OpCase randomResize(Dice& d);
OpCase randomReduce(Dice& d);
OpCase randomConcatenation(Dice& d);
OpCase randomStridedSlice(Dice& d);
OpCase randomActivation(Dice& d);
OpCase randomCompare(Dice& d);
OpCase randomLogical(Dice& d);
OpCase randomBroadcastTo(Dice& d);
// op_random_movement.cpp
OpCase randomPad(Dice& d);
OpCase randomTranspose(Dice& d);
OpCase randomGather(Dice& d);
OpCase randomSplit(Dice& d);
OpCase randomSlice(Dice& d);
OpCase randomSpaceDepth(Dice& d);
OpCase randomBatchMatmul(Dice& d);
OpCase randomSpaceBatch(Dice& d);
// op_random_math.cpp
OpCase randomQuantize(Dice& d);
OpCase randomPrelu(Dice& d);
OpCase randomUnaryMath(Dice& d);
OpCase randomL2Normalization(Dice& d);
OpCase randomPackUnpack(Dice& d);
OpCase randomTile(Dice& d);
OpCase randomArgMinMax(Dice& d);
OpCase randomSelect(Dice& d);
// op_random_indexing.cpp
OpCase randomGatherNd(Dice& d);
OpCase randomScatterNd(Dice& d);
OpCase randomTopK(Dice& d);
OpCase randomReverse(Dice& d);
OpCase randomCumsum(Dice& d);
OpCase randomEmbeddingLookup(Dice& d);
OpCase randomSegment(Dice& d);

// `count` cases drawn from seed `seed`: case k of a seed is always the same.
std::vector<OpCase> randomCases(std::uint32_t seed, int count);

} // namespace ql::test::random_ops
