// SPDX-License-Identifier: MIT
// The XNNPACK delegate predictor: the checks every operator shares (tensor types as the delegate's
// detection sees them, tensor values as XNNPACK defines them at build time) and the graph-level
// rules: which constants the delegate unpacks itself, and the answers for a whole graph.
#include "quant/xnnpack_support.h"

#include "quant/xnnpack_support_detail.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <sstream>

namespace ql::quant {

namespace xnn {

using model::DType;
using model::Tensor;

int Node::inputIndex(int i) const
{
    return i >= 0 && i < inputs() ? op.inputs[static_cast<std::size_t>(i)] : -1;
}

const Tensor* Node::in(int i) const
{
    const int t = inputIndex(i);
    return t >= 0 && t < static_cast<int>(sg.tensors.size()) ? &sg.tensors[static_cast<std::size_t>(t)] : nullptr;
}

const Tensor* Node::out(int i) const
{
    const int t = i >= 0 && i < outputs() ? op.outputs[static_cast<std::size_t>(i)] : -1;
    return t >= 0 && t < static_cast<int>(sg.tensors.size()) ? &sg.tensors[static_cast<std::size_t>(t)] : nullptr;
}

bool Node::constantInput(int i) const
{
    const Tensor* t = in(i);
    return t && g.isConstant(*t);
}

bool Node::staticInput(int i) const
{
    return constantInput(i) || (in(i) && quasiStatic[static_cast<std::size_t>(inputIndex(i))]);
}

std::string number(double v)
{
    std::ostringstream s;
    s.precision(7);
    s << v;
    return s.str();
}

std::pair<float, std::int64_t> legacyParams(const Tensor& t)
{
    const auto& q = t.quantization;
    if (q.scale.size() != 1 || q.zeroPoint.empty())
        return {0.0f, 0};
    return {q.scale[0], q.zeroPoint[0]};
}

std::vector<std::int64_t> intData(const model::Graph& g, const Tensor& t)
{
    const auto bytes = g.tensorData(t);
    std::vector<std::int64_t> v;
    const std::size_t width = t.dtype == DType::Int32 ? 4 : t.dtype == DType::Int64 ? 8 : 0;
    for (std::size_t i = 0; width && i + width <= bytes.size(); i += width) {
        if (width == 4) {
            std::int32_t x;
            std::memcpy(&x, bytes.data() + i, 4);
            v.push_back(x);
        } else {
            std::int64_t x;
            std::memcpy(&x, bytes.data() + i, 8);
            v.push_back(x);
        }
    }
    return v;
}

std::string tensorLabel(const Tensor& t)
{
    return "tensor '" + t.name + "'";
}
std::string typeLabel(const Tensor& t)
{
    return model::dtypeName(t.dtype);
}

bool isQuantized8(const Tensor& t)
{
    return (t.dtype == DType::Int8 || t.dtype == DType::UInt8) && !t.quantization.scale.empty();
}

bool perChannel(const Tensor& t)
{
    return t.quantization.scale.size() > 1;
}

namespace {

bool normalPositive(float s)
{
    return std::isnormal(s) && s > 0;
}

std::string badScale(const Tensor& t, float s, const char* where)
{
    return tensorLabel(t) + " has scale " + number(s) + where + " (XNNPACK needs a normal, positive scale)";
}

} // namespace

std::string checkType(const Node& n, const Tensor* t, const char* role, unsigned allow)
{
    if (!t)
        return n.name + " has no " + role;
    const auto& q = t->quantization;
    switch (t->dtype) {
    case DType::Float32:
        if (allow & kF32)
            return {};
        break;
    case DType::Float16:
        if (allow & kF16)
            return {};
        break;
    case DType::Int8:
    case DType::UInt8: {
        const bool u = t->dtype == DType::UInt8;
        if (!(allow & (u ? kQU8 : kQS8)))
            break;
        if (q.scale.empty())
            return n.name + " " + role + " is " + typeLabel(*t) + " without quantization parameters";
        if (q.scale.size() != 1 || q.quantizedDimension != 0 || (u && q.zeroPoint.size() != 1))
            return n.name + " " + role + " is quantized per channel (XNNPACK needs one scale for it)";
        return {};
    }
    default: break;
    }
    return "XNNPACK has no " + typeLabel(*t) + " " + n.name;
}

std::string checkRank(const Node& n, const Tensor* t, const char* role, int lo, int hi)
{
    if (!t)
        return n.name + " has no " + role;
    const int r = static_cast<int>(t->shape.size());
    if (r < lo || r > hi)
        return n.name + " " + role + " has rank " + std::to_string(r) + " (XNNPACK takes " +
            (lo == hi ? "rank " + std::to_string(lo) : "ranks " + std::to_string(lo) + " to " + std::to_string(hi)) +
            ")";
    for (const auto d : t->shape)
        if (d <= 0)
            return n.name + " " + role + " has an empty dimension";
    return {};
}

std::string checkActivation(const Node& n, tflite::ActivationFunctionType a)
{
    using A = tflite::ActivationFunctionType;
    if (a == A::NONE || a == A::RELU || a == A::RELU_N1_TO_1 || a == A::RELU6)
        return {};
    return n.name + " has a fused " + tflite::EnumNameActivationFunctionType(a) + ", which XNNPACK cannot fuse";
}

std::string checkConvWeight(const Node& n, int input, int channelAxis, bool requireStatic)
{
    const Tensor* w = n.in(input);
    if (!w)
        return n.name + " has no weights";
    const auto& q = w->quantization;
    switch (w->dtype) {
    case DType::Float32:
    case DType::Float16: break;
    case DType::Int8:
        if (q.scale.empty())
            return n.name + " weights are int8 without quantization parameters";
        if (perChannel(*w)) {
            if (q.quantizedDimension != channelAxis)
                return n.name + " weights are quantized along axis " + std::to_string(q.quantizedDimension) +
                    " (XNNPACK needs axis " + std::to_string(channelAxis) + ")";
            if (!q.zeroPoint.empty() && q.zeroPoint[0] != 0)
                return n.name + " per-channel weights have a zero point other than 0";
            for (std::size_t c = 0; c < q.scale.size(); ++c)
                if (!normalPositive(q.scale[c]))
                    return n.name + " weights have scale " + number(q.scale[c]) + " in channel " + std::to_string(c) +
                        " (XNNPACK needs normal, positive scales)";
        } else {
            if (q.zeroPoint.empty() || q.zeroPoint[0] < -128 || q.zeroPoint[0] > 127)
                return n.name + " weights have a zero point outside the int8 range";
            if (!normalPositive(q.scale[0]))
                return n.name + " weights have scale " + number(q.scale[0]) +
                    " (XNNPACK needs a normal, positive scale)";
        }
        break;
    case DType::UInt8:
        if (q.scale.size() != 1 || q.zeroPoint.size() != 1 || q.quantizedDimension != 0)
            return n.name + " uint8 weights are not quantized per tensor";
        if (q.zeroPoint[0] < 0 || q.zeroPoint[0] > 255 || !normalPositive(q.scale[0]))
            return n.name + " uint8 weights have an invalid scale or zero point";
        break;
    default: return "XNNPACK has no " + typeLabel(*w) + " weights for " + n.name;
    }
    if (requireStatic && !n.staticInput(input))
        return n.name + " weights are not constant";
    return {};
}

std::string checkBias(const Node& n, int input)
{
    const Tensor* b = n.in(input);
    if (!b)
        return n.name + " has no bias";
    const auto& q = b->quantization;
    switch (b->dtype) {
    case DType::Float32:
    case DType::Float16: break;
    case DType::Int32:
        if (q.scale.empty() || q.quantizedDimension != 0)
            return n.name + " bias is int32 without per-tensor or axis-0 quantization parameters";
        for (const float s : q.scale)
            if (!normalPositive(s))
                return n.name + " bias has scale " + number(s) + " (XNNPACK needs normal, positive scales)";
        if (!perChannel(*b) && (q.zeroPoint.empty() || q.zeroPoint[0] != 0))
            return n.name + " bias has a zero point other than 0";
        break;
    default: return "XNNPACK has no " + typeLabel(*b) + " bias for " + n.name;
    }
    if (!n.staticInput(input))
        return n.name + " bias is not constant";
    return {};
}

std::string checkValue(const Tensor& t)
{
    if (t.shape.size() > static_cast<std::size_t>(kMaxRank))
        return tensorLabel(t) + " has rank " + std::to_string(t.shape.size()) +
            "; XNNPACK handles at most 6 dimensions";
    const auto& q = t.quantization;
    std::int64_t lo = 0, hi = 0;
    switch (t.dtype) {
    case DType::Float32:
    case DType::Float16: return {};
    case DType::UInt8: lo = 0, hi = 255; break;
    case DType::Int8: lo = -128, hi = 127; break;
    case DType::Int4: lo = -8, hi = 7; break;
    case DType::Int2: lo = -2, hi = 1; break;
    case DType::Int32: break;
    default: return "XNNPACK has no " + typeLabel(t) + " (" + tensorLabel(t) + ")";
    }
    if (q.details.type == tflite::QuantizationDetails::BlockwiseQuantization) {
        if (t.dtype == DType::Int4)
            return {};
        return tensorLabel(t) + " has blockwise parameters, which XNNPACK takes for int4 only";
    }
    if (q.scale.empty())
        return tensorLabel(t) + " is " + typeLabel(t) + " without quantization parameters";
    for (std::size_t c = 0; c < q.scale.size(); ++c)
        if (!normalPositive(q.scale[c]))
            return badScale(t, q.scale[c], perChannel(t) ? " in a channel" : "");
    if (t.dtype == DType::Int32) {
        if (q.quantizedDimension != 0 ||
            (perChannel(t) && (t.shape.empty() || q.scale.size() != std::size_t(t.shape[0]))))
            return tensorLabel(t) + " is int32 quantized along another axis than 0";
        for (const auto z : q.zeroPoint)
            if (z != 0)
                return tensorLabel(t) + " is int32 with a zero point other than 0";
        return {};
    }
    if (!perChannel(t)) {
        if (t.dtype == DType::UInt8 && q.zeroPoint.size() != 1)
            return tensorLabel(t) + " is uint8 without one zero point";
        if (q.zeroPoint.empty() || q.zeroPoint[0] < lo || q.zeroPoint[0] > hi)
            return tensorLabel(t) + " has zero point " +
                (q.zeroPoint.empty() ? "(none)" : std::to_string(q.zeroPoint[0])) + ", outside the " + typeLabel(t) +
                " range";
        return {};
    }
    if (t.dtype == DType::UInt8)
        return tensorLabel(t) + " is uint8 with per-channel parameters";
    for (const auto z : q.zeroPoint)
        if (z != 0 && !(t.dtype == DType::Int4 && z == 8))
            return tensorLabel(t) + " has per-channel zero point " + std::to_string(z) + " (XNNPACK needs 0)";
    return {};
}

} // namespace xnn

namespace {

using xnn::Node;
using Op = tflite::BuiltinOperator;

// Per-graph facts the decisions share: which operators are the constant-unpacking DEQUANTIZE/DENSIFY
// nodes the delegate handles itself, and which tensors those make quasi-static.
struct Analysis {
    const model::Graph& g;
    const model::Subgraph& sg;
    std::vector<bool> quasiStatic;
    std::vector<bool> unpacks;

