// SPDX-License-Identifier: MIT
// Full-integer quantization (int8 and 16x8) of subgraph 0, driven by the operator table
// (quant/op_rules.h): every operator the converter quantizes gets integer inputs, weights and
// outputs with the converter's parameters (shared where the runtime needs them shared, fixed where
// it fixes them); QUANTIZE / DEQUANTIZE go wherever float and integer operators meet. Operators in
// other subgraphs (bodies of IF / WHILE, ...) stay float.
#include "passes/common.h"
#include "passes/param_groups.h"
#include "passes/rescale_limits.h"

#include "model/transform.h"
#include "quant/op_rules.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace ql::passes::detail {

namespace {

// Sets pot_scale_int16 = false on ADD or SUB options (creating them when the operator has none).
template <class Options> void generalInt16(model::Operator& op, Options* (tflite::BuiltinOptionsUnion::*as)())
{
    if (Options* o = (op.options.*as)()) {
        o->pot_scale_int16 = false;
        return;
    }
    Options fresh;
    fresh.pot_scale_int16 = false;
    op.options.Set(fresh);
}

} // namespace

using model::DType;
using Op = tflite::BuiltinOperator;
using model::addOwnedBuffer;
using model::opcodeIndexFor;

namespace {

// Fused activations the integer kernels apply (TANH, SIGN_BIT and SIGMOID fused into a CONV are not).
bool integerFusedActivation(const model::Operator& op)
{
    auto ok = [](tflite::ActivationFunctionType a) {
        using A = tflite::ActivationFunctionType;
        return a == A::NONE || a == A::RELU || a == A::RELU6 || a == A::RELU_N1_TO_1;
    };
    if (const auto* o = op.options.AsConv2DOptions())
        return ok(o->fused_activation_function);
    if (const auto* o = op.options.AsDepthwiseConv2DOptions())
        return ok(o->fused_activation_function);
    if (const auto* o = op.options.AsFullyConnectedOptions())
        return ok(o->fused_activation_function) && o->weights_format == tflite::FullyConnectedOptionsWeightsFormat::DEFAULT;
    if (const auto* o = op.options.AsAddOptions())
        return ok(o->fused_activation_function);
    if (const auto* o = op.options.AsSubOptions())
        return ok(o->fused_activation_function);
    if (const auto* o = op.options.AsMulOptions())
        return ok(o->fused_activation_function);
    if (const auto* o = op.options.AsConcatenationOptions())
        return ok(o->fused_activation_function);
    if (const auto* o = op.options.AsPool2DOptions())
        return ok(o->fused_activation_function);
    return true;
}

class IntegerPass {
public:
    IntegerPass(const model::Graph& in, const QuantizeOptions& o, std::vector<quant::TensorRange> ranges)
        : m_in(in)
        , m_o(o)
        , m_ranges(std::move(ranges))
        , m_int16(o.mode == Mode::Int16x8)
        , m_act{m_int16 ? 16 : 8, m_int16, false}
    {
    }

    Result<QuantizeResult> run();

private:
    DType actType() const { return m_int16 ? DType::Int16 : DType::Int8; }
    model::Subgraph& sg() { return m_r.graph.subgraphs.front(); }
    const model::Subgraph& src() const { return m_in.main(); }
    int addTensor(model::Tensor t)
    {
        sg().tensors.push_back(std::move(t));
        return static_cast<int>(sg().tensors.size() - 1);
    }
    void emit(Op code, std::vector<std::int32_t> inputs, std::vector<std::int32_t> outputs, int version)
    {
        model::Operator op;
        op.opcodeIndex = opcodeIndexFor(m_r.graph, code, version);
        op.inputs = std::move(inputs);
        op.outputs = std::move(outputs);
        m_ops.push_back(std::move(op));
    }
    std::vector<bool> chooseIntegerOperators();
    Result<quant::Params> paramsFor(int t);
    Result<int> quantized(int t); // the quantized version of float tensor t
    Result<int> requantized(int t, const quant::Params& p); // tensor t (quantized) moved to other parameters
    int dequantized(int t); // the float version of tensor t
    int quantizeConstant(int t, const quant::Params& p);
    Status quantizeWeights(model::Operator& op, const quant::OpRule& rule, int opIndex);
    Status quantizeOperator(model::Operator& op, const quant::OpRule& rule, int opIndex);
    void finishOptions(model::Operator& op, Op code);

