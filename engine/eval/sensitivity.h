// SPDX-License-Identifier: MIT
// Sensitivity: for each weighted layer, the model's metric when only that layer stays float, and when only
// that layer is quantized; a ranking; and the smallest set of float layers (greedy, most helpful first)
// that brings the metric within a budget of the float model. The metric is top-1 accuracy with labels,
// else agreement with the float model's top-1. The float model's outputs and the calibrated ranges are
// computed once and reused for every variant.
//
// A run has two stages, each a set of model variants measured per sample: the ranking (everything quantized,
// then per layer only it float and only it quantized) and the selection (the greedy order's growing prefixes
// kept float). One process runs both and stops the selection at the first prefix within the budget; a run split
// over machines (eval/sensitivity_shard.h) measures each stage in shards and merges them into the same numbers.
#pragma once

#include "core/result.h"
#include "data/samples.h"
#include "model/graph.h"
#include "passes/quantize.h"
#include "quant/calibrate.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace ql::eval {

struct LayerSensitivity {
    int op = -1;
    std::string opName;
    double keptFloat = 0; // metric with only this layer float (the rest in the mode)
    double onlyQuantized = 0; // metric with only this layer quantized (the rest float)
    double gain = 0; // keptFloat - the fully quantized metric: what keeping it float buys
    double cost = 0; // the float metric - onlyQuantized: what quantizing it alone costs
};

struct SensitivityResult {
    std::string metric; // "accuracy" or "agreement"
    double floatMetric = 0, quantizedMetric = 0;
    std::vector<LayerSensitivity> layers; // ranked, most sensitive (largest cost, then gain) first
    double budget = 0;
    std::vector<int> order; // the layers the greedy selection tries, in its order (those that help alone)
    std::vector<int> keepFloat; // the selection, operator indices
    double selectionMetric = 0;
    bool withinBudget = false;
    bool complete = true; // false: the ranking alone, the selection stage has not been measured yet
    int runs = 0; // model variants evaluated
};

struct SensitivityOptions {
    passes::QuantizeOptions quantize; // the mode and its options (I/O is forced to float)
    double budget = 0.01; // allowed drop of the metric (0.01 = one point of accuracy)
    int threads = 2;
};

using SensitivityProgress = std::function<void(int done, int total)>;

Result<SensitivityResult> sensitivity(const model::Graph& floatGraph, const data::SampleSet& data,
    const std::vector<quant::TensorRange>& ranges, const SensitivityOptions& options,
    const SensitivityProgress& progress = {}, const std::atomic<bool>* cancel = nullptr);

// --- The building blocks, shared by one run and the merge of shards ---

// What a stage measured, per sample.
struct SensitivitySamples {
    std::vector<int> labels; // empty without labels
    std::vector<int> reference; // the float model's top-1
    std::vector<std::vector<int>> top1; // per variant
};

struct SensitivityLayer {
    int op = -1;
    std::string opName;
};

// The weighted layers a run ranks, in operator order; refused for a model without any, or for float32.
Result<std::vector<SensitivityLayer>> sensitivityLayers(const model::Graph& floatGraph, const SensitivityOptions& o);
// The ranking stage's variants as operators kept float: none, then per layer only it, then all but it.
std::vector<std::vector<int>> rankingVariants(const model::Graph& floatGraph, const std::vector<SensitivityLayer>& l);
// The selection stage's variants: the first 1, 2, ... layers of the greedy order kept float.
std::vector<std::vector<int>> selectionVariants(const std::vector<int>& order);

// Measures the variants on `data`, appending to `into` (whose float reference is computed when it has none).
Status measureVariants(const model::Graph& floatGraph, const data::SampleSet& data,
    const std::vector<quant::TensorRange>& ranges, const SensitivityOptions& options,
    const std::vector<std::vector<int>>& variants, SensitivitySamples& into, const SensitivityProgress& progress = {},
    const std::atomic<bool>* cancel = nullptr);

// A variant's metric over the samples: accuracy with labels, else agreement with the float model.
double variantMetric(const SensitivitySamples& s, std::size_t variant);

// The result from the ranking stage over all samples (variants as rankingVariants orders them): the ranked layers,
// the greedy order and, when the selection needs no variant (already within the budget, or nothing helps), the
// selection; else `complete` is false until completeSelection.
SensitivityResult rankSensitivity(
    const SensitivitySamples& ranking, const std::vector<SensitivityLayer>& layers, double budget);
// Whether the selection stage has anything to measure.
bool selectionNeeded(const SensitivityResult& r);
// Completes the selection from the metrics of the order's prefixes (1, 2, ...; those after the first within the
// budget are ignored, as one run never measures them). Refused when fewer than needed were measured.
Status completeSelection(SensitivityResult& r, const std::vector<double>& prefixMetrics);

} // namespace ql::eval
