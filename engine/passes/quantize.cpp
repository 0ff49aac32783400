// SPDX-License-Identifier: MIT
#include "passes/quantize.h"

#include "exec/half.h"
#include "model/transform.h"
#include "passes/common.h"

#include <algorithm>
#include <set>

namespace ql::passes {

using model::DType;
using Op = tflite::BuiltinOperator;
using detail::floatsOf;
using detail::setQuant;
using detail::toBytes;

std::string modeName(Mode m)
{
    switch (m) {
    case Mode::Float32: return "float32";
    case Mode::Float16: return "float16";
    case Mode::Dynamic: return "dynamic";
    case Mode::Int8: return "int8";
    case Mode::Int16x8: return "16x8";
    }
    return "?";
}

Result<Mode> parseMode(const std::string& text)
{
    for (Mode m : {Mode::Float32, Mode::Float16, Mode::Dynamic, Mode::Int8, Mode::Int16x8})
        if (text == modeName(m))
            return m;
    return Error{"mode must be float32, float16, dynamic, int8 or 16x8, got '" + text + "'"};
}

Result<IoType> parseIo(const std::string& text, Mode m)
{
    if (text == "float")
        return IoType::Float;
    if (m == Mode::Int8 && text == "int8")
        return IoType::Native;
    if (m == Mode::Int8 && text == "uint8")
        return IoType::UInt8;
    if (m == Mode::Int16x8 && text == "int16")
        return IoType::Native;
    if (m == Mode::Int8)
        return Error{"--io must be int8, uint8 or float for int8, got '" + text + "'"};
    if (m == Mode::Int16x8)
        return Error{"--io must be int16 or float for 16x8, got '" + text + "'"};
    return Error{"--io applies to the int8 and 16x8 modes only"};
}

bool needsCalibration(Mode m)
{
    return m == Mode::Int8 || m == Mode::Int16x8;
}

namespace detail {

} // namespace detail

std::optional<WeightSlot> weightSlot(Op op)
{
    switch (op) {
    case Op::CONV_2D: return WeightSlot{1, 2, 0, 0};
    case Op::DEPTHWISE_CONV_2D: return WeightSlot{1, 2, 0, 3};
    case Op::FULLY_CONNECTED: return WeightSlot{1, 2, 0, 0};
    case Op::TRANSPOSE_CONV: return WeightSlot{1, 3, 2, 0};
    default: return std::nullopt;
    }
}

namespace detail {

bool matchesKeep(const model::Graph& g, const model::Subgraph& sg, int i, const std::vector<std::string>& keep)
{
    const model::Operator& op = sg.operators[static_cast<std::size_t>(i)];
    for (const auto& k : keep) {
        if (k == std::to_string(i) || k == g.opName(op))
            return true;
        for (auto o : op.outputs)
            if (o >= 0 && sg.tensors[static_cast<std::size_t>(o)].name == k)
                return true;
    }
    return false;
}

} // namespace detail

namespace {

std::string describe(const QuantizeOptions& o)
{
    std::string d = "QuantLens " QUANTLENS_VERSION_STRING ": mode " + modeName(o.mode);
    if (o.mode == Mode::Int8 || o.mode == Mode::Int16x8) {
        d += o.io == IoType::Float ? ", float I/O" : o.io == IoType::UInt8 ? ", uint8 I/O" : "";
        d += o.perChannel ? ", per-channel weights" : ", per-tensor weights";
        d += ", calibration " + o.calibration.describe() + " on " + std::to_string(o.calibration.samples) + " samples" +
            (o.calibrationSource.empty() ? "" : " of " + o.calibrationSource);
    }
    if (o.mode == Mode::Dynamic)
        d += ", weights of " + std::to_string(o.dynamicMinElements) + "+ elements";
    if (!o.keepFloat.empty()) {
        d += ", kept float:";
        for (const auto& k : o.keepFloat)
            d += " " + k;
    }
    return d;
}

// ---------------------------------------------------------------------------------------------
// float16: every float32 constant becomes a float16 constant feeding a DEQUANTIZE.

Result<QuantizeResult> toFloat16(const model::Graph& in)
{
    QuantizeResult r;
    r.graph = in;
    model::Graph& g = r.graph;
    model::Subgraph& sg = g.subgraphs.front();
    std::vector<model::Operator> dequantizes;
    const std::uint32_t dq = model::opcodeIndexFor(g, Op::DEQUANTIZE, 3);
    std::set<int> used;
    for (const auto& op : sg.operators)
        for (auto i : op.inputs)
            if (i >= 0)
                used.insert(i);
    for (int t : used) {
        model::Tensor& src = sg.tensors[static_cast<std::size_t>(t)];
        if (src.dtype != DType::Float32 || !g.isConstant(src) || src.isSparse())
            continue;
        const auto v = floatsOf(g, src);
        std::vector<std::uint16_t> h(v.size());
        for (std::size_t k = 0; k < v.size(); ++k)
            h[k] = exec::floatToHalf(v[k]);
        model::Tensor half = src;
        half.name = src.name + "_fp16";
        half.dtype = DType::Float16;
        half.buffer = model::addOwnedBuffer(g, toBytes(h));
        sg.tensors.push_back(half);
        sg.tensors[static_cast<std::size_t>(t)].buffer = 0;
        model::Operator op;
        op.opcodeIndex = dq;
        op.inputs = {static_cast<std::int32_t>(sg.tensors.size() - 1)};
        op.outputs = {t};
        dequantizes.push_back(op);
    }
    sg.operators.insert(sg.operators.begin(), dequantizes.begin(), dequantizes.end());
    return r;
}

// ---------------------------------------------------------------------------------------------
// Dynamic range: int8 weights for the weighted operators, float activations.

Result<QuantizeResult> toDynamic(const model::Graph& in, const QuantizeOptions& o)
{
    QuantizeResult r;
    r.graph = in;
    model::Graph& g = r.graph;
    model::Subgraph& sg = g.subgraphs.front();
    for (std::size_t i = 0; i < sg.operators.size(); ++i) {
        model::Operator& op = sg.operators[i];
        const Op code = g.opcodeOf(op);
        const auto slot = weightSlot(code);
        if (!slot || code == Op::TRANSPOSE_CONV || detail::matchesKeep(in, in.main(), static_cast<int>(i), o.keepFloat))
            continue;
        if (static_cast<int>(op.inputs.size()) <= slot->weight || op.inputs[static_cast<std::size_t>(slot->weight)] < 0)
            continue;
        const int wi = op.inputs[static_cast<std::size_t>(slot->weight)];
        const model::Tensor& w = sg.tensors[static_cast<std::size_t>(wi)];
        if (w.dtype != DType::Float32 || !g.isConstant(w) || w.elementCount() < o.dynamicMinElements)
            continue;
        const bool perChannel = code == Op::FULLY_CONNECTED ? o.perChannelDense : o.perChannel;
        const quant::Scheme s{8, true, perChannel};
        const auto v = floatsOf(g, w);
        const quant::Params p = quant::weightParams(v, w.shape, slot->axis, s);
        const auto q = quant::quantizeValues(v, w.shape, p, s);
        std::vector<std::int8_t> bytes(q.begin(), q.end());
        model::Tensor qw = w;
        qw.dtype = DType::Int8;
        qw.buffer = model::addOwnedBuffer(g, toBytes(bytes));
        setQuant(qw, p);
        sg.tensors.push_back(qw);
        op.inputs[static_cast<std::size_t>(slot->weight)] = static_cast<std::int32_t>(sg.tensors.size() - 1);
    }
    return r;
}

} // namespace

Result<QuantizeResult> quantizeGraph(
    const model::Graph& floatGraph, const QuantizeOptions& options, const std::vector<quant::TensorRange>& ranges)
{
    if (floatGraph.subgraphs.size() != 1)
        return Error{
            "quantization handles single-subgraph models; this one has " + std::to_string(floatGraph.subgraphs.size())};
    if (isQuantized(floatGraph))
        return Error{"the model is already quantized; dequantize it to a float graph first"};
    Result<QuantizeResult> r = Error{""};
    switch (options.mode) {
    case Mode::Float32: {
        QuantizeResult plain;
        plain.graph = floatGraph;
        r = std::move(plain);
        break;
    }
    case Mode::Float16: r = toFloat16(floatGraph); break;
    case Mode::Dynamic: r = toDynamic(floatGraph, options); break;
    case Mode::Int8:
    case Mode::Int16x8:
        if (ranges.size() != floatGraph.main().tensors.size())
            return Error{modeName(options.mode) + " needs calibration data"};
        r = detail::quantizeInteger(floatGraph, options, ranges);
        break;
    }
    if (!r)
        return r;
    model::dropUnused(r->graph);
    r->graph.description = describe(options);
    r->graph.file = floatGraph.file; // the unchanged constants still view the input file
    return r;
}

Result<model::Graph> simulateWeights(const model::Graph& in, const quant::Scheme& scheme)
{
    if (auto st = quant::checkScheme(scheme); !st)
        return st.error();
    model::Graph g = in;
    model::Subgraph& sg = g.subgraphs.front();
    for (const auto& op : sg.operators) {
        const auto slot = weightSlot(g.opcodeOf(op));
        if (!slot || static_cast<int>(op.inputs.size()) <= slot->weight ||
            op.inputs[static_cast<std::size_t>(slot->weight)] < 0)
            continue;
        model::Tensor& w = sg.tensors[static_cast<std::size_t>(op.inputs[static_cast<std::size_t>(slot->weight)])];
        if (w.dtype != DType::Float32 || !g.isConstant(w))
            continue;
        const auto v = detail::floatsOf(g, w);
        const quant::Params p = quant::weightParams(v, w.shape, slot->axis, scheme);
        const auto dq = quant::dequantizeValues(quant::quantizeValues(v, w.shape, p, scheme), w.shape, p);
        w.buffer = model::addOwnedBuffer(g, detail::toBytes(dq));
    }
    model::dropUnused(g);
    g.description =
        "QuantLens teaching simulation: weights " + scheme.describe() + " (quantize-dequantize), float activations";
    return g;
}

} // namespace ql::passes
