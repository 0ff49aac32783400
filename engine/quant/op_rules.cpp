// SPDX-License-Identifier: MIT
// The rows of the operator table (see op_rules.h). Versions: the MLIR quantizer's for int8 (the
// default converter path), the classic quantizer's for 16x8 (the only path for 16x8); maxima from
// LiteRT's kernel registration. Where the two converter paths differ, docs/quantization.md says
// which one QuantLens follows.
#include "quant/op_rules.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace ql::quant {

namespace {

constexpr std::uint32_t in(int k)
{
    return 1u << k;
}
constexpr std::uint32_t kAll = 0xFFFFFFFFu;
constexpr FixedParams kSigmoid8{1.0f / 256, -128}, kTanh8{1.0f / 128, 0}, kInt16Unit{1.0f / 32768, 0};

using O = OutputRule;
using D = Int8Delegation;

// clang-format off
const std::array kRules = {
    // Weighted operators: own output range, int8 symmetric weights, bias scale = input x weight scale.
    OpRule{.op = Op::CONV_2D, .int8 = true, .int16 = true, .dataInputs = in(0), .weight = 1, .axis = 0, .perChannel = true, .bias = 2,
           .versionInt8 = 3, .version16x8 = 3, .maxVersion = 8, .note = "a bias is always written (the kernel requires one)"},
    OpRule{.op = Op::DEPTHWISE_CONV_2D, .int8 = true, .int16 = true, .dataInputs = in(0), .weight = 1, .axis = 3, .perChannel = true, .bias = 2,
           .versionInt8 = 3, .version16x8 = 3, .maxVersion = 7},
    OpRule{.op = Op::FULLY_CONNECTED, .int8 = true, .int16 = true, .dataInputs = in(0), .weight = 1, .axis = 0, .perChannel = true, .bias = 2,
           .versionInt8 = 4, .version16x8 = 4, .maxVersion = 14,
           .note = "per channel by default (the MLIR converter); per tensor as older converters on request"},
    OpRule{.op = Op::TRANSPOSE_CONV, .int8 = true, .int16 = true, .dataInputs = in(2), .weight = 1, .axis = 0, .perChannel = true, .bias = 3,
           .versionInt8 = 3, .version16x8 = 3, .maxVersion = 5, .note = "input 2 is the activation, input 0 the output shape"},
    OpRule{.op = Op::BATCH_MATMUL, .int8 = true, .int16 = true, .dataInputs = in(0) | in(1), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 4,
           .note = "a constant right-hand side is quantized symmetric per tensor (zero point 0, which XNNPACK requires)"},

    // The integer LSTM (8-bit activations, int16 cell state): weights 1-8 int8 symmetric per tensor, gate biases
    // 12-15 int32 at input x weight scale, the hidden state (18) and the effective-hidden intermediate share the
    // output's parameters, the cell state (19) is int16 with a power-of-two scale (passes/integer_lstm.cpp).
    OpRule{.op = Op::UNIDIRECTIONAL_SEQUENCE_LSTM, .int8 = true, .int16 = false, .dataInputs = in(0), .versionInt8 = 1, .version16x8 = 1,
           .maxVersion = 4, .delegation = D::BuiltinOnly,
           .note = "weights per tensor; hidden state as the output; cell state int16, scale a power of two from the calibrated cell range; "
                   "four gates, no peephole, projection or layer norm (else float)"},

    // The integer SVDF: weights_feature int8, weights_time 10-bit codes in int16, the state int16 symmetric,
    // the bias int32 at weights_time x state scale (passes/integer_svdf.cpp).
    OpRule{.op = Op::SVDF, .int8 = true, .int16 = false, .dataInputs = in(0), .versionInt8 = 3, .version16x8 = 3, .maxVersion = 4,
           .delegation = D::BuiltinOnly,
           .note = "weights_time as 10-bit codes in int16; state int16 symmetric; bias at weights_time x state scale; RELU only (else float)"},

    // Several inputs, one parameter set.
    OpRule{.op = Op::CONCATENATION, .int8 = true, .int16 = true, .dataInputs = kAll, .output = O::Shared, .sharedInputs = kAll,
           .versionInt8 = 2, .version16x8 = 2, .maxVersion = 7},
    OpRule{.op = Op::PACK, .int8 = true, .int16 = true, .dataInputs = kAll, .output = O::Shared, .sharedInputs = kAll,
           .versionInt8 = 2, .version16x8 = 2, .maxVersion = 5, .delegation = D::BuiltinOnly},
    OpRule{.op = Op::MAXIMUM, .int8 = true, .int16 = true, .dataInputs = in(0) | in(1), .output = O::Shared, .sharedInputs = in(0) | in(1),
           .versionInt8 = 2, .version16x8 = 2, .maxVersion = 4, .delegation = D::BuiltinOnly},
    OpRule{.op = Op::MINIMUM, .int8 = true, .int16 = true, .dataInputs = in(0) | in(1), .output = O::Shared, .sharedInputs = in(0) | in(1),
           .versionInt8 = 2, .version16x8 = 2, .maxVersion = 4, .delegation = D::BuiltinOnly},
    OpRule{.op = Op::SELECT, .int8 = true, .int16 = true, .dataInputs = in(1) | in(2), .output = O::Shared, .sharedInputs = in(1) | in(2),
           .versionInt8 = 1, .version16x8 = 1, .maxVersion = 4, .delegation = D::BuiltinOnly, .note = "input 0 is the bool condition"},
    OpRule{.op = Op::SELECT_V2, .int8 = true, .int16 = true, .dataInputs = in(1) | in(2), .output = O::Shared, .sharedInputs = in(1) | in(2),
           .versionInt8 = 1, .version16x8 = 1, .maxVersion = 2, .delegation = D::BuiltinOnly},
    OpRule{.op = Op::PADV2, .int8 = true, .int16 = false, .dataInputs = in(0) | in(2), .output = O::Shared, .sharedInputs = in(0) | in(2),
           .versionInt8 = 2, .version16x8 = 2, .maxVersion = 6, .delegation = D::BuiltinOnly,
           .note = "the constant value shares the parameters of the data"},

    // Data movement: the output takes its input's parameters.
    OpRule{.op = Op::RESHAPE, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 1, .version16x8 = 1, .maxVersion = 1},
    OpRule{.op = Op::SQUEEZE, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 1, .version16x8 = 1, .maxVersion = 2,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::EXPAND_DIMS, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 1, .version16x8 = 1, .maxVersion = 1,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::TRANSPOSE, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 9},
    OpRule{.op = Op::PAD, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 6},
    OpRule{.op = Op::MIRROR_PAD, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::SLICE, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 8},
    OpRule{.op = Op::STRIDED_SLICE, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 8},
    OpRule{.op = Op::SPLIT, .int8 = true, .int16 = true, .dataInputs = in(1), .output = O::SameAsInput, .sameAs = 1, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 5,
           .note = "input 0 is the axis"},
    OpRule{.op = Op::SPLIT_V, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::UNPACK, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 1, .maxVersion = 6,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::GATHER, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 8,
           .delegation = D::BuiltinOnly, .note = "input 1 holds the indices"},
    OpRule{.op = Op::GATHER_ND, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 1, .version16x8 = 3, .maxVersion = 6,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::TILE, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 3, .version16x8 = 3, .maxVersion = 3,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::BROADCAST_TO, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 3, .version16x8 = 3, .maxVersion = 4,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::REVERSE_V2, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 3, .version16x8 = 3, .maxVersion = 4,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::MAX_POOL_2D, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3},
    OpRule{.op = Op::AVERAGE_POOL_2D, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::RESIZE_BILINEAR, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 4},
    OpRule{.op = Op::RESIZE_NEAREST_NEIGHBOR, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 4,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::DEPTH_TO_SPACE, .int8 = true, .int16 = false, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2},
    OpRule{.op = Op::SPACE_TO_DEPTH, .int8 = true, .int16 = false, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2},
    OpRule{.op = Op::BATCH_TO_SPACE_ND, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 4,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::SPACE_TO_BATCH_ND, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 4,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::REDUCE_MAX, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3},
    OpRule{.op = Op::REDUCE_MIN, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::SameAsInput, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3,
           .delegation = D::BuiltinOnly},

    // Arithmetic with its own output range.
    OpRule{.op = Op::ADD, .int8 = true, .int16 = true, .dataInputs = in(0) | in(1), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 6,
           .note = "16x8: pot_scale_int16 = false (the general int16 kernel), as the converter sets it"},
    OpRule{.op = Op::SUB, .int8 = true, .int16 = true, .dataInputs = in(0) | in(1), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 5,
           .note = "16x8: pot_scale_int16 = false"},
    OpRule{.op = Op::MUL, .int8 = true, .int16 = true, .dataInputs = in(0) | in(1), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 8},
    OpRule{.op = Op::DIV, .int8 = true, .int16 = false, .dataInputs = in(0) | in(1), .versionInt8 = 1, .version16x8 = 1, .maxVersion = 2,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::SQUARED_DIFFERENCE, .int8 = true, .int16 = false, .dataInputs = in(0) | in(1), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::MEAN, .int8 = true, .int16 = true, .dataInputs = in(0), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3},
    OpRule{.op = Op::SUM, .int8 = true, .int16 = true, .dataInputs = in(0), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2},
    OpRule{.op = Op::REDUCE_PROD, .int8 = true, .int16 = true, .dataInputs = in(0), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2,
           .delegation = D::BuiltinOnly},

    // Activations.
    OpRule{.op = Op::RELU, .int8 = true, .int16 = true, .dataInputs = in(0), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3, .delegation = D::BuiltinOnly},
    OpRule{.op = Op::RELU6, .int8 = true, .int16 = true, .dataInputs = in(0), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3, .delegation = D::BuiltinOnly},
    OpRule{.op = Op::RELU_N1_TO_1, .int8 = true, .int16 = false, .dataInputs = in(0), .versionInt8 = 1, .version16x8 = 1, .maxVersion = 1,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::LEAKY_RELU, .int8 = true, .int16 = true, .dataInputs = in(0), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2},
    OpRule{.op = Op::PRELU, .int8 = true, .int16 = false, .dataInputs = in(0), .weight = 1, .axis = 0, .perChannel = false,
           .versionInt8 = 1, .version16x8 = 1, .maxVersion = 1, .delegation = D::BuiltinOnly, .note = "alpha: int8 symmetric per tensor"},
    OpRule{.op = Op::HARD_SWISH, .int8 = true, .int16 = false, .dataInputs = in(0), .versionInt8 = 1, .version16x8 = 1, .maxVersion = 1,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::LOGISTIC, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::Fixed, .fixed8 = kSigmoid8, .fixed16 = kInt16Unit,
           .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3},
    OpRule{.op = Op::TANH, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::Fixed, .fixed8 = kTanh8, .fixed16 = kInt16Unit,
           .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3},
    OpRule{.op = Op::SOFTMAX, .int8 = true, .int16 = true, .dataInputs = in(0), .output = O::Fixed, .fixed8 = kSigmoid8, .fixed16 = kInt16Unit,
           .versionInt8 = 2, .version16x8 = 2, .maxVersion = 4, .delegation = D::BuiltinOnly},
    OpRule{.op = Op::LOG_SOFTMAX, .int8 = true, .int16 = false, .dataInputs = in(0), .output = O::Fixed, .fixed8 = {16.0f / 256, 127},
           .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2, .delegation = D::BuiltinOnly},
    OpRule{.op = Op::L2_NORMALIZATION, .int8 = true, .int16 = false, .dataInputs = in(0), .output = O::Fixed, .fixed8 = kTanh8,
           .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2, .delegation = D::BuiltinOnly},

    // Element-wise maths (int8 only where LiteRT's int16 kernel is not established).
    OpRule{.op = Op::ABS, .int8 = true, .int16 = true, .dataInputs = in(0), .versionInt8 = 2, .version16x8 = 3, .maxVersion = 5, .delegation = D::BuiltinOnly},
    OpRule{.op = Op::RSQRT, .int8 = true, .int16 = false, .dataInputs = in(0), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3, .delegation = D::BuiltinOnly},
    OpRule{.op = Op::SQRT, .int8 = true, .int16 = false, .dataInputs = in(0), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2, .delegation = D::BuiltinOnly},
    OpRule{.op = Op::EXP, .int8 = true, .int16 = false, .dataInputs = in(0), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2, .delegation = D::BuiltinOnly},
    OpRule{.op = Op::LOG, .int8 = true, .int16 = false, .dataInputs = in(0), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2, .delegation = D::BuiltinOnly},
    OpRule{.op = Op::GELU, .int8 = true, .int16 = false, .dataInputs = in(0), .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3, .delegation = D::BuiltinOnly},

    // Integer or bool results from quantized inputs.
    OpRule{.op = Op::ARG_MAX, .int8 = true, .int16 = false, .dataInputs = in(0), .output = O::NotQuantized, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::ARG_MIN, .int8 = true, .int16 = false, .dataInputs = in(0), .output = O::NotQuantized, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::EQUAL, .int8 = true, .int16 = false, .dataInputs = in(0) | in(1), .output = O::NotQuantized, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 4,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::NOT_EQUAL, .int8 = true, .int16 = false, .dataInputs = in(0) | in(1), .output = O::NotQuantized, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::LESS, .int8 = true, .int16 = false, .dataInputs = in(0) | in(1), .output = O::NotQuantized, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 3,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::LESS_EQUAL, .int8 = true, .int16 = false, .dataInputs = in(0) | in(1), .output = O::NotQuantized, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::GREATER, .int8 = true, .int16 = false, .dataInputs = in(0) | in(1), .output = O::NotQuantized, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2,
           .delegation = D::BuiltinOnly},
    OpRule{.op = Op::GREATER_EQUAL, .int8 = true, .int16 = false, .dataInputs = in(0) | in(1), .output = O::NotQuantized, .versionInt8 = 2, .version16x8 = 2, .maxVersion = 2,
           .delegation = D::BuiltinOnly},
};

constexpr std::uint64_t inputRange(int first, int last)
{
    std::uint64_t bits = 0;
    for (int k = first; k <= last; ++k)
        bits |= std::uint64_t{1} << k;
    return bits;
}
constexpr std::uint64_t kLstmWeights = inputRange(1, 11) | inputRange(16, 16);
constexpr std::uint64_t kBidirectionalLstmWeights =
    kLstmWeights | inputRange(18, 28) | inputRange(33, 33) | inputRange(40, 47);

const std::array kDynamicRules = {
    DynamicRule{.op = Op::CONV_2D, .weight = 1, .axis = 0, .hybrid = true, .version = 5, .versionPerTensor = 2},
    DynamicRule{.op = Op::DEPTHWISE_CONV_2D, .weight = 1, .axis = 3, .hybrid = true, .version = 6, .versionPerTensor = 4},
    DynamicRule{.op = Op::FULLY_CONNECTED, .weight = 1, .axis = 0, .hybrid = true, .asymmetricInputs = true, .version = 12, .versionPerTensor = 9},
    DynamicRule{.op = Op::BATCH_MATMUL, .weight = 1, .axis = -1, .hybrid = true, .asymmetricInputs = true, .version = 4, .versionPerTensor = 4},
    DynamicRule{.op = Op::TRANSPOSE_CONV, .weight = 1, .axis = 0, .hybrid = false},
    DynamicRule{.op = Op::EMBEDDING_LOOKUP, .weight = 1, .axis = 0, .hybrid = false},
    DynamicRule{.op = Op::GATHER, .weight = 0, .axis = -1, .hybrid = false},
    // LSTMs: input-to-gate (1-4), recurrent (5-8), peephole (9-11) and projection (16) weights; the
    // bidirectional one also its backward (18-28, 33) and auxiliary (40-47) weights. Biases, layer-norm
    // coefficients and state stay float32.
    DynamicRule{.op = Op::UNIDIRECTIONAL_SEQUENCE_LSTM, .weight = 2, .weights = kLstmWeights, .allOrNothing = true,
        .axis = -1, .hybrid = true, .asymmetricInputs = true, .version = 3, .versionPerTensor = 3},
    DynamicRule{.op = Op::LSTM, .weight = 2, .weights = kLstmWeights, .allOrNothing = true, .axis = -1, .hybrid = true,
        .asymmetricInputs = true, .version = 4, .versionPerTensor = 4},
    DynamicRule{.op = Op::BIDIRECTIONAL_SEQUENCE_LSTM, .weight = 1, .weights = kBidirectionalLstmWeights, .allOrNothing = true,
        .axis = -1, .hybrid = true, .asymmetricInputs = true, .version = 3, .versionPerTensor = 3},
    // SVDF: weights_feature and weights_time; RNNs: input and recurrent weights. The kernels read both
    // as one type, so both are quantized or neither.
    DynamicRule{.op = Op::SVDF, .weight = 1, .weights = inputRange(1, 2), .allOrNothing = true, .axis = -1,
        .hybrid = true, .asymmetricInputs = true, .version = 4, .versionPerTensor = 4},
    DynamicRule{.op = Op::RNN, .weight = 1, .weights = inputRange(1, 2), .allOrNothing = true, .axis = -1,
        .hybrid = true, .asymmetricInputs = true, .version = 3, .versionPerTensor = 3},
    DynamicRule{.op = Op::UNIDIRECTIONAL_SEQUENCE_RNN, .weight = 1, .weights = inputRange(1, 2), .allOrNothing = true,
        .axis = -1, .hybrid = true, .asymmetricInputs = true, .version = 3, .versionPerTensor = 3},
};
// clang-format on

int rankOf(const model::Subgraph& sg, int t)
{
    return t >= 0 ? static_cast<int>(sg.tensors[static_cast<std::size_t>(t)].shape.size()) : 0;
}

bool hasInput(const model::Operator& op, int k)
{
    return static_cast<int>(op.inputs.size()) > k && op.inputs[static_cast<std::size_t>(k)] >= 0;
}

float scaleOf(const model::Subgraph& sg, int t)
{
    if (t < 0)
        return 0;
    const auto& q = sg.tensors[static_cast<std::size_t>(t)].quantization;
    return q.scale.empty() ? 0.0f : q.scale[0];
}

} // namespace

