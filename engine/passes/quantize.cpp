// SPDX-License-Identifier: MIT
#include "passes/quantize.h"

#include "exec/half.h"
#include "model/summary.h"
#include "quant/params.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <set>

namespace ql::passes {

using model::DType;
using Op = tflite::BuiltinOperator;

std::string modeName(Mode m)
{
    switch (m) {
    case Mode::Float32: return "float32";
    case Mode::Float16: return "float16";
    case Mode::Dynamic: return "dynamic";
    case Mode::Int8: return "int8";
    case Mode::Int16x8: return "16x8";
    }
    return "?";
}

Result<Mode> parseMode(const std::string& text)
{
    for (Mode m : {Mode::Float32, Mode::Float16, Mode::Dynamic, Mode::Int8, Mode::Int16x8})
        if (text == modeName(m))
            return m;
    return Error{"mode must be float32, float16, dynamic, int8 or 16x8, got '" + text + "'"};
}

Result<IoType> parseIo(const std::string& text, Mode m)
{
    if (text == "float")
        return IoType::Float;
    if (m == Mode::Int8 && text == "int8")
        return IoType::Native;
    if (m == Mode::Int8 && text == "uint8")
        return IoType::UInt8;
    if (m == Mode::Int16x8 && text == "int16")
        return IoType::Native;
    if (m == Mode::Int8)
        return Error{"--io must be int8, uint8 or float for int8, got '" + text + "'"};
    if (m == Mode::Int16x8)
        return Error{"--io must be int16 or float for 16x8, got '" + text + "'"};
    return Error{"--io applies to the int8 and 16x8 modes only"};
}

bool needsCalibration(Mode m)
{
    return m == Mode::Int8 || m == Mode::Int16x8;
}

namespace {

template <class T> std::vector<std::uint8_t> toBytes(const std::vector<T>& v)
{
    std::vector<std::uint8_t> b(v.size() * sizeof(T));
    if (!v.empty())
        std::memcpy(b.data(), v.data(), b.size());
    return b;
}

std::vector<float> floatsOf(const model::Graph& g, const model::Tensor& t)
{
    const auto d = g.tensorData(t);
    std::vector<float> v(d.size() / 4);
    if (!v.empty())
        std::memcpy(v.data(), d.data(), v.size() * 4);
    return v;
}

std::uint32_t addBuffer(model::Graph& g, std::vector<std::uint8_t> bytes)
{
    g.buffers.push_back(model::Buffer::fromOwned(std::move(bytes)));
    return static_cast<std::uint32_t>(g.buffers.size() - 1);
}

std::uint32_t opcodeFor(model::Graph& g, Op op, int version = 1)
{
    for (std::size_t i = 0; i < g.opcodes.size(); ++i)
        if (g.opcodes[i].builtin == op && g.opcodes[i].customCode.empty()) {
            g.opcodes[i].version = std::max(g.opcodes[i].version, version);
            return static_cast<std::uint32_t>(i);
        }
    model::OperatorCode c;
    c.builtin = op;
    c.version = version;
    g.opcodes.push_back(c);
    return static_cast<std::uint32_t>(g.opcodes.size() - 1);
}

void setQuant(model::Tensor& t, const quant::Params& p)
{
    t.quantization = {};
    t.quantization.scale = p.scale;
    t.quantization.zeroPoint = p.zeroPoint;
    t.quantization.quantizedDimension = p.perChannel() ? p.axis : 0;
}

// Drops tensors nothing refers to (the float weights a pass replaced), renumbering the rest.
void dropUnusedTensors(model::Graph& g)
{
    model::Subgraph& sg = g.subgraphs.front();
    std::vector<bool> used(sg.tensors.size(), false);
    auto mark = [&](std::int32_t t) {
        if (t >= 0)
            used[static_cast<std::size_t>(t)] = true;
    };
    for (const auto& op : sg.operators) {
        std::for_each(op.inputs.begin(), op.inputs.end(), mark);
        std::for_each(op.outputs.begin(), op.outputs.end(), mark);
        std::for_each(op.intermediates.begin(), op.intermediates.end(), mark);
    }
    std::for_each(sg.inputs.begin(), sg.inputs.end(), mark);
    std::for_each(sg.outputs.begin(), sg.outputs.end(), mark);
    for (const auto& sig : g.signatureDefs)
        if (sig.subgraphIndex == 0) {
            for (const auto& t : sig.inputs)
                mark(static_cast<std::int32_t>(t.tensorIndex));
            for (const auto& t : sig.outputs)
                mark(static_cast<std::int32_t>(t.tensorIndex));
        }
    std::vector<std::int32_t> remap(sg.tensors.size(), -1);
    std::vector<model::Tensor> kept;
    for (std::size_t i = 0; i < sg.tensors.size(); ++i)
        if (used[i]) {
            remap[i] = static_cast<std::int32_t>(kept.size());
            kept.push_back(std::move(sg.tensors[i]));
        }
    sg.tensors = std::move(kept);
    auto apply = [&](std::int32_t& t) {
        if (t >= 0)
            t = remap[static_cast<std::size_t>(t)];
    };
    for (auto& op : sg.operators) {
        std::for_each(op.inputs.begin(), op.inputs.end(), apply);
        std::for_each(op.outputs.begin(), op.outputs.end(), apply);
        std::for_each(op.intermediates.begin(), op.intermediates.end(), apply);
    }
    std::for_each(sg.inputs.begin(), sg.inputs.end(), apply);
    std::for_each(sg.outputs.begin(), sg.outputs.end(), apply);
    for (auto& sig : g.signatureDefs)
        if (sig.subgraphIndex == 0) {
            for (auto& t : sig.inputs)
                t.tensorIndex = static_cast<std::uint32_t>(remap[t.tensorIndex]);
            for (auto& t : sig.outputs)
                t.tensorIndex = static_cast<std::uint32_t>(remap[t.tensorIndex]);
        }
}

// Drops buffers no tensor or metadata refers to (the float weights a pass replaced), renumbering.
void dropUnusedBuffers(model::Graph& g)
{
    std::vector<bool> used(g.buffers.size(), false);
    used[0] = true;
    for (const auto& sg : g.subgraphs)
        for (const auto& t : sg.tensors)
            used[t.buffer] = true;
    for (const auto& m : g.metadata)
        used[m.buffer] = true;
    for (auto b : g.metadataBuffer)
        if (b >= 0 && static_cast<std::size_t>(b) < used.size())
            used[static_cast<std::size_t>(b)] = true;
    std::vector<std::uint32_t> remap(g.buffers.size(), 0);
    std::vector<model::Buffer> kept;
    for (std::size_t i = 0; i < g.buffers.size(); ++i)
        if (used[i]) {
            remap[i] = static_cast<std::uint32_t>(kept.size());
            kept.push_back(g.buffers[i]);
        }
    g.buffers = std::move(kept);
    for (auto& sg : g.subgraphs)
        for (auto& t : sg.tensors)
            t.buffer = remap[t.buffer];
    for (auto& m : g.metadata)
        m.buffer = remap[m.buffer];
    for (auto& b : g.metadataBuffer)
        if (b >= 0)
            b = static_cast<std::int32_t>(remap[static_cast<std::size_t>(b)]);
}

// Where the weights of a weighted operator are, and along which axis their channels run.
struct WeightSlot {
    int weight = -1, bias = -1, activation = 0;
    int axis = 0;
};

std::optional<WeightSlot> weightSlot(Op op)
{
    switch (op) {
    case Op::CONV_2D: return WeightSlot{1, 2, 0, 0};
    case Op::DEPTHWISE_CONV_2D: return WeightSlot{1, 2, 0, 3};
    case Op::FULLY_CONNECTED: return WeightSlot{1, 2, 0, 0};
    case Op::TRANSPOSE_CONV: return WeightSlot{1, 3, 2, 0};
    default: return std::nullopt;
    }
}

bool sameScaleOp(Op op)
{
    switch (op) {
    case Op::MAX_POOL_2D:
    case Op::AVERAGE_POOL_2D:
    case Op::RESHAPE:
    case Op::SQUEEZE:
    case Op::EXPAND_DIMS:
    case Op::PAD:
    case Op::PADV2:
    case Op::TRANSPOSE:
    case Op::STRIDED_SLICE:
    case Op::SLICE:
    case Op::GATHER:
    case Op::SPLIT:
    case Op::PACK:
    case Op::MAXIMUM:
    case Op::MINIMUM:
    case Op::REDUCE_MAX:
    case Op::RESIZE_BILINEAR:
    case Op::RESIZE_NEAREST_NEIGHBOR: return true;
    default: return false;
    }
}

bool integerKernel(Op op, Mode m)
{
    switch (op) {
    case Op::CONV_2D:
    case Op::DEPTHWISE_CONV_2D:
    case Op::FULLY_CONNECTED:
    case Op::ADD:
    case Op::SUB:
    case Op::MUL:
    case Op::AVERAGE_POOL_2D:
    case Op::MAX_POOL_2D:
    case Op::RESHAPE:
    case Op::SQUEEZE:
    case Op::EXPAND_DIMS:
    case Op::PAD:
    case Op::CONCATENATION:
    case Op::LOGISTIC:
    case Op::TANH:
    case Op::RELU:
    case Op::RELU6:
    case Op::LEAKY_RELU:
    case Op::MEAN:
    case Op::STRIDED_SLICE:
    case Op::TRANSPOSE: return true;
    case Op::TRANSPOSE_CONV:
    case Op::HARD_SWISH:
    case Op::PADV2:
    case Op::MAXIMUM:
    case Op::MINIMUM:
    case Op::SLICE:
    case Op::GATHER:
    case Op::SPLIT:
    case Op::PACK:
    case Op::RESIZE_NEAREST_NEIGHBOR:
    case Op::ARG_MAX:
    case Op::SOFTMAX: return m == Mode::Int8; // no int16 SOFTMAX kernel yet: it stays float in 16x8

    default: return false;
    }
}

// Outputs whose parameters the runtimes fix.
std::optional<quant::Params> fixedOutput(Op op, Mode m)
{
    auto p = [](float s, std::int64_t z) {
        quant::Params q;
        q.scale = {s};
        q.zeroPoint = {z};
        return q;
    };
    if (m == Mode::Int16x8) {
        if (op == Op::SOFTMAX || op == Op::LOGISTIC || op == Op::TANH)
            return p(1.0f / 32768, 0);
        return std::nullopt;
    }
    if (op == Op::SOFTMAX || op == Op::LOGISTIC)
        return p(1.0f / 256, -128);
    if (op == Op::TANH)
        return p(1.0f / 128, 0);
    return std::nullopt;
}

bool matchesKeep(const model::Graph& g, const model::Subgraph& sg, int i, const std::vector<std::string>& keep)
{
    const model::Operator& op = sg.operators[static_cast<std::size_t>(i)];
    for (const auto& k : keep) {
        if (k == std::to_string(i) || k == g.opName(op))
            return true;
        for (auto o : op.outputs)
            if (o >= 0 && sg.tensors[static_cast<std::size_t>(o)].name == k)
                return true;
    }
    return false;
}

std::string describe(const QuantizeOptions& o)
{
    std::string d = "QuantLens " QUANTLENS_VERSION_STRING ": mode " + modeName(o.mode);
    if (o.mode == Mode::Int8 || o.mode == Mode::Int16x8) {
        d += o.io == IoType::Float ? ", float I/O" : o.io == IoType::UInt8 ? ", uint8 I/O" : "";
        d += o.perChannel ? ", per-channel weights" : ", per-tensor weights";
        d += ", calibration " + o.calibration.describe() + " on " + std::to_string(o.calibration.samples) +
            " samples" + (o.calibrationSource.empty() ? "" : " of " + o.calibrationSource);
    }
    if (o.mode == Mode::Dynamic)
        d += ", weights of " + std::to_string(o.dynamicMinElements) + "+ elements";
    if (!o.keepFloat.empty()) {
        d += ", kept float:";
        for (const auto& k : o.keepFloat)
            d += " " + k;
    }
    return d;
}

// ---------------------------------------------------------------------------------------------
// float16: every float32 constant becomes a float16 constant feeding a DEQUANTIZE.

Result<QuantizeResult> toFloat16(const model::Graph& in)
{
    QuantizeResult r;
    r.graph = in;
    model::Graph& g = r.graph;
    model::Subgraph& sg = g.subgraphs.front();
    std::vector<model::Operator> dequantizes;
    const std::uint32_t dq = opcodeFor(g, Op::DEQUANTIZE, 3);
    std::set<int> used;
    for (const auto& op : sg.operators)
        for (auto i : op.inputs)
            if (i >= 0)
                used.insert(i);
    for (int t : used) {
        model::Tensor& src = sg.tensors[static_cast<std::size_t>(t)];
        if (src.dtype != DType::Float32 || !g.isConstant(src) || src.isSparse())
            continue;
        const auto v = floatsOf(g, src);
        std::vector<std::uint16_t> h(v.size());
        for (std::size_t k = 0; k < v.size(); ++k)
            h[k] = exec::floatToHalf(v[k]);
        model::Tensor half = src;
        half.name = src.name + "_fp16";
        half.dtype = DType::Float16;
        half.buffer = addBuffer(g, toBytes(h));
        sg.tensors.push_back(half);
        sg.tensors[static_cast<std::size_t>(t)].buffer = 0;
        model::Operator op;
        op.opcodeIndex = dq;
        op.inputs = {static_cast<std::int32_t>(sg.tensors.size() - 1)};
        op.outputs = {t};
        dequantizes.push_back(op);
    }
    sg.operators.insert(sg.operators.begin(), dequantizes.begin(), dequantizes.end());
    return r;
}

// ---------------------------------------------------------------------------------------------
// Dynamic range: int8 weights for the weighted operators, float activations.

Result<QuantizeResult> toDynamic(const model::Graph& in, const QuantizeOptions& o)
{
    QuantizeResult r;
    r.graph = in;
    model::Graph& g = r.graph;
    model::Subgraph& sg = g.subgraphs.front();
    for (std::size_t i = 0; i < sg.operators.size(); ++i) {
        model::Operator& op = sg.operators[i];
        const Op code = g.opcodeOf(op);
        const auto slot = weightSlot(code);
        if (!slot || code == Op::TRANSPOSE_CONV || matchesKeep(in, in.main(), static_cast<int>(i), o.keepFloat))
            continue;
        if (static_cast<int>(op.inputs.size()) <= slot->weight || op.inputs[static_cast<std::size_t>(slot->weight)] < 0)
            continue;
        const int wi = op.inputs[static_cast<std::size_t>(slot->weight)];
        const model::Tensor& w = sg.tensors[static_cast<std::size_t>(wi)];
        if (w.dtype != DType::Float32 || !g.isConstant(w) || w.elementCount() < o.dynamicMinElements)
            continue;
        const bool perChannel = code == Op::FULLY_CONNECTED ? o.perChannelDense : o.perChannel;
        const quant::Scheme s{8, true, perChannel};
        const auto v = floatsOf(g, w);
        const quant::Params p = quant::weightParams(v, w.shape, slot->axis, s);
        const auto q = quant::quantizeValues(v, w.shape, p, s);
        std::vector<std::int8_t> bytes(q.begin(), q.end());
        model::Tensor qw = w;
        qw.dtype = DType::Int8;
        qw.buffer = addBuffer(g, toBytes(bytes));
        setQuant(qw, p);
        sg.tensors.push_back(qw);
        op.inputs[static_cast<std::size_t>(slot->weight)] = static_cast<std::int32_t>(sg.tensors.size() - 1);
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// Full integer (int8 or 16x8).

class IntegerPass {
public:
    IntegerPass(const model::Graph& in, const QuantizeOptions& o, const std::vector<quant::TensorRange>& ranges)
        : m_in(in)
        , m_o(o)
        , m_ranges(ranges)
        , m_int16(o.mode == Mode::Int16x8)
        , m_act{m_int16 ? 16 : 8, m_int16, false}
    {
    }

    Result<QuantizeResult> run();

private:
    DType actType() const { return m_int16 ? DType::Int16 : DType::Int8; }
    model::Subgraph& sg() { return m_r.graph.subgraphs.front(); }
    int addTensor(model::Tensor t)
    {
        sg().tensors.push_back(std::move(t));
        return static_cast<int>(sg().tensors.size() - 1);
    }
    void emit(Op code, std::vector<std::int32_t> inputs, std::vector<std::int32_t> outputs, int version = 1)
    {
        model::Operator op;
        op.opcodeIndex = opcodeFor(m_r.graph, code, version);
        op.inputs = std::move(inputs);
        op.outputs = std::move(outputs);
        m_ops.push_back(std::move(op));
    }
    Result<quant::Params> paramsFor(int t);
    Result<int> quantized(int t); // the quantized version of float tensor t
    int dequantized(int t); // the float version of tensor t
    Result<int> quantizeConstant(int t, const quant::Params* fixed = nullptr);
    Status quantizeWeights(model::Operator& op, const WeightSlot& slot, int opIndex);

    const model::Graph& m_in;
    const QuantizeOptions& m_o;
    const std::vector<quant::TensorRange>& m_ranges;
    bool m_int16;
    quant::Scheme m_act;
    QuantizeResult m_r;
    std::vector<model::Operator> m_ops;
    std::vector<bool> m_isFloatActivation; // float32, not constant
    std::vector<char> m_domain; // 'q': the tensor itself is quantized; 'f': it is float
    std::map<int, int> m_qVersion, m_fVersion;
    std::map<int, quant::Params> m_params; // decided parameters of original tensors
};

Result<quant::Params> IntegerPass::paramsFor(int t)
{
    if (auto it = m_params.find(t); it != m_params.end())
        return it->second;
    if (static_cast<std::size_t>(t) >= m_ranges.size() || !m_ranges[static_cast<std::size_t>(t)].valid)
        return Error{"tensor " + std::to_string(t) + " ('" + m_in.main().tensors[static_cast<std::size_t>(t)].name +
            "') has no calibrated range"};
    const auto& r = m_ranges[static_cast<std::size_t>(t)];
    quant::Params p = quant::activationParams(r.lo, r.hi, m_act);
    m_params[t] = p;
    return p;
}

Result<int> IntegerPass::quantized(int t)
{
    if (m_domain[static_cast<std::size_t>(t)] == 'q')
        return t;
    if (auto it = m_qVersion.find(t); it != m_qVersion.end())
        return it->second;
    auto p = paramsFor(t);
    if (!p)
        return p.error();
    model::Tensor q = sg().tensors[static_cast<std::size_t>(t)];
    q.name += m_int16 ? "_int16" : "_int8";
    q.dtype = actType();
    q.buffer = 0;
    setQuant(q, *p);
    const int qi = addTensor(q);
    emit(Op::QUANTIZE, {t}, {qi}, m_int16 ? 3 : 2);
    m_qVersion[t] = qi;
    return qi;
}

int IntegerPass::dequantized(int t)
{
    if (m_domain[static_cast<std::size_t>(t)] == 'f')
        return t;
    if (auto it = m_fVersion.find(t); it != m_fVersion.end())
        return it->second;
    model::Tensor f = sg().tensors[static_cast<std::size_t>(t)];
    f.name += "_float";
    f.dtype = DType::Float32;
    f.quantization = {};
    const int fi = addTensor(f);
    emit(Op::DEQUANTIZE, {t}, {fi}, m_int16 ? 4 : 2);
    m_fVersion[t] = fi;
    return fi;
}

// A float constant that is not a weight (e.g. the other operand of ADD): quantized with its own
// range, like an activation.
Result<int> IntegerPass::quantizeConstant(int t, const quant::Params* fixed)
{
    const model::Tensor& src = sg().tensors[static_cast<std::size_t>(t)];
    const auto v = floatsOf(m_r.graph, src);
    float lo = 0, hi = 0;
    for (float x : v) {
        lo = std::min(lo, x);
        hi = std::max(hi, x);
    }
    const quant::Params p = fixed ? *fixed : quant::activationParams(lo, hi, m_act);
    const auto q = quant::quantizeValues(v, src.shape, p, m_act);
    model::Tensor c = src;
    c.dtype = actType();
    if (m_int16) {
        std::vector<std::int16_t> b(q.begin(), q.end());
        c.buffer = addBuffer(m_r.graph, toBytes(b));
    } else {
        std::vector<std::int8_t> b(q.begin(), q.end());
        c.buffer = addBuffer(m_r.graph, toBytes(b));
    }
    setQuant(c, p);
    return addTensor(c);
}

Status IntegerPass::quantizeWeights(model::Operator& op, const WeightSlot& slot, int opIndex)
{
    const std::string where = "operator " + std::to_string(opIndex) + " (" + m_in.opName(op) + ")";
    const int wi = op.inputs[static_cast<std::size_t>(slot.weight)];
    const model::Tensor w = sg().tensors[static_cast<std::size_t>(wi)];
    const bool perChannel = m_in.opcodeOf(op) == Op::FULLY_CONNECTED ? m_o.perChannelDense : m_o.perChannel;
    const quant::Scheme ws{8, true, perChannel};
    const auto v = floatsOf(m_r.graph, w);
    quant::Params wp = quant::weightParams(v, w.shape, slot.axis, ws);
    const int bias = static_cast<int>(op.inputs.size()) > slot.bias && slot.bias >= 0
        ? op.inputs[static_cast<std::size_t>(slot.bias)]
        : -1;
    const int act = op.inputs[static_cast<std::size_t>(slot.activation)];
    const float inScale = sg().tensors[static_cast<std::size_t>(act)].quantization.scale.at(0);
    if (bias >= 0 && !m_int16) {
        const model::Tensor& b = sg().tensors[static_cast<std::size_t>(bias)];
        if (b.dtype == DType::Float32 && m_r.graph.isConstant(b))
            if (const int n = quant::adjustForBias(wp, floatsOf(m_r.graph, b), inScale, ws))
                m_r.notes.push_back(where + ": " + std::to_string(n) +
                    " weight channel(s) got a larger scale so that their bias fits in int32 (the converter's rule)");
    }
    const auto q = quant::quantizeValues(v, w.shape, wp, ws);
    model::Tensor qw = w;
    qw.dtype = DType::Int8;
    qw.buffer = addBuffer(m_r.graph, toBytes(std::vector<std::int8_t>(q.begin(), q.end())));
    setQuant(qw, wp);
    op.inputs[static_cast<std::size_t>(slot.weight)] = addTensor(qw);
    if (slot.bias < 0 || static_cast<int>(op.inputs.size()) <= slot.bias || op.inputs[static_cast<std::size_t>(slot.bias)] < 0)
        return {};
    const int bi = op.inputs[static_cast<std::size_t>(slot.bias)];
    const model::Tensor b = sg().tensors[static_cast<std::size_t>(bi)];
    if (b.dtype != DType::Float32 || !m_in.isConstant(m_in.main().tensors[static_cast<std::size_t>(bi)]))
        return Error{where + ": the bias is not a float constant"};
    const auto bq = quant::quantizeBias(floatsOf(m_r.graph, b), inScale, wp.scale, m_int16 ? 64 : 32);
    model::Tensor qb = b;
    quant::Params bp;
    bp.axis = 0;
    for (std::size_t c = 0; c < (wp.perChannel() ? wp.scale.size() : 1); ++c) {
        bp.scale.push_back(inScale * wp.scale[c]);
        bp.zeroPoint.push_back(0);
    }
    if (m_int16) {
        qb.dtype = DType::Int64;
        qb.buffer = addBuffer(m_r.graph, toBytes(bq));
    } else {
        qb.dtype = DType::Int32;
        std::vector<std::int32_t> b32(bq.begin(), bq.end());
        qb.buffer = addBuffer(m_r.graph, toBytes(b32));
    }
    setQuant(qb, bp);
    op.inputs[static_cast<std::size_t>(slot.bias)] = addTensor(qb);
    return {};
}

Result<QuantizeResult> IntegerPass::run()
{
    m_r.graph = m_in;
    const model::Subgraph& src = m_in.main();
    const std::size_t nT = src.tensors.size();
    m_isFloatActivation.assign(nT, false);
    for (std::size_t t = 0; t < nT; ++t)
        m_isFloatActivation[t] = src.tensors[t].dtype == DType::Float32 && !m_in.isConstant(src.tensors[t]);
    m_domain.assign(nT, 'f');

    // Which operators become integer.
    std::vector<bool> integer(src.operators.size(), false);
    for (std::size_t i = 0; i < src.operators.size(); ++i) {
        const model::Operator& op = src.operators[i];
        const Op code = m_in.opcodeOf(op);
        bool touchesFloat = false;
        for (auto t : op.outputs)
            touchesFloat |= t >= 0 && m_isFloatActivation[static_cast<std::size_t>(t)];
        if (!touchesFloat)
            continue; // integer-only bookkeeping (SHAPE of an int32 tensor, ...)
        if (matchesKeep(m_in, src, static_cast<int>(i), m_o.keepFloat)) {
            m_r.floatOperators.push_back(static_cast<int>(i));
            continue;
        }
        if (!integerKernel(code, m_o.mode)) {
            m_r.floatOperators.push_back(static_cast<int>(i));
            m_r.notes.push_back("operator " + std::to_string(i) + " (" + m_in.opName(op) + ") stays float: no " +
                (m_int16 ? std::string("16x8") : std::string("int8")) + " kernel");
            continue;
        }
        if (auto slot = weightSlot(code)) {
            const int wi = static_cast<int>(op.inputs.size()) > slot->weight ? op.inputs[static_cast<std::size_t>(slot->weight)] : -1;
            if (wi < 0 || src.tensors[static_cast<std::size_t>(wi)].dtype != DType::Float32 ||
                !m_in.isConstant(src.tensors[static_cast<std::size_t>(wi)])) {
                m_r.floatOperators.push_back(static_cast<int>(i));
                m_r.notes.push_back("operator " + std::to_string(i) + " (" + m_in.opName(op) +
                    ") stays float: its weights are not a float constant");
                continue;
            }
        }
        integer[i] = true;
    }

    // Graph inputs.
    for (auto t : src.inputs) {
        if (!m_isFloatActivation[static_cast<std::size_t>(t)] || m_o.io == IoType::Float)
            continue;
        auto p = paramsFor(t);
        if (!p)
            return p.error();
        model::Tensor& in = sg().tensors[static_cast<std::size_t>(t)];
        if (m_o.io == IoType::Native) {
            in.dtype = actType();
            setQuant(in, *p);
            m_domain[static_cast<std::size_t>(t)] = 'q';
        } else { // uint8 in, QUANTIZE to int8
            quant::Params u = *p;
            u.zeroPoint[0] += 128;
            in.dtype = DType::UInt8;
            setQuant(in, u);
            model::Tensor q = in;
            q.name += "_int8";
            q.dtype = DType::Int8;
            setQuant(q, *p);
            const int qi = addTensor(q);
            emit(Op::QUANTIZE, {t}, {qi}, 2);
            m_qVersion[t] = qi;
            m_domain[static_cast<std::size_t>(t)] = 'u';
        }
    }

    for (std::size_t i = 0; i < src.operators.size(); ++i) {
        model::Operator op = src.operators[i];
        const Op code = m_in.opcodeOf(op);
        if (!integer[i]) {
            for (auto& t : op.inputs)
                if (t >= 0 && m_domain[static_cast<std::size_t>(t)] != 'f')
                    t = dequantized(t);
            m_ops.push_back(op);
            continue;
        }
        const auto slot = weightSlot(code);
        // Activation inputs first (the bias scale needs the input scale).
        for (std::size_t k = 0; k < op.inputs.size(); ++k) {
            const int t = op.inputs[k];
            if (t < 0 || (slot && (static_cast<int>(k) == slot->weight || static_cast<int>(k) == slot->bias)))
                continue;
            const model::Tensor& st = src.tensors[static_cast<std::size_t>(t)];
            if (st.dtype != DType::Float32)
                continue;
            if (m_in.isConstant(st)) {
                // PAD/PADV2's constant value and same-scale constants share the input's scale.
                const quant::Params* fixed = nullptr;
                std::optional<quant::Params> shared;
                if (code == Op::PADV2 && k == 2) {
                    auto p = paramsFor(op.inputs[0]);
                    if (!p)
                        return p.error();
                    shared = *p;
                    fixed = &*shared;
                }
                auto c = quantizeConstant(t, fixed);
                if (!c)
                    return c.error();
                op.inputs[k] = *c;
                continue;
            }
            auto q = quantized(t);
            if (!q)
                return q.error();
            op.inputs[k] = *q;
        }
        if (slot)
            if (auto st = quantizeWeights(op, *slot, static_cast<int>(i)); !st)
                return st.error();
        // Outputs become integer in place.
        for (auto t : op.outputs) {
            if (t < 0 || !m_isFloatActivation[static_cast<std::size_t>(t)])
                continue;
            quant::Params p;
            if (auto f = fixedOutput(code, m_o.mode)) {
                p = *f;
            } else if (sameScaleOp(code)) {
                const int in0 = op.inputs[0];
                p.scale = sg().tensors[static_cast<std::size_t>(in0)].quantization.scale;
                p.zeroPoint = sg().tensors[static_cast<std::size_t>(in0)].quantization.zeroPoint;
            } else {
                auto r = paramsFor(t);
                if (!r)
                    return r.error();
                p = *r;
            }
            m_params[t] = p;
            model::Tensor& out = sg().tensors[static_cast<std::size_t>(t)];
            out.dtype = actType();
            setQuant(out, p);
            m_domain[static_cast<std::size_t>(t)] = 'q';
        }
        m_ops.push_back(op);
    }

    // Graph outputs.
    std::map<int, int> outputRemap;
    for (auto& t : sg().outputs) {
        if (t < 0 || !m_isFloatActivation[static_cast<std::size_t>(t)])
            continue;
        const int old = t;
        if (m_o.io == IoType::Float) {
            t = dequantized(t);
        } else {
            auto q = quantized(t);
            if (!q)
                return q.error();
            t = *q;
            if (m_o.io == IoType::UInt8) {
                model::Tensor u = sg().tensors[static_cast<std::size_t>(t)];
                u.name += "_uint8";
                u.dtype = DType::UInt8;
                u.quantization.zeroPoint[0] += 128;
                const int ui = addTensor(u);
                emit(Op::QUANTIZE, {t}, {ui}, 2);
                t = ui;
            }
        }
        if (t != old) {
            // The graph-facing tensor keeps the original name.
            std::swap(sg().tensors[static_cast<std::size_t>(t)].name, sg().tensors[static_cast<std::size_t>(old)].name);
            outputRemap[old] = t;
        }
    }
    for (auto& sig : m_r.graph.signatureDefs)
        for (auto& o : sig.outputs)
            if (auto it = outputRemap.find(static_cast<int>(o.tensorIndex)); it != outputRemap.end())
                o.tensorIndex = static_cast<std::uint32_t>(it->second);
    // Graph inputs with float I/O that feed integer operators keep their name on the float side.
    sg().operators = std::move(m_ops);
    return std::move(m_r);
}

bool isQuantizedType(DType t)
{
    return t == DType::Int8 || t == DType::UInt8 || t == DType::Int16 || t == DType::Int32 || t == DType::Int64 ||
        t == DType::Int4;
}

// The float values of a quantized or float16 constant.
Result<std::vector<float>> dequantizedValues(const model::Graph& g, const model::Tensor& t)
{
    const auto d = g.tensorData(t);
    const std::int64_t n = t.elementCount();
    std::vector<float> v(static_cast<std::size_t>(n));
    if (t.dtype == DType::Float16) {
        if (static_cast<std::int64_t>(d.size()) < n * 2)
            return Error{"tensor '" + t.name + "' holds too few bytes"};
        for (std::int64_t i = 0; i < n; ++i) {
            std::uint16_t h;
            std::memcpy(&h, d.data() + i * 2, 2);
            v[static_cast<std::size_t>(i)] = exec::halfToFloat(h);
        }
        return v;
    }
    const auto& q = t.quantization;
    const int bytes = t.dtype == DType::Int16 ? 2 : t.dtype == DType::Int32 ? 4 : t.dtype == DType::Int64 ? 8 : 1;
    if (t.dtype == DType::Int4 || static_cast<std::int64_t>(d.size()) < n * bytes)
        return Error{"tensor '" + t.name + "': " + model::dtypeName(t.dtype) + " constants cannot be dequantized"};
    quant::Params p;
    p.scale = q.scale;
    p.zeroPoint = q.zeroPoint.empty() ? std::vector<std::int64_t>(q.scale.size(), 0) : q.zeroPoint;
    if (p.zeroPoint.size() != p.scale.size())
        p.zeroPoint.resize(p.scale.size(), p.zeroPoint.empty() ? 0 : p.zeroPoint[0]);
    p.axis = q.quantizedDimension;
    const quant::ChannelIndexer ch(t.shape, p.axis, p.perChannel());
    for (std::int64_t i = 0; i < n; ++i) {
        std::int64_t code = 0;
        switch (t.dtype) {
        case DType::Int8: code = static_cast<std::int8_t>(d[static_cast<std::size_t>(i)]); break;
        case DType::UInt8: code = d[static_cast<std::size_t>(i)]; break;
        case DType::Int16: {
            std::int16_t x;
            std::memcpy(&x, d.data() + i * 2, 2);
            code = x;
            break;
        }
        case DType::Int32: {
            std::int32_t x;
            std::memcpy(&x, d.data() + i * 4, 4);
            code = x;
            break;
        }
        default: std::memcpy(&code, d.data() + i * 8, 8); break;
        }
        const auto c = static_cast<std::size_t>(ch(i));
        v[static_cast<std::size_t>(i)] =
            static_cast<float>(static_cast<double>(code - p.zeroPoint[c]) * static_cast<double>(p.scale[c]));
    }
    return v;
}

} // namespace

Result<model::Graph> dequantizeGraph(const model::Graph& in)
{
    if (in.subgraphs.size() != 1)
        return Error{"dequantizing handles single-subgraph models; this one has " + std::to_string(in.subgraphs.size())};
    model::Graph g = in;
    model::Subgraph& sg = g.subgraphs.front();
    // Constants: quantized (with a scale) or float16 -> float32.
    for (auto& t : sg.tensors) {
        if (!in.isConstant(t) || t.isSparse())
            continue;
        const bool quantized = isQuantizedType(t.dtype) && t.quantization.hasScale();
        if (!quantized && t.dtype != DType::Float16)
            continue;
        auto v = dequantizedValues(g, t);
        if (!v)
            return v.error();
        t.dtype = DType::Float32;
        t.quantization = {};
        t.buffer = addBuffer(g, toBytes(*v));
    }
    // Activations: integer tensors with a scale -> float32.
    for (auto& t : sg.tensors)
        if (!g.isConstant(t) && isQuantizedType(t.dtype) && t.quantization.hasScale() && t.dtype != DType::Int32) {
            t.dtype = DType::Float32;
            t.quantization = {};
        }
    // QUANTIZE / DEQUANTIZE now map float to float: fold them (a constant input) or bypass them.
    std::map<int, int> alias;
    auto resolve = [&](int t) {
        while (alias.count(t))
            t = alias[t];
        return t;
    };
    std::vector<model::Operator> kept;
    for (auto op : sg.operators) {
        for (auto& t : op.inputs)
            if (t >= 0)
                t = resolve(t);
        const Op code = g.opcodeOf(op);
        if ((code == Op::QUANTIZE || code == Op::DEQUANTIZE) && op.inputs.size() == 1 && op.outputs.size() == 1) {
            const int src = op.inputs[0], dst = op.outputs[0];
            model::Tensor& from = sg.tensors[static_cast<std::size_t>(src)];
            model::Tensor& to = sg.tensors[static_cast<std::size_t>(dst)];
            if (from.dtype == DType::Float32 && to.dtype == DType::Float32) {
                if (g.isConstant(from)) {
                    to.buffer = from.buffer; // folded: the output is the dequantized constant
                } else {
                    const bool graphOutput =
                        std::find(sg.outputs.begin(), sg.outputs.end(), dst) != sg.outputs.end();
                    const bool graphInput = std::find(sg.inputs.begin(), sg.inputs.end(), src) != sg.inputs.end();
                    if (graphOutput && graphInput) {
                        kept.push_back(op); // input straight to output: keep the (now float) op
                        continue;
                    }
                    if (graphOutput) {
                        // Keep the output tensor (its name is the model's); let the producer write it.
                        for (auto& k : kept)
                            for (auto& o : k.outputs)
                                if (o == src)
                                    o = dst;
                        alias[src] = dst;
                    } else {
                        alias[dst] = src;
                    }
                }
                continue;
            }
        }
        kept.push_back(op);
    }
    sg.operators = std::move(kept);
    for (auto& t : sg.outputs)
        t = resolve(t);
    dropUnusedTensors(g);
    dropUnusedBuffers(g);
    g.description = in.description.empty() ? "dequantized by QuantLens" : in.description + " (dequantized by QuantLens)";
    return g;
}

bool isQuantized(const model::Graph& g)
{
    for (const auto& t : g.main().tensors)
        if (t.dtype == DType::Int8 || t.dtype == DType::UInt8 || t.dtype == DType::Int16 || t.dtype == DType::Float16 ||
            (t.quantization.hasScale() && t.dtype != DType::Float32))
            return true;
    return false;
}

Result<QuantizeResult> quantizeGraph(
    const model::Graph& floatGraph, const QuantizeOptions& options, const std::vector<quant::TensorRange>& ranges)
{
    if (floatGraph.subgraphs.size() != 1)
        return Error{"quantization handles single-subgraph models; this one has " +
            std::to_string(floatGraph.subgraphs.size())};
    if (isQuantized(floatGraph))
        return Error{"the model is already quantized; dequantize it to a float graph first"};
    Result<QuantizeResult> r = Error{""};
    switch (options.mode) {
    case Mode::Float32: {
        QuantizeResult plain;
        plain.graph = floatGraph;
        r = std::move(plain);
        break;
    }
    case Mode::Float16: r = toFloat16(floatGraph); break;
    case Mode::Dynamic: r = toDynamic(floatGraph, options); break;
    case Mode::Int8:
    case Mode::Int16x8:
        if (ranges.size() != floatGraph.main().tensors.size())
            return Error{modeName(options.mode) + " needs calibration data"};
        r = IntegerPass(floatGraph, options, ranges).run();
        break;
    }
    if (!r)
        return r;
    dropUnusedTensors(r->graph);
    dropUnusedBuffers(r->graph);
    r->graph.description = describe(options);
    r->graph.file = floatGraph.file; // the unchanged constants still view the input file
    return r;
}

} // namespace ql::passes
