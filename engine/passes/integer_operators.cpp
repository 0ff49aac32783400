// SPDX-License-Identifier: MIT
// One operator of the full-integer pass (integer_pass.h) in its integer form: activation inputs quantized
// (constants with their group's or their own parameters), weights int8 per channel or per tensor with
// the converter's bias rule, biases int32 (int64 in 16x8), outputs with their fixed, shared or own
// parameters, and the options and version the converter writes with it.
#include "passes/integer_pass.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
    const std::string where = opLabel(opIndex);
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
    op.inputs[static_cast<std::size_t>(rule.weight)] = weightCodes(wi, wp, ws);
    if (bias < 0)
        return {};
    const model::Tensor& b = sg().tensors[static_cast<std::size_t>(bias)];
    if (b.dtype != DType::Float32 || !m_r.graph.isConstant(b))
        return Error{where + ": the bias is not a float constant"};
    op.inputs[static_cast<std::size_t>(rule.bias)] = biasCodes(bias, inScale, wp.scale, m_int16 ? 64 : 32);
    return {};
}

int IntegerPass::weightCodes(int t, const quant::Params& p, const quant::Scheme& s)
{
    const DType type = s.bits <= 8 ? DType::Int8 : DType::Int16;
    const auto key = std::make_pair(t, p.scale);
    if (auto it = m_quantizedWeights.find(key);
        it != m_quantizedWeights.end() && sg().tensors[static_cast<std::size_t>(it->second)].dtype == type)
        return it->second;
    model::Tensor c = sg().tensors[static_cast<std::size_t>(t)];
    const auto q = quant::quantizeValues(floatsOf(m_r.graph, c), c.shape, p, s);
    c.dtype = type;
    c.buffer = addOwnedBuffer(m_r.graph, type == DType::Int8 ? toBytes(std::vector<std::int8_t>(q.begin(), q.end()))
                                                             : toBytes(std::vector<std::int16_t>(q.begin(), q.end())));
    setQuant(c, p);
    const int ci = addTensor(std::move(c));
    m_quantizedWeights[key] = ci;
    return ci;
}

int IntegerPass::biasCodes(int t, float inScale, const std::vector<float>& weightScales, int bits)
{
    quant::Params p;
    p.axis = 0;
    for (const float ws : weightScales) {
        p.scale.push_back(inScale * ws);
        p.zeroPoint.push_back(0);
    }
    const auto key = std::make_pair(t, p.scale);
    if (auto it = m_quantizedBiases.find(key); it != m_quantizedBiases.end())
        return it->second;
    model::Tensor c = sg().tensors[static_cast<std::size_t>(t)];
    const auto q = quant::quantizeBias(floatsOf(m_r.graph, c), inScale, weightScales, bits);
    c.dtype = bits == 64 ? DType::Int64 : DType::Int32;
    c.buffer = addOwnedBuffer(m_r.graph, bits == 64 ? toBytes(q) : toBytes(std::vector<std::int32_t>(q.begin(), q.end())));
    setQuant(c, p);
    const int ci = addTensor(std::move(c));
    m_quantizedBiases[key] = ci;
    return ci;
}

void IntegerPass::makeInteger(int t, DType type, const quant::Params& p)
{
    model::Tensor& x = sg().tensors[static_cast<std::size_t>(t)];
    x.dtype = type;
    x.buffer = 0;
    setQuant(x, p);
    m_params[t] = p;
    m_domain[static_cast<std::size_t>(t)] = 'q';
}

int IntegerPass::readers(int t) const
{
    int n = 0;
    for (const auto& op : src().operators)
        n += static_cast<int>(std::count(op.inputs.begin(), op.inputs.end(), t));
    return n;
}

void IntegerPass::setConvertedVersion(model::Operator& op, Op code, const quant::OpRule& rule)
{
    op.opcodeIndex = opcodeIndexFor(
        m_r.graph, code, std::max(m_in.opcodes[op.opcodeIndex].version, quant::convertedVersion(rule, m_r.graph, sg(), op, m_int16)));
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
                const quant::Scheme ws{8, true, false};
                op.inputs[k] = weightCodes(t, quant::weightParams(floatsOf(m_r.graph, st), st.shape, 0, ws), ws);
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
            auto& a = op.inputs[static_cast<std::size_t>(rule.weight)];
            const model::Tensor& st = sg().tensors[static_cast<std::size_t>(a)];
            const quant::Scheme ws{8, true, false};
            a = weightCodes(a, quant::weightParams(floatsOf(m_r.graph, st), st.shape, 0, ws), ws);
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
        makeInteger(t, actType(), p);
    }
    finishOptions(op, code);
    setConvertedVersion(op, code, rule);
    return {};
}

} // namespace ql::passes::detail
