// SPDX-License-Identifier: MIT
// Small structural edits of a graph.
#pragma once

#include "core/result.h"
#include "model/graph.h"

namespace ql::model {

// Appends every operator output of subgraph 0 that is not yet a graph output to its outputs, in
// operator order, and drops the signature defs (they would list only the original outputs).
void exposeIntermediates(Graph& g);

// Appends a buffer that owns `bytes`; returns its index.
std::uint32_t addOwnedBuffer(Graph& g, std::vector<std::uint8_t> bytes);

// The index of the builtin operator code `op` (added if missing); its version is raised to at least
// `version`.
std::uint32_t opcodeIndexFor(Graph& g, tflite::BuiltinOperator op, int version = 1);

// Drops the tensors of every subgraph that no operator, subgraph input/output or signature refers to, then
// the buffers nothing refers to (e.g. the float weights a pass replaced), renumbering the rest.
void dropUnused(Graph& g);

// The same model taking `batch` samples at once (e.g. to run a whole evaluation set through a runtime
// in one call): every non-constant tensor of subgraph 0 with a leading dimension of 1 gets `batch`, and
// RESHAPE targets follow. Only for graphs whose operators treat the batch independently (convolutions,
// pooling, fully connected, element-wise activations, softmax, (de)quantize, reshape); others are an
// error that names the operator.
Result<Graph> withBatch(const Graph& g, int batch);

} // namespace ql::model
