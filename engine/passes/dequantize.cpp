// SPDX-License-Identifier: MIT
// From a quantized (or float16-weight) graph back to a float32 one.
#include "model/validate.h"
#include "passes/common.h"

#include "exec/custom/registry.h"
#include "exec/half.h"
#include "model/sparsity.h"
#include "model/transform.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace ql::passes {

using model::DType;
using Op = tflite::BuiltinOperator;
using detail::floatsOf;
using detail::toBytes;

namespace {

bool isQuantizedType(DType t)
{
    return t == DType::Int8 || t == DType::UInt8 || t == DType::Int16 || t == DType::Int32 || t == DType::Int64 ||
        t == DType::Int4;
}

// The range an integer activation covers: its codes' span dequantized. Recorded as the float tensor's min/max,
// the form quantization-aware training uses, so that re-quantizing keeps the file's own activation scales.
void keepCoveredRange(model::Tensor& t)
{
    const auto& q = t.quantization;
    if (q.scale.size() != 1 || q.zeroPoint.size() > 1)
        return;
    double lo = 0, hi = 0;
    switch (t.dtype) {
    case DType::Int8: lo = -128; hi = 127; break;
    case DType::UInt8: lo = 0; hi = 255; break;
    case DType::Int16: lo = -32768; hi = 32767; break;
    default: return;
    }
    const double zp = q.zeroPoint.empty() ? 0.0 : static_cast<double>(q.zeroPoint[0]);
    const double s = static_cast<double>(q.scale[0]);
    if (!(s > 0) || !std::isfinite(s))
        return;
    t.quantization.min = {static_cast<float>((lo - zp) * s)};
    t.quantization.max = {static_cast<float>((hi - zp) * s)};
}

} // namespace

Result<std::vector<float>> dequantizedValues(const model::Graph& g, const model::Tensor& t)
{
    const auto d = g.tensorData(t);
    const std::int64_t n = t.elementCount();
    std::vector<float> v(static_cast<std::size_t>(n));
    if (t.dtype == DType::Float16) {
        if (static_cast<std::int64_t>(d.size()) < n * 2)
            return Error{"tensor '" + t.name + "' holds too few bytes"};
        for (std::int64_t i = 0; i < n; ++i) {
            std::uint16_t h;
            std::memcpy(&h, d.data() + i * 2, 2);
            v[static_cast<std::size_t>(i)] = exec::halfToFloat(h);
        }
        return v;
    }
    const auto& q = t.quantization;
    const int bytes = t.dtype == DType::Int16 ? 2 : t.dtype == DType::Int32 ? 4 : t.dtype == DType::Int64 ? 8 : 1;
    if (t.dtype == DType::Int4 || static_cast<std::int64_t>(d.size()) < n * bytes)
        return Error{"tensor '" + t.name + "': " + model::dtypeName(t.dtype) + " constants cannot be dequantized"};
    quant::Params p;
    p.scale = q.scale;
    p.zeroPoint = q.zeroPoint.empty() ? std::vector<std::int64_t>(q.scale.size(), 0) : q.zeroPoint;
    if (p.zeroPoint.size() != p.scale.size())
        p.zeroPoint.resize(p.scale.size(), p.zeroPoint.empty() ? 0 : p.zeroPoint[0]);
    p.axis = model::channelAxis(t);
    const quant::ChannelIndexer ch(t.shape, p.axis, p.perChannel());
    for (std::int64_t i = 0; i < n; ++i) {
        std::int64_t code = 0;
        switch (t.dtype) {
        case DType::Int8: code = static_cast<std::int8_t>(d[static_cast<std::size_t>(i)]); break;
        case DType::UInt8: code = d[static_cast<std::size_t>(i)]; break;
        case DType::Int16: {
            std::int16_t x;
            std::memcpy(&x, d.data() + i * 2, 2);
            code = x;
            break;
        }
        case DType::Int32: {
            std::int32_t x;
            std::memcpy(&x, d.data() + i * 4, 4);
            code = x;
            break;
        }
        default: std::memcpy(&code, d.data() + i * 8, 8); break;
        }
        const auto c = static_cast<std::size_t>(ch(i));
        v[static_cast<std::size_t>(i)] =
            static_cast<float>(static_cast<double>(code - p.zeroPoint[c]) * static_cast<double>(p.scale[c]));
    }
    return v;
}


