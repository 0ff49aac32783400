// SPDX-License-Identifier: MIT
// Full-integer quantization (int8 and 16x8) of subgraph 0, driven by the operator table
// (quant/op_rules.h): every operator the converter quantizes gets integer inputs, weights and
// outputs with the converter's parameters (shared where the runtime needs them shared, fixed where
// it fixes them); QUANTIZE / DEQUANTIZE go wherever float and integer operators meet. Operators in
// other subgraphs (bodies of IF / WHILE, ...) stay float.
//
// This file runs the pass (integer_pass.h): graph inputs and outputs, and the QUANTIZE / DEQUANTIZE
// between float and integer tensors. Which operators become integer: integer_choice.cpp; one operator's
// integer form: integer_operators.cpp.
#include "passes/integer_pass.h"
#include "passes/rescale_limits.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ql::passes::detail {

using model::DType;
using Op = tflite::BuiltinOperator;

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

Result<QuantizeResult> IntegerPass::run()
{
    m_r.graph = m_in;
    for (auto& note : widenAddSubOutputRanges(m_in, m_ranges, m_int16, m_sub))
        m_r.notes.push_back(std::move(note));
    const model::Subgraph& s = src();
    const std::size_t nT = s.tensors.size();
    m_isFloatActivation.assign(nT, false);
    for (std::size_t t = 0; t < nT; ++t)
        m_isFloatActivation[t] = s.tensors[t].dtype == DType::Float32 && !m_in.isConstant(s.tensors[t]);
    m_domain.assign(nT, 'f');
    const std::vector<bool> integer = chooseIntegerOperators();

    m_groupInputs.graph = &m_in;
    m_groupInputs.subgraph = m_sub;
    m_groupInputs.integer = integer;
    m_groupInputs.ranges = &m_ranges;
    m_groupInputs.activation = m_act;
    m_groupInputs.int16 = m_int16;
    // Like the converter, the graph's I/O type applies only where float meets integer: an input that
    // no integer operator reads, and an output that a float operator writes, stay float32.
    std::vector<bool> readByInteger(nT, false);
    for (std::size_t i = 0; i < s.operators.size(); ++i)
        if (integer[i])
            for (auto t : s.operators[i].inputs)
                if (t >= 0)
                    readByInteger[static_cast<std::size_t>(t)] = true;
    auto staysFloat = [&](int t, const char* what, const char* why) {
        m_r.notes.push_back(std::string(what) + " '" + s.tensors[static_cast<std::size_t>(t)].name +
            "' stays float32: " + why + " (as the converter leaves it)");
    };
    m_groupInputs.pinnedInput.assign(nT, false);
    if (io() != IoType::Float)
        for (auto t : s.inputs)
            if (m_isFloatActivation[static_cast<std::size_t>(t)] && readByInteger[static_cast<std::size_t>(t)])
                m_groupInputs.pinnedInput[static_cast<std::size_t>(t)] = true;
    auto groups = groupParams(m_groupInputs);
    if (!groups)
        return groups.error();
    m_groups = std::move(groups.value());

    // Graph inputs.
    for (auto t : s.inputs) {
        if (!m_isFloatActivation[static_cast<std::size_t>(t)] || io() == IoType::Float)
            continue;
        if (!readByInteger[static_cast<std::size_t>(t)]) {
            staysFloat(t, "input", "only operators that stay float read it");
            continue;
        }
        auto p = paramsFor(t);
        if (!p)
            return p.error();
        model::Tensor& in = sg().tensors[static_cast<std::size_t>(t)];
        if (io() == IoType::Native) {
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
            // A QUANTIZE of an integer tensor becomes one integer-to-integer requantization, not a
            // DEQUANTIZE and a QUANTIZE (the one a dequantized file keeps before a custom kernel's codes).
            if (m_in.opcodeOf(op) == Op::QUANTIZE && op.inputs.size() == 1 && op.inputs[0] >= 0) {
                const int t = op.inputs[0];
                const auto it = m_qVersion.find(t);
                if (m_domain[static_cast<std::size_t>(t)] == 'q' || it != m_qVersion.end()) {
                    if (m_domain[static_cast<std::size_t>(t)] != 'q')
                        op.inputs[0] = it->second;
                    m_ops.push_back(op);
                    continue;
                }
            }
            for (auto& t : op.inputs)
                if (t >= 0 && m_domain[static_cast<std::size_t>(t)] != 'f')
                    t = dequantized(t);
            m_ops.push_back(op);
            continue;
        }
        const Op code = m_in.opcodeOf(op);
        const int index = static_cast<int>(i);
        if (auto st = code == Op::UNIDIRECTIONAL_SEQUENCE_LSTM ? quantizeLstm(op, index)
                : code == Op::SVDF                            ? quantizeSvdf(op, index)
                                                              : quantizeOperator(op, *quant::ruleFor(code), index);
            !st)
            return st.error();
        m_ops.push_back(op);
    }

    // Graph outputs.
    std::map<int, int> outputRemap;
    for (auto& t : sg().outputs) {
        if (t < 0 || !m_isFloatActivation[static_cast<std::size_t>(t)])
            continue;
        const int old = t;
        if (io() != IoType::Float && m_domain[static_cast<std::size_t>(t)] == 'f') {
            staysFloat(t, "output", "an operator that stays float writes it");
            continue;
        }
        if (io() == IoType::Float) {
            t = dequantized(t);
        } else {
            auto q = quantized(t);
            if (!q)
                return q.error();
            t = *q;
            if (io() == IoType::UInt8) {
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
        if (sig.subgraphIndex == static_cast<std::uint32_t>(m_sub))
            for (auto& o : sig.outputs)
                if (auto it = outputRemap.find(static_cast<int>(o.tensorIndex)); it != outputRemap.end())
                    o.tensorIndex = static_cast<std::uint32_t>(it->second);
    sg().operators = std::move(m_ops);
    return std::move(m_r);
}

Result<QuantizeResult> quantizeInteger(
    const model::Graph& in, const QuantizeOptions& o, const std::vector<quant::TensorRange>& ranges)
{
    auto slice = [&](int k) {
        const auto r = quant::subgraphRanges(in, ranges, k);
        return std::vector<quant::TensorRange>(r.begin(), r.end());
    };
    auto r = IntegerPass(in, o, slice(0)).run();
    if (!r)
        return r;
    // The subgraphs WHILE, IF and CALL_ONCE run, one after the other on the result. A composite's
    // decomposition stays float: LiteRT inlines it into the graph XNNPACK sees, where an integer
    // decomposition is partly left to other kernels and computes differently (measured on sdpa_composite).
    std::vector<bool> called(in.subgraphs.size(), false);
    for (const auto& s : in.subgraphs)
        for (const auto& op : s.operators) {
            auto mark = [&](int k) {
                if (k > 0 && static_cast<std::size_t>(k) < called.size())
                    called[static_cast<std::size_t>(k)] = true;
            };
            if (const auto* w = op.options.AsWhileOptions()) {
                mark(w->cond_subgraph_index);
                mark(w->body_subgraph_index);
            } else if (const auto* f = op.options.AsIfOptions()) {
                mark(f->then_subgraph_index);
                mark(f->else_subgraph_index);
            } else if (const auto* c = op.options.AsCallOnceOptions()) {
                mark(c->init_subgraph_index);
            }
        }
    for (int k = 1; k < static_cast<int>(in.subgraphs.size()); ++k) {
        if (!called[static_cast<std::size_t>(k)])
            continue;
        const auto own = slice(k);
        if (std::none_of(own.begin(), own.end(), [](const quant::TensorRange& t) { return t.valid; }))
            continue;
        const model::Graph so_far = std::move(r->graph);
        auto body = IntegerPass(so_far, o, own, k).run();
        if (!body)
            return body.error();
        body->floatOperators = std::move(r->floatOperators);
        body->notes.insert(body->notes.begin(), r->notes.begin(), r->notes.end());
        r = std::move(body);
    }
    return r;
}

} // namespace ql::passes::detail
