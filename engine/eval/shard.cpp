// SPDX-License-Identifier: MIT
#include "eval/shard.h"

#include <algorithm>
#include <charconv>

namespace ql::eval {

Shard shardOf(int index, int count, std::int64_t total)
{
    Shard s;
    s.index = index;
    s.count = count;
    s.total = total;
    s.first = total * index / count;
    s.size = total * (index + 1) / count - s.first;
    return s;
}

Result<Shard> parseShard(const std::string& text, std::int64_t total)
{
    const auto slash = text.find('/');
    int index = -1, count = 0;
    const auto a = std::from_chars(text.data(), text.data() + (slash == std::string::npos ? 0 : slash), index);
    const auto b = slash == std::string::npos
        ? std::from_chars_result{text.data(), std::errc::invalid_argument}
        : std::from_chars(text.data() + slash + 1, text.data() + text.size(), count);
    if (slash == std::string::npos || a.ec != std::errc{} || a.ptr != text.data() + slash || b.ec != std::errc{} ||
        b.ptr != text.data() + text.size() || count < 1 || index < 0 || index >= count)
        return Error{"--shard takes I/N with 0 <= I < N (e.g. 0/4), got '" + text + "'"};
    if (count > total)
        return Error{"--shard " + text + ": " + std::to_string(count) + " shards for " + std::to_string(total) +
            " samples leave some empty"};
    return shardOf(index, count, total);
}

std::string shardName(const Shard& s)
{
    return "shard " + std::to_string(s.index) + "/" + std::to_string(s.count);
}

Status checkShardSet(const std::vector<ShardHeader>& parts, int version)
{
    if (parts.empty())
        return Error{"merge needs the partial results of every shard"};
    const ShardHeader& head = parts.front();
    for (const auto& p : parts) {
        if (p.version != version)
            return Error{shardName(p.shard) + " was written by another version of QuantLens (partial format " +
                std::to_string(p.version) + ", this one reads " + std::to_string(version) + ")"};
        if (p.fingerprint != head.fingerprint)
            return Error{shardName(p.shard) + " comes from another run (a different model, data or options) than " +
                shardName(head.shard)};
        if (p.shard.count != head.shard.count || p.shard.total != head.shard.total)
            return Error{shardName(p.shard) + " splits " + std::to_string(p.shard.total) + " samples in " +
                std::to_string(p.shard.count) + ", " + shardName(head.shard) + " " + std::to_string(head.shard.total) +
                " in " + std::to_string(head.shard.count)};
    }
    for (int i = 0; i < head.shard.count; ++i) {
        const auto n = std::count_if(parts.begin(), parts.end(), [&](const auto& p) { return p.shard.index == i; });
        if (n == 0)
            return Error{"shard " + std::to_string(i) + "/" + std::to_string(head.shard.count) +
                " is missing: merge needs every shard's partial result"};
        if (n > 1)
            return Error{"shard " + std::to_string(i) + "/" + std::to_string(head.shard.count) + " is given twice"};
    }
    for (const auto& p : parts) {
        const Shard expected = shardOf(p.shard.index, p.shard.count, p.shard.total);
        if (p.shard.first != expected.first || p.shard.size != expected.size || p.samples != expected.size)
            return Error{shardName(p.shard) + " does not hold samples " + std::to_string(expected.first) + ".." +
                std::to_string(expected.first + expected.size - 1)};
    }
    return Status::success();
}

Result<EvaluationPartial> measureShard(const model::Graph& floatGraph, const model::Graph* original,
    const data::SampleSet& shardData, const std::vector<quant::TensorRange>& ranges, const EvaluateOptions& options,
    const Shard& shard, const EvaluateProgress& progress, const std::atomic<bool>* cancel)
{
    if (shardData.count != shard.size)
        return Error{"shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count) + " has " +
            std::to_string(shardData.count) + " samples, expected " + std::to_string(shard.size)};
    EvaluateOptions o = options;
    o.diagnoseAlways = shard.index == 0; // the causes are found on the first samples of the whole set
    auto rows = evaluateModes(floatGraph, original, shardData, ranges, o, progress, cancel);
    if (!rows)
        return rows.error();
    EvaluationPartial p;
    p.shard = shard;
    p.labelled = shardData.labels.size() == static_cast<std::size_t>(shardData.count);
    if (p.labelled)
        p.labels = shardData.labels;
    const Classification& reference = rows->front().result;
    for (const auto& e : *rows) {
        ModePartial m;
        m.mode = e.mode;
        m.classes = e.result.classes;
        m.top1 = e.result.top1;
        m.top5 = e.result.top5Hit;
        if (e.mode != "float32")
            m.kl = sampleKl(reference, e.result);
        m.sizeBytes = e.sizeBytes;
        m.microArenaBytes = e.microArenaBytes;
        m.bytesByDtype = e.bytesByDtype;
        m.latencyMs = e.latencyMs;
        m.notes = e.notes;
        m.collapseCauses = e.collapseCauses;
        p.modes.push_back(std::move(m));
    }
    return p;
}

Result<std::vector<ModeEvaluation>> mergePartials(std::vector<EvaluationPartial> parts)
{
    if (parts.empty())
        return Error{"merge needs the partial results of every shard"};
    std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.shard.index < b.shard.index; });
    std::vector<ShardHeader> headers;
    for (const auto& p : parts)
        headers.push_back({p.version, p.fingerprint, p.shard,
            static_cast<std::int64_t>(p.modes.empty() ? 0 : p.modes.front().top1.size())});
    if (auto st = checkShardSet(headers, EvaluationPartial::kVersion); !st)
        return st.error();
    const EvaluationPartial& head = parts.front();
    for (const auto& p : parts) {
        if (p.modes.size() != head.modes.size())
            return Error{shardName(p.shard) + " evaluated other modes than " + shardName(head.shard)};
        for (std::size_t k = 0; k < p.modes.size(); ++k)
            if (p.modes[k].mode != head.modes[k].mode || p.modes[k].classes != head.modes[k].classes)
                return Error{shardName(p.shard) + " evaluated other modes than " + shardName(head.shard)};
    }

    // Everything per sample, in sample order.
    const std::int64_t n = head.shard.total;
    const bool labelled = std::all_of(parts.begin(), parts.end(), [](const auto& p) { return p.labelled; });
    std::vector<int> labels;
    if (labelled)
        for (const auto& p : parts)
            labels.insert(labels.end(), p.labels.begin(), p.labels.end());
    std::vector<ModeEvaluation> out;
    for (std::size_t k = 0; k < head.modes.size(); ++k) {
        const ModePartial& first = head.modes[k];
        ModeEvaluation e;
        e.mode = first.mode;
        e.result.count = n;
        e.result.classes = first.classes;
        std::vector<double> kls;
        std::vector<std::uint8_t> top5;
        for (const auto& p : parts) {
            const ModePartial& m = p.modes[k];
            e.result.top1.insert(e.result.top1.end(), m.top1.begin(), m.top1.end());
            top5.insert(top5.end(), m.top5.begin(), m.top5.end());
            kls.insert(kls.end(), m.kl.begin(), m.kl.end());
        }
        // The same arithmetic as one run: classify's accuracies, then scoreAgainst's statistics.
        if (labelled)
            setAccuracies(e.result, labels, std::move(top5));
        scoreSamples(k == 0 ? nullptr : &out.front().result.top1, kls, labels, e);
        e.sizeBytes = first.sizeBytes;
        e.microArenaBytes = first.microArenaBytes;
        e.bytesByDtype = first.bytesByDtype;
        e.latencyMs = first.latencyMs;
        e.notes = first.notes;
        e.collapseCauses = first.collapseCauses;
        if (k > 0)
            e.collapse = collapseText(e, out.front());
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace ql::eval