Result<model::Graph> dequantizeGraph(const model::Graph& in, std::vector<int>* toOriginal)
{
    model::Graph g = in;
    for (std::size_t s = 0; s < g.subgraphs.size(); ++s) {
        model::Subgraph& sg = g.subgraphs[s];
        // Constants: sparse ones densified, quantized (with a scale) or float16 ones -> float32.
        for (auto& t : sg.tensors) {
            if (!in.isConstant(t))
                continue;
            if (t.isSparse()) {
                auto dense = model::denseConstant(g, t);
                if (!dense)
                    return withContext("tensor '" + t.name + "'", dense.error());
                t.sparsity.reset();
                t.buffer = model::addOwnedBuffer(g, std::move(dense.value()));
            }
            const bool quantized = isQuantizedType(t.dtype) && t.quantization.hasScale();
            if (!quantized && t.dtype != DType::Float16)
                continue;
            auto v = dequantizedValues(g, t);
            if (!v)
                return v.error();
            t.dtype = DType::Float32;
            t.quantization = {};
            t.buffer = model::addOwnedBuffer(g, toBytes(*v));
        }
        // Activations: integer tensors with a scale, and float16 ones (a DENSIFY of a sparse float16
        // constant feeding its DEQUANTIZE) -> float32.
        for (auto& t : sg.tensors)
            if (!g.isConstant(t) && ((isQuantizedType(t.dtype) && t.quantization.hasScale() && t.dtype != DType::Int32) ||
                                        t.dtype == DType::Float16)) {
                model::Tensor f = t;
                f.quantization = {};
                f.dtype = DType::Float32;
                if (s == 0) {
                    keepCoveredRange(t);
                    f.quantization.min = t.quantization.min;
                    f.quantization.max = t.quantization.max;
                }
                t = std::move(f);
            }
        // QUANTIZE / DEQUANTIZE / DENSIFY now map float to float: fold them (a constant input) or bypass them.
        std::map<int, int> alias;
        auto resolve = [&](int t) {
            while (alias.count(t))
                t = alias[t];
            return t;
        };
        std::vector<model::Operator> kept;
        std::vector<int> keptFrom; // original index of each kept operator
        for (std::size_t k = 0; k < sg.operators.size(); ++k) {
            model::Operator op = sg.operators[k];
            for (auto& t : op.inputs)
                if (t >= 0)
                    t = resolve(t);
            const Op code = g.opcodeOf(op);
            if ((code == Op::QUANTIZE || code == Op::DEQUANTIZE || code == Op::DENSIFY) && op.inputs.size() == 1 &&
                op.outputs.size() == 1) {
                const int src = op.inputs[0], dst = op.outputs[0];
                model::Tensor& from = sg.tensors[static_cast<std::size_t>(src)];
                model::Tensor& to = sg.tensors[static_cast<std::size_t>(dst)];
                if (from.dtype == DType::Float32 && to.dtype == DType::Float32) {
                    if (g.isConstant(from)) {
                        to.buffer = from.buffer; // folded: the output is the dequantized constant
                    } else {
                        const bool graphOutput = std::find(sg.outputs.begin(), sg.outputs.end(), dst) != sg.outputs.end();
                        const bool graphInput = std::find(sg.inputs.begin(), sg.inputs.end(), src) != sg.inputs.end();
                        if (graphOutput && graphInput) {
                            kept.push_back(op); // input straight to output: keep the (now float) op
                            keptFrom.push_back(static_cast<int>(k));
                            continue;
                        }
                        // The tensor that stays carries the range of the one it replaces when it has none
                        // (a float input quantized at once, an int8 result dequantized for the output).
                        auto carryRange = [](model::Tensor& stays, const model::Tensor& goes) {
                            if (stays.quantization.min.empty() && !goes.quantization.min.empty()) {
                                stays.quantization.min = goes.quantization.min;
                                stays.quantization.max = goes.quantization.max;
                            }
                        };
                        if (graphOutput) {
                            // Keep the output tensor (its name is the model's); let the producer write it.
                            for (auto& prev : kept)
                                for (auto& o : prev.outputs)
                                    if (o == src)
                                        o = dst;
                            alias[src] = dst;
                            carryRange(to, from);
                        } else {
                            alias[dst] = src;
                            carryRange(from, to);
                        }
                    }
                    continue;
                }
            }
            // A custom kernel that reads some inputs only as the file's codes gets them through a QUANTIZE
            // to the file's type and parameters (not part of the file: no original index).
            const auto& opcode = g.opcodes[op.opcodeIndex];
            if (const auto* custom = code == Op::CUSTOM ? exec::findCustomKernel(opcode.customCode) : nullptr)
                for (std::size_t j = 0; j < op.inputs.size() && j < 32; ++j) {
                    const int original = sg.operators[k].inputs[j];
                    if (!(custom->codeInputs & (1u << j)) || original < 0)
                        continue;
                    const model::Tensor& was = in.subgraphs[s].tensors[static_cast<std::size_t>(original)];
                    if (in.isConstant(was) || !isQuantizedType(was.dtype) || !was.quantization.hasScale())
                        continue;
                    model::Tensor codes = was;
                    codes.name += was.dtype == DType::UInt8 ? "_uint8" : was.dtype == DType::Int16 ? "_int16" : "_int8";
                    codes.quantization.min.clear();
                    codes.quantization.max.clear();
                    sg.tensors.push_back(std::move(codes));
                    model::Operator q;
                    q.opcodeIndex = model::opcodeIndexFor(g, Op::QUANTIZE);
                    q.inputs = {op.inputs[j]};
                    q.outputs = {static_cast<std::int32_t>(sg.tensors.size() - 1)};
                    op.inputs[j] = q.outputs[0];
                    kept.push_back(std::move(q));
                    keptFrom.push_back(-1);
                }
            kept.push_back(op);
            keptFrom.push_back(static_cast<int>(k));
        }
        sg.operators = std::move(kept);
        if (s == 0 && toOriginal)
            *toOriginal = std::move(keptFrom);
        for (auto& t : sg.outputs)
            t = resolve(t);
        if (!alias.empty())
            for (auto& sig : g.signatureDefs)
                if (sig.subgraphIndex == s) {
                    for (auto& t : sig.inputs)
                        t.tensorIndex = static_cast<std::uint32_t>(resolve(static_cast<int>(t.tensorIndex)));
                    for (auto& t : sig.outputs)
                        t.tensorIndex = static_cast<std::uint32_t>(resolve(static_cast<int>(t.tensorIndex)));
                }
    }
    model::dropUnused(g);
    g.description =
        in.description.empty() ? "dequantized by QuantLens" : in.description + " (dequantized by QuantLens)";
    return g;
}

