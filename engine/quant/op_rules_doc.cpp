// SPDX-License-Identifier: MIT
#include "quant/op_rules_doc.h"

#include "quant/op_rules.h"

#include <cstdio>
#include <sstream>

namespace ql::quant {

namespace {

// "1-11, 16": the set bits of a 64-bit input mask as ranges.
std::string inputRanges(std::uint64_t bits)
{
    std::string out;
    for (int k = 0; k < 64;) {
        if (((bits >> k) & 1u) == 0) {
            ++k;
            continue;
        }
        int last = k;
        while (last + 1 < 64 && ((bits >> (last + 1)) & 1u) != 0)
            ++last;
        out += (out.empty() ? "" : ", ") + std::to_string(k) + (last > k ? "-" + std::to_string(last) : std::string());
        k = last + 1;
    }
    return out;
}

std::string inputList(std::uint32_t bits)
{
    if (bits == 0xFFFFFFFFu)
        return "all";
    std::string s;
    for (int k = 0; k < 32; ++k)
        if ((bits >> k) & 1u)
            s += (s.empty() ? "" : ", ") + std::to_string(k);
    return s.empty() ? "none" : s;
}

std::string number(float v)
{
    // Exact for the powers of two and small fractions the fixed parameters use.
    if (v == 1.0f / 256)
        return "1/256";
    if (v == 1.0f / 128)
        return "1/128";
    if (v == 1.0f / 32768)
        return "1/32768";
    if (v == 16.0f / 256)
        return "16/256";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", static_cast<double>(v));
    return buf;
}

std::string outputCell(const OpRule& r)
{
    switch (r.output) {
    case OutputRule::Own: return "own range";
    case OutputRule::SameAsInput: return "input " + std::to_string(r.sameAs) + "'s";
    case OutputRule::Shared: return "shared with inputs " + inputList(r.sharedInputs);
    case OutputRule::NotQuantized: return "not quantized";
    case OutputRule::Fixed: {
        std::string s = "int8 " + number(r.fixed8.scale) + ", zp " + std::to_string(r.fixed8.zeroPoint);
        if (r.int16)
            s += "; int16 " + number(r.fixed16.scale) + ", zp " + std::to_string(r.fixed16.zeroPoint);
        return s;
    }
    }
    return "?";
}

std::string weightCell(const OpRule& r)
{
    if (r.weight < 0)
        return "";
    std::string s = "input " + std::to_string(r.weight) + ", ";
    s += r.perChannel ? "per channel (axis " + std::to_string(r.axis) + ")" : "per tensor";
    if (r.bias >= 0)
        s += "; bias input " + std::to_string(r.bias) + " int32 (int64 in 16x8)";
    return s;
}

} // namespace

std::string operatorRulesMarkdown()
{
    std::ostringstream o;
    o << "| Operator | int8 | 16x8 | Quantized inputs | Output parameters | Weights and bias | Version int8 / 16x8 "
         "(LiteRT max) | XNNPACK int8 | Note |\n";
    o << "|---|---|---|---|---|---|---|---|---|\n";
    for (const OpRule& r : allRules()) {
        o << "| " << tflite::EnumNameBuiltinOperator(r.op) << " | " << (r.int8 ? "yes" : "no") << " | "
          << (r.int16 ? "yes" : "no") << " | " << inputList(r.dataInputs) << " | " << outputCell(r) << " | "
          << weightCell(r) << " | " << r.versionInt8 << " / " << r.version16x8 << " (" << r.maxVersion << ") | "
          << (r.delegation == Int8Delegation::Xnnpack ? "when its conditions hold" : "built-in kernel") << " | "
          << r.note << " |\n";
    }
    o << "\nDynamic range (weights int8, activations float):\n\n";
    o << "| Operator | Weights | Per-channel axis | Kernel | Asymmetric inputs | Version per channel / per tensor |\n";
    o << "|---|---|---|---|---|---|\n";
    for (const DynamicRule& r : allDynamicRules()) {
        o << "| " << tflite::EnumNameBuiltinOperator(r.op) << " | "
          << (r.weights != 0 ? "inputs " + inputRanges(r.weights) + (r.allOrNothing ? " (all or none)" : "")
                             : "input " + std::to_string(r.weight))
          << " | "
          << (r.axis < 0 ? std::string("per tensor") : std::to_string(r.axis)) << " | "
          << (r.hybrid ? "hybrid (int8 weights, float activations)" : "weight-only (DEQUANTIZE feeds the float op)")
          << " | " << (r.asymmetricInputs ? "yes" : "no") << " | "
          << (r.hybrid ? std::to_string(r.version) + " / " + std::to_string(r.versionPerTensor) : std::string("unchanged"))
          << " |\n";
    }
    return o.str();
}

} // namespace ql::quant
