// SPDX-License-Identifier: MIT
#include "target/profile.h"

#include "quant/lint.h"
#include "target/micro_arena.h"

#include <algorithm>

namespace ql::target {

namespace {

bool contains(const std::vector<model::DType>& list, model::DType t)
{
    return std::find(list.begin(), list.end(), t) != list.end();
}

std::string typeList(const std::vector<model::DType>& list)
{
    std::string s;
    for (std::size_t i = 0; i < list.size(); ++i)
        s += (i == 0 ? "" : i + 1 == list.size() ? " or " : ", ") + model::dtypeName(list[i]);
    return s;
}

std::string bytesText(std::int64_t b)
{
    return std::to_string(b) + " bytes";
}

} // namespace

bool CheckResult::runs() const
{
    return std::none_of(findings.begin(), findings.end(), [](const Finding& f) { return f.impact == Impact::Blocks; });
}

std::string impactName(Impact i)
{
    switch (i) {
    case Impact::Blocks: return "blocks";
    case Impact::FallsBack: return "falls back";
    case Impact::Note: return "note";
    }
    return "note";
}

CheckResult check(const model::Graph& g, const Profile& profile, std::int64_t fileBytes, bool ignoreIo)
{
    CheckResult out;
    out.flashBytes = fileBytes;
    const auto& sg = g.main();
    const std::string where = profile.title.empty() ? profile.name : profile.title;
    // Past the cut, operators run on the CPU: they are not checked against the target.
    const Impact missing = profile.fallsBackToCpu ? Impact::FallsBack : Impact::Blocks;
    auto add = [&](Impact impact, int op, const std::string& rule, const std::string& message) {
        out.findings.push_back(
            {impact, op, op >= 0 ? g.opName(sg.operators[static_cast<std::size_t>(op)]) : std::string(), rule, message});
    };
    auto tensor = [&](int i) -> const model::Tensor& { return sg.tensors[static_cast<std::size_t>(i)]; };

    if (profile.requiresQuantized) {
        const bool integer = std::any_of(sg.operators.begin(), sg.operators.end(), [&](const model::Operator& o) {
            return std::any_of(o.outputs.begin(), o.outputs.end(), [&](int t) {
                return t >= 0 && (tensor(t).dtype == model::DType::Int8 || tensor(t).dtype == model::DType::UInt8 ||
                                     tensor(t).dtype == model::DType::Int16);
            });
        });
        if (!integer) {
            add(Impact::Blocks, -1, "quantized",
                "the model is not quantized: " + where +
                    " takes only models whose tensors are 8-bit integers (export it as full-integer int8 first)");
            return out;
        }
    }
    for (std::size_t i = 0; i < sg.operators.size(); ++i) {
        const int op = static_cast<int>(i);
        if (out.cutAt >= 0)
            break;
        const auto& o = sg.operators[i];
        const std::string name = g.opName(o);
        if (ignoreIo) { // the conversions an export with float I/O puts at the edges
            const auto in = [&](int t) { return std::find(sg.inputs.begin(), sg.inputs.end(), t) != sg.inputs.end(); };
            const auto outp = [&](int t) { return std::find(sg.outputs.begin(), sg.outputs.end(), t) != sg.outputs.end(); };
            const auto code = g.opcodeOf(o);
            if ((code == tflite::BuiltinOperator::QUANTIZE && !o.inputs.empty() && in(o.inputs[0])) ||
                (code == tflite::BuiltinOperator::DEQUANTIZE && !o.outputs.empty() && outp(o.outputs[0])))
                continue;
        }
        bool supported = true;
        if (!profile.operators.empty()) {
            const auto it = profile.operators.find(name);
            if (it == profile.operators.end()) {
                add(missing, op, "operator", name + " is not an operator " + where + " runs");
                supported = false;
            } else if (!it->second.types.empty()) {
                // The activation the kernel works on: its first input that is not a constant.
                for (const int t : o.inputs)
                    if (t >= 0 && !g.isConstant(tensor(t))) {
                        if (!contains(it->second.types, tensor(t).dtype)) {
                            add(missing, op, "type",
                                name + " on " + where + " takes " + typeList(it->second.types) + " inputs, not " +
                                    model::dtypeName(tensor(t).dtype) +
                                    (it->second.limits.empty() ? std::string() : " (" + it->second.limits + ")"));
                            supported = false;
                        }
                        break;
                    }
            }
        }
        if (supported && !profile.activationTypes.empty())
            for (const int t : o.outputs)
                if (t >= 0 && !contains(profile.activationTypes, tensor(t).dtype)) {
                    add(missing, op, "type",
                        "output " + tensor(t).name + " is " + model::dtypeName(tensor(t).dtype) + "; " + where +
                            " computes in " + typeList(profile.activationTypes));
                    supported = false;
                    break;
                }
        if (supported && profile.perTensorWeights)
            for (const int t : o.inputs)
                if (t >= 0 && g.isConstant(tensor(t)) && tensor(t).quantization.scale.size() > 1) {
                    add(missing, op, "per-tensor",
                        "weights " + tensor(t).name + " have " + std::to_string(tensor(t).quantization.scale.size()) +
                            " scales (per channel); " + where + " takes one scale per tensor");
                    supported = false;
                    break;
                }
        if (supported && profile.maxVaryingDims > 0)
            for (const int t : o.outputs) {
                if (t < 0)
                    continue;
                const auto& shape = tensor(t).shape;
                const auto varying = std::count_if(shape.begin(), shape.end(), [](std::int32_t d) { return d > 1; });
                if (varying > profile.maxVaryingDims) {
                    add(missing, op, "rank",
                        "output " + tensor(t).name + " has " + std::to_string(varying) +
                            " dimensions larger than 1; " + where + " takes at most " +
                            std::to_string(profile.maxVaryingDims));
                    supported = false;
                    break;
                }
            }
        if (!supported && profile.fallsBackToCpu)
            out.cutAt = op;
    }
    if (out.cutAt >= 0)
        add(Impact::FallsBack, -1, "operator",
            "the model is cut at operator " + std::to_string(out.cutAt) + ": it and the " +
                std::to_string(sg.operators.size() - static_cast<std::size_t>(out.cutAt) - 1) +
                " operators after it run on the CPU, " + std::to_string(out.cutAt) + " of " +
                std::to_string(sg.operators.size()) + " on " + where);

    if (!profile.ioTypes.empty() && !ignoreIo)
        for (const auto* list : {&sg.inputs, &sg.outputs})
            for (const int t : *list)
                if (!contains(profile.ioTypes, tensor(t).dtype))
                    add(Impact::Blocks, -1, "io",
                        std::string(list == &sg.inputs ? "input " : "output ") + tensor(t).name + " is " +
                            model::dtypeName(tensor(t).dtype) + "; " + where + " takes " + typeList(profile.ioTypes));
    if (profile.staticShapes)
        for (const auto& t : sg.tensors)
            // The batch dimension the converter leaves open (-1) is fixed at 1 by every target's compiler.
            if (t.shapeSignature.size() > 1 &&
                std::find(t.shapeSignature.begin() + 1, t.shapeSignature.end(), -1) != t.shapeSignature.end()) {
                add(Impact::Blocks, -1, "shape",
                    "tensor " + t.name + " has a dimension only known at run time; " + where + " needs fixed shapes");
                break;
            }
    if (profile.xnnpack) // LiteRT's own account of what XNNPACK leaves to the built-in kernels
        for (const auto& f : quant::lint(g).findings)
            if (f.check == "delegation" && f.subgraph == 0 && f.op >= 0)
                add(Impact::FallsBack, f.op, "operator", f.message);
    if (profile.microArena) {
        if (auto arena = microArena(g)) {
            out.ramBytes = arena->total();
            if (!arena->unknown.empty()) {
                std::string names;
                for (const auto& u : arena->unknown)
                    names += (names.empty() ? "" : ", ") + u;
                add(Impact::Note, -1, "ram", "the kernel data of " + names + " are not counted in the arena");
            }
        } else {
            add(Impact::Note, -1, "ram", arena.error().message);
        }
    }
    if (profile.ramBytes > 0 && out.ramBytes > profile.ramBytes)
        add(Impact::Blocks, -1, "ram",
            "needs " + bytesText(out.ramBytes) + " of RAM for its tensor arena; " + where + " has " +
                bytesText(profile.ramBytes));
    if (profile.flashBytes > 0 && fileBytes > profile.flashBytes)
        add(Impact::Blocks, -1, "flash",
            "the model takes " + bytesText(fileBytes) + " of flash; " + where + " has " + bytesText(profile.flashBytes));
    return out;
}

} // namespace ql::target
