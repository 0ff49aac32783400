// SPDX-License-Identifier: MIT
#include "quant/lint.h"

#include "exec/quant_math.h"
#include "quant/op_rules.h"
#include "quant/xnnpack_support.h"

#include <cmath>
#include <sstream>

namespace ql::quant {

namespace {

using model::DType;

bool quantizedActivation(const model::Graph& g, const model::Tensor& t)
{
    return (t.dtype == DType::Int8 || t.dtype == DType::UInt8 || t.dtype == DType::Int16) && t.quantization.hasScale() &&
        !g.isConstant(t);
}

bool isIntegerTensor(const model::Tensor& t)
{
    return (t.dtype == DType::Int8 || t.dtype == DType::UInt8 || t.dtype == DType::Int16) && t.quantization.hasScale();
}

std::string paramsText(const model::Tensor& t)
{
    std::ostringstream s;
    s.precision(7);
    if (t.quantization.scale.empty())
        return "no parameters";
    s << "scale " << t.quantization.scale[0];
    if (!t.quantization.zeroPoint.empty())
        s << " zero point " << t.quantization.zeroPoint[0];
    return s.str();
}

bool sameParams(const model::Tensor& a, const model::Tensor& b)
{
    return a.quantization.scale == b.quantization.scale && a.quantization.zeroPoint == b.quantization.zeroPoint;
}

using exec::powerOfTwoExponent;

// Whether LiteRT runs this int16 ADD / SUB in the power-of-two form of older files: options written with
// pot_scale_int16 (the schema's default) and every scale a power of two.
bool potInt16Form(const model::Operator& op, const model::Tensor& a, const model::Tensor& b, const model::Tensor& y)
{
    bool flag = false;
    if (const auto* o = op.options.AsAddOptions())
        flag = o->pot_scale_int16;
    else if (const auto* o2 = op.options.AsSubOptions())
        flag = o2->pot_scale_int16;
    return flag && powerOfTwoExponent(a.quantization.scale[0]) && powerOfTwoExponent(b.quantization.scale[0]) &&
        powerOfTwoExponent(y.quantization.scale[0]);
}

class Linter {
public:
    explicit Linter(const model::Graph& g)
        : m_g(g)
    {
    }
    LintReport run();

private:
    const model::Tensor& tensor(int sg, int t) const
    {
        return m_g.subgraphs[static_cast<std::size_t>(sg)].tensors[static_cast<std::size_t>(t)];
    }
    void add(Severity s, int sg, int op, const char* check, std::string message)
    {
        LintFinding f;
        f.severity = s;
        f.subgraph = sg;
        f.op = op;
        if (op >= 0)
            f.opName = m_g.opName(m_g.subgraphs[static_cast<std::size_t>(sg)].operators[static_cast<std::size_t>(op)]);
        f.check = check;
        f.message = std::move(message);
        m_r.findings.push_back(std::move(f));
    }
    void checkVersion(int sg, int i, const model::Operator& op, const OpRule* rule);
    void checkSameScale(int sg, int i, const model::Operator& op, const OpRule& rule, XnnpackVerdict verdict);
    void checkFixed(int sg, int i, const model::Operator& op, const OpRule& rule, XnnpackVerdict verdict);
    void checkBias(int sg, int i, const model::Operator& op, const OpRule& rule);
    void checkScales(int sg, int i, const model::Operator& op);
    void checkAddSubRescale(int sg, int i, const model::Operator& op);
    void checkPotInt16(int sg, int i, const model::Operator& op, const model::Tensor& a, const model::Tensor& b,
        const model::Tensor& y);

