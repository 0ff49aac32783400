// SPDX-License-Identifier: MIT
#include "exec/interpreter.h"

#include "exec/planner.h"
#include "exec/thread_pool.h"
#include "model/validate.h"

#include <chrono>
#include <climits>
#include <cstdlib>
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

Interpreter::~Interpreter()
{
    std::free(m_arena);
}

Status Interpreter::prepare()
{
    const model::Graph& g = *m_graph;
    // Control-flow operators (WHILE, IF, CALL_ONCE) would run other subgraphs; they have no kernel,
    // so a model with several subgraphs runs only when subgraph 0 does not call them.
    const model::Subgraph& sg = g.main();
    m_inputs.assign(sg.inputs.begin(), sg.inputs.end());
    m_outputs.assign(sg.outputs.begin(), sg.outputs.end());

    const std::size_t n = sg.tensors.size();
    m_tensors.resize(n);
    m_ownedConstants.reserve(n); // tensors point into these: no reallocation of the outer vector either
    for (std::size_t i = 0; i < n; ++i) {
        const model::Tensor& t = sg.tensors[i];
        RtTensor& r = m_tensors[i];
        r.dtype = t.dtype;
        r.shape = t.shape;
        r.meta = &t;
        if (t.isSparse())
            return Error{model::describeTensor(sg, static_cast<int>(i)) + ": sparse tensors are not supported yet"};
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
            r.bytes = static_cast<std::int64_t>(data.size());
            const int bits = model::dtypeBits(t.dtype);
            const std::size_t align = bits >= 8 ? static_cast<std::size_t>(bits / 8) : 1;
            if (reinterpret_cast<std::uintptr_t>(data.data()) % align != 0) {
                m_ownedConstants.emplace_back(data.begin(), data.end());
                r.data = m_ownedConstants.back().data();
            } else {
                r.data = const_cast<std::uint8_t*>(data.data()); // kernels never write constants
            }
        } else {
            const auto bytes = model::denseBytes(t.dtype, t.elementCount());
            if (bytes < 0)
                return Error{model::describeTensor(sg, static_cast<int>(i)) + ": tensors of type " +
                    model::dtypeName(t.dtype) + " are not supported"};
            r.bytes = bytes;
        }
    }
    m_kernels.reserve(sg.operators.size());
    for (std::size_t i = 0; i < sg.operators.size(); ++i) {
        const model::Operator& op = sg.operators[i];
        NodeContext ctx(g, op, static_cast<int>(i), m_tensors, m_options.rounding);
        const auto code = g.opcodeOf(op);
        const PrepareFn prepareFn = findKernel(code);
        if (!prepareFn)
            return ctx.fail("this operator is not supported (" + ctx.dtypes() + ")");
        for (auto o : op.outputs)
            if (m_tensors[static_cast<std::size_t>(o)].constant)
                return ctx.fail("writes to tensor " + std::to_string(o) + ", which is a constant");
        auto kernel = prepareFn(ctx);
        if (!kernel)
            return kernel.error();
        // A DEQUANTIZE of a constant (float16 or int8 weights) runs once, here: its output becomes
        // a constant, so the consumers prepare (pack) float weights once.
        if (code == tflite::BuiltinOperator::DEQUANTIZE && ctx.hasInput(0) && ctx.in(0).constant) {
            RtTensor& out = ctx.out(0);
            m_ownedConstants.emplace_back(static_cast<std::size_t>(out.bytes));
            out.data = m_ownedConstants.back().data();
            if (auto st = kernel.value()->run(RunContext{m_tensors, nullptr}); !st)
                return ctx.fail(st.error().message);
            out.constant = true;
            m_kernels.push_back(nullptr);
            continue;
        }
        m_kernels.push_back(std::move(kernel.value()));
    }

    // Lifetimes in operator order: graph inputs and variables live from the start, outputs until the end.
    std::vector<PlanRequest> requests(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto& r = requests[i];
        r.bytes = m_tensors[i].constant ? 0 : m_tensors[i].bytes;
        r.first = INT_MAX;
        r.last = -1;
        if (sg.tensors[i].isVariable || m_options.keepIntermediates) {
            r.first = -1;
            r.last = INT_MAX;
        }
    }
    for (auto i : m_inputs)
        requests[static_cast<std::size_t>(i)].first = -1;
    for (auto i : m_outputs)
        requests[static_cast<std::size_t>(i)].last = INT_MAX;
    for (std::size_t k = 0; k < sg.operators.size(); ++k) {
        const int idx = static_cast<int>(k);
        const auto& op = sg.operators[k];
        for (auto t : op.inputs)
            if (t >= 0)
                requests[static_cast<std::size_t>(t)].last = std::max(requests[static_cast<std::size_t>(t)].last, idx);
        for (auto t : op.outputs) {
            auto& r = requests[static_cast<std::size_t>(t)];
            r.first = std::min(r.first, idx);
            r.last = std::max(r.last, idx);
        }
        for (auto t : op.intermediates) {
            auto& r = requests[static_cast<std::size_t>(t)];
            r.first = std::min(r.first, idx);
            r.last = std::max(r.last, idx);
        }
    }
    for (auto& r : requests)
        if (r.first == INT_MAX) // never written: an unused tensor, or an input to nothing
            r.first = -1;
    const Plan plan = planArena(requests);
    m_arenaBytes = plan.arenaBytes;
    m_arena = static_cast<std::uint8_t*>(std::aligned_alloc(
        kTensorAlignment, static_cast<std::size_t>(std::max<std::int64_t>(plan.arenaBytes, kTensorAlignment))));
    if (!m_arena)
        return Error{"cannot allocate " + std::to_string(plan.arenaBytes) + " bytes for the activations"};
    for (std::size_t i = 0; i < n; ++i)
        if (!m_tensors[i].constant)
            m_tensors[i].data = plan.offsets[i] >= 0 ? m_arena + plan.offsets[i] : nullptr;
    return {};
}

