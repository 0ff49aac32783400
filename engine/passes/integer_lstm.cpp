// SPDX-License-Identifier: MIT
// UNIDIRECTIONAL_SEQUENCE_LSTM in the full-integer pass (integer_pass.h), in the form the converter writes
// for the integer kernel (int8 activations and weights, int16 cell state):
//  - the eight gate weight matrices (inputs 1-8): int8 symmetric, one scale each (max |w| / 127);
//  - the gate biases (12-15): int32, scale = input scale x that gate's input-weight scale;
//  - the hidden state (18, a variable tensor): the output's parameters, since each step's output is the
//    next step's hidden state (the kernel writes the output with the hidden state's parameters);
//  - the cell state (19, a variable tensor): int16, zero point 0, scale 2^p / 32768 where 2^p is the
//    smallest power of two at or above the calibrated max |c| (at least 1: the kernels take cell scales
//    from 2^-15 up; at most 64: LiteRT's integer LSTM refuses cell scales above 2^-9);
//  - five intermediates, as the converter adds them: four float placeholders (used only by layer-normalized
//    LSTMs) and the effective hidden state, int8 with the output's parameters (without a projection the
//    effective hidden state is the output).
// The converter calibrates the states as the tensors hold them before and after each invoke, which the
// calibration here reproduces (quant/calibrate.h tracks variable tensors after every run).
// The integer kernel here (exec/kernels/lstm_integer.cpp, tflite-micro's arithmetic) computes four gates
// without peepholes, projection or layer normalization; other LSTMs stay float, with a note saying why.
#include "passes/integer_pass.h"

#include <array>
#include <cmath>
#include <sstream>