    const model::Graph& m_g;
    LintReport m_r;
};

void Linter::checkVersion(int sg, int i, const model::Operator& op, const OpRule* rule)
{
    if (!rule)
        return;
    const int v = m_g.opcodes[op.opcodeIndex].version;
    if (v > rule->maxVersion)
        add(Severity::Error, sg, i, "version",
            "version " + std::to_string(v) + ", but LiteRT registers " + m_g.opName(op) + " up to version " +
                std::to_string(rule->maxVersion) + ": the file does not load");
}

// Operators whose inputs and output must carry the same parameters.
void Linter::checkSameScale(int sg, int i, const model::Operator& op, const OpRule& rule, XnnpackVerdict verdict)
{
    if (op.outputs.empty() || op.outputs[0] < 0)
        return;
    const model::Tensor& y = tensor(sg, op.outputs[0]);
    if (!isIntegerTensor(y))
        return;
    const Op code = m_g.opcodeOf(op);
    std::vector<int> inputs;
    if (rule.output == OutputRule::SameAsInput) {
        if (static_cast<int>(op.inputs.size()) > rule.sameAs && op.inputs[static_cast<std::size_t>(rule.sameAs)] >= 0)
            inputs.push_back(rule.sameAs);
    } else {
        for (std::size_t k = 0; k < op.inputs.size(); ++k)
            if (isSharedInput(rule, static_cast<int>(k)) && op.inputs[k] >= 0)
                inputs.push_back(static_cast<int>(k));
    }
    for (const int k : inputs) {
        const model::Tensor& x = tensor(sg, op.inputs[static_cast<std::size_t>(k)]);
        if (!isIntegerTensor(x) || sameParams(x, y))
            continue;
        // XNNPACK requantizes REDUCE_MAX / REDUCE_MIN itself; only the built-in kernel needs equal parameters.
        if ((code == Op::REDUCE_MAX || code == Op::REDUCE_MIN) && verdict == XnnpackVerdict::Delegated)
            continue;
        std::string consequence;
        switch (code) {
        case Op::RESHAPE:
        case Op::SQUEEZE:
        case Op::GATHER:
        case Op::GATHER_ND:
        case Op::RESIZE_NEAREST_NEIGHBOR:
        case Op::AVERAGE_POOL_2D:
        case Op::MAXIMUM:
        case Op::MINIMUM:
        case Op::SELECT:
        case Op::SELECT_V2:
        case Op::TILE:
        case Op::BROADCAST_TO:
        case Op::REVERSE_V2:
            consequence = "LiteRT copies or compares the codes unchanged, so the output is read with the wrong scale";
            break;
        case Op::CONCATENATION:
            if (y.dtype == model::DType::Int16) { // TFLite's int16 kernel copies codes (docs/arithmetic.md 10d)
                consequence = "LiteRT copies or compares the codes unchanged, so the output is read with the wrong scale";
                break;
            }
            [[fallthrough]];
        default:
            consequence = verdict == XnnpackVerdict::BreaksBuild
                ? "XNNPACK refuses to build it and LiteRT then gives garbage for the whole model"
                : "LiteRT's kernel refuses it while preparing the model";
            break;
        }
        add(Severity::Error, sg, i, "same-scale",
            "input " + std::to_string(k) + " '" + x.name + "' (" + paramsText(x) + ") and output '" + y.name + "' (" +
                paramsText(y) + ") must be quantized alike: " + consequence);
    }
}

void Linter::checkFixed(int sg, int i, const model::Operator& op, const OpRule& rule, XnnpackVerdict verdict)
{
    if (op.outputs.empty() || op.outputs[0] < 0)
        return;
    const model::Tensor& y = tensor(sg, op.outputs[0]);
    if (!isIntegerTensor(y) || y.dtype == DType::UInt8)
        return;
    const bool int16 = y.dtype == DType::Int16;
    const FixedParams want = int16 ? rule.fixed16 : rule.fixed8;
    if (want.scale == 0)
        return;
    const float s = y.quantization.scale[0];
    const std::int64_t z = y.quantization.zeroPoint.empty() ? 0 : y.quantization.zeroPoint[0];
    const Op code = m_g.opcodeOf(op);
    // SOFTMAX's kernel allows 0.1 % on the scale; the others want the values exactly.
    const double tolerance = code == Op::SOFTMAX ? 1e-3 : 1e-6;
    if (z == want.zeroPoint && std::abs(static_cast<double>(s) / static_cast<double>(want.scale) - 1.0) <= tolerance)
        return;
    // XNNPACK's int8 LOGISTIC and TANH take any output parameters.
    if ((code == Op::LOGISTIC || code == Op::TANH) && verdict == XnnpackVerdict::Delegated)
        return;
    std::ostringstream w;
    w.precision(7);
    w << "output '" << y.name << "' has " << paramsText(y) << "; LiteRT's kernel requires scale " << want.scale
      << " zero point " << want.zeroPoint << " and refuses the model while preparing it";
    add(Severity::Error, sg, i, "fixed-output", w.str());
}

void Linter::checkBias(int sg, int i, const model::Operator& op, const OpRule& rule)
{
    if (rule.weight < 0 || rule.bias < 0 || op.inputs.empty())
        return;
    const Op code = m_g.opcodeOf(op);
    const int act = code == Op::TRANSPOSE_CONV ? 2 : 0;
    if (static_cast<int>(op.inputs.size()) <= std::max(act, rule.weight) || op.inputs[static_cast<std::size_t>(act)] < 0 ||
        op.inputs[static_cast<std::size_t>(rule.weight)] < 0)
        return;
    const model::Tensor& x = tensor(sg, op.inputs[static_cast<std::size_t>(act)]);
    const model::Tensor& w = tensor(sg, op.inputs[static_cast<std::size_t>(rule.weight)]);
    if (!isIntegerTensor(x) || w.dtype != DType::Int8 || !w.quantization.hasScale())
        return;
    const bool hasBias = static_cast<int>(op.inputs.size()) > rule.bias && op.inputs[static_cast<std::size_t>(rule.bias)] >= 0;
    if (!hasBias) {
        if (code == Op::CONV_2D)
            add(Severity::Error, sg, i, "bias", "an integer CONV_2D needs a bias; LiteRT's kernel refuses it without one");
        return;
    }
    const model::Tensor& b = tensor(sg, op.inputs[static_cast<std::size_t>(rule.bias)]);
    const bool int16 = x.dtype == DType::Int16;
    const bool typeOk = int16 ? (b.dtype == DType::Int64 || b.dtype == DType::Int32) : b.dtype == DType::Int32;
    if (!typeOk) {
        add(Severity::Error, sg, i, "bias",
            "bias '" + b.name + "' is " + model::dtypeName(b.dtype) + "; with " + model::dtypeName(x.dtype) +
                " activations LiteRT needs " + (int16 ? "int64 (or int32)" : "int32"));
        return;
    }
    for (const auto zp : b.quantization.zeroPoint)
        if (zp != 0) {
            add(Severity::Error, sg, i, "bias", "bias '" + b.name + "' has a zero point of " + std::to_string(zp) + "; it must be 0");
            return;
        }
    const auto& ws = w.quantization.scale;
    const auto& bs = b.quantization.scale;
    if (!bs.empty() && (bs.size() == ws.size() || bs.size() == 1)) {
        const float xs = x.quantization.scale[0];
        for (std::size_t c = 0; c < bs.size(); ++c) {
            const double want = static_cast<double>(xs) * static_cast<double>(ws[std::min(c, ws.size() - 1)]);
            if (want > 0 && std::abs(static_cast<double>(bs[c]) / want - 1.0) > 1e-4) {
                std::ostringstream m;
                m.precision(7);
                m << "bias scale " << bs[c] << " (channel " << c << ") is not input scale x weight scale (" << want
                  << "); LiteRT uses the product, so the bias is read " << static_cast<double>(bs[c]) / want << " times too large";
                add(Severity::Error, sg, i, "bias", m.str());
                break;
            }
        }
    }
    // quantized_bias_type, when set, must be the bias tensor's type (the int16 kernels check it).
    tflite::TensorType declared = tflite::TensorType::FLOAT32;
    if (const auto* o = op.options.AsConv2DOptions())
        declared = o->quantized_bias_type;
    else if (const auto* f = op.options.AsFullyConnectedOptions())
        declared = f->quantized_bias_type;
    else if (const auto* t = op.options.AsTransposeConvOptions())
        declared = t->quantized_bias_type;
    const bool declaredMatches = declared == tflite::TensorType::FLOAT32 ||
        (declared == tflite::TensorType::INT32 && b.dtype == DType::Int32) || (declared == tflite::TensorType::INT64 && b.dtype == DType::Int64);
    if (!declaredMatches)
        add(int16 ? Severity::Error : Severity::Warning, sg, i, "bias",
            "the options declare a quantized bias type other than the bias tensor's (" + model::dtypeName(b.dtype) + ")");
}

// Activation scales XNNPACK cannot take (zero, denormal), and int16 zero points the kernels refuse.
void Linter::checkScales(int sg, int i, const model::Operator& op)
{
    auto check = [&](int t) {
        if (t < 0)
            return;
        const model::Tensor& x = tensor(sg, t);
        if (!quantizedActivation(m_g, x))
            return;
        for (const float s : x.quantization.scale)
            if (!(std::isnormal(s) && s > 0)) {
                std::ostringstream m;
                m << "tensor '" << x.name << "' has scale " << s << "; XNNPACK needs a normal, positive scale (a tensor whose "
                  << "calibrated range was [0, 0]?)";
                add(Severity::Error, sg, i, "scale", m.str());
                return;
            }
        if (x.dtype == DType::Int16)
            for (const auto z : x.quantization.zeroPoint)
                if (z != 0) {
                    add(Severity::Error, sg, i, "scale",
                        "int16 tensor '" + x.name + "' has zero point " + std::to_string(z) + "; LiteRT's int16 kernels require 0");
                    return;
                }
    };
    for (const auto t : op.inputs)
        check(t);
    for (const auto t : op.outputs)
        check(t);
}

// Integer ADD / SUB whose inputs' scales are so much larger than the output's that LiteRT's kernel
// cannot rescale them (quant::addSubOutputMultiplier): the program stops while preparing the model.
void Linter::checkAddSubRescale(int sg, int i, const model::Operator& op)
{
    const Op code = m_g.opcodeOf(op);
    if ((code != Op::ADD && code != Op::SUB) || op.inputs.size() < 2 || op.outputs.empty())
        return;
    for (const int t : {op.inputs[0], op.inputs[1], op.outputs[0]})
        if (t < 0 || !isIntegerTensor(tensor(sg, t)))
            return;
    const model::Tensor& a = tensor(sg, op.inputs[0]);
    const model::Tensor& b = tensor(sg, op.inputs[1]);
    const model::Tensor& y = tensor(sg, op.outputs[0]);
    if (a.dtype != y.dtype || b.dtype != y.dtype)
        return;
    if (y.dtype == DType::Int16 && potInt16Form(op, a, b, y)) {
        checkPotInt16(sg, i, op, a, b, y);
        return;
    }
    const double m = addSubOutputMultiplier(a.quantization.scale[0], b.quantization.scale[0], y.quantization.scale[0], y.dtype);
    if (addSubRescalable(m))
        return;
    std::ostringstream msg;
    msg.precision(7);
    if (m > 0.0 && std::isfinite(m))
        msg << "input scales " << a.quantization.scale[0] << " and " << b.quantization.scale[0] << " are 2^"
            << addSubMaxScaleRatioLog2(y.dtype) << " or more times the output scale " << y.quantization.scale[0];
    else
        msg << "scales " << a.quantization.scale[0] << ", " << b.quantization.scale[0] << " and output scale "
            << y.quantization.scale[0] << " overflow float in the rescaling";
    msg << " of '" << y.name << "': LiteRT's " << model::dtypeName(y.dtype)
        << " kernel cannot rescale them and stops the program (Aborted) while preparing the model";
    add(Severity::Error, sg, i, "rescale", msg.str());
}

// The power-of-two int16 form: LiteRT refuses it at prepare unless one input is on the output's scale
// and the other on a finer one, and stops the program on an ADD of this form that broadcasts.
void Linter::checkPotInt16(
    int sg, int i, const model::Operator& op, const model::Tensor& a, const model::Tensor& b, const model::Tensor& y)
{
    const int sa = *powerOfTwoExponent(a.quantization.scale[0]) - *powerOfTwoExponent(y.quantization.scale[0]);
    const int sb = *powerOfTwoExponent(b.quantization.scale[0]) - *powerOfTwoExponent(y.quantization.scale[0]);
    if ((sa != 0 && sb != 0) || sa > 0 || sb > 0)
        add(Severity::Error, sg, i, "rescale",
            "pot_scale_int16 is set and every scale is a power of two, so LiteRT takes its power-of-two int16 form, "
            "which needs one input on the output's scale and the other on the same or a finer one: LiteRT will not "
            "prepare this operator (clear pot_scale_int16 for the general form)");
    else if (m_g.opcodeOf(op) == Op::ADD && a.shape != b.shape)
        add(Severity::Error, sg, i, "rescale",
            "pot_scale_int16 is set and every scale is a power of two: LiteRT's power-of-two int16 ADD does not broadcast "
            "and stops the program on inputs of different shapes (clear pot_scale_int16 for the general form)");
}

LintReport Linter::run()
{
    for (std::size_t s = 0; s < m_g.subgraphs.size(); ++s) {
        const auto& sg = m_g.subgraphs[s];
        for (std::size_t i = 0; i < sg.operators.size(); ++i) {
            const model::Operator& op = sg.operators[i];
            const Op code = m_g.opcodeOf(op);
            const OpRule* rule = ruleFor(code);
            const int si = static_cast<int>(s), oi = static_cast<int>(i);
            checkVersion(si, oi, op, rule);
            const XnnpackDecision d = xnnpackDecision(m_g, si, oi);
            if (s == 0) {
                if (d.verdict == XnnpackVerdict::Delegated)
                    ++m_r.delegatedOperators;
                else
                    ++m_r.builtinOperators;
            }
            const int errorsBefore = m_r.errors();
            checkScales(si, oi, op);
            checkAddSubRescale(si, oi, op);
            // CONCATENATION's fused activation: TFLite's kernel refuses it, XNNPACK ignores it.
            if (const auto* co = op.options.AsConcatenationOptions();
                co && co->fused_activation_function != tflite::ActivationFunctionType::NONE) {
                const std::string act = tflite::EnumNameActivationFunctionType(co->fused_activation_function);
                if (d.verdict == XnnpackVerdict::Delegated)
                    add(Severity::Warning, si, oi, "activation",
                        "XNNPACK ignores CONCATENATION's fused " + act + ": LiteRT's output is not clamped");
                else
                    add(Severity::Error, si, oi, "activation",
                        "LiteRT's CONCATENATION kernel refuses a fused activation (" + act + ")");
            }
            if (rule) {
                if (rule->output == OutputRule::SameAsInput || rule->output == OutputRule::Shared)
                    checkSameScale(si, oi, op, *rule, d.verdict);
                if (rule->output == OutputRule::Fixed)
                    checkFixed(si, oi, op, *rule, d.verdict);
                checkBias(si, oi, op, *rule);
            }
            // The specific finding names the cause; the general one only when there is none.
            if (d.verdict == XnnpackVerdict::BreaksBuild && m_r.errors() == errorsBefore)
                add(Severity::Error, si, oi, "delegation",
                    "XNNPACK accepts this operator but fails to build it (" + d.reason +
                        "); LiteRT.js then leaves every output unwritten");
            else if (s == 0 && d.verdict == XnnpackVerdict::BuiltinKernel)
                add(Severity::Note, si, oi, "delegation", "runs on LiteRT's built-in kernel: " + d.reason);
        }
    }
    m_r.fullyDelegated = xnnpackFullyDelegated(m_g);
    return std::move(m_r);
}

} // namespace

int LintReport::errors() const
{
    int n = 0;
    for (const auto& f : findings)
        n += f.severity == Severity::Error;
    return n;
}

int LintReport::warnings() const
{
    int n = 0;
    for (const auto& f : findings)
        n += f.severity == Severity::Warning;
    return n;
}

LintReport lint(const model::Graph& g)
{
    return Linter(g).run();
}

std::string severityName(Severity s)
{
    switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
    }
    return "?";
}

std::string describe(const LintFinding& f)
{
    std::string where = f.op < 0 ? std::string("model") : "operator " + std::to_string(f.op) + " (" + f.opName + ")";
    if (f.subgraph > 0)
        where += " of subgraph " + std::to_string(f.subgraph);
    return where + ": " + f.message;
}

} // namespace ql::quant
