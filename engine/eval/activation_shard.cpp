// SPDX-License-Identifier: MIT
#include "eval/activation_shard.h"

#include <algorithm>

namespace ql::eval {

Result<std::vector<ActivationLayer>> mergeActivations(std::vector<ActivationPartial> parts)
{
    if (parts.empty())
        return Error{"merge needs the partial results of every shard"};
    std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.shard.index < b.shard.index; });
    std::vector<ShardHeader> headers;
    for (const auto& p : parts)
        headers.push_back({p.version, p.fingerprint, p.shard, static_cast<std::int64_t>(p.samples.size())});
    if (auto st = checkShardSet(headers, ActivationPartial::kVersion); !st)
        return st.error();
    const ActivationPartial& head = parts.front();
    const auto sameLayers = [](const std::vector<ActivationLayer>& a, const std::vector<ActivationLayer>& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
            return x.op == y.op && x.tensor == y.tensor && x.dtype == y.dtype && x.scale == y.scale &&
                x.zeroPoint == y.zeroPoint;
        });
    };
    for (const auto& p : parts) {
        if (!sameLayers(p.measure.layers, head.measure.layers) || p.bins != head.bins)
            return Error{shardName(p.shard) + " analysed other layers than " + shardName(head.shard)};
        for (const auto& sample : p.samples)
            if (sample.size() != head.measure.layers.size())
                return Error{shardName(p.shard) + " does not hold one value per layer for every sample"};
    }
    // One run's order: every sample's statistics folded in sample order; the kept values of the first samples.
    ActivationMeasure m = head.measure;
    for (auto& k : m.kept)
        k.clear();
    m.kept.resize(m.layers.size());
    std::vector<ActivationSampleStats> totals;
    for (const auto& p : parts) {
        for (const auto& sample : p.samples)
            foldSample(totals, sample);
        for (std::size_t k = 0; k < m.kept.size() && k < p.measure.kept.size(); ++k)
            m.kept[k].insert(m.kept[k].end(), p.measure.kept[k].begin(), p.measure.kept[k].end());
    }
    return finishActivations(std::move(m), totals, head.bins);
}

} // namespace ql::eval
