// SPDX-License-Identifier: MIT
// Shared pieces of the XNNPACK delegate predictor (xnnpack_support.cpp, xnnpack_support_ops.cpp,
// xnnpack_support_layout.cpp and xnnpack_support_gemm.cpp). Not part of the engine's interface.
#pragma once

#include "quant/xnnpack_support.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ql::quant::xnn {

constexpr int kMaxRank = 6; // XNN_MAX_TENSOR_DIMS

// One operator seen the way the delegate sees it.
struct Node {
    const model::Graph& g;
    const model::Subgraph& sg;
    const model::Operator& op;
    // Per tensor of the subgraph: the output of a DEQUANTIZE/DENSIFY of a constant, which the delegate
    // unpacks itself and then treats like a constant ("quasi-static").
    const std::vector<bool>& quasiStatic;
    std::string name; // "CONV_2D"

    int inputs() const { return static_cast<int>(op.inputs.size()); }
    int outputs() const { return static_cast<int>(op.outputs.size()); }
    int inputIndex(int i) const;
    const model::Tensor* in(int i) const; // nullptr when absent or omitted (-1)
    const model::Tensor* out(int i) const;
    bool constantInput(int i) const; // read-only data in the file
    bool staticInput(int i) const; // constant or quasi-static
};

// Tensor classes the delegate's type checks accept.
enum Allow : unsigned {
    kF32 = 1,
    kF16 = 2,
    kQS8 = 4, // int8, one scale, quantized_dimension 0
    kQU8 = 8, // uint8, one scale and one zero point
    kFloat = kF32 | kF16,
    kFloatQ8 = kF32 | kF16 | kQS8 | kQU8,
    kF32Q8 = kF32 | kQS8 | kQU8,
};

inline XnnpackDecision take(std::string why = {})
{
    return {XnnpackVerdict::Delegated, std::move(why)};
}
inline XnnpackDecision refuse(std::string why)
{
    return {XnnpackVerdict::BuiltinKernel, std::move(why)};
}
inline XnnpackDecision breaks(std::string why)
{
    return {XnnpackVerdict::BreaksBuild, std::move(why)};
}

// Each check returns an empty string when it passes, otherwise the reason in plain words.
std::string checkType(const Node& n, const model::Tensor* t, const char* role, unsigned allow);
// Rank within [lo, hi] and every dimension > 0.
std::string checkRank(const Node& n, const model::Tensor* t, const char* role, int lo, int hi);
std::string checkActivation(const Node& n, tflite::ActivationFunctionType a);
// A float, int8 or uint8 weight, as for convolutions: per-channel scales only on `channelAxis`, every
// scale normal and positive, zero points within XNNPACK's ranges; static (constant or quasi-static)
// unless `requireStatic` is false.
std::string checkConvWeight(const Node& n, int input, int channelAxis, bool requireStatic = true);
// A float, or int32 bias with scale(s) XNNPACK accepts (per-tensor or along axis 0, zero point 0).
std::string checkBias(const Node& n, int input);
// What XNNPACK's value definition rejects at build time: rank > 6, invalid quantization.
std::string checkValue(const model::Tensor& t);

bool isQuantized8(const model::Tensor& t); // int8 or uint8 with a scale
bool perChannel(const model::Tensor& t);
std::string tensorLabel(const model::Tensor& t); // "tensor 'conv1/out'"
std::string typeLabel(const model::Tensor& t); // "int8", "float32"

std::string number(double v); // 7 significant digits
// Scale and zero point as TFLite's per-tensor ("legacy") parameters: zeros unless exactly one scale.
std::pair<float, std::int64_t> legacyParams(const model::Tensor& t);
// The values of a constant int32 or int64 tensor (empty for other types).
std::vector<std::int64_t> intData(const model::Graph& g, const model::Tensor& t);
// Builtin options as TFLite parses them: the schema's defaults when the file has none.
template <class T> T optionsOr(const T* p)
{
    return p ? *p : T{};
}

// The delegate's detection of one operator, with XNNPACK's operator-specific build checks
// (xnnpack_support_ops.cpp), and the inputs it defines as XNNPACK values.
XnnpackDecision dispatch(const Node& n, tflite::BuiltinOperator code);
std::vector<int> valueInputs(const Node& n, tflite::BuiltinOperator code);

// The operator families of xnnpack_support_gemm.cpp.
XnnpackDecision visitConv2D(const Node& n);
XnnpackDecision visitDepthwiseConv2D(const Node& n);
XnnpackDecision visitTransposeConv(const Node& n);
XnnpackDecision visitFullyConnected(const Node& n);
XnnpackDecision visitBatchMatMul(const Node& n);
XnnpackDecision visitMediaPipeCustom(const Node& n);
// odml.scaled_dot_product_attention, as a STABLEHLO_COMPOSITE or a custom operator.
XnnpackDecision visitAttention(const Node& n);

} // namespace ql::quant::xnn

// Returns from the enclosing visitor with BuiltinKernel when a check fails.
#define QL_XNN_REFUSE_IF(check)                                                                                        \
    do {                                                                                                               \
        if (std::string why_ = (check); !why_.empty())                                                                 \
            return ::ql::quant::xnn::refuse(std::move(why_));                                                          \
    } while (0)
