// SPDX-License-Identifier: MIT
// A sensitivity run split over machines, in two sharded stages (eval/sensitivity.h): the ranking stage's shards
// measure every ranking variant on their samples; merging them gives the ranking and the greedy order; the
// selection stage's shards then measure the order's prefixes on their samples, and merging both stages gives
// what one run over all samples gives, bit for bit (the selection stops at the same prefix with the same metric,
// and counts the variants one run evaluates).
#pragma once

#include "eval/sensitivity.h"
#include "eval/shard.h"

namespace ql::eval {

struct SensitivityPartial {
    static constexpr int kVersion = 1;
    int version = kVersion;
    std::string fingerprint; // of the model, the data and the options
    Shard shard;
    enum class Stage { Ranking, Selection } stage = Stage::Ranking;
    std::string metricMode; // the mode measured
    double budget = 0;
    std::vector<SensitivityLayer> layers; // ranking: the layers of rankingVariants, in its order
    std::vector<int> order; // selection: the greedy order whose prefixes were measured
    SensitivitySamples samples; // the shard's per-sample values
    std::vector<std::string> notes; // of the run (calibration, data)
};

// Measures one stage on the shard's samples (`order` for the selection stage: the merged ranking's).
Result<SensitivityPartial> measureSensitivityShard(const model::Graph& floatGraph, const data::SampleSet& shardData,
    const std::vector<quant::TensorRange>& ranges, const SensitivityOptions& options, const Shard& shard,
    SensitivityPartial::Stage stage, const std::vector<int>& order, const SensitivityProgress& progress = {},
    const std::atomic<bool>* cancel = nullptr);

// Every shard of the ranking stage, and of the selection stage when it has been run (in any order): the result;
// with the ranking only, `complete` is false when the selection still has variants to measure. Refused, naming
// the problem: missing or repeated shards of a stage, partials of another run or version, a selection measured
// for another order.
Result<SensitivityResult> mergeSensitivity(std::vector<SensitivityPartial> parts);

} // namespace ql::eval