Status Interpreter::setInput(int i, model::DType dtype, std::span<const std::uint8_t> bytes)
{
    if (i < 0 || i >= inputCount())
        return Error{
            "the model has " + std::to_string(inputCount()) + " inputs; there is no input " + std::to_string(i)};
    RtTensor& t = m_tensors[static_cast<std::size_t>(m_inputs[static_cast<std::size_t>(i)])];
    const std::string name = "input " + std::to_string(i) + " '" + t.meta->name + "'";
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
    opMillis.assign(m_kernels.size(), 0.0);
    return run(&opMillis);
}

Status Interpreter::run(std::vector<double>* opMillis)
{
    const model::Subgraph& sg = m_graph->main();
    // Every run starts from a zero state (LSTM states), so outputs depend on the inputs alone. An
    // 8-bit state starts at its zero point (real 0), as the runtimes reset it.
    for (std::size_t i = 0; i < sg.tensors.size(); ++i)
        if (sg.tensors[i].isVariable && m_tensors[i].data) {
            const RtTensor& t = m_tensors[i];
            const bool eightBit = t.dtype == model::DType::Int8 || t.dtype == model::DType::UInt8;
            std::memset(t.data, eightBit ? t.zeroPoint() & 0xFF : 0, static_cast<std::size_t>(t.bytes));
        }
    const RunContext ctx{m_tensors, m_pool.get()};
    for (std::size_t i = 0; i < m_kernels.size(); ++i) {
        if (!m_kernels[i])
            continue; // folded at prepare
        const auto t0 = opMillis ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
        if (auto st = m_kernels[i]->run(ctx); !st)
            return Error{
                "operator " + std::to_string(i) + " (" + m_graph->opName(sg.operators[i]) + "): " + st.error().message};
        if (opMillis)
            (*opMillis)[i] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    }
    return {};
}

} // namespace ql::exec
