// SPDX-License-Identifier: MIT
// The XNNPACK delegate predictor for the convolution and matrix operators (CONV_2D,
// DEPTHWISE_CONV_2D, TRANSPOSE_CONV, FULLY_CONNECTED, BATCH_MATMUL) in float32, int8/uint8 and
// hybrid (int8 weights with float activations, which XNNPACK runs as dynamically quantized "qd8"
// kernels), and MediaPipe's three custom operators that the delegate knows.
#include "quant/xnnpack_support_detail.h"

#include <algorithm>
#include <cstring>

namespace ql::quant::xnn {

using model::DType;
using model::Tensor;

namespace {

bool isFloat(const Tensor& t)
{
    return t.dtype == DType::Float32 || t.dtype == DType::Float16;
}

bool lowBitInt(const Tensor& t)
{
    return t.dtype == DType::Int8 || t.dtype == DType::Int4 || t.dtype == DType::Int2;
}

std::int64_t firstZeroPoint(const Tensor& t)
{
    return t.quantization.zeroPoint.empty() ? 0 : t.quantization.zeroPoint[0];
}

// TFLite's CheckFilterAndBiasTypes: float weights need a bias of the same float type (float16
// weights may have a float32 bias).
std::string floatBiasMatches(const Node& n, const Tensor& w, const Tensor* b)
{
    if (!b || !isFloat(w) || b->dtype == w.dtype || (w.dtype == DType::Float16 && b->dtype == DType::Float32))
        return {};
    return n.name + " weights are " + typeLabel(w) + " but its bias is " + typeLabel(*b);
}

// XNNPACK's datatype combinations for a statically quantized convolution or matrix product:
// per-tensor int8 weights need zero point 0; the bias is int32, per channel exactly when the
// weights are.
std::string quantizedBuild(const Node& n, const Tensor& w, const Tensor* b)
{
    if (w.dtype == DType::Int8 && !perChannel(w) && firstZeroPoint(w) != 0)
        return n.name + " int8 weights have zero point " + std::to_string(firstZeroPoint(w)) +
            "; XNNPACK accepts them at first but its kernel needs 0";
    if (!b)
        return {};
    if (b->dtype != DType::Int32)
        return n.name + " is quantized but its bias is " + typeLabel(*b);
    if (perChannel(*b) && !perChannel(w))
        return n.name + " has per-tensor weights but a per-channel bias";
    if (!perChannel(*b) && perChannel(w))
        return n.name + " has per-channel weights but a per-tensor bias";
    return {};
}

// The parts CONV_2D and DEPTHWISE_CONV_2D share after their options: tensor types, ranks, static
// weights and bias.
std::string checkConvTensors(const Node& n, int weightAxis)
{
    if (n.inputs() != 3 || n.outputs() != 1 || n.inputIndex(2) < 0)
        return n.name +
            (n.inputs() < 3 || n.inputIndex(2) < 0 ? " has no bias (XNNPACK needs one)"
                                                   : " has an unexpected number of inputs or outputs");
    if (std::string why = checkType(n, n.in(0), "input", kFloatQ8); !why.empty())
        return why;
    if (std::string why = checkRank(n, n.in(0), "input", 4, 4); !why.empty())
        return why;
    if (std::string why = checkConvWeight(n, 1, weightAxis); !why.empty())
        return why;
    if (std::string why = checkRank(n, n.in(1), "weights", 4, 4); !why.empty())
        return why;
    if (std::string why = checkBias(n, 2); !why.empty())
        return why;
    if (std::string why = checkRank(n, n.in(2), "bias", 1, 1); !why.empty())
        return why;
    if (std::string why = floatBiasMatches(n, *n.in(1), n.in(2)); !why.empty())
        return why;
    if (std::string why = checkType(n, n.out(0), "output", kFloatQ8); !why.empty())
        return why;
    return checkRank(n, n.out(0), "output", 4, 4);
}

// Build-time checks of a convolution once its detection passed.
XnnpackDecision convBuild(const Node& n, bool dynamic)
{
    const Tensor& w = *n.in(1);
    const Tensor* b = n.in(2);
    if (dynamic) {
        if (b && !isFloat(*b))
            return breaks(n.name + " has int8 weights and float activations but a " + typeLabel(*b) + " bias");
        std::string why = "runs as an XNNPACK dynamically quantized (qd8) convolution";
        if (!perChannel(w) && firstZeroPoint(w) != 0)
            why += "; XNNPACK ignores the weights' zero point " + std::to_string(firstZeroPoint(w));
        return take(why);
    }
    if (isQuantized8(*n.in(0)))
        if (std::string why = quantizedBuild(n, w, b); !why.empty())
            return breaks(why);
    return take();
}

} // namespace

XnnpackDecision visitConv2D(const Node& n)
{
    const auto o = optionsOr(n.op.options.AsConv2DOptions());
    if (o.stride_w <= 0 || o.stride_h <= 0 || o.dilation_w_factor <= 0 || o.dilation_h_factor <= 0)
        return refuse("CONV_2D has a zero or negative stride or dilation");
    QL_XNN_REFUSE_IF(checkConvTensors(n, 0));
    const Tensor& x = *n.in(0);
    const Tensor& w = *n.in(1);
    const bool dynamic = x.dtype == DType::Float32 && w.dtype == DType::Int8;
    if (x.dtype != n.out(0)->dtype || (x.dtype != w.dtype && !dynamic))
        return refuse("CONV_2D mixes " + typeLabel(x) + " activations with " + typeLabel(w) + " weights");
    if (x.shape[3] / w.shape[3] == 0)
        return refuse("CONV_2D weights have more input channels than its input");
    QL_XNN_REFUSE_IF(checkActivation(n, o.fused_activation_function));
    return convBuild(n, dynamic);
}

XnnpackDecision visitDepthwiseConv2D(const Node& n)
{
    QL_XNN_REFUSE_IF(checkConvTensors(n, 3));
    const Tensor& x = *n.in(0);
    const Tensor& w = *n.in(1);
    if (x.dtype != n.out(0)->dtype || x.dtype != w.dtype)
        return refuse(x.dtype == DType::Float32 && w.dtype == DType::Int8
                ? "XNNPACK has no hybrid DEPTHWISE_CONV_2D (float activations, int8 weights)"
                : "DEPTHWISE_CONV_2D mixes " + typeLabel(x) + " activations with " + typeLabel(w) + " weights");
    const auto o = optionsOr(n.op.options.AsDepthwiseConv2DOptions());
    if (o.stride_w <= 0 || o.stride_h <= 0 || o.dilation_w_factor <= 0 || o.dilation_h_factor <= 0)
        return refuse("DEPTHWISE_CONV_2D has a zero or negative stride or dilation");
    if (o.depth_multiplier <= 0 || w.shape[3] % o.depth_multiplier != 0)
        return refuse("DEPTHWISE_CONV_2D depth multiplier does not divide its output channels");
    QL_XNN_REFUSE_IF(checkActivation(n, o.fused_activation_function));
    return convBuild(n, false);
}

namespace {

// The delegate derives TRANSPOSE_CONV's padding from the declared output size; it refuses sizes it
// cannot reproduce.
std::string deconvPadding(
    const Node& n, bool same, int strideH, int strideW, const Tensor& x, const Tensor& w, int outH, int outW)
{
    const int kh = w.shape[1], kw = w.shape[2];
    if (strideH <= 0 || strideW <= 0)
        return n.name + " has a zero or negative stride";
    if (!same)
        return kh > outH || kw > outW ? n.name + " output is smaller than its kernel (VALID padding)" : std::string{};
    if ((outH + strideH - 1) / strideH != x.shape[1] || (outW + strideW - 1) / strideW != x.shape[2])
        return n.name + " output size does not match its input size, stride and SAME padding";
    if (kh < strideH || kw < strideW)
        return n.name + " stride is larger than its kernel (SAME padding)";
    return {};
}

} // namespace

XnnpackDecision visitTransposeConv(const Node& n)
{
    if (n.inputs() < 3 || n.inputs() > 4 || n.outputs() != 1)
        return refuse("TRANSPOSE_CONV has an unexpected number of inputs or outputs");
    const Tensor* shape = n.in(0);
    if (!shape || shape->dtype != DType::Int32 || shape->shape.size() != 1 || !n.constantInput(0))
        return refuse("TRANSPOSE_CONV output shape is not a constant 1-D int32 tensor");
    const auto outShape = intData(n.g, *shape);
    if (outShape.size() != 4)
        return refuse("TRANSPOSE_CONV output shape does not have 4 values");
    QL_XNN_REFUSE_IF(checkRank(n, n.in(1), "weights", 4, 4));
    QL_XNN_REFUSE_IF(checkType(n, n.in(2), "input", kF32Q8));
    QL_XNN_REFUSE_IF(checkRank(n, n.in(2), "input", 4, 4));
    QL_XNN_REFUSE_IF(checkConvWeight(n, 1, 0));
    const Tensor* b = n.inputs() == 4 ? n.in(3) : nullptr;
    if (b) {
        QL_XNN_REFUSE_IF(checkBias(n, 3));
        QL_XNN_REFUSE_IF(checkRank(n, b, "bias", 1, 1));
    }
    QL_XNN_REFUSE_IF(checkType(n, n.out(0), "output", kF32Q8));
    QL_XNN_REFUSE_IF(checkRank(n, n.out(0), "output", 4, 4));
    const Tensor& x = *n.in(2);
    const Tensor& w = *n.in(1);
    if (w.shape[0] != outShape[3])
        return refuse("TRANSPOSE_CONV weights and output shape disagree on the output channels");
    if (w.shape[3] != x.shape[3])
        return refuse("TRANSPOSE_CONV weights and input disagree on the input channels");
    const auto o = optionsOr(n.op.options.AsTransposeConvOptions());
    QL_XNN_REFUSE_IF(deconvPadding(n, o.padding == tflite::Padding::SAME, o.stride_h, o.stride_w, x, w,
        static_cast<int>(outShape[1]), static_cast<int>(outShape[2])));
    QL_XNN_REFUSE_IF(checkActivation(n, o.fused_activation_function));
    const bool dynamic = x.dtype == DType::Float32 && w.dtype == DType::Int8;
    if (!dynamic && (x.dtype != w.dtype || x.dtype != n.out(0)->dtype))
        return breaks("TRANSPOSE_CONV mixes " + typeLabel(x) + ", " + typeLabel(w) + " and " + typeLabel(*n.out(0)) +
            " tensors, which XNNPACK accepts but cannot build");
    if (std::string why = floatBiasMatches(n, w, b); !why.empty())
        return breaks(why);
    if (dynamic) {
        if (b && !isFloat(*b))
            return breaks("TRANSPOSE_CONV has int8 weights and float activations but a " + typeLabel(*b) + " bias");
        return take("runs as an XNNPACK dynamically quantized (qd8) deconvolution");
    }
    if (isQuantized8(x))
        if (std::string why = quantizedBuild(n, w, b); !why.empty())
            return breaks(why);
    return take();
}

XnnpackDecision visitFullyConnected(const Node& n)
{
    const auto o = optionsOr(n.op.options.AsFullyConnectedOptions());
    if (n.g.opcodes[n.op.opcodeIndex].version == 8)
        return refuse("FULLY_CONNECTED version 8 (sparse weights)");
    if (o.weights_format != tflite::FullyConnectedOptionsWeightsFormat::DEFAULT)
        return refuse("FULLY_CONNECTED uses shuffled weights");
    if (n.inputs() < 2 || n.inputs() > 3 || n.outputs() != 1)
        return refuse("FULLY_CONNECTED has an unexpected number of inputs or outputs");
    const Tensor* x = n.in(0);
    QL_XNN_REFUSE_IF(checkType(n, x, "input", kFloatQ8));
    const Tensor* w = n.in(1);
    QL_XNN_REFUSE_IF(checkRank(n, w, "weights", 2, 2));
    const auto& wq = w->quantization;
    if (const auto* blocks = wq.details.AsBlockwiseQuantization(); blocks && lowBitInt(*w)) {
        if (blocks->scales < 0)
            return refuse("FULLY_CONNECTED blockwise weights have no scale tensor");
        if (blocks->block_size % 32 != 0)
            return refuse(
                "FULLY_CONNECTED weight blocks of " + std::to_string(blocks->block_size) + " are not a multiple of 32");
    } else if (lowBitInt(*w)) {
        if (perChannel(*w) && wq.quantizedDimension != 0)
            return refuse("FULLY_CONNECTED weights are quantized along axis " + std::to_string(wq.quantizedDimension) +
                " (XNNPACK needs axis 0)");
        if (w->dtype == DType::Int2 && wq.scale.size() != static_cast<std::size_t>(w->shape[0]))
            return refuse("FULLY_CONNECTED int2 weights are not quantized per channel");
    } else if (w->dtype == DType::UInt8) {
        if (wq.scale.size() != 1 || wq.zeroPoint.size() != 1 || wq.quantizedDimension != 0)
            return refuse("FULLY_CONNECTED uint8 weights are not quantized per tensor");
    } else if (!isFloat(*w)) {
        return refuse("XNNPACK has no " + typeLabel(*w) + " weights for FULLY_CONNECTED");
    }
    if (!n.staticInput(1))
        return refuse("FULLY_CONNECTED weights are not constant (this LiteRT build has XNNPACK's dynamic "
                      "FULLY_CONNECTED off)");
    const std::int64_t outputChannels = w->shape[0], inputChannels = w->shape[1];
    const Tensor* b = n.inputs() == 3 ? n.in(2) : nullptr;
    if (b) {
        if (b->elementCount() != outputChannels)
            return refuse("FULLY_CONNECTED bias length differs from its output channels");
        QL_XNN_REFUSE_IF(checkBias(n, 2));
        QL_XNN_REFUSE_IF(floatBiasMatches(n, *w, b));
    }
    const Tensor* y = n.out(0);
    QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloatQ8));
    const bool dynamic = isFloat(*x) && lowBitInt(*w);
    const bool srq = x->dtype == DType::Int8 && lowBitInt(*w);
    if (x->dtype != y->dtype || (x->dtype != w->dtype && !dynamic && !srq))
        return refuse("FULLY_CONNECTED mixes " + typeLabel(*x) + " activations with " + typeLabel(*w) + " weights");
    if (!dynamic && w->dtype == DType::Int8 && legacyParams(*w).second != 0)
        return refuse("FULLY_CONNECTED int8 weights have zero point " + std::to_string(legacyParams(*w).second) +
            " (XNNPACK needs 0)");
    if (w->dtype == DType::Int4 && inputChannels % 2 != 0)
        return refuse("FULLY_CONNECTED int4 weights have an odd number of input channels");
    if (w->dtype == DType::Int2 && inputChannels % 4 != 0)
        return refuse("FULLY_CONNECTED int2 weights have input channels that are not a multiple of 4");
    QL_XNN_REFUSE_IF(checkActivation(n, o.fused_activation_function));
    // Build: XNNPACK redefines int8/int4/int2 weights as per-channel ones with the first zero point.
    if (dynamic || srq) {
        if (w->dtype == DType::Int8 && firstZeroPoint(*w) != 0)
            return breaks("FULLY_CONNECTED int8 weights have zero point " + std::to_string(firstZeroPoint(*w)) +
                "; XNNPACK's dynamically quantized kernel needs 0");
        if (b && dynamic != isFloat(*b))
            return breaks("FULLY_CONNECTED bias is " + typeLabel(*b) + ", which XNNPACK cannot pair with " +
                typeLabel(*x) + " activations and " + typeLabel(*w) + " weights");
        return take(dynamic ? "runs as an XNNPACK dynamically quantized (qd8) FULLY_CONNECTED" : "");
    }
    if (isQuantized8(*x))
        if (std::string why = quantizedBuild(n, *w, b); !why.empty())
            return breaks(why);
    return take();
}

