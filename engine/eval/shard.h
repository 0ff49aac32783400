// SPDX-License-Identifier: MIT
// Evaluation split over machines: each shard evaluates every mode on a contiguous share of the samples and keeps
// what the statistics need per sample (top-1, top-5 hit, KL against the float model, label); merging the shards
// computes accuracy, agreement, KL statistics, confusion matrices and collapse exactly as one run over all
// samples does (the same arithmetic in the same sample order), so the merged numbers equal the single run's
// bit for bit. Timings (latency) are the first shard's.
#pragma once

#include "core/result.h"
#include "data/samples.h"
#include "eval/evaluate.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ql::eval {

struct Shard {
    int index = 0, count = 1; // shard `index` of `count`
    std::int64_t first = 0, size = 0; // its samples: [first, first + size) of `total`
    std::int64_t total = 0;
};

// "I/N" (0 <= I < N) over `total` samples: contiguous shares that differ by at most one sample.
Result<Shard> parseShard(const std::string& text, std::int64_t total);
Shard shardOf(int index, int count, std::int64_t total);

// What every kind of partial result says about itself.
struct ShardHeader {
    int version = 0;
    std::string fingerprint;
    Shard shard;
    std::int64_t samples = 0; // the per-sample values it holds
};
// Whether the partials are every shard of one run exactly once, each holding its own samples; refused naming
// the shard: another format version, another run (fingerprint), another split, a missing or repeated shard.
Status checkShardSet(const std::vector<ShardHeader>& parts, int version);
std::string shardName(const Shard& s);

struct ModePartial {
    std::string mode;
    int classes = 0;
    std::vector<int> top1; // per sample
    std::vector<std::uint8_t> top5; // per sample, with labels: the label is among the five highest scores
    std::vector<double> kl; // per sample, KL(float || this); empty for float32
    std::int64_t sizeBytes = 0, microArenaBytes = -1;
    std::map<std::string, std::uint64_t> bytesByDtype;
    double latencyMs = 0;
    std::vector<std::string> notes;
    std::string collapseCauses; // the first shard's (found on the first samples, as one run finds them)
};

struct EvaluationPartial {
    static constexpr int kVersion = 1;
    int version = kVersion;
    std::string fingerprint; // of the model, the data and the options: shards of different runs do not merge
    Shard shard;
    bool labelled = false;
    std::vector<int> labels; // per sample, when labelled
    std::vector<std::string> notes; // of the run (calibration, data)
    std::vector<ModePartial> modes;
};

// Evaluates every mode on `shardData` (the shard's samples only) and keeps the per-sample values.
Result<EvaluationPartial> measureShard(const model::Graph& floatGraph, const model::Graph* original,
    const data::SampleSet& shardData, const std::vector<quant::TensorRange>& ranges, const EvaluateOptions& options,
    const Shard& shard, const EvaluateProgress& progress = {}, const std::atomic<bool>* cancel = nullptr);

// The evaluation of all samples from every shard's partial (in any order). Refused, naming the problem: a
// missing or repeated shard, partials of another version, run (fingerprint), shard count or sample count,
// different modes or class counts.
Result<std::vector<ModeEvaluation>> mergePartials(std::vector<EvaluationPartial> parts);

} // namespace ql::eval
