// SPDX-License-Identifier: MIT
#include "exec/planner.h"

#include <algorithm>
#include <numeric>

namespace ql::exec {

Plan planArena(const std::vector<PlanRequest>& requests)
{
    Plan plan;
    plan.offsets.assign(requests.size(), -1);
    std::vector<std::size_t> order(requests.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return requests[a].bytes > requests[b].bytes; });
    auto aligned = [](std::int64_t n) { return (n + kTensorAlignment - 1) / kTensorAlignment * kTensorAlignment; };

    struct Placed {
        std::int64_t begin, end;
        int first, last;
    };
    std::vector<Placed> placed;
    std::vector<Placed> overlapping;
    for (const std::size_t i : order) {
        const auto& r = requests[i];
        if (r.bytes <= 0)
            continue;
        overlapping.clear();
        for (const auto& p : placed)
            if (p.first <= r.last && r.first <= p.last)
                overlapping.push_back(p);
        std::sort(
            overlapping.begin(), overlapping.end(), [](const Placed& a, const Placed& b) { return a.begin < b.begin; });
        std::int64_t offset = 0;
        const std::int64_t size = aligned(r.bytes);
        for (const auto& p : overlapping) {
            if (offset + size <= p.begin)
                break;
            offset = std::max(offset, p.end);
        }
        plan.offsets[i] = offset;
        placed.push_back({offset, offset + size, r.first, r.last});
        plan.arenaBytes = std::max(plan.arenaBytes, offset + size);
    }
    return plan;
}

} // namespace ql::exec