XnnpackDecision visitBatchMatMul(const Node& n)
{
    if (n.inputs() != 2 || n.outputs() != 1)
        return refuse("BATCH_MATMUL has an unexpected number of inputs or outputs");
    const auto o = optionsOr(n.op.options.AsBatchMatMulOptions());
    const Tensor* a = n.in(0);
    const Tensor* b = n.in(1);
    QL_XNN_REFUSE_IF(checkType(n, a, "first input", kFloatQ8));
    if (!b)
        return refuse("BATCH_MATMUL has no second input");
    const int rankB = static_cast<int>(b->shape.size());
    const int channelAxis = o.adj_y ? rankB - 2 : rankB - 1;
    // The second operand is checked like convolution weights, except that it may be an activation.
    QL_XNN_REFUSE_IF(checkConvWeight(n, 1, channelAxis, false));
    const bool dynamic = a->dtype == DType::Float32 && b->dtype == DType::Int8;
    const std::int64_t zpB = perChannel(*b) ? firstZeroPoint(*b) : legacyParams(*b).second;
    if (b->dtype == DType::Int8 && !dynamic && zpB != 0)
        return refuse("BATCH_MATMUL int8 second operand has zero point " + std::to_string(zpB) + " (XNNPACK needs 0)");
    const Tensor* y = n.out(0);
    QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloatQ8));
    // Outside the hybrid case both operands must map to the same XNNPACK datatype: a per-channel
    // int8 second operand does not match a per-tensor int8 first one.
    if (!dynamic &&
        (a->dtype != b->dtype || perChannel(*a) != perChannel(*b) ||
            (isQuantized8(*a) && (!checkValue(*a).empty() || !checkValue(*b).empty()))))
        return refuse("BATCH_MATMUL operands are " + typeLabel(*a) + (perChannel(*a) ? " per-channel" : "") + " and " +
            typeLabel(*b) + (perChannel(*b) ? " per-channel" : "") + " (XNNPACK needs the same kind)");
    if (a->shape.size() < 2 || b->shape.size() < 2)
        return refuse("BATCH_MATMUL operands need at least 2 dimensions");
    if (a->dtype == DType::UInt8)
        return breaks("XNNPACK has no uint8 BATCH_MATMUL, though its delegate accepts one");
    if (dynamic) {
        std::int64_t batchB = 1;
        for (int i = 0; i + 2 < rankB; ++i)
            batchB *= b->shape[static_cast<std::size_t>(i)];
        const std::int64_t cols = b->shape[static_cast<std::size_t>(channelAxis)];
        const auto scales = static_cast<std::int64_t>(b->quantization.scale.size());
        if (scales == 0 || (batchB * cols) % scales != 0)
            return breaks("BATCH_MATMUL int8 scales do not tile its second operand");
        if (zpB != 0)
            return breaks("BATCH_MATMUL int8 second operand has zero point " + std::to_string(zpB) +
                "; XNNPACK's dynamically quantized kernel needs 0");
        if (!isFloat(*y))
            return breaks("hybrid BATCH_MATMUL output is " + typeLabel(*y) + "; XNNPACK's qd8 kernel writes float");
        return take("runs as an XNNPACK dynamically quantized (qd8) BATCH_MATMUL");
    }
    if (a->dtype != y->dtype)
        return breaks("BATCH_MATMUL inputs are " + typeLabel(*a) + " but its output is " + typeLabel(*y));
    return take();
}

