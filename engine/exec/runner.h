// SPDX-License-Identifier: MIT
// Runs one subgraph. Prepare walks the operators in order: each sets the shapes of its outputs;
// an operator whose inputs are all constants is run once there and its outputs become constants
// (folding, as SHAPE -> STRIDED_SLICE -> PACK -> RESHAPE chains need); one arena holds every other
// tensor whose size is known. Operators whose output shapes depend on data (and everything that
// consumes them) are prepared during the run, and prepared again only when their inputs' shapes or
// the values they depend on change; their outputs live in buffers of their own.
#pragma once

#include "core/result.h"
#include "exec/kernel.h"
#include "exec/tensor.h"
#include "model/graph.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

namespace ql::exec {

struct ExecEnv;

class SubgraphRunner {
public:
    // `inputShapes`: one per subgraph input, or empty for the shapes stored in the file.
    static Result<std::unique_ptr<SubgraphRunner>> create(
        ExecEnv& env, int subgraphIndex, const std::vector<std::vector<std::int32_t>>& inputShapes);
    ~SubgraphRunner();
    SubgraphRunner(const SubgraphRunner&) = delete;
    SubgraphRunner& operator=(const SubgraphRunner&) = delete;

    int subgraphIndex() const { return m_index; }
    const model::Subgraph& subgraph() const { return *m_sg; }
    const std::vector<int>& inputs() const { return m_sg->inputs; }
    const std::vector<int>& outputs() const { return m_sg->outputs; }
    RtTensor& tensor(int i) { return m_tensors[static_cast<std::size_t>(i)]; }
    const RtTensor& tensor(int i) const { return m_tensors[static_cast<std::size_t>(i)]; }
    int tensorCount() const { return static_cast<int>(m_tensors.size()); }
    std::int64_t arenaBytes() const { return m_arenaBytes; }

    // Prepares again from scratch for other input shapes.
    Status reshape(const std::vector<std::vector<std::int32_t>>& inputShapes);
    // Runs every operator once. `opMillis`, when given, receives the time of each operator.
    Status run(std::vector<double>* opMillis);

    // Operators prepared only during a run (their output shapes depend on data).
    int deferredOperators() const;

    // RunContext::resize lands here.
    Status resizeDynamic(int tensorIndex, const std::vector<std::int32_t>& shape);

private:
    SubgraphRunner(ExecEnv& env, int index);
    Status prepare(const std::vector<std::vector<std::int32_t>>& inputShapes);
    Status initTensors(const std::vector<std::vector<std::int32_t>>& inputShapes);
    Status prepareOperator(std::size_t k, bool duringRun);
    Status fold(std::size_t k);
    Status planArena();
    bool unchangedSincePrepare(std::size_t k) const;

    struct HeapBuffer {
        std::uint8_t* data = nullptr;
        std::int64_t capacity = 0;
    };
    struct OpState {
        std::unique_ptr<Kernel> kernel;
        bool folded = false;
        bool deferred = false; // prepared during runs
        std::vector<std::vector<std::int32_t>> inputShapes; // what the kernel was prepared for
        std::vector<int> valueInputs;
        std::vector<std::vector<std::uint8_t>> values;
    };

    ExecEnv& m_env;
    int m_index;
    const model::Subgraph* m_sg;
    std::vector<RtTensor> m_tensors;
    std::vector<bool> m_dynamic; // lives in a heap buffer of its own
    std::vector<HeapBuffer> m_heap; // per tensor
    std::vector<OpState> m_ops;
    std::deque<std::vector<std::uint8_t>> m_owned; // realigned, densified and folded constants
    std::uint8_t* m_arena = nullptr;
    std::int64_t m_arenaBytes = 0;
    bool m_stateInitialised = false; // variable tensors were reset at least once since prepare
};

} // namespace ql::exec
