// SPDX-License-Identifier: MIT
// Builds models of several subgraphs in memory (control flow, resource variables, signatures, sparse
// constants), for tests that run them in QuantLens and in LiteRT. The one-operator case is op_builder.h.
#pragma once

#include "model/graph.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace ql::test {

// Builtin options for GraphBuilder::op: opts(tflite::Conv2DOptionsT{...}).
template <class T> tflite::BuiltinOptionsUnion opts(T value)
{
    tflite::BuiltinOptionsUnion u;
    u.Set(std::move(value));
    return u;
}

class GraphBuilder {
public:
    GraphBuilder();

    // A new, empty subgraph; returns its index.
    int subgraph(const std::string& name);
    // A tensor without data (an activation, or with input() a subgraph input).
    int tensor(int sg, const std::string& name, model::DType dtype, std::vector<std::int32_t> shape);
    int input(int sg, const std::string& name, model::DType dtype, std::vector<std::int32_t> shape);
    void output(int sg, int tensor);
    template <class T>
    int constant(int sg, const std::string& name, model::DType dtype, std::vector<std::int32_t> shape, const std::vector<T>& values)
    {
        std::vector<std::uint8_t> bytes(values.size() * sizeof(T));
        if (!bytes.empty())
            std::memcpy(bytes.data(), values.data(), bytes.size());
        return constantBytes(sg, name, dtype, std::move(shape), std::move(bytes));
    }
    int constantBytes(int sg, const std::string& name, model::DType dtype, std::vector<std::int32_t> shape, std::vector<std::uint8_t> bytes);
    // The tensor itself, to set quantization, a shape signature, sparsity or the variable flag.
    model::Tensor& at(int sg, int tensor);

    // Appends an operator (in execution order) and returns its index in the subgraph.
    int op(int sg, tflite::BuiltinOperator code, std::vector<std::int32_t> inputs, std::vector<std::int32_t> outputs,
        tflite::BuiltinOptionsUnion options = {}, tflite::BuiltinOptions2Union options2 = {}, int version = 1);
    int custom(int sg, const std::string& code, std::vector<std::int32_t> inputs, std::vector<std::int32_t> outputs,
        std::vector<std::uint8_t> options = {});

    // A signature: (name, tensor) pairs in the signature's order.
    void signature(const std::string& key, int sg, const std::vector<std::pair<std::string, int>>& inputs,
        const std::vector<std::pair<std::string, int>>& outputs);

    model::Graph& graph() { return m_graph; }

private:
    std::uint32_t opcode(tflite::BuiltinOperator code, const std::string& custom, int version);
    model::Graph m_graph;
};

// With QL_FUZZ_SEEDS set (packaging/fuzz.sh), writes `g` there as <prefix>_<n>.tflite, a seed for the
// fuzzers: they then start from structures real files rarely have. Does nothing otherwise.
void writeFuzzSeed(const model::Graph& g, const std::string& prefix);

} // namespace ql::test
