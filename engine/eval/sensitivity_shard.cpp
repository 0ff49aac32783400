// SPDX-License-Identifier: MIT
#include "eval/sensitivity_shard.h"

#include <algorithm>

namespace ql::eval {

Result<SensitivityPartial> measureSensitivityShard(const model::Graph& floatGraph, const data::SampleSet& shardData,
    const std::vector<quant::TensorRange>& ranges, const SensitivityOptions& options, const Shard& shard,
    SensitivityPartial::Stage stage, const std::vector<int>& order, const SensitivityProgress& progress,
    const std::atomic<bool>* cancel)
{
    if (shardData.count != shard.size)
        return Error{shardName(shard) + " has " + std::to_string(shardData.count) + " samples, expected " +
            std::to_string(shard.size)};
    auto layers = sensitivityLayers(floatGraph, options);
    if (!layers)
        return layers.error();
    SensitivityPartial p;
    p.shard = shard;
    p.stage = stage;
    p.metricMode = passes::modeName(options.quantize.mode);
    p.budget = options.budget;
    const bool ranking = stage == SensitivityPartial::Stage::Ranking;
    if (ranking)
        p.layers = *layers;
    else
        p.order = order;
    const auto variants = ranking ? rankingVariants(floatGraph, *layers) : selectionVariants(order);
    if (auto st = measureVariants(floatGraph, shardData, ranges, options, variants, p.samples, progress, cancel); !st)
        return st.error();
    return p;
}

namespace {

// The shards of one stage, checked and in sample order, as one set of per-sample values.
Result<SensitivitySamples> joinStage(std::vector<SensitivityPartial*> parts, const char* stage)
{
    std::sort(parts.begin(), parts.end(), [](const auto* a, const auto* b) { return a->shard.index < b->shard.index; });
    std::vector<ShardHeader> headers;
    for (const auto* p : parts)
        headers.push_back(
            {p->version, p->fingerprint, p->shard, static_cast<std::int64_t>(p->samples.reference.size())});
    if (auto st = checkShardSet(headers, SensitivityPartial::kVersion); !st)
        return Error{std::string("the ") + stage + " stage: " + st.error().message};
    const SensitivityPartial& head = *parts.front();
    SensitivitySamples all;
    all.top1.resize(head.samples.top1.size());
    for (const auto* p : parts) {
        if (p->samples.top1.size() != head.samples.top1.size() || p->layers.size() != head.layers.size() ||
            p->order != head.order || p->samples.labels.empty() != head.samples.labels.empty())
            return Error{std::string("the ") + stage + " stage: " + shardName(p->shard) +
                " measured other variants than " + shardName(head.shard)};
        for (std::size_t k = 0; k < p->layers.size(); ++k)
            if (p->layers[k].op != head.layers[k].op)
                return Error{std::string("the ") + stage + " stage: " + shardName(p->shard) +
                    " ranked other layers than " + shardName(head.shard)};
        const auto& s = p->samples;
        all.reference.insert(all.reference.end(), s.reference.begin(), s.reference.end());
        all.labels.insert(all.labels.end(), s.labels.begin(), s.labels.end());
        for (std::size_t v = 0; v < s.top1.size(); ++v) {
            if (s.top1[v].size() != s.reference.size())
                return Error{std::string("the ") + stage + " stage: " + shardName(p->shard) +
                    " does not hold one value per sample for every variant"};
            all.top1[v].insert(all.top1[v].end(), s.top1[v].begin(), s.top1[v].end());
        }
    }
    return all;
}

} // namespace

Result<SensitivityResult> mergeSensitivity(std::vector<SensitivityPartial> parts)
{
    std::vector<SensitivityPartial*> ranking, selection;
    for (auto& p : parts)
        (p.stage == SensitivityPartial::Stage::Ranking ? ranking : selection).push_back(&p);
    if (ranking.empty())
        return Error{"merge needs every shard of the ranking stage (sensitivity --shard I/N without --ranking)"};
    for (const auto* p : selection)
        if (p->fingerprint != ranking.front()->fingerprint)
            return Error{"the selection stage's " + shardName(p->shard) +
                " comes from another run (a different model, data or options) than the ranking"};
    auto all = joinStage(ranking, "ranking");
    if (!all)
        return all.error();
    const SensitivityPartial& head = *ranking.front();
    if (all->top1.size() != 1 + 2 * head.layers.size())
        return Error{"the ranking stage's partials do not hold a variant per layer"};
    SensitivityResult r = rankSensitivity(*all, head.layers, head.budget);
    if (selection.empty())
        return r;
    auto chosen = joinStage(selection, "selection");
    if (!chosen)
        return chosen.error();
    if (selection.front()->order != r.order)
        return Error{"the selection stage measured another order of layers than this ranking gives: run it with "
                     "the ranking merged from these shards"};
    if (chosen->reference != all->reference)
        return Error{"the selection stage's float model disagrees with the ranking stage's"};
    std::vector<double> prefixes;
    for (std::size_t v = 0; v < chosen->top1.size(); ++v)
        prefixes.push_back(variantMetric(*chosen, v));
    if (auto st = completeSelection(r, prefixes); !st)
        return st.error();
    return r;
}

} // namespace ql::eval
