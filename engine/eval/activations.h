// SPDX-License-Identifier: MIT
// Activation analysis: run the float model and its quantized version on the same samples, layer by layer.
// For every operator output: the local error (the float activation quantized-dequantized with that
// tensor's own parameters: how much this tensor's quantization costs by itself) and the propagated error
// (the quantized model's tensor, dequantized, against the float model's: everything upstream included),
// with the same metrics as the weight analysis, the fraction of values outside the representable range,
// and a histogram of the float activations with that range.
#pragma once

#include "core/result.h"
#include "data/samples.h"
#include "eval/metrics.h"
#include "model/graph.h"
#include "passes/quantize.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace ql::eval {

struct ActivationLayer {
    int op = -1; // operator of the float graph
    std::string opName;
    int tensor = -1; // its output tensor in the float graph
    std::string name;
    std::string dtype; // of the matching tensor in the quantized graph ("int8", "int16", "float32")
    bool hasRange = false; // quantized: scale / zero point and the representable range below
    float scale = 0;
    std::int64_t zeroPoint = 0;
    float rangeLo = 0, rangeHi = 0;
    ErrorMetrics local, propagated;
    double clippedFraction = 0; // float values outside [rangeLo, rangeHi]
    Histogram histogram; // float activations (the first samples), over the range and the values seen
};

struct ActivationOptions {
    passes::Mode mode = passes::Mode::Int8;
    std::int64_t samples = 32;
    std::int64_t dynamicMinElements = 1024; // dynamic mode: which inputs hybrid operators quantize
    int bins = 64;
};

// `quantized` must come from `floatGraph` through passes::quantizeGraph with float I/O (tensors are matched
// by name). progress(done, total) per sample.
Result<std::vector<ActivationLayer>> analyzeActivations(const model::Graph& floatGraph, const model::Graph& quantized,
    const data::SampleSet& data, const ActivationOptions& options,
    const std::function<void(std::int64_t, std::int64_t)>& progress = {}, const std::atomic<bool>* cancel = nullptr);

// --- The analysis in pieces, for one run and for the shards of a run over machines ---

// What one sample adds to one layer's statistics. A layer's metrics are the fold of every sample's statistics
// in sample order (foldSample), so shards that keep their samples' statistics merge into one run's numbers.
struct ActivationSampleStats {
    MetricAccumulator local, propagated;
    std::int64_t clipped = 0, total = 0;
};

struct ActivationMeasure {
    std::vector<ActivationLayer> layers; // described (operator, tensor, dtype, range), not yet measured
    std::vector<std::vector<float>> kept; // per layer: the float values of the analysis's first 4 samples
};

// Measures the first `count` samples of `data`, which are samples first, first + 1, ... of the whole analysis
// (a shard's share), handing each sample's statistics (one per layer) to `sink` in order.
Result<ActivationMeasure> measureActivations(const model::Graph& floatGraph, const model::Graph& quantized,
    const data::SampleSet& data, const ActivationOptions& options, std::int64_t first, std::int64_t count,
    const std::function<void(std::vector<ActivationSampleStats>&&)>& sink,
    const std::function<void(std::int64_t, std::int64_t)>& progress = {}, const std::atomic<bool>* cancel = nullptr);

// Adds one sample's statistics to the running totals (empty totals take the sample's size).
void foldSample(std::vector<ActivationSampleStats>& totals, const std::vector<ActivationSampleStats>& sample);

// The layers with their metrics, clipped share and histogram.
std::vector<ActivationLayer> finishActivations(ActivationMeasure measure,
    const std::vector<ActivationSampleStats>& totals, int bins);

} // namespace ql::eval
