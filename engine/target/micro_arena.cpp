// SPDX-License-Identifier: MIT
#include "target/micro_arena.h"

#include <algorithm>
#include <map>
#include <optional>

namespace ql::target {

namespace {

using Op = tflite::BuiltinOperator;

constexpr std::int64_t kBufferAlignment = 16; // tflite-micro's arena buffer alignment

std::int64_t alignUp(std::int64_t v, std::int64_t a)
{
    return (v + a - 1) / a * a;
}

// What tflite-micro's reference kernel of an operator keeps: its parsed options (size and alignment; 0: the
// parser allocates none) and the data its Init() allocates (0: none).
struct KernelSizes {
    int optionsBytes = 0, optionsAlign = 4;
    int initBytes = 0;
};

std::optional<KernelSizes> kernelSizes(Op op)
{
    switch (op) {
    case Op::CONV_2D:
    case Op::DEPTHWISE_CONV_2D: return KernelSizes{28, 4, 72};
    case Op::FULLY_CONNECTED: return KernelSizes{16, 4, 64};
    case Op::AVERAGE_POOL_2D:
    case Op::MAX_POOL_2D: return KernelSizes{40, 4, 32};
    case Op::SOFTMAX: return KernelSizes{4, 4, 80};
    case Op::RESHAPE: return KernelSizes{36, 4, 0};
    case Op::ADD: return KernelSizes{8, 4, 60};
    case Op::MUL: return KernelSizes{4, 4, 36};
    case Op::MEAN: return KernelSizes{1, 1, 44};
    case Op::CONCATENATION: return KernelSizes{8, 4, 40};
    case Op::UNIDIRECTIONAL_SEQUENCE_LSTM: return KernelSizes{16, 4, 688};
    case Op::QUANTIZE:
    case Op::DEQUANTIZE: return KernelSizes{0, 4, 32};
    case Op::LOGISTIC: return KernelSizes{0, 4, 16};
    default: return std::nullopt;
    }
}

// The persistent part grows down from the arena's (16-aligned) end: each allocation takes its size, then
// the padding its alignment needs below it. Parts are totalled by name.
class Tail {
public:
    void take(const std::string& part, std::int64_t bytes, std::int64_t align)
    {
        const std::int64_t after = alignUp(m_used + bytes, align);
        auto it = std::find_if(m_parts.begin(), m_parts.end(), [&](const ArenaPart& p) { return p.name == part; });
        if (it == m_parts.end())
            it = m_parts.insert(m_parts.end(), ArenaPart{part, 0});
        it->bytes += after - m_used;
        m_used = after;
    }
    std::int64_t used() const { return m_used; }
    std::vector<ArenaPart> parts() const { return m_parts; }

private:
    std::int64_t m_used = 0;
    std::vector<ArenaPart> m_parts;
};

std::int64_t tensorBytes(const model::Tensor& t)
{
    const std::int64_t b = model::denseBytes(t.dtype, t.elementCount());
    return b < 0 ? 0 : b;
}

// The scratch buffers an operator asks for in Prepare(), and the arrays it keeps (per-channel requantization,
// lookup tables), which go to the tail right away.
void prepare(const model::Graph& g, const model::Operator& op, Op code, Tail& tail, std::vector<std::int64_t>& scratch)
{
    const auto& t = g.main().tensors;
    auto in = [&](std::size_t k) -> const model::Tensor* {
        return k < op.inputs.size() && op.inputs[k] >= 0 ? &t[static_cast<std::size_t>(op.inputs[k])] : nullptr;
    };
    auto channelArrays = [&](std::int64_t channels) {
        tail.take("per-channel requantization", 4 * channels, kBufferAlignment); // multipliers
        tail.take("per-channel requantization", 4 * channels, kBufferAlignment); // shifts
    };
    switch (code) {
    case Op::CONV_2D:
        if (const auto* f = in(1); f && !f->shape.empty())
            channelArrays(f->shape[0]);
        break;
    case Op::DEPTHWISE_CONV_2D:
        if (const auto* f = in(1); f && f->shape.size() == 4)
            channelArrays(f->shape[3]);
        break;
    case Op::FULLY_CONNECTED:
        // Only integer inputs with per-channel weights.
        if (const auto *x = in(0), *f = in(1);
            x && f && x->dtype != model::DType::Float32 && f->quantization.scale.size() > 1)
            channelArrays(static_cast<std::int64_t>(f->quantization.scale.size()));
        break;
    case Op::SOFTMAX:
        if (const auto* x = in(0); x && x->dtype == model::DType::Int16) {
            tail.take("lookup tables", 2 * 513, kBufferAlignment);
            tail.take("lookup tables", 2 * 513, kBufferAlignment);
        }
        break;
    case Op::MEAN:
        if (const auto *x = in(0), *axis = in(1); x && axis && !op.outputs.empty()) {
            const auto& y = t[static_cast<std::size_t>(op.outputs[0])];
            if (x->dtype == model::DType::Int8 || x->dtype == model::DType::Int16)
                scratch.push_back(4 * y.elementCount());
            scratch.push_back(4 * static_cast<std::int64_t>(x->shape.size()));
            scratch.push_back(4 * axis->elementCount());
        }
        break;
    case Op::UNIDIRECTIONAL_SEQUENCE_LSTM:
        if (const auto *x = in(0), *hidden = in(18), *cell = in(19); x && hidden && cell && x->shape.size() >= 2 &&
            !hidden->shape.empty()) {
            const auto* o = op.options.AsUnidirectionalSequenceLSTMOptions();
            const bool timeMajor = o && o->time_major;
            const std::int64_t batch = timeMajor ? x->shape[1] : x->shape[0];
            const std::int64_t state = hidden->shape.back();
            for (int k = 0; k < 4; ++k) // the gates' outputs
                scratch.push_back(batch * state * model::denseBytes(cell->dtype, 1));
        }
        break;
    default: break;
    }
}

// tflite-micro's greedy planner: largest first (equal sizes: the last added first), each at the lowest
// offset where it overlaps, in time, nothing already placed.
std::int64_t placeGreedy(std::vector<ArenaBuffer>& buffers)
{
    std::vector<std::size_t> order(buffers.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = order.size() - 1 - i;
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return buffers[a].bytes > buffers[b].bytes; });
    std::vector<std::size_t> placed; // by offset; equal offsets in placing order
    std::int64_t size = 0;
    for (const std::size_t i : order) {
        ArenaBuffer& b = buffers[i];
        std::int64_t at = 0;
        for (const std::size_t j : placed) {
            const ArenaBuffer& o = buffers[j];
            if (o.first > b.last || b.first > o.last)
                continue; // never alive together
            if (o.offset - at >= b.bytes)
                break; // fits below it
            at = std::max(at, o.offset + o.bytes);
        }
        b.offset = at;
        const auto pos = std::upper_bound(placed.begin(), placed.end(), at,
            [&](std::int64_t offset, std::size_t j) { return offset < buffers[j].offset; });
        placed.insert(pos, i);
        size = std::max(size, at + b.bytes);
    }
    return size;
}

} // namespace

