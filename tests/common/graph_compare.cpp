// SPDX-License-Identifier: MIT
#include "common/graph_compare.h"

#include <algorithm>

namespace ql::test {

namespace {

using namespace ql::model;

class Differ {
public:
    template <class T> void check(const T& a, const T& b, const std::string& what)
    {
        if (!(a == b))
            out.push_back(what + " differs");
    }

    void bytes(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b, const std::string& what)
    {
        if (a.size() != b.size() || !std::equal(a.begin(), a.end(), b.begin()))
            out.push_back(
                what + " differs (" + std::to_string(a.size()) + " vs " + std::to_string(b.size()) + " bytes)");
    }

    void tensor(const Tensor& a, const Tensor& b, const std::string& w)
    {
        check(a.name, b.name, w + " name");
        check(a.dtype, b.dtype, w + " dtype");
        check(a.shape, b.shape, w + " shape");
        check(a.shapeSignature, b.shapeSignature, w + " shape signature");
        check(a.buffer, b.buffer, w + " buffer index");
        check(a.quantization, b.quantization, w + " quantization");
        check(a.isVariable, b.isVariable, w + " variable flag");
        check(a.hasRank, b.hasRank, w + " has_rank");
        check(a.variantTensors, b.variantTensors, w + " variant sub-types");
        check(a.externalBuffer, b.externalBuffer, w + " external buffer");
        if (!a.sparsity != !b.sparsity || (a.sparsity && !(*a.sparsity == *b.sparsity)))
            out.push_back(w + " sparsity differs");
    }

    void op(const Operator& a, const Operator& b, const std::string& w)
    {
        check(a.opcodeIndex, b.opcodeIndex, w + " operator code");
        check(a.inputs, b.inputs, w + " inputs");
        check(a.outputs, b.outputs, w + " outputs");
        check(a.intermediates, b.intermediates, w + " intermediates");
        check(a.options.type, b.options.type, w + " builtin options type");
        check(a.options, b.options, w + " builtin options");
        check(a.options2, b.options2, w + " builtin options (second set)");
        check(a.customOptions, b.customOptions, w + " custom options");
        check(a.customOptionsFormat, b.customOptionsFormat, w + " custom options format");
        check(a.mutatingVariableInputs, b.mutatingVariableInputs, w + " mutating variable inputs");
        check(a.debugMetadataIndex, b.debugMetadataIndex, w + " debug metadata index");
    }

    std::vector<std::string> out;
};

} // namespace

std::vector<std::string> compareGraphs(const Graph& a, const Graph& b)
{
    Differ d;
    d.check(a.version, b.version, "version");
    d.check(a.description, b.description, "description");
    d.check(a.opcodes, b.opcodes, "operator codes");
    d.check(a.metadataBuffer, b.metadataBuffer, "metadata buffer list");
    d.check(a.metadata, b.metadata, "metadata");
    d.check(a.signatureDefs, b.signatureDefs, "signature defs");
    d.check(a.externalBufferGroups, b.externalBufferGroups, "external buffer groups");
    d.check(a.externalBuffers, b.externalBuffers, "external buffers");
    d.check(a.buffers.size(), b.buffers.size(), "buffer count");
    for (std::size_t i = 0; i < std::min(a.buffers.size(), b.buffers.size()); ++i)
        d.bytes(a.buffers[i].data, b.buffers[i].data, "buffer " + std::to_string(i));
    d.check(a.associatedFiles.size(), b.associatedFiles.size(), "associated files size");
    d.check(a.subgraphs.size(), b.subgraphs.size(), "subgraph count");
    for (std::size_t s = 0; s < std::min(a.subgraphs.size(), b.subgraphs.size()); ++s) {
        const auto& sa = a.subgraphs[s];
        const auto& sb = b.subgraphs[s];
        const std::string w = "subgraph " + std::to_string(s);
        d.check(sa.name, sb.name, w + " name");
        d.check(sa.inputs, sb.inputs, w + " inputs");
        d.check(sa.outputs, sb.outputs, w + " outputs");
        d.check(sa.debugMetadataIndex, sb.debugMetadataIndex, w + " debug metadata index");
        d.check(sa.tensors.size(), sb.tensors.size(), w + " tensor count");
        for (std::size_t i = 0; i < std::min(sa.tensors.size(), sb.tensors.size()); ++i)
            d.tensor(sa.tensors[i], sb.tensors[i], w + " tensor " + std::to_string(i));
        d.check(sa.operators.size(), sb.operators.size(), w + " operator count");
        for (std::size_t i = 0; i < std::min(sa.operators.size(), sb.operators.size()); ++i)
            d.op(sa.operators[i], sb.operators[i], w + " operator " + std::to_string(i));
    }
    return d.out;
}

} // namespace ql::test
