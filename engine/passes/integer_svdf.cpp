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

namespace {

constexpr quant::Scheme kFeature{8, true, false}, kTime{10, true, false}, kState{16, true, false};

} // namespace

std::string IntegerPass::svdfProblem(const model::Operator& op) const
{
    const model::Subgraph& s = src();
    auto tensor = [&](int k) -> const model::Tensor& { return s.tensors[static_cast<std::size_t>(op.inputs[static_cast<std::size_t>(k)])]; };
    const auto* o = op.options.AsSVDFOptions();
    if (!o || o->fused_activation_function != tflite::ActivationFunctionType::RELU)
        return "LiteRT runs an integer SVDF only with a RELU activation";
    if (op.inputs.size() < 5 || !hasInput(op, 0) || !hasInput(op, 4) || op.outputs.size() != 1 || op.outputs[0] < 0)
        return "it does not have the inputs and output of an SVDF";
    for (int k : {1, 2})
        if (!hasInput(op, k) || tensor(k).dtype != DType::Float32 || !m_in.isConstant(tensor(k)) || tensor(k).shape.size() != 2)
            return "its weights are not float constant matrices";
    if (hasInput(op, 3) && (tensor(3).dtype != DType::Float32 || !m_in.isConstant(tensor(3))))
        return "its bias is not a float constant";
    if (!tensor(4).isVariable || tensor(4).dtype != DType::Float32)
        return "its state is not a float variable tensor";
    if (readers(op.inputs[4]) != 1)
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
        const model::Tensor& w = sg().tensors[static_cast<std::size_t>(slot)];
        const quant::Params p = quant::weightParams(floatsOf(m_r.graph, w), w.shape, 0, scheme);
        slot = weightCodes(slot, p, scheme);
        return p.scale.at(0);
    };
    weights(1, kFeature);
    const float timeScale = weights(2, kTime);
    const quant::TensorRange& sr = m_ranges[static_cast<std::size_t>(op.inputs[4])];
    const quant::Params state = quant::activationParams(sr.lo, sr.hi, kState);
    makeInteger(op.inputs[4], DType::Int16, state);
    if (hasInput(op, 3))
        op.inputs[3] = biasCodes(op.inputs[3], state.scale.at(0), {timeScale}, 32);
    makeInteger(y, DType::Int8, *out);
    setConvertedVersion(op, Op::SVDF, *quant::ruleFor(Op::SVDF));
    return {};
}

} // namespace ql::passes::detail
