// SPDX-License-Identifier: MIT
// How long each operator of a model takes in QuantLens' interpreter: the model runs `runs` times after
// `warmup` runs on zero inputs (one thread), and each operator's mean time is kept. For the graph view's
// latency overlay; `quantlens-cli bench --profile` reports the same per operator.
#pragma once

#include "core/result.h"
#include "model/graph.h"

#include <atomic>
#include <memory>
#include <vector>

namespace ql::eval {

struct OperatorLatency {
    std::vector<double> meanMs; // per operator of the main subgraph
    double totalMs = 0; // mean of whole runs
};

Result<OperatorLatency> measureOperatorLatency(std::shared_ptr<const model::Graph> graph, int runs = 20, int warmup = 3,
    const std::atomic<bool>* cancel = nullptr);

} // namespace ql::eval
