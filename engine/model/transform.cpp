// SPDX-License-Identifier: MIT
#include "model/transform.h"

#include <algorithm>
#include <cstring>

namespace ql::model {

void exposeIntermediates(Graph& g)
{
    Subgraph& sg = g.subgraphs.front();
    std::vector<bool> isOutput(sg.tensors.size(), false);
    for (auto o : sg.outputs)
        isOutput[static_cast<std::size_t>(o)] = true;
    for (const auto& op : sg.operators)
        for (auto o : op.outputs)
            if (o >= 0 && !isOutput[static_cast<std::size_t>(o)]) {
                isOutput[static_cast<std::size_t>(o)] = true;
                sg.outputs.push_back(o);
            }
    g.signatureDefs.clear();
}

std::uint32_t addOwnedBuffer(Graph& g, std::vector<std::uint8_t> bytes)
{
    g.buffers.push_back(Buffer::fromOwned(std::move(bytes)));
    return static_cast<std::uint32_t>(g.buffers.size() - 1);
}

std::uint32_t opcodeIndexFor(Graph& g, tflite::BuiltinOperator op, int version)
{
    for (std::size_t i = 0; i < g.opcodes.size(); ++i)
        if (g.opcodes[i].builtin == op && g.opcodes[i].customCode.empty()) {
            g.opcodes[i].version = std::max(g.opcodes[i].version, version);
            return static_cast<std::uint32_t>(i);
        }
    OperatorCode c;
    c.builtin = op;
    c.version = version;
    g.opcodes.push_back(c);
    return static_cast<std::uint32_t>(g.opcodes.size() - 1);
}

namespace {

void dropUnusedTensors(Graph& g)
{
    for (std::size_t k = 0; k < g.subgraphs.size(); ++k) {
        Subgraph& sg = g.subgraphs[k];
        std::vector<bool> used(sg.tensors.size(), false);
        auto mark = [&](std::int32_t t) {
            if (t >= 0 && static_cast<std::size_t>(t) < used.size())
                used[static_cast<std::size_t>(t)] = true;
        };
        for (const auto& op : sg.operators) {
            std::for_each(op.inputs.begin(), op.inputs.end(), mark);
            std::for_each(op.outputs.begin(), op.outputs.end(), mark);
            std::for_each(op.intermediates.begin(), op.intermediates.end(), mark);
        }
        std::for_each(sg.inputs.begin(), sg.inputs.end(), mark);
        std::for_each(sg.outputs.begin(), sg.outputs.end(), mark);
        for (const auto& sig : g.signatureDefs)
            if (sig.subgraphIndex == k) {
                for (const auto& t : sig.inputs)
                    mark(static_cast<std::int32_t>(t.tensorIndex));
                for (const auto& t : sig.outputs)
                    mark(static_cast<std::int32_t>(t.tensorIndex));
            }
        if (std::all_of(used.begin(), used.end(), [](bool u) { return u; }))
            continue;
        std::vector<std::int32_t> remap(sg.tensors.size(), -1);
        std::vector<Tensor> kept;
        for (std::size_t i = 0; i < sg.tensors.size(); ++i)
            if (used[i]) {
                remap[i] = static_cast<std::int32_t>(kept.size());
                kept.push_back(std::move(sg.tensors[i]));
            }
        sg.tensors = std::move(kept);
        auto apply = [&](std::int32_t& t) {
            if (t >= 0)
                t = remap[static_cast<std::size_t>(t)];
        };
        for (auto& op : sg.operators) {
            std::for_each(op.inputs.begin(), op.inputs.end(), apply);
            std::for_each(op.outputs.begin(), op.outputs.end(), apply);
            std::for_each(op.intermediates.begin(), op.intermediates.end(), apply);
        }
        std::for_each(sg.inputs.begin(), sg.inputs.end(), apply);
        std::for_each(sg.outputs.begin(), sg.outputs.end(), apply);
        for (auto& sig : g.signatureDefs)
            if (sig.subgraphIndex == k) {
                for (auto& t : sig.inputs)
                    t.tensorIndex = static_cast<std::uint32_t>(remap[t.tensorIndex]);
                for (auto& t : sig.outputs)
                    t.tensorIndex = static_cast<std::uint32_t>(remap[t.tensorIndex]);
            }
    }
}

void dropUnusedBuffers(Graph& g)
{
    std::vector<bool> used(g.buffers.size(), false);
    used[0] = true;
    for (const auto& sg : g.subgraphs)
        for (const auto& t : sg.tensors)
            used[t.buffer] = true;
    for (const auto& m : g.metadata)
        used[m.buffer] = true;
    for (auto b : g.metadataBuffer)
        if (b >= 0 && static_cast<std::size_t>(b) < used.size())
            used[static_cast<std::size_t>(b)] = true;
    std::vector<std::uint32_t> remap(g.buffers.size(), 0);
    std::vector<Buffer> kept;
    for (std::size_t i = 0; i < g.buffers.size(); ++i)
        if (used[i]) {
            remap[i] = static_cast<std::uint32_t>(kept.size());
            kept.push_back(g.buffers[i]);
        }
    g.buffers = std::move(kept);
    for (auto& sg : g.subgraphs)
        for (auto& t : sg.tensors)
            t.buffer = remap[t.buffer];
    for (auto& m : g.metadata)
        m.buffer = remap[m.buffer];
    for (auto& b : g.metadataBuffer)
        if (b >= 0)
            b = static_cast<std::int32_t>(remap[static_cast<std::size_t>(b)]);
}

} // namespace

void dropUnused(Graph& g)
{
    dropUnusedTensors(g);
    dropUnusedBuffers(g);
}

Result<Graph> withBatch(const Graph& in, int batch)
{
    using Op = tflite::BuiltinOperator;
    if (batch < 1)
        return Error{"the batch must be at least 1"};
    if (in.subgraphs.size() != 1)
        return Error{"changing the batch needs a model with one subgraph"};
    Graph g = in;
    Subgraph& sg = g.subgraphs.front();
    std::vector<bool> reshapeShape(sg.tensors.size(), false);
    for (std::size_t k = 0; k < sg.operators.size(); ++k) {
        Operator& op = sg.operators[k];
        const Op code = g.opcodeOf(op);
        switch (code) {
        case Op::CONV_2D:
        case Op::DEPTHWISE_CONV_2D:
        case Op::MAX_POOL_2D:
        case Op::AVERAGE_POOL_2D:
        case Op::RELU:
        case Op::RELU6:
        case Op::RELU_N1_TO_1:
        case Op::LOGISTIC:
        case Op::TANH:
        case Op::SOFTMAX:
        case Op::QUANTIZE:
        case Op::DEQUANTIZE: break;
        case Op::FULLY_CONNECTED: break; // a [1, n] input becomes [batch, n]
        case Op::RESHAPE:
            if (auto* o = op.options.AsReshapeOptions(); o && !o->new_shape.empty() && o->new_shape[0] == 1)
                o->new_shape[0] = batch;
            if (op.inputs.size() > 1 && op.inputs[1] >= 0)
                reshapeShape[static_cast<std::size_t>(op.inputs[1])] = true;
            break;
        default:
            return Error{"operator " + std::to_string(k) + " (" + g.opName(op) +
                ") may mix samples; cannot give this model a batch of " + std::to_string(batch)};
        }
    }
    for (std::size_t t = 0; t < sg.tensors.size(); ++t) {
        Tensor& x = sg.tensors[t];
        if (reshapeShape[t]) {
            const auto data = g.tensorData(x);
            if (x.dtype != DType::Int32 || data.size() < 4)
                continue;
            std::vector<std::uint8_t> bytes(data.begin(), data.end());
            std::int32_t first = 0;
            std::memcpy(&first, bytes.data(), 4);
            if (first == 1) {
                std::memcpy(bytes.data(), &batch, 4);
                x.buffer = addOwnedBuffer(g, std::move(bytes));
            }
            continue;
        }
        if (g.isConstant(x) || x.shape.empty() || x.shape[0] != 1)
            continue;
        x.shape[0] = batch;
        if (!x.shapeSignature.empty() && (x.shapeSignature[0] == 1 || x.shapeSignature[0] == -1))
            x.shapeSignature[0] = batch;
    }
    return g;
}

} // namespace ql::model
