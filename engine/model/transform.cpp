// SPDX-License-Identifier: MIT
#include "model/transform.h"

#include <algorithm>

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
    Subgraph& sg = g.subgraphs.front();
    std::vector<bool> used(sg.tensors.size(), false);
    auto mark = [&](std::int32_t t) {
        if (t >= 0)
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
        if (sig.subgraphIndex == 0) {
            for (const auto& t : sig.inputs)
                mark(static_cast<std::int32_t>(t.tensorIndex));
            for (const auto& t : sig.outputs)
                mark(static_cast<std::int32_t>(t.tensorIndex));
        }
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
        if (sig.subgraphIndex == 0) {
            for (auto& t : sig.inputs)
                t.tensorIndex = static_cast<std::uint32_t>(remap[t.tensorIndex]);
            for (auto& t : sig.outputs)
                t.tensorIndex = static_cast<std::uint32_t>(remap[t.tensorIndex]);
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

} // namespace ql::model