    const model::Graph& m_in;
    const QuantizeOptions& m_o;
    std::vector<quant::TensorRange> m_ranges; // the calibrated ranges, with widenAddSubOutputRanges applied
    // Float weight or bias tensor and the scales it was quantized with -> its integer tensor.
    std::map<std::pair<int, std::vector<float>>, int> m_quantizedWeights, m_quantizedBiases;

    // An integer DIV divides by (divisor code - zero point), and LiteRT stops the model when that is 0.
    // The zero point always represents 0, so a divisor is safe only when its values stay at least a step
    // away from 0: a constant whose every value keeps a non-zero code, or an activation whose calibrated
    // range keeps one full step from 0. Otherwise the DIV stays float (the converter would quantize it).
    std::string divisorProblem(const model::Subgraph& s, int t) const
    {
        const model::Tensor& d = s.tensors[static_cast<std::size_t>(t)];
        float lo = 0, hi = 0, nearest = 0;
        if (m_in.isConstant(d) && d.dtype == DType::Float32) {
            const auto bytes = m_in.tensorData(d);
            const auto* v = reinterpret_cast<const float*>(bytes.data());
            const std::size_t n = bytes.size() / 4;
            if (n == 0)
                return {};
            lo = hi = v[0];
            nearest = std::abs(v[0]);
            for (std::size_t k = 1; k < n; ++k) {
                lo = std::min(lo, v[k]);
                hi = std::max(hi, v[k]);
                nearest = std::min(nearest, std::abs(v[k]));
            }
        } else if (static_cast<std::size_t>(t) < m_ranges.size() && m_ranges[static_cast<std::size_t>(t)].valid) {
            lo = m_ranges[static_cast<std::size_t>(t)].lo;
            hi = m_ranges[static_cast<std::size_t>(t)].hi;
            nearest = lo > 0 ? lo : hi < 0 ? -hi : 0.0f;
        } else {
            return "its divisor has no calibrated range";
        }
        const float step = m_int16 ? std::max(std::abs(lo), std::abs(hi)) / 32767.0f
                                   : (std::max(hi, 0.0f) - std::min(lo, 0.0f)) / 255.0f;
        const float margin = m_in.isConstant(d) ? 0.5f * step : step;
        if (nearest >= margin && nearest > 0)
            return {};
        return "its divisor's range [" + std::to_string(lo) + ", " + std::to_string(hi) +
            "] comes within one quantization step of 0, and LiteRT stops the model when an integer divisor is 0";
    }
    bool m_int16;
    quant::Scheme m_act;
    QuantizeResult m_r;
    std::vector<model::Operator> m_ops;
    std::vector<bool> m_isFloatActivation; // float32, not constant
    std::vector<char> m_domain; // 'q': the tensor itself is quantized; 'f': it is float; 'u': uint8 graph input
    std::map<int, int> m_qVersion, m_fVersion;
    std::map<int, quant::Params> m_params; // decided parameters of original tensors
    ParamGroups m_groups;
    GroupInputs m_groupInputs;
};

std::vector<bool> IntegerPass::chooseIntegerOperators()
{
    const model::Subgraph& s = src();
    std::vector<bool> integer(s.operators.size(), false);
    for (std::size_t i = 0; i < s.operators.size(); ++i) {
        const model::Operator& op = s.operators[i];
        const Op code = m_in.opcodeOf(op);
        const quant::OpRule* rule = quant::ruleFor(code);
        bool touchesFloat = false;
        for (auto t : op.outputs)
            touchesFloat |= t >= 0 && m_isFloatActivation[static_cast<std::size_t>(t)];
        if (rule)
            for (std::size_t k = 0; k < op.inputs.size(); ++k)
                touchesFloat |= quant::isDataInput(*rule, static_cast<int>(k)) && op.inputs[k] >= 0 &&
                    m_isFloatActivation[static_cast<std::size_t>(op.inputs[k])];
        if (!touchesFloat)
            continue; // integer-only bookkeeping (SHAPE of an int32 tensor, ...)
        const std::string where = "operator " + std::to_string(i) + " (" + m_in.opName(op) + ") stays float: ";
        if (matchesKeep(m_in, s, static_cast<int>(i), m_o.keepFloat)) {
            m_r.floatOperators.push_back(static_cast<int>(i));
            continue;
        }
        if (!rule || !(m_int16 ? rule->int16 : rule->int8)) {
            m_r.floatOperators.push_back(static_cast<int>(i));
            m_r.notes.push_back(where + "the converter has no " + (m_int16 ? std::string("16x8") : std::string("int8")) +
                " form of it");
            continue;
        }
        std::string why;
        if (!integerFusedActivation(op))
            why = "its fused activation has no integer kernel";
        for (std::size_t k = 0; k < op.inputs.size() && why.empty(); ++k) {
            const int t = op.inputs[k];
            if (t < 0 || (!quant::isDataInput(*rule, static_cast<int>(k)) && static_cast<int>(k) != rule->weight))
                continue;
            const model::Tensor& tt = s.tensors[static_cast<std::size_t>(t)];
            if (tt.dtype != DType::Float32)
                why = "input " + std::to_string(k) + " is " + model::dtypeName(tt.dtype) + ", not float";
            else if (static_cast<int>(k) == rule->weight && !m_in.isConstant(tt))
                why = "its weights are not a float constant";
        }
        if (why.empty() && code == Op::DIV && op.inputs.size() > 1 && op.inputs[1] >= 0)
            why = divisorProblem(s, op.inputs[1]);
        for (const auto t : op.outputs)
            if (why.empty() && t >= 0 && rule->output != quant::OutputRule::NotQuantized &&
                s.tensors[static_cast<std::size_t>(t)].dtype != DType::Float32)
                why = "an output is " + model::dtypeName(s.tensors[static_cast<std::size_t>(t)].dtype);
        if (!why.empty()) {
            m_r.floatOperators.push_back(static_cast<int>(i));
            m_r.notes.push_back(where + why);
            continue;
        }
        integer[i] = true;
    }
    return integer;
}

Result<quant::Params> IntegerPass::paramsFor(int t)
{
    if (auto it = m_params.find(t); it != m_params.end())
        return it->second;
    if (auto it = m_groups.params.find(t); it != m_groups.params.end()) {
        m_params[t] = it->second;
        return it->second;
    }
    auto p = ownParams(m_groupInputs, t);
    if (!p)
        return p.error();
    m_params[t] = *p;
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
    emit(Op::QUANTIZE, {t}, {qi}, m_int16 ? 2 : 1);
    m_qVersion[t] = qi;
    return qi;
}

Result<int> IntegerPass::requantized(int t, const quant::Params& p)
{
    auto q = quantized(t);
    if (!q)
        return q;
    const model::Tensor& from = sg().tensors[static_cast<std::size_t>(*q)];
    if (from.quantization.scale == p.scale && from.quantization.zeroPoint == p.zeroPoint)
        return q;
    model::Tensor r = from;
    r.name += "_requantized";
    r.buffer = 0;
    setQuant(r, p);
    const int ri = addTensor(r);
    emit(Op::QUANTIZE, {*q}, {ri}, m_int16 ? 2 : 1);
    return ri;
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
    emit(Op::DEQUANTIZE, {t}, {fi}, m_int16 ? 3 : 2);
    m_fVersion[t] = fi;
    return fi;
}

// A float constant used as data (the other operand of ADD, a concatenated constant, ...): a new
// integer tensor for this use with parameters `p`.
int IntegerPass::quantizeConstant(int t, const quant::Params& p)
{
    const model::Tensor& from = sg().tensors[static_cast<std::size_t>(t)];
    const auto v = floatsOf(m_r.graph, from);
    const auto q = quant::quantizeValues(v, from.shape, p, m_act);
    model::Tensor c = from;
    c.dtype = actType();
    if (m_int16)
        c.buffer = addOwnedBuffer(m_r.graph, toBytes(std::vector<std::int16_t>(q.begin(), q.end())));
    else
        c.buffer = addOwnedBuffer(m_r.graph, toBytes(std::vector<std::int8_t>(q.begin(), q.end())));
    setQuant(c, p);
    return addTensor(c);
}

Status IntegerPass::quantizeWeights(model::Operator& op, const quant::OpRule& rule, int opIndex)
{
    const std::string where = "operator " + std::to_string(opIndex) + " (" + m_in.opName(op) + ")";
    const Op code = m_in.opcodeOf(op);
    const int wi = op.inputs[static_cast<std::size_t>(rule.weight)];
    const model::Tensor w = sg().tensors[static_cast<std::size_t>(wi)];
    const bool perChannel = rule.perChannel && (code == Op::FULLY_CONNECTED ? m_o.perChannelDense : m_o.perChannel);
    const quant::Scheme ws{8, true, perChannel};
    const auto v = floatsOf(m_r.graph, w);
    quant::Params wp = quant::weightParams(v, w.shape, rule.axis, ws);
    // A CONV_2D / DEPTHWISE_CONV_2D without bias gets a zero one: the integer kernels need it.
    if (rule.bias >= 0 && (code == Op::CONV_2D || code == Op::DEPTHWISE_CONV_2D) &&
        (static_cast<int>(op.inputs.size()) <= rule.bias || op.inputs[static_cast<std::size_t>(rule.bias)] < 0)) {
        const auto channels = w.shape.empty() ? 1 : w.shape[static_cast<std::size_t>(rule.axis)];
        model::Tensor zero;
        zero.name = w.name + "_zero_bias";
        zero.dtype = DType::Float32;
        zero.shape = {channels};
        zero.buffer = addOwnedBuffer(m_r.graph, toBytes(std::vector<float>(static_cast<std::size_t>(channels), 0.0f)));
        op.inputs.resize(static_cast<std::size_t>(std::max<int>(static_cast<int>(op.inputs.size()), rule.bias + 1)), -1);
        op.inputs[static_cast<std::size_t>(rule.bias)] = addTensor(zero);
    }
    const int bias = rule.bias >= 0 && static_cast<int>(op.inputs.size()) > rule.bias ? op.inputs[static_cast<std::size_t>(rule.bias)] : -1;
    const int act = rule.weight == 1 && code == Op::TRANSPOSE_CONV ? op.inputs[2] : op.inputs[0];
    const float inScale = sg().tensors[static_cast<std::size_t>(act)].quantization.scale.at(0);
    if (bias >= 0) {
        const model::Tensor& b = sg().tensors[static_cast<std::size_t>(bias)];
        // The converter's rule (also in 16x8, where it still sizes the bias for int32).
        if (b.dtype == DType::Float32 && m_r.graph.isConstant(b))
            if (const int n = quant::adjustForBias(wp, floatsOf(m_r.graph, b), inScale, ws))
                m_r.notes.push_back(where + ": " + std::to_string(n) +
                    " weight channel(s) got a larger scale so that their bias fits in int32 (the converter's rule)");
    }
    // Weights shared by several operators (an unrolled recurrent layer) are written once per parameter set.
    const auto wkey = std::make_pair(wi, wp.scale);
    if (auto it = m_quantizedWeights.find(wkey); it != m_quantizedWeights.end()) {
        op.inputs[static_cast<std::size_t>(rule.weight)] = it->second;
    } else {
        const auto q = quant::quantizeValues(v, w.shape, wp, ws);
        model::Tensor qw = w;
        qw.dtype = DType::Int8;
        qw.buffer = addOwnedBuffer(m_r.graph, toBytes(std::vector<std::int8_t>(q.begin(), q.end())));
        setQuant(qw, wp);
        op.inputs[static_cast<std::size_t>(rule.weight)] = addTensor(qw);
        m_quantizedWeights[wkey] = op.inputs[static_cast<std::size_t>(rule.weight)];
    }
    if (bias < 0)
        return {};
    const model::Tensor b = sg().tensors[static_cast<std::size_t>(bias)];
    if (b.dtype != DType::Float32 || !m_r.graph.isConstant(b))
        return Error{where + ": the bias is not a float constant"};
    quant::Params bp;
    bp.axis = 0;
    for (std::size_t c = 0; c < (wp.perChannel() ? wp.scale.size() : 1); ++c) {
        bp.scale.push_back(inScale * wp.scale[c]);
        bp.zeroPoint.push_back(0);
    }
    const auto bkey = std::make_pair(bias, bp.scale);
    if (auto it = m_quantizedBiases.find(bkey); it != m_quantizedBiases.end()) {
        op.inputs[static_cast<std::size_t>(rule.bias)] = it->second;
        return {};
    }
    const auto bq = quant::quantizeBias(floatsOf(m_r.graph, b), inScale, wp.scale, m_int16 ? 64 : 32);
    model::Tensor qb = b;
    if (m_int16) {
        qb.dtype = DType::Int64;
        qb.buffer = addOwnedBuffer(m_r.graph, toBytes(bq));
    } else {
        qb.dtype = DType::Int32;
        qb.buffer = addOwnedBuffer(m_r.graph, toBytes(std::vector<std::int32_t>(bq.begin(), bq.end())));
    }
    setQuant(qb, bp);
    op.inputs[static_cast<std::size_t>(rule.bias)] = addTensor(qb);
    m_quantizedBiases[bkey] = op.inputs[static_cast<std::size_t>(rule.bias)];
    return {};
}

// Options the converter writes along with the integer form.
void IntegerPass::finishOptions(model::Operator& op, Op code)
{
    const auto biasType = m_int16 ? tflite::TensorType::INT64 : tflite::TensorType::INT32;
    if (auto* o = op.options.AsConv2DOptions())
        o->quantized_bias_type = biasType;
    else if (auto* f = op.options.AsFullyConnectedOptions())
        f->quantized_bias_type = biasType;
    else if (auto* t = op.options.AsTransposeConvOptions())
        t->quantized_bias_type = biasType;
    // 16x8 ADD / SUB: the general int16 kernel, not the power-of-two one.
    if (m_int16 && code == Op::ADD)
        generalInt16(op, &tflite::BuiltinOptionsUnion::AsAddOptions);
    if (m_int16 && code == Op::SUB)
        generalInt16(op, &tflite::BuiltinOptionsUnion::AsSubOptions);
}

Status IntegerPass::quantizeOperator(model::Operator& op, const quant::OpRule& rule, int opIndex)
{
    const Op code = m_in.opcodeOf(op);
    // The parameters a shared operator's inputs take: those of its output's group.
    std::optional<quant::Params> shared;
    if (rule.output == quant::OutputRule::Shared && !op.outputs.empty() && op.outputs[0] >= 0) {
        auto p = paramsFor(op.outputs[0]);
        if (!p)
            return p.error();
        shared = *p;
    }
    // Activation inputs first (the bias scale needs the input scale).
    for (std::size_t k = 0; k < op.inputs.size(); ++k) {
        const int t = op.inputs[k];
        if (t < 0 || !quant::isDataInput(rule, static_cast<int>(k)))
            continue;
        const model::Tensor& st = src().tensors[static_cast<std::size_t>(t)];
        if (st.dtype != DType::Float32)
            continue;
        if (m_in.isConstant(st)) {
            if (code == Op::BATCH_MATMUL && k == 1 && !m_int16) {
                // A constant right-hand side: int8 symmetric per tensor, zero point 0 (XNNPACK takes it so).
                const auto v = floatsOf(m_r.graph, st);
                const quant::Scheme ws{8, true, false};
                const quant::Params p = quant::weightParams(v, st.shape, 0, ws);
                const auto q = quant::quantizeValues(v, st.shape, p, ws);
                model::Tensor c = st;
                c.dtype = DType::Int8;
                c.buffer = addOwnedBuffer(m_r.graph, toBytes(std::vector<std::int8_t>(q.begin(), q.end())));
                setQuant(c, p);
                op.inputs[k] = addTensor(c);
                continue;
            }
            quant::Params p;
            if (shared && quant::isSharedInput(rule, static_cast<int>(k)))
                p = *shared;
            else if (auto g = m_groups.params.find(t); g != m_groups.params.end())
                p = g->second;
            else
                p = constantParams(m_r.graph, st, m_act);
            op.inputs[k] = quantizeConstant(t, p);
            continue;
        }
        Result<int> q = m_groups.requantize.count({opIndex, static_cast<int>(k)}) && shared ? requantized(t, *shared) : quantized(t);
        if (!q)
            return q.error();
        op.inputs[k] = *q;
    }
    if (rule.weight >= 0 && static_cast<int>(op.inputs.size()) > rule.weight && op.inputs[static_cast<std::size_t>(rule.weight)] >= 0) {
        if (code == Op::PRELU) {
            // alpha: int8 symmetric per tensor, like a weight without bias.
            const int a = op.inputs[static_cast<std::size_t>(rule.weight)];
            const model::Tensor& st = sg().tensors[static_cast<std::size_t>(a)];
            const auto v = floatsOf(m_r.graph, st);
            const quant::Scheme ws{8, true, false};
            const quant::Params p = quant::weightParams(v, st.shape, 0, ws);
            const auto q = quant::quantizeValues(v, st.shape, p, ws);
            model::Tensor c = st;
            c.dtype = DType::Int8;
            c.buffer = addOwnedBuffer(m_r.graph, toBytes(std::vector<std::int8_t>(q.begin(), q.end())));
            setQuant(c, p);
            op.inputs[static_cast<std::size_t>(rule.weight)] = addTensor(c);
        } else if (auto st = quantizeWeights(op, rule, opIndex); !st) {
            return st.error();
        }
    }
    // Outputs become integer in place.
    for (auto t : op.outputs) {
        if (t < 0 || !m_isFloatActivation[static_cast<std::size_t>(t)] || rule.output == quant::OutputRule::NotQuantized)
            continue;
        quant::Params p;
        if (rule.output == quant::OutputRule::Fixed) {
            const auto& f = m_int16 ? rule.fixed16 : rule.fixed8;
            p.scale = {f.scale};
            p.zeroPoint = {f.zeroPoint};
        } else if (rule.output == quant::OutputRule::SameAsInput && static_cast<int>(op.inputs.size()) > rule.sameAs &&
            op.inputs[static_cast<std::size_t>(rule.sameAs)] >= 0 &&
            !sg().tensors[static_cast<std::size_t>(op.inputs[static_cast<std::size_t>(rule.sameAs)])].quantization.scale.empty()) {
            const auto& from = sg().tensors[static_cast<std::size_t>(op.inputs[static_cast<std::size_t>(rule.sameAs)])].quantization;
            p.scale = from.scale;
            p.zeroPoint = from.zeroPoint;
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
    finishOptions(op, code);
    op.opcodeIndex = opcodeIndexFor(m_r.graph, code,
        std::max(m_in.opcodes[op.opcodeIndex].version, quant::convertedVersion(rule, m_r.graph, sg(), op, m_int16)));
    return {};
}

Result<QuantizeResult> IntegerPass::run()
{
    m_r.graph = m_in;
    for (auto& note : widenAddSubOutputRanges(m_in, m_ranges, m_int16))
        m_r.notes.push_back(std::move(note));
    const model::Subgraph& s = src();
    const std::size_t nT = s.tensors.size();
    m_isFloatActivation.assign(nT, false);
    for (std::size_t t = 0; t < nT; ++t)
        m_isFloatActivation[t] = s.tensors[t].dtype == DType::Float32 && !m_in.isConstant(s.tensors[t]);
    m_domain.assign(nT, 'f');
    const std::vector<bool> integer = chooseIntegerOperators();

    m_groupInputs.graph = &m_in;
    m_groupInputs.integer = integer;
    m_groupInputs.ranges = &m_ranges;
    m_groupInputs.activation = m_act;
    m_groupInputs.int16 = m_int16;
    m_groupInputs.pinnedInput.assign(nT, false);
    if (m_o.io != IoType::Float)
        for (auto t : s.inputs)
            if (m_isFloatActivation[static_cast<std::size_t>(t)])
                m_groupInputs.pinnedInput[static_cast<std::size_t>(t)] = true;
    auto groups = groupParams(m_groupInputs);
    if (!groups)
        return groups.error();
    m_groups = std::move(groups.value());

    // Graph inputs.
    for (auto t : s.inputs) {
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
            emit(Op::QUANTIZE, {t}, {qi}, 1);
            m_qVersion[t] = qi;
            m_domain[static_cast<std::size_t>(t)] = 'u';
        }
    }

    for (std::size_t i = 0; i < s.operators.size(); ++i) {
        model::Operator op = s.operators[i];
        if (!integer[i]) {
            for (auto& t : op.inputs)
                if (t >= 0 && m_domain[static_cast<std::size_t>(t)] != 'f')
                    t = dequantized(t);
            m_ops.push_back(op);
            continue;
        }
        if (auto st = quantizeOperator(op, *quant::ruleFor(m_in.opcodeOf(op)), static_cast<int>(i)); !st)
            return st.error();
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
                emit(Op::QUANTIZE, {t}, {ui}, 1);
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
        if (sig.subgraphIndex == 0)
            for (auto& o : sig.outputs)
                if (auto it = outputRemap.find(static_cast<int>(o.tensorIndex)); it != outputRemap.end())
                    o.tensorIndex = static_cast<std::uint32_t>(it->second);
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
