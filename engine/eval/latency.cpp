// SPDX-License-Identifier: MIT
#include "eval/latency.h"

#include "exec/interpreter.h"

#include <algorithm>
#include <chrono>

namespace ql::eval {

Result<OperatorLatency> measureOperatorLatency(
    std::shared_ptr<const model::Graph> graph, int runs, int warmup, const std::atomic<bool>* cancel)
{
    auto it = exec::Interpreter::create(std::move(graph));
    if (!it)
        return it.error();
    OperatorLatency out;
    std::vector<double> opMillis;
    runs = std::max(1, runs);
    for (int i = 0; i < warmup + runs; ++i) {
        if (cancel && cancel->load())
            return Error{"cancelled"};
        const auto t0 = std::chrono::steady_clock::now();
        if (auto st = (*it)->invokeProfiled(opMillis); !st)
            return st.error();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (i < warmup)
            continue;
        out.meanMs.resize(opMillis.size(), 0.0);
        for (std::size_t k = 0; k < opMillis.size(); ++k)
            out.meanMs[k] += opMillis[k] / runs;
        out.totalMs += ms / runs;
    }
    return out;
}

} // namespace ql::eval