namespace ql::passes::detail {

using model::DType;
using Op = tflite::BuiltinOperator;

namespace {

constexpr float kLargestCell = 64.0f; // LiteRT: cell state scale at most 2^-9

// The largest |c| the calibration saw (the observed range, not a clipped one: a clipped cell saturates).
float cellMaxAbs(const quant::TensorRange& r)
{
    return std::max({std::abs(r.lo), std::abs(r.hi), std::abs(r.observedLo), std::abs(r.observedHi)});
}

// p with 2^p the smallest power of two >= maxAbs, and at least 2^0.
int cellPower(float maxAbs)
{
    const int e = maxAbs > 0 ? static_cast<int>(std::ceil(std::log2(static_cast<double>(maxAbs)))) : 0;
    return std::max(e, 0);
}

} // namespace

std::string IntegerPass::lstmProblem(const model::Operator& op) const
{
    const model::Subgraph& s = src();
    auto tensor = [&](int k) -> const model::Tensor& { return s.tensors[static_cast<std::size_t>(op.inputs[static_cast<std::size_t>(k)])]; };
    const auto* o = op.options.AsUnidirectionalSequenceLSTMOptions();
    if (!o || o->fused_activation_function != tflite::ActivationFunctionType::TANH)
        return "its cell activation is not TANH, the only one of the integer LSTM";
    if (op.inputs.size() < 20 || op.outputs.size() != 1 || op.outputs[0] < 0)
        return "it does not have the 20 inputs and one output of an LSTM";
    if (!hasInput(op, 1))
        return "it has no input gate (CIFG), and QuantLens' integer LSTM computes all four gates";
    for (int k : {9, 10, 11})
        if (hasInput(op, k))
            return "it has peephole connections, which QuantLens' integer LSTM does not compute";
    if (hasInput(op, 16) || hasInput(op, 17))
        return "it has a projection, which QuantLens' integer LSTM does not compute";
    for (int k = 20; k < static_cast<int>(op.inputs.size()); ++k)
        if (hasInput(op, k))
            return "it is layer-normalized, which QuantLens' integer LSTM does not compute";
    if (tensor(0).shape.size() != 3)
        return "its input is not a sequence (rank 3)";
    for (int k = 1; k <= 8; ++k)
        if (!hasInput(op, k) || tensor(k).dtype != DType::Float32 || !m_in.isConstant(tensor(k)) || tensor(k).shape.size() != 2)
            return "its gate weights are not float constant matrices";
    for (int k = 12; k <= 15; ++k)
        if (hasInput(op, k) && (tensor(k).dtype != DType::Float32 || !m_in.isConstant(tensor(k))))
            return "its gate biases are not float constants";
    for (int k : {18, 19}) {
        if (!hasInput(op, k) || !tensor(k).isVariable || tensor(k).dtype != DType::Float32)
            return "its hidden and cell states are not float variable tensors";
        if (readers(op.inputs[static_cast<std::size_t>(k)]) != 1)
            return "its state tensors are shared with other operators";
    }
    const auto cell = static_cast<std::size_t>(op.inputs[19]);
    if (cell >= m_ranges.size() || !m_ranges[cell].valid)
        return "its cell state has no calibrated range";
    if (const float c = cellMaxAbs(m_ranges[cell]); !(c <= kLargestCell)) {
        std::ostringstream m;
        m << "its cell state reaches |c| = " << c << " on the calibration data, beyond the " << kLargestCell
          << " that LiteRT's integer LSTM takes (a cell state scale of at most 2^-9)";
        return m.str();
    }
    return {};
}

Status IntegerPass::quantizeLstm(model::Operator& op, int opIndex)
{
    const std::string where = opLabel(opIndex);
    auto in = quantized(op.inputs[0]);
    if (!in)
        return in.error();
    op.inputs[0] = *in;
    const float inScale = sg().tensors[static_cast<std::size_t>(*in)].quantization.scale.at(0);
    const int y = op.outputs[0];
    auto out = paramsFor(y);
    if (!out)
        return withContext(where, out.error());

    const quant::Scheme ws{8, true, false};
    std::array<float, 4> inputWeightScale{};
    for (int k = 1; k <= 8; ++k) {
        auto& slot = op.inputs[static_cast<std::size_t>(k)];
        const model::Tensor& w = sg().tensors[static_cast<std::size_t>(slot)];
        const quant::Params wp = quant::weightParams(floatsOf(m_r.graph, w), w.shape, 0, ws);
        if (k <= 4)
            inputWeightScale[static_cast<std::size_t>(k - 1)] = wp.scale.at(0);
        slot = weightCodes(slot, wp, ws);
    }
    for (int g = 0; g < 4; ++g)
        if (hasInput(op, 12 + g))
            op.inputs[static_cast<std::size_t>(12 + g)] =
                biasCodes(op.inputs[static_cast<std::size_t>(12 + g)], inScale, {inputWeightScale[static_cast<std::size_t>(g)]}, 32);

    // The hidden state takes the output's parameters, the cell state its power-of-two scale.
    makeInteger(op.inputs[18], DType::Int8, *out);
    quant::Params cp;
    cp.scale = {std::ldexp(1.0f, cellPower(cellMaxAbs(m_ranges[static_cast<std::size_t>(op.inputs[19])])) - 15)};
    cp.zeroPoint = {0};
    makeInteger(op.inputs[19], DType::Int16, cp);

    const std::string base = sg().tensors[static_cast<std::size_t>(y)].name + "/";
    op.intermediates.clear();
    for (const char* gate : {"input_to_input", "input_to_forget", "input_to_cell", "input_to_output"}) {
        model::Tensor t;
        t.name = base + gate + "_intermediate";
        t.dtype = DType::Float32;
        t.shape = {0};
        t.hasRank = true;
        op.intermediates.push_back(addTensor(t));
    }
    model::Tensor effective;
    effective.name = base + "effective_hidden_scale_intermediate";
    effective.dtype = DType::Int8;
    effective.shape = {0};
    effective.hasRank = true;
    setQuant(effective, *out);
    op.intermediates.push_back(addTensor(effective));

    makeInteger(y, DType::Int8, *out);
    setConvertedVersion(op, Op::UNIDIRECTIONAL_SEQUENCE_LSTM, *quant::ruleFor(Op::UNIDIRECTIONAL_SEQUENCE_LSTM));
    return {};
}

} // namespace ql::passes::detail
