// SPDX-License-Identifier: MIT
// Predicts, before a file is written, what LiteRT's XNNPACK delegate (the LiteRT.js 2.5.3 build that
// /work/shared/tools/litert-run wraps) does with each operator of a graph: take it, leave it to the
// TFLite built-in kernel, or accept it and then fail to build its XNNPACK subgraph. The last case is
// the dangerous one: LiteRT.js does not fall back, tensors fail to allocate and the whole model's
// outputs are garbage while the runtime still exits normally.
//
// The rules restate, in QuantLens' own terms, the delegate's detection pass (its per-operator
// checks of types, static tensors, ranks, fused activations and options) and the checks XNNPACK
// makes when the subgraph is built (quantization of every tensor, equal parameters across the
// same-scale operators, supported datatype combinations). docs/arithmetic.md §1 and
// /work/notes/converter_rules.md §3 and §5 list the facts behind them.
#pragma once

#include "model/graph.h"

#include <string>
#include <vector>

namespace ql::quant {

enum class XnnpackVerdict {
    Delegated, // XNNPACK takes the node
    BuiltinKernel, // XNNPACK's detection refuses it; the TFLite built-in kernel runs it
    BreaksBuild // detection accepts it but building the XNNPACK subgraph fails: the whole model gives garbage
};

struct XnnpackDecision {
    XnnpackVerdict verdict = XnnpackVerdict::BuiltinKernel;
    std::string reason; // plain words: why XNNPACK refuses or breaks on it, or what it runs it as
};

// Decision for operator `op` of subgraph `subgraph`. Only subgraph 0 ever goes to XNNPACK in
// LiteRT; other subgraphs (and indices out of range) give BuiltinKernel with a reason.
XnnpackDecision xnnpackDecision(const model::Graph& g, int subgraph, int op);

// The decisions for every operator of subgraph 0, in execution order (cheaper than calling
// xnnpackDecision once per operator).
std::vector<XnnpackDecision> xnnpackDecisions(const model::Graph& g);

// What litert-run --info reports as "xnnpack_fully_delegated": the delegate's detection claims every
// operator of subgraph 0. Note that LiteRT counts a BreaksBuild node as claimed, so a graph whose
// build fails still reports true; xnnpackBuildFails() tells those apart.
bool xnnpackFullyDelegated(const model::Graph& g);

// True when some operator of subgraph 0 is BreaksBuild: LiteRT.js would run nothing of this model.
bool xnnpackBuildFails(const model::Graph& g);

// "delegated", "builtin kernel", "breaks the XNNPACK build".
const char* xnnpackVerdictName(XnnpackVerdict v);

} // namespace ql::quant
