// SPDX-License-Identifier: MIT
// Which operators of subgraph 0 the full-integer pass (integer_pass.h) makes integer: those the converter
// quantizes in the chosen mode whose data inputs are float, whose weights are a float constant, whose
// fused activation the integer kernels apply and, for DIV, whose divisor stays clear of 0. The others
// stay float, each with a note saying why (none for those the options keep float).
#include "passes/integer_pass.h"
#include "quant/op_rules.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

namespace ql::passes::detail {

using model::DType;
using Op = tflite::BuiltinOperator;

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

} // namespace

std::vector<bool> IntegerPass::chooseIntegerOperators()
{
    const model::Subgraph& s = src();
    std::vector<bool> integer(s.operators.size(), false);
    // Operator numbers name subgraph 0's operators: a body is matched by operator type and tensor name.
    std::vector<std::string> keep;
    for (const auto& k : m_o.keepFloat)
        if (m_sub == 0 || k.empty() || k.find_first_not_of("0123456789") != std::string::npos)
            keep.push_back(k);
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
        const std::string where = opLabel(static_cast<int>(i)) + " stays float: ";
        // Subgraph 0's operator numbers, in the float operators list; a body's are named in notes only.
        auto floatOperator = [&] {
            if (m_sub == 0)
                m_r.floatOperators.push_back(static_cast<int>(i));
        };
        if (matchesKeep(m_in, s, static_cast<int>(i), keep)) {
            floatOperator();
            continue;
        }
        if (!rule || !(m_int16 ? rule->int16 : rule->int8)) {
            floatOperator();
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
        // An operator the calibration never saw run (an IF branch not taken) has no ranges to quantize with.
        auto unranged = [&](int t) {
            return t >= 0 && m_isFloatActivation[static_cast<std::size_t>(t)] &&
                (static_cast<std::size_t>(t) >= m_ranges.size() || !m_ranges[static_cast<std::size_t>(t)].valid);
        };
        for (std::size_t k = 0; k < op.inputs.size() && why.empty(); ++k)
            if (quant::isDataInput(*rule, static_cast<int>(k)) && unranged(op.inputs[k]))
                why = "tensor '" + s.tensors[static_cast<std::size_t>(op.inputs[k])].name + "' has no calibrated range (the calibration data never reached it)";
        if (rule->output == quant::OutputRule::Own || rule->output == quant::OutputRule::Shared)
            for (auto t : op.outputs)
                if (why.empty() && unranged(t))
                    why = "tensor '" + s.tensors[static_cast<std::size_t>(t)].name + "' has no calibrated range (the calibration data never reached it)";
        if (why.empty() && code == Op::DIV && op.inputs.size() > 1 && op.inputs[1] >= 0)
            why = divisorProblem(s, op.inputs[1]);
        if (why.empty() && code == Op::UNIDIRECTIONAL_SEQUENCE_LSTM)
            why = lstmProblem(op);
        if (why.empty() && code == Op::SVDF)
            why = svdfProblem(op);
        if (why.empty() && (code == Op::ADD || code == Op::SUB) && !op.outputs.empty() && op.outputs[0] >= 0)
            why = addSubScaleProblem(s, op.outputs[0]);
        for (const auto t : op.outputs)
            if (why.empty() && t >= 0 && rule->output != quant::OutputRule::NotQuantized &&
                s.tensors[static_cast<std::size_t>(t)].dtype != DType::Float32)
                why = "an output is " + model::dtypeName(s.tensors[static_cast<std::size_t>(t)].dtype);
        if (!why.empty()) {
            floatOperator();
            m_r.notes.push_back(where + why);
            continue;
        }
        integer[i] = true;
    }
    return integer;
}

// An integer DIV divides by (divisor code - zero point), and LiteRT stops the model when that is 0.
// The zero point always represents 0, so a divisor is safe only when its values stay at least a step
// away from 0: a constant whose every value keeps a non-zero code, or an activation whose calibrated
// range keeps one full step from 0. Otherwise the DIV stays float (the converter would quantize it).
std::string IntegerPass::divisorProblem(const model::Subgraph& s, int t) const
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
    const float step =
        m_int16 ? std::max(std::abs(lo), std::abs(hi)) / 32767.0f : (std::max(hi, 0.0f) - std::min(lo, 0.0f)) / 255.0f;
    const float margin = m_in.isConstant(d) ? 0.5f * step : step;
    if (nearest >= margin && nearest > 0)
        return {};
    return "its divisor's range [" + std::to_string(lo) + ", " + std::to_string(hi) +
        "] comes within one quantization step of 0, and LiteRT stops the model when an integer divisor is 0";
}

// LiteRT's integer ADD / SUB multiply the output scale by 2^20 (8-bit) or 2^15 (int16) in float
// (quant::addSubOutputMultiplier); an output range so wide (a float model overflowing on its calibration
// data, such as an EXP reaching 1e38) that this overflows stops the program. The scale is estimated from
// the calibrated range, with a factor of 2 of margin for zero-point nudging.
std::string IntegerPass::addSubScaleProblem(const model::Subgraph& s, int t) const
{
    if (static_cast<std::size_t>(t) >= m_ranges.size() || !m_ranges[static_cast<std::size_t>(t)].valid ||
        m_in.isConstant(s.tensors[static_cast<std::size_t>(t)]))
        return {};
    const double lo = m_ranges[static_cast<std::size_t>(t)].lo, hi = m_ranges[static_cast<std::size_t>(t)].hi;
    const double scale = m_int16 ? std::max(std::abs(lo), std::abs(hi)) / 32767.0 : (std::max(hi, 0.0) - std::min(lo, 0.0)) / 255.0;
    if (std::isfinite(scale) && 2.0 * scale <= quant::addSubLargestOutputScale(actType()))
        return {};
    std::ostringstream m;
    m.precision(4);
    m << "its output range [" << lo << ", " << hi << "] is so wide that LiteRT's integer kernel overflows float rescaling it "
      << "and stops the program (calibration data the float model overflows on?)";
    return m.str();
}

} // namespace ql::passes::detail