    explicit Analysis(const model::Graph& graph)
        : g(graph)
        , sg(graph.subgraphs.front())
        , quasiStatic(sg.tensors.size(), false)
        , unpacks(sg.operators.size(), false)
    {
        for (std::size_t i = 0; i < sg.operators.size(); ++i) {
            const auto& op = sg.operators[i];
            if (op.inputs.size() != 1 || op.outputs.size() != 1 || op.inputs[0] < 0 || op.outputs[0] < 0)
                continue;
            const auto in = static_cast<std::size_t>(op.inputs[0]), out = static_cast<std::size_t>(op.outputs[0]);
            if (in >= sg.tensors.size() || out >= sg.tensors.size())
                continue;
            const model::Tensor& x = sg.tensors[in];
            const model::Tensor& y = sg.tensors[out];
            bool unpack = false;
            if (g.opcodeOf(op) == Op::DEQUANTIZE)
                unpack = !x.isSparse() && (g.isConstant(x) || quasiStatic[in]) && y.dtype == model::DType::Float32 &&
                    (x.dtype == model::DType::Float16 || (x.dtype == model::DType::Int8 && x.quantization.hasScale()));
            else if (g.opcodeOf(op) == Op::DENSIFY)
                unpack = g.isConstant(x) && x.isSparse() && y.dtype == x.dtype &&
                    (x.dtype == model::DType::Float16 || x.dtype == model::DType::Int8 ||
                        x.dtype == model::DType::Float32);
            if (unpack) {
                unpacks[i] = true;
                quasiStatic[out] = true;
            }
        }
    }

