// SPDX-License-Identifier: MIT
#include "model/validate.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ql::model {

namespace {

std::string shapeText(const std::vector<std::int32_t>& shape)
{
    std::ostringstream s;
    s << '[';
    for (std::size_t i = 0; i < shape.size(); ++i)
        s << (i ? "," : "") << shape[i];
    s << ']';
    return s.str();
}

Status checkIndexList(
    const std::vector<std::int32_t>& list, std::size_t count, bool allowOmitted, const std::string& what)
{
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto v = list[i];
        if ((v == -1 && allowOmitted) || (v >= 0 && static_cast<std::size_t>(v) < count))
            continue;
        return Error{what + " " + std::to_string(i) + " refers to tensor " + std::to_string(v) +
            ", but the subgraph has " + std::to_string(count) + " tensors"};
    }
    return {};
}

Status checkShape(const Tensor& t)
{
    std::int64_t count = 1;
    for (const auto d : t.shape) {
        if (d < 0)
            return Error{"shape " + shapeText(t.shape) + " has a negative dimension"};
        count *= d;
        if (count > kMaxTensorElements)
            return Error{"shape " + shapeText(t.shape) + " has more than 2^31-1 elements"};
    }
    if (!t.shapeSignature.empty()) {
        if (t.shapeSignature.size() != t.shape.size())
            return Error{"shape signature " + shapeText(t.shapeSignature) + " has another rank than shape " +
                shapeText(t.shape)};
        for (const auto d : t.shapeSignature)
            if (d < -1)
                return Error{"shape signature " + shapeText(t.shapeSignature) + " has a dimension below -1"};
    }
    return {};
}

Status checkData(const Graph& g, const Tensor& t)
{
    const auto size = static_cast<std::int64_t>(g.buffers[t.buffer].data.size());
    if (size == 0 || t.isSparse())
        return {};
    const std::int64_t count = t.elementCount();
    const std::int64_t need = denseBytes(t.dtype, count);
    if (need < 0)
        return {}; // strings and resources have no fixed element size
    // Sub-byte types may also be stored one element per byte.
    const bool subByteUnpacked = dtypeBits(t.dtype) < 8 && size == count;
    if (size != need && !subByteUnpacked)
        return Error{"data of buffer " + std::to_string(t.buffer) + " has " + std::to_string(size) +
            " bytes, but shape " + shapeText(t.shape) + " of " + dtypeName(t.dtype) + " needs " + std::to_string(need)};
    return {};
}

Status checkQuantization(const Tensor& t)
{
    const auto& q = t.quantization;
    if (q.min.size() != q.max.size())
        return Error{"quantization has " + std::to_string(q.min.size()) + " minima but " +
            std::to_string(q.max.size()) + " maxima"};
    if (q.scale.empty()) {
        if (!q.zeroPoint.empty())
            return Error{"quantization has " + std::to_string(q.zeroPoint.size()) + " zero points but no scale"};
        return {};
    }
    if (q.zeroPoint.size() != q.scale.size())
        return Error{"quantization has " + std::to_string(q.scale.size()) + " scales but " +
            std::to_string(q.zeroPoint.size()) + " zero points"};
    for (std::size_t i = 0; i < q.scale.size(); ++i)
        if (!std::isfinite(q.scale[i]) || q.scale[i] < 0)
            return Error{"quantization scale " + std::to_string(i) + " is " + std::to_string(q.scale[i]) +
                " (must be finite and not negative)"};
    if (q.scale.size() > 1) {
        const auto rank = static_cast<std::int64_t>(t.shape.size());
        // Old converters wrote biases with the filter's quantized dimension (3) although a bias has
        // one dimension; tflite-micro runs such files, LiteRT refuses them (model::lint says so).
        const bool biasQuirk = rank == 1 && static_cast<std::int64_t>(q.scale.size()) == t.shape[0];
        if ((q.quantizedDimension < 0 || q.quantizedDimension >= rank) && !biasQuirk)
            return Error{"per-channel quantization along dimension " + std::to_string(q.quantizedDimension) +
                ", but the tensor has rank " + std::to_string(rank)};
        const auto channels = biasQuirk ? t.shape[0] : t.shape[static_cast<std::size_t>(q.quantizedDimension)];
        if (static_cast<std::int64_t>(q.scale.size()) != channels)
            return Error{"per-channel quantization has " + std::to_string(q.scale.size()) + " scales, but dimension " +
                std::to_string(q.quantizedDimension) + " of shape " + shapeText(t.shape) + " has " +
                std::to_string(channels) + " channels"};
    }
    return {};
}