Result<MicroArena> microArena(const model::Graph& g)
{
    if (g.subgraphs.size() != 1)
        return Error{"tflite-micro arena: models with " + std::to_string(g.subgraphs.size()) +
            " subgraphs (control flow) are not modelled"};
    const auto& sg = g.main();
    MicroArena out;
    Tail tail;
    // The interpreter's allocator, memory planner and their helpers (72, 72, 72 and 16 bytes).
    for (const int bytes : {72, 72, 72, 16})
        tail.take("interpreter objects", bytes, 8);
    tail.take("interpreter objects", 16, 8); // the subgraph's allocation record
    tail.take("tensor records", 24 * static_cast<std::int64_t>(sg.tensors.size()), 8);
    tail.take("operator records", 64 * static_cast<std::int64_t>(sg.operators.size()), 8);
    std::vector<Op> codes;
    for (const auto& op : sg.operators) {
        const Op code = g.opcodeOf(op);
        codes.push_back(code);
        const auto sizes = kernelSizes(code);
        if (!sizes) {
            const std::string name = g.opName(op);
            if (std::find(out.unknown.begin(), out.unknown.end(), name) == out.unknown.end())
                out.unknown.push_back(name);
            continue;
        }
        if (sizes->optionsBytes > 0)
            tail.take("operator options", sizes->optionsBytes, sizes->optionsAlign);
    }
    for (std::size_t i = 0; i < sg.operators.size(); ++i)
        if (const auto sizes = kernelSizes(codes[i]); sizes && sizes->initBytes > 0)
            tail.take("kernel data", sizes->initBytes, kBufferAlignment);
    std::vector<std::pair<std::int64_t, int>> scratch; // bytes, operator
    for (std::size_t i = 0; i < sg.operators.size(); ++i) {
        std::vector<std::int64_t> asked;
        prepare(g, sg.operators[i], codes[i], tail, asked);
        for (const auto b : asked)
            scratch.emplace_back(b, static_cast<int>(i));
    }
    if (!scratch.empty())
        tail.take("scratch buffer handles", 8 * static_cast<std::int64_t>(scratch.size()), 8);
    for (const auto& t : sg.tensors)
        if (t.isVariable)
            tail.take("variable tensors", tensorBytes(t), kBufferAlignment);

    // Lifetimes: the inputs at step 0, operator i at step i + 1, the outputs to the end.
    const auto n = sg.tensors.size();
    std::vector<int> first(n, -1), last(n, -1);
    for (const int t : sg.inputs) {
        if (first[static_cast<std::size_t>(t)] < 0)
            first[static_cast<std::size_t>(t)] = 0;
        last[static_cast<std::size_t>(t)] = 0;
    }
    int step = 0;
    for (const auto& op : sg.operators) {
        ++step;
        for (const int t : op.outputs)
            if (t >= 0 && first[static_cast<std::size_t>(t)] < 0)
                first[static_cast<std::size_t>(t)] = step;
        for (const int t : op.inputs)
            if (t >= 0)
                last[static_cast<std::size_t>(t)] = step;
        for (const int t : op.outputs)
            if (t >= 0)
                last[static_cast<std::size_t>(t)] = step;
    }
    for (const int t : sg.outputs) {
        if (first[static_cast<std::size_t>(t)] < 0)
            first[static_cast<std::size_t>(t)] = step;
        last[static_cast<std::size_t>(t)] = step;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const auto& t = sg.tensors[i];
        const std::int64_t bytes = tensorBytes(t);
        if (g.isConstant(t) || t.isVariable || bytes == 0)
            continue;
        out.buffers.push_back({static_cast<int>(i), -1, alignUp(bytes, kBufferAlignment), first[i], last[i], 0});
    }
    for (const auto& [bytes, op] : scratch)
        out.buffers.push_back({-1, op, alignUp(bytes, kBufferAlignment), op + 1, op + 1, 0});
    out.plan = placeGreedy(out.buffers);

    // The descriptions of the inputs and then the outputs the application reads and writes.
    for (const auto* list : {&sg.inputs, &sg.outputs}) {
        const std::string part = list == &sg.inputs ? "input descriptions" : "output descriptions";
        tail.take(part, 8 * static_cast<std::int64_t>(list->size()), kBufferAlignment);
        for (const int i : *list) {
            const auto& q = sg.tensors[static_cast<std::size_t>(i)].quantization;
            tail.take(part, 64, 8);
            if (!q.scale.empty() && !q.zeroPoint.empty()) {
                tail.take(part, 24, 8);
                tail.take(part, 4 + 4 * static_cast<std::int64_t>(q.zeroPoint.size()), 4);
            }
        }
    }
    out.persistent = tail.used();
    out.parts = tail.parts();
    out.liveBytes.assign(static_cast<std::size_t>(step) + 1, 0);
    for (const auto& b : out.buffers)
        for (int s = std::max(0, b.first); s <= b.last && s <= step; ++s)
            out.liveBytes[static_cast<std::size_t>(s)] += b.bytes;
    return out;
}

} // namespace ql::target
