// SPDX-License-Identifier: MIT
#include "exec/runner.h"

#include "exec/custom/registry.h"
#include "exec/env.h"
#include "exec/planner.h"
#include "model/sparsity.h"
#include "model/validate.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace ql::exec {

namespace {

// Bytes a run-time tensor of this type and element count takes: resources hold an int32 id.
std::int64_t runtimeBytes(model::DType t, std::int64_t count)
{
    if (t == model::DType::Resource || t == model::DType::Variant)
        return 4 * count;
    return model::denseBytes(t, count);
}

struct Lookup {
    PrepareFn prepare = nullptr;
    unsigned traits = 0;
};

Lookup lookupKernel(const model::Graph& g, const model::Operator& op)
{
    const auto& code = g.opcodes[op.opcodeIndex];
    if (code.builtin == tflite::BuiltinOperator::CUSTOM) {
        if (const auto* c = findCustomKernel(code.customCode))
            return {c->prepare, c->traits};
        return {};
    }
    if (const auto* k = findKernel(code.builtin))
        return {k->prepare, k->traits};
    return {};
}

// Every tensor has at most one producer, which runs before every operator that reads it and does not
// read the tensor itself, and no operator writes a constant or an input of the subgraph. Kernels size
// their outputs when they are prepared, so a second or a late writer would resize a tensor that an
// earlier operator was prepared to read (interpreter_fuzz: a MAX_POOL_2D writing the model's input made
// the first CONV_2D read past it). A property of the file: checked once per runner, not per reshape.
Status checkDataflow(const model::Graph& g, const model::Subgraph& sg)
{
    constexpr int kSubgraphInput = -2;
    std::vector<int> writer(sg.tensors.size(), -1), firstReader(sg.tensors.size(), -1);
    for (const auto i : sg.inputs)
        if (i >= 0)
            writer[static_cast<std::size_t>(i)] = kSubgraphInput;
    for (std::size_t k = 0; k < sg.operators.size(); ++k) {
        const model::Operator& op = sg.operators[k];
        const int self = static_cast<int>(k);
        for (const auto t : op.inputs)
            if (t >= 0 && firstReader[static_cast<std::size_t>(t)] < 0)
                firstReader[static_cast<std::size_t>(t)] = self;
        for (std::size_t j = 0; j < op.outputs.size(); ++j) {
            const auto t = op.outputs[j];
            if (t < 0)
                continue;
            const auto u = static_cast<std::size_t>(t);
            const std::string what = "operator " + std::to_string(k) + " (" + g.opName(op) + ") writes to tensor " +
                std::to_string(t) + ", ";
            if (std::find(op.inputs.begin(), op.inputs.end(), t) != op.inputs.end())
                return Error{what + "which it also reads"};
            if (std::find(op.outputs.begin() + static_cast<std::ptrdiff_t>(j) + 1, op.outputs.end(), t) != op.outputs.end())
                return Error{what + "twice"};
            const model::Tensor& tensor = sg.tensors[u];
            if (!tensor.isVariable && !g.tensorData(tensor).empty())
                return Error{what + "which is a constant"};
            if (writer[u] == kSubgraphInput)
                return Error{what + "an input of the subgraph"};
            if (writer[u] >= 0)
                return Error{what + "which operator " + std::to_string(writer[u]) + " writes too"};
            if (firstReader[u] >= 0 && firstReader[u] < self)
                return Error{what + "which operator " + std::to_string(firstReader[u]) + " reads before it is written"};
            writer[u] = self;
        }
    }
    return {};
}

} // namespace

Result<std::unique_ptr<SubgraphRunner>> SubgraphRunner::create(
    ExecEnv& env, int subgraphIndex, const std::vector<std::vector<std::int32_t>>& inputShapes)
{
    const model::Graph& g = *env.graph;
    if (subgraphIndex < 0 || static_cast<std::size_t>(subgraphIndex) >= g.subgraphs.size())
        return Error{"there is no subgraph " + std::to_string(subgraphIndex) + " (the model has " +
            std::to_string(g.subgraphs.size()) + ")"};
    std::unique_ptr<SubgraphRunner> r(new SubgraphRunner(env, subgraphIndex));
    Status st = checkDataflow(g, g.subgraphs[static_cast<std::size_t>(subgraphIndex)]);
    if (st)
        st = r->prepare(inputShapes);
    if (!st)
        return g.subgraphs.size() > 1 ? withContext("subgraph " + std::to_string(subgraphIndex), st.error())
                                      : st.error();
    return r;
}

