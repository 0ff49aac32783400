// SPDX-License-Identifier: MIT
// Constants stored in TFLite's sparse format (a tensor's `sparsity` block): the values are kept in
// a traversal order over the tensor's dimensions, some of them split into blocks (block_map), each
// traversed dimension either dense (every index) or compressed (CSR: segments and indices). The
// file keeps them sparse (lossless round trip); everything that needs the values asks for them dense.
#pragma once

#include "core/result.h"
#include "model/graph.h"

#include <cstdint>
#include <span>
#include <vector>

namespace ql::model {

// The dense row-major bytes of sparse constant `t` (its `shape` is the dense shape), checked
// against every malformed index, segment and size so that a hostile file cannot read or write out
// of bounds.
Result<std::vector<std::uint8_t>> densify(const Tensor& t, std::span<const std::uint8_t> values);

// The bytes of constant `t` as a dense tensor: its data as they are, or densified when sparse.
Result<std::vector<std::uint8_t>> denseConstant(const Graph& g, const Tensor& t);

} // namespace ql::model
