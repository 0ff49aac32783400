// SPDX-License-Identifier: MIT
#include "model/summary.h"

#include <set>

namespace ql::model {

namespace {

using Op = tflite::BuiltinOperator;

QuantMode classify(DType act, const ConstantSource& w)
{
    const DType wt = w.tensor->dtype;
    if (act == DType::Float32) {
        if (wt == DType::Float32 && !w.viaDequantize)
            return QuantMode::Float32;
        if (wt == DType::Float16 && w.viaDequantize)
            return QuantMode::Float16;
        if (wt == DType::Int8 && !w.viaDequantize)
            return QuantMode::DynamicRange;
        return QuantMode::Mixed;
    }
    if (act == DType::Int8 && wt == DType::Int8)
        return QuantMode::Int8;
    if (act == DType::UInt8 && wt == DType::UInt8)
        return QuantMode::UInt8;
    if (act == DType::Int16 && wt == DType::Int8)
        return QuantMode::Int16x8;
    return QuantMode::Mixed;
}

} // namespace

std::vector<int> producerIndex(const Subgraph& sg)
{
    std::vector<int> p(sg.tensors.size(), -1);
    for (std::size_t i = 0; i < sg.operators.size(); ++i)
        for (const auto o : sg.operators[i].outputs)
            if (o >= 0)
                p[static_cast<std::size_t>(o)] = static_cast<int>(i);
    return p;
}

ConstantSource constantSource(const Graph& g, const Subgraph& sg, std::int32_t index, const std::vector<int>& producers)
{
    if (index < 0)
        return {};
    const Tensor& t = sg.tensors[static_cast<std::size_t>(index)];
    if (g.isConstant(t))
        return {&t, index, false};
    const int p = producers[static_cast<std::size_t>(index)];
    if (p >= 0) {
        const Operator& op = sg.operators[static_cast<std::size_t>(p)];
        if (g.opcodeOf(op) == Op::DEQUANTIZE && !op.inputs.empty() && op.inputs[0] >= 0) {
            const Tensor& src = sg.tensors[static_cast<std::size_t>(op.inputs[0])];
            if (g.isConstant(src))
                return {&src, op.inputs[0], true};
        }
    }
    return {};
}

std::string quantModeName(QuantMode m)
{
    switch (m) {
    case QuantMode::Float32: return "float32";
    case QuantMode::Float16: return "float16";
    case QuantMode::DynamicRange: return "dynamic-range";
    case QuantMode::Int8: return "int8";
    case QuantMode::UInt8: return "uint8";
    case QuantMode::Int16x8: return "16x8";
    case QuantMode::Mixed: return "mixed";
    }
    return "mixed";
}

int activationInputIndex(tflite::BuiltinOperator op)
{
    return op == Op::TRANSPOSE_CONV ? 2 : 0;
}

int weightInputIndex(tflite::BuiltinOperator op, const Operator& o, const Subgraph& sg, const Graph& g,
    const std::vector<int>& producers)
{
    auto firstPresent = [&](int from, int to) {
        for (int i = from; i <= to && i < static_cast<int>(o.inputs.size()); ++i)
            if (o.inputs[static_cast<std::size_t>(i)] >= 0)
                return i;
        return -1;
    };
    switch (op) {
    case Op::CONV_2D:
    case Op::DEPTHWISE_CONV_2D:
    case Op::FULLY_CONNECTED:
    case Op::CONV_3D:
    case Op::TRANSPOSE_CONV:
    case Op::CONV_3D_TRANSPOSE:
    case Op::SVDF:
    case Op::RNN:
    case Op::UNIDIRECTIONAL_SEQUENCE_RNN: return o.inputs.size() > 1 ? 1 : -1;
    case Op::LSTM:
    case Op::UNIDIRECTIONAL_SEQUENCE_LSTM:
    case Op::BIDIRECTIONAL_SEQUENCE_LSTM:
        // Input-to-gate weights are inputs 1..4; input 1 is omitted in CIFG cells.
        return firstPresent(1, 4);
    case Op::BATCH_MATMUL: {
        // Only a matmul with a constant (or dequantized constant) operand has weights.
        if (o.inputs.size() < 2 || o.inputs[1] < 0)
            return -1;
        return constantSource(g, sg, o.inputs[1], producers).tensor ? 1 : -1;
    }
    default: return -1;
    }
}

ModeGuess guessMode(const Graph& g)
{
    std::set<QuantMode> seen;
    int weighted = 0;
    for (const auto& sg : g.subgraphs) {
        const auto prod = producerIndex(sg);
        for (const auto& op : sg.operators) {
            const auto code = g.opcodeOf(op);
            const int wi = weightInputIndex(code, op, sg, g, prod);
            const int ai = activationInputIndex(code);
            if (wi < 0 || ai >= static_cast<int>(op.inputs.size()) || op.inputs[static_cast<std::size_t>(ai)] < 0)
                continue;
            const auto w = constantSource(g, sg, op.inputs[static_cast<std::size_t>(wi)], prod);
            if (!w.tensor)
                continue;
            const DType act = sg.tensors[static_cast<std::size_t>(op.inputs[static_cast<std::size_t>(ai)])].dtype;
            seen.insert(classify(act, w));
            ++weighted;
        }
    }
    const std::string n = std::to_string(weighted) + " weighted operator" + (weighted == 1 ? "" : "s");
    if (seen.empty()) {
        // No weights: go by the activations alone.
        std::set<DType> acts;
        for (const auto& sg : g.subgraphs)
            for (const auto& t : sg.tensors)
                if (!g.isConstant(t) &&
                    (t.dtype == DType::Float32 || t.dtype == DType::Int8 || t.dtype == DType::UInt8 ||
                        t.dtype == DType::Int16))
                    acts.insert(t.dtype);
        if (acts.size() == 1 && *acts.begin() == DType::Float32)
            return {QuantMode::Float32, "no weighted operators; float32 activations", 0};
        if (acts.size() == 1 && *acts.begin() == DType::Int8)
            return {QuantMode::Int8, "no weighted operators; int8 activations", 0};
        return {QuantMode::Mixed, "no weighted operators; activations of several types", 0};
    }
    if (seen.size() == 1) {
        const QuantMode m = *seen.begin();
        switch (m) {
        case QuantMode::Float32: return {m, n + " with float32 weights and activations", weighted};
        case QuantMode::Float16: return {m, n + " with float16 weights behind DEQUANTIZE", weighted};
        case QuantMode::DynamicRange: return {m, n + " with int8 weights and float32 activations", weighted};
        case QuantMode::Int8: return {m, n + " with int8 weights and int8 activations", weighted};
        case QuantMode::UInt8: return {m, n + " with uint8 weights and uint8 activations", weighted};
        case QuantMode::Int16x8: return {m, n + " with int8 weights and int16 activations", weighted};
        case QuantMode::Mixed: break;
        }
        return {QuantMode::Mixed, n + " with weight/activation types of no single mode", weighted};
    }
    // The converter leaves small weight tensors in float32 in dynamic-range and float16 modes.
    if (seen == std::set<QuantMode>{QuantMode::Float32, QuantMode::DynamicRange})
        return {QuantMode::DynamicRange, n + ": int8 weights with float32 activations; small weights left in float32",
            weighted, true};
    if (seen == std::set<QuantMode>{QuantMode::Float32, QuantMode::Float16})
        return {QuantMode::Float16, n + ": float16 weights behind DEQUANTIZE; small weights left in float32", weighted,
            true};
    std::string kinds;
    for (const auto m : seen)
        kinds += (kinds.empty() ? "" : ", ") + quantModeName(m);
    return {QuantMode::Mixed, n + " in several modes: " + kinds, weighted};
}

std::int64_t tensorBytes(const Graph& g, const Tensor& t)
{
    if (g.isConstant(t))
        return static_cast<std::int64_t>(g.tensorData(t).size());
    const auto b = denseBytes(t.dtype, t.elementCount());
    return b < 0 ? 0 : b;
}

ModelSummary summarize(const Graph& g)
{
    ModelSummary s;
    s.schemaVersion = g.version;
    s.description = g.description;
    s.fileSize = g.fileSize;
    s.associatedFilesBytes = g.associatedFiles.size();
    std::set<std::uint32_t> counted;
    for (const auto& sg : g.subgraphs) {
        for (const auto& t : sg.tensors) {
            if (!g.isConstant(t) || !counted.insert(t.buffer).second)
                continue;
            const auto n = g.tensorData(t).size();
            s.constantBytes += n;
            s.bytesByDtype[dtypeName(t.dtype)] += n;
        }
        for (const auto& op : sg.operators)
            ++s.operatorCounts[g.opName(op)];
    }
    s.mode = guessMode(g);
    return s;
}

} // namespace ql::model
