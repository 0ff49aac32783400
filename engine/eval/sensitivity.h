// SPDX-License-Identifier: MIT
// Sensitivity: for each weighted layer, the model's metric when only that layer stays float, and when only
// that layer is quantized; a ranking; and the smallest set of float layers (greedy, most helpful first)
// that brings the metric within a budget of the float model. The metric is top-1 accuracy with labels,
// else agreement with the float model's top-1. The float model's outputs and the calibrated ranges are
// computed once and reused for every variant.
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
    std::vector<int> keepFloat; // the selection, operator indices
    double selectionMetric = 0;
    bool withinBudget = false;
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

} // namespace ql::eval
