// SPDX-License-Identifier: MIT
// The XNNPACK delegate predictor: the operator dispatch and the element-wise, pooling and reduction
// operators. Shared checks and the graph-level rules are in xnnpack_support.cpp, the convolution and
// matrix operators in xnnpack_support_gemm.cpp, the layout operators in xnnpack_support_layout.cpp.
#include "quant/xnnpack_support_detail.h"
#include "quant/xnnpack_support_layout.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace ql::quant::xnn {

using model::DType;
using model::Tensor;
using Op = tflite::BuiltinOperator;

namespace {

std::string mixedTypes(const Node& n, const Tensor& in, const Tensor& out)
{
    if (in.dtype == out.dtype)
        return {};
    return n.name + " input is " + typeLabel(in) + " but its output is " + typeLabel(out) +
        "; XNNPACK has no such mixed kernel";
}

std::string checkPool(const Node& n, const tflite::Pool2DOptionsT& p)
{
    if (p.stride_w <= 0 || p.stride_h <= 0 || p.filter_width <= 0 || p.filter_height <= 0)
        return n.name + " has a zero or negative filter size or stride";
    if (p.stride_w > p.filter_width || p.stride_h > p.filter_height)
        return n.name + " stride is larger than its filter (XNNPACK does not take that)";
    if (p.filter_width == 1 && p.filter_height == 1 && (p.stride_w > 1 || p.stride_h > 1))
        return n.name + " has a 1x1 filter with a stride above 1";
    return checkActivation(n, p.fused_activation_function);
}

XnnpackDecision visitUnary(const Node& n, Op code)
{
    if (n.inputs() != 1 || n.outputs() != 1)
        return refuse(n.name + " has an unexpected number of inputs or outputs");
    const Tensor* x = n.in(0);
    const Tensor* y = n.out(0);
    QL_XNN_REFUSE_IF(checkRank(n, x, "input", 0, kMaxRank));
    switch (code) {
    case Op::DEQUANTIZE:
        QL_XNN_REFUSE_IF(checkType(n, x, "input", kQS8 | kQU8));
        QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloat));
        return take("runs as an XNNPACK conversion");
    case Op::QUANTIZE: {
        QL_XNN_REFUSE_IF(checkType(n, x, "input", kFloatQ8));
        QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloatQ8));
        if (isQuantized8(*x)) {
            if (x->dtype != y->dtype)
                return refuse("XNNPACK does not requantize between int8 and uint8");
            if (!checkValue(*x).empty() || !checkValue(*y).empty())
                return refuse("QUANTIZE has an invalid scale or zero point");
            const float r = x->quantization.scale[0] / y->quantization.scale[0];
            if (r < 1.0f / 256.0f || r > 128.0f)
                return refuse("QUANTIZE input-to-output scale ratio " + number(r) + " is outside [1/256, 128]");
        }
        return take("runs as an XNNPACK conversion");
    }
    case Op::ELU:
        QL_XNN_REFUSE_IF(checkType(n, x, "input", kFloat | kQS8));
        QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloat | kQS8));
        break;
    case Op::LOGISTIC:
    case Op::TANH:
        QL_XNN_REFUSE_IF(checkType(n, x, "input", kFloatQ8));
        QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloatQ8));
        break;
    case Op::LEAKY_RELU: {
        QL_XNN_REFUSE_IF(checkType(n, x, "input", kFloatQ8));
        QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloatQ8));
        const float alpha = optionsOr(n.op.options.AsLeakyReluOptions()).alpha;
        if (!std::isnormal(alpha))
            return refuse("LEAKY_RELU alpha " + number(alpha) + " is zero or denormal");
        if (isQuantized8(*x) && isQuantized8(*y) && !perChannel(*x) && !perChannel(*y) &&
            std::isnormal(x->quantization.scale[0]) && std::isnormal(y->quantization.scale[0])) {
            const float pos = x->quantization.scale[0] / y->quantization.scale[0];
            const float neg = pos * alpha;
            if (pos < 1.0f / 256.0f || pos > 128.0f)
                return refuse("LEAKY_RELU input-to-output scale ratio " + number(pos) + " is outside [1/256, 128]");
            if (neg < -127.99609375f || neg > 128.0f || std::fabs(neg) < 1.0f / 256.0f)
                return refuse("LEAKY_RELU negative-side scale " + number(neg) + " is outside XNNPACK's range");
        }
        break;
    }
    default: // the float-only element-wise operators
        QL_XNN_REFUSE_IF(checkType(n, x, "input", kFloat));
        QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloat));
        break;
    }
    if (std::string why = mixedTypes(n, *x, *y); !why.empty())
        return breaks(why);
    return take();
}

