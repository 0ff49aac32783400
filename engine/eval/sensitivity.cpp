// SPDX-License-Identifier: MIT
#include "eval/sensitivity.h"

#include "eval/classify.h"

#include <algorithm>

namespace ql::eval {

namespace {

bool withinBudget(const SensitivityResult& r, double metric)
{
    return r.floatMetric - metric <= r.budget;
}

// The share of samples where the two agree.
double fractionEqual(const std::vector<int>& a, const std::vector<int>& b)
{
    std::int64_t same = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        same += a[i] == b[i];
    return static_cast<double>(same) / static_cast<double>(a.size());
}

} // namespace

Result<std::vector<SensitivityLayer>> sensitivityLayers(const model::Graph& floatGraph, const SensitivityOptions& o)
{
    if (o.quantize.mode == passes::Mode::Float32)
        return Error{"sensitivity needs a quantized mode, not float32"};
    if (!(o.budget >= 0.0))
        return Error{"the budget must be >= 0"};
    const model::Subgraph& sg = floatGraph.main();
    std::vector<SensitivityLayer> layers;
    for (std::size_t k = 0; k < sg.operators.size(); ++k)
        if (passes::weightSlot(floatGraph.opcodeOf(sg.operators[k])))
            layers.push_back({static_cast<int>(k), floatGraph.opName(sg.operators[k])});
    if (layers.empty())
        return Error{"the model has no weighted layers (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, TRANSPOSE_CONV)"};
    return layers;
}

std::vector<std::vector<int>> rankingVariants(const model::Graph& floatGraph, const std::vector<SensitivityLayer>& l)
{
    const int ops = static_cast<int>(floatGraph.main().operators.size());
    std::vector<std::vector<int>> v{{}};
    for (const auto& layer : l) {
        v.push_back({layer.op});
        std::vector<int> others;
        for (int k = 0; k < ops; ++k)
            if (k != layer.op)
                others.push_back(k);
        v.push_back(std::move(others));
    }
    return v;
}

std::vector<std::vector<int>> selectionVariants(const std::vector<int>& order)
{
    std::vector<std::vector<int>> v;
    for (std::size_t k = 1; k <= order.size(); ++k)
        v.emplace_back(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k));
    return v;
}

Status measureVariants(const model::Graph& floatGraph, const data::SampleSet& data,
    const std::vector<quant::TensorRange>& ranges, const SensitivityOptions& o,
    const std::vector<std::vector<int>>& variants, SensitivitySamples& into, const SensitivityProgress& progress,
    const std::atomic<bool>* cancel)
{
    ClassifyOptions co;
    co.threads = o.threads;
    if (into.reference.empty() && data.count > 0) {
        auto reference = classify(floatGraph, data, co, {}, cancel);
        if (!reference)
            return withContext("float model", reference.error());
        into.reference = reference->top1;
        if (reference->accuracy >= 0)
            into.labels = data.labels;
    }
    for (std::size_t v = 0; v < variants.size(); ++v) {
        if (cancel && cancel->load())
            return Error{"sensitivity cancelled"};
        passes::QuantizeOptions q = o.quantize;
        q.io = passes::IoType::Float;
        for (int op : variants[v])
            q.keepFloat.push_back(std::to_string(op));
        auto g = passes::quantizeGraph(floatGraph, q, ranges);
        if (!g)
            return g.error();
        auto c = classify(g->graph, data, co, {}, cancel);
        if (!c)
            return c.error();
        into.top1.push_back(std::move(c->top1));
        if (progress)
            progress(static_cast<int>(v + 1), static_cast<int>(variants.size()));
    }
    return Status::success();
}

double variantMetric(const SensitivitySamples& s, std::size_t variant)
{
    return fractionEqual(s.top1[variant], s.labels.empty() ? s.reference : s.labels);
}