XnnpackDecision visitAttention(const Node& n)
{
    if (n.inputs() < 3 || n.outputs() < 1)
        return refuse("attention has fewer than 3 inputs");
    const char* roles[] = {"query", "key", "value", "mask"};
    for (int i = 0; i < std::min(n.inputs(), 4); ++i)
        QL_XNN_REFUSE_IF(checkType(n, n.in(i), roles[i], kF32));
    QL_XNN_REFUSE_IF(checkType(n, n.out(0), "output", kF32));
    const Tensor &qt = *n.in(0), &kt = *n.in(1), &vt = *n.in(2);
    const Tensor* mask = n.inputs() > 3 ? n.in(3) : nullptr;
    if (qt.shape.empty() || kt.shape.size() < 2 || vt.shape.size() < 2 || (mask && mask->shape.empty()))
        return refuse("attention operands have too few dimensions");
    if (qt.shape.back() != kt.shape.back() || qt.shape.back() != vt.shape.back())
        return refuse("attention query, key and value head sizes differ");
    if (mask && (kt.shape[1] != mask->shape.back() || vt.shape[1] != mask->shape.back()))
        return refuse("attention mask length differs from the key or value sequence length");
    if (qt.shape.size() != 4 || kt.shape.size() < 3 || qt.shape[2] % kt.shape[2] != 0)
        return breaks("attention query is not 4-D or its heads are not a multiple of the key heads");
    return take("runs as XNNPACK's fused attention");
}