SubgraphRunner::SubgraphRunner(ExecEnv& env, int index)
    : m_env(env)
    , m_index(index)
    , m_sg(&env.graph->subgraphs[static_cast<std::size_t>(index)])
{
}

SubgraphRunner::~SubgraphRunner()
{
    std::free(m_arena);
    for (auto& h : m_heap)
        std::free(h.data);
}

Status SubgraphRunner::reshape(const std::vector<std::vector<std::int32_t>>& inputShapes)
{
    return prepare(inputShapes);
}

Status SubgraphRunner::initTensors(const std::vector<std::vector<std::int32_t>>& inputShapes)
{
    const model::Graph& g = *m_env.graph;
    const model::Subgraph& sg = *m_sg;
    const std::size_t n = sg.tensors.size();
    if (!inputShapes.empty() && inputShapes.size() != sg.inputs.size())
        return Error{"subgraph " + std::to_string(m_index) + " takes " + std::to_string(sg.inputs.size()) +
            " inputs, " + std::to_string(inputShapes.size()) + " shapes were given"};
    m_tensors.assign(n, RtTensor{});
    m_dynamic.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        const model::Tensor& t = sg.tensors[i];
        RtTensor& r = m_tensors[i];
        r.dtype = t.dtype;
        r.shape = t.shape;
        r.meta = &t;
        if (t.dtype == model::DType::Int8 || t.dtype == model::DType::UInt8 || t.dtype == model::DType::Int16) {
            const std::int64_t lo = t.dtype == model::DType::UInt8 ? 0 : t.dtype == model::DType::Int8 ? -128 : -32768;
            const std::int64_t hi = t.dtype == model::DType::UInt8 ? 255 : t.dtype == model::DType::Int8 ? 127 : 32767;
            for (const auto zp : t.quantization.zeroPoint)
                if (zp < lo || zp > hi)
                    return Error{model::describeTensor(sg, static_cast<int>(i)) + ": zero point " + std::to_string(zp) +
                        " is outside the range of " + model::dtypeName(t.dtype)};
        }
        const auto data = g.tensorData(t);
        if (!data.empty() && !t.isVariable) {
            r.constant = true;
            if (t.isSparse()) {
                auto dense = model::densify(t, data);
                if (!dense)
                    return withContext(model::describeTensor(sg, static_cast<int>(i)), dense.error());
                m_owned.push_back(std::move(dense.value()));
                r.data = m_owned.back().data();
                r.bytes = static_cast<std::int64_t>(m_owned.back().size());
                continue;
            }
            r.bytes = static_cast<std::int64_t>(data.size());
            const int bits = model::dtypeBits(t.dtype);
            const std::size_t align = bits >= 8 ? static_cast<std::size_t>(bits / 8) : 1;
            if (reinterpret_cast<std::uintptr_t>(data.data()) % align != 0) {
                m_owned.emplace_back(data.begin(), data.end());
                r.data = m_owned.back().data();
            } else {
                r.data = const_cast<std::uint8_t*>(data.data()); // kernels never write constants
            }
        }
    }
    for (std::size_t k = 0; k < sg.inputs.size(); ++k) {
        RtTensor& r = m_tensors[static_cast<std::size_t>(sg.inputs[k])];
        if (r.constant)
            return Error{model::describeTensor(sg, sg.inputs[k]) + " is an input of the subgraph and a constant"};
        if (!inputShapes.empty()) {
            const auto& s = inputShapes[k];
            for (const auto d : s)
                if (d < 0)
                    return Error{"input " + std::to_string(k) + " cannot take shape " + shapeText(s)};
            r.shape = s;
        }
    }
    // Everything that is not written by an operator keeps the shape in the file; sizes of operator
    // outputs follow from prepare.
    for (std::size_t i = 0; i < n; ++i) {
        RtTensor& r = m_tensors[i];
        if (!r.constant)
            r.bytes = std::max<std::int64_t>(runtimeBytes(r.dtype, r.count()), 0);
    }
    return {};
}

