// SPDX-License-Identifier: MIT
// What the subgraphs of one interpreter share: the model, the arithmetic options, the thread pool,
// and the resource variables (VAR_HANDLE / READ_VARIABLE / ASSIGN_VARIABLE). Control-flow operators
// create runners for the subgraphs they call through it.
#pragma once

#include "core/result.h"
#include "exec/tensor.h"
#include "model/graph.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace ql::quant {
struct XnnpackDecision;
}

namespace ql::exec {

class ThreadPool;
class SubgraphRunner;

// A resource variable's current value.
struct Variable {
    model::DType dtype = model::DType::Float32;
    std::vector<std::int32_t> shape;
    std::vector<std::uint8_t> bytes;
    bool assigned = false;
};

class ResourceStore {
public:
    // The id of the variable named (container, shared name), created on first use. Names are shared
    // by every subgraph, as in LiteRT.
    std::int32_t handle(const std::string& container, const std::string& sharedName);
    Variable* find(std::int32_t id);
    // The state to return to at the start of every run (see Interpreter::invoke).
    void snapshot() { m_initial = m_variables; }
    void restore() { m_variables = m_initial; }

private:
    std::map<std::string, std::int32_t> m_ids;
    std::map<std::int32_t, Variable> m_variables, m_initial;
};

// An operator that stops the model from running, and why.
struct Blocker {
    int subgraph = 0;
    int op = 0;
    std::string opName;
    std::string message;
};

struct ExecEnv {
    const model::Graph* graph = nullptr;
    Rounding rounding = Rounding::Xnnpack;
    ThreadPool* pool = nullptr;
    bool keepIntermediates = false;
    ResourceStore resources;
    int depth = 0; // nesting of subgraph calls being prepared or run
    std::set<int> initialized; // subgraphs CALL_ONCE has run
    // When set, preparing goes on after an operator fails (its consumers are left unprepared) and
    // every failure is recorded here instead of stopping at the first (Interpreter::diagnose).
    std::vector<Blocker>* diagnostics = nullptr;
    // State policy (InterpreterOptions::keepState). Without it every invoke advances the epoch and
    // starts from the initial state: variable tensors, resource variables and the state stateful
    // kernels keep (they compare the epoch they last ran in).
    bool keepState = false;
    std::uint64_t stateEpoch = 0;
    std::int64_t maxActivationBytes = 0; // InterpreterOptions::maxActivationBytes
    // InterpreterOptions::afterOperator (null: none).
    const std::function<void(int, int, std::span<const RtTensor>)>* afterOperator = nullptr;

    // What LiteRT's XNNPACK delegate does with operator `op` of subgraph `subgraph`
    // (quant/xnnpack_support.h); the decisions of the model are computed once, on first use.
    const quant::XnnpackDecision& xnnpackDecision(int subgraph, int op);

    // An error when `bytes` of activations exceed the limit (what: which memory).
    Status checkActivationBytes(std::int64_t bytes, const std::string& what) const;

    // A runner for subgraph `index` whose inputs take `inputShapes` (empty: the shapes in the file).
    // Fails on calls nested deeper than a model can sensibly need (a subgraph calling itself).
    Result<std::unique_ptr<SubgraphRunner>> createRunner(
        int index, const std::vector<std::vector<std::int32_t>>& inputShapes);

    std::shared_ptr<const std::vector<quant::XnnpackDecision>> xnnpackCache; // behind xnnpackDecision
};

} // namespace ql::exec