XnnpackDecision visitBinary(const Node& n, Op code)
{
    if (n.inputs() != 2 || n.outputs() != 1)
        return refuse(n.name + " has an unexpected number of inputs or outputs");
    const Tensor* a = n.in(0);
    const Tensor* b = n.in(1);
    const Tensor* y = n.out(0);
    QL_XNN_REFUSE_IF(checkRank(n, a, "first input", 0, kMaxRank));
    QL_XNN_REFUSE_IF(checkRank(n, b, "second input", 0, kMaxRank));
    const bool quantizable = code == Op::ADD || code == Op::SUB || code == Op::MUL;
    const unsigned allow = quantizable ? kFloatQ8 : kFloat;
    QL_XNN_REFUSE_IF(checkType(n, a, "first input", allow));
    QL_XNN_REFUSE_IF(checkType(n, b, "second input", allow));
    QL_XNN_REFUSE_IF(checkType(n, y, "output", allow));
    if (quantizable && (a->dtype != b->dtype || a->dtype != y->dtype))
        return refuse(n.name + " mixes " + typeLabel(*a) + ", " + typeLabel(*b) + " and " + typeLabel(*y));
    const bool q = isQuantized8(*y) && a->dtype == y->dtype && b->dtype == y->dtype;
    tflite::ActivationFunctionType act = tflite::ActivationFunctionType::NONE;
    if (code == Op::ADD || code == Op::SUB) {
        act = code == Op::ADD ? optionsOr(n.op.options.AsAddOptions()).fused_activation_function
                              : optionsOr(n.op.options.AsSubOptions()).fused_activation_function;
        for (const Tensor* t : {a, b}) {
            const float r = q ? t->quantization.scale[0] / y->quantization.scale[0] : 1.0f;
            if (r < 1.0f / 1024.0f || r >= 256.0f)
                return refuse(n.name + " input-to-output scale ratio " + number(r) + " is outside [1/1024, 256)");
        }
    } else if (code == Op::MUL) {
        act = optionsOr(n.op.options.AsMulOptions()).fused_activation_function;
        const float r = q ? a->quantization.scale[0] * b->quantization.scale[0] / y->quantization.scale[0] : 1.0f;
        if (r < 1.0f / 65536.0f || r >= 256.0f)
            return refuse("MUL product-to-output scale ratio " + number(r) + " is outside [1/65536, 256)");
    } else if (code == Op::DIV) {
        act = optionsOr(n.op.options.AsDivOptions()).fused_activation_function;
    } else if (code == Op::PRELU && !n.staticInput(1)) {
        return refuse("PRELU slope is not a constant");
    }
    QL_XNN_REFUSE_IF(checkActivation(n, act));
    for (const Tensor* t : {a, b})
        if (std::string why = mixedTypes(n, *t, *y); !why.empty())
            return breaks(why);
    return take();
}

XnnpackDecision visitPool(const Node& n, Op code)
{
    if (n.inputs() != 1 || n.outputs() != 1)
        return refuse(n.name + " has an unexpected number of inputs or outputs");
    const Tensor* x = n.in(0);
    const Tensor* y = n.out(0);
    const bool maxPool = code == Op::MAX_POOL_2D;
    QL_XNN_REFUSE_IF(checkType(n, x, "input", maxPool ? kF32Q8 : kFloat));
    QL_XNN_REFUSE_IF(checkType(n, y, "output", maxPool ? kFloatQ8 : kFloat));
    const auto p = optionsOr(n.op.options.AsPool2DOptions());
    QL_XNN_REFUSE_IF(checkPool(n, p));
    const bool unit = p.filter_width == 1 && p.filter_height == 1; // becomes a clamp
    if (!unit && x->shape.size() != 4)
        return breaks(n.name + " input is not 4-D");
    if (std::string why = sameParams(n, *x, *y, "input and output"); !why.empty())
        return breaks(why);
    return take();
}

XnnpackDecision visitReduce(const Node& n)
{
    if (n.inputs() != 2 || n.outputs() != 1)
        return refuse(n.name + " has an unexpected number of inputs or outputs");
    const Tensor* x = n.in(0);
    QL_XNN_REFUSE_IF(checkType(n, x, "input", kFloatQ8));
    const Tensor* axes = n.in(1);
    if (!axes || axes->dtype != DType::Int32 || axes->shape.size() > 1 || !n.constantInput(1))
        return refuse(n.name + " axes are not a constant 1-D int32 tensor");
    const auto a = intData(n.g, *axes);
    if (a.empty() || (a.size() == 1 && a[0] == 0 && x->shape.empty()))
        return refuse(n.name + " reduces over no axis");
    if (a.size() > static_cast<std::size_t>(kMaxRank))
        return refuse(n.name + " lists more than 6 axes");
    QL_XNN_REFUSE_IF(checkType(n, n.out(0), "output", kFloatQ8));
    if (std::string why = mixedTypes(n, *x, *n.out(0)); !why.empty())
        return breaks(why);
    return take();
}

