// SPDX-License-Identifier: MIT
// Small structural edits of a graph.
#pragma once

#include "model/graph.h"

namespace ql::model {

// Appends every operator output of subgraph 0 that is not yet a graph output to its outputs, in
// operator order, and drops the signature defs (they would list only the original outputs).
void exposeIntermediates(Graph& g);

} // namespace ql::model