Status validateSubgraph(const Graph& g, const Subgraph& sg)
{
    const std::size_t nt = sg.tensors.size();
    for (std::size_t i = 0; i < nt; ++i) {
        const Tensor& t = sg.tensors[i];
        auto fail = [&](const Error& e) { return Status(withContext(describeTensor(sg, i), e)); };
        if (t.buffer >= g.buffers.size())
            return fail(Error{"refers to buffer " + std::to_string(t.buffer) + ", but the model has " +
                std::to_string(g.buffers.size()) + " buffers"});
        if (auto st = checkShape(t); !st)
            return fail(st.error());
        if (auto st = checkData(g, t); !st)
            return fail(st.error());
        if (auto st = checkQuantization(t); !st)
            return fail(st.error());
        if (t.externalBuffer != 0 &&
            std::none_of(g.externalBuffers.begin(), g.externalBuffers.end(),
                [&](const ExternalBuffer& e) { return e.id == t.externalBuffer; }))
            return fail(Error{
                "refers to external buffer " + std::to_string(t.externalBuffer) + ", which the model does not list"});
    }
    if (auto st = checkIndexList(sg.inputs, nt, false, "input"); !st)
        return st;
    if (auto st = checkIndexList(sg.outputs, nt, false, "output"); !st)
        return st;
    for (std::size_t i = 0; i < sg.operators.size(); ++i) {
        const Operator& op = sg.operators[i];
        const std::string where = "operator " + std::to_string(i);
        if (op.opcodeIndex >= g.opcodes.size())
            return Error{where + " uses operator code " + std::to_string(op.opcodeIndex) + ", but the model has " +
                std::to_string(g.opcodes.size())};
        const std::string named = where + " (" + g.opName(op) + ")";
        if (auto st = checkIndexList(op.inputs, nt, true, "input"); !st)
            return withContext(named, st.error());
        if (auto st = checkIndexList(op.outputs, nt, false, "output"); !st)
            return withContext(named, st.error());
        if (auto st = checkIndexList(op.intermediates, nt, false, "intermediate"); !st)
            return withContext(named, st.error());
        if (!op.mutatingVariableInputs.empty() && op.mutatingVariableInputs.size() != op.inputs.size())
            return Error{named + ": " + std::to_string(op.mutatingVariableInputs.size()) +
                " mutating-variable flags for " + std::to_string(op.inputs.size()) + " inputs"};
    }
    return {};
}

} // namespace

std::string describeTensor(const Subgraph& sg, std::int64_t index)
{
    std::string s = "tensor " + std::to_string(index);
    if (index >= 0 && static_cast<std::size_t>(index) < sg.tensors.size() &&
        !sg.tensors[static_cast<std::size_t>(index)].name.empty())
        s += " '" + sg.tensors[static_cast<std::size_t>(index)].name + "'";
    return s;
}

int channelAxis(const Tensor& t)
{
    const int d = t.quantization.quantizedDimension;
    if (t.shape.size() == 1 && (d < 0 || d >= 1))
        return 0;
    return d;
}

Status validate(const Graph& g)
{
    if (g.version != 3)
        return Error{
            "schema version " + std::to_string(g.version) + " is not supported (TensorFlow Lite files have version 3)"};
    if (g.subgraphs.empty())
        return Error{"the model has no subgraph"};
    for (std::size_t i = 0; i < g.subgraphs.size(); ++i)
        if (auto st = validateSubgraph(g, g.subgraphs[i]); !st)
            return withContext("subgraph " + std::to_string(i), st.error());
    for (const auto b : g.metadataBuffer)
        if (b < 0 || static_cast<std::size_t>(b) >= g.buffers.size())
            return Error{"metadata buffer list refers to buffer " + std::to_string(b) + ", but the model has " +
                std::to_string(g.buffers.size())};
    for (const auto& m : g.metadata)
        if (m.buffer >= g.buffers.size())
            return Error{"metadata '" + m.name + "' refers to buffer " + std::to_string(m.buffer) +
                ", but the model has " + std::to_string(g.buffers.size())};
    for (const auto& e : g.externalBuffers)
        if (e.group >= g.externalBufferGroups.size())
            return Error{"external buffer " + std::to_string(e.id) + " refers to group " + std::to_string(e.group) +
                ", but the model has " + std::to_string(g.externalBufferGroups.size())};
    for (const auto& s : g.signatureDefs) {
        const std::string where = "signature '" + s.key + "'";
        if (s.subgraphIndex >= g.subgraphs.size())
            return Error{where + " refers to subgraph " + std::to_string(s.subgraphIndex) + ", but the model has " +
                std::to_string(g.subgraphs.size())};
        const std::size_t nt = g.subgraphs[s.subgraphIndex].tensors.size();
        for (const auto* list : {&s.inputs, &s.outputs})
            for (const auto& m : *list)
                if (m.tensorIndex >= nt)
                    return Error{where + " maps '" + m.name + "' to tensor " + std::to_string(m.tensorIndex) +
                        ", but the subgraph has " + std::to_string(nt) + " tensors"};
    }
    return {};
}

} // namespace ql::model