XnnpackDecision visitSoftmax(const Node& n)
{
    if (optionsOr(n.op.options.AsSoftmaxOptions()).beta != 1.0f)
        return refuse("SOFTMAX beta is not 1");
    if (n.inputs() != 1 || n.outputs() != 1)
        return refuse("SOFTMAX has an unexpected number of inputs or outputs");
    QL_XNN_REFUSE_IF(checkType(n, n.in(0), "input", kFloat));
    QL_XNN_REFUSE_IF(checkType(n, n.out(0), "output", kFloat));
    if (std::string why = mixedTypes(n, *n.in(0), *n.out(0)); !why.empty())
        return breaks(why);
    return take();
}

} // namespace

namespace {

constexpr Op kUnary[] = {Op::ABS, Op::CEIL, Op::COS, Op::DEQUANTIZE, Op::ELU, Op::EXP, Op::FLOOR, Op::GELU,
    Op::HARD_SWISH, Op::LEAKY_RELU, Op::LOGISTIC, Op::LOG, Op::NEG, Op::QUANTIZE, Op::RELU, Op::RELU6, Op::RELU_N1_TO_1,
    Op::ROUND, Op::RSQRT, Op::SIN, Op::SQRT, Op::SQUARE, Op::TANH};
constexpr Op kBinary[] = {
    Op::ADD, Op::DIV, Op::MAXIMUM, Op::MINIMUM, Op::MUL, Op::PRELU, Op::SQUARED_DIFFERENCE, Op::SUB};
constexpr Op kReduce[] = {Op::MEAN, Op::SUM, Op::REDUCE_MAX, Op::REDUCE_MIN};
// Operators whose inputs after the first become parameters of the XNNPACK node.
constexpr Op kFirstInputOnly[] = {Op::EXPAND_DIMS, Op::MEAN, Op::PAD, Op::REDUCE_MAX, Op::REDUCE_MIN, Op::SUM,
    Op::RESHAPE, Op::RESIZE_BILINEAR, Op::STRIDED_SLICE, Op::SLICE, Op::TRANSPOSE};

constexpr const char* kAttention = "odml.scaled_dot_product_attention";

template <std::size_t N> bool among(Op code, const Op (&list)[N])
{
    return std::find(std::begin(list), std::end(list), code) != std::end(list);
}

} // namespace

XnnpackDecision dispatch(const Node& n, Op code)
{
    if (among(code, kUnary))
        return visitUnary(n, code);
    if (among(code, kBinary))
        return visitBinary(n, code);
    if (among(code, kReduce))
        return visitReduce(n);
    switch (code) {
    case Op::AVERAGE_POOL_2D:
    case Op::MAX_POOL_2D: return visitPool(n, code);
    case Op::BATCH_MATMUL: return visitBatchMatMul(n);
    case Op::CONCATENATION: return visitConcatenation(n);
    case Op::CONV_2D: return visitConv2D(n);
    case Op::DEPTHWISE_CONV_2D: return visitDepthwiseConv2D(n);
    case Op::DEPTH_TO_SPACE:
    case Op::SPACE_TO_DEPTH: return visitSpaceDepth(n, code);
    case Op::FULLY_CONNECTED: return visitFullyConnected(n);
    case Op::PAD: return visitPad(n);
    case Op::RESHAPE: return visitReshape(n);
    case Op::RESIZE_BILINEAR: return visitResizeBilinear(n);
    case Op::SLICE: return visitSlice(n);
    case Op::SOFTMAX: return visitSoftmax(n);
    case Op::SPLIT: return visitSplit(n);
    case Op::STRIDED_SLICE: return visitStridedSlice(n);
    case Op::TRANSPOSE: return visitTranspose(n);
    case Op::TRANSPOSE_CONV: return visitTransposeConv(n);
    case Op::CUSTOM:
        return n.g.opcodes[n.op.opcodeIndex].customCode == kAttention ? visitAttention(n) : visitMediaPipeCustom(n);
    case Op::STABLEHLO_COMPOSITE: {
        const auto* o = n.op.options2.AsStableHLOCompositeOptions();
        if (o && o->name == kAttention)
            return visitAttention(n);
        return refuse("XNNPACK does not take STABLEHLO_COMPOSITE " + (o ? o->name : std::string{}));
    }
    default: return refuse("XNNPACK does not take " + n.name);
    }
}

std::vector<int> valueInputs(const Node& n, Op code)
{
    if (among(code, kFirstInputOnly))
        return {0};
    if (code == Op::SPLIT)
        return {1};
    std::vector<int> v;
    for (int i = code == Op::TRANSPOSE_CONV ? 1 : 0; i < n.inputs(); ++i)
        v.push_back(i);
    return v;
}

} // namespace ql::quant::xnn
