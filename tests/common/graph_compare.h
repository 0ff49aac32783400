// SPDX-License-Identifier: MIT
// Field-by-field comparison of two graphs, for round-trip tests.
#pragma once

#include "model/graph.h"

#include <string>
#include <vector>

namespace ql::test {

// Every difference found, as "subgraph 0 tensor 3: quantization differs"; empty when equal.
// Ignores where data came from (file offsets, inline or external form).
std::vector<std::string> compareGraphs(const model::Graph& a, const model::Graph& b);

} // namespace ql::test