    Node node(std::size_t i) const
    {
        const auto& op = sg.operators[i];
        return Node{g, sg, op, quasiStatic, g.opName(op)};
    }

    // The delegate's answer for an ordinary operator: its detection, then the values XNNPACK
    // defines for it at build time.
    XnnpackDecision visit(std::size_t i) const
    {
        const Node n = node(i);
        const Op code = g.opcodeOf(n.op);
        XnnpackDecision d = xnn::dispatch(n, code);
        if (d.verdict == XnnpackVerdict::BuiltinKernel)
            return d;
        std::vector<const model::Tensor*> values;
        for (const int k : xnn::valueInputs(n, code))
            values.push_back(n.in(k));
        for (int k = 0; k < n.outputs(); ++k)
            values.push_back(n.out(k));
        for (const model::Tensor* t : values)
            if (t)
                if (std::string why = xnn::checkValue(*t); !why.empty())
                    return xnn::breaks(why);
        return d;
    }

    // A constant-unpacking node goes with its consumers: the delegate gives it back to TFLite as
    // soon as one of them is refused.
    XnnpackDecision unpack(std::size_t i, const std::vector<XnnpackDecision>* known) const
    {
        const int out = sg.operators[i].outputs[0];
        for (std::size_t j = i + 1; j < sg.operators.size(); ++j) {
            const auto& ins = sg.operators[j].inputs;
            if (unpacks[j] || std::find(ins.begin(), ins.end(), out) == ins.end())
                continue;
            const XnnpackDecision d = known ? (*known)[j] : visit(j);
            if (d.verdict == XnnpackVerdict::BuiltinKernel)
                return xnn::refuse("its result feeds " + g.opName(sg.operators[j]) +
                    ", which runs on the built-in kernels, so TFLite dequantizes the constant");
        }
        if (std::find(sg.outputs.begin(), sg.outputs.end(), out) != sg.outputs.end())
            return xnn::breaks("the dequantized constant is a graph output: the delegate absorbs the node and "
                               "never writes that output");
        return xnn::take("the delegate unpacks the constant itself");
    }
};

} // namespace

XnnpackDecision xnnpackDecision(const model::Graph& g, int subgraph, int op)
{
    if (subgraph != 0)
        return xnn::refuse("only subgraph 0 goes to XNNPACK in LiteRT");
    if (g.subgraphs.empty() || op < 0 || op >= static_cast<int>(g.subgraphs.front().operators.size()))
        return xnn::refuse("no such operator");
    const Analysis a(g);
    const auto i = static_cast<std::size_t>(op);
    return a.unpacks[i] ? a.unpack(i, nullptr) : a.visit(i);
}

std::vector<XnnpackDecision> xnnpackDecisions(const model::Graph& g)
{
    if (g.subgraphs.empty())
        return {};
    const Analysis a(g);
    const std::size_t n = a.sg.operators.size();
    std::vector<XnnpackDecision> d(n);
    for (std::size_t i = 0; i < n; ++i)
        if (!a.unpacks[i])
            d[i] = a.visit(i);
    for (std::size_t i = 0; i < n; ++i)
        if (a.unpacks[i])
            d[i] = a.unpack(i, &d);
    return d;
}

bool xnnpackFullyDelegated(const model::Graph& g)
{
    for (const auto& d : xnnpackDecisions(g))
        if (d.verdict == XnnpackVerdict::BuiltinKernel)
            return false;
    return true;
}

bool xnnpackBuildFails(const model::Graph& g)
{
    for (const auto& d : xnnpackDecisions(g))
        if (d.verdict == XnnpackVerdict::BreaksBuild)
            return true;
    return false;
}

const char* xnnpackVerdictName(XnnpackVerdict v)
{
    switch (v) {
    case XnnpackVerdict::Delegated: return "delegated";
    case XnnpackVerdict::BuiltinKernel: return "builtin kernel";
    case XnnpackVerdict::BreaksBuild: return "breaks the XNNPACK build";
    }
    return "?";
}

} // namespace ql::quant
