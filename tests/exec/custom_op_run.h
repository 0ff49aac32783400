// SPDX-License-Identifier: MIT
// Runs one custom operator built in memory (common/op_builder.h) and finds one in a shipped model: the
// helpers of the custom operators' tests (posenet_*_test.cpp, resize_argmax_test.cpp).
#pragma once

#include "common/op_builder.h"
#include "exec/interpreter.h"
#include "model/graph.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace ql::test {

struct Run {
    std::shared_ptr<model::Graph> graph;
    std::unique_ptr<exec::Interpreter> it;
    std::string error; // from prepare or invoke; empty when the run succeeded
};

template <class T> std::vector<std::uint8_t> bytesOf(const std::vector<T>& v)
{
    std::vector<std::uint8_t> b(v.size() * sizeof(T));
    std::memcpy(b.data(), v.data(), b.size());
    return b;
}

// Builds the model, feeds `feeds` to its graph inputs (the inputs without data), runs it.
inline Run runOp(const test::OpSpec& op, const std::vector<test::TensorSpec>& inputs,
    const std::vector<std::vector<std::uint8_t>>& feeds, const std::vector<test::TensorSpec>& outputs)
{
    Run r;
    r.graph = std::make_shared<model::Graph>(test::singleOpGraph(op, inputs, outputs));
    auto it = exec::Interpreter::create(r.graph);
    if (!it.ok()) {
        r.error = it.error().message;
        return r;
    }
    r.it = std::move(it.value());
    for (int i = 0; i < r.it->inputCount(); ++i) {
        const auto st = r.it->setInput(i, r.it->input(i).dtype, feeds[static_cast<std::size_t>(i)]);
        if (!st.ok()) {
            r.error = st.error().message;
            return r;
        }
    }
    const auto st = r.it->invoke();
    if (!st.ok())
        r.error = st.error().message;
    return r;
}

inline test::OpSpec custom(const std::string& code, std::vector<std::uint8_t> options = {})
{
    test::OpSpec s;
    s.op = tflite::BuiltinOperator::CUSTOM;
    s.customCode = code;
    s.customOptions = std::move(options);
    return s;
}

inline test::TensorSpec spec(std::vector<std::int32_t> shape, model::DType dtype, float scale = 0, std::int64_t zp = 0)
{
    test::TensorSpec t;
    t.shape = std::move(shape);
    t.dtype = dtype;
    t.scale = scale;
    t.zeroPoint = zp;
    return t;
}

// The operator of `g` with custom code `code`.
inline const model::Operator* findCustom(const model::Graph& g, const std::string& code)
{
    for (const auto& op : g.subgraphs[0].operators)
        if (g.opcodes[op.opcodeIndex].customCode == code)
            return &op;
    return nullptr;
}

} // namespace ql::test
