// SPDX-License-Identifier: MIT
#include "common/op_builder.h"

namespace ql::test {

model::Graph singleOpGraph(tflite::BuiltinOperator op, const tflite::BuiltinOptionsUnion& options,
    const std::vector<TensorSpec>& inputs, const std::vector<TensorSpec>& outputs, int version)
{
    model::Graph g;
    g.version = 3;
    g.description = "QuantLens kernel test";
    g.opcodes.push_back({op, "", version});
    g.buffers.emplace_back(); // buffer 0: empty
    model::Subgraph sg;
    model::Operator o;
    o.opcodeIndex = 0;
    o.options = options;
    auto add = [&](const TensorSpec& s, const std::string& name) {
        model::Tensor t;
        t.name = name;
        t.dtype = s.dtype;
        t.shape = s.shape;
        if (s.scale > 0) {
            t.quantization.scale = {s.scale};
            t.quantization.zeroPoint = {s.zeroPoint};
        }
        if (!s.data.empty()) {
            t.buffer = static_cast<std::uint32_t>(g.buffers.size());
            g.buffers.push_back(model::Buffer::fromOwned(s.data));
        }
        sg.tensors.push_back(std::move(t));
        return static_cast<std::int32_t>(sg.tensors.size() - 1);
    };
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const auto idx = add(inputs[i], "in" + std::to_string(i));
        o.inputs.push_back(idx);
        if (inputs[i].data.empty())
            sg.inputs.push_back(idx);
    }
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        const auto idx = add(outputs[i], "out" + std::to_string(i));
        o.outputs.push_back(idx);
        sg.outputs.push_back(idx);
    }
    sg.operators.push_back(std::move(o));
    g.subgraphs.push_back(std::move(sg));
    return g;
}

} // namespace ql::test
