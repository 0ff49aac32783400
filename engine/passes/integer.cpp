// SPDX-License-Identifier: MIT
// Full-integer quantization (int8 and 16x8): every operator with an integer kernel gets integer
// inputs, weights and outputs; QUANTIZE / DEQUANTIZE go wherever float and integer operators meet.
#include "passes/common.h"

#include "model/transform.h"

#include <algorithm>
#include <map>

namespace ql::passes::detail {

using model::DType;
using Op = tflite::BuiltinOperator;
using model::addOwnedBuffer;
using model::opcodeIndexFor;

namespace {

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
        op.opcodeIndex = opcodeIndexFor(m_r.graph, code, version);
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
        c.buffer = addOwnedBuffer(m_r.graph, toBytes(b));
    } else {
        std::vector<std::int8_t> b(q.begin(), q.end());
        c.buffer = addOwnedBuffer(m_r.graph, toBytes(b));
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
    qw.buffer = addOwnedBuffer(m_r.graph, toBytes(std::vector<std::int8_t>(q.begin(), q.end())));
    setQuant(qw, wp);
    op.inputs[static_cast<std::size_t>(slot.weight)] = addTensor(qw);
    if (slot.bias < 0 || static_cast<int>(op.inputs.size()) <= slot.bias ||
        op.inputs[static_cast<std::size_t>(slot.bias)] < 0)
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
        qb.buffer = addOwnedBuffer(m_r.graph, toBytes(bq));
    } else {
        qb.dtype = DType::Int32;
        std::vector<std::int32_t> b32(bq.begin(), bq.end());
        qb.buffer = addOwnedBuffer(m_r.graph, toBytes(b32));
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
            const int wi = static_cast<int>(op.inputs.size()) > slot->weight
                ? op.inputs[static_cast<std::size_t>(slot->weight)]
                : -1;
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

} // namespace

Result<QuantizeResult> quantizeInteger(
    const model::Graph& in, const QuantizeOptions& o, const std::vector<quant::TensorRange>& ranges)
{
    return IntegerPass(in, o, ranges).run();
}

} // namespace ql::passes::detail
