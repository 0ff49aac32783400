// SPDX-License-Identifier: MIT
#include "exec/interpreter.h"

#include "exec/env.h"
#include "exec/runner.h"
#include "exec/thread_pool.h"

#include <algorithm>
#include <cstring>

namespace ql::exec {

Result<std::unique_ptr<Interpreter>> Interpreter::create(
    std::shared_ptr<const model::Graph> graph, const InterpreterOptions& options)
{
    std::unique_ptr<Interpreter> it(new Interpreter);
    it->m_graph = std::move(graph);
    it->m_options = options;
    if (options.threads > 1)
        it->m_pool = std::make_unique<ThreadPool>(options.threads);
    if (auto st = it->prepare(); !st)
        return st.error();
    return it;
}

Interpreter::~Interpreter() = default;

std::vector<Blocker> Interpreter::diagnose(std::shared_ptr<const model::Graph> graph, const InterpreterOptions& options)
{
    std::vector<Blocker> found;
    std::unique_ptr<Interpreter> it(new Interpreter);
    it->m_graph = std::move(graph);
    it->m_options = options;
    it->m_options.threads = 1;
    it->m_diagnostics = &found;
    if (auto st = it->prepare(); !st && found.empty())
        found.push_back({0, -1, "", st.error().message}); // a problem outside any operator
    return found;
}

Status Interpreter::prepare()
{
    const model::Graph& g = *m_graph;
    if (g.subgraphs.empty())
        return Error{"the model has no subgraph"};
    int index = 0;
    m_signature = nullptr;
    if (!m_options.signature.empty()) {
        for (const auto& s : g.signatureDefs)
            if (s.key == m_options.signature)
                m_signature = &s;
        if (!m_signature) {
            std::string keys;
            for (const auto& s : g.signatureDefs)
                keys += (keys.empty() ? "" : ", ") + s.key;
            return Error{"the model has no signature '" + m_options.signature + "'" +
                (keys.empty() ? std::string(" (it has none)") : " (it has: " + keys + ")")};
        }
        index = static_cast<int>(m_signature->subgraphIndex);
    }
    const model::Subgraph& sg = g.subgraphs[static_cast<std::size_t>(index)];
    m_inputs.clear();
    m_outputs.clear();
    // Like LiteRT, a signature's inputs and outputs come in the subgraph's order; the signature
    // names them.
    m_inputs.assign(sg.inputs.begin(), sg.inputs.end());
    m_outputs.assign(sg.outputs.begin(), sg.outputs.end());
    m_warnings.clear();
    if (m_signature) {
        // A signature that does not match its subgraph's inputs and outputs is stale (a tool rewrote
        // the graph and kept the old map). LiteRT would write into tensors nothing reads; QuantLens,
        // like litert-run, runs the subgraph's own inputs and outputs and says so.
        const auto check = [&](const std::vector<model::SignatureTensor>& list, const std::vector<int>& io,
                               const char* what) -> std::string {
            if (list.size() != io.size())
                return "signature '" + m_signature->key + "' lists " + std::to_string(list.size()) + " " + what +
                    ", its subgraph has " + std::to_string(io.size());
            for (const auto& t : list)
                if (std::find(io.begin(), io.end(), static_cast<int>(t.tensorIndex)) == io.end())
                    return "signature '" + m_signature->key + "' maps '" + t.name + "' to tensor " +
                        std::to_string(t.tensorIndex) + ", which is not among the subgraph's " + what;
            return {};
        };
        for (auto problem : {check(m_signature->inputs, m_inputs, "inputs"), check(m_signature->outputs, m_outputs, "outputs")})
            if (!problem.empty())
                m_warnings.push_back(problem + "; the subgraph's own inputs and outputs are used");
    }
    // Input shapes are given in this interpreter's input order; the runner takes the subgraph's.
    std::vector<std::vector<std::int32_t>> shapes;
    if (!m_options.inputShapes.empty()) {
        if (m_options.inputShapes.size() != m_inputs.size())
            return Error{"the model has " + std::to_string(m_inputs.size()) + " inputs, " +
                std::to_string(m_options.inputShapes.size()) + " shapes were given"};
        for (const auto t : sg.inputs) {
            std::vector<std::int32_t> s = sg.tensors[static_cast<std::size_t>(t)].shape;
            for (std::size_t k = 0; k < m_inputs.size(); ++k)
                if (m_inputs[k] == t)
                    s = m_options.inputShapes[k];
            shapes.push_back(std::move(s));
        }
    }
    m_main.reset();
    m_env = std::make_unique<ExecEnv>();
    m_env->graph = m_graph.get();
    m_env->rounding = m_options.rounding;
    m_env->pool = m_pool.get();
    m_env->keepIntermediates = m_options.keepIntermediates;
    m_env->diagnostics = m_diagnostics;
    m_env->keepState = m_options.keepState;
    m_env->maxActivationBytes = m_options.maxActivationBytes;
    m_env->afterOperator = m_options.afterOperator ? &m_options.afterOperator : nullptr;
    auto runner = m_env->createRunner(index, shapes);
    if (!runner)
        return runner.error();
    m_main = std::move(runner.value());
    // Resource variables as initialisation (CALL_ONCE, run at prepare) left them.
    m_env->resources.snapshot();
    return {};
}

int Interpreter::subgraphIndex() const
{
    return m_main->subgraphIndex();
}

namespace {

std::string signatureName(const model::SignatureDef* sig, bool input, int tensor, const std::string& fallback)
{
    if (sig)
        for (const auto& t : input ? sig->inputs : sig->outputs)
            if (static_cast<int>(t.tensorIndex) == tensor && !t.name.empty())
                return t.name;
    return fallback;
}

} // namespace

std::string Interpreter::inputName(int i) const
{
    return signatureName(m_signature, true, inputTensorIndex(i), input(i).meta->name);
}

std::string Interpreter::outputName(int i) const
{
    return signatureName(m_signature, false, outputTensorIndex(i), output(i).meta->name);
}

Status Interpreter::resizeInputs(const std::vector<std::vector<std::int32_t>>& shapes)
{
    m_options.inputShapes = shapes;
    return prepare();
}

const RtTensor& Interpreter::tensor(int index) const
{
    return m_main->tensor(index);
}

int Interpreter::tensorCount() const
{
    return m_main->tensorCount();
}

std::int64_t Interpreter::arenaBytes() const
{
    return m_main->arenaBytes();
}

int Interpreter::deferredOperators() const
{
    return m_main->deferredOperators();
}

Status Interpreter::setInput(int i, model::DType dtype, std::span<const std::uint8_t> bytes)
{
    if (i < 0 || i >= inputCount())
        return Error{
            "the model has " + std::to_string(inputCount()) + " inputs; there is no input " + std::to_string(i)};
    RtTensor& t = m_main->tensor(m_inputs[static_cast<std::size_t>(i)]);
    const std::string name = "input " + std::to_string(i) + " '" + inputName(i) + "'";
    if (dtype != t.dtype)
        return Error{name + " is " + model::dtypeName(t.dtype) + ", but the data given are " + model::dtypeName(dtype)};
    if (static_cast<std::int64_t>(bytes.size()) != t.bytes)
        return Error{name + " of shape " + shapeText(t.shape) + " takes " + std::to_string(t.bytes) + " bytes, but " +
            std::to_string(bytes.size()) + " were given"};
    if (t.constant)
        return Error{name + " is a constant of the model"};
    if (!bytes.empty())
        std::memcpy(t.data, bytes.data(), bytes.size());
    return {};
}

Status Interpreter::invoke()
{
    return run(nullptr);
}

Status Interpreter::invokeProfiled(std::vector<double>& opMillis)
{
    return run(&opMillis);
}

Status Interpreter::run(std::vector<double>* opMillis)
{
    if (!m_env->keepState) {
        ++m_env->stateEpoch;
        m_env->resources.restore();
    }
    return m_main->run(opMillis);
}

} // namespace ql::exec