Status SubgraphRunner::prepare(const std::vector<std::vector<std::int32_t>>& inputShapes)
{
    std::free(m_arena);
    m_arena = nullptr;
    m_arenaBytes = 0;
    for (auto& h : m_heap)
        std::free(h.data);
    m_heap.assign(m_sg->tensors.size(), HeapBuffer{});
    m_ops.clear();
    m_owned.clear();
    m_stateInitialised = false;
    if (auto st = initTensors(inputShapes); !st)
        return st;
    m_ops.resize(m_sg->operators.size());
    for (std::size_t k = 0; k < m_sg->operators.size(); ++k) {
        const model::Operator& op = m_sg->operators[k];
        bool afterDynamic = false;
        for (const auto t : op.inputs)
            afterDynamic |= t >= 0 && m_dynamic[static_cast<std::size_t>(t)];
        if (afterDynamic) {
            m_ops[k].deferred = true;
        } else if (auto st = prepareOperator(k, false); !st) {
            if (!m_env.diagnostics)
                return st;
            m_env.diagnostics->push_back(
                {m_index, static_cast<int>(k), m_env.graph->opName(op), st.error().message});
            m_ops[k].deferred = true; // its consumers cannot be prepared either
        }
        if (m_ops[k].deferred)
            for (const auto t : op.outputs)
                if (t >= 0)
                    m_dynamic[static_cast<std::size_t>(t)] = true;
    }
    return planArena();
}

Status SubgraphRunner::prepareOperator(std::size_t k, bool duringRun)
{
    const model::Graph& g = *m_env.graph;
    const model::Operator& op = m_sg->operators[k];
    OpState& state = m_ops[k];
    NodeContext ctx(m_env, *m_sg, op, static_cast<int>(k), m_tensors, duringRun);
    const Lookup kernel = lookupKernel(g, op);
    if (!kernel.prepare) {
        const auto& code = g.opcodes[op.opcodeIndex];
        if (code.builtin == tflite::BuiltinOperator::CUSTOM)
            return ctx.fail(customOpUnsupportedReason(code.customCode));
        return ctx.fail("this operator is not supported (" + ctx.dtypes() + ")");
    }
    auto prepared = kernel.prepare(ctx);
    if (ctx.wasDeferred()) {
        if (duringRun)
            return ctx.fail("cannot be prepared even with every input known");
        state.deferred = true;
        return {};
    }
    if (!prepared)
        return prepared.error();
    // A kernel's own refusal names the problem best; one it would run may still stop LiteRT.
    if (!duringRun)
        if (const std::string why = ctx.xnnpackBreaks(); !why.empty())
            return ctx.fail("LiteRT cannot run this model: XNNPACK takes this operator but fails to prepare it (" + why +
                "); --rounding reference runs it as TFLite's reference kernels do");
    for (int i = 0; i < ctx.outputCount(); ++i) {
        if (ctx.outputIndex(i) < 0)
            continue;
        if (!ctx.outputSet(i))
            return ctx.fail("internal error: the kernel did not set the shape of output " + std::to_string(i));
        RtTensor& t = ctx.out(i);
        if (ctx.outputDynamic(i)) {
            if (!duringRun)
                m_dynamic[static_cast<std::size_t>(ctx.outputIndex(i))] = true;
            continue;
        }
        if (t.bytes < 0)
            return ctx.fail("output " + std::to_string(i) + " has type " + model::dtypeName(t.dtype) +
                ", which has no fixed size");
    }
    state.kernel = std::move(prepared.value());
    state.inputShapes.clear();
    for (const auto t : op.inputs)
        state.inputShapes.push_back(t >= 0 ? m_tensors[static_cast<std::size_t>(t)].shape : std::vector<std::int32_t>{});
    state.valueInputs = ctx.valueInputs();
    state.values.clear();
    for (const int i : state.valueInputs) {
        const RtTensor& t = ctx.in(i);
        state.values.emplace_back(t.data, t.data + (t.data ? t.bytes : 0));
    }
    if (duringRun) {
        // Outputs of operators prepared during a run live in buffers of their own.
        for (int i = 0; i < ctx.outputCount(); ++i)
            if (ctx.outputIndex(i) >= 0 && !ctx.outputDynamic(i))
                if (auto st = resizeDynamic(ctx.outputIndex(i), ctx.out(i).shape); !st)
                    return ctx.fail(st.error().message);
        return {};
    }
    bool foldable = kernel.traits & static_cast<unsigned>(OpTrait::Foldable);
    bool allConstant = true;
    for (int i = 0; i < ctx.inputCount(); ++i)
        if (ctx.hasInput(i) && !ctx.in(i).constant)
            allConstant = false;
    for (int i = 0; i < ctx.outputCount(); ++i)
        if (ctx.outputIndex(i) < 0 || ctx.outputDynamic(i) || g.subgraphs[static_cast<std::size_t>(m_index)]
                                                                     .tensors[static_cast<std::size_t>(ctx.outputIndex(i))]
                                                                     .isVariable)
            foldable = false;
    if ((kernel.traits & static_cast<unsigned>(OpTrait::ShapeOnly)) || (foldable && allConstant))
        return fold(k);
    return {};
}

