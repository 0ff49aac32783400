// SPDX-License-Identifier: MIT
#include "eval/sensitivity.h"

#include "eval/classify.h"

#include <algorithm>

namespace ql::eval {

Result<SensitivityResult> sensitivity(const model::Graph& floatGraph, const data::SampleSet& data,
    const std::vector<quant::TensorRange>& ranges, const SensitivityOptions& o, const SensitivityProgress& progress,
    const std::atomic<bool>* cancel)
{
    if (o.quantize.mode == passes::Mode::Float32)
        return Error{"sensitivity needs a quantized mode, not float32"};
    if (!(o.budget >= 0.0))
        return Error{"the budget must be >= 0"};
    const model::Subgraph& sg = floatGraph.main();
    std::vector<int> weighted;
    for (std::size_t k = 0; k < sg.operators.size(); ++k)
        if (passes::weightSlot(floatGraph.opcodeOf(sg.operators[k])))
            weighted.push_back(static_cast<int>(k));
    if (weighted.empty())
        return Error{"the model has no weighted layers (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, TRANSPOSE_CONV)"};

    ClassifyOptions co;
    co.threads = o.threads;
    auto reference = classify(floatGraph, data, co, {}, cancel);
    if (!reference)
        return withContext("float model", reference.error());
    SensitivityResult r;
    const bool labels = reference->accuracy >= 0;
    r.metric = labels ? "accuracy" : "agreement";
    r.floatMetric = labels ? reference->accuracy : 1.0;
    r.budget = o.budget;
    const int total = 1 + 3 * static_cast<int>(weighted.size()); // at most: all, 2 per layer, the greedy steps
    auto measure = [&](const std::vector<std::string>& keep) -> Result<double> {
        if (cancel && cancel->load())
            return Error{"sensitivity cancelled"};
        passes::QuantizeOptions q = o.quantize;
        q.io = passes::IoType::Float;
        q.keepFloat.insert(q.keepFloat.end(), keep.begin(), keep.end());
        auto g = passes::quantizeGraph(floatGraph, q, ranges);
        if (!g)
            return g.error();
        auto c = classify(g->graph, data, co, {}, cancel);
        if (!c)
            return c.error();
        ++r.runs;
        if (progress)
            progress(r.runs, total);
        if (labels)
            return c->accuracy;
        std::int64_t same = 0;
        for (std::size_t i = 0; i < c->top1.size(); ++i)
            same += c->top1[i] == reference->top1[i];
        return static_cast<double>(same) / static_cast<double>(c->top1.size());
    };
    auto all = measure({});
    if (!all)
        return all.error();
    r.quantizedMetric = *all;
    for (int op : weighted) {
        LayerSensitivity l;
        l.op = op;
        l.opName = floatGraph.opName(sg.operators[static_cast<std::size_t>(op)]);
        auto kept = measure({std::to_string(op)});
        if (!kept)
            return withContext("operator " + std::to_string(op), kept.error());
        std::vector<std::string> others;
        for (std::size_t k = 0; k < sg.operators.size(); ++k)
            if (static_cast<int>(k) != op)
                others.push_back(std::to_string(k));
        auto only = measure(others);
        if (!only)
            return withContext("operator " + std::to_string(op), only.error());
        l.keptFloat = *kept;
        l.onlyQuantized = *only;
        l.gain = l.keptFloat - r.quantizedMetric;
        l.cost = r.floatMetric - l.onlyQuantized;
        r.layers.push_back(l);
    }
    std::stable_sort(r.layers.begin(), r.layers.end(),
        [](const auto& a, const auto& b) { return a.cost != b.cost ? a.cost > b.cost : a.gain > b.gain; });
    // Greedy selection: keep the most helpful layers float, one at a time, until within the budget (only
    // layers that help by themselves are tried).
    std::vector<const LayerSensitivity*> order;
    for (const auto& l : r.layers)
        order.push_back(&l);
    std::stable_sort(order.begin(), order.end(),
        [](const auto* a, const auto* b) { return a->gain != b->gain ? a->gain > b->gain : a->cost > b->cost; });
    r.selectionMetric = r.quantizedMetric;
    std::vector<std::string> keep;
    for (const auto* l : order) {
        if (r.floatMetric - r.selectionMetric <= o.budget)
            break;
        if (l->gain <= 0)
            break; // keeping the remaining layers float does not help on its own

        keep.push_back(std::to_string(l->op));
        r.keepFloat.push_back(l->op);
        auto m = measure(keep);
        if (!m)
            return m.error();
        r.selectionMetric = *m;
    }
    r.withinBudget = r.floatMetric - r.selectionMetric <= o.budget;
    return r;
}

} // namespace ql::eval