const OpRule* ruleFor(Op op)
{
    for (const auto& r : kRules)
        if (r.op == op)
            return &r;
    return nullptr;
}

std::span<const OpRule> allRules()
{
    return kRules;
}

const DynamicRule* dynamicRuleFor(Op op)
{
    for (const auto& r : kDynamicRules)
        if (r.op == op)
            return &r;
    return nullptr;
}

std::span<const DynamicRule> allDynamicRules()
{
    return kDynamicRules;
}

std::string outputRuleName(OutputRule r)
{
    switch (r) {
    case OutputRule::Own: return "own range";
    case OutputRule::SameAsInput: return "input's";
    case OutputRule::Shared: return "shared";
    case OutputRule::Fixed: return "fixed";
    case OutputRule::NotQuantized: return "not quantized";
    }
    return "?";
}

int convertedVersion(const OpRule& r, const model::Graph& g, const model::Subgraph& sg, const model::Operator& op, bool int16)
{
    (void)g;
    int v = int16 ? r.version16x8 : r.versionInt8;
    if (int16)
        return std::min(v, r.maxVersion); // the classic quantizer writes its table's numbers for every 16x8 file
    const int rank = op.inputs.empty() ? 0 : rankOf(sg, op.inputs[0]);
    switch (r.op) {
    case Op::FULLY_CONNECTED:
        if (const auto* o = op.options.AsFullyConnectedOptions(); o && o->keep_num_dims)
            v = std::max(v, 5);
        if (!hasInput(op, 2))
            v = std::max(v, 6);
        break;
    case Op::TRANSPOSE_CONV:
        if (const auto* o = op.options.AsTransposeConvOptions(); o && o->fused_activation_function != tflite::ActivationFunctionType::NONE)
            v = 4;
        else if (!hasInput(op, 3))
            v = 2;
        break;
    case Op::MUL:
        if (hasInput(op, 0) && hasInput(op, 1) && !op.outputs.empty()) {
            const float so = scaleOf(sg, op.outputs[0]);
            if (so > 0 && scaleOf(sg, op.inputs[0]) * scaleOf(sg, op.inputs[1]) / so >= 1.0f)
                v = 3;
        }
        break;
    case Op::PAD:
    case Op::TRANSPOSE:
        if (rank > 4)
            v = 4;
        break;
    case Op::SLICE:
        if (rank > 4)
            v = 5;
        break;
    case Op::STRIDED_SLICE:
        if (const auto* o = op.options.AsStridedSliceOptions()) {
            if (o->offset)
                v = 8;
            else if (o->ellipsis_mask != 0 || o->new_axis_mask != 0)
                v = 6;
            else if (rank > 4)
                v = 4;
        }
        break;
    case Op::RESIZE_BILINEAR:
        if (const auto* o = op.options.AsResizeBilinearOptions(); o && o->half_pixel_centers)
            v = 3;
        break;
    case Op::RESIZE_NEAREST_NEIGHBOR:
        if (const auto* o = op.options.AsResizeNearestNeighborOptions(); o && (o->half_pixel_centers || o->align_corners))
            v = 3;
        break;
    case Op::BATCH_TO_SPACE_ND:
    case Op::SPACE_TO_BATCH_ND:
        if (rank != 4)
            v = 3;
        break;
    case Op::MAXIMUM:
    case Op::MINIMUM:
    case Op::SUB:
        if (std::max(rank, op.inputs.size() > 1 ? rankOf(sg, op.inputs[1]) : 0) > 4)
            v = 3;
        break;
    default: break;
    }
    return std::min(v, r.maxVersion);
}

namespace {

int addSubLeftShift(model::DType type)
{
    return type == model::DType::Int16 ? 15 : 20;
}

} // namespace

double addSubOutputMultiplier(float inScale1, float inScale2, float outScale, model::DType type)
{
    // Both products in float, as the kernel writes them (an int times a float scale); the quotient in double.
    const float twiceMax = 2.0f * std::max(inScale1, inScale2);
    const float shiftedOut = static_cast<float>(1 << addSubLeftShift(type)) * outScale;
    return static_cast<double>(twiceMax) / static_cast<double>(shiftedOut);
}

double addSubLargestOutputScale(model::DType type)
{
    return std::ldexp(static_cast<double>(std::numeric_limits<float>::max()), -addSubLeftShift(type));
}

int addSubMaxScaleRatioLog2(model::DType type)
{
    return type == model::DType::Int16 ? 14 : 19;
}

} // namespace ql::quant