Status SubgraphRunner::fold(std::size_t k)
{
    const model::Operator& op = m_sg->operators[k];
    OpState& state = m_ops[k];
    for (const auto o : op.outputs) {
        RtTensor& t = m_tensors[static_cast<std::size_t>(o)];
        m_owned.emplace_back(static_cast<std::size_t>(std::max<std::int64_t>(t.bytes, 0)));
        t.data = m_owned.back().data();
    }
    RunContext rc{m_tensors, nullptr, this};
    if (auto st = state.kernel->run(rc); !st)
        return Error{"operator " + std::to_string(k) + " (" + m_env.graph->opName(op) + "): " + st.error().message};
    for (const auto o : op.outputs)
        m_tensors[static_cast<std::size_t>(o)].constant = true;
    state.kernel.reset();
    state.folded = true;
    return {};
}

Status SubgraphRunner::planArena()
{
    const model::Subgraph& sg = *m_sg;
    const std::size_t n = sg.tensors.size();
    // Lifetimes in operator order: subgraph inputs and variables live from the start, outputs until the end.
    std::vector<PlanRequest> requests(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto& r = requests[i];
        r.bytes = m_tensors[i].constant || m_dynamic[i] ? 0 : m_tensors[i].bytes;
        r.first = INT_MAX;
        r.last = -1;
        if (sg.tensors[i].isVariable || m_env.keepIntermediates) {
            r.first = -1;
            r.last = INT_MAX;
        }
    }
    for (auto i : sg.inputs)
        requests[static_cast<std::size_t>(i)].first = -1;
    for (auto i : sg.outputs)
        requests[static_cast<std::size_t>(i)].last = INT_MAX;
    for (std::size_t k = 0; k < sg.operators.size(); ++k) {
        const int idx = static_cast<int>(k);
        const auto& op = sg.operators[k];
        for (auto t : op.inputs)
            if (t >= 0)
                requests[static_cast<std::size_t>(t)].last = std::max(requests[static_cast<std::size_t>(t)].last, idx);
        for (const auto* list : {&op.outputs, &op.intermediates})
            for (auto t : *list) {
                auto& r = requests[static_cast<std::size_t>(t)];
                r.first = std::min(r.first, idx);
                r.last = std::max(r.last, idx);
            }
    }
    for (auto& r : requests)
        if (r.first == INT_MAX) // never written: an unused tensor, or an input to nothing
            r.first = -1;
    const Plan plan = exec::planArena(requests);
    if (auto st = m_env.checkActivationBytes(plan.arenaBytes, "its activations"); !st)
        return st;
    m_arenaBytes = plan.arenaBytes;
    m_arena = static_cast<std::uint8_t*>(std::aligned_alloc(
        kTensorAlignment, static_cast<std::size_t>(std::max<std::int64_t>(plan.arenaBytes, kTensorAlignment))));
    if (!m_arena)
        return Error{"cannot allocate " + std::to_string(plan.arenaBytes) + " bytes for the activations"};
    std::memset(m_arena, 0, static_cast<std::size_t>(std::max<std::int64_t>(plan.arenaBytes, kTensorAlignment)));
    for (std::size_t i = 0; i < n; ++i)
        if (!m_tensors[i].constant && !m_dynamic[i])
            m_tensors[i].data = plan.offsets[i] >= 0 ? m_arena + plan.offsets[i] : nullptr;
    return {};
}

