// SPDX-License-Identifier: MIT
// The models of xnnpack_support_test: one-operator graphs (a few with a constant-unpacking DEQUANTIZE
// in front) and the verdict expected for each operator.
#pragma once

#include "model/graph.h"
#include "quant/xnnpack_support.h"

#include <string>
#include <vector>

namespace ql::test {

struct XnnpackCase {
    std::string name;
    model::Graph g;
    std::vector<quant::XnnpackVerdict> expect; // one per operator of subgraph 0; empty: whole-graph checks only
    bool builtinFails = false; // the built-in kernel of a refused node fails by itself (not XNNPACK's doing)
};

// About 175 one-operator cases over float32, int8, uint8, hybrid and int16 operators, and a few
// shared models read from QL_SHARED_DIR.
std::vector<XnnpackCase> xnnpackSupportCases();

} // namespace ql::test
