// SPDX-License-Identifier: MIT
#include "passes/quantize.h"

#include "exec/half.h"
#include "model/transform.h"
#include "passes/common.h"
#include "quant/op_rules.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace ql::passes {

using model::DType;
using Op = tflite::BuiltinOperator;
using detail::floatsOf;
using detail::setQuant;
using detail::toBytes;

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

namespace detail {

} // namespace detail

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

namespace detail {

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

} // namespace detail

bool keptInFloat(const model::Graph& g, int op, const std::vector<std::string>& keep)
{
    const auto& sg = g.main();
    return op >= 0 && op < static_cast<int>(sg.operators.size()) && detail::matchesKeep(g, sg, op, keep);
}

std::string describe(const QuantizeOptions& o)
{
    std::string d = "QuantLens " QUANTLENS_VERSION_STRING ": mode " + modeName(o.mode);
    if (o.mode == Mode::Int8 || o.mode == Mode::Int16x8) {
        d += o.io == IoType::Float ? ", float I/O" : o.io == IoType::UInt8 ? ", uint8 I/O" : "";
        d += o.perChannel ? ", per-channel weights" : ", per-tensor weights";
        if (o.calibration.samples == 0 && !o.calibrationSource.empty())
            d += ", activation ranges from " + o.calibrationSource;
        else
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

namespace {

// ---------------------------------------------------------------------------------------------
// float16: every float32 constant (in every subgraph) becomes a float16 constant feeding a DEQUANTIZE.

Result<QuantizeResult> toFloat16(const model::Graph& in)
{
    QuantizeResult r;
    r.graph = in;
    model::Graph& g = r.graph;
    const std::uint32_t dq = model::opcodeIndexFor(g, Op::DEQUANTIZE, 3);
    for (auto& sg : g.subgraphs) {
        std::vector<model::Operator> dequantizes;
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
            half.buffer = model::addOwnedBuffer(g, toBytes(h));
            sg.tensors.push_back(half);
            sg.tensors[static_cast<std::size_t>(t)].buffer = 0;
            model::Operator op;
            op.opcodeIndex = dq;
            op.inputs = {static_cast<std::int32_t>(sg.tensors.size() - 1)};
            op.outputs = {t};
            dequantizes.push_back(op);
        }
        sg.operators.insert(sg.operators.begin(), dequantizes.begin(), dequantizes.end());
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// Dynamic range (quant/op_rules.h, DynamicRule): int8 weights; hybrid kernels take them as they are,
// the others (TRANSPOSE_CONV, EMBEDDING_LOOKUP, GATHER) get a DEQUANTIZE in front. Activations stay float.

Result<QuantizeResult> toDynamic(const model::Graph& in, const QuantizeOptions& o)
{
    QuantizeResult r;
    r.graph = in;
    model::Graph& g = r.graph;
    for (std::size_t s = 0; s < g.subgraphs.size(); ++s) {
        model::Subgraph& sg = g.subgraphs[s];
        std::vector<model::Operator> ops;
        // A weight tensor shared by several operators (an unrolled recurrent layer) is quantized once:
        // float weight -> its int8 tensor and, for weight-only operators, the DEQUANTIZE output.
        std::map<std::tuple<int, int, bool, bool>, std::pair<std::int32_t, std::int32_t>> done;
        // Float constant wi -> a new int8 tensor, symmetric, per channel along `axis` or per tensor.
        auto quantizeWeight = [&](int wi, int axis, bool perChannel) {
            const model::Tensor& w = sg.tensors[static_cast<std::size_t>(wi)];
            const quant::Scheme scheme{8, true, perChannel};
            const auto v = floatsOf(g, w);
            const quant::Params p = quant::weightParams(v, w.shape, std::max(axis, 0), scheme);
            const auto q = quant::quantizeValues(v, w.shape, p, scheme);
            model::Tensor qw = w;
            qw.dtype = DType::Int8;
            qw.buffer = model::addOwnedBuffer(g, toBytes(std::vector<std::int8_t>(q.begin(), q.end())));
            setQuant(qw, p);
            sg.tensors.push_back(qw);
            return static_cast<std::int32_t>(sg.tensors.size() - 1);
        };
        // A recurrent operator with several weight inputs (DynamicRule::weights): each per tensor, all
        // of them or none. Returns a note when the operator stays float for its size.
        auto quantizeRecurrent = [&](model::Operator& op, const quant::DynamicRule& rule, int index) -> std::string {
            std::vector<std::size_t> slots;
            for (std::size_t k = 0; k < op.inputs.size() && k < 64; ++k) {
                if (((rule.weights >> k) & 1u) == 0 || op.inputs[k] < 0)
                    continue;
                const model::Tensor& w = sg.tensors[static_cast<std::size_t>(op.inputs[k])];
                if (w.dtype != DType::Float32 || !g.isConstant(w) || w.isSparse())
                    return {};
                if (w.elementCount() < o.dynamicMinElements) {
                    if (rule.allOrNothing)
                        return "operator " + std::to_string(index) + " (" + g.opName(op) + ") stays float: its weights '" +
                            w.name + "' have " + std::to_string(w.elementCount()) + " values, fewer than " +
                            std::to_string(o.dynamicMinElements) + ", and the converter quantizes a recurrent layer's "
                            "weights all together or not at all";
                    continue;
                }
                slots.push_back(k);
            }
            if (slots.empty())
                return {};
            for (const std::size_t k : slots) {
                const auto key = std::make_tuple(static_cast<int>(op.inputs[k]), -1, true, false);
                auto it = done.find(key);
                if (it == done.end())
                    it = done.emplace(key, std::make_pair(quantizeWeight(op.inputs[k], -1, false), -1)).first;
                op.inputs[k] = it->second.first;
            }
            bool asymmetric = false;
            if (auto* u = op.options.AsUnidirectionalSequenceLSTMOptions())
                asymmetric = u->asymmetric_quantize_inputs = rule.asymmetricInputs;
            else if (auto* l = op.options.AsLSTMOptions())
                asymmetric = l->asymmetric_quantize_inputs = rule.asymmetricInputs;
            else if (auto* b = op.options.AsBidirectionalSequenceLSTMOptions())
                asymmetric = b->asymmetric_quantize_inputs = rule.asymmetricInputs;
            else if (auto* v = op.options.AsSVDFOptions())
                asymmetric = v->asymmetric_quantize_inputs = rule.asymmetricInputs;
            else if (auto* rn = op.options.AsRNNOptions())
                asymmetric = rn->asymmetric_quantize_inputs = rule.asymmetricInputs;
            else if (auto* sr = op.options.AsSequenceRNNOptions())
                asymmetric = sr->asymmetric_quantize_inputs = rule.asymmetricInputs;
            // The converter's versions: one lower without asymmetric inputs (options the file lacks).
            const int version = asymmetric ? rule.version : rule.version - 1;
            op.opcodeIndex = model::opcodeIndexFor(g, g.opcodeOf(op), std::max(g.opcodes[op.opcodeIndex].version, version));
            return {};
        };
        for (std::size_t i = 0; i < sg.operators.size(); ++i) {
            model::Operator op = sg.operators[i];
            const Op code = g.opcodeOf(op);
            const quant::DynamicRule* rule = quant::dynamicRuleFor(code);
            const bool keep = s == 0 && detail::matchesKeep(in, in.main(), static_cast<int>(i), o.keepFloat);
            if (rule && rule->weights != 0 && !keep) {
                if (auto note = quantizeRecurrent(op, *rule, static_cast<int>(i)); !note.empty())
                    r.notes.push_back("subgraph " + std::to_string(s) + ", " + note);
                ops.push_back(std::move(op));
                continue;
            }
            const int wi = rule && static_cast<int>(op.inputs.size()) > rule->weight ? op.inputs[static_cast<std::size_t>(rule->weight)] : -1;
            if (!rule || keep || wi < 0) {
                ops.push_back(std::move(op));
                continue;
            }
            const model::Tensor& w = sg.tensors[static_cast<std::size_t>(wi)];
            if (w.dtype != DType::Float32 || !g.isConstant(w) || w.isSparse() || w.elementCount() < o.dynamicMinElements) {
                ops.push_back(std::move(op));
                continue;
            }
            const bool perChannel = rule->axis >= 0 && (code == Op::FULLY_CONNECTED ? o.perChannelDense : o.perChannel);
            // The same weights feeding operators of another kind (another axis) are quantized again.
            const auto key = std::make_tuple(wi, rule->axis, rule->hybrid, perChannel);
            std::int32_t qi = -1;
            if (auto it = done.find(key); it != done.end() && rule->hybrid) {
                qi = it->second.first;
            } else if (it != done.end()) {
                op.inputs[static_cast<std::size_t>(rule->weight)] = it->second.second;
                ops.push_back(std::move(op));
                continue;
            } else {
                qi = quantizeWeight(wi, rule->axis, perChannel);
                done[key] = {qi, -1};
            }
            if (rule->hybrid) {
                op.inputs[static_cast<std::size_t>(rule->weight)] = qi;
                if (auto* f = op.options.AsFullyConnectedOptions())
                    f->asymmetric_quantize_inputs = rule->asymmetricInputs;
                if (auto* b = op.options.AsBatchMatMulOptions())
                    b->asymmetric_quantize_inputs = rule->asymmetricInputs;
                op.opcodeIndex = model::opcodeIndexFor(g, code,
                    std::max(g.opcodes[op.opcodeIndex].version, perChannel ? rule->version : rule->versionPerTensor));
            } else {
                // Weight-only: the int8 constant, a DEQUANTIZE to float, the float operator.
                model::Tensor f = w;
                f.name = w.name + "_dequantized";
                f.buffer = 0;
                sg.tensors.push_back(f);
                const auto fi = static_cast<std::int32_t>(sg.tensors.size() - 1);
                done[key].second = fi;
                model::Operator dq;
                dq.opcodeIndex = model::opcodeIndexFor(g, Op::DEQUANTIZE, perChannel ? 5 : 2);
                dq.inputs = {qi};
                dq.outputs = {fi};
                ops.push_back(std::move(dq));
                op.inputs[static_cast<std::size_t>(rule->weight)] = fi;
            }
            ops.push_back(std::move(op));
        }
        sg.operators = std::move(ops);
    }
    return r;
}

} // namespace

Result<QuantizeResult> quantizeGraph(
    const model::Graph& floatGraph, const QuantizeOptions& options, const std::vector<quant::TensorRange>& ranges)
{
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
        if (ranges.size() < floatGraph.main().tensors.size())
            return Error{modeName(options.mode) + " needs calibration data"};
        r = detail::quantizeInteger(floatGraph, options, ranges);
        break;
    }
    if (!r)
        return r;
    model::dropUnused(r->graph);
    r->graph.description = describe(options);
    r->graph.file = floatGraph.file; // the unchanged constants still view the input file
    r->lint = quant::lint(r->graph);
    if (!r->lint.ok()) {
        std::string problems;
        for (const auto& f : r->lint.findings)
            if (f.severity == quant::Severity::Error)
                problems += "\n  " + quant::describe(f);
        return Error{"the " + modeName(options.mode) + " model would not run in LiteRT as QuantLens computes it; it is not written:" +
            problems};
    }
    return r;
}

Result<model::Graph> simulateWeights(const model::Graph& in, const quant::Scheme& scheme)
{
    if (auto st = quant::checkScheme(scheme); !st)
        return st.error();
    model::Graph g = in;
    model::Subgraph& sg = g.subgraphs.front();
    for (const auto& op : sg.operators) {
        const auto slot = weightSlot(g.opcodeOf(op));
        if (!slot || static_cast<int>(op.inputs.size()) <= slot->weight ||
            op.inputs[static_cast<std::size_t>(slot->weight)] < 0)
            continue;
        model::Tensor& w = sg.tensors[static_cast<std::size_t>(op.inputs[static_cast<std::size_t>(slot->weight)])];
        if (w.dtype != DType::Float32 || !g.isConstant(w))
            continue;
        const auto v = detail::floatsOf(g, w);
        const quant::Params p = quant::weightParams(v, w.shape, slot->axis, scheme);
        const auto dq = quant::dequantizeValues(quant::quantizeValues(v, w.shape, p, scheme), w.shape, p);
        w.buffer = model::addOwnedBuffer(g, detail::toBytes(dq));
    }
    model::dropUnused(g);
    g.description =
        "QuantLens teaching simulation: weights " + scheme.describe() + " (quantize-dequantize), float activations";
    return g;
}

} // namespace ql::passes
