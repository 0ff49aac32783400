// SPDX-License-Identifier: MIT
#include "common/graph_builder.h"

#include "model/writer.h"

#include <cstdlib>
#include <map>

namespace ql::test {

GraphBuilder::GraphBuilder()
{
    m_graph.version = 3;
    m_graph.description = "QuantLens test model";
    m_graph.buffers.emplace_back(); // buffer 0: empty
}

int GraphBuilder::subgraph(const std::string& name)
{
    m_graph.subgraphs.emplace_back();
    m_graph.subgraphs.back().name = name;
    return static_cast<int>(m_graph.subgraphs.size() - 1);
}

int GraphBuilder::tensor(int sg, const std::string& name, model::DType dtype, std::vector<std::int32_t> shape)
{
    auto& s = m_graph.subgraphs.at(static_cast<std::size_t>(sg));
    model::Tensor t;
    t.name = name;
    t.dtype = dtype;
    t.shape = std::move(shape);
    s.tensors.push_back(std::move(t));
    return static_cast<int>(s.tensors.size() - 1);
}

int GraphBuilder::input(int sg, const std::string& name, model::DType dtype, std::vector<std::int32_t> shape)
{
    const int t = tensor(sg, name, dtype, std::move(shape));
    m_graph.subgraphs[static_cast<std::size_t>(sg)].inputs.push_back(t);
    return t;
}

void GraphBuilder::output(int sg, int tensor)
{
    m_graph.subgraphs.at(static_cast<std::size_t>(sg)).outputs.push_back(tensor);
}

int GraphBuilder::constantBytes(int sg, const std::string& name, model::DType dtype, std::vector<std::int32_t> shape,
    std::vector<std::uint8_t> bytes)
{
    const int t = tensor(sg, name, dtype, std::move(shape));
    m_graph.subgraphs[static_cast<std::size_t>(sg)].tensors[static_cast<std::size_t>(t)].buffer =
        static_cast<std::uint32_t>(m_graph.buffers.size());
    m_graph.buffers.push_back(model::Buffer::fromOwned(std::move(bytes)));
    return t;
}

model::Tensor& GraphBuilder::at(int sg, int tensor)
{
    return m_graph.subgraphs.at(static_cast<std::size_t>(sg)).tensors.at(static_cast<std::size_t>(tensor));
}

std::uint32_t GraphBuilder::opcode(tflite::BuiltinOperator code, const std::string& custom, int version)
{
    for (std::size_t i = 0; i < m_graph.opcodes.size(); ++i) {
        const auto& c = m_graph.opcodes[i];
        if (c.builtin == code && c.customCode == custom && c.version == version)
            return static_cast<std::uint32_t>(i);
    }
    m_graph.opcodes.push_back({code, custom, version});
    return static_cast<std::uint32_t>(m_graph.opcodes.size() - 1);
}

int GraphBuilder::op(int sg, tflite::BuiltinOperator code, std::vector<std::int32_t> inputs, std::vector<std::int32_t> outputs,
    tflite::BuiltinOptionsUnion options, tflite::BuiltinOptions2Union options2, int version)
{
    model::Operator o;
    o.opcodeIndex = opcode(code, {}, version);
    o.inputs = std::move(inputs);
    o.outputs = std::move(outputs);
    o.options = std::move(options);
    o.options2 = std::move(options2);
    auto& s = m_graph.subgraphs.at(static_cast<std::size_t>(sg));
    s.operators.push_back(std::move(o));
    return static_cast<int>(s.operators.size() - 1);
}

int GraphBuilder::custom(int sg, const std::string& code, std::vector<std::int32_t> inputs, std::vector<std::int32_t> outputs,
    std::vector<std::uint8_t> options)
{
    model::Operator o;
    o.opcodeIndex = opcode(tflite::BuiltinOperator::CUSTOM, code, 1);
    o.inputs = std::move(inputs);
    o.outputs = std::move(outputs);
    o.customOptions = std::move(options);
    auto& s = m_graph.subgraphs.at(static_cast<std::size_t>(sg));
    s.operators.push_back(std::move(o));
    return static_cast<int>(s.operators.size() - 1);
}

void GraphBuilder::signature(const std::string& key, int sg, const std::vector<std::pair<std::string, int>>& inputs,
    const std::vector<std::pair<std::string, int>>& outputs)
{
    model::SignatureDef d;
    d.key = key;
    d.subgraphIndex = static_cast<std::uint32_t>(sg);
    for (const auto& [name, t] : inputs)
        d.inputs.push_back({name, static_cast<std::uint32_t>(t)});
    for (const auto& [name, t] : outputs)
        d.outputs.push_back({name, static_cast<std::uint32_t>(t)});
    m_graph.signatureDefs.push_back(std::move(d));
}

void writeFuzzSeed(const model::Graph& g, const std::string& prefix)
{
    static std::map<std::string, int> counts;
    const char* dir = std::getenv("QL_FUZZ_SEEDS");
    if (!dir || !*dir)
        return;
    const int n = ++counts[prefix];
    (void)model::writeTflite(g, std::string(dir) + "/" + prefix + "_" + std::to_string(n) + ".tflite");
}

} // namespace ql::test
