// SPDX-License-Identifier: MIT
// Arena planning: every non-constant tensor gets an offset in one block of memory; tensors whose
// lifetimes do not overlap share bytes.
#pragma once

#include <cstdint>
#include <vector>

namespace ql::exec {

struct PlanRequest {
    std::int64_t bytes = 0; // 0: needs no memory
    int first = 0; // index of the first operator that writes it (-1: before any)
    int last = 0; // index of the last operator that reads it (INT32_MAX: until the end)
};

struct Plan {
    std::vector<std::int64_t> offsets; // per request; -1 for bytes == 0
    std::int64_t arenaBytes = 0;
};

constexpr std::int64_t kTensorAlignment = 64;

// Greedy by size, largest first, each at the lowest offset that does not collide with a placed
// tensor alive at the same time.
Plan planArena(const std::vector<PlanRequest>& requests);

} // namespace ql::exec