namespace {

// MediaPipe's custom options are the head of a TFLite params struct: little-endian int32 fields.
std::vector<std::int32_t> customInts(const model::Operator& op)
{
    std::vector<std::int32_t> v(op.customOptions.size() / 4);
    if (!v.empty())
        std::memcpy(v.data(), op.customOptions.data(), v.size() * 4);
    v.resize(std::max<std::size_t>(v.size(), 6), 0);
    return v;
}

} // namespace

XnnpackDecision visitMediaPipeCustom(const Node& n)
{
    const std::string& code = n.g.opcodes[n.op.opcodeIndex].customCode;
    const auto p = customInts(n.op); // padding (1 SAME, 2 VALID), stride w, stride h, filter w, filter h, act
    const char* origin = "modelled from the delegate's source for MediaPipe's custom operator";
    auto rank4Float = [&](const Tensor* t, const char* role) {
        std::string why = checkType(n, t, role, kF32);
        return why.empty() ? checkRank(n, t, role, 4, 4) : why;
    };
    if (code == "Convolution2DTransposeBias") {
        if (n.inputs() != 3 || n.outputs() != 1)
            return refuse(code + " has an unexpected number of inputs or outputs");
        QL_XNN_REFUSE_IF(rank4Float(n.in(0), "input"));
        QL_XNN_REFUSE_IF(rank4Float(n.in(1), "weights"));
        QL_XNN_REFUSE_IF(checkType(n, n.in(2), "bias", kF32));
        QL_XNN_REFUSE_IF(checkRank(n, n.in(2), "bias", 1, 1));
        QL_XNN_REFUSE_IF(rank4Float(n.out(0), "output"));
        if (!n.staticInput(1) || !n.staticInput(2))
            return refuse(code + " weights or bias are not constant");
        if (p[0] != 1 && p[0] != 2)
            return refuse(code + " has no SAME or VALID padding");
        const Tensor& y = *n.out(0);
        QL_XNN_REFUSE_IF(deconvPadding(n, p[0] == 1, p[2], p[1], *n.in(0), *n.in(1), y.shape[1], y.shape[2]));
        return take(origin);
    }
    if (code == "MaxPoolingWithArgmax2D" || code == "MaxUnpooling2D") {
        const bool unpool = code == "MaxUnpooling2D";
        if (n.inputs() != (unpool ? 2 : 1) || n.outputs() != (unpool ? 1 : 2))
            return refuse(code + " has an unexpected number of inputs or outputs");
        QL_XNN_REFUSE_IF(rank4Float(n.in(0), "input"));
        QL_XNN_REFUSE_IF(rank4Float(n.out(0), "output"));
        QL_XNN_REFUSE_IF(checkRank(n, unpool ? n.in(1) : n.out(1), "indices", 4, 4));
        if (p[1] <= 0 || p[2] <= 0 || p[3] != p[1] || p[4] != p[2])
            return refuse(code + " filter and stride differ, or are not positive");
        if (p[5] < 0 || p[5] > 3)
            return refuse(code + " has a fused activation XNNPACK cannot take");
        if (p[0] != 1 && p[0] != 2)
            return refuse(code + " has no SAME or VALID padding");
        return take(origin);
    }
    return refuse("XNNPACK does not take custom operator " + code);
}

} // namespace ql::quant::xnn