SensitivityResult rankSensitivity(
    const SensitivitySamples& ranking, const std::vector<SensitivityLayer>& layers, double budget)
{
    SensitivityResult r;
    const bool labels = !ranking.labels.empty();
    r.metric = labels ? "accuracy" : "agreement";
    r.floatMetric = labels ? fractionEqual(ranking.reference, ranking.labels) : 1.0;
    r.budget = budget;
    r.quantizedMetric = variantMetric(ranking, 0);
    for (std::size_t k = 0; k < layers.size(); ++k) {
        LayerSensitivity l;
        l.op = layers[k].op;
        l.opName = layers[k].opName;
        l.keptFloat = variantMetric(ranking, 1 + 2 * k);
        l.onlyQuantized = variantMetric(ranking, 2 + 2 * k);
        l.gain = l.keptFloat - r.quantizedMetric;
        l.cost = r.floatMetric - l.onlyQuantized;
        r.layers.push_back(l);
    }
    r.runs = static_cast<int>(ranking.top1.size());
    std::stable_sort(r.layers.begin(), r.layers.end(),
        [](const auto& a, const auto& b) { return a.cost != b.cost ? a.cost > b.cost : a.gain > b.gain; });
    // Greedy selection: keep the most helpful layers float, one at a time, until within the budget (only
    // layers that help by themselves are tried).
    std::vector<const LayerSensitivity*> order;
    for (const auto& l : r.layers)
        order.push_back(&l);
    std::stable_sort(order.begin(), order.end(),
        [](const auto* a, const auto* b) { return a->gain != b->gain ? a->gain > b->gain : a->cost > b->cost; });
    for (const auto* l : order)
        if (l->gain > 0)
            r.order.push_back(l->op);
    r.selectionMetric = r.quantizedMetric;
    r.withinBudget = withinBudget(r, r.selectionMetric);
    r.complete = !selectionNeeded(r);
    return r;
}

bool selectionNeeded(const SensitivityResult& r)
{
    return r.keepFloat.empty() && !withinBudget(r, r.quantizedMetric) && !r.order.empty();
}

Status completeSelection(SensitivityResult& r, const std::vector<double>& prefixMetrics)
{
    if (!selectionNeeded(r)) {
        r.complete = true;
        return Status::success();
    }
    for (std::size_t k = 0; k < r.order.size(); ++k) {
        if (k >= prefixMetrics.size())
            return Error{"the selection needs the metric with the first " + std::to_string(k + 1) +
                " layers of the order kept float, and only " + std::to_string(prefixMetrics.size()) + " were measured"};
        r.keepFloat.push_back(r.order[k]);
        r.selectionMetric = prefixMetrics[k];
        ++r.runs;
        if (withinBudget(r, r.selectionMetric))
            break;
    }
    r.withinBudget = withinBudget(r, r.selectionMetric);
    r.complete = true;
    return Status::success();
}

Result<SensitivityResult> sensitivity(const model::Graph& floatGraph, const data::SampleSet& data,
    const std::vector<quant::TensorRange>& ranges, const SensitivityOptions& o, const SensitivityProgress& progress,
    const std::atomic<bool>* cancel)
{
    auto layers = sensitivityLayers(floatGraph, o);
    if (!layers)
        return layers.error();
    // At most: everything quantized, 2 per layer, a greedy step per layer.
    const int total = 1 + 3 * static_cast<int>(layers->size());
    SensitivitySamples ranking;
    const auto variants = rankingVariants(floatGraph, *layers);
    if (auto st = measureVariants(
            floatGraph, data, ranges, o, variants, ranking,
            [&](int done, int) {
                if (progress)
                    progress(done, total);
            },
            cancel);
        !st)
        return st.error();
    SensitivityResult r = rankSensitivity(ranking, *layers, o.budget);
    // The selection, one prefix at a time (measured after the ranking's variants), until one is within the budget.
    std::vector<double> prefixes;
    for (std::size_t k = 1; selectionNeeded(r) && k <= r.order.size(); ++k) {
        const std::vector<int> keep(r.order.begin(), r.order.begin() + static_cast<std::ptrdiff_t>(k));
        if (auto st = measureVariants(floatGraph, data, ranges, o, {keep}, ranking, {}, cancel); !st)
            return st.error();
        if (progress)
            progress(static_cast<int>(variants.size() + k), total);
        prefixes.push_back(variantMetric(ranking, ranking.top1.size() - 1));
        if (withinBudget(r, prefixes.back()))
            break;
    }
    if (auto st = completeSelection(r, prefixes); !st)
        return st.error();
    return r;
}

} // namespace ql::eval