Status SubgraphRunner::resizeDynamic(int tensorIndex, const std::vector<std::int32_t>& shape)
{
    if (tensorIndex < 0 || static_cast<std::size_t>(tensorIndex) >= m_tensors.size())
        return Error{"no tensor " + std::to_string(tensorIndex)};
    RtTensor& t = m_tensors[static_cast<std::size_t>(tensorIndex)];
    std::int64_t count = 1;
    for (const auto d : shape) {
        if (d < 0)
            return Error{"tensor " + std::to_string(tensorIndex) + " cannot take shape " + shapeText(shape)};
        count *= d;
        if (count > model::kMaxTensorElements)
            return Error{"tensor " + std::to_string(tensorIndex) + " of shape " + shapeText(shape) + " is too large"};
    }
    const std::int64_t bytes = runtimeBytes(t.dtype, count);
    if (bytes < 0)
        return Error{"tensors of type " + model::dtypeName(t.dtype) + " are not supported"};
    HeapBuffer& h = m_heap[static_cast<std::size_t>(tensorIndex)];
    if (auto st = m_env.checkActivationBytes(bytes, "tensor " + std::to_string(tensorIndex) + " of shape " + shapeText(shape));
        !st)
        return st;
    if (bytes > h.capacity || !h.data) {
        const std::int64_t cap = std::max<std::int64_t>((bytes + kTensorAlignment - 1) / kTensorAlignment, 1) * kTensorAlignment;
        auto* p = static_cast<std::uint8_t*>(std::aligned_alloc(kTensorAlignment, static_cast<std::size_t>(cap)));
        if (!p)
            return Error{"cannot allocate " + std::to_string(bytes) + " bytes for tensor " + std::to_string(tensorIndex)};
        std::memset(p, 0, static_cast<std::size_t>(cap));
        std::free(h.data);
        h.data = p;
        h.capacity = cap;
    }
    t.shape = shape;
    t.bytes = bytes;
    t.data = h.data;
    return {};
}

bool SubgraphRunner::unchangedSincePrepare(std::size_t k) const
{
    const OpState& s = m_ops[k];
    if (!s.kernel)
        return false;
    const model::Operator& op = m_sg->operators[k];
    for (std::size_t i = 0; i < op.inputs.size(); ++i) {
        const int t = op.inputs[i];
        if (t >= 0 && m_tensors[static_cast<std::size_t>(t)].shape != s.inputShapes[i])
            return false;
    }
    for (std::size_t v = 0; v < s.valueInputs.size(); ++v) {
        const RtTensor& t = m_tensors[static_cast<std::size_t>(op.inputs[static_cast<std::size_t>(s.valueInputs[v])])];
        const auto& old = s.values[v];
        if (static_cast<std::int64_t>(old.size()) != t.bytes || (t.bytes && std::memcmp(old.data(), t.data, old.size())))
            return false;
    }
    return true;
}

int SubgraphRunner::deferredOperators() const
{
    int n = 0;
    for (const auto& s : m_ops)
        n += s.deferred;
    return n;
}

Status SubgraphRunner::run(std::vector<double>* opMillis)
{
    const model::Subgraph& sg = *m_sg;
    // Unless state is kept across invokes, every run starts from a zero state (LSTM states), so
    // outputs depend on the inputs alone. An 8-bit state starts at its zero point (real 0), as the
    // runtimes reset it.
    for (std::size_t i = 0; i < sg.tensors.size(); ++i)
        if (sg.tensors[i].isVariable && m_tensors[i].data && (!m_env.keepState || !m_stateInitialised)) {
            const RtTensor& t = m_tensors[i];
            const bool eightBit = t.dtype == model::DType::Int8 || t.dtype == model::DType::UInt8;
            std::memset(t.data, eightBit ? t.zeroPoint() & 0xFF : 0, static_cast<std::size_t>(t.bytes));
        }
    m_stateInitialised = true;
    if (opMillis)
        opMillis->assign(m_ops.size(), 0.0);
    const RunContext ctx{m_tensors, m_env.pool, this};
    for (std::size_t i = 0; i < m_ops.size(); ++i) {
        OpState& s = m_ops[i];
        if (s.folded)
            continue;
        const auto t0 = opMillis ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
        if (s.deferred && !unchangedSincePrepare(i)) {
            s.kernel.reset();
            if (auto st = prepareOperator(i, true); !st)
                return st;
        }
        if (auto st = s.kernel->run(ctx); !st)
            return Error{"operator " + std::to_string(i) + " (" + m_env.graph->opName(sg.operators[i]) +
                "): " + st.error().message};
        if (m_env.afterOperator)
            (*m_env.afterOperator)(m_index, static_cast<int>(i), m_tensors);
        if (opMillis)
            (*opMillis)[i] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    }
    return {};
}

Status RunContext::resize(int tensorIndex, const std::vector<std::int32_t>& shape) const
{
    if (!runner)
        return Error{"internal error: no runner to resize tensor " + std::to_string(tensorIndex)};
    return runner->resizeDynamic(tensorIndex, shape);
}

} // namespace ql::exec
