// SPDX-License-Identifier: MIT
// Runs subgraph 0 of a graph: prepares every operator once (checking it and computing its
// parameters), plans one arena for the activations, then invokes the kernels in order.
#pragma once

#include "core/result.h"
#include "exec/kernel.h"
#include "exec/tensor.h"
#include "model/graph.h"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace ql::exec {

class ThreadPool;

struct InterpreterOptions {
    Rounding rounding = Rounding::Xnnpack;
    int threads = 1;
    // Keep every tensor until the end of a run, so that intermediate() can read all of them
    // (the arena then grows; the normal path reuses memory).
    bool keepIntermediates = false;
};

class Interpreter {
public:
    static Result<std::unique_ptr<Interpreter>> create(
        std::shared_ptr<const model::Graph> graph, const InterpreterOptions& options = {});
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    const model::Graph& graph() const { return *m_graph; }
    const InterpreterOptions& options() const { return m_options; }

    int inputCount() const { return static_cast<int>(m_inputs.size()); }
    int outputCount() const { return static_cast<int>(m_outputs.size()); }
    const RtTensor& input(int i) const
    {
        return m_tensors[static_cast<std::size_t>(m_inputs[static_cast<std::size_t>(i)])];
    }
    const RtTensor& output(int i) const
    {
        return m_tensors[static_cast<std::size_t>(m_outputs[static_cast<std::size_t>(i)])];
    }
    int inputTensorIndex(int i) const { return m_inputs[static_cast<std::size_t>(i)]; }
    int outputTensorIndex(int i) const { return m_outputs[static_cast<std::size_t>(i)]; }

    // Copies `bytes` into input i; they must be exactly the input's dtype and size.
    Status setInput(int i, model::DType dtype, std::span<const std::uint8_t> bytes);
    Status invoke();
    // Same, and the time each operator took (milliseconds, in operator order).
    Status invokeProfiled(std::vector<double>& opMillis);

    // Any tensor by index; after invoke() with keepIntermediates, every tensor holds its value.
    const RtTensor& tensor(int index) const { return m_tensors[static_cast<std::size_t>(index)]; }
    int tensorCount() const { return static_cast<int>(m_tensors.size()); }

    std::int64_t arenaBytes() const { return m_arenaBytes; }

private:
    Interpreter() = default;
    Status prepare();
    Status run(std::vector<double>* opMillis);

    std::shared_ptr<const model::Graph> m_graph;
    InterpreterOptions m_options;
    std::vector<RtTensor> m_tensors;
    std::vector<int> m_inputs, m_outputs;
    std::vector<std::unique_ptr<Kernel>> m_kernels;
    std::vector<std::vector<std::uint8_t>> m_ownedConstants; // realigned copies
    std::uint8_t* m_arena = nullptr;
    std::int64_t m_arenaBytes = 0;
    std::unique_ptr<ThreadPool> m_pool;
};

} // namespace ql::exec
