// SPDX-License-Identifier: MIT
// Checks a quantized (or float) graph against what LiteRT needs to run it as intended: the
// converter's rules (quant/op_rules.h: shared and fixed parameters, bias types and scales, operator
// versions) and XNNPACK's conditions (quant/xnnpack_support.h). `quantize` and File › Export run it
// before writing a file and refuse files with errors; `info` reports it for files made elsewhere.
#pragma once

#include "model/graph.h"

#include <string>
#include <vector>

namespace ql::quant {

enum class Severity {
    Error, // LiteRT will not load the file, fail while preparing it, or compute something else than intended
    Warning, // it runs as intended, but on a slower path a converter-made file would not take
    Note, // how it runs (an operator on the built-in kernels, as in the converter's own file)
};

struct LintFinding {
    Severity severity = Severity::Note;
    int subgraph = 0;
    int op = -1; // -1: the model as a whole
    std::string opName;
    std::string check; // short identifier: "same-scale", "fixed-output", "version", "bias", "scale", "rescale", "delegation", "activation"
    std::string message; // plain words, naming the tensors and values
};

struct LintReport {
    std::vector<LintFinding> findings;
    bool fullyDelegated = false; // XNNPACK takes every operator of subgraph 0
    int delegatedOperators = 0; // of subgraph 0
    int builtinOperators = 0; // of subgraph 0, run by the built-in kernels
    int errors() const;
    int warnings() const;
    bool ok() const { return errors() == 0; }
};

LintReport lint(const model::Graph& g);

std::string severityName(Severity s); // "error", "warning", "note"
// "operator 68 (CONCATENATION): ..." / "model: ..."
std::string describe(const LintFinding& f);

} // namespace ql::quant
