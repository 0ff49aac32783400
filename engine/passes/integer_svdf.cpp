// SPDX-License-Identifier: MIT
// SVDF in the full-integer pass (integer_pass.h), with the converter's rule for LiteRT's and tflite-micro's
// integer kernel (exec/kernels/svdf_integer.cpp):
//  - weights_feature (input 1): int8 symmetric, one scale (max |w| / 127);
//  - weights_time (input 2): int16 tensor holding 10-bit symmetric codes (max |w| / 511): the kernel keeps
//    6 bits of headroom for the sum over the memory;
//  - the activation state (input 4, a variable tensor): int16 symmetric, scale max |s| / 32767 from the
//    calibrated state;
//  - the bias (input 3): int32, scale = weights_time scale x state scale (the sum it is added to);
//  - the output: int8 with its own calibrated range.
// LiteRT runs the integer SVDF only with a RELU activation, which it does not apply (the calibrated
// output range starts at 0, so the output's parameters clip it); other SVDFs stay float, with a note.
#include "passes/integer_pass.h"

#include <cmath>

namespace ql::passes::detail {

using model::DType;
using Op = tflite::BuiltinOperator;
using model::addOwnedBuffer;

namespace {

bool present(const model::Operator& op, int k)
{
    return k < static_cast<int>(op.inputs.size()) && op.inputs[static_cast<std::size_t>(k)] >= 0;
}

constexpr quant::Scheme kFeature{8, true, false}, kTime{10, true, false}, kState{16, true, false};

} // namespace

std::string IntegerPass::svdfProblem(const model::Operator& op) const
{
    const model::Subgraph& s = src();
    auto tensor = [&](int k) -> const model::Tensor& { return s.tensors[static_cast<std::size_t>(op.inputs[static_cast<std::size_t>(k)])]; };
    const auto* o = op.options.AsSVDFOptions();
    if (!o || o->fused_activation_function != tflite::ActivationFunctionType::RELU)
        return "LiteRT runs an integer SVDF only with a RELU activation";
    if (op.inputs.size() < 5 || !present(op, 0) || !present(op, 4) || op.outputs.size() != 1 || op.outputs[0] < 0)
        return "it does not have the inputs and output of an SVDF";
    for (int k : {1, 2})
        if (!present(op, k) || tensor(k).dtype != DType::Float32 || !m_in.isConstant(tensor(k)) || tensor(k).shape.size() != 2)
            return "its weights are not float constant matrices";
    if (present(op, 3) && (tensor(3).dtype != DType::Float32 || !m_in.isConstant(tensor(3))))
        return "its bias is not a float constant";
    if (!tensor(4).isVariable || tensor(4).dtype != DType::Float32)
        return "its state is not a float variable tensor";
    int uses = 0;
    for (const auto& other : s.operators)
        for (auto t : other.inputs)
            uses += t == op.inputs[4];
    if (uses != 1)
        return "its state tensor is shared with other operators";
    const auto state = static_cast<std::size_t>(op.inputs[4]);
    if (state >= m_ranges.size() || !m_ranges[state].valid)
        return "its state has no calibrated range";
    if (!(std::max(std::abs(m_ranges[state].lo), std::abs(m_ranges[state].hi)) > 0))
        return "its state stayed 0 on the calibration data";
    return {};
}

Status IntegerPass::quantizeSvdf(model::Operator& op, int opIndex)
{
    auto in = quantized(op.inputs[0]);
    if (!in)
        return in.error();
    op.inputs[0] = *in;
    const int y = op.outputs[0];
    auto out = paramsFor(y);
    if (!out)
        return withContext(opLabel(opIndex), out.error());

    auto weights = [&](int k, const quant::Scheme& scheme) {
        auto& slot = op.inputs[static_cast<std::size_t>(k)];
        const model::Tensor w = sg().tensors[static_cast<std::size_t>(slot)];
        const auto v = floatsOf(m_r.graph, w);
        const quant::Params p = quant::weightParams(v, w.shape, 0, scheme);
        const auto q = quant::quantizeValues(v, w.shape, p, scheme);
        model::Tensor qw = w;
        if (scheme.bits == 8) {
            qw.dtype = DType::Int8;
            qw.buffer = addOwnedBuffer(m_r.graph, toBytes(std::vector<std::int8_t>(q.begin(), q.end())));
        } else {
            qw.dtype = DType::Int16;
            qw.buffer = addOwnedBuffer(m_r.graph, toBytes(std::vector<std::int16_t>(q.begin(), q.end())));
        }
        setQuant(qw, p);
        slot = addTensor(qw);
        return p.scale.at(0);
    };
    weights(1, kFeature);
    const float timeScale = weights(2, kTime);

    const int si = op.inputs[4];
    const quant::TensorRange& sr = m_ranges[static_cast<std::size_t>(si)];
    const quant::Params sp = quant::activationParams(sr.lo, sr.hi, kState);
    model::Tensor& state = sg().tensors[static_cast<std::size_t>(si)];
    state.dtype = DType::Int16;
    state.buffer = 0; // the runtimes start it at 0
    setQuant(state, sp);
    m_domain[static_cast<std::size_t>(si)] = 'q';

    if (present(op, 3)) {
        auto& slot = op.inputs[3];
        const model::Tensor b = sg().tensors[static_cast<std::size_t>(slot)];
        const auto bq = quant::quantizeBias(floatsOf(m_r.graph, b), sp.scale.at(0), {timeScale}, 32);
        quant::Params bp;
        bp.scale = {sp.scale.at(0) * timeScale};
        bp.zeroPoint = {0};
        model::Tensor qb = b;
        qb.dtype = DType::Int32;
        qb.buffer = addOwnedBuffer(m_r.graph, toBytes(std::vector<std::int32_t>(bq.begin(), bq.end())));
        setQuant(qb, bp);
        slot = addTensor(qb);
    }

    m_params[y] = *out;
    model::Tensor& output = sg().tensors[static_cast<std::size_t>(y)];
    output.dtype = DType::Int8;
    setQuant(output, *out);
    m_domain[static_cast<std::size_t>(y)] = 'q';
    const quant::OpRule& rule = *quant::ruleFor(Op::SVDF);
    op.opcodeIndex = model::opcodeIndexFor(
        m_r.graph, Op::SVDF, std::max(m_in.opcodes[op.opcodeIndex].version, quant::convertedVersion(rule, m_r.graph, sg(), op, false)));
    return {};
}

} // namespace ql::passes::detail
