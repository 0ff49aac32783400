// SPDX-License-Identifier: MIT
// Runs a model: the subgraph of a signature (or subgraph 0), and through control-flow operators any
// subgraph it calls. Prepare checks every operator once and computes its parameters and output
// shapes; invoke runs them. By default every run starts from the model's initial state (LSTM variable
// tensors zero, resource variables as their initialisation left them, the state of streaming
// operators such as the audio front end's noise estimate cleared), so outputs depend on inputs alone;
// with keepState, state carries from one invoke to the next as on a device processing a stream.
#pragma once

#include "core/result.h"
#include "exec/env.h"
#include "exec/kernel.h"
#include "exec/tensor.h"
#include "model/graph.h"

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace ql::exec {

class ThreadPool;
class SubgraphRunner;
struct ExecEnv;

struct InterpreterOptions {
    Rounding rounding = Rounding::Xnnpack;
    int threads = 1;
    // Keep every tensor until the end of a run, so that tensor() can read all of them (the arena
    // then grows; the normal path reuses memory).
    bool keepIntermediates = false;
    // Run this signature (its subgraph, its inputs and outputs in its order); empty: subgraph 0.
    std::string signature;
    // Shapes of the inputs (dynamic dimensions, another batch size); empty: those in the file.
    std::vector<std::vector<std::int32_t>> inputShapes;
    // Carry state across invokes (a stream of frames) instead of starting every invoke afresh.
    bool keepState = false;
    // Refuse a model whose activations (the arena, or any tensor sized at run time) would take more
    // than this many bytes, with an error saying how much it needs; 0: no limit but the machine's.
    std::int64_t maxActivationBytes = 0;
    // Called after each operator of every subgraph runs (each iteration of a WHILE body, each branch an IF
    // takes), with the subgraph, the operator and the subgraph's tensors, valid during the call: how
    // calibration sees the tensors of control-flow bodies, which no run keeps.
    std::function<void(int subgraph, int op, std::span<const RtTensor> tensors)> afterOperator;
};

class Interpreter {
public:
    static Result<std::unique_ptr<Interpreter>> create(
        std::shared_ptr<const model::Graph> graph, const InterpreterOptions& options = {});
    // Every operator that keeps the model from running (unknown or unsupported operators, types the
    // kernels do not take, ...), found by preparing the whole model and going on after failures.
    // Operators that only consume the output of a failing one are not checked. Empty: it runs.
    static std::vector<Blocker> diagnose(
        std::shared_ptr<const model::Graph> graph, const InterpreterOptions& options = {});
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    const model::Graph& graph() const { return *m_graph; }
    const InterpreterOptions& options() const { return m_options; }
    // The subgraph that runs (the signature's, or 0).
    int subgraphIndex() const;

    int inputCount() const { return static_cast<int>(m_inputs.size()); }
    int outputCount() const { return static_cast<int>(m_outputs.size()); }
    const RtTensor& input(int i) const { return tensor(m_inputs[static_cast<std::size_t>(i)]); }
    const RtTensor& output(int i) const { return tensor(m_outputs[static_cast<std::size_t>(i)]); }
    int inputTensorIndex(int i) const { return m_inputs[static_cast<std::size_t>(i)]; }
    int outputTensorIndex(int i) const { return m_outputs[static_cast<std::size_t>(i)]; }
    // The signature's names, or the tensors' names.
    std::string inputName(int i) const;
    std::string outputName(int i) const;

    // What the model does not quite say right but runs anyway (a stale signature), in words.
    const std::vector<std::string>& warnings() const { return m_warnings; }

    // Prepares again for other input shapes (one per input).
    Status resizeInputs(const std::vector<std::vector<std::int32_t>>& shapes);

    // Copies `bytes` into input i; they must be exactly the input's dtype and size.
    Status setInput(int i, model::DType dtype, std::span<const std::uint8_t> bytes);
    Status invoke();
    // Same, and the time each operator took (milliseconds, in operator order).
    Status invokeProfiled(std::vector<double>& opMillis);

    // Any tensor of the running subgraph by index; after invoke() with keepIntermediates, every
    // tensor holds its value.
    const RtTensor& tensor(int index) const;
    int tensorCount() const;

    std::int64_t arenaBytes() const;
    // Operators prepared during runs because their output shapes depend on data.
    int deferredOperators() const;

private:
    Interpreter() = default;
    Status prepare();
    Status run(std::vector<double>* opMillis);

    std::shared_ptr<const model::Graph> m_graph;
    InterpreterOptions m_options;
    std::unique_ptr<ThreadPool> m_pool;
    std::unique_ptr<ExecEnv> m_env;
    std::unique_ptr<SubgraphRunner> m_main;
    const model::SignatureDef* m_signature = nullptr;
    std::vector<int> m_inputs, m_outputs;
    std::vector<Blocker>* m_diagnostics = nullptr;
    std::vector<std::string> m_warnings;
};

} // namespace ql::exec