namespace {

// Tensors a QUANTIZE writes from a float tensor only to feed a custom kernel's code inputs: the one
// place a dequantized graph keeps integer activations.
std::vector<bool> keptCodes(const model::Graph& g, const model::Subgraph& sg)
{
    std::vector<bool> codes(sg.tensors.size(), false);
    std::vector<int> quantizedFromFloat(sg.tensors.size(), 0);
    for (const auto& op : sg.operators)
        if (g.opcodeOf(op) == Op::QUANTIZE && op.inputs.size() == 1 && op.outputs.size() == 1 && op.inputs[0] >= 0 &&
            sg.tensors[static_cast<std::size_t>(op.inputs[0])].dtype == DType::Float32)
            quantizedFromFloat[static_cast<std::size_t>(op.outputs[0])] = 1;
    for (const auto& op : sg.operators) {
        const auto& opcode = g.opcodes[op.opcodeIndex];
        const auto* custom = opcode.builtin == Op::CUSTOM ? exec::findCustomKernel(opcode.customCode) : nullptr;
        for (std::size_t j = 0; custom && j < op.inputs.size() && j < 32; ++j)
            if ((custom->codeInputs & (1u << j)) && op.inputs[j] >= 0 &&
                quantizedFromFloat[static_cast<std::size_t>(op.inputs[j])])
                codes[static_cast<std::size_t>(op.inputs[j])] = true;
    }
    return codes;
}

} // namespace

bool isQuantized(const model::Graph& g)
{
    for (const auto& sg : g.subgraphs) {
        const std::vector<bool> codes = keptCodes(g, sg);
        for (std::size_t k = 0; k < sg.tensors.size(); ++k) {
            const auto& t = sg.tensors[k];
            if (codes[k])
                continue;
            if (t.dtype == DType::Int8 || t.dtype == DType::UInt8 || t.dtype == DType::Int16 || t.dtype == DType::Float16 ||
                (t.quantization.hasScale() && t.dtype != DType::Float32) || (t.isSparse() && t.dtype != DType::Float32))
                return true;
        }
    }
    return false;
}

} // namespace ql::passes
