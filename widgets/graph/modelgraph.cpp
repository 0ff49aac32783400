// SPDX-License-Identifier: MIT
#include "graph/modelgraph.h"

#include "model/layers.h"


namespace ql::widgets {

int ModelGraph::nodeOfOperator(int op) const
{
    return op >= 0 && static_cast<std::size_t>(op) < opNode.size() ? opNode[static_cast<std::size_t>(op)] : -1;
}

ModelGraph describeGraph(const model::Graph& g, int subgraph)
{
    ModelGraph out;
    if (subgraph < 0 || static_cast<std::size_t>(subgraph) >= g.subgraphs.size())
        return out;
    const model::Subgraph& sg = g.subgraphs[static_cast<std::size_t>(subgraph)];
    const auto tensorCount = sg.tensors.size();
    auto valid = [&](std::int32_t t) { return t >= 0 && static_cast<std::size_t>(t) < tensorCount; };
    auto tensorText = [&](std::int32_t t) {
        const model::Tensor& tensor = sg.tensors[static_cast<std::size_t>(t)];
        return model::shapeString(tensor.shape) + " " + model::dtypeName(tensor.dtype);
    };
    std::vector<int> producer(tensorCount, -1); // node writing each tensor

    for (const std::int32_t t : sg.inputs) {
        if (!valid(t))
            continue;
        GraphNode n;
        n.kind = GraphNode::Kind::Input;
        n.tensor = t;
        n.title = sg.tensors[static_cast<std::size_t>(t)].name;
        n.names = n.title;
        n.detail = tensorText(t);
        n.dtype = model::dtypeName(sg.tensors[static_cast<std::size_t>(t)].dtype);
        producer[static_cast<std::size_t>(t)] = static_cast<int>(out.nodes.size());
        out.nodes.push_back(std::move(n));
    }
    out.opNode.assign(sg.operators.size(), -1);
    for (std::size_t i = 0; i < sg.operators.size(); ++i) {
        const model::Operator& op = sg.operators[i];
        const int node = static_cast<int>(out.nodes.size());
        GraphNode n;
        n.op = static_cast<int>(i);
        n.title = op.opcodeIndex < g.opcodes.size() ? g.opName(op) : "operator";
        const auto code = op.opcodeIndex < g.opcodes.size() ? g.opcodeOf(op) : tflite::BuiltinOperator::CUSTOM;
        n.boundary = code == tflite::BuiltinOperator::QUANTIZE || code == tflite::BuiltinOperator::DEQUANTIZE;
        n.detail = "#" + std::to_string(i);
        for (const std::int32_t t : op.outputs) {
            if (!valid(t))
                continue;
            if (n.tensor < 0) {
                n.tensor = t;
                n.detail += " · " + tensorText(t);
                n.dtype = model::dtypeName(sg.tensors[static_cast<std::size_t>(t)].dtype);
            }
            n.names += sg.tensors[static_cast<std::size_t>(t)].name + "\n";
        }
        for (const std::int32_t t : op.inputs) {
            if (!valid(t))
                continue;
            const int from = producer[static_cast<std::size_t>(t)];
            if (from >= 0) // constants and variables have no producer: they belong to the operator
                out.edges.push_back({from, node, t, tensorText(t)});
        }
        for (const std::int32_t t : op.outputs)
            if (valid(t))
                producer[static_cast<std::size_t>(t)] = node;
        out.opNode[i] = node;
        out.nodes.push_back(std::move(n));
    }
    for (const std::int32_t t : sg.outputs) {
        if (!valid(t))
            continue;
        GraphNode n;
        n.kind = GraphNode::Kind::Output;
        n.tensor = t;
        n.title = sg.tensors[static_cast<std::size_t>(t)].name;
        n.names = n.title;
        n.detail = tensorText(t);
        n.dtype = model::dtypeName(sg.tensors[static_cast<std::size_t>(t)].dtype);
        const int node = static_cast<int>(out.nodes.size());
        out.nodes.push_back(std::move(n));
        if (producer[static_cast<std::size_t>(t)] >= 0)
            out.edges.push_back({producer[static_cast<std::size_t>(t)], node, t, tensorText(t)});
    }
    return out;
}

} // namespace ql::widgets
